package mention

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"

	"eventgraph/graph/model"
	"eventgraph/loader/sentence"
)

type goldPerson struct {
	Name     string     `json:"name"`
	Variants []string   `json:"variants"`
	RolesAny [][]string `json:"roles_any"`
}

func loadGoldPeople(t *testing.T) []goldPerson {
	b, err := os.ReadFile("testdata/seeds.json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		People []goldPerson `json:"people"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g.People
}

// occurrences are the byte offsets where s stands as whole words in text.
func occurrences(text, s string) []int {
	var out []int
	for off := 0; ; {
		i := strings.Index(text[off:], s)
		if i < 0 {
			return out
		}
		i += off
		before, after := rune(' '), rune(' ')
		if i > 0 {
			before = rune(text[i-1])
		}
		if j := i + len(s); j < len(text) {
			after = rune(text[j])
		}
		if !unicode.IsLetter(before) && before != '-' && !unicode.IsLetter(after) && after != '-' {
			out = append(out, i)
		}
		off = i + len(s)
	}
}

func covering(ms []Mention, off int) (Mention, bool) {
	for _, m := range ms {
		if m.Start <= off && off < m.End {
			return m, true
		}
	}
	return Mention{}, false
}

// TestGoldPeople: every spelling of each gold person that occurs in a seed
// resolves to one PERSON actor whose ID is model.ActorID(gold name), and the
// persons carry the gold roles.
func TestGoldPeople(t *testing.T) {
	people := loadGoldPeople(t)
	arts := loadSeeds(t)
	results := make([]Result, len(arts))
	for i, a := range arts {
		results[i] = analyzeSeed(a)
	}
	withRole := 0
	for _, p := range people {
		want := model.ActorID(p.Name)
		seen := 0
		var roles []model.Role
		for i, a := range arts {
			r := results[i]
			for _, v := range append([]string{p.Name}, p.Variants...) {
				for _, off := range occurrences(a.Text, v) {
					seen++
					m, ok := covering(r.Mentions, off)
					if !ok || m.Kind != Person || m.ActorID != want {
						t.Errorf("%s: %q at %d in %q: got %+v, want PERSON %s", p.Name, v, off, a.Title, m, want)
					}
				}
			}
			n := 0
			for _, ac := range r.Actors {
				if ac.ID == want {
					n++
					if ac.Kind != model.Person {
						t.Errorf("%s is %s", p.Name, ac.Kind)
					}
					roles = append(roles, ac.Roles...)
				}
			}
			if n > 1 {
				t.Errorf("%s: %d actors in %q", p.Name, n, a.Title)
			}
		}
		if seen == 0 {
			t.Errorf("%s: no spelling found in the seeds", p.Name)
		}
		ok := len(p.RolesAny) == 0
		for _, grp := range p.RolesAny {
			for _, kw := range grp {
				for _, r := range roles {
					if strings.Contains(strings.ToLower(r.Title), kw) {
						ok = true
					}
				}
			}
		}
		if ok {
			withRole++
		} else {
			t.Logf("%s: no role matches %v (roles %v)", p.Name, p.RolesAny, roles)
		}
	}
	t.Logf("%d of %d gold people carry a gold role", withRole, len(people))
	if withRole < 11 {
		t.Errorf("%d gold people with a gold role, want >= 11", withRole)
	}
}

// TestRoles checks the dated roles of the two people whose titles change.
func TestRoles(t *testing.T) {
	roles := map[string][]string{}
	for _, a := range loadSeeds(t) {
		for _, ac := range analyzeSeed(a).Actors {
			for _, r := range ac.Roles {
				if r.Evid == nil || r.From != a.Published {
					t.Errorf("%s: role %q without evidence or date", ac.Name, r.Title)
				}
				roles[ac.ID] = append(roles[ac.ID], r.From+" "+strings.ToLower(r.Title))
			}
		}
	}
	want := map[string][]string{
		"Abdul Amir al-Shammari": {"2021-01-20 deputy commander of iraq's joint operations command", "2024-02-13 minister of interior", "2024-05-12 interior minister"},
		"Yahya Rasool":           {"2021-01-20 army spokesman", "2021-12-19 spokesperson for the commander-in-chief of the iraqi armed forces"},
	}
	for name, ws := range want {
		got := strings.Join(roles[model.ActorID(name)], "; ")
		for _, w := range ws {
			if !strings.Contains(got, w) {
				t.Errorf("%s: roles %q lack %q", name, got, w)
			}
		}
	}
}

func analyzeText(text, published string) Result {
	return Analyze(Doc{Text: text, Sentences: sentence.Split(text), Published: published, ArticleID: "test"})
}

func actorOf(r Result, text string) (model.Actor, bool) {
	for _, m := range r.Mentions {
		if m.Text == text {
			for _, a := range r.Actors {
				if a.ID == m.ActorID {
					return a, true
				}
			}
		}
	}
	return model.Actor{}, false
}

// TestOrganizations: acronyms and full names of armed groups are one actor,
// within and across articles.
func TestOrganizations(t *testing.T) {
	seedIDs := map[string]string{}
	for _, a := range loadSeeds(t) {
		r := analyzeSeed(a)
		for _, acr := range []string{"HTS", "SDF", "ISIS", "PMF"} {
			if ac, ok := actorOf(r, acr); ok {
				if ac.Kind != model.Group && ac.Kind != model.Organization {
					t.Errorf("%s is %s", acr, ac.Kind)
				}
				if old, ok := seedIDs[acr]; ok && old != ac.ID {
					t.Errorf("%s: two IDs across seeds", acr)
				}
				seedIDs[acr] = ac.ID
			}
		}
	}
	own := "Fighters of Hayat Tahrir al-Sham took the town. The Syrian Democratic Forces said the Islamic State " +
		"was active. The Popular Mobilization Forces sent units. Later HTS, the SDF, ISIS and the PMF met."
	r := analyzeText(own, "2024-01-01")
	for acr, full := range map[string]string{"HTS": "Hayat Tahrir al-Sham", "SDF": "Syrian Democratic Forces", "ISIS": "Islamic State", "PMF": "Popular Mobilization Forces"} {
		a1, ok1 := actorOf(r, acr)
		a2, ok2 := actorOf(r, full)
		if !ok1 || !ok2 || a1.ID != a2.ID {
			t.Errorf("%s / %s: %v %v %q %q", acr, full, ok1, ok2, a1.Name, a2.Name)
			continue
		}
		if seedIDs[acr] != "" && seedIDs[acr] != a1.ID {
			t.Errorf("%s: seed ID differs from full-name ID", acr)
		}
		if a1.Kind != model.Group {
			t.Errorf("%s kind %s", acr, a1.Kind)
		}
	}
	if len(seedIDs) != 4 {
		t.Errorf("acronyms found in seeds: %v", seedIDs)
	}
	// a definition teaches a new acronym
	r = analyzeText("The Northern Valley Defence Brigades (NVDB) clashed with police. The NVDB denied it.", "")
	a1, _ := actorOf(r, "Northern Valley Defence Brigades")
	a2, _ := actorOf(r, "NVDB")
	if a1.ID == "" || a1.ID != a2.ID || a1.Kind != model.Group {
		t.Errorf("definition: %+v %+v", a1, a2)
	}
}

// TestCountries: names, demonyms and possessives give one COUNTRY actor.
func TestCountries(t *testing.T) {
	r := analyzeText("Iraq said on Monday that Iraqi troops and Iraq's police met Turkish officials from Türkiye.", "")
	iraq := model.ActorID("Iraq")
	n := 0
	for _, m := range r.Mentions {
		if m.Text == "Iraq" || m.Text == "Iraqi" {
			n++
			if m.ActorID != iraq {
				t.Errorf("%q -> %s", m.Text, m.ActorID)
			}
		}
	}
	if n < 3 {
		t.Errorf("%d Iraq mentions: %+v", n, r.Mentions)
	}
	tr, _ := actorOf(r, "Türkiye")
	tk, _ := actorOf(r, "Turkish")
	if tr.ID == "" || tr.ID != tk.ID || tr.Kind != model.Country {
		t.Errorf("Türkiye/Turkish: %+v %+v", tr, tk)
	}
}

// TestPlaces: seed places with coordinates.
func TestPlaces(t *testing.T) {
	got := map[string]model.Place{}
	for _, a := range loadSeeds(t) {
		for _, p := range analyzeSeed(a).Places {
			got[p.Name] = p
		}
	}
	for _, n := range []string{"Basra", "Baghdad", "Kirkuk", "Amman", "Moscow", "Masnaa"} {
		p, ok := got[n]
		if !ok || !p.HasGeo || p.Country == "" {
			t.Errorf("place %s: %+v", n, p)
		}
	}
	r := analyzeText("Trucks queued at the Zarbiya border crossing near Mafraq on Sunday.", "")
	for _, p := range r.Places {
		if p.Kind == "crossing" && (!p.HasGeo || p.Note == "") {
			t.Errorf("fallback crossing: %+v", p)
		}
	}
}

// TestNoFalseMerge: two people who share a surname stay apart.
func TestNoFalseMerge(t *testing.T) {
	text := "Police detained Ali Karimi, a shop owner, on Tuesday. His brother Reza Karimi told reporters the arrest was unjust. " +
		"Karimi added that the family would appeal. Ali Karimi was released later."
	r := analyzeText(text, "2023-03-07")
	var persons []model.Actor
	for _, a := range r.Actors {
		if a.Kind == model.Person {
			persons = append(persons, a)
		}
	}
	if len(persons) != 2 {
		t.Fatalf("persons: %+v", persons)
	}
	if persons[0].ID == persons[1].ID {
		t.Fatal("merged")
	}
	// the bare surname goes to the one mentioned last before it
	for _, m := range r.Mentions {
		if m.Text == "Karimi" && m.ActorID != model.ActorID("Reza Karimi") {
			t.Errorf("bare Karimi -> %s", m.ActorID)
		}
	}
}

// TestSpellingsShareID: spellings of one name give one ID across articles.
func TestSpellingsShareID(t *testing.T) {
	r1 := analyzeText("Iraqi Interior Minister Abdul-Amir al-Shammari said on Sunday the wall was done.", "2024-05-12")
	r2 := analyzeText("Lt Gen Abdul Amir Al Shammari told reporters the border was calm.", "2021-01-19")
	a1, _ := actorOf(r1, "Abdul-Amir al-Shammari")
	a2, _ := actorOf(r2, "Abdul Amir Al Shammari")
	if a1.ID == "" || a1.ID != a2.ID {
		t.Errorf("IDs differ: %+v %+v", a1, a2)
	}
}

type annot struct{ text, kind string }

func kindClass(k string) string {
	if k == string(Group) {
		return string(Organization)
	}
	return k
}

// TestPrecisionRecall scores the actor mentions of seed 004 against a hand
// annotation.
func TestPrecisionRecall(t *testing.T) {
	b, err := os.ReadFile("testdata/annotated_004.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[annot]int{}
	total := 0
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		want[annot{f[0], kindClass(f[1])}]++
		total++
	}
	var art seedArticle
	for _, a := range loadSeeds(t) {
		if strings.HasPrefix(a.File, "004") {
			art = a
		}
	}
	r := analyzeSeed(art)
	got, right := 0, 0
	left := map[annot]int{}
	for k, v := range want {
		left[k] = v
	}
	for _, m := range r.Mentions {
		if m.Kind == Place {
			continue
		}
		got++
		k := annot{m.Text, kindClass(string(m.Kind))}
		if left[k] > 0 {
			left[k]--
			right++
		} else {
			t.Logf("spurious: %q %s", m.Text, m.Kind)
		}
	}
	for k, v := range left {
		if v > 0 {
			t.Logf("missed: %q %s ×%d", k.text, k.kind, v)
		}
	}
	p := float64(right) / float64(got)
	rc := float64(right) / float64(total)
	t.Logf("seed 004 actor mentions: %d annotated, %d found, %d right: precision %.2f, recall %.2f", total, got, right, p, rc)
	if p < 0.85 || rc < 0.85 {
		t.Errorf("precision %.2f recall %.2f, want >= 0.85", p, rc)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	arts := loadSeeds(b)
	a := arts[0]
	d := Doc{Text: a.Text, Sentences: sentence.Split(a.Text), Published: a.Published}
	words := len(strings.Fields(a.Text))
	Analyze(d)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(d)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
