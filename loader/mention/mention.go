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
// (model.NormName: case, hyphens and al-/Al/el- particles ignored; titles are
// never part of a name). A shorter name that is a suffix of a longer one
// ("Karimi", "Al Karimi") resolves to it; a bare surname shared by two
// people resolves to the one mentioned most recently before it (else the next
// one after it). A person's canonical name is the longest full form seen, and
// its ID is model.ActorID of that name, which depends only on the folded key,
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
	"eventgraph/loader/ascii"
	"sort"
	"strings"
	"sync"

	"eventgraph/graph/model"
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
	// Lower is Text with its ASCII letters lower-cased and every other byte
	// kept, if the caller has it; Analyze computes it when it is empty.
	Lower string
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
	Actors   []model.Actor // one per resolved actor
	Places   []model.Place // with coordinates where known
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
	alias string // a nickname given after the name ("X, alias \"Toro\",")
	given bool   // a bare given name (references): kept only if it is one person's
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
	bufs *buffers // reused across articles
	d    Doc
	low  string // d.Text with its ASCII letters lower-cased (ascii.Lower)
	// picked is the country each shortened country name means in the
	// article (shortened)
	picked    map[string]gazetteer.CountryInfo
	toks      []token
	home      string
	cands     []cand
	byEnd     map[int]int32       // the first cand index by end byte (see index)
	byStart   map[int]int32       // the first cand index by start byte
	nextEnd   []int32             // by cand index, the next one with its end, -1 after the last
	nextStart []int32             // by cand index, the next one with its start, -1 after the last
	local     map[string]localOrg // learned acronyms and names by key
	localPre  map[string]bool     // the keys of local names and their leading words (see gazetteer.KeyPrefix)
	ids       map[string]string   // model.ActorID by name
	countries []countryIDs        // the actor and place IDs of the countries registered
	actors    map[string]*model.Actor
	aorder    []string
	places    map[string]int32 // index in plist by ID
	plist     []model.Place
	porder    []string
	titles    map[string]gazetteer.Title
	cover     coverIndex // for isGazetteerSpan
	lastRank  string
	anyCase   bool // titleAt takes capitalized offices written in lower case (lowerPlural)
	maxT      int
}

// grow returns b resliced to n elements, or a new slice if b is too short.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/4)
	}
	return b[:n]
}

// buffers are the slices and maps of an analysis, reused across articles:
// nothing Analyze returns refers to them.
type buffers struct {
	nextEnd, nextStart []int32
	idx                []int
	spans              [][2]int
	taken              byteSpans
	cover              []int
	sel                []cand
	toks               []token
	cands              []cand
	ids                map[string]string
	actors             map[string]*model.Actor
	places             map[string]int32
	aorder             []string
	porder             []string
	plist              []model.Place
}

// bytesPerToken is about how many bytes of English news text make a token
// (a word with its space, or a punctuation mark): what a token buffer is
// sized by.
const bytesPerToken = 5

var analyzerBufs = sync.Pool{New: func() any {
	return &buffers{toks: make([]token, 0, 1024), cands: make([]cand, 0, 256),
		ids: map[string]string{}, actors: map[string]*model.Actor{}, places: map[string]int32{}}
}}

type localOrg struct {
	id   string
	kind Kind
}

