// Package schematest builds stores with data for the tests of schema and
// server: the real seed corpus (seeds/, loaded through the loader: Open,
// Load), a hand-made fixture shaped like it for tests that need exact,
// controlled data (OpenHand, LoadHand: the Iraq–Syria security memorandum of
// 2024-05-12 and nine other events), and bulk synthetic events for paging and
// limit tests (LoadBulk).
package schematest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"eventgraph/graph"
	"eventgraph/loader"
)

// Open returns an in-memory store holding the seed articles (Load), closed
// when the test ends.
func Open(t testing.TB) graph.Storage {
	t.Helper()
	st := Empty(t)
	if err := Load(st); err != nil {
		t.Fatal(err)
	}
	return st
}

// OpenHand returns an in-memory store holding the hand-made fixture
// (LoadHand), closed when the test ends.
func OpenHand(t testing.TB) graph.Storage {
	t.Helper()
	st := Empty(t)
	if err := LoadHand(st); err != nil {
		t.Fatal(err)
	}
	return st
}

// Empty returns an empty in-memory store, closed when the test ends.
func Empty(t testing.TB) graph.Storage {
	t.Helper()
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// SeedArticles is the number of articles in seeds/.
const SeedArticles = 7

// Load loads the seed articles (the module's seeds/ folder) into st with the
// real loader, as `eventgraph load seeds/` does.
func Load(st graph.Storage) error {
	dir, err := SeedsDir()
	if err != nil {
		return err
	}
	sum := loader.New(st, loader.Options{Logger: slog.New(slog.DiscardHandler)}).LoadPaths(context.Background(), []string{dir})
	if err := errors.Join(sum.Errors...); err != nil {
		return fmt.Errorf("schematest: loading %s: %w", dir, err)
	}
	if sum.Articles+sum.Existing != SeedArticles {
		return fmt.Errorf("schematest: loaded %d articles from %s, want %d", sum.Articles+sum.Existing, dir, SeedArticles)
	}
	return nil
}

var seeds struct {
	once sync.Once
	dir  string
	err  error
}

// SeedsDir is the module's seeds/ folder, found from the working directory
// (a test runs in its package's folder) up to go.mod.
func SeedsDir() (string, error) {
	seeds.once.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			seeds.err = err
			return
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				seeds.dir = filepath.Join(dir, "seeds")
				return
			}
			up := filepath.Dir(dir)
			if up == dir {
				seeds.err = errors.New("schematest: no go.mod above the working directory, so no seeds/")
				return
			}
			dir = up
		}
	})
	return seeds.dir, seeds.err
}

// LoadHand puts the hand-made fixture (Facts) into st.
func LoadHand(st graph.Storage) error {
	for _, f := range Facts() {
		f := f
		if _, err := st.PutFacts(&f); err != nil {
			return err
		}
	}
	return nil
}

// Well-known names of the hand-made fixture, for assertions.
const (
	MoUDate      = "2024-05-12"
	MoUName      = "Iraq–Syria memorandum of understanding on joint security cooperation"
	Shammari     = "Abdul-Amir al-Shammari"
	ShammariAlt  = "abdul amir AL SHAMMARI" // another spelling of the same actor
	FixtureEvent = 10                       // events in Facts
)

func day(d string) graph.DateSpan {
	return graph.DateSpan{Value: d, Start: d, End: d, Precision: graph.Day}
}

func month(m, last string) graph.DateSpan {
	return graph.DateSpan{Value: m, Start: m + "-01", End: m + "-" + last, Precision: graph.Month}
}

func ev(art graph.Article, sentence string) graph.Evidence {
	i := strings.Index(art.Text, sentence)
	if i < 0 {
		panic("schematest: sentence not in article: " + sentence)
	}
	return graph.Evidence{ArticleID: art.ID, Sentence: sentence, Start: i, End: i + len(sentence)}
}

func article(title, source, url, published, text string) graph.Article {
	a := graph.Article{Title: title, Source: source, URL: url, Published: published, Text: text}
	a.ID = graph.ArticleID(a)
	return a
}

