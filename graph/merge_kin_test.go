package graph

import (
	"testing"
)

// story makes one article of several reports: the first report's article
// with every report's event.
func story(name string, rs ...mReport) *Facts {
	f := rs[0].facts(name)
	for i, r := range rs[1:] {
		g := r.facts(name)
		e := g.Events[0]
		e.ID = NewID("event", f.Article.ID, string(rune('1'+i)))
		for j := range e.Evidence {
			e.Evidence[j].ArticleID = f.Article.ID
			e.Evidence[j].Start += 1000 * (i + 1)
			e.Evidence[j].End += 1000 * (i + 1)
		}
		f.Events = append(f.Events, e)
		f.Actors = append(f.Actors, g.Actors...)
		f.Places = append(f.Places, g.Places...)
	}
	return f
}

// TestStoryKin checks the kin pass (merge_kin.go): a secondary happening
// two articles both tell is one node once the articles share their main
// happening, and stays two where nothing but the story joins them or
// where something tells the two apart.
func TestStoryKin(t *testing.T) {
	d := day("2025-08-14")
	// the main happening, told alike by both (merged on its score)
	leadA := mReport{cameo: "190", typ: "use military force", title: "Kenya and Ethiopia exchange gunfire at Wajir",
		sentence: "Kenyan and Ethiopian soldiers exchanged fire at Wajir on Thursday.", date: d, actors: []Actor{mKenya, mEthiopia}}
	leadB := mReport{cameo: "190", typ: "use military force", title: "Kenyan and Ethiopian troops clash at Wajir",
		sentence: "Kenyan and Ethiopian troops clashed at Wajir on 14 August.", date: d, actors: []Actor{mKenya, mEthiopia}, body: true}
	wounded := mReport{cameo: "180", typ: "use unconventional violence", title: "Wounded",
		sentence: "Forty injured people were brought to the district clinic.", date: d, body: true}
	clinic := mReport{cameo: "180", typ: "use unconventional violence", title: "Clinic treats wounded",
		sentence: "Doctors at a clinic near the frontier treated dozens of casualties.", date: d, body: true}
	protest := mReport{cameo: "141", typ: "demonstrate", title: "Protest",
		sentence: "Traders marched through the market in protest.", date: d, body: true}
	march := mReport{cameo: "141", typ: "demonstrate", title: "Traders stage protest march",
		sentence: "Hundreds of traders staged a protest march.", date: d, body: true}
	demandKE := mReport{cameo: "100", typ: "demand", title: "Kenya demands release of herders",
		sentence: "Kenya demanded the release of the herders.", date: d, actors: []Actor{mKenya}, body: true}
	demandET := mReport{cameo: "100", typ: "demand", title: "Ethiopia demands release of herders",
		sentence: "Ethiopia demanded the release of the herders.", date: d, actors: []Actor{mEthiopia}, body: true}
	// uncoded events: the title words decide
	convoy := mReport{typ: "arrive", title: "Convoy arrives at depot",
		sentence: "A convoy of lorries arrived at the depot.", date: d, body: true}
	aid := mReport{typ: "arrive", title: "Aid convoy reaches depot",
		sentence: "An aid convoy reached the fuel depot.", date: d, body: true}
	lorries := mReport{typ: "arrive", title: "Lorries queue",
		sentence: "Lorries queued for miles.", date: d, body: true}
	talks := mReport{typ: "hold talks", title: "Kenya and Ethiopia hold talks",
		sentence: "Kenya and Ethiopia held talks.", date: d, actors: []Actor{mKenya, mEthiopia}, body: true}
	envoys := mReport{typ: "hold talks", title: "Envoys of Ethiopia and Kenya confer",
		sentence: "Envoys of Ethiopia and Kenya conferred.", date: d, actors: []Actor{mEthiopia, mKenya}, body: true}
	dayAfter := func(r mReport) mReport { r.date = day("2025-08-15"); return r }
	tests := []struct {
		name string
		a, b mReport
		want bool // one node when the articles share their lead
	}{
		{"the wounded of the clash", wounded, clinic, true},
		{"the protest after it", protest, march, true},
		{"one demand from each side", demandKE, demandET, false},
		{"a protest the next day", protest, dayAfter(march), false},
		{"one convoy, uncoded", convoy, aid, true},
		{"uncoded, no word in common", convoy, lorries, false},
		{"uncoded, the same two states but no word in common", talks, envoys, false},
	}
	for _, tt := range tests {
		for _, withLead := range []bool{true, false} {
			name := tt.name
			if !withLead {
				name += ", articles sharing nothing else"
			}
			t.Run(name, func(t *testing.T) {
				s := memStore(t)
				a, b := story("one", tt.a), story("two", tt.b)
				if withLead {
					a, b = story("one", leadA, tt.a), story("two", leadB, tt.b)
				}
				for _, f := range []*Facts{a, b} {
					if _, err := s.PutFacts(f); err != nil {
						t.Fatal(err)
					}
				}
				var lead, part []Event
				err := s.view(func(r *Reader) error {
					return r.ForEachEvent(func(e Event) error {
						if e.CAMEO == "190" {
							lead = append(lead, e)
						} else {
							part = append(part, e)
						}
						return nil
					})
				})
				if err != nil {
					t.Fatal(err)
				}
				if withLead && len(lead) != 1 {
					t.Fatalf("the lead is %d events, want one (the test's premise)", len(lead))
				}
				want := tt.want && withLead
				if got := len(part) == 1; got != want {
					t.Errorf("one node: %v, want %v (%d events)", got, want, len(part))
				}
				if want && len(part) == 1 && len(part[0].Evidence) != 2 {
					t.Errorf("merged event has %d sentences, want one of each article", len(part[0].Evidence))
				}
			})
		}
	}
}

