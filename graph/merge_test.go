package graph

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// Made-up actors and places of the merge tests (no article's).
var (
	mKenya    = Actor{ID: ActorID("Kenya"), Name: "Kenya", Kind: Country, Country: "KE"}
	mEthiopia = Actor{ID: ActorID("Ethiopia"), Name: "Ethiopia", Kind: Country, Country: "ET"}
	mPolice   = Actor{ID: ActorID("Kenyan Police"), Name: "Kenyan Police", Kind: Organization, Country: "KE"}
	mMinister = Actor{ID: ActorID("Lee Kinyanjui"), Name: "Lee Kinyanjui", Kind: Person, Country: "KE"}
	mOther    = Actor{ID: ActorID("Kassahun Gofe"), Name: "Kassahun Gofe", Kind: Person, Country: "ET"}
	mWarsame  = Actor{ID: ActorID("Abdi Warsame"), Name: "Abdi Warsame", Kind: Person}
	mNairobi  = Place{ID: PlaceID("Nairobi", "KE"), Name: "Nairobi", Kind: "capital", Country: "KE"}
	mMombasa  = Place{ID: PlaceID("Mombasa", "KE"), Name: "Mombasa", Kind: "city", Country: "KE"}
	mKisumu   = Place{ID: PlaceID("Kisumu", "KE"), Name: "Kisumu", Kind: "city", Country: "KE"}
	mAddis    = Place{ID: PlaceID("Addis Ababa", "ET"), Name: "Addis Ababa", Kind: "capital", Country: "ET"}
	mForces   = Actor{ID: ActorID("Kenyan Security Forces"), Name: "Kenyan Security Forces", Kind: Organization}
	mKDF      = Actor{ID: ActorID("Kenyan Defence Forces"), Name: "Kenyan Defence Forces", Kind: Organization, Country: "KE"}
	mShabaab  = Actor{ID: ActorID("al-Shabaab"), Name: "al-Shabaab", Kind: Group}
	mPolice2  = Actor{ID: ActorID("Kenyan Police Service"), Name: "Kenyan Police Service", Kind: Organization}
	mPeru     = Actor{ID: ActorID("Peru"), Name: "Peru", Kind: Country, Country: "PE"}
	mBolivia  = Actor{ID: ActorID("Bolivia"), Name: "Bolivia", Kind: Country, Country: "BO"}
	mSomalia  = Actor{ID: ActorID("Somalia"), Name: "Somalia", Kind: Country, Country: "SO"}
	mKenyaP   = Place{ID: PlaceID("Kenya", "KE"), Name: "Kenya", Kind: "country", Country: "KE"}
	mNamanga  = Place{ID: PlaceID("Namanga crossing", "KE"), Name: "Namanga crossing", Kind: "crossing", Country: "KE"}
	// a country's institutions
	mMinistry   = Actor{ID: ActorID("Kenyan Ministry of Foreign Affairs"), Name: "Kenyan Ministry of Foreign Affairs", Kind: Organization, Country: "KE"}
	mMinistryET = Actor{ID: ActorID("Ethiopian Ministry of Foreign Affairs"), Name: "Ethiopian Ministry of Foreign Affairs", Kind: Organization, Country: "ET"}
	mEmbassy    = Actor{ID: ActorID("Ethiopian Embassy"), Name: "Ethiopian Embassy", Kind: Organization, Country: "ET"}
)

// mReport is one article's report of one happening, as the loader gives it.
type mReport struct {
	cameo, typ, title, sentence string
	date                        DateSpan
	actors                      []Actor
	place                       *Place
	agreement                   string // kind of the agreement signed, if any
	topics                      []string
	quantities                  []Quantity
	body                        bool // told in the body, not the headline
}

// facts makes the article of a report.
func (r mReport) facts(name string) *Facts {
	art := Article{Title: name, Published: r.date.End, Text: r.sentence}
	art.ID = ArticleID(art)
	at := 0
	if r.body {
		at = 400
	}
	e := Event{ID: NewID("event", art.ID, "0"), CAMEO: r.cameo, Type: r.typ, Title: r.title, Date: r.date,
		Evidence: []Evidence{{ArticleID: art.ID, Sentence: r.sentence, Start: at, End: at + len(r.sentence)}}}
	f := &Facts{Article: art}
	var parties []string
	for i, a := range r.actors {
		role := "source"
		if i > 0 {
			role = "target"
		}
		e.Participants = append(e.Participants, Participation{ActorID: a.ID, Role: role})
		f.Actors = append(f.Actors, a)
		if a.Kind != Person {
			parties = append(parties, a.ID)
		}
	}
	if r.place != nil {
		e.PlaceID = r.place.ID
		f.Places = append(f.Places, *r.place)
	}
	for _, q := range r.quantities {
		q.ArticleID = art.ID
		e.Quantities = append(e.Quantities, q)
	}
	if r.agreement != "" {
		sort.Strings(parties)
		g := Agreement{ID: NewID("agreement", art.ID), Kind: r.agreement, Name: r.agreement, Date: r.date, PlaceID: e.PlaceID,
			Parties: parties, EventID: e.ID, Evidence: e.Evidence, Topics: r.topics}
		e.AgreementID = g.ID
		f.Agreements = append(f.Agreements, g)
	}
	f.Events = []Event{e}
	return f
}

func day(d string) DateSpan { return span(d, d, Day) }

