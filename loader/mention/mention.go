// Package mention finds the actors and places an article names and resolves
// them to graph nodes: persons with the titles the article gives them,
// organizations and armed groups with their acronyms, countries and their
// demonyms, and places (cities, regions, border crossings) with coordinates.
//
// It is dictionary-and-pattern based (see shared/LIBRARIES.md): the general
// world knowledge is in loader/gazetteer; the rules here are general English
// news patterns:
//
//   - gazetteer names (longest match, capitalized spans; acronyms in capitals);
//   - "Long Name (ACR)" teaches the acronym for the rest of the article;
//   - organization head nouns ("... Ministry", "... Command", "Directorate of
//     ...") with an optional nationality ("Iraqi", "Iraq's"), and nationality +
//     lower-case institution ("Iraqi army", "Iraq's intelligence service");
//   - "X border crossing" / "X crossing";
//   - persons after a title or rank ("Iraqi Interior Minister X", "Lt Gen X",
//     "HTS leader X", "Deputy commander of ... , Lieutenant-General X"), with an
//     appositive title ("X, Russia's foreign minister"), or untitled as the
//     subject of a speech verb ("X said") or after "by"/"according to".
//
// Resolution within an article: person names are matched by their folded key
// (graph.NormName: case, hyphens and al-/Al/el- particles ignored; titles are
// never part of a name). A shorter name that is a suffix of a longer one
// ("Karimi", "Al Karimi") resolves to it; a bare surname shared by two
// people resolves to the one mentioned most recently before it (else the next
// one after it). A person's canonical name is the longest full form seen, and
// its ID is graph.ActorID of that name, which depends only on the folded key,
// so every spelling of the name yields the same ID across articles.
//
// Country context rule: a national institution named without a nationality
// ("Interior Ministry", "Federal Police", "Border Guard Command"), or a title
// that implies one ("Culture Minister"), belongs to the article's home country:
// the one country (or demonym, or capital) its title line names, else the
// country mentioned most often, if it is mentioned at least three times and
// half again as often as any other. With no home country it stays without
// one.
package mention

import (
	"sort"

	"eventgraph/graph"
	"eventgraph/loader/gazetteer"
	"eventgraph/loader/sentence"
)

// Kind is the kind of a mention.
type Kind string

// Mention kinds.
const (
	Person       Kind = "PERSON"
	Organization Kind = "ORGANIZATION"
	Country      Kind = "COUNTRY"
	Group        Kind = "GROUP"
	Place        Kind = "PLACE"
	Demonym      Kind = "DEMONYM"
)

// Doc is an article to analyze.
type Doc struct {
	Text      string              // the whole article text (title line first)
	Sentences []sentence.Sentence // from sentence.Split(Text)
	Published string              // YYYY-MM-DD or ""
	ArticleID string              // for the Evidence of roles
}

// Mention is one naming of an actor or place in the text.
type Mention struct {
	Start, End int // byte offsets in Doc.Text
	Text       string
	Sentence   int // index into Doc.Sentences
	Kind       Kind
	// ActorID is the resolved actor (persons, organizations, groups,
	// countries; a demonym resolves to its country's actor); "" for a pure
	// place.
	ActorID string
	// PlaceID is set for places and countries (a country is both an actor
	// and a place).
	PlaceID string
	// Title is, for persons, the title given in this mention ("Interior
	// Minister", "army spokesman").
	Title string
}

// Result is what Analyze finds in one article.
type Result struct {
	Mentions []Mention     // sorted by Start, non-overlapping (longest match wins)
	Actors   []graph.Actor // one per resolved actor
	Places   []graph.Place // with coordinates where known
}

// cand is a candidate mention before selection.
type cand struct {
	start, end int // bytes
	kind       Kind
	pri        int
	actor      string // actor ID (not persons)
	place      string // place ID
	person     *personCand
}

// personCand is a person name found in the text with the titles given there.
type personCand struct {
	name  string   // the name as written (no titles)
	keys  []string // folded name tokens
	title string   // the title of this mention
	roles []roleCand
	cc    string // nationality from the title phrase
	sent  int
	start int
}

type roleCand struct {
	start int    // byte offset where the role's text starts
	tmpl  string // the organization the title implies ("{C} Ministry of Interior")
	title string
	orgID string
	sent  int
}

// priorities of candidates of equal length
const (
	priUntitled = iota
	priPlace
	priCountry
	priOrg
	priPerson
)

type analyzer struct {
	d        Doc
	toks     []token
	home     string
	cands    []cand
	byEnd    map[int][]int // cand indices by end byte
	byStart  map[int][]int
	local    map[string]localOrg // learned acronyms and names by key
	actors   map[string]*graph.Actor
	aorder   []string
	places   map[string]graph.Place
	porder   []string
	titles   map[string]gazetteer.Title
	lastRank string
	maxT     int
}

type localOrg struct {
	id   string
	kind Kind
}