// Facts is the hand-made fixture: five articles, ten events, one agreement.
func Facts() []graph.Facts {
	iraq := graph.Actor{ID: graph.ActorID("Iraq"), Name: "Iraq", Kind: graph.Country, Country: "IQ", Aliases: []string{"Republic of Iraq"}}
	syria := graph.Actor{ID: graph.ActorID("Syria"), Name: "Syria", Kind: graph.Country, Country: "SY"}
	lebanon := graph.Actor{ID: graph.ActorID("Lebanon"), Name: "Lebanon", Kind: graph.Country, Country: "LB"}
	moi := graph.Actor{ID: graph.ActorID("Iraqi Ministry of Interior"), Name: "Iraqi Ministry of Interior", Kind: graph.Organization, Country: "IQ",
		Aliases: []string{"Iraqi Interior Ministry", "MoI"}}
	jochq := graph.Actor{ID: graph.ActorID("Joint Operations Command"), Name: "Joint Operations Command", Kind: graph.Organization, Country: "IQ", Aliases: []string{"JOC"}}
	isis := graph.Actor{ID: graph.ActorID("Islamic State"), Name: "Islamic State", Kind: graph.Group, Aliases: []string{"ISIS", "IS", "Daesh"}}
	rasool := graph.Actor{ID: graph.ActorID("Yahya Rasool"), Name: "Yahya Rasool", Kind: graph.Person, Country: "IQ"}
	rahmoun := graph.Actor{ID: graph.ActorID("Mohammed Khalid al-Rahmoun"), Name: "Mohammed Khalid al-Rahmoun", Kind: graph.Person, Country: "SY"}
	miri := graph.Actor{ID: graph.ActorID("Muqdad Miri"), Name: "Muqdad Miri", Kind: graph.Person, Country: "IQ"}
	mikati := graph.Actor{ID: graph.ActorID("Najib Mikati"), Name: "Najib Mikati", Kind: graph.Person, Country: "LB"}
	hts := graph.Actor{ID: graph.ActorID("Hayat Tahrir al-Sham"), Name: "Hayat Tahrir al-Sham", Kind: graph.Group, Country: "SY", Aliases: []string{"HTS"}}

	baghdad := graph.Place{ID: graph.PlaceID("Baghdad", "IQ"), Name: "Baghdad", Kind: "capital", Country: "IQ", Lat: 33.3152, Lon: 44.3661, HasGeo: true}
	basra := graph.Place{ID: graph.PlaceID("Basra", "IQ"), Name: "Basra", Kind: "city", Country: "IQ", Lat: 30.5085, Lon: 47.7804, HasGeo: true}
	qaim := graph.Place{ID: graph.PlaceID("Al-Qaim", "IQ"), Name: "Al-Qaim", Kind: "city", Country: "IQ", Lat: 34.3688, Lon: 41.0945, HasGeo: true}
	iraqPlace := graph.Place{ID: graph.PlaceID("Iraq", "IQ"), Name: "Iraq", Kind: "country", Country: "IQ", Lat: 33.2232, Lon: 43.6793, HasGeo: true}
	beirut := graph.Place{ID: graph.PlaceID("Beirut", "LB"), Name: "Beirut", Kind: "capital", Country: "LB", Lat: 33.8938, Lon: 35.5018, HasGeo: true}

	// 2021-01: the Reuters border tour.
	a1 := article("Iraq tightens border security with Syria to halt ISIS movement", "The National",
		"https://www.thenationalnews.com/world/mena/iraq-tightens-border-security-with-syria-to-halt-isis-movement-1.1150252", "2021-01-20",
		"Deputy commander of Iraq's Joint Operations Command, Lieutenant-General Abdul Amir al-Shammari meets Iraqi troops at Al-Qaim, Iraq January 18, 2021. "+
			"Iraq is taking steps to halt the movement of ISIS militants and drug smuggling along its border with Syria by imposing new security measures.")
	shammari1 := graph.Actor{ID: graph.ActorID(Shammari), Name: "Abdul Amir al-Shammari", Kind: graph.Person, Country: "IQ",
		Aliases: []string{"Lt Gen Abdul Amir Al Shammari", "Shammari"},
		Roles: []graph.Role{{Title: "Deputy commander", OrgID: jochq.ID, From: "2021-01-18", To: "2021-01-18",
			Evid: ptr(ev(a1, "Deputy commander of Iraq's Joint Operations Command, Lieutenant-General Abdul Amir al-Shammari meets Iraqi troops at Al-Qaim, Iraq January 18, 2021."))}}}
	f1 := graph.Facts{Article: a1, Actors: []graph.Actor{iraq, syria, jochq, isis, shammari1}, Places: []graph.Place{qaim},
		Events: []graph.Event{
			{ID: graph.NewID("event", "tour"), Type: "meet", CAMEO: "043", Title: "Lt Gen al-Shammari meets Iraqi troops at Al-Qaim", Date: day("2021-01-18"), Status: graph.Reported,
				Participants: []graph.Participation{{ActorID: shammari1.ID, Role: "source"}}, PlaceID: qaim.ID,
				Evidence: []graph.Evidence{ev(a1, "Deputy commander of Iraq's Joint Operations Command, Lieutenant-General Abdul Amir al-Shammari meets Iraqi troops at Al-Qaim, Iraq January 18, 2021.")}},
			{ID: graph.NewID("event", "measures"), Type: "impose restrictions", CAMEO: "172", Title: "Iraq imposes new security measures on the Syrian border", Date: month("2021-01", "31"), Status: graph.Reported,
				Participants: []graph.Participation{{ActorID: iraq.ID, Role: "source"}, {ActorID: isis.ID, Role: "target"}},
				Evidence:     []graph.Evidence{ev(a1, "Iraq is taking steps to halt the movement of ISIS militants and drug smuggling along its border with Syria by imposing new security measures.")}},
		}}

	// 2021-12: fortification at 80 %.
	a2 := article("Iraq Fortifies 80% of Its Border with Syria", "Asharq Al-Awsat", "https://english.aawsat.com/home/article/3367731/iraq-fortifies-80-its-border-syria", "2021-12-19",
		"Major General Yahya Rasool, the spokesperson for the commander-in-chief of the Iraqi Armed Forces, announced on Saturday that 80% of the plan to fortify the border with Syria has been completed. "+
			"The plan aims to prevent the infiltration of terrorist groups and smugglers across the 600-kilometer long border between the two countries, he explained.")
	f2 := graph.Facts{Article: a2, Actors: []graph.Actor{iraq, syria, rasool},
		Events: []graph.Event{
			{ID: graph.NewID("event", "fortify80"), Type: "make statement", CAMEO: "010", Title: "Rasool: 80% of the Syrian border is fortified", Date: day("2021-12-18"), Status: graph.Reported,
				Participants: []graph.Participation{{ActorID: rasool.ID, Role: "source"}},
				Evidence:     []graph.Evidence{ev(a2, "Major General Yahya Rasool, the spokesperson for the commander-in-chief of the Iraqi Armed Forces, announced on Saturday that 80% of the plan to fortify the border with Syria has been completed.")},
				Quantities:   []graph.Quantity{{Value: 80, Unit: "%", Text: "80%", Counts: "plan", ArticleID: a2.ID}}},
			{ID: graph.NewID("event", "fortify"), Type: "fortify border", CAMEO: "154", Title: "Iraq fortifies its border with Syria", Date: graph.DateSpan{Value: "2021", Start: "2021-01-01", End: "2021-12-31", Precision: graph.Year}, Status: graph.Reported,
				Participants: []graph.Participation{{ActorID: iraq.ID, Role: "source"}, {ActorID: syria.ID, Role: "target"}},
				Evidence:     []graph.Evidence{ev(a2, "The plan aims to prevent the infiltration of terrorist groups and smugglers across the 600-kilometer long border between the two countries, he explained.")}},
		}}

	// 2024-02: the minister in Basra.
	a3 := article("Iraqi Interior Minister: Border Security Is ‘at its Best’", "Asharq Al-Awsat",
		"https://english.aawsat.com/arab-world/4851051-iraqi-interior-minister-border-security-%E2%80%98-its-best%E2%80%99", "2024-02-13",
		"Iraqi Minister of Interior Abdul Amir al-Shammari announced on Monday a plan to buy back weapons from citizens, describing security control on the borders as “at its best.” "+
			"The minister’s statements come about two weeks after the inauguration a 160-kilometer-long concrete insulating wall on the country’s western border with Syria.")
	shammari2 := graph.Actor{ID: graph.ActorID(Shammari), Name: Shammari, Kind: graph.Person, Country: "IQ", Aliases: []string{"Shammari"},
		Roles: []graph.Role{{Title: "Minister of Interior", OrgID: moi.ID, From: "2024-02-12", To: "2024-05-12"}}}
	f3 := graph.Facts{Article: a3, Actors: []graph.Actor{iraq, moi, shammari2}, Places: []graph.Place{basra, iraqPlace},
		Events: []graph.Event{
			{ID: graph.NewID("event", "buyback"), Type: "make statement", CAMEO: "010", Title: "Shammari announces a weapons buy-back plan in Basra", Date: day("2024-02-12"), Status: graph.Reported,
				Participants: []graph.Participation{{ActorID: shammari2.ID, Role: "source"}}, PlaceID: basra.ID,
				Evidence: []graph.Evidence{ev(a3, "Iraqi Minister of Interior Abdul Amir al-Shammari announced on Monday a plan to buy back weapons from citizens, describing security control on the borders as “at its best.”")}},
			{ID: graph.NewID("event", "wall"), Type: "fortify border", CAMEO: "154", Title: "Iraq inaugurates a concrete wall on the Syrian border", Date: graph.DateSpan{Value: "2024-01-28", Start: "2024-01-28", End: "2024-01-28", Precision: graph.Day, Text: "about two weeks after", Anchor: "the minister's statements"}, Status: graph.Reported,
				Participants: []graph.Participation{{ActorID: iraq.ID, Role: "source"}}, PlaceID: iraqPlace.ID,
				Evidence:   []graph.Evidence{ev(a3, "The minister’s statements come about two weeks after the inauguration a 160-kilometer-long concrete insulating wall on the country’s western border with Syria.")},
				Quantities: []graph.Quantity{{Value: 160, Unit: "km", Text: "160-kilometer-long", Counts: "concrete insulating wall", ArticleID: a3.ID}}},
		}}

	// 2024-05-12: the memorandum.
	a4 := article("Iraq and Syria sign security memorandum on border control and drugs", "Rudaw", "https://rudaw.net/english/middleeast/12052024", "2024-05-12",
		"The interior ministries of Iraq and Syria on Sunday signed a security agreement covering several areas including border control and combating drugs. "+
			"“A memorandum of understanding for joint security cooperation between the two countries was signed,” Iraqi Interior Minister Abdul-Amir al-Shammari said during a press conference in Baghdad with his Syrian counterpart Mohammed Khalid al-Rahmoun.")
	sign := ev(a4, "The interior ministries of Iraq and Syria on Sunday signed a security agreement covering several areas including border control and combating drugs.")
	mouEvent := graph.NewID("event", "mou")
	mou := graph.Agreement{ID: graph.NewID("agreement", "mou"), Name: MoUName, Kind: "memorandum of understanding", Date: graph.DateSpan{Value: MoUDate, Start: MoUDate, End: MoUDate, Precision: graph.Day, Text: "on Sunday"},
		Parties: []string{iraq.ID, syria.ID}, Signatories: []string{shammari2.ID, rahmoun.ID}, Topics: []string{"border control", "drugs", "extradition", "organized crime", "money laundering"},
		PlaceID: baghdad.ID, EventID: mouEvent, Evidence: []graph.Evidence{sign}}
	f4 := graph.Facts{Article: a4, Actors: []graph.Actor{iraq, syria, moi, shammari2, rahmoun}, Places: []graph.Place{baghdad},
		Events: []graph.Event{
			{ID: mouEvent, Type: "sign agreement", CAMEO: "057", Title: "Iraq and Syria sign a security memorandum of understanding", Date: mou.Date, Status: graph.Reported,
				Participants: []graph.Participation{{ActorID: shammari2.ID, Role: "signatory"}, {ActorID: rahmoun.ID, Role: "signatory"}, {ActorID: iraq.ID, Role: "source"}, {ActorID: syria.ID, Role: "target"}},
				PlaceID:      baghdad.ID, AgreementID: mou.ID,
				Evidence: []graph.Evidence{sign, ev(a4, "“A memorandum of understanding for joint security cooperation between the two countries was signed,” Iraqi Interior Minister Abdul-Amir al-Shammari said during a press conference in Baghdad with his Syrian counterpart Mohammed Khalid al-Rahmoun.")}},
			{ID: graph.NewID("event", "presser"), Type: "make statement", CAMEO: "010", Title: "Shammari and Rahmoun hold a press conference in Baghdad", Date: day(MoUDate), Status: graph.Reported,
				Participants: []graph.Participation{{ActorID: shammari2.ID, Role: "source"}, {ActorID: rahmoun.ID, Role: "participant"}}, PlaceID: baghdad.ID,
				Evidence: []graph.Evidence{ev(a4, "“A memorandum of understanding for joint security cooperation between the two countries was signed,” Iraqi Interior Minister Abdul-Amir al-Shammari said during a press conference in Baghdad with his Syrian counterpart Mohammed Khalid al-Rahmoun.")}},
		},
		Agreements: []graph.Agreement{mou}}

	// 2024-12: after the fall of Assad.
	a5 := article("Mikati Instructs Lebanon’s Institutions to Cooperate with HTS", "Asharq Al-Awsat",
		"https://english.aawsat.com/arab-world/5093517-mikati-instructs-lebanon%E2%80%99s-institutions-cooperate-hts", "2024-12-21",
		"Lebanese Prime Minister Najib Mikati instructed the country's institutions to cooperate with HTS on border matters. "+
			"Interior Ministry spokesperson Brig. Gen. Muqdad Miri will hold a press conference on the border next week.")
	f5 := graph.Facts{Article: a5, Actors: []graph.Actor{lebanon, mikati, hts, miri, moi}, Places: []graph.Place{beirut},
		Events: []graph.Event{
			{ID: graph.NewID("event", "mikati"), Type: "express intent to cooperate", CAMEO: "03", Title: "Mikati instructs Lebanon's institutions to cooperate with HTS", Date: day("2024-12-20"), Status: graph.Reported,
				Participants: []graph.Participation{{ActorID: mikati.ID, Role: "source"}, {ActorID: hts.ID, Role: "target"}}, PlaceID: beirut.ID,
				Evidence: []graph.Evidence{ev(a5, "Lebanese Prime Minister Najib Mikati instructed the country's institutions to cooperate with HTS on border matters.")}},
			{ID: graph.NewID("event", "miri"), Type: "make statement", CAMEO: "010", Title: "Miri to brief the press on the border", Date: graph.DateSpan{Value: "2024-W52", Start: "2024-12-23", End: "2024-12-29", Precision: graph.Week, Text: "next week"}, Status: graph.Planned,
				Participants: []graph.Participation{{ActorID: miri.ID, Role: "source"}},
				Evidence:     []graph.Evidence{ev(a5, "Interior Ministry spokesperson Brig. Gen. Muqdad Miri will hold a press conference on the border next week.")}},
		}}
	return []graph.Facts{f1, f2, f3, f4, f5}
}

