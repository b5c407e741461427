package extract

import (
	"fmt"
	"strings"
	"testing"

	"eventgraph/loader/ascii"
)

// quantitiesOf runs the quantity finder over one sentence and prints each
// quantity as "value unit [counts] «text»".
func quantitiesOf(s string) string {
	toks := tokenize(s, ascii.Lower(s), nil)
	var out []string
	for _, q := range sentenceQuantities(s, toks) {
		if q.Text != s[q.s:q.e] {
			return "bad span " + q.Text
		}
		c := ""
		if q.Counts != "" {
			c = " [" + q.Counts + "]"
		}
		out = append(out, fmt.Sprintf("%g %s%s «%s»", q.Value, q.Unit, c, q.Text))
	}
	return strings.Join(out, "; ")
}

func TestSentenceQuantities(t *testing.T) {
	tests := []struct{ sentence, want string }{
		// measures, with what they measure
		{"The ministry opened a 160-km fence along the eastern frontier.", "160 km [fence] «160-km»"},
		{"Engineers finished 160 km of the barrier last week.", "160 km [barrier] «160 km»"},
		{"Crews finished the 600-kilometre long border fence.", "600 km [border fence] «600-kilometre»"},
		{"They opened a 160-kilometer-long concrete wall.", "160 km [concrete wall] «160-kilometer-long»"},
		{"They opened a 50-km reinforcing barrier separating the two towns.", "50 km [reinforcing barrier] «50-km»"},
		{"Officials said 60% of the plan was done.", "60 % [plan] «60%»"},
		{"Two Chilean crew members were freed.", "2 people [members] «Two Chilean crew members»"},
		{"The army shut 80% of the crossings previously used by smugglers.", "80 % [crossings] «80%»"},
		{"Over 15,000 individuals and two sailors were moved.", "15000 people [individuals] «15,000 individuals»; 2 people [sailors] «two sailors»"},
		{"The river rose by 2.5 metres overnight.", "2.5 m «2.5 metres»"},
		{"Customs officers seized 1.5 tons of cocaine in the port.", "1.5 tons [cocaine] «1.5 tons»"},
		{"The fire burned 300 square kilometres of forest.", "300 km2 [forest] «300 square kilometres»"},
		{"Turnout reached 80% of registered voters.", "80 % [registered voters] «80%»"},
		{"Prices rose 12 percent in March.", "12 % «12 percent»"},
		{"Unemployment stands at 7.5 per cent.", "7.5 % «7.5 per cent»"},
		// money
		{"The donors pledged $5 billion in aid.", "5e+09 USD «$5 billion»"},
		{"The bank lent US$ 300 million to the utility.", "3e+08 USD «US$ 300 million»"},
		{"The fund gave €3m to the schools.", "3e+06 EUR «€3m»"},
		{"They paid 20 million dollars for the ship.", "2e+07 USD «20 million dollars»"},
		{"The budget is $2bn this year.", "2e+09 USD «$2bn»"},
		// counts of things and of people
		{"Police found 11 million Captagon pills in a truck.", "1.1e+07 pills [pills] «11 million Captagon pills»"},
		{"Some 223 families returned to the village.", "223 families [families] «223 families»"},
		{"The clashes left 35 killed and 60 wounded.", "35 people [killed] «35 killed»; 60 people [wounded] «60 wounded»"},
		{"The flooding has left 260,000 displaced across the province.", "260000 people [displaced] «260,000 displaced»"},
		{"An ambush killed two soldiers near the crossing.", "2 people [soldiers killed] «two soldiers»"},
		{"Twelve fishermen were rescued at sea.", "12 people [fishermen] «Twelve fishermen»"},
		{"A dozen protesters gathered outside the embassy.", "12 people [protesters] «A dozen protesters»"},
		{"The strike killed 35 people, officials said.", "35 people [people killed] «35 people»"},
		{"Authorities said 35 people killed in the blast were civilians.", "35 people [people killed] «35 people killed»"},
		{"Gunmen opened fire, killing 14 and wounding 20.", "14 people [killed] «14»; 20 people [wounded] «20»"},
		{"Twenty-five Syrians crossed the river.", "25 people [syrians] «Twenty-five Syrians»"},
		{"Three hundred thousand refugees have returned.", "300000 people [refugees] «Three hundred thousand refugees»"},
		{"The convoy carried 1,500 tents and 40 trucks of flour.", "1500 tents [tents] «1,500 tents»; 40 trucks [trucks] «40 trucks»"},
		{"A 10-member delegation arrived on Monday.", "10 people [member] «10-member»"},
		{"The army deployed 2000 troops to the border.", "2000 people [troops] «2000 troops»"},
		// approximate counts are left out
		{"Dozens of people were arrested and hundreds of families fled.", ""},
		{"Thousands of protesters marched.", ""},
		// years, dates, times, ages, names and ordinals are no quantities
		{"In 2024, the two countries signed the treaty.", ""},
		{"The talks took place on May 12 and 13 May 2023.", ""},
		{"The meeting began at 10:30 and ended at 4 p.m.", ""},
		{"A man aged 35 was arrested.", ""},
		{"The suspect, 35, was arrested.", ""},
		{"Ahmed (42) was detained.", ""},
		{"The 35-year-old driver was released.", ""},
		{"The council adopted Resolution 2254 unanimously.", ""},
		{"Article 5 obliges members to respond.", ""},
		{"Resolution 2254 calls for elections.", ""},
		{"It was the 4th meeting of the committee.", ""},
		{"The ceasefire lasted three days.", ""},
		{"He served 15 years in prison.", ""},
		{"One of the guards was hurt.", ""},
		{"The two sides met again.", ""},
		{"The 1990s were violent.", ""},
		{"Route 4 was closed.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			if got := quantitiesOf(tt.sentence); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// The unit lexicon is read strictly: a short row, an unknown class or a
// bad number is an error naming the line.
func TestParseUnits(t *testing.T) {
	if _, err := parseUnits(unitsTSV); err != nil {
		t.Fatalf("the embedded lexicon: %v", err)
	}
	for _, bad := range []string{"km\tmeasure", "km\tmetric\tkm", "ten\tnumber\tx", "ten\tscale\t-3", "\tmeasure\tkm"} {
		if _, err := parseUnits("# comment\n" + bad + "\n"); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%q: err %v, want an error on line 2", bad, err)
		}
	}
}