// Analyze finds and resolves the actor and place mentions of an article.
func Analyze(d Doc) Result {
	a := &analyzer{d: d, byEnd: map[int][]int{}, byStart: map[int][]int{}, local: map[string]localOrg{},
		actors: map[string]*graph.Actor{}, places: map[string]graph.Place{}}
	a.toks = tokenize(d.Text)
	a.assignSentences()
	a.loadTitles()
	a.home = a.homeCountry()
	a.definitions()
	a.gazetteerSpans()
	a.orgPatterns()
	a.crossings()
	a.index()
	a.persons()
	sel := a.selectCands()
	sel = a.references(sel)
	return a.resolve(sel)
}

func (a *analyzer) assignSentences() {
	ss := a.d.Sentences
	k := 0
	for i := range a.toks {
		for k+1 < len(ss) && a.toks[i].Start >= ss[k+1].Start {
			k++
		}
		a.toks[i].Sent = k
	}
}

// sentOf is the index of the sentence holding byte offset off.
func (a *analyzer) sentOf(off int) int {
	ss := a.d.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].Start > off })
	if i == 0 {
		return 0
	}
	return i - 1
}

func (a *analyzer) add(c cand) int {
	a.cands = append(a.cands, c)
	return len(a.cands) - 1
}

func (a *analyzer) index() {
	a.byEnd = map[int][]int{}
	a.byStart = map[int][]int{}
	for i, c := range a.cands {
		a.byEnd[c.end] = append(a.byEnd[c.end], i)
		a.byStart[c.start] = append(a.byStart[c.start], i)
	}
}

// tokAt returns the index of the token starting at byte off, or -1.
func (a *analyzer) tokAt(off int) int {
	i := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= off })
	if i < len(a.toks) && a.toks[i].Start == off {
		return i
	}
	return -1
}

// ---------- home country ----------

func (a *analyzer) homeCountry() string {
	count := map[string]int{}
	titleSet := map[string]bool{}
	titleSent := 0
	for _, t := range a.toks {
		if !t.Word || !t.Cap {
			continue
		}
		c, ok := gazetteer.CountryByName(t.Text)
		if !ok {
			c, ok = gazetteer.Demonym(t.Text)
		}
		if !ok {
			if p, pok := gazetteer.LookupPlace(t.Text); pok && p.Kind == "capital" {
				if t.Sent == titleSent {
					titleSet[p.Country] = true
				}
			}
			continue
		}
		count[c.Code]++
		if t.Sent == titleSent {
			titleSet[c.Code] = true
		}
	}
	if len(titleSet) == 1 {
		for c := range titleSet {
			return c
		}
	}
	best, second := "", 0
	for c, n := range count {
		if best == "" || n > count[best] || (n == count[best] && c < best) {
			if best != "" && count[best] > second {
				second = count[best]
			}
			best = c
		} else if n > second {
			second = n
		}
	}
	if best != "" && count[best] >= 3 && 2*count[best] >= 3*second {
		return best
	}
	return ""
}

// ---------- actors and places ----------

func (a *analyzer) actor(name string, kind graph.ActorKind, cc, alias string) string {
	id := graph.ActorID(name)
	ac, ok := a.actors[id]
	if !ok {
		ac = &graph.Actor{ID: id, Name: name, Kind: kind, Country: cc}
		a.actors[id] = ac
		a.aorder = append(a.aorder, id)
	}
	if ac.Country == "" {
		ac.Country = cc
	}
	if alias != "" && alias != ac.Name {
		found := false
		for _, x := range ac.Aliases {
			if x == alias {
				found = true
				break
			}
		}
		if !found {
			ac.Aliases = append(ac.Aliases, alias)
		}
	}
	return id
}

func (a *analyzer) place(p gazetteer.Place) string {
	g := p.Graph()
	if _, ok := a.places[g.ID]; !ok {
		a.places[g.ID] = g
		a.porder = append(a.porder, g.ID)
	}
	return g.ID
}

// countryActor registers a country as actor and place.
func (a *analyzer) countryActor(c gazetteer.CountryInfo, alias string) (actor, place string) {
	return a.actor(c.Name, graph.Country, c.Code, alias), a.place(c.Place())
}

// orgActor registers a gazetteer organization.
func (a *analyzer) orgActor(o gazetteer.Org, alias string) (string, Kind) {
	k := Organization
	if o.Kind == graph.Group {
		k = Group
	}
	return a.actor(o.Name, o.Kind, o.Country, alias), k
}

// nationalName is the canonical name of a national institution:
// "Iraqi Ministry of Interior", "Lebanese Army".
func nationalName(cc, head string) string {
	if cc == "" {
		return head
	}
	c, ok := gazetteer.CountryByCode(cc)
	if !ok {
		return head
	}
	if len(c.Demonyms) > 0 {
		return c.Demonyms[0] + " " + head
	}
	return c.Name + " " + head
}