func TestMergeByScore(t *testing.T) {
	june := span("2025-06-01", "2025-06-30", Month)
	signing := mReport{cameo: "057", typ: "sign agreement", title: "Kenya and Ethiopia sign memorandum on cross-border trade",
		sentence: "Kenya and Ethiopia signed a memorandum of understanding on cross-border trade in Nairobi on Tuesday.",
		date:     day("2025-06-10"), actors: []Actor{mKenya, mEthiopia}, place: &mNairobi, agreement: "memorandum of understanding",
		topics: []string{"cross-border trade"}}
	expulsion := mReport{cameo: "166", typ: "expel", title: "Kenya expels Ethiopian diplomat",
		sentence: "Kenya on Tuesday expelled an Ethiopian diplomat.", date: day("2025-03-11"), actors: []Actor{mKenya, mEthiopia}}
	closureMonth := mReport{cameo: "1621", typ: "close crossing", title: "Kenya shuts all its crossings with Ethiopia for two weeks",
		sentence: "Kenya shut all its crossings with Ethiopia for two weeks in September as Ethiopia held the large Simba military exercises.",
		date:     span("2025-09-01", "2025-09-30", Month), actors: []Actor{mKenya, mEthiopia}}
	crossingArrest := mReport{cameo: "173", typ: "arrest", title: "Kenyan Police arrest trader at border crossing",
		sentence: "Kenyan police on Saturday arrested a trader at the Namanga border crossing.",
		date:     day("2025-05-10"), actors: []Actor{mPolice}, place: &mNamanga}
	clashKE := mReport{cameo: "190", typ: "use military force", title: "Kenya and Ethiopia exchange gunfire at Moyale",
		sentence: "Kenyan and Ethiopian soldiers exchange fire at Moyale", date: day("2025-08-14"), actors: []Actor{mKenya, mEthiopia}}
	clashET := mReport{cameo: "193", typ: "fight with small arms", title: "Ethiopia shells Kenyan post in Dillo district",
		sentence: "Ethiopian army shells Kenyan post in Dillo district, Nairobi says", date: day("2025-08-14"),
		actors: []Actor{mEthiopia, mKenya}}
	// one shooting told as unconventional violence and as military force
	shootingKE := mReport{cameo: "180", typ: "use unconventional violence", title: "Kenyan border guards shoot dead two Ethiopian herders",
		sentence: "Kenyan border guards shoot dead two Ethiopian herders", date: day("2025-07-04"), actors: []Actor{mKenya, mEthiopia}}
	killingKE := mReport{cameo: "190", typ: "use military force", title: "Kenya kills two armed Ethiopian smugglers",
		sentence: "Kenya kills two armed Ethiopian smugglers near Moyale", date: day("2025-07-04"), actors: []Actor{mKenya, mEthiopia}}
	suspension := mReport{cameo: "163", typ: "impose embargo", title: "Kenya suspends tea exports to Ethiopia",
		sentence: "Kenya suspended its tea exports to Ethiopia on 14 March 2022 to support prices.",
		date:     day("2022-03-14"), actors: []Actor{mKenya, mEthiopia}}
	body := func(r mReport) mReport { r.body = true; return r }
	on := func(r mReport, d string) mReport { r.date = day(d); return r }
	tests := []struct {
		name string
		a, b mReport
		want bool // one event node
	}{
		{"one signing told by two outlets", signing,
			mReport{cameo: "057", typ: "sign agreement", title: "Ethiopia and Kenya ink memorandum to boost border trade",
				sentence: "Ethiopia and Kenya on Tuesday inked an MoU to boost trade along their common border.",
				date:     day("2025-06-10"), actors: []Actor{mEthiopia, mKenya}, agreement: "memorandum"}, true},
		{"the signing one day apart (another time zone)", signing,
			mReport{cameo: "057", typ: "sign agreement", title: "Ethiopia, Kenya sign trade memorandum",
				sentence: "Ethiopia and Kenya signed a trade memorandum in Nairobi late on Wednesday.",
				date:     day("2025-06-11"), actors: []Actor{mEthiopia, mKenya}, place: &mNairobi, agreement: "memorandum"}, true},
		{"the signing inside the month another outlet gives", signing,
			mReport{cameo: "057", typ: "sign agreement", title: "Kenya and Ethiopia sign cross-border trade memorandum",
				sentence: "Earlier this month Kenya and Ethiopia signed a memorandum on cross-border trade in Nairobi.",
				date:     june, actors: []Actor{mKenya, mEthiopia}, place: &mNairobi, agreement: "memorandum of understanding"}, true},
		{"a meeting the same day, same actors, is another event", signing,
			mReport{cameo: "040", typ: "meet", title: "Kenya and Ethiopia meet in Nairobi on railway links",
				sentence: "Kenya and Ethiopia met in Nairobi on Tuesday to discuss railway links.",
				date:     day("2025-06-10"), actors: []Actor{mKenya, mEthiopia}, place: &mNairobi}, false},
		{"a ceasefire is not a trade memorandum", signing,
			mReport{cameo: "057", typ: "sign agreement", title: "Kenya and Ethiopia sign ceasefire along border",
				sentence: "Kenya and Ethiopia signed a ceasefire on Tuesday.",
				date:     day("2025-06-10"), actors: []Actor{mKenya, mEthiopia}, agreement: "ceasefire"}, false},
		{"another memorandum signed on that visit", signing,
			mReport{cameo: "057", typ: "sign agreement", title: "Kenya and Ethiopia sign memorandum on electricity",
				sentence: "Kenya and Ethiopia also signed a memorandum on electricity in Nairobi on Tuesday.",
				date:     day("2025-06-10"), actors: []Actor{mKenya, mEthiopia}, place: &mNairobi, agreement: "memorandum",
				topics: []string{"electricity"}}, false},
		{"a signing a week later is another", signing,
			mReport{cameo: "057", typ: "sign agreement", title: "Kenya and Ethiopia sign memorandum on cross-border trade",
				sentence: "Kenya and Ethiopia signed a memorandum on cross-border trade on Tuesday.",
				date:     day("2025-06-17"), actors: []Actor{mKenya, mEthiopia}, agreement: "memorandum"}, false},
		{"a signing in another country", signing,
			mReport{cameo: "057", typ: "sign agreement", title: "Kenya and Ethiopia sign memorandum in Addis Ababa",
				sentence: "Kenya and Ethiopia signed a memorandum in Addis Ababa on Tuesday.",
				date:     day("2025-06-10"), actors: []Actor{mKenya, mEthiopia}, place: &mAddis, agreement: "memorandum"}, false},
		{"one raid told twice",
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Police raids warehouse in Mombasa",
				sentence: "Kenyan police raided a warehouse in Mombasa on Monday.",
				date:     day("2025-07-07"), actors: []Actor{mPolice}, place: &mMombasa},
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Police raid port warehouse",
				sentence: "Police on Monday raided a warehouse in the port city of Mombasa.",
				date:     day("2025-07-07"), actors: []Actor{mPolice}, place: &mMombasa}, true},
		{"two raids in two towns the same day",
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Police raids warehouse in Mombasa",
				sentence: "Kenyan police raided a warehouse in Mombasa on Monday.",
				date:     day("2025-07-07"), actors: []Actor{mPolice}, place: &mMombasa},
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Police raids house in Kisumu",
				sentence: "Kenyan police raided a house in Kisumu on Monday.",
				date:     day("2025-07-07"), actors: []Actor{mPolice}, place: &mKisumu}, false},
		{"two raids, one town unknown to the gazetteer",
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Police raids warehouse in Mombasa",
				sentence: "Kenyan police raided a warehouse in Mombasa on Monday.",
				date:     day("2025-07-07"), actors: []Actor{mPolice}, place: &mMombasa},
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Police raids house",
				sentence: "Kenyan police raided a house in Ol Kalou on Monday.",
				date:     day("2025-07-07"), actors: []Actor{mPolice}}, false},
		{"two seizures of different drugs the same day",
			mReport{cameo: "1711", typ: "seize", title: "Kenyan Police seizes two tonnes of cannabis",
				sentence: "Kenyan police seized two tonnes of cannabis on Monday.", date: day("2025-07-07"), actors: []Actor{mPolice},
				quantities: []Quantity{{Value: 2, Unit: "t", Counts: "cannabis"}}},
			mReport{cameo: "1711", typ: "seize", title: "Kenyan Police seizes 40 kilograms of heroin",
				sentence: "Kenyan police seized 40 kilograms of heroin on Monday.", date: day("2025-07-07"), actors: []Actor{mPolice},
				quantities: []Quantity{{Value: 40, Unit: "kg", Counts: "heroin"}}}, false},
		{"one minister's condemnation told as a statement",
			mReport{cameo: "111", typ: "criticize or denounce", title: "Lee Kinyanjui condemns attack on Moyale market",
				sentence: "Lee Kinyanjui condemned the attack on the Moyale market on Tuesday.", date: day("2025-04-08"), actors: []Actor{mMinister}},
			mReport{cameo: "010", typ: "make statement", title: "Lee Kinyanjui says Moyale market attack was terrorism",
				sentence: "Lee Kinyanjui said on Tuesday that the attack on the Moyale market was an act of terrorism.", date: day("2025-04-08"), actors: []Actor{mMinister}}, true},
		{"two ministers' reactions the same day are two",
			mReport{cameo: "111", typ: "criticize or denounce", title: "Lee Kinyanjui condemns attack on Moyale market",
				sentence: "Lee Kinyanjui condemned the attack on the Moyale market on Tuesday.", date: day("2025-04-08"), actors: []Actor{mMinister}},
			mReport{cameo: "010", typ: "make statement", title: "Kassahun Gofe says Moyale market attack was terrorism",
				sentence: "Kassahun Gofe said on Tuesday that the attack on the Moyale market was an act of terrorism.", date: day("2025-04-08"), actors: []Actor{mOther}}, false},
		{"one extradition, the minister named in one report only",
			mReport{cameo: "063", typ: "extradite", title: "Kenya extradites alleged trafficker to Ethiopia",
				sentence: "Kenya extradited an alleged human trafficker to Ethiopia on Thursday, minister Lee Kinyanjui said.",
				date:     day("2025-04-17"), actors: []Actor{mKenya, mEthiopia, mMinister}},
			mReport{cameo: "063", typ: "extradite", title: "Alleged trafficker extradited to Ethiopia",
				sentence: "An alleged trafficker was extradited from Kenya to Ethiopia on Thursday.",
				date:     day("2025-04-17"), actors: []Actor{mEthiopia, mKenya}}, true},
		{"one raid, two forces named, the town in both sentences",
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Security Forces storm militant hideout in Garsen",
				sentence: "Kenyan security forces stormed a militant hideout in Garsen on Monday, killing three suspected fighters.",
				date:     day("2025-08-04"), actors: []Actor{mForces}},
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Police Service raids hideout in Garsen",
				sentence: "Three suspected militants were killed on Monday when police raided their hideout in Garsen.",
				date:     day("2025-08-04"), actors: []Actor{mPolice2}}, true},
		{"two raids by two forces in two towns",
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Security Forces storm militant hideout in Garsen",
				sentence: "Kenyan security forces stormed a militant hideout in Garsen on Monday, killing three suspected fighters.",
				date:     day("2025-08-04"), actors: []Actor{mForces}},
			mReport{cameo: "190", typ: "use military force", title: "Kenyan Police Service raids hideout in Witu",
				sentence: "Two suspected militants were killed on Monday when police raided their hideout in Witu.",
				date:     day("2025-08-04"), actors: []Actor{mPolice2}}, false},
		{"one extradition a day apart, the sentences alike",
			mReport{cameo: "063", typ: "extradite", title: "Peru extradites former mayor to Bolivia",
				sentence: "Peru on Thursday extradited former mayor Ramon Quilla to Bolivia, where he faces corruption charges.",
				date:     day("2025-09-11"), actors: []Actor{mPeru, mBolivia}},
			mReport{cameo: "063", typ: "extradite", title: "Peru extradites him over corruption charges",
				sentence: "Bolivian authorities received former mayor Ramon Quilla after Peru extradited him over corruption charges.",
				date:     day("2025-09-12"), actors: []Actor{mPeru, mBolivia}}, true},
		{"two extraditions between two countries the same week",
			mReport{cameo: "063", typ: "extradite", title: "Peru extradites former mayor to Bolivia",
				sentence: "Peru on Thursday extradited former mayor Ramon Quilla to Bolivia, where he faces corruption charges.",
				date:     day("2025-09-11"), actors: []Actor{mPeru, mBolivia}},
			mReport{cameo: "063", typ: "extradite", title: "Peru extradites drug trafficker to Bolivia",
				sentence: "Peru extradited a drug trafficker wanted for cocaine smuggling to Bolivia on Wednesday.",
				date:     day("2025-09-10"), actors: []Actor{mPeru, mBolivia}}, false},
		{"two statements of one minister on other matters",
			mReport{cameo: "010", typ: "make statement", title: "Lee Kinyanjui says tariffs on tea will fall",
				sentence: "Lee Kinyanjui said on Monday that tariffs on tea would fall.", date: day("2025-03-03"), actors: []Actor{mMinister}},
			mReport{cameo: "010", typ: "make statement", title: "Lee Kinyanjui says railway tender opens in April",
				sentence: "Lee Kinyanjui said on Monday the railway tender opens in April.", date: day("2025-03-03"), actors: []Actor{mMinister}}, false},
		{"one statement told twice",
			mReport{cameo: "010", typ: "make statement", title: "Lee Kinyanjui says tariffs on Ethiopian coffee will fall",
				sentence: "Lee Kinyanjui said on Monday that tariffs on Ethiopian coffee would fall.", date: day("2025-03-03"), actors: []Actor{mMinister}},
			mReport{cameo: "010", typ: "make statement", title: "Coffee tariffs to fall, Lee Kinyanjui says",
				sentence: "Coffee tariffs will fall, Lee Kinyanjui said on Monday.", date: day("2025-03-03"), actors: []Actor{mMinister}}, true},
		{"one border closure told with other words (shuts, closes)",
			mReport{cameo: "1621", typ: "reduce relations", title: "Kenya closes its border crossings with Ethiopia",
				sentence: "Kenya closed its border crossings with Ethiopia on Friday after clashes between herders.",
				date:     day("2025-09-19"), actors: []Actor{mKenya, mEthiopia}},
			mReport{cameo: "1621", typ: "reduce relations", title: "Kenya shuts all checkpoints on frontier with Ethiopia",
				sentence: "Kenyan authorities shut all checkpoints on the frontier with Ethiopia on September 19.",
				date:     day("2025-09-19"), actors: []Actor{mKenya, mEthiopia}}, true},
		{"joining a body told by its day and by its month",
			mReport{cameo: "040", typ: "consult", title: "Kenya joins Lake Basin Commission",
				sentence: "Kenya joined the Lake Basin Commission on April 4, 2023.", date: day("2023-04-04"),
				actors: []Actor{mKenya, {ID: ActorID("Lake Basin Commission"), Name: "Lake Basin Commission", Kind: Organization}}, body: true},
			mReport{cameo: "040", typ: "consult", title: "Kenya becomes member of Lake Basin Commission",
				sentence: "Kenya became a member of the Lake Basin Commission in April 2023.", date: span("2023-04-01", "2023-04-30", Month),
				actors: []Actor{mKenya, {ID: ActorID("Lake Basin Commission"), Name: "Lake Basin Commission", Kind: Organization}}, body: true}, true},
		{"two killings the same day in two towns",
			mReport{cameo: "180", typ: "use unconventional violence", title: "Bandits kill four charcoal sellers near Wajir",
				sentence: "Bandits killed four charcoal sellers near Wajir on Saturday.", date: day("2025-09-20"), body: true},
			mReport{cameo: "180", typ: "use unconventional violence", title: "Bandits shoot dead two traders near Garissa",
				sentence: "On 20 September, bandits shot dead two traders near Garissa.", date: day("2025-09-20"), body: true}, false},
		{"border closures against two neighbours the same day",
			mReport{cameo: "1621", typ: "reduce relations", title: "Kenya closes border with Ethiopia",
				sentence: "Kenya closed its border with Ethiopia on Friday.",
				date:     day("2025-09-19"), actors: []Actor{mKenya, mEthiopia}},
			mReport{cameo: "1621", typ: "reduce relations", title: "Kenya closes border with Somalia",
				sentence: "Kenya closed its border with Somalia on Friday.",
				date:     day("2025-09-19"), actors: []Actor{mKenya, mSomalia}}, false},
		{"a visit named by its month in another article",
			mReport{cameo: "042", typ: "visit", title: "Lee Kinyanjui visits Addis Ababa",
				sentence: "Lee Kinyanjui visited Addis Ababa on Friday.", date: day("2025-02-07"), actors: []Actor{mMinister, mEthiopia}, place: &mAddis},
			mReport{cameo: "042", typ: "visit", title: "Lee Kinyanjui's visit to Addis Ababa",
				sentence: "Since Lee Kinyanjui's February visit to Addis Ababa, trade has grown.", date: span("2025-02-01", "2025-02-28", Month),
				actors: []Actor{mMinister, mEthiopia}, place: &mAddis}, true},
		{"another minister's visit that month",
			mReport{cameo: "042", typ: "visit", title: "Lee Kinyanjui visits Addis Ababa",
				sentence: "Lee Kinyanjui visited Addis Ababa on Friday.", date: day("2025-02-07"), actors: []Actor{mMinister, mEthiopia}, place: &mAddis},
			mReport{cameo: "042", typ: "visit", title: "Kassahun Gofe's visit to Addis Ababa",
				sentence: "Since Kassahun Gofe's February visit to Addis Ababa, trade has grown.", date: span("2025-02-01", "2025-02-28", Month),
				actors: []Actor{mOther, mEthiopia}, place: &mAddis}, false},
		{"a deployment both outlets retell by its month",
			mReport{cameo: "154", typ: "mobilize armed forces", title: "Kenya sends troops to Somalia at request of Abdi Warsame",
				sentence: "Kenya sent 900 troops into Somalia in March after Abdi Warsame asked for help against raids near Kismayo.",
				date:     span("2025-03-01", "2025-03-31", Month), actors: []Actor{mKenya, mWarsame}, body: true,
				quantities: []Quantity{{Value: 900, Counts: "troops"}}},
			mReport{cameo: "154", typ: "mobilize armed forces", title: "Kenyan Defence Forces fly commandos to Somalia at request of government",
				sentence: "The Kenyan Defence Forces flew 120 commandos to Baidoa in March, where Abdi Warsame's government had asked for them.",
				date:     span("2025-03-01", "2025-03-31", Month), actors: []Actor{mKDF, mWarsame}, body: true,
				quantities: []Quantity{{Value: 120, Counts: "commandos"}}}, true},
		{"two deployments of one month told by their own people",
			mReport{cameo: "154", typ: "mobilize armed forces", title: "Kenya sends troops to Somalia at request of Abdi Warsame",
				sentence: "Kenya sent troops into Somalia in March after Abdi Warsame asked for help against raids near Kismayo.",
				date:     span("2025-03-01", "2025-03-31", Month), actors: []Actor{mKenya, mWarsame}, body: true},
			mReport{cameo: "154", typ: "mobilize armed forces", title: "Kenyan Defence Forces deploy police units to Mombasa",
				sentence: "In March the Kenyan Defence Forces sent police units to Mombasa ahead of the elections.",
				date:     span("2025-03-01", "2025-03-31", Month), actors: []Actor{mKDF}, place: &mMombasa, body: true}, false},
		{"one sentencing, the country as one report's place and the capital as the other's",
			mReport{cameo: "172", typ: "sentence", title: "Nairobi court sentences former minister Lee Kinyanjui to ten years",
				sentence: "A Nairobi court sentenced former minister Lee Kinyanjui to ten years in prison on Tuesday.",
				date:     day("2025-10-14"), actors: []Actor{mMinister}, place: &mNairobi},
			mReport{cameo: "173", typ: "arrest", title: "Lee Kinyanjui jailed for ten years",
				sentence: "Kenya's former minister Lee Kinyanjui was jailed for ten years on Tuesday.",
				date:     day("2025-10-14"), actors: []Actor{mMinister}, place: &mKenyaP}, true},
		{"an extradition told as a handing over (kin roots, the same person)",
			mReport{cameo: "063", typ: "extradite", title: "Kenya extradites Kassahun Gofe to Ethiopia",
				sentence: "Kenya extradited opposition activist Kassahun Gofe to Ethiopia on Tuesday.",
				date:     day("2025-02-25"), actors: []Actor{mKenya, mOther, mEthiopia}},
			mReport{cameo: "173", typ: "arrest", title: "Kassahun Gofe handed over to Ethiopian authorities",
				sentence: "Activist Kassahun Gofe was handed over to Ethiopian authorities by Kenyan police on Tuesday.",
				date:     day("2025-02-25"), actors: []Actor{mPolice, mOther}}, true},
		{"an extradition and another person's arrest the same day",
			mReport{cameo: "063", typ: "extradite", title: "Kenya extradites Kassahun Gofe to Ethiopia",
				sentence: "Kenya extradited opposition activist Kassahun Gofe to Ethiopia on Tuesday.",
				date:     day("2025-02-25"), actors: []Actor{mKenya, mOther, mEthiopia}},
			mReport{cameo: "173", typ: "arrest", title: "Lee Kinyanjui arrested in Nairobi",
				sentence: "Police arrested Lee Kinyanjui in Nairobi on Tuesday.",
				date:     day("2025-02-25"), actors: []Actor{mPolice, mMinister}, place: &mNairobi}, false},
		{"visits by two ministers the same day",
			mReport{cameo: "042", typ: "visit", title: "Lee Kinyanjui visits Addis Ababa",
				sentence: "Lee Kinyanjui visited Addis Ababa on Friday.", date: day("2025-02-07"), actors: []Actor{mMinister, mEthiopia}, place: &mAddis},
			mReport{cameo: "042", typ: "visit", title: "Kassahun Gofe visits Nairobi",
				sentence: "Kassahun Gofe visited Nairobi on Friday.", date: day("2025-02-07"), actors: []Actor{mOther, mKenya}, place: &mNairobi}, false},
		{"an expulsion told as its ministry's", expulsion,
			mReport{cameo: "166", typ: "expel", title: "Kenyan Ministry of Foreign Affairs declares diplomat persona non grata",
				sentence: "The Kenyan foreign ministry declared a secretary of the Ethiopian embassy persona non grata on Tuesday.",
				date:     day("2025-03-11"), actors: []Actor{mMinistry, mEmbassy}, place: &mNairobi}, true},
		{"an expulsion the other way the same day is another", expulsion,
			mReport{cameo: "166", typ: "expel", title: "Ethiopian Ministry of Foreign Affairs expels Kenyan diplomat",
				sentence: "The Ethiopian foreign ministry expelled a Kenyan diplomat on Tuesday.",
				date:     day("2025-03-11"), actors: []Actor{mMinistryET, mKenya}}, false},
		{"an arrest at a crossing, resolved in one report only", crossingArrest,
			mReport{cameo: "173", typ: "arrest", title: "Kenyan Police detain trader at Namanga crossing",
				sentence: "Kenyan police detained the trader at the Namanga crossing on Saturday.",
				date:     day("2025-05-10"), actors: []Actor{mPolice}}, true},
		{"a closure told by its month and by its day, the same exercise named", closureMonth,
			mReport{cameo: "1621", typ: "close crossing", title: "Kenya closes all checkpoints on border with Ethiopia during exercise",
				sentence: "Kenya closed all checkpoints on the border with Ethiopia on 12 September during the Simba-2025 exercise.",
				date:     day("2025-09-12"), actors: []Actor{mKenya, mEthiopia}}, true},
		{"a closure by its day in another month's exercise", closureMonth,
			mReport{cameo: "1621", typ: "close crossing", title: "Kenya closes all checkpoints on border with Ethiopia",
				sentence: "Kenya closed all checkpoints on the border with Ethiopia on 12 September, days after the election.",
				date:     day("2025-09-12"), actors: []Actor{mKenya, mEthiopia}}, false},
		// background both reports give with the same month
		{"a closure both tell by the same month", body(closureMonth),
			mReport{cameo: "1621", typ: "close crossing", title: "Kenya shuts border checkpoints with Ethiopia",
				sentence: "In September, Kenya shut the checkpoints on its border with Ethiopia.",
				date:     span("2025-09-01", "2025-09-30", Month), actors: []Actor{mKenya, mEthiopia}, body: true}, true},
		{"a closure in another month", body(closureMonth),
			mReport{cameo: "1621", typ: "close crossing", title: "Kenya shuts border checkpoints with Ethiopia",
				sentence: "In November, Kenya shut the checkpoints on its border with Ethiopia.",
				date:     span("2025-11-01", "2025-11-30", Month), actors: []Actor{mKenya, mEthiopia}, body: true}, false},
		// background one report dates by the day and the other by its
		// year: one node whichever is stored first
		{"a suspension retold by its year", body(suspension),
			mReport{cameo: "163", typ: "impose embargo", title: "Kenya suspended tea exports to Ethiopia",
				sentence: "In 2022, Kenya suspended its tea exports to Ethiopia for six months.",
				date:     span("2022-01-01", "2022-12-31", Year), actors: []Actor{mKenya, mEthiopia}, body: true}, true},
		{"another suspension in the same year", body(suspension),
			mReport{cameo: "163", typ: "impose embargo", title: "Kenya suspended flights to Ethiopia",
				sentence: "In 2022, Kenya suspended flights to Ethiopia for six months.",
				date:     span("2022-01-01", "2022-12-31", Year), actors: []Actor{mKenya, mEthiopia}, body: true}, false},
		{"the suspension retold by another year", body(suspension),
			mReport{cameo: "163", typ: "impose embargo", title: "Kenya suspended tea exports to Ethiopia",
				sentence: "In 2021, Kenya suspended its tea exports to Ethiopia for six months.",
				date:     span("2021-01-01", "2021-12-31", Year), actors: []Actor{mKenya, mEthiopia}, body: true}, false},
		// two headlines of one day: the same two states trading fire, each
		// outlet naming the place on its own side
		{"one border clash in two headlines", clashKE, clashET, true},
		{"the same clash told in the bodies only", body(clashKE), body(clashET), false},
		{"a clash a day later in the other headline", clashKE,
			mReport{cameo: clashET.cameo, typ: clashET.typ, title: clashET.title, sentence: clashET.sentence,
				date: day("2025-08-15"), actors: clashET.actors}, false},
		// two headlines of one day: a state's force and the same group,
		// nothing telling two happenings apart
		{"one strike on a group in two headlines",
			mReport{cameo: "190", typ: "use military force", title: "Kenya kills al-Shabaab leader in jet raid",
				sentence: "Kenyan jets kill al-Shabaab leader, army says", date: day("2025-06-14"), actors: []Actor{mKenya, mShabaab}},
			mReport{cameo: "193", typ: "fight with small arms", title: "Kenyan Defence Forces neutralize al-Shabaab chief",
				sentence: "Lamu raid leaves al-Shabaab chief dead", date: day("2025-06-14"), actors: []Actor{mKDF, mShabaab}}, true},
		{"the same strike told in the bodies only",
			mReport{cameo: "190", typ: "use military force", title: "Kenya kills al-Shabaab leader in jet raid",
				sentence: "Kenyan jets killed an al-Shabaab leader near the Somali border on Saturday.", date: day("2025-06-14"), actors: []Actor{mKenya, mShabaab}, body: true},
			mReport{cameo: "193", typ: "fight with small arms", title: "Kenyan Defence Forces neutralize al-Shabaab chief",
				sentence: "The Kenyan Defence Forces neutralized the al-Shabaab chief in Lamu on June 14.", date: day("2025-06-14"), actors: []Actor{mKDF, mShabaab}, body: true}, false},
		// one shooting, told as unconventional violence against civilians
		// by one outlet and as military force by the other
		{"one shooting in two headlines, coded 180 and 190", shootingKE, killingKE, true},
		{"a shooting and an assault a day later, coded 180 and 190", shootingKE, on(killingKE, "2025-07-05"), false},
		{"an arrest at another crossing the same day", crossingArrest,
			mReport{cameo: "173", typ: "arrest", title: "Kenyan Police detain trader at Busia crossing",
				sentence: "Kenyan police detained a trader at the Busia crossing on Saturday.",
				date:     day("2025-05-10"), actors: []Actor{mPolice}}, false},
	}
	for _, tt := range tests {
		for _, order := range []string{"a then b", "b then a"} {
			t.Run(tt.name+", "+order, func(t *testing.T) {
				s := memStore(t)
				fa, fb := tt.a.facts("outlet one"), tt.b.facts("outlet two")
				if order == "b then a" {
					fa, fb = fb, fa
				}
				for _, f := range []*Facts{fa, fb} {
					if _, err := s.PutFacts(f); err != nil {
						t.Fatal(err)
					}
				}
				var events []Event
				var agreements []Agreement
				err := s.view(func(r *Reader) error {
					if err := r.ForEachEvent(func(e Event) error { events = append(events, e); return nil }); err != nil {
						return err
					}
					return r.ForEachAgreement(func(g Agreement) error { agreements = append(agreements, g); return nil })
				})
				if err != nil {
					t.Fatal(err)
				}
				if got := len(events) == 1; got != tt.want {
					t.Fatalf("one event: %v, want %v (%d events)", got, tt.want, len(events))
				}
				if tt.want && len(events[0].Evidence) != 2 {
					t.Errorf("merged event has %d sentences, want one of each article", len(events[0].Evidence))
				}
				if tt.a.agreement != "" && tt.b.agreement != "" {
					if got := len(agreements) == 1; got != tt.want {
						t.Errorf("one agreement: %v, want %v (%d)", got, tt.want, len(agreements))
					}
					if tt.want && len(agreements) == 1 {
						if len(agreements[0].Evidence) != 2 || agreements[0].ID != events[0].AgreementID {
							t.Errorf("agreement %+v: want evidence of both articles, the event's", agreements[0])
						}
					}
				}
			})
		}
	}
}