// Analyze finds and resolves the actor and place mentions of an article.
func Analyze(d Doc) Result {
	// the analyzer's buffers and maps are reused across articles: nothing
	// Analyze returns refers to them
	bufs := analyzerBufs.Get().(*buffers)
	a := &analyzer{d: d, bufs: bufs, local: map[string]localOrg{}, localPre: map[string]bool{},
		ids: bufs.ids, actors: bufs.actors, places: bufs.places,
		aorder: bufs.aorder[:0], porder: bufs.porder[:0], plist: bufs.plist[:0]}
	low := d.Lower
	if len(low) != len(d.Text) {
		low = ascii.Lower(d.Text)
	}
	a.low = low
	toks := bufs.toks[:0]
	if want := len(d.Text) / bytesPerToken; cap(toks) < want {
		// a long article: its tokens at once, not by doubling
		toks = make([]token, 0, want)
	}
	a.toks = tokenize(d.Text, low, toks)
	a.cover.tree = bufs.cover[:0]
	a.cands = bufs.cands[:0]
	defer func() {
		// the slices are not cleared: a buffer keeps the last article's
		// strings alive until it is reused or the pool drops it
		clear(a.ids)
		clear(a.actors)
		clear(a.places)
		a.picked = nil
		bufs.toks, bufs.cands = a.toks[:0], a.cands[:0]
		bufs.cover = a.cover.tree[:0]
		bufs.aorder, bufs.porder, bufs.plist = a.aorder[:0], a.porder[:0], a.plist[:0]
		analyzerBufs.Put(bufs)
	}()
	a.assignSentences()
	a.loadTitles()
	a.home = a.homeCountry()
	a.definitions()
	a.groupDefinitions()
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

// index chains the candidates by their end and start bytes (byEnd,
// nextEnd, byStart, nextStart) for orgEndingAt and orgStartingAt.
func (a *analyzer) index() {
	n := len(a.cands)
	b := a.bufs
	a.byEnd, a.byStart = make(map[int]int32, n), make(map[int]int32, n)
	a.nextEnd, a.nextStart = grow(b.nextEnd, n), grow(b.nextStart, n)
	b.nextEnd, b.nextStart = a.nextEnd, a.nextStart
	// chained from the last so that each chain runs in index order
	for i := n - 1; i >= 0; i-- {
		c := &a.cands[i]
		a.nextEnd[i], a.nextStart[i] = -1, -1
		if h, ok := a.byEnd[c.end]; ok {
			a.nextEnd[i] = h
		}
		if h, ok := a.byStart[c.start]; ok {
			a.nextStart[i] = h
		}
		a.byEnd[c.end], a.byStart[c.start] = int32(i), int32(i)
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
	for i := range a.toks {
		t := &a.toks[i]
		if !t.Word || !t.Cap {
			continue
		}
		c, ok := countryByName(t)
		if !ok {
			c, ok = demonym(t)
		}
		if !ok {
			if p, pok := lookupPlace(t); pok && p.Kind == "capital" {
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

func (a *analyzer) actor(name string, kind model.ActorKind, cc, alias string) string {
	if kind == model.Organization {
		if n, c := institutionName(name); n != "" {
			name = n
			if cc == "" {
				cc = c
			}
		}
	}
	id := a.actorID(name)
	ac, ok := a.actors[id]
	if !ok {
		ac = &model.Actor{ID: id, Name: name, Kind: kind, Country: cc}
		a.actors[id] = ac
		a.aorder = append(a.aorder, id)
	}
	a.update(ac, cc, alias)
	return id
}

// institutionName writes a state's institution named by its country
// ("Finland Border Guard", "Kenya Police", "Peru Armed Forces") as its
// demonym names it ("Finnish Border Guard"), so both are one actor; it
// returns "" for other names ("China National Petroleum Corporation").
func institutionName(name string) (string, string) {
	last := name
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		last = name[i+1:]
	} else {
		return "", "" // one word: no country before a head
	}
	if !institutionLast[strings.ToLower(last)] {
		return "", ""
	}
	f := strings.Fields(name)
	for n := min(2, len(f)-1); n >= 1; n-- {
		c, ok := gazetteer.CountryByName(strings.Join(f[:n], " "))
		if !ok {
			continue
		}
		if h, ok := lowerOrgHeads[strings.ToLower(strings.Join(f[n:], " "))]; ok {
			return nationalName(c.Code, h), c.Code
		}
	}
	return "", ""
}

// institutionLast are the last words of lowerOrgHeads' keys: a name that
// ends otherwise names no state institution (institutionName's quick test).
var institutionLast = func() map[string]bool {
	m := map[string]bool{}
	for k := range lowerOrgHeads {
		f := strings.Fields(k)
		m[f[len(f)-1]] = true
	}
	return m
}()

// update gives a registered actor its country, if it has none, and the
// alias, if new.
func (a *analyzer) update(ac *model.Actor, cc, alias string) {
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
}

// actorID is model.ActorID(name), computed once per name and article.
func (a *analyzer) actorID(name string) string {
	if id, ok := a.ids[name]; ok {
		return id
	}
	id := gazetteer.ActorID(name)
	a.ids[name] = id
	return id
}

func (a *analyzer) place(p gazetteer.Place) string {
	g := p.Graph()
	if _, ok := a.places[g.ID]; !ok {
		a.places[g.ID] = int32(len(a.plist))
		a.plist = append(a.plist, g)
		a.porder = append(a.porder, g.ID)
	}
	return g.ID
}

// countryActor registers a country as actor and place.
func (a *analyzer) countryActor(c gazetteer.CountryInfo, alias string) (actor, place string) {
	for _, r := range a.countries {
		if r.name == c.Name && r.code == c.Code {
			// registered before: only its country and the alias may change
			a.update(a.actors[r.actor], c.Code, alias)
			return r.actor, r.place
		}
	}
	actor, place = a.actor(c.Name, model.Country, c.Code, alias), a.place(c.Place())
	a.countries = append(a.countries, countryIDs{c.Name, c.Code, actor, place})
	return actor, place
}

// countryIDs are the actor and place identifiers of a country, which
// depend on its name and code.
type countryIDs struct{ name, code, actor, place string }

// orgActor registers a gazetteer organization.
func (a *analyzer) orgActor(o gazetteer.Org, alias string) (string, Kind) {
	k := Organization
	if o.Kind == model.Group {
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