// TestKinAgree checks each thing that tells two kin events apart.
func TestKinAgree(t *testing.T) {
	set := func(xs ...string) strSet { return strSet(xs) }
	ev := func(cameo string) Event { return Event{CAMEO: cameo} }
	tests := []struct {
		name   string
		a, b   Event
		fa, fb mergeFacts
		want   bool
	}{
		{"statements of one side, one word shared", ev("010"), ev("010"),
			mergeFacts{srcCountries: set("KE"), words: set("patrol")}, mergeFacts{srcCountries: set("KE"), words: set("patrol", "fire")}, true},
		{"statements naming two people", ev("010"), ev("010"),
			mergeFacts{persons: set("p1"), words: set("patrol")}, mergeFacts{persons: set("p2"), words: set("patrol")}, false},
		{"a violent act naming two people (victims, witnesses)", ev("190"), ev("190"),
			mergeFacts{persons: set("p1")}, mergeFacts{persons: set("p2")}, true},
		{"verbal acts of two codes, no word shared", ev("010"), ev("016"),
			mergeFacts{words: set("say")}, mergeFacts{words: set("deny")}, false},
		{"verbal acts of two codes, a word shared", ev("010"), ev("016"),
			mergeFacts{words: set("claim", "say")}, mergeFacts{words: set("claim", "deny")}, true},
		{"sources of two sides", ev("100"), ev("100"),
			mergeFacts{sources: set("a1"), srcCountries: set("KE")}, mergeFacts{sources: set("a2"), srcCountries: set("ET")}, false},
		{"two sources of one country", ev("100"), ev("100"),
			mergeFacts{sources: set("a1"), srcCountries: set("KE")}, mergeFacts{sources: set("a2"), srcCountries: set("KE")}, true},
		{"sources of no known country", ev("180"), ev("180"),
			mergeFacts{sources: set("a1")}, mergeFacts{sources: set("a2")}, false},
		{"each side acting on the other", ev("190"), ev("190"),
			mergeFacts{srcCountries: set("KE"), tgtCountries: set("ET")}, mergeFacts{srcCountries: set("ET", "KE"), tgtCountries: set("KE")}, false},
		{"uncoded, no word shared", Event{Type: "arrive"}, Event{Type: "arrive"},
			mergeFacts{words: set("convoy")}, mergeFacts{words: set("lorry")}, false},
		{"uncoded, a word shared", Event{Type: "arrive"}, Event{Type: "arrive"},
			mergeFacts{words: set("convoy", "depot")}, mergeFacts{words: set("depot")}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kinAgree(tt.a, tt.b, tt.fa, tt.fb); got != tt.want {
				t.Errorf("kinAgree = %v, want %v", got, tt.want)
			}
		})
	}
}
