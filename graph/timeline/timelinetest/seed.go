// Package timelinetest builds a small graph by hand, modelled on the seed
// articles (Iraq–Syria–Lebanon border security, 2017–2025), for the tests of
// the timeline, the exports and the page. It is imported by tests only.
//
// When the loader exists, replace the body of Open with a load of seeds/
// (one function); the names below (Event*, Actor*) then become lookups.
package timelinetest

import (
	"strings"
	"testing"

	"eventgraph/graph"
)

// Open returns an in-memory Store holding Facts(), closed when the test ends.
func Open(tb testing.TB) graph.Storage {
	tb.Helper()
	s, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	facts := Facts()
	for i := range facts {
		if _, err := s.PutFacts(&facts[i]); err != nil {
			tb.Fatalf("put facts: %v", err)
		}
	}
	return s
}

// Names of the fixture's actors.
const (
	Shammari = "Abdul Amir al-Shammari"
	Rahmoun  = "Mohammed Khalid al-Rahmoun"
	Rasool   = "Yahya Rasool"
	Miri     = "Muqdad Miri"
	Mikati   = "Najib Mikati"
	Lavrov   = "Sergei Lavrov"
	HTS      = "Hayat Tahrir al-Sham"
	Assad    = "Assad regime"
	Iraq     = "Iraq"
	Syria    = "Syria"
	Lebanon  = "Lebanon"
	Russia   = "Russia"
	IraqMoI  = "Iraqi Ministry of Interior"
	SyriaMoI = "Syrian Ministry of Interior"
	LebGS    = "Lebanese General Security"
)

// Identifiers of the fixture's events (stable: uuid v5 of a name).
var (
	EventDefeat  = graph.NewID("event", "fixture", "defeat of ISIS")
	EventTour    = graph.NewID("event", "fixture", "Shammari at Al-Qaim")
	EventRasool  = graph.NewID("event", "fixture", "Rasool on border efforts")
	EventFortify = graph.NewID("event", "fixture", "80% fortified")
	EventWall    = graph.NewID("event", "fixture", "wall inauguration")
	EventBasra   = graph.NewID("event", "fixture", "Basra statement")
	EventMoU     = graph.NewID("event", "fixture", "MoU signing")
	EventMiri    = graph.NewID("event", "fixture", "Miri press conference")
	EventFall    = graph.NewID("event", "fixture", "fall of Assad")
	EventMasnaa  = graph.NewID("event", "fixture", "Masnaa meeting")
	EventMikati  = graph.NewID("event", "fixture", "Mikati instructs")
	EventLavrov  = graph.NewID("event", "fixture", "Lavrov press conference")
	EventSparta  = graph.NewID("event", "fixture", "Sparta II refused")
	AgreementMoU = graph.NewID("agreement", "fixture", "Iraq Syria MoU 2024")
)

// Counts of the fixture's stored nodes, for export tests.
const (
	NumArticles   = 7
	NumActors     = 15
	NumPlaces     = 9
	NumAgreements = 1
	// NumEvents counts stored events: the two merged pairs are one each.
	NumEvents = 13
	// NumDated is the number of events with a known date.
	NumDated = 12
)

// ShammariEvents are al-Shammari's events in date order.
var ShammariEvents = []string{EventTour, EventWall, EventBasra, EventMoU}

func day(d string) graph.DateSpan {
	return graph.DateSpan{Value: d, Start: d, End: d, Precision: graph.Day}
}

type builder struct {
	a graph.Article
}

// ev appends sentence to the article's text (once) and returns its evidence.
func (b *builder) ev(sentence string) graph.Evidence {
	i := strings.Index(b.a.Text, sentence)
	if i < 0 {
		if b.a.Text != "" {
			b.a.Text += " "
		}
		i = len(b.a.Text)
		b.a.Text += sentence
	}
	return graph.Evidence{ArticleID: b.a.ID, Sentence: sentence, Start: i, End: i + len(sentence)}
}

func article(title, source, url, published string) *builder {
	a := graph.Article{Title: title, Source: source, URL: url, Published: published, File: "fixture"}
	a.ID = graph.ArticleID(a)
	return &builder{a: a}
}

func actor(name string, kind graph.ActorKind, country string, aliases ...string) graph.Actor {
	return graph.Actor{ID: graph.ActorID(name), Name: name, Kind: kind, Country: country, Aliases: aliases}
}

func place(name, kind, country string, lat, lon float64, geo bool) graph.Place {
	return graph.Place{ID: graph.PlaceID(name, country), Name: name, Kind: kind, Country: country, Lat: lat, Lon: lon, HasGeo: geo}
}

