package mention

import (
	"strings"
	"testing"

	"eventgraph/graph/model"
)

// personsOf lists the persons of a result by display name, with the texts
// of their mentions.
func personsOf(r Result) map[string][]string {
	names := map[string]string{}
	for _, a := range r.Actors {
		if a.Kind == model.Person {
			names[a.ID] = a.Name
		}
	}
	out := map[string][]string{}
	for _, m := range r.Mentions {
		if n, ok := names[m.ActorID]; ok && m.Kind == Person {
			out[n] = append(out[n], m.Text)
		}
	}
	return out
}

// Persons named without a title, and the mentions that resolve to them
// within the article (made-up names and sentences).
func TestPersonsWithoutTitle(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       map[string][]string // person -> its mentions, in order
		not        []string            // texts that must not be a person
	}{
		{"apposition after a title",
			"The Cabinet spokesman, Darius Molnar, said the budget was ready. Molnar added that it would pass.",
			map[string][]string{"Darius Molnar": {"Darius Molnar", "Molnar"}}, nil},
		{"an apposition with a place and a group word before the office",
			"Zoran Milic, a Kosovo Serb businessman, was named as a suspect. Milic could not be reached.",
			map[string][]string{"Zoran Milic": {"Zoran Milic", "Milic"}}, nil},
		{"a first name that is a city's",
			"Milan Radanovic, a Serb businessman, was named as a suspect.",
			map[string][]string{"Milan Radanovic": {"Milan Radanovic"}}, nil},
		{"a nickname before the apposition",
			"Police extradited Luis Alberto Pena Mora, alias \"Toro\", the leader of a gang, on Sunday. Pena was flown out.",
			map[string][]string{"Luis Alberto Pena Mora": {"Luis Alberto Pena Mora", "Pena"}}, nil},
		{"shorter forms of a name of three words",
			"Prime Minister Tesfaye Bekele Alemu met the envoy. Tesfaye Bekele said later that Tesfaye Alemu would travel.",
			map[string][]string{"Tesfaye Bekele Alemu": {"Tesfaye Bekele Alemu", "Tesfaye Bekele", "Tesfaye Alemu"}}, nil},
		{"a surname inside a longer name",
			"Former minister Amadou Kalla Bouba came second. Kalla rejected the results.",
			map[string][]string{"Amadou Kalla Bouba": {"Amadou Kalla Bouba", "Kalla"}}, nil},
		{"a surname that is a capital's name, after its person",
			"Brazilian Foreign Minister Ana Lima met her Chilean counterpart on Tuesday. Lima said the talks would continue in Santiago.",
			map[string][]string{"Ana Lima": {"Ana Lima", "Lima"}}, nil},
		{"names with ages, coordinated",
			"Police identified the two men as Mateo Apaza Huaman, 41, and Lucas Condori, 36.",
			map[string][]string{"Mateo Apaza Huaman": {"Mateo Apaza Huaman"}, "Lucas Condori": {"Lucas Condori"}}, nil},
		{"an age in an apposition after a plain noun",
			"The nurse, Mariana Fuentes, 27, who runs the district clinic, said insulin had run out.",
			map[string][]string{"Mariana Fuentes": {"Mariana Fuentes"}}, nil},
		{"a nickname after the object",
			"Chilean police on Tuesday handed over Tomas Salas Vera, alias \"El Zorro\", to Peruvian officers.",
			map[string][]string{"Tomas Salas Vera": {"Tomas Salas Vera"}}, nil},
		{"apposition after a family noun",
			"His wife, Ana Lopez, told reporters he was innocent.",
			map[string][]string{"Ana Lopez": {"Ana Lopez"}}, nil},
		{"a country's person",
			"The two leaders, Portugal's Rui Tavares and Spain's Iker Salazar, met on Sunday. Salazar arrived by train.",
			map[string][]string{"Rui Tavares": {"Rui Tavares"}, "Iker Salazar": {"Iker Salazar", "Salazar"}}, nil},
		{"X, who ...",
			"Ali Farzaneh, who heads the council, signed the deal. Farzaneh left on Monday.",
			map[string][]string{"Ali Farzaneh": {"Ali Farzaneh", "Farzaneh"}}, nil},
		{"subject of a past-tense verb",
			"Olga Petrenko arrived in Kyiv on Monday.",
			map[string][]string{"Olga Petrenko": {"Olga Petrenko"}}, nil},
		{"a person noun with a nationality",
			"Iran released Dutch aid worker Pieter Hoekstra on Friday.",
			map[string][]string{"Pieter Hoekstra": {"Pieter Hoekstra"}}, nil},
		{"a middle name that is a sect's",
			"Prime Minister Hadi Shia al-Marzouq met the envoy.",
			map[string][]string{"Hadi Shia al-Marzouq": {"Hadi Shia al-Marzouq"}}, nil},
		{"other spellings of a surname in one article",
			"Interim President Ahmad al-Rawdha met the envoy. Al-Rawdhah said later that Rawda would travel.",
			map[string][]string{"Ahmad al-Rawdha": {"Ahmad al-Rawdha", "Al-Rawdhah", "Rawda"}}, nil},
		{"a given name after the full name",
			"Foreign Minister Prince Nasser bin Fahad arrived in Doha. Prince Nasser said talks went well.",
			map[string][]string{"Nasser bin Fahad": {"Nasser bin Fahad", "Nasser"}}, nil},
		{"apposition after a lower-case office with a possessive",
			"The ministry handed him a note declaring the embassy's first secretary, Pavel Zorin, persona non grata.",
			map[string][]string{"Pavel Zorin": {"Pavel Zorin"}}, nil},
		{"apposition after the name, its office opening with a modifier",
			"The ministry declared persona non grata Pavel Zorin, first secretary of the embassy, on Monday.",
			map[string][]string{"Pavel Zorin": {"Pavel Zorin"}}, nil},
		{"apposition after a person noun with a nationality, an age after the name",
			"Police arrested a Serbian citizen, Nemanja Vukotic, 42, on suspicion of smuggling.",
			map[string][]string{"Nemanja Vukotic": {"Nemanja Vukotic"}}, nil},
		{"an age before the noun of an apposition",
			"The office demanded the release of Nemanja Vukotic, a 54-year-old resident of Nis, on Sunday. Vukotic, a retired truck driver, was held.",
			map[string][]string{"Nemanja Vukotic": {"Nemanja Vukotic", "Vukotic"}}, nil},
		{"given names written as capital initials",
			"The envoy called on Prime Minister RK Bista Magar at his residence. Magar said the talks went well.",
			map[string][]string{"RK Bista Magar": {"RK Bista Magar", "Magar"}}, nil},
		{"an acronym after a title is no initials",
			"Foreign Minister UN Secretary",
			map[string][]string{}, nil},
		{"a given name cut short is the same person in one article",
			"Rear Admiral Ndubuisi Anozie said the tanker was seized. Buisi Anozie told reporters the crew was held.",
			map[string][]string{"Ndubuisi Anozie": {"Ndubuisi Anozie", "Buisi Anozie"}}, nil},
		{"a woman's name made from a man's is another person",
			"Ivan Novak, the mayor, met Ivanka Novak, the judge, on Monday.",
			map[string][]string{"Ivan Novak": {"Ivan Novak"}, "Ivanka Novak": {"Ivanka Novak"}}, nil},
		{"a given name alone is the person it opens, not another's surname",
			"Foreign Minister Tadesse Adede met Prime Minister Adiy Kebede on Monday. Adiy said the talks went well.",
			map[string][]string{"Tadesse Adede": {"Tadesse Adede"}, "Adiy Kebede": {"Adiy Kebede", "Adiy"}}, nil},
		{"a title phrase with an of-object, the name after a comma",
			"The memorandum was signed by Togo's Minister of Trade and Industry, Kossi Amegah Dogbe, and Ghana's Minister of State for Planning, Yaw Mensah-Boateng, on Monday. Dogbe said the border would reopen.",
			map[string][]string{"Kossi Amegah Dogbe": {"Kossi Amegah Dogbe", "Dogbe"}, "Yaw Mensah-Boateng": {"Yaw Mensah-Boateng"}}, nil},
		{"an untitled subject with an age",
			"Hernan Dario Lozano Pardo, 51, had been wanted on eleven warrants. Lozano was buried on Friday.",
			map[string][]string{"Hernan Dario Lozano Pardo": {"Hernan Dario Lozano Pardo", "Lozano"}}, nil},
		{"an untitled subject with a participle apposition",
			"Hernan Dario Lozano, known by his alias \"Zorro\", was among six fighters killed in the raid.",
			map[string][]string{"Hernan Dario Lozano": {"Hernan Dario Lozano", "Zorro"}}, nil}, // the nickname is his too
		{"a place with a participle apposition is no person",
			"Puerto Lindo, known for its beaches, was among the towns flooded. Monte Verde, known as \"Verdita\", was spared.",
			map[string][]string{}, []string{"Puerto Lindo", "Monte Verde"}},
		{"apposition after a role with a complement of its own",
			"The commissioner of Kolbo County, Peter Amuria Okwir, welcomed the deal. Okwir left on Monday.",
			map[string][]string{"Peter Amuria Okwir": {"Peter Amuria Okwir", "Okwir"}}, nil},
		{"apposition after a role with a lower-case complement",
			"A spokesman for the Narvian border committee, Ivan Gorelik, said the crossing was shut.",
			map[string][]string{"Ivan Gorelik": {"Ivan Gorelik"}}, nil},
		{"a foreign rank before the apposition's name is a title",
			"The commander of Peru's southern naval command, Capitán de Navío Mateo Ruiz Quispe, told reporters the boat was seized. Coronel Andres Vilca Mamani said the crew was held.",
			map[string][]string{"Mateo Ruiz Quispe": {"Mateo Ruiz Quispe"}, "Andres Vilca Mamani": {"Andres Vilca Mamani"}}, nil},
		{"an apposition at the sentence's end",
			"The talks failed, said a local elder, Abdi Nur Galaydh. Officials summoned the Russian chargé d'affaires, Oleg Surnin.",
			map[string][]string{"Abdi Nur Galaydh": {"Abdi Nur Galaydh"}, "Oleg Surnin": {"Oleg Surnin"}}, nil},
		{"a government named after its head",
			"Protesters marched against the government of Marta Quiroga on Monday. The regime of Ebo Nsue Abeso denied it.",
			map[string][]string{"Marta Quiroga": {"Marta Quiroga"}, "Ebo Nsue Abeso": {"Ebo Nsue Abeso"}}, nil},
		{"X, whose ...",
			"Karim Tabbal, whose brother was captured in May, said the talks failed.",
			map[string][]string{"Karim Tabbal": {"Karim Tabbal"}}, nil},
		{"a county's office before the name is its title, not a name word",
			"Lomara County Commissioner Joseph Kiptoo Lagat, who attended the talks, said they failed. Joseph Lagat said later the deal was off.",
			map[string][]string{"Joseph Kiptoo Lagat": {"Joseph Kiptoo Lagat", "Joseph Lagat"}}, []string{"Commissioner Joseph Kiptoo Lagat"}},
		{"a place's government is no person",
			"Protesters marched against the government of Buenos Aires on Monday.",
			map[string][]string{}, []string{"Buenos Aires"}},
		// places and bodies written like names are not persons
		{"a place as subject",
			"Abu Dhabi hosted the talks. Buenos Aires welcomed the move.",
			map[string][]string{}, []string{"Abu Dhabi", "Buenos Aires"}},
		{"an organization after a demonym noun",
			"The Iraqi broadcaster Al Sumaria reported the news.",
			map[string][]string{}, []string{"Al Sumaria"}},
		{"a person described by a noun, or named as",
			"The driver was identified as Rodrigo Valdes. The other passenger, a Peruvian citizen, Hugo Salazar, was freed. Among those held was Bolivian national Tomas Arce. A guard, Sgt Marco Paredes, was hurt.",
			map[string][]string{"Rodrigo Valdes": {"Rodrigo Valdes"}, "Hugo Salazar": {"Hugo Salazar"}, "Tomas Arce": {"Tomas Arce"}, "Marco Paredes": {"Marco Paredes"}}, []string{"Sgt Marco Paredes"}},
		{"an administration named after its head",
			"Talks with Evo Ramallo's administration stalled in May.",
			map[string][]string{"Evo Ramallo": {"Evo Ramallo"}}, nil},
		{"a name whose surname alone acts as a person elsewhere",
			"Voters backed Andres Quiroga in the mayoral race in June. Quiroga, who ran on a transport plan, beat Lucia Benavides by 900 votes. Benavides had conceded by midnight.",
			map[string][]string{"Andres Quiroga": {"Andres Quiroga", "Quiroga"}, "Lucia Benavides": {"Lucia Benavides", "Benavides"}}, nil},
		{"a place alone before a speech verb makes no person of a name ending in it",
			"Lima said the talks failed. The Gran Lima plan was shelved.",
			map[string][]string{}, []string{"Gran Lima"}},
		{"an office with a plain noun before it, in an apposition",
			"Achieng Odera, a government spokesperson, told a news conference that the budget was ready.",
			map[string][]string{"Achieng Odera": {"Achieng Odera"}}, nil},
		{"the chair of an organization, in an apposition",
			"The chairperson of the Lake Fishermen's Cooperative, Nasimiyu Wekesa, told reporters the ban was unfair.",
			map[string][]string{"Nasimiyu Wekesa": {"Nasimiyu Wekesa"}}, nil},
		{"an office's complement with nouns joined by and",
			"The head of the county's water and sanitation office, Wekesa Mabonga, announced the repairs.",
			map[string][]string{"Wekesa Mabonga": {"Wekesa Mabonga"}}, nil},
		{"an occupation written in lower case before the name",
			"Police questioned the lawyer Wanjiku Moraa for six hours.",
			map[string][]string{"Wanjiku Moraa": {"Wanjiku Moraa"}}, nil},
		{"a legislator's title",
			"Deputy Kamau Gitonga asked the minister to resign.",
			map[string][]string{"Kamau Gitonga": {"Kamau Gitonga"}}, nil},
		{"the subject of a clause after a conjunction",
			"Prices rose sharply after Halima Tuva became finance minister.",
			map[string][]string{"Halima Tuva": {"Halima Tuva"}}, nil},
		{"two people with one surname stay two",
			"Foreign Minister Hassan Nadhum met Hussein Nadhum, who heads the bank.",
			map[string][]string{"Hassan Nadhum": {"Hassan Nadhum"}, "Hussein Nadhum": {"Hussein Nadhum"}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := analyzeText("Title\n\n"+c.text, "2024-05-12")
			got := personsOf(r)
			for n, ms := range c.want {
				if strings.Join(got[n], "|") != strings.Join(ms, "|") {
					t.Errorf("%s: mentions %q, want %q (all: %v)", n, got[n], ms, got)
				}
			}
			if len(c.want) == 0 && len(got) > 0 {
				t.Errorf("persons %v, want none", got)
			}
			for _, n := range c.not {
				if _, ok := got[n]; ok {
					t.Errorf("%q is a person", n)
				}
			}
		})
	}
}

// TestInitialsMatch: "Name (ACR)" defines the acronym only when every
// capitalized word's initial is in it.
func TestInitialsMatch(t *testing.T) {
	for _, c := range []struct {
		words, acr string
		want       bool
	}{
		{"Syrian Democratic Forces", "SDF", true},
		{"Popular Mobilization Forces", "PMF", true},
		{"Arab Emirates", "AP", false}, // "DUBAI, United Arab Emirates (AP) -"
		{"Kenya", "KE", true},
	} {
		toks := tokenize(c.words, strings.ToLower(c.words), nil)
		if got := initialsMatch(toks, c.acr); got != c.want {
			t.Errorf("initialsMatch(%q, %q) = %v, want %v", c.words, c.acr, got, c.want)
		}
	}
}
