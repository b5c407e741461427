package mention

import "testing"

// TestCapitalActs: a capital that acts is its country's actor; a capital
// that is where something happens stays a place (made-up sentences).
func TestCapitalActs(t *testing.T) {
	for _, c := range []struct {
		text, capital, country string // country "" means a pure place
	}{
		{"Moscow accused Kyiv of shelling the plant.", "Moscow", "Russia"},
		{"Moscow accused Kyiv of shelling the plant.", "Kyiv", "Ukraine"},
		{"Addis Ababa also suspended flights to Nairobi.", "Addis Ababa", "Ethiopia"},
		{"The talks, held in Cairo on Monday, ended without a deal.", "Cairo", ""},
		{"Delegates met in Moscow and Cairo on Monday.", "Cairo", ""},
		{"The reforms of the Moscow and Cairo platforms stalled.", "Cairo", ""},
		{"Ankara is a large city.", "Ankara", ""},
		{"It was the first patrol since Quito and Lima signed the accord.", "Lima", "Peru"},
		{"Quito broke off relations with Lima in March.", "Quito", "Ecuador"},
		{"Ankara has said it will retaliate.", "Ankara", "Turkey"},
		{"Lima recalled its envoy after the government in Caracas expelled its diplomats.", "Caracas", "Venezuela"},
		{"Officials in Bishkek said the border was closed.", "Bishkek", "Kyrgyzstan"},
		{"Protesters marched in Bishkek on Monday.", "Bishkek", ""},
		{"The ministry sent a diplomatic note to Lima on Monday.", "Lima", "Peru"},
		{"The ministry sent a note to the embassy in Lima on Monday.", "Lima", ""},
	} {
		r := analyzeText(c.text, "")
		found := false
		for _, m := range r.Mentions {
			if m.Text != c.capital {
				continue
			}
			found = true
			got := ""
			for _, a := range r.Actors {
				if a.ID == m.ActorID {
					got = a.Name
				}
			}
			if c.country == "" && m.ActorID != "" || c.country != "" && got != c.country && !(c.country == "Turkey" && got == "Türkiye") {
				t.Errorf("%q: %q is actor %q, want %q", c.text, c.capital, got, c.country)
			}
		}
		if !found {
			t.Errorf("%q: no mention of %q", c.text, c.capital)
		}
	}
}

// TestDemonymOfSite: a demonym before a kind of place locates it ("the
// Chilean resort of Viña del Mar"); it names no actor.
func TestDemonymOfSite(t *testing.T) {
	for _, c := range []struct {
		text, demonym string
		actor         bool
	}{
		{"Ministers met at the Chilean resort of Vina del Mar.", "Chilean", false},
		{"Gunmen attacked a Kenyan border town on Monday.", "Kenyan", true}, // "border" is no kind of place: the attack's target country
		{"Kenyan troops attacked the town.", "Kenyan", true},
	} {
		r := analyzeText(c.text, "")
		found := false
		for _, m := range r.Mentions {
			if m.Text == c.demonym {
				found = true
				if (m.ActorID != "") != c.actor {
					t.Errorf("%q: %q has actor %q, want one: %v", c.text, c.demonym, m.ActorID, c.actor)
				}
			}
		}
		if !found && c.actor {
			t.Errorf("%q: no mention of %q", c.text, c.demonym)
		}
	}
}

// TestNameForms: a monarch's numeral and a middle initial are part of the
// name, a name set off by "a 41-year-old …" is a person's, and a short
// form opened by the Mauritanian "Ould" (son of) is the person named in
// full before (made-up names).
func TestNameForms(t *testing.T) {
	for _, c := range []struct{ text, mention, want string }{
		{"Information Minister Tesfa G. Mariam said on Tuesday that talks would resume.", "Tesfa G. Mariam", "Tesfa G. Mariam"},
		{"Police named the driver as Arben Kelmendi, a 41-year-old trader from Peja.", "Arben Kelmendi", "Arben Kelmendi"},
		{"King Amadou Bello VII received the envoy in Kano on Friday.", "Amadou Bello VII", "Amadou Bello VII"},
		{"President Sidi Ould Cheikh Brahim arrived on Friday. Ould Brahim said he was pleased.", "Ould Brahim", "Sidi Ould Cheikh Brahim"},
	} {
		r := analyzeText(c.text, "")
		got := ""
		for _, m := range r.Mentions {
			if m.Text != c.mention {
				continue
			}
			for _, a := range r.Actors {
				if a.ID == m.ActorID {
					got = a.Name
				}
			}
		}
		if got != c.want {
			t.Errorf("%q: %q is %q, want %q", c.text, c.mention, got, c.want)
		}
	}
}