func ptr[T any](v T) *T { return &v }

// LoadBulk adds n synthetic events (one article), spread over the days
// from 2020-01-01 on, some sharing a day, a tenth of them undated, each
// with the fixture's Iraq as participant: for paging walks and limits.
func LoadBulk(st graph.Storage, n int) error {
	art := graph.Article{Title: fmt.Sprintf("Bulk %d", n), Source: "test", Published: "2020-01-01", Text: "bulk"}
	art.ID = graph.ArticleID(art)
	f := graph.Facts{Article: art, Actors: []graph.Actor{{ID: graph.ActorID("Iraq"), Name: "Iraq", Kind: graph.Country, Country: "IQ"}}}
	for i := range n {
		d := graph.DateSpan{Precision: graph.Unknown}
		if i%10 != 9 {
			day := 1 + (i/3)%28
			m := 1 + (i/84)%12
			y := 2020 + i/1008
			s := fmt.Sprintf("%04d-%02d-%02d", y, m, day)
			d = graph.DateSpan{Value: s, Start: s, End: s, Precision: graph.Day}
		}
		f.Events = append(f.Events, graph.Event{
			ID: graph.NewID("event", "bulk", fmt.Sprint(n), fmt.Sprint(i)), Type: "bulk", CAMEO: "999",
			Title: fmt.Sprintf("bulk event %d", i), Date: d, Status: graph.Reported,
			Participants: []graph.Participation{{ActorID: graph.ActorID("Iraq"), Role: "source"}},
			Evidence:     []graph.Evidence{{ArticleID: art.ID, Sentence: "bulk", Start: 0, End: 4}},
		})
	}
	_, err := st.PutFacts(&f)
	return err
}