func part(name, role string) graph.Participation {
	return graph.Participation{ActorID: graph.ActorID(name), Role: role}
}

// Places of the fixture.
var (
	placeQaim    = place("Al-Qaim", "crossing", "IQ", 34.3686, 41.0942, true)
	placeBasra   = place("Basra", "city", "IQ", 30.5085, 47.7804, true)
	placeBaghdad = place("Baghdad", "capital", "IQ", 33.3152, 44.3661, true)
	placeBorder  = place("western border", "region", "IQ", 0, 0, false)
	placeDamas   = place("Damascus", "capital", "SY", 33.5138, 36.2765, true)
	placeBeirut  = place("Beirut", "capital", "LB", 33.8938, 35.5018, true)
	placeMasnaa  = place("Masnaa", "crossing", "LB", 33.6989, 35.9947, true)
	placeMoscow  = place("Moscow", "capital", "RU", 55.7558, 37.6173, true)
	placeTartus  = place("Tartus", "city", "SY", 34.8890, 35.8866, true)
)

// Facts returns the fixture's facts, one Facts per article, in load order.
func Facts() []graph.Facts {
	var out []graph.Facts

	// 001: The National, 2021-01-20.
	b := article("Iraq tightens border security with Syria to halt ISIS movement", "The National",
		"https://www.thenationalnews.com/world/mena/iraq-tightens-border-security-with-syria-to-halt-isis-movement-1.1150252", "2021-01-20")
	out = append(out, graph.Facts{
		Actors: []graph.Actor{
			actor(Shammari, graph.Person, "IQ", "Lt Gen Abdul Amir Al Shammari", "Gen Al Shammari", "al-Shammari"),
			actor(Rasool, graph.Person, "IQ", "Brig Gen Yahya Rasool", "Rasool"),
			actor(Iraq, graph.Country, "IQ", "Iraqi"),
		},
		Places: []graph.Place{placeQaim},
		Events: []graph.Event{
			{ID: EventTour, Type: "make statement", CAMEO: "010", Status: graph.Reported,
				Title: "Shammari: no unified security partner on the Syrian side", Date: day("2021-01-18"),
				Participants: []graph.Participation{part(Shammari, "source")}, PlaceID: placeQaim.ID,
				Evidence: []graph.Evidence{b.ev("“One of the biggest challenges is there’s no one single or unified security partner on the Syrian side,” Lt Gen Abdul Amir Al Shammari told Reuters.")}},
			{ID: EventRasool, Type: "make statement", CAMEO: "010", Status: graph.Reported,
				Title: "Army says it is exerting all efforts to secure the border with Syria", Date: day("2021-01-18"),
				Participants: []graph.Participation{part(Rasool, "source"), part(Iraq, "participant")},
				Evidence:     []graph.Evidence{b.ev("Iraqi army spokesman Brig Gen Yahya Rasool, said on Monday that the army is exerting all efforts to ensure that borders with Syria are secure after orders from Prime Minister Mustafa Al Kadhimi.")}},
			{ID: EventDefeat, Type: "make statement", CAMEO: "010", Status: graph.Reported,
				Title:        "Iraq announces victory over ISIS",
				Date:         graph.DateSpan{Value: "2017", Start: "2017-01-01", End: "2017-12-31", Precision: graph.Year, Text: "in 2017"},
				Participants: []graph.Participation{part(Iraq, "source")}, MergeKeys: []string{"defeat|isis"},
				Evidence: []graph.Evidence{b.ev("Despite the government announcing victory over ISIS in 2017, remnants and cells of the group still regularly stage hit-and-run attacks or plant explosives across the country.")}},
		},
	})
	out[len(out)-1].Article = b.a

	// 002a: Asharq Al-Awsat, 2021-12-19.
	b = article("Iraq Fortifies 80% of Its Border with Syria", "Asharq Al-Awsat",
		"https://english.aawsat.com/home/article/3367731/iraq-fortifies-80-its-border-syria", "2021-12-19")
	out = append(out, graph.Facts{
		Actors: []graph.Actor{
			actor(Rasool, graph.Person, "IQ", "Major General Yahya Rasool"),
			actor(Iraq, graph.Country, "IQ"),
		},
		Places: []graph.Place{placeBorder},
		Events: []graph.Event{
			{ID: EventFortify, Type: "fortify border", CAMEO: "154", Status: graph.Reported,
				Title: "80% of the plan to fortify the border with Syria completed", Date: day("2021-12-18"),
				Participants: []graph.Participation{part(Rasool, "source"), part(Iraq, "participant")}, PlaceID: placeBorder.ID,
				Evidence: []graph.Evidence{b.ev("Major General Yahya Rasool, the spokesperson for the commander-in-chief of the Iraqi Armed Forces, announced on Saturday that 80% of the plan to fortify the border with Syria has been completed.")}},
			{ID: graph.NewID("event", "fixture", "defeat of ISIS", "002a"), Type: "make statement", CAMEO: "010", Status: graph.Reported,
				Title:        "Iraq announces the military defeat of ISIS",
				Date:         graph.DateSpan{Value: "2017-Q4", Start: "2017-10-01", End: "2017-12-31", Precision: graph.Quarter, Text: "In late 2017"},
				Participants: []graph.Participation{part(Iraq, "source")}, MergeKeys: []string{"defeat|isis"},
				Evidence: []graph.Evidence{b.ev("In late 2017, Iraq announced the military defeat of ISIS after fighting battles that lasted about three years.")}},
		},
	})
	out[len(out)-1].Article = b.a

	// 000a: Asharq Al-Awsat, 2024-02-13.
	b = article("Iraqi Interior Minister: Border Security Is ‘at its Best’", "Asharq Al-Awsat",
		"https://english.aawsat.com/arab-world/4851051-iraqi-interior-minister-border-security-%E2%80%98-its-best%E2%80%99", "2024-02-13")
	out = append(out, graph.Facts{
		Actors: []graph.Actor{
			func() graph.Actor {
				a := actor(Shammari, graph.Person, "IQ", "Shammari", "Al-Shammari")
				a.Roles = []graph.Role{{Title: "Minister of Interior", OrgID: graph.ActorID(IraqMoI), From: "2024-02-12"}}
				return a
			}(),
			actor(IraqMoI, graph.Organization, "IQ", "Iraqi Interior Ministry"),
			actor(Iraq, graph.Country, "IQ"),
		},
		Places: []graph.Place{placeBasra, placeBorder},
		Events: []graph.Event{
			{ID: EventBasra, Type: "make statement", CAMEO: "010", Status: graph.Reported,
				Title: "Shammari: border security is “at its best”", Date: day("2024-02-12"),
				Participants: []graph.Participation{part(Shammari, "source")}, PlaceID: placeBasra.ID,
				Evidence: []graph.Evidence{
					b.ev("Iraqi Minister of Interior Abdul Amir al-Shammari announced on Monday a plan to buy back weapons from citizens, describing security control on the borders, especially in the central and southern regions of the country, as “at its best.”"),
					b.ev("Speaking on Monday during the inauguration of the North Basra Police Directorate, Shammari underscored the success in securing borders with neighboring countries compared to recent years."),
				}},
			{ID: EventWall, Type: "fortify border", CAMEO: "154", Status: graph.Reported,
				Title: "Inauguration of a 160-kilometre concrete wall on the border with Syria",
				Date: graph.DateSpan{Value: "2024-W04", Start: "2024-01-22", End: "2024-01-28", Precision: graph.Week,
					Text: "about two weeks after", Anchor: "the minister's statements"},
				Participants: []graph.Participation{part(Iraq, "source"), part(Shammari, "participant")}, PlaceID: placeBorder.ID,
				Evidence:   []graph.Evidence{b.ev("The minister’s statements come about two weeks after the inauguration a 160-kilometer-long concrete insulating wall on the country’s western border with Syria.")},
				Quantities: []graph.Quantity{{Value: 160, Unit: "km", Text: "160-kilometer-long", Counts: "concrete insulating wall", ArticleID: b.a.ID}}},
		},
	})
	out[len(out)-1].Article = b.a

	// 003: Rudaw, 2024-05-12.
	b = article("Iraq and Syria sign security memorandum on border control and drugs", "Rudaw",
		"https://rudaw.net/english/middleeast/12052024", "2024-05-12")
	sign := b.ev("“A memorandum of understanding for joint security cooperation between the two countries was signed,” Iraqi Interior Minister Abdul-Amir al-Shammari said during a press conference in Baghdad with his Syrian counterpart Mohammed Khalid al-Rahmoun.")
	topics := b.ev("“The agreement included a number of articles related to cooperation in combating drugs, border control, extradition of wanted individuals, combating organized crime, and money laundering,” Shammari added.")
	out = append(out, graph.Facts{
		Actors: []graph.Actor{
			actor(Shammari, graph.Person, "IQ", "Abdul-Amir al-Shammari"),
			func() graph.Actor {
				a := actor(Rahmoun, graph.Person, "SY", "Rahmoun", "al-Rahmoun")
				a.Roles = []graph.Role{{Title: "Minister of Interior", OrgID: graph.ActorID(SyriaMoI), From: "2024-05"}}
				return a
			}(),
			actor(IraqMoI, graph.Organization, "IQ"),
			actor(SyriaMoI, graph.Organization, "SY", "Syrian Interior Ministry"),
			actor(Iraq, graph.Country, "IQ"),
			actor(Syria, graph.Country, "SY", "Syrian"),
		},
		Places: []graph.Place{placeBaghdad},
		Events: []graph.Event{
			{ID: EventMoU, Type: "sign agreement", CAMEO: "057", Status: graph.Reported,
				Title: "Iraq and Syria sign a memorandum on joint security cooperation", Date: day("2024-05-12"),
				Participants: []graph.Participation{part(Shammari, "signatory"), part(Rahmoun, "signatory"),
					part(IraqMoI, "source"), part(SyriaMoI, "target")},
				PlaceID: placeBaghdad.ID, AgreementID: AgreementMoU,
				Evidence: []graph.Evidence{b.ev("The interior ministries of Iraq and Syria on Sunday signed a security agreement covering several areas including border control and combating drugs."), sign}},
		},
		Agreements: []graph.Agreement{{
			ID: AgreementMoU, Name: "Iraq–Syria memorandum of understanding on joint security cooperation",
			Kind: "memorandum of understanding", Date: day("2024-05-12"),
			Parties:     []string{graph.ActorID(IraqMoI), graph.ActorID(SyriaMoI)},
			Signatories: []string{graph.ActorID(Shammari), graph.ActorID(Rahmoun)},
			Topics:      []string{"drugs", "border control", "extradition", "organized crime", "money laundering"},
			PlaceID:     placeBaghdad.ID, EventID: EventMoU,
			Evidence: []graph.Evidence{sign, topics},
		}},
	})
	out[len(out)-1].Article = b.a

	// 004: Gulan Media, 2024-12-02.
	b = article("Iraqi Interior Ministry Reassures Public on Border Security Amid Regional Developments", "Gulan Media",
		"https://gulanmedia.com/en/story/332523/iraqi-interior-ministry-reassures-public-on-border-security-amid-regional-developments", "2024-12-02")
	out = append(out, graph.Facts{
		Actors: []graph.Actor{
			actor(Miri, graph.Person, "IQ", "Brig. Gen. Muqdad Miri", "Miri"),
			actor(IraqMoI, graph.Organization, "IQ", "Interior Ministry"),
		},
		Events: []graph.Event{
			{ID: EventMiri, Type: "make statement", CAMEO: "010", Status: graph.Reported,
				Title: "Interior Ministry: the border with Syria is fully secured", Date: day("2024-12-02"),
				Participants: []graph.Participation{part(Miri, "source"), part(IraqMoI, "source")},
				Evidence:     []graph.Evidence{b.ev("“The 3,813 kilometers of Iraqi borders are fully secured, and our border with Syria is particularly well-fortified compared to other neighboring countries,” he said, adding that infiltration across the border is “impossible” due to extensive fortifications and the deployment of military units.")}},
		},
	})
	out[len(out)-1].Article = b.a

	// 000b: Asharq Al-Awsat, 2024-12-21.
	b = article("Mikati Instructs Lebanon’s Institutions to Cooperate with HTS", "Asharq Al-Awsat",
		"https://english.aawsat.com/arab-world/5093517-mikati-instructs-lebanon%E2%80%99s-institutions-cooperate-hts", "2024-12-21")
	out = append(out, graph.Facts{
		Actors: []graph.Actor{
			actor(Mikati, graph.Person, "LB", "Mikati"),
			actor(HTS, graph.Group, "SY", "HTS"),
			actor(Assad, graph.Group, "SY"),
			actor(Lebanon, graph.Country, "LB", "Lebanese"),
			actor(LebGS, graph.Organization, "LB"),
		},
		Places: []graph.Place{placeBeirut, placeMasnaa, placeDamas},
		Events: []graph.Event{
			{ID: EventMikati, Type: "express intent to cooperate", CAMEO: "030", Status: graph.Reported,
				Title:        "Mikati instructs Lebanon’s institutions to cooperate with HTS",
				Date:         graph.DateSpan{Value: "2024-12", Start: "2024-12-01", End: "2024-12-31", Precision: graph.Month},
				Participants: []graph.Participation{part(Mikati, "source"), part(HTS, "target"), part(Lebanon, "participant")},
				PlaceID:      placeBeirut.ID,
				Evidence:     []graph.Evidence{b.ev("Speaking to Asharq Al-Awsat, the source disclosed that Mikati had instructed all official institutions to collaborate with HTS, which now oversees security in Syria.")}},
			{ID: EventMasnaa, Type: "consult", CAMEO: "040", Status: graph.Reported,
				Title: "HTS delegation meets Lebanese General Security near Masnaa", Date: day("2024-12-18"),
				Participants: []graph.Participation{part(HTS, "source"), part(LebGS, "target")}, PlaceID: placeMasnaa.ID,
				Evidence: []graph.Evidence{b.ev("The first tangible result of this cooperation was a meeting held on Wednesday between a delegation from HTS and the Lebanese General Security agency at the latter’s office near the Masnaa border crossing in the Bekaa Valley.")}},
			{ID: EventFall, Type: "fall of regime", Status: graph.Reported,
				Title: "Fall of the Assad regime", Date: day("2024-12-08"),
				Participants: []graph.Participation{part(HTS, "source"), part(Assad, "target")}, PlaceID: placeDamas.ID,
				MergeKeys: []string{"fall|assad regime"},
				Evidence:  []graph.Evidence{b.ev("Despite these developments, there has yet to be any official communication between the Lebanese government and Ahmed Al-Sharaa, the transitional leader of Syria, even though two weeks have passed since the fall of the Assad regime.")}},
		},
	})
	out[len(out)-1].Article = b.a

	// 002b: Asharq Al-Awsat, 2025-01-15, no address.
	b = article("Lavrov: Moscow Maintains Communication with Damascus, Will Not Withdraw from the Region", "Asharq Al-Awsat", "", "2025-01-15")
	out = append(out, graph.Facts{
		Actors: []graph.Actor{
			actor(Lavrov, graph.Person, "RU", "Sergey Lavrov", "Lavrov"),
			actor(Russia, graph.Country, "RU", "Russian"),
			actor(Syria, graph.Country, "SY"),
			actor(Assad, graph.Group, "SY", "Assad’s regime"),
		},
		Places: []graph.Place{placeMoscow, placeTartus, placeDamas},
		Events: []graph.Event{
			{ID: EventLavrov, Type: "make statement", CAMEO: "010", Status: graph.Reported,
				Title: "Lavrov: Moscow has not and will not withdraw from the region", Date: day("2025-01-14"),
				Participants: []graph.Participation{part(Lavrov, "source"), part(Russia, "participant")}, PlaceID: placeMoscow.ID,
				Evidence: []graph.Evidence{b.ev("Speaking at a press conference in Moscow on Tuesday, Lavrov attributed Syria’s deteriorating situation to the previous regime, blaming its unwillingness to implement reforms and share power with the opposition.")}},
			{ID: graph.NewID("event", "fixture", "fall of Assad", "002b"), Type: "fall of regime", Status: graph.Reported,
				Title:        "Fall of Assad’s regime",
				Date:         graph.DateSpan{Value: "2024-12", Start: "2024-12-01", End: "2024-12-31", Precision: graph.Month, Text: "in December"},
				Participants: []graph.Participation{part(Assad, "target")}, MergeKeys: []string{"fall|assad regime"},
				Evidence: []graph.Evidence{b.ev("The visit, which was reportedly postponed, would mark the first by a senior Russian official to Damascus since the fall of Assad’s regime in December.")}},
			{ID: EventSparta, Type: "reject", CAMEO: "120", Status: graph.Reported,
				Title:        "Russian ship Sparta 2 denied entry to the port of Tartus",
				Date:         graph.DateSpan{Precision: graph.Unknown},
				Participants: []graph.Participation{part(Syria, "source"), part(Russia, "target")}, PlaceID: placeTartus.ID,
				Evidence: []graph.Evidence{b.ev("According to the English-language edition of RT, the Russian ship Sparta 2, designated to transport military equipment and weapons, was denied entry to the Port of Tartus, where Russia maintains its only overseas naval base.")}},
		},
	})
	out[len(out)-1].Article = b.a
	return out
}

// Sizes of the whole graph as the exports see it.
const (
	// NumNodes is events + actors + places + agreements + articles.
	NumNodes = NumEvents + NumActors + NumPlaces + NumAgreements + NumArticles
	// NumEdges: 52 from the events (participants, places, the agreement,
	// reporting articles), 6 from the agreement, 2 roles held.
	NumEdges = 60
	// ShammariNodes and ShammariEdges are the export filtered by actor
	// al-Shammari: his 4 events and the 13 nodes they touch, and the 25
	// edges among them.
	ShammariNodes = 17
	ShammariEdges = 25
)