// TestAgreementAloneMerges checks that one agreement told by two articles
// is one node even when their signing events stay apart (one outlet calls
// it "reached", an uncoded verb).
func TestAgreementAloneMerges(t *testing.T) {
	s := memStore(t)
	a := mReport{cameo: "057", typ: "sign agreement", title: "Kenya and Ethiopia sign memorandum",
		sentence: "Kenya and Ethiopia signed a memorandum on Tuesday.", date: day("2025-06-10"),
		actors: []Actor{mKenya, mEthiopia}, agreement: "memorandum of understanding"}.facts("one")
	b := mReport{cameo: "", typ: "reach", title: "Deal reached",
		sentence: "A deal was reached on Tuesday.", date: day("2025-06-10"),
		actors: []Actor{mEthiopia, mKenya}, agreement: "agreement"}.facts("two")
	for _, f := range []*Facts{a, b} {
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	var gs []Agreement
	var evs []Event
	err := s.view(func(r *Reader) error {
		if err := r.ForEachEvent(func(e Event) error { evs = append(evs, e); return nil }); err != nil {
			return err
		}
		return r.ForEachAgreement(func(g Agreement) error { gs = append(gs, g); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 1 || len(gs[0].Evidence) != 2 {
		t.Fatalf("agreements %+v, want one with evidence of both", gs)
	}
	for _, e := range evs {
		if e.AgreementID != gs[0].ID {
			t.Errorf("event %q points to agreement %s, want %s", e.Title, e.AgreementID, gs[0].ID)
		}
	}
}

func TestLocWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Police raided a warehouse in Mombasa on Monday.", "[mombasa]"},
		{"They met in the port city of Port Sudan in June.", "[port sudan]"},
		{"He spoke at Chatham House near Nairobi's airport.", "[chatham house nairobi]"},
		{"It happened in March, in the north.", "[]"},
		{"The note was delivered at the Kenyan Foreign Ministry in Nairobi.", "[nairobi]"},
		{"Police detained two residents of the border city of Voi on Monday.", "[voi]"},
		{"The leader of Kenya spoke.", "[]"},
	} {
		if got := fmt.Sprint(locWords(tt.in)); got != tt.want {
			t.Errorf("locWords(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestMergeParticipants: an actor keeps one side when two reports tell a
// happening from either end; other roles stand beside it.
func TestMergeParticipants(t *testing.T) {
	p := func(id, role string) Participation { return Participation{ActorID: id, Role: role} }
	for _, c := range []struct {
		name string
		a, b []Participation
		want []Participation
	}{
		{"a visit told by the visitor's and the host's outlets",
			[]Participation{p("visitor", "source"), p("host", "target")},
			[]Participation{p("host", "source"), p("visitor", "target")},
			[]Participation{p("visitor", "source"), p("host", "target")}},
		{"a side replaces a plain participant",
			[]Participation{p("x", "participant"), p("y", "participant")},
			[]Participation{p("x", "source")},
			[]Participation{p("x", "source"), p("y", "participant")}},
		{"other roles stand beside a side",
			[]Participation{p("x", "source")},
			[]Participation{p("x", "signatory"), p("z", "mediator")},
			[]Participation{p("x", "source"), p("x", "signatory"), p("z", "mediator")}},
		{"the same participation once",
			[]Participation{p("x", "source")},
			[]Participation{p("x", "source")},
			[]Participation{p("x", "source")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := mergeParticipants(c.a, c.b)
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// TestCitedAgreementStored: an agreement an article cites between two
// sides, with no signing event and no date, is stored, listed and checked
// like any other, and a second article citing it stores its own.
func TestCitedAgreementStored(t *testing.T) {
	s := memStore(t)
	for _, name := range []string{"one", "two"} {
		f := mReport{cameo: "0841", typ: "return persons", title: "Kenya hands over prisoners",
			sentence: "The exchange (report " + name + ") was carried out under the agreement on sentenced persons between Kenya and Ethiopia.",
			date:     day("2025-12-04"), actors: []Actor{mKenya, mEthiopia}}.facts(name)
		g := Agreement{Kind: "agreement", Name: "Agreement on sentenced persons", Date: DateSpan{Precision: Unknown},
			Parties: []string{mKenya.ID, mEthiopia.ID}, Evidence: f.Events[0].Evidence}
		g.ID = NewID("agreement", "cited", f.Article.ID)
		f.Agreements = append(f.Agreements, g)
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
	gs := storedAgreements(t, s)
	if len(gs) != 2 {
		t.Fatalf("%d agreements, want the two articles' own", len(gs))
	}
	for _, g := range gs {
		if g.EventID != "" || g.Date.Known() || len(g.Parties) != 2 {
			t.Errorf("agreement %+v: want no event, no date, both parties", g)
		}
	}
}

// TestSharedLocs: two reports name one place alike, as the start of a
// longer name, or in two transliterations written in one word or two;
// other places and short names are not one.
func TestSharedLocs(t *testing.T) {
	for _, c := range []struct {
		a, b []string
		want int
	}{
		{[]string{"garissa"}, []string{"garissa"}, 1},
		{[]string{"tres cruces"}, []string{"tres"}, 1},
		{[]string{"kelto mareen"}, []string{"keltomarin"}, 1},
		{[]string{"kelto mareen"}, []string{"dorsabeel"}, 0},
		{[]string{"ali"}, []string{"aly"}, 0}, // too short to trust a key
	} {
		set := func(ws []string) strSet {
			m := map[string]bool{}
			for _, w := range ws {
				m[w] = true
			}
			return toSet(m)
		}
		if got := sharedLocs(set(c.a), set(c.b)); got != c.want {
			t.Errorf("sharedLocs(%v, %v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestAgreementDateIndexValue: the merger passes over the agreements
// whose date index key says they ended before the days it looks at or
// share no party, and finds the same agreements as when it decoded each:
// those that overlap and share the parties, also under a key written
// without the value (a database written before it was kept); the check
// reports a value that does not match its agreement.
func TestAgreementDateIndexValue(t *testing.T) {
	june := span("2025-06-01", "2025-06-30", Month)
	week := span("2025-06-02", "2025-06-08", Week)
	for _, c := range []struct {
		name        string
		first       DateSpan
		firstActors []Actor
		legacy      bool // the first agreement's key has no value
		second      DateSpan
		want        int // agreements stored
	}{
		{"the same day", day("2025-06-20"), []Actor{mKenya, mEthiopia}, false, day("2025-06-20"), 1},
		{"the same day, a key without a value", day("2025-06-20"), []Actor{mKenya, mEthiopia}, true, day("2025-06-20"), 1},
		{"a month begun before the days", june, []Actor{mKenya, mEthiopia}, false, day("2025-06-20"), 1},
		{"a month begun before, a key without a value", june, []Actor{mKenya, mEthiopia}, true, day("2025-06-20"), 1},
		{"a week ended before the days", week, []Actor{mKenya, mEthiopia}, false, day("2025-06-20"), 2},
		{"no party in common", day("2025-06-20"), []Actor{mPeru, mBolivia}, false, day("2025-06-20"), 2},
		{"no party in common, a key without a value", day("2025-06-20"), []Actor{mPeru, mBolivia}, true, day("2025-06-20"), 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := memStore(t)
			a := mReport{cameo: "057", typ: "sign agreement", title: "Two states sign memorandum",
				sentence: "The two states signed a memorandum.", date: c.first,
				actors: c.firstActors, agreement: "memorandum of understanding"}.facts("one")
			if _, err := s.PutFacts(a); err != nil {
				t.Fatal(err)
			}
			key := []byte(pAgreeDate + AgreementPos(a.Agreements[0]))
			if c.legacy {
				if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(key, nil) }); err != nil {
					t.Fatal(err)
				}
			}
			b := mReport{cameo: "", typ: "reach", title: "Deal reached",
				sentence: "A deal was reached.", date: c.second,
				actors: []Actor{mEthiopia, mKenya}, agreement: "agreement"}.facts("two")
			if _, err := s.PutFacts(b); err != nil {
				t.Fatal(err)
			}
			gs := storedAgreements(t, s)
			if len(gs) != c.want {
				t.Errorf("%d agreements stored, want %d: %+v", len(gs), c.want, gs)
			}
			if err := s.Check(); err != nil {
				t.Errorf("check: %v", err)
			}
			// a value that says another last day is reported
			key = []byte(pAgreeDate + AgreementPos(gs[0]))
			if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(key, []byte("2025-05-31")) }); err != nil {
				t.Fatal(err)
			}
			if err := s.Check(); err == nil || !strings.Contains(err.Error(), "says it ends") {
				t.Errorf("check of a wrong value: %v, want it reported", err)
			}
		})
	}
}

// TestAgreementDateFromText checks that an agreement told by two articles
// keeps the day a text gives over a day inferred from a headline's
// publication, in either order of loading.
func TestAgreementDateFromText(t *testing.T) {
	given := mReport{cameo: "057", typ: "sign agreement", title: "Kenya and Ethiopia sign memorandum",
		sentence: "Kenya and Ethiopia signed a memorandum on Thursday.", date: day("2025-06-12"),
		actors: []Actor{mKenya, mEthiopia}, agreement: "memorandum of understanding"}
	inferred := mReport{cameo: "057", typ: "sign agreement", title: "Ethiopia, Kenya ink memorandum",
		sentence: "Ethiopia, Kenya ink memorandum", date: day("2025-06-13"),
		actors: []Actor{mEthiopia, mKenya}, agreement: "memorandum of understanding"}
	inferred.date.Inferred = true
	for _, order := range [][]mReport{{given, inferred}, {inferred, given}} {
		s := memStore(t)
		for i, r := range order {
			if _, err := s.PutFacts(r.facts(fmt.Sprint("article ", i))); err != nil {
				t.Fatal(err)
			}
		}
		gs := storedAgreements(t, s)
		if len(gs) != 1 || gs[0].Date.Start != "2025-06-12" {
			t.Errorf("loaded %q first: agreements %+v, want one dated 2025-06-12", order[0].title, gs)
		}
	}
}

// TestSameDayAct checks the same-day bonus of scoreMerge: two reports of
// one day score one more when their codes agree to the third digit or
// they share a person, unless they act against (or for) different sides.
func TestSameDayAct(t *testing.T) {
	set := func(xs ...string) strSet { return strSet(xs) }
	ev := func(cameo string) Event { return Event{CAMEO: cameo, Date: day("2025-09-20")} }
	base := mergeFacts{countries: set("KE"), srcCountries: set("KE"), words: set("seller", "kill")}
	score := func(a, b Event, fa, fb mergeFacts) int { s, _ := scoreMerge(a, b, fa, fb); return s }
	same := score(ev("180"), ev("180"), base, base)
	if got := score(ev("180"), ev("183"), base, base); got != same-1 {
		t.Errorf("codes apart at the third digit: %d, want %d", got, same-1)
	}
	other := ev("180")
	other.Date = day("2025-09-21")
	if got := score(ev("180"), other, base, base); got >= same-1 {
		t.Errorf("another day: %d, want below %d", got, same-1)
	}
	withP := base
	withP.persons, withP.actors = set("p1"), set("p1")
	if got, ref := score(ev("180"), ev("183"), withP, withP), score(ev("180"), ev("180"), withP, withP); got != ref {
		t.Errorf("a shared person: %d, want %d as with one code", got, ref)
	}
	// two states acting together the same way the same day: one joint act
	joint := mergeFacts{countries: set("ET", "KE"), srcCountries: set("ET", "KE"), words: set("patrol")}
	if _, v := scoreMerge(ev("150"), ev("150"), joint, joint); v != mergeSure {
		t.Errorf("a joint patrol of the same two states: verdict %v, want sure", v)
	}
	single := mergeFacts{countries: set("KE"), srcCountries: set("KE"), words: set("patrol")}
	if _, v := scoreMerge(ev("150"), ev("150"), single, single); v == mergeSure {
		t.Errorf("one state's patrols the same day: verdict sure, want weak")
	}
	ta, tb := base, base
	ta.tgtCountries, tb.tgtCountries = set("ET"), set("SO")
	if got, ref := score(ev("1621"), ev("1621"), ta, tb), score(ev("1621"), ev("1623"), ta, tb); got != ref {
		t.Errorf("against two sides: %d, want %d (no bonus)", got, ref)
	}
}

// storedAgreements returns every agreement s holds.
func storedAgreements(t *testing.T, s *Store) []Agreement {
	t.Helper()
	var gs []Agreement
	if err := s.view(func(r *Reader) error {
		return r.ForEachAgreement(func(g Agreement) error { gs = append(gs, g); return nil })
	}); err != nil {
		t.Fatal(err)
	}
	return gs
}

// TestMergeWindow checks the days a stored event must overlap to be a
// merge candidate: a day or month widened by a day on each side, a
// quarter or year its own span (it meets the days within it), nothing for
// an unknown date.
func TestMergeWindow(t *testing.T) {
	for _, c := range []struct {
		d        DateSpan
		from, to string
		ok       bool
	}{
		{DateSpan{Start: "2024-03-01", End: "2024-03-01", Precision: Day}, "2024-02-29", "2024-03-02", true},
		{DateSpan{Start: "2024-03-01", End: "2024-03-31", Precision: Month}, "2024-02-29", "2024-04-01", true},
		{DateSpan{Start: "2024-01-01", End: "2024-03-31", Precision: Quarter}, "2024-01-01", "2024-03-31", true},
		{DateSpan{Start: "2023-01-01", End: "2023-12-31", Precision: Year}, "2023-01-01", "2023-12-31", true},
		{DateSpan{}, "", "", false},
	} {
		from, to, ok := MergeWindow(c.d)
		if from != c.from || to != c.to || ok != c.ok {
			t.Errorf("MergeWindow(%+v) = %s %s %v, want %s %s %v", c.d, from, to, ok, c.from, c.to, c.ok)
		}
	}
}
