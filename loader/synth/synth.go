// Package synth generates synthetic news articles for scale tests: varied
// sentences about statements, meetings, signings, arrests and attacks, with
// people, organizations, countries and cities drawn from loader/gazetteer
// and dates written as weekdays, explicit dates and relative expressions.
// The output is deterministic for a seed. None of it is real news.
package synth

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"eventgraph/loader/gazetteer"
	"eventgraph/loader/read"
)

// Options shape a corpus; the zero value gives about 400-word articles
// published between 2017 and 2025.
type Options struct {
	// Paragraphs per article (default 8; each has 2 to 4 sentences).
	Paragraphs int
	// From and To bound the publication dates (default 2017-01-01 to 2025-12-31).
	From, To time.Time
}

// Generate returns n articles made from seed, with default options.
func Generate(n int, seed int64) []read.Document { return GenerateWith(n, seed, Options{}) }

// GenerateWith returns n articles made from seed.
func GenerateWith(n int, seed int64, o Options) []read.Document {
	if o.Paragraphs <= 0 {
		o.Paragraphs = 8
	}
	if o.From.IsZero() {
		o.From = time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if o.To.IsZero() || !o.To.After(o.From) {
		o.To = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	g := &gen{r: rand.New(rand.NewSource(seed)), v: vocab()}
	days := int(o.To.Sub(o.From).Hours()/24) + 1
	docs := make([]read.Document, n)
	for i := range docs {
		pub := o.From.AddDate(0, 0, g.r.Intn(days))
		docs[i] = g.article(i, pub, o.Paragraphs)
	}
	return docs
}

// Words counts the words of the articles' texts.
func Words(docs []read.Document) int {
	n := 0
	for _, d := range docs {
		n += len(strings.Fields(d.Text))
	}
	return n
}

// WriteFiles writes each article to dir as a text file with a header
// (title, published, source, url), 100 to a sub-folder, and returns the
// paths written.
func WriteFiles(dir string, docs []read.Document) ([]string, error) {
	var paths []string
	for i, d := range docs {
		sub := filepath.Join(dir, fmt.Sprintf("%04d", i/100))
		if i%100 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return paths, fmt.Errorf("synth: %w", err)
			}
		}
		p := filepath.Join(sub, fmt.Sprintf("%06d.txt", i))
		body := strings.TrimPrefix(d.Text, d.Title+"\n\n")
		text := fmt.Sprintf("title: %s\npublished: %s\nsource: %s\nurl: %s\n---\n%s\n", d.Title, d.Published, d.Source, d.URL, body)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return paths, fmt.Errorf("synth: %w", err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// words is the vocabulary drawn from the gazetteer and from invented names.
type words struct {
	countries []gazetteer.CountryInfo
	orgs      []string
	titles    []string
}

func vocab() words {
	var v words
	for _, c := range gazetteer.Countries() {
		if c.UNMember && c.Capital != "" && len(c.Demonyms) > 0 {
			v.countries = append(v.countries, c)
		}
	}
	for _, o := range orgNames {
		if _, ok := gazetteer.LookupOrg(o); ok {
			v.orgs = append(v.orgs, o)
		}
	}
	for _, t := range gazetteer.Titles() {
		if t.Class == "office" || t.Class == "rank" {
			v.titles = append(v.titles, t.Title)
		}
	}
	if len(v.titles) == 0 {
		v.titles = []string{"Minister"}
	}
	return v
}

// orgNames are organizations the gazetteer is expected to know; those it
// does not are left out.
var orgNames = []string{"United Nations", "European Union", "NATO", "Arab League", "African Union",
	"World Health Organization", "World Bank", "International Monetary Fund", "Interpol",
	"International Committee of the Red Cross", "UNHCR", "UNICEF", "World Food Programme",
	"Gulf Cooperation Council", "OPEC", "ASEAN", "OSCE"}

var (
	given = []string{"Amir", "Layla", "Omar", "Sara", "Karim", "Nadia", "Yusuf", "Rana", "Tariq", "Huda",
		"Daniel", "Elena", "Marco", "Ingrid", "Pavel", "Chen", "Aiko", "Kofi", "Amara", "Diego",
		"Farid", "Samira", "Hassan", "Mariam", "Jonas", "Lucia", "Viktor", "Priya", "Mehmet", "Zeynep"}
	family = []string{"Haddad", "Rahimi", "Khalil", "Nasser", "Darwish", "Mansour", "Saleh", "Qasim",
		"Lindqvist", "Moreau", "Kowalski", "Petrov", "Tanaka", "Okafor", "Mensah", "Alvarez",
		"Brennan", "Costa", "Novak", "Horvat", "Yilmaz", "Demir", "Sharma", "Wei", "Sato", "Adeyemi"}
	weekdays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	relatives  = []string{"last week", "two weeks ago", "earlier this month", "last month", "three days ago", "in late %d", "in early %d"}
	topics     = []string{"border security", "trade", "water sharing", "energy", "refugee returns", "counter-terrorism", "customs", "electricity", "health", "reconstruction"}
	agreements = []string{"memorandum of understanding", "agreement", "accord", "protocol", "framework agreement"}
	weapons    = []string{"a roadside bomb", "a drone", "rockets", "a car bomb", "mortar fire", "gunmen"}
	places     = []string{"market", "checkpoint", "convoy", "border post", "military base", "police station", "village"}
	fillers    = []string{
		"Officials did not give further details.",
		"The talks were described as constructive by both sides.",
		"Analysts said the move reflected growing concern over the region's stability.",
		"No group immediately claimed responsibility.",
		"The statement was carried by the state news agency.",
		"Residents said the situation had been calm in recent weeks.",
		"The ministry said more meetings would follow in the coming months.",
		"Observers noted that similar pledges had been made before.",
	}
)

type gen struct {
	r *rand.Rand
	v words
}

func (g *gen) pick(s []string) string { return s[g.r.Intn(len(s))] }

func (g *gen) country() gazetteer.CountryInfo { return g.v.countries[g.r.Intn(len(g.v.countries))] }

func (g *gen) person() string { return g.pick(given) + " " + g.pick(family) }

// official is "the Iraqi Interior Minister Amir Haddad" or "Amir Haddad, the
// Iraqi Interior Minister", with its country.
func (g *gen) official() (string, gazetteer.CountryInfo) {
	c := g.country()
	dem := c.Demonyms[0]
	t := g.pick(g.v.titles)
	p := g.person()
	if g.r.Intn(2) == 0 {
		return fmt.Sprintf("%s %s %s", dem, t, p), c
	}
	return fmt.Sprintf("%s, the %s %s,", p, dem, t), c
}

// when writes a time expression for a day at or before pub.
func (g *gen) when(pub time.Time) string {
	switch g.r.Intn(4) {
	case 0:
		back := g.r.Intn(7)
		return "on " + weekdays[(int(pub.Weekday())+6-back)%7]
	case 1:
		d := pub.AddDate(0, 0, -g.r.Intn(60))
		if g.r.Intn(2) == 0 {
			return "on " + d.Format("2 January 2006")
		}
		return "on " + d.Format("January 2, 2006")
	case 2:
		r := g.pick(relatives)
		if strings.Contains(r, "%d") {
			return fmt.Sprintf(r, pub.Year()-g.r.Intn(3))
		}
		return r
	}
	return "on " + pub.AddDate(0, 0, -g.r.Intn(30)).Format("January 2")
}

func (g *gen) sentence(pub time.Time) string {
	a, ca := g.official()
	cb := g.country()
	w := g.when(pub)
	switch g.r.Intn(6) {
	case 0:
		return fmt.Sprintf("%s said %s that %s would strengthen cooperation with %s on %s.", a, w, ca.Name, cb.Name, g.pick(topics))
	case 1:
		b, _ := g.official()
		return fmt.Sprintf("%s met %s in %s %s to discuss %s.", a, b, ca.Capital, w, g.pick(topics))
	case 2:
		return fmt.Sprintf("%s and %s signed a %s on %s in %s %s.", ca.Name, cb.Name, g.pick(agreements), g.pick(topics), cb.Capital, w)
	case 3:
		return fmt.Sprintf("Security forces in %s arrested %s %s on charges of smuggling, the %s said.", ca.Capital, g.person(), w, g.pick(g.v.orgs))
	case 4:
		n := 2 + g.r.Intn(30)
		return fmt.Sprintf("At least %d people were killed when %s struck a %s near %s %s.", n, g.pick(weapons), g.pick(places), cb.Capital, w)
	}
	return fmt.Sprintf("The %s called %s for talks between %s and %s.", g.pick(g.v.orgs), w, ca.Name, cb.Name)
}

func (g *gen) article(i int, pub time.Time, paras int) read.Document {
	c := g.country()
	title := fmt.Sprintf("%s %s: report %d", c.Name, []string{"talks", "security", "agreement", "arrests", "attack"}[g.r.Intn(5)], i)
	var b strings.Builder
	b.WriteString(title)
	for p := 0; p < paras; p++ {
		b.WriteString("\n\n")
		n := 2 + g.r.Intn(3)
		for s := 0; s < n; s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			if g.r.Intn(4) == 0 {
				b.WriteString(g.pick(fillers))
			} else {
				b.WriteString(g.sentence(pub))
			}
		}
	}
	return read.Document{
		Title:     title,
		Source:    "Synthetic Wire",
		URL:       fmt.Sprintf("https://synthetic.example/%d/%06d", pub.Year(), i),
		Published: pub.Format("2006-01-02"),
		File:      fmt.Sprintf("synth/%06d.txt", i),
		Index:     0,
		Line:      1,
		Text:      b.String(),
	}
}

// PersonNames returns the person names the generator wrote into text
// (each a given name followed by a family name of its lists), in order of
// first appearance, each once: the gold persons of a synthetic article,
// against which an extractor's person names can be scored (make
// bench-peers does, for eventgraph and compromise).
func PersonNames(text string) []string {
	personOnce.Do(func() {
		personRE = regexp.MustCompile(`\b(?:` + strings.Join(given, "|") + `) (?:` + strings.Join(family, "|") + `)\b`)
	})
	var out []string
	seen := map[string]bool{}
	for _, n := range personRE.FindAllString(text, -1) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

var (
	personOnce sync.Once
	personRE   *regexp.Regexp
)
