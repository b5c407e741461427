package graph

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dgraph-io/badger/v4"

	"eventgraph/graph/model"
	"eventgraph/graph/names"
	"eventgraph/graph/synonyms"
)

// Cross-article merging. Two outlets telling one happening rarely share a
// merge key (MergeKeys are exact), so an event that shares no key with a
// stored one is scored against the stored events of other articles that
// could be it:
//
//   - blocked: events whose dates overlap its own (a DAY event one day
//     apart counts, outlets in other time zones report neighbouring days; a
//     DAY event may be inside a WEEK or MONTH one), found through the index
//     of one of its participants or its place, never by a scan of all events;
//   - of the same CAMEO root (uncoded events: the same type);
//   - scored (mergeScore) on the resolved participants they share (persons
//     are resolved across articles before, see resolvePersons), their
//     countries, their place, their agreement and the key words of their
//     titles and types; the best candidate at or above mergeThreshold wins,
//     ties going to the smaller identifier.
//
// The threshold was set on the dev corpus (see tools/mergecheck in the
// report of the merge branch): no false merge there, and the table tests
// of merge_test.go hold pairs that must and must not merge.

// mergeThreshold is the score a candidate needs to be taken as the same
// happening (see mergeScore).
const mergeThreshold = 6

// maxMergeCands bounds the stored events read per index range of one
// event (a day of a large corpus); errEnough stops the scan there.
const maxMergeCands = 2000

// maxDateCands bounds the events of a single day's window read from the
// date index (and as many from the transaction's own events).
const maxDateCands = 64

var errEnough = errors.New("enough candidates")

// maxMergeScans bounds the index ranges read per event: its first actors
// and its place.
const maxMergeScans = 6

// merger finds, for the events of the articles written in one
// transaction, the stored events of other articles they report. Index
// ranges are read from a read-only snapshot taken with the write
// transaction (an iterator of a write transaction sorts all its pending
// writes, which a batch of thousands of events cannot afford), and the
// events and agreements the transaction writes are kept in memory beside
// it. Single nodes are read from the write transaction.
type merger struct {
	// textMax is the Store's largest article node before its text is
	// stored in parts (article_text.go; 0: never)
	textMax int
	r       *Reader     // over the write transaction: single reads
	snap    *Reader     // over the snapshot: index ranges
	rtxn    *badger.Txn // the snapshot's transaction
	// events written by the transaction, by ID, and the IDs of those
	// events under each of their actors and places and each day
	// (pEventActor+id+"|"+day, pEventPlace+id+"|"+day; see wroteEvent)
	written map[string]Event
	// writtenBy holds the events under each key and day by number:
	// keyNum numbers the index key prefixes, evNum the event IDs (evIDs
	// is the inverse); evSpans[n] are the days event n was put under
	// each key, so that an event written again (merged) is listed once.
	// Numbers, not strings, because wroteEvent puts a month-long event
	// under some 30 days of each of its keys: hashing the key string
	// for each was a tenth of a store build's CPU.
	writtenBy map[dayKey][]int32
	keyNum    map[string]int32
	evNum     map[string]int32
	evIDs     []string
	evSpans   [][]keySpan
	// mark and gen mark the events writtenIn has taken (mark[n] == gen)
	mark []uint32
	gen  uint32
	// agreements written by the transaction
	writtenAgree map[string]Agreement
	// events read from the snapshot (which does not change)
	loaded map[string]Event
	// actor index keys written by the transaction: the identifiers under
	// each key's prefix ("CL:<surname>|")
	writtenKeys map[string][]string

	art    string
	agrees map[string]Agreement // this article's agreements by ID
	stored map[string]*Agreement
	// countries caches isCountry
	countries map[string]bool
	// factsOf caches cachedFacts by event ID
	factsOf map[string]mergeFacts
	// kinSeen holds, by the ID of each event of the article, the
	// candidates find scored that the kin pass may take (see seenKin)
	kinSeen map[string][]Event
	// snapFacts caches facts of the snapshot's events for the whole
	// transaction (see snapshotFacts)
	snapFacts map[string]mergeFacts
	// cache is the store's, kept across transactions (merge_cache.go), or
	// nil; readTs is the write transaction's read timestamp
	cache  *mergeCache
	readTs uint64
}

// newMerger makes the merger of a write transaction of s; close it
// when the transaction ends. The caller holds s.wmu.
func newMerger(s *Store, txn *badger.Txn) *merger {
	rtxn := s.db.NewTransaction(false)
	if s.mergeCache == nil && !s.noMergeCache {
		s.mergeCache = newMergeCache()
	}
	if s.mergeCache != nil {
		s.mergeCache.begin(txn, rtxn)
	}
	return &merger{
		textMax:      s.textMax,
		readTs:       txn.ReadTs(),
		cache:        s.mergeCache,
		r:            &Reader{txn: txn, places: map[string]*Place{}, actors: map[string]*Actor{}, dec: s.mergeCache},
		snap:         &Reader{txn: rtxn, places: map[string]*Place{}, actors: map[string]*Actor{}},
		rtxn:         rtxn,
		written:      map[string]Event{},
		writtenBy:    map[dayKey][]int32{},
		keyNum:       map[string]int32{},
		evNum:        map[string]int32{},
		writtenAgree: map[string]Agreement{},
		loaded:       map[string]Event{},
		writtenKeys:  map[string][]string{},
		countries:    map[string]bool{},
		snapFacts:    map[string]mergeFacts{},
	}
}

// close ends the snapshot.
func (m *merger) close() {
	if m != nil {
		m.rtxn.Discard()
	}
}

// end tells the store's cache how the write transaction ended: wrote
// says it held writes, committed that it was committed.
func (m *merger) end(wrote, committed bool) {
	if m != nil && m.cache != nil {
		m.cache.end(m.readTs, wrote, committed)
	}
}

// wroteNode records that the transaction wrote an actor, place or
// agreement under key.
func (m *merger) wroteNode(key string) {
	if m != nil {
		m.cache.wrote(key)
	}
}

// begin starts an article.
func (m *merger) begin(f *Facts) {
	m.art = f.Article.ID
	m.agrees = map[string]Agreement{}
	m.stored = map[string]*Agreement{}
	m.factsOf = map[string]mergeFacts{}
	m.kinSeen = map[string][]Event{}
	for _, g := range f.Agreements {
		m.agrees[g.ID] = g
	}
}

// wroteEvent records an event the transaction wrote, under each of its
// actors and its place and each day it covers (a span of more than
// maxIndexedDays under wideDay).
func (m *merger) wroteEvent(e Event) {
	if m == nil {
		return
	}
	m.written[e.ID] = e
	delete(m.snapFacts, e.ID)
	if m.cache != nil {
		m.cache.facts.drop(e.ID)
	}
	if !e.Date.Known() {
		return
	}
	first, last := int32(wideDay), int32(wideDay)
	t, err1 := time.Parse("2006-01-02", e.Date.Start)
	u, err2 := time.Parse("2006-01-02", e.Date.End)
	if err1 == nil && err2 == nil && !u.Before(t) && u.Sub(t) < maxIndexedDays*24*time.Hour {
		first, last = dayNumber(t), dayNumber(u)
	}
	ev, ok := m.evNum[e.ID]
	if !ok {
		ev = int32(len(m.evIDs))
		m.evNum[e.ID] = ev
		m.evIDs = append(m.evIDs, e.ID)
		m.evSpans = append(m.evSpans, nil)
		m.mark = append(m.mark, 0)
	}
	add := func(k string) {
		kn, ok := m.keyNum[k]
		if !ok {
			kn = int32(len(m.keyNum))
			m.keyNum[k] = kn
		}
		before := m.evSpans[ev]
		for d := first; d <= last; d++ {
			if keySpans(before).has(kn, d) {
				continue
			}
			kd := dayKey{kn, d}
			m.writtenBy[kd] = append(m.writtenBy[kd], ev)
		}
		m.evSpans[ev] = append(m.evSpans[ev], keySpan{kn, first, last})
	}
	add(pEventDate)
	for _, p := range e.Participants {
		add(pEventActor + p.ActorID + "|")
	}
	if e.PlaceID != "" {
		add(pEventPlace + e.PlaceID + "|")
	}
}

// writtenIn returns the IDs of the events written by the transaction
// under an actor's or place's key (see wroteEvent) that may overlap the
// days from..to, at most limit of them, in the order they were written
// day by day.
func (m *merger) writtenIn(key, from, to string, limit int) []string {
	kn, ok := m.keyNum[key]
	if !ok {
		return nil
	}
	m.gen++
	if m.gen == 0 { // wrapped: clear the marks
		clear(m.mark)
		m.gen = 1
	}
	var ids []string
	take := func(k dayKey) bool {
		for _, ev := range m.writtenBy[k] {
			if m.mark[ev] != m.gen {
				m.mark[ev] = m.gen
				ids = append(ids, m.evIDs[ev])
				if len(ids) >= limit {
					return false
				}
			}
		}
		return true
	}
	if !take(dayKey{kn, wideDay}) {
		return ids
	}
	t, err1 := time.Parse("2006-01-02", from)
	u, err2 := time.Parse("2006-01-02", to)
	if err1 == nil && err2 == nil {
		for d, last := dayNumber(t), dayNumber(u); d <= last; d++ {
			if !take(dayKey{kn, d}) {
				break
			}
		}
	}
	return ids
}

// dayKey is an index key prefix of wroteEvent ("ED:", "EA:<actor>|",
// "EP:<place>|", by its number in merger.keyNum) and a day (dayNumber), or
// wideDay for spans of more than maxIndexedDays; keySpan is the days
// first..last an event was put under key.
type (
	dayKey struct {
		key, day int32
	}
	keySpan struct {
		key, first, last int32
	}
	keySpans []keySpan
)

// has reports whether one of the spans puts its event under key on day.
func (ks keySpans) has(key, day int32) bool {
	for _, s := range ks {
		if s.key == key && s.first <= day && day <= s.last {
			return true
		}
	}
	return false
}

// dayNumber numbers a day (a time at midnight UTC, as time.Parse gives
// "2006-01-02"): the days since 1970-01-01.
func dayNumber(t time.Time) int32 { return int32(t.Unix() / 86400) }

// maxIndexedDays is the longest span wroteEvent indexes day by day;
// wideDay is the day of longer ones (no day's number).
const (
	maxIndexedDays = 62
	wideDay        = math.MinInt32
)

// wroteKey records an index key "<prefix>|<id>" the transaction wrote.
func (m *merger) wroteKey(k string) {
	if m == nil {
		return
	}
	i := lastBar(k)
	if i < 0 {
		return
	}
	pre, id := k[:i+1], k[i+1:]
	if ids := m.writtenKeys[pre]; !slices.Contains(ids, id) {
		m.writtenKeys[pre] = append(ids, id)
	}
}

// scanIDs is scanIDs of the write transaction txn, read from the
// snapshot and the keys the transaction wrote (see merger); without a
// merger, from txn.
func (m *merger) scanIDs(txn *wtxn, prefix string) []string {
	if m == nil {
		return scanIDs(txn.Txn, prefix)
	}
	ids := scanIDs(m.rtxn, prefix)
	for _, id := range m.writtenKeys[prefix] {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// storedActor is the actor id as txn holds it (ErrNotFound if none):
// decoded by the store's merge cache when there is one (an actor told by
// many articles was decoded again, roles and all, by each of them: 4% of
// a store build's CPU), else read from txn. The value's slices are the
// cache's, clipped: appending to them copies, and they must not be
// written into.
func (m *merger) storedActor(txn *wtxn, id string) (Actor, error) {
	if m == nil || m.cache == nil {
		var a Actor
		return a, getJSON(txn, pActor+id, &a)
	}
	a, err := m.cache.actors.get(m.cache, txn.Txn, pActor+id, func(a *Actor) {
		a.Aliases, a.Roles = slices.Clip(a.Aliases), slices.Clip(a.Roles)
	})
	if err != nil {
		return Actor{}, err
	}
	return *a, nil
}

// wroteAgreement records an agreement the transaction wrote.
func (m *merger) wroteAgreement(g Agreement) {
	if m != nil {
		m.writtenAgree[g.ID] = g
	}
}

// MergeWindow is the window of days a stored event must overlap to be a
// merge candidate for an event of span d (the Dgraph store reads the same
// window of candidates): e's own span widened by a day on each side (so that
// the relation is symmetric and the outcome the same in either load
// order). An event known only to the quarter or year looks within its
// own span: a background happening one report dates "in 2023" and
// another "on February 8, 2023" is one node whichever is loaded first
// (the day's event finds the year's through the wide index; scoreMerge
// asks more of a pair whose spans differ). ok is false for an event of
// unknown date.
func MergeWindow(d DateSpan) (from, to string, ok bool) {
	if !d.Known() {
		return "", "", false
	}
	t, err1 := time.Parse("2006-01-02", d.Start)
	u, err2 := time.Parse("2006-01-02", d.End)
	if err1 != nil || err2 != nil {
		return "", "", false
	}
	if d.Width() > 3 {
		return d.Start, d.End, true
	}
	return t.AddDate(0, 0, -1).Format("2006-01-02"), u.AddDate(0, 0, 1).Format("2006-01-02"), true
}

// find returns the stored event of another article that e reports, if one
// scores at least mergeThreshold.
func (m *merger) find(e Event) (Event, bool, error) {
	from, to, ok := MergeWindow(e.Date)
	if !ok {
		return Event{}, false, nil
	}
	// the indexes of its persons, organizations and groups, else of its
	// countries (the widest: a busy country has many events a day)
	var filters, countries []EventFilter
	seenActor := map[string]bool{}
	for _, p := range e.Participants {
		if seenActor[p.ActorID] || len(filters) >= maxMergeScans-1 {
			continue
		}
		seenActor[p.ActorID] = true
		f := EventFilter{From: from, To: to, ActorIDs: []string{p.ActorID}}
		a, err := m.r.Actor(p.ActorID)
		switch {
		case err == nil && a.Kind == Country:
			countries = append(countries, f)
		case err == nil || errors.Is(err, ErrNotFound):
			filters = append(filters, f)
		default:
			return Event{}, false, err
		}
	}
	if len(filters) == 0 && e.PlaceID == "" {
		filters = countries
	}
	if e.PlaceID != "" {
		filters = append(filters, EventFilter{From: from, To: to, PlaceID: e.PlaceID})
	}
	if e.Date.Start == e.Date.End {
		// a single day: also the first events of the three days around
		// it (the date index), so that reports sharing no resolved actor
		// ("security forces", "police") but the town and the words still
		// meet; a busy day of a large corpus is read only in part
		filters = append(filters, EventFilter{From: from, To: to})
	}
	seen := map[string]bool{}
	best, bestScore := Event{}, mergeThreshold-1
	window := DateSpan{Start: from, End: to}
	// snap says c is as the snapshot holds it (not written by the
	// transaction)
	consider := func(c Event, snap bool) error {
		if !c.Date.Overlaps(window) || m.sameArticle(c) {
			return nil
		}
		s, v, err := m.score(e, c, snap)
		if err != nil {
			return err
		}
		m.seenKin(e, c, s, v)
		if v != mergeSure {
			s = -1
		}
		if s > bestScore || (s == bestScore && best.ID != "" && c.ID < best.ID) {
			best, bestScore = c, s
		}
		return nil
	}
	for _, f := range filters {
		// the events this transaction wrote, in their latest version
		key := pEventPlace + f.PlaceID + "|"
		switch {
		case len(f.ActorIDs) == 1:
			key = pEventActor + f.ActorIDs[0] + "|"
		case f.PlaceID == "":
			key = pEventDate
		}
		limit := maxMergeCands
		if key == pEventDate {
			limit = maxDateCands
		}
		for _, id := range m.writtenIn(key, from, to, limit) {
			if seen[id] || id == e.ID {
				continue
			}
			seen[id] = true
			if err := consider(m.written[id], false); err != nil {
				return Event{}, false, err
			}
		}
		// the events stored before it
		read := 0
		err := m.snap.scanIndex(f, false, true, func(pos, id string, _ bool, _, fam []byte) error {
			if seen[id] || id == e.ID {
				return nil
			}
			// kept beyond the call (seen, loaded, the cache): copied
			pos = strings.Clone(pos)
			id = pos[len(pos)-len(id):]
			seen[id] = true
			if read++; read > limit {
				return errEnough
			}
			if w, ok := m.written[id]; ok {
				return consider(w, false)
			}
			if fam != nil && e.CAMEO != "" && !kinRoots(string(fam), root(e.CAMEO)) {
				return nil // another family (sameFamily): never a match
			}
			if c, ok := m.loaded[id]; ok {
				return consider(c, true)
			}
			if c, ok := m.cache.storedEvent(id, pos); ok {
				m.loaded[id] = c
				return consider(c, true)
			}
			var c Event
			if err := m.snap.loadEvent(pos, nil, &c); err != nil {
				if errors.Is(err, ErrNotFound) {
					return nil
				}
				return err
			}
			m.loaded[id] = c
			return consider(c, true)
		})
		if err != nil && !errors.Is(err, errEnough) {
			return Event{}, false, err
		}
	}
	return best, best.ID != "", nil
}

// sameArticle reports whether c holds evidence of the article being
// written: events of one article are never merged by score (the
// extractor has made one event per happening of an article), and a stored
// event takes at most one event of each article.
func (m *merger) sameArticle(c Event) bool {
	for _, ev := range c.Evidence {
		if ev.ArticleID == m.art {
			return true
		}
	}
	return false
}

// mergeFacts are what mergeScore compares of an event. Its sets are
// sorted slices (strSet): the store keeps the facts of many stored
// events (merge_cache.go), and a slice holds a few words in a fraction of
// a map's memory.
type mergeFacts struct {
	actors    strSet // non-country actors
	persons   strSet // the persons among them
	countries strSet // ISO codes of the participants and the place
	place     *Place
	agreement *Agreement
	words     strSet   // key word stems of the title
	raw       []string // the title's key words as written (lower case), for synonyms
	sources   strSet   // actors in the role "source"
	targets   strSet   // actors in the role "target"
	// the countries of the sources and of the targets
	srcCountries, tgtCountries strSet
	text                       strSet // key word stems of the evidence sentences
	locs                       strSet // folded names the sentences place it "in", "at", "near"
	objects                    strSet // what its quantities count ("cannabis", "heroin")
	// names are the capitalized words of its sentences that name no actor or
	// place of it, no title and no month: an exercise, a ship, a village
	// ("Simba", "Sea Lark")
	names strSet
	// lead: the article's headline tells it (evidence at offset 0)
	lead bool
}

// factsBuild is mergeFacts with maps for sets, while facts builds them.
type factsBuild struct {
	actors, persons, countries map[string]bool
	place                      *Place
	agreement                  *Agreement
	words                      map[string]bool
	raw                        []string
	sources, targets           map[string]bool
	srcCountries, tgtCountries map[string]bool
	text, locs, objects, names map[string]bool
	lead                       bool
}

func (b *factsBuild) done() mergeFacts {
	return mergeFacts{actors: toSet(b.actors), persons: toSet(b.persons), countries: toSet(b.countries), place: b.place,
		agreement: b.agreement, words: toSet(b.words), raw: slices.Clip(b.raw), sources: toSet(b.sources), targets: toSet(b.targets),
		srcCountries: toSet(b.srcCountries), tgtCountries: toSet(b.tgtCountries), text: toSet(b.text), locs: toSet(b.locs),
		objects: toSet(b.objects), names: toSet(b.names), lead: b.lead}
}

// strSet is a set of strings: sorted, each once.
type strSet []string

// toSet makes the set of a map's keys (nil for none).
func toSet(m map[string]bool) strSet {
	if len(m) == 0 {
		return nil
	}
	out := make(strSet, 0, len(m))
	for k := range m {
		// a copy: a word may be a part of its whole lower-cased sentence
		out = append(out, strings.Clone(k))
	}
	slices.Sort(out)
	return out
}

func (s strSet) has(x string) bool {
	_, ok := slices.BinarySearch(s, x)
	return ok
}

// sharedSet counts the strings in both a and b.
func sharedSet(a, b strSet) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// facts computes the mergeFacts of e; deps, when not nil, records the
// stored values it read (see mergeCache).
func (m *merger) facts(e Event, deps *factsDeps) (mergeFacts, error) {
	mf, err := m.build(e, deps)
	if err != nil {
		return mergeFacts{}, err
	}
	return mf.done(), nil
}

func (m *merger) build(e Event, deps *factsDeps) (*factsBuild, error) {
	f := &factsBuild{actors: map[string]bool{}, persons: map[string]bool{}, text: map[string]bool{}, countries: map[string]bool{}, words: map[string]bool{},
		locs: map[string]bool{}, objects: map[string]bool{}, sources: map[string]bool{}, targets: map[string]bool{},
		srcCountries: map[string]bool{}, tgtCountries: map[string]bool{}, names: map[string]bool{}}
	var nameWords []string
	for _, p := range e.Participants {
		switch p.Role {
		case "source":
			f.sources[p.ActorID] = true
		case "target":
			f.targets[p.ActorID] = true
		}
		a, err := m.r.actorRef(p.ActorID)
		if deps != nil {
			deps.actors = append(deps.actors, a) // nil when not stored
		}
		if err != nil {
			if errors.Is(err, ErrNotFound) {
				continue
			}
			return nil, err
		}
		if a.Country != "" {
			f.countries[a.Country] = true
		}
		if a.Country != "" && a.Kind != Group {
			// a state's side: a group's country is where it is, not a
			// side of the happening ("insurgents" in Mozambique)
			switch p.Role {
			case "source":
				f.srcCountries[a.Country] = true
			case "target":
				f.tgtCountries[a.Country] = true
			}
		}
		if a.Kind != Country {
			f.actors[a.ID] = true
		}
		if a.Kind == Person {
			f.persons[a.ID] = true
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			nameWords = append(nameWords, strings.Fields(NormName(n))...)
		}
	}
	if e.PlaceID != "" {
		p, err := m.r.placeRef(e.PlaceID)
		if deps != nil {
			deps.place = p
		}
		switch {
		case err == nil:
			f.place = p
			if p.Country != "" {
				f.countries[p.Country] = true
			}
			nameWords = append(nameWords, strings.Fields(NormName(p.Name))...)
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
	}
	if e.AgreementID != "" {
		g, err := m.agreement(e.AgreementID)
		if err != nil {
			return nil, err
		}
		f.agreement = g
		if deps != nil {
			deps.agreement = g
		}
	}
	skip := map[string]bool{}
	for _, w := range nameWords {
		skip[stem(w)] = true
	}
	for _, w := range keyWords(e.Title) {
		if s := stem(w); !skip[s] {
			f.words[s] = true
			f.raw = append(f.raw, w)
		}
	}
	for _, ev := range e.Evidence {
		f.lead = f.lead || ev.Start == 0
		for _, w := range keyWords(ev.Sentence) {
			if s := stem(w); !skip[s] && !calendarWords[w] {
				f.text[s] = true
			}
		}
	}
	actorNames := map[string]bool{}
	for _, w := range nameWords {
		actorNames[w] = true
	}
	for _, ev := range e.Evidence {
		for _, w := range properNames(ev.Sentence) {
			if !actorNames[w] && !skip[stem(w)] {
				f.names[w] = true
			}
		}
	}
	for _, ev := range e.Evidence {
		for _, l := range locWords(ev.Sentence) {
			if actorNames[l] {
				continue
			}
			country, err := m.isCountry(l)
			if err != nil {
				return nil, err
			}
			if deps != nil {
				deps.countries = append(deps.countries, countryAnswer{l, country})
			}
			if !country {
				f.locs[l] = true // a country is too wide to tell places apart
			}
		}
	}
	if f.place != nil && f.place.Kind != "country" {
		f.locs[NormName(f.place.Name)] = true // a country is too wide (see above)
	}
	for _, q := range e.Quantities {
		// goods, not people: outlets count the same people under other
		// names ("ten Britons", "10 UK nationals")
		if c := model.GeneralCounts(q); c != "" && q.Unit != "people" {
			f.objects[c] = true
		}
	}
	return f, nil
}

// isCountry reports whether a folded name is the name of a stored
// country (whose identifier is ActorID of its name).
func (m *merger) isCountry(name string) (bool, error) {
	if v, ok := m.countries[name]; ok {
		return v, nil
	}
	a, err := m.r.Actor(ActorID(name))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return false, err
	}
	found := err == nil && a.Kind == Country
	m.countries[name] = found
	return found, nil
}

// agreement returns the agreement with the ID: one of the article's, or a
// stored one; nil if there is none.
func (m *merger) agreement(id string) (*Agreement, error) {
	if g, ok := m.agrees[id]; ok {
		return &g, nil
	}
	if g, ok := m.writtenAgree[id]; ok {
		return &g, nil
	}
	if g, ok := m.stored[id]; ok {
		return g, nil
	}
	var g *Agreement
	var err error
	if m.cache != nil {
		g, err = m.cache.agrees.get(m.cache, m.r.txn, pAgreement+id, nil)
	} else {
		g = new(Agreement)
		err = getJSON(m.r.txn, pAgreement+id, g)
	}
	switch {
	case errors.Is(err, ErrNotFound):
		m.stored[id] = nil
		return nil, nil
	case err != nil:
		return nil, err
	}
	m.stored[id] = g
	return g, nil
}

// score is scoreMerge of two events (mergeApart when their families
// differ); snap says c is an event of the snapshot the transaction has
// not written.
func (m *merger) score(e, c Event, snap bool) (int, mergeVerdict, error) {
	if !sameFamily(e, c) {
		return -1, mergeApart, nil
	}
	fe, err := m.cachedFacts(e)
	if err != nil {
		return 0, mergeApart, err
	}
	var fc mergeFacts
	if snap {
		fc, err = m.snapshotFacts(c)
	} else {
		fc, err = m.cachedFacts(c)
	}
	if err != nil {
		return 0, mergeApart, err
	}
	s, v := scoreMerge(e, c, fe, fc)
	return s, v, nil
}

// snapshotFacts is cachedFacts of an event of the snapshot that the
// transaction has not written, kept for the whole transaction instead of
// one article: what facts reads of it does not change within a
// transaction — its actors and places are stored before the snapshot and
// m.r keeps the first version it reads of each, and isCountry is cached
// alike — but for its agreement (m.agreement depends on the article), so
// an event with an agreement is read per article. wroteEvent drops an
// event the transaction writes from the cache.
func (m *merger) snapshotFacts(c Event) (mergeFacts, error) {
	if c.AgreementID != "" && m.cache == nil {
		return m.cachedFacts(c)
	}
	if f, ok := m.snapFacts[c.ID]; ok && c.AgreementID == "" {
		return f, nil
	}
	if m.cache == nil {
		f, err := m.cachedFacts(c)
		if err == nil {
			m.snapFacts[c.ID] = f
		}
		return f, err
	}
	// as cachedFacts, with the store's cache before facts (whose
	// check of an agreement asks m.agreement, as facts does: the
	// article's agreements are new values each time, so that only a
	// stored one, unchanged, passes)
	if f, ok := m.factsOf[c.ID]; ok {
		if c.AgreementID == "" {
			m.snapFacts[c.ID] = f
		}
		return f, nil
	}
	f, ok, err := m.storedFacts(c)
	if err != nil {
		return f, err
	}
	if !ok {
		var deps factsDeps
		if f, err = m.facts(c, &deps); err != nil {
			return f, err
		}
		m.cache.facts.put(newFactsEntry(c, deps, f, m.cache.trusted))
	}
	m.factsOf[c.ID] = f
	if c.AgreementID == "" {
		m.snapFacts[c.ID] = f
	}
	return f, nil
}

// cachedFacts is facts, read once per event and article: an event the
// article merges into changes, but only by this article's report, which
// is never compared with it again (sameArticle).
func (m *merger) cachedFacts(e Event) (mergeFacts, error) {
	if f, ok := m.factsOf[e.ID]; ok {
		return f, nil
	}
	f, err := m.facts(e, nil)
	if err != nil {
		return f, err
	}
	m.factsOf[e.ID] = f
	return f, nil
}

// sameFamily reports whether two events may be one happening by their
// kind: the same CAMEO root, or, both uncoded, the same type; an uncoded
// event may be a coded one ("adopted a declaration", "signed a
// declaration") when the score says so.
func sameFamily(a, b Event) bool {
	switch {
	case a.CAMEO == "" && b.CAMEO == "":
		return a.Type == b.Type
	case a.CAMEO == "" || b.CAMEO == "":
		return true // scored lower (see mergeScore)
	}
	return kinRoots(root(a.CAMEO), root(b.CAMEO))
}

// kinRoots reports whether two CAMEO roots may name one happening: the
// same root, or roots that outlets use for one act told from either end —
// an extradition (063, judicial cooperation) is a handing over (173) or a
// deportation (174) to the other outlet; violence is unconventional (18)
// to one outlet and military (19) to another. A pair of kin roots other
// than these two merges only on a shared person (see mergeScore).
func kinRoots(a, b string) bool {
	if a == b {
		return true
	}
	if a > b {
		a, b = b, a
	}
	return a == "06" && b == "17" || violentKin(a, b) || talkKin(a, b)
}

// talkKin reports whether roots a <= b tell one exchange between states in
// other words: what one outlet calls talks (04) another calls agreeing
// to negotiate (03) or cooperating (05); what one calls a statement (01)
// another calls an appeal (02), a demand (10), a condemnation (11) or a
// rejection (12), an appeal a demand, a condemnation a rejection (an
// appeal and a protest are two acts). Such a pair merges only on a shared
// person ("the president condemned the raid", "the president called the
// raid an act of terror").
func talkKin(a, b string) bool {
	switch {
	case a >= "03" && b <= "05":
		return true
	case a == "01" && (b == "02" || b == "10" || b == "11" || b == "12"), a == "02" && b == "10", a == "11" && b == "12":
		return true
	}
	return false
}

// violentKin reports whether roots a <= b are unconventional violence (18)
// and military force (19): outlets tell one shooting or killing as either,
// by whom they name as its victims ("shot dead a teenager", "killed in
// firing by the border force").
func violentKin(a, b string) bool { return a == "18" && b == "19" }

// mergeScore scores how surely two events of one CAMEO family whose dates
// overlap are one happening:
//
//	+3 per shared person, organization or group (at most 6)
//	+1 per shared country of participants or place (at most 2)
//	+2 the same place; a different place in the same country -3 (none
//	   when one is the country itself); places in different countries
//	   rule the pair out
//	+4 the same agreement or agreements of compatible kinds between the
//	   same two parties; +2 sharing one party; agreements of incompatible
//	   kinds rule the pair out
//	+1 per shared key word of the titles (at most 3), two more when
//	   their sentences share half their key words, one for a third
//	+1 a place named in both sentences ("in Garissa") but not resolved
//	+1 the same CAMEO code or type
//	+1 a shared source and a shared target (the same actor acting on the
//	   same other), or sources of one country and targets of another in
//	   both; +1 more for a state's measure (roots 15, 16) of the same code
//	   so directed; a measure (15 to 17) of each side against the other is
//	   two (an expulsion and the answer to it)
//	+1 both on the same single day, +1 more with codes alike to the third
//	   digit or a shared person; +1 the same longer span (a month, a
//	   year) and the same code; -1 a single day inside a longer span but
//	   for the same code and a shared actor; -2 both longer spans that
//	   differ
//
// Kin roots (an extradition, 063, told as a handing over, 173) need a
// shared person. Statements and appeals (roots 01 and 02) also need two
// shared key words:
// one speaker says many things a day; so do the coercive and violent
// families (14 to 20) unless they share a person or the place (or, for a
// state's measure against another, roots 15 and 16, the same code between
// the same source and target). A pair sharing no
// actor, place or agreement and fewer than two countries (or one country,
// or a place named in both sentences, and two key words: "inaugurates
// concrete wall") is ruled out.
func mergeScore(a, b Event, fa, fb mergeFacts) int {
	s, v := scoreMerge(a, b, fa, fb)
	if v != mergeSure {
		return -1
	}
	return s
}

// mergeVerdict is what scoreMerge concludes of a pair besides its score.
type mergeVerdict int

const (
	// mergeSure: the score decides
	mergeSure mergeVerdict = iota
	// mergeWeak: nothing tells the two apart, but too little is shared to
	// take them for one happening on the score alone (no shared actor,
	// place or agreement; a force used with no person, place or words in
	// common); only a story already shared by their articles can (see
	// merger.findKin)
	mergeWeak
	// mergeApart: something tells them apart (places in two countries,
	// kin roots without a shared person, a measure and the answer to it,
	// agreements of other kinds, a statement with too few shared words)
	mergeApart
)

// specificCode reports whether a CAMEO code names one kind of act: three
// or four digits, not a root's general code ("050", "190").
func specificCode(code string) bool {
	return len(code) >= 3 && code[len(code)-1] != '0'
}

// scoreMerge is mergeScore's score of a pair and its verdict: a pair
// mergeScore rules out is mergeApart, or mergeWeak when what rules it out
// is only how little the two share.
func scoreMerge(a, b Event, fa, fb mergeFacts) (int, mergeVerdict) {
	weak := false
	actors := sharedSet(fa.actors, fb.actors)
	countries := sharedSet(fa.countries, fb.countries)
	words := sharedSet(fa.words, fb.words) + synonymous(fa, fb)
	// a name both sentences give that names no actor of theirs: the same
	// exercise, ship or village
	words += min(sharedSet(fa.names, fb.names), 2)
	sameLoc := sharedLocs(fa.locs, fb.locs) > 0
	// sentences that share many of their words tell one thing ("former
	// mayor Ramiro Quispe … corruption charges" in both): they count as
	// one or two more title words
	if n, least := sharedSet(fa.text, fb.text), min(len(fa.text), len(fb.text)); n >= 4 && 2*n >= least {
		words += 2
	} else if n >= 3 && 3*n >= least {
		words++
	}
	samePlace := fa.place != nil && fb.place != nil && fa.place.ID == fb.place.ID
	sameAgree := a.AgreementID != "" && a.AgreementID == b.AgreementID
	if actors == 0 && !samePlace && !sameAgree && countries < 2 && ((countries < 1 && !sameLoc) || words < 2) {
		weak = true
	}
	r := root(a.CAMEO)
	if r == "" {
		r = root(b.CAMEO)
	}
	if ra, rb := root(a.CAMEO), root(b.CAMEO); a.CAMEO != "" && b.CAMEO != "" && ra != rb && !violentKin(min(ra, rb), max(ra, rb)) && sharedSet(fa.persons, fb.persons) == 0 {
		return -1, mergeApart // kin roots (see kinRoots) need the same person
	}
	if (r == "01" || r == "02") && words < 2 {
		return -1, mergeApart
	}
	s := 3*min(actors, 2) + min(countries, 2) + min(words, 3)
	if sameLoc && !samePlace {
		s++ // "in Garissa" in both, a town the gazetteer does not know
	}
	if a.CAMEO == "" || b.CAMEO == "" {
		s -= 2 // an uncoded verb may name any happening
	}
	otherLoc := len(fa.locs) > 0 && len(fb.locs) > 0 && !sameLoc
	if otherLoc && !samePlace {
		s -= 3 // "raided a house in Nakuru", "raided a warehouse in Mombasa"
	}
	if len(fa.objects) > 0 && len(fb.objects) > 0 && sharedSet(fa.objects, fb.objects) == 0 {
		s -= 2 // "40 kg of heroin", "two tonnes of cannabis"
	}
	// the same actor acting on the same other: Kyrgyzstan closing its
	// border to Tajikistan in both
	directed := sharedSet(fa.sources, fb.sources) > 0 && sharedSet(fa.targets, fb.targets) > 0
	// or their countries: a ministry's act told as its country's
	// ("Kenya expels an Ethiopian diplomat", "the Kenyan foreign ministry
	// declared the Russian embassy's secretary persona non grata")
	directed = directed || sharedSet(fa.srcCountries, fb.srcCountries) > 0 && sharedSet(fa.tgtCountries, fb.tgtCountries) > 0 &&
		sharedSet(fa.srcCountries, fb.tgtCountries) == 0 && sharedSet(fa.tgtCountries, fb.srcCountries) == 0
	if directed {
		s++
	} else if (r == "15" || r == "16" || r == "17") && sharedSet(fa.srcCountries, fb.tgtCountries) > 0 && sharedSet(fa.tgtCountries, fb.srcCountries) > 0 {
		// a measure and its answer: A expels B's diplomat, B expels A's
		// the same day
		return -1, mergeApart
	}
	// a state's measure against another (roots 15 force posture, 16
	// reduce relations: close a border, expel envoys, impose sanctions)
	// is rare between one pair on one day: the same code between the same
	// pair is enough
	stateMeasure := (r == "15" || r == "16") && directed && a.CAMEO == b.CAMEO
	if stateMeasure {
		s++
	}
	// both headlines tell a happening of one kind on one day between the
	// same two states: two outlets' leads of one day on one pair are one
	// story, even where each names the place by its own side's name ("near
	// the Malaba crossing", "in Busia district"). One state's own force
	// acts in many places a day, so a force used within one country needs
	// more: the same group or body on both sides of it ("Kenya kills al-Shabaab
	// leader", "Army neutralizes al-Shabaab chief") and no place or object
	// that tells two happenings apart.
	da, db := a.Date, b.Date
	apart := otherLoc || len(fa.objects) > 0 && len(fb.objects) > 0 && sharedSet(fa.objects, fb.objects) == 0 ||
		fa.place != nil && fb.place != nil && !samePlace
	leads := fa.lead && fb.lead && a.CAMEO != "" && b.CAMEO != "" && kinRoots(root(a.CAMEO), root(b.CAMEO)) &&
		da.Start == da.End && db.Start == db.End && da.Start == db.Start && (countries >= 2 || actors >= 1 && countries >= 1 && !apart)
	// two states acting together the same way the same day ("the navies
	// of A and B held a joint exercise") are one joint act
	jointPair := sharedSet(fa.srcCountries, fb.srcCountries) >= 2 && a.CAMEO == b.CAMEO && da.Start == da.End && da.Start == db.Start && db.Start == db.End
	if forceRoot(r) && sharedSet(fa.persons, fb.persons) == 0 && !samePlace && !sameAgree && words < 2 && !sameLoc && !stateMeasure && !leads && !jointPair {
		weak = true // one force acts in many places a day: a person, the place or more words must agree
	}
	switch {
	case samePlace:
		s += 2
	case fa.place != nil && fb.place != nil:
		if fa.place.Country != "" && fb.place.Country != "" && fa.place.Country != fb.place.Country {
			return -1, mergeApart
		}
		// a country holds its towns: "in Mali" and "in Bamako" agree
		within := fa.place.Kind == "country" || fb.place.Kind == "country"
		if !otherLoc && !within {
			s -= 3
		}
	}
	switch {
	case sameAgree:
		s += 4
	case fa.agreement != nil && fb.agreement != nil:
		if !compatibleAgreements(*fa.agreement, *fb.agreement) || !sameTopics(*fa.agreement, *fb.agreement) {
			return -1, mergeApart
		}
		switch n := shared(set(fa.agreement.Parties), set(fb.agreement.Parties)); {
		case n >= 2:
			s += 4 // the same two sides agreeing: one agreement told twice
		case n == 1:
			s += 2
		}
	}
	if (a.CAMEO != "" && a.CAMEO == b.CAMEO) || a.Type == b.Type {
		s++
	}
	// background retold with a vaguer date: the same specific act (a code
	// to its third digit that is not its root's general one, "closes
	// border", "suspends exports", not "agrees" or "makes a statement")
	// by the same named side, or by the same state with the verb and a
	// key word in common ("suspended cobalt exports", "halted cobalt
	// exports"; not "suspended flights"), and nothing that tells two
	// happenings apart
	retold := specificCode(a.CAMEO) && a.CAMEO == b.CAMEO && !apart &&
		(actors > 0 || sharedSet(fa.srcCountries, fb.srcCountries) > 0 && words >= 2)
	switch {
	case da.Start == da.End && db.Start == db.End:
		if da.Start == db.Start {
			s++
			// one day, and the same act (a code alike to its third
			// digit) or the same person: "Bandits kill four traders",
			// "bandits shot dead four traders near X"
			// (not against two others: "closes border with A", "… with B")
			otherSides := len(fa.tgtCountries) > 0 && len(fb.tgtCountries) > 0 && sharedSet(fa.tgtCountries, fb.tgtCountries) == 0 ||
				len(fa.srcCountries) > 0 && len(fb.srcCountries) > 0 && sharedSet(fa.srcCountries, fb.srcCountries) == 0
			if !otherSides && (len(a.CAMEO) >= 3 && len(b.CAMEO) >= 3 && a.CAMEO[:3] == b.CAMEO[:3] || sharedSet(fa.persons, fb.persons) > 0) {
				s++
			}
		}
	case da.Start == db.Start && da.End == db.End:
		// the same month or year in both ("in December 2023"): background
		// both reports give alike; with the same code, one happening both
		// retell ("expelled nine diplomats in June 2023")
		if a.CAMEO != "" && a.CAMEO == b.CAMEO {
			s++
			if retold {
				s++
			}
		}
	case da.Start <= db.Start && db.End <= da.End || db.Start <= da.Start && da.End <= db.End:
		// one span inside the other, a day in its month or a month in its
		// year: the same act of the same side retold by its month or year
		// ("joined the commission on 4 May 2019", "joined the commission
		// in May 2019") agrees as far as the vaguer date tells, as two
		// reports of one day do; else it costs one
		switch {
		case retold:
			s += 2
		case a.CAMEO == "" || a.CAMEO != b.CAMEO || actors == 0:
			s--
		}
	default:
		s -= 2
	}
	if leads {
		s = max(s+3, mergeThreshold)
	}
	if weak {
		return s, mergeWeak
	}
	return s, mergeSure
}

// synonymous counts the title words of a, not shared as stems, that name
// what a title word of b names ("shuts" and "closes", "frontier" and
// "border", "deal" and "agreement"; see package synonyms), each word of b
// used once.
func synonymous(a, b mergeFacts) int {
	n := 0
	var used []string
	for _, w := range a.raw {
		if b.words.has(stem(w)) {
			continue
		}
		for _, v := range b.raw {
			if a.words.has(stem(v)) || slices.Contains(used, v) {
				continue
			}
			if synonyms.Related(w, v) {
				used = append(used, v)
				n++
				break
			}
		}
	}
	return n
}

// forceRoot reports whether a CAMEO root is one of the coercive and
// violent families (14 protest to 20 mass violence), whose actors (the
// police, an army) do the same thing in many places on one day.
func forceRoot(r string) bool { return r >= "14" && r <= "20" }

// caseNounsAfterPlace are the nouns after a place name that make it a
// modifier ("the Kampala bombings case", "Gaza ceasefire talks") rather
// than where the sentence's event happened.
var caseNounsAfterPlace = map[string]bool{"attack": true, "attacks": true, "bombing": true, "bombings": true, "case": true, "trial": true,
	"talks": true, "ceasefire": true, "truce": true, "crisis": true, "conflict": true, "war": true, "process": true, "agreement": true,
	"accord": true, "deal": true, "summit": true, "massacre": true, "killings": true, "dispute": true, "negotiations": true}

// locWords are the folded names a sentence places something at: the
// capitalized words after "in", "at", "near", "outside" (a few lower-case
// words such as "the port city of" skipped), months and weekdays left out.
func locWords(sentence string) []string {
	f := strings.Fields(sentence)
	var out []string
	for i := 0; i < len(f); i++ {
		switch strings.ToLower(f[i]) {
		case "in", "at", "near", "outside":
		case "of":
			// "the border city of Voi", "the village of Tres Cruces"
			if i == 0 || !placeNouns[strings.ToLower(f[i-1])] {
				continue
			}
		default:
			continue
		}
		j := i + 1
		for k := 0; k < 4 && j < len(f) && isLowerWord(f[j]); k++ {
			j++
		}
		var name []string
		for ; j < len(f) && isCapWord(f[j]); j++ {
			w := strings.TrimRight(f[j], ".,;:!?\"'’”)")
			name = append(name, w)
			if w != f[j] {
				break
			}
		}
		if len(name) == 0 {
			continue
		}
		if j < len(f) && !strings.ContainsAny(f[j-1], ".,;:!?\"'’”)") && caseNounsAfterPlace[strings.ToLower(strings.TrimRight(f[j], ".,;:!?\"'’”)"))] {
			continue // "in Kampala bombings case": the name modifies a noun
		}
		joined := strings.TrimSuffix(strings.TrimSuffix(strings.Join(name, " "), "'s"), "’s")
		n := NormName(joined)
		if n == "" || calendarWords[strings.Fields(n)[0]] {
			continue
		}
		if f := strings.Fields(n); institutionHeads[f[len(f)-1]] {
			continue // "at the Turkish Foreign Ministry": a body, not where it happened
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// placeNouns name a kind of place before "of" and its name ("the city of
// Voi").
var placeNouns = map[string]bool{"city": true, "town": true, "village": true, "port": true, "district": true,
	"province": true, "region": true, "county": true, "municipality": true, "island": true, "islands": true}

func isLowerWord(w string) bool {
	r := []rune(w)
	return len(r) > 0 && unicode.IsLower(r[0]) && strings.IndexAny(w, ".,;:") < 0
}

func isCapWord(w string) bool {
	r := []rune(strings.TrimLeft(w, "\"'‘“("))
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// institutionHeads end the names of bodies that "at" or "in" may precede
// without naming a place ("at the Foreign Ministry", "in the Security
// Council").
var institutionHeads = map[string]bool{"ministry": true, "embassy": true, "office": true, "council": true, "parliament": true,
	"headquarters": true, "agency": true, "committee": true, "commission": true, "court": true, "assembly": true, "department": true}

// calendarWords are capitalized words that name times, not places.
var calendarWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`january february march april may june july august september october november
		december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
		sunday the this that its his her their`) {
		m[w] = true
	}
	return m
}()

// sharedLocs counts the names of a that name a place of b: the same
// name, or one name the start of the other ("namanga" said "at Namanga",
// the resolved place "namanga crossing").
func sharedLocs(a, b strSet) int {
	n := 0
	for _, k := range a {
		if b.has(k) {
			n++
			continue
		}
		gk := "" // k's gluedLocKey, made when first needed
		for _, l := range b {
			if strings.HasPrefix(l, k+" ") || strings.HasPrefix(k, l+" ") {
				n++
				break
			}
			if gk == "" {
				gk = gluedLocKey(k)
			}
			if len(gk) >= 5 && gk == gluedLocKey(l) {
				// one name in two transliterations, in one word or two
				// ("tin zaouatine", "tinzaouaten")
				n++
				break
			}
		}
	}
	return n
}

// gluedLocKey is the names.WordKey of a folded place name's words glued:
// the same for one name's transliterations; a key of five letters or more
// is long enough to trust.
func gluedLocKey(k string) string { return names.WordKey(strings.ReplaceAll(k, " ", "")) }

func shared(a, b map[string]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// AgreementFamily is the family of an agreement kind: kinds of one family
// name one agreement told differently ("memorandum of understanding" and
// "memorandum", "ceasefire" and "armistice"); "agreement" is the generic
// family.
func AgreementFamily(kind string) string {
	k := strings.ToLower(kind)
	switch {
	case strings.Contains(k, "memorandum") || k == "mou":
		return "memorandum"
	case strings.Contains(k, "ceasefire") || strings.Contains(k, "truce") || k == "armistice":
		return "ceasefire"
	case strings.Contains(k, "declaration"):
		return "declaration"
	case k == "protocol" || k == "convention":
		return "protocol"
	case k == "treaty" || k == "charter" || k == "prisoner exchange" || k == "cooperation":
		return k
	}
	return "agreement"
}

// compatibleAgreements reports whether two agreements' kinds may name one
// agreement: the same family, or one of them generic (not a looser
// cooperation).
func compatibleAgreements(a, b Agreement) bool {
	fa, fb := AgreementFamily(a.Kind), AgreementFamily(b.Kind)
	if fa == "cooperation" || fb == "cooperation" {
		return fa == fb
	}
	return fa == fb || fa == "agreement" || fb == "agreement"
}

// findAgreement returns the stored agreement of another article that g
// is, if any: of a compatible kind, on an overlapping date (a day off
// allowed), not signed in another country, sharing every party of the one that names fewer
// (at least one, and two when both name two or more). Ties go to the
// smaller identifier.
func (m *merger) findAgreement(g Agreement) (string, error) {
	if len(g.Parties) == 0 {
		return "", nil
	}
	from, to, ok := MergeWindow(g.Date)
	if !ok {
		return "", nil
	}
	// agreements are indexed by their first day: one spanning a month
	// may start up to a month before the window
	t, err := time.Parse("2006-01-02", from)
	if err != nil {
		return "", nil
	}
	lo := pAgreeDate + t.AddDate(0, 0, -31).Format("2006-01-02")
	hi := pAgreeDate + to + "|\xff"
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = []byte(pAgreeDate)
	it := m.rtxn.NewIterator(opt)
	var ids []string
	for it.Seek([]byte(lo)); it.Valid(); it.Next() {
		item := it.Item()
		k := string(item.Key())
		if k > hi {
			break
		}
		id := k[lastBar(k)+1:]
		if m.cannotBe(item, id, k[len(pAgreeDate):] < from, from, g.Parties) {
			continue
		}
		ids = append(ids, id)
	}
	it.Close()
	for id, w := range m.writtenAgree {
		if w.Date.Known() && w.Date.Start <= to && w.Date.Start >= lo[len(pAgreeDate):] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	ids = slices.Compact(ids)
	mine := set(g.Parties)
	for _, id := range ids {
		if id == g.ID {
			continue
		}
		o, err := m.agreement(id)
		if err != nil {
			return "", err
		}
		if o == nil || !o.Date.Overlaps(DateSpan{Start: from, End: to}) || !compatibleAgreements(g, *o) || !sameTopics(g, *o) {
			continue
		}
		if agreementOfArticle(*o, m.art) {
			continue
		}
		if apart, err := m.placesApart(g.PlaceID, o.PlaceID); err != nil || apart {
			if err != nil {
				return "", err
			}
			continue
		}
		n := shared(mine, set(o.Parties))
		need := min(len(g.Parties), len(o.Parties), 2)
		if n >= 1 && n >= need {
			return id, nil
		}
	}
	return "", nil
}

// cannotBe reports whether the agreement id, under the snapshot's date
// index key item, is shown by the key's value (agreeDateValue: its last
// day and its parties) to be no match for an agreement of the parties
// mine that findAgreement looks for from the day from on: it ended
// before that day (early: it began before it), or it shares no party. The
// merger then need not decode it. Only for an agreement the merger reads
// as the snapshot holds it (not one of the article's, nor one the
// transaction wrote); a key without a value (written before the values
// were, or of an unknown date) says nothing.
func (m *merger) cannotBe(item *badger.Item, id string, early bool, from string, mine []string) bool {
	if _, ok := m.agrees[id]; ok {
		return false
	}
	if _, ok := m.writtenAgree[id]; ok {
		return false
	}
	if item.ValueSize() < int64(len("2006-01-02")) {
		return false
	}
	no := false
	_ = item.Value(func(v []byte) error {
		end, parties, ok := parseAgreeDateValue(v)
		if !ok {
			return nil
		}
		if early && string(end) < from {
			no = true
			return nil
		}
		for len(parties) > 0 {
			p := parties
			if i := bytes.IndexByte(parties, 0); i >= 0 {
				p, parties = parties[:i], parties[i+1:]
			} else {
				parties = nil
			}
			if slices.Contains(mine, string(p)) {
				return nil
			}
		}
		no = true // no party in common
		return nil
	})
	return no
}

// sameTopics reports whether two agreements may be one by their topics
// and names: unless one names no topic, they share a key word ("water
// sharing", "water"); a visit that yields an accord on electricity and
// one on water yields two.
func sameTopics(a, b Agreement) bool {
	ta, tb := topicWords(a), topicWords(b)
	return len(ta) == 0 || len(tb) == 0 || shared(ta, tb) > 0
}

// topicWords are the stems of an agreement's topics, or failing them of
// the words of its name after "on", "for" or "to" ("Agreement on
// electricity").
func topicWords(g Agreement) map[string]bool {
	out := map[string]bool{}
	text := strings.Join(g.Topics, " ")
	if text == "" {
		name := strings.ToLower(g.Name)
		for _, p := range []string{" on ", " for ", " to "} {
			if i := strings.Index(name, p); i >= 0 {
				text = name[i+len(p):]
				break
			}
		}
	}
	for _, w := range keyWords(text) {
		out[stem(w)] = true
	}
	return out
}

// placesApart reports whether two places are known and in different
// countries.
func (m *merger) placesApart(a, b string) (bool, error) {
	if a == "" || b == "" || a == b {
		return false, nil
	}
	pa, err := m.r.Place(a)
	if err != nil {
		return false, ignoreNotFound(err)
	}
	pb, err := m.r.Place(b)
	if err != nil {
		return false, ignoreNotFound(err)
	}
	return pa.Country != "" && pb.Country != "" && pa.Country != pb.Country, nil
}

func ignoreNotFound(err error) error {
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

func agreementOfArticle(g Agreement, art string) bool {
	for _, ev := range g.Evidence {
		if ev.ArticleID == art {
			return true
		}
	}
	return false
}

// keyWords are the content words of a title: lower-cased words of at
// least four letters (or numbers) that are not function words.
func keyWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if stopWords[w] {
			continue
		}
		if len(w) >= 4 || (len(w) >= 2 && unicode.IsDigit(rune(w[0]))) {
			out = append(out, w)
		}
	}
	return out
}

// properNames are the folded capitalized words of a sentence, past its
// first word, of four letters or more, that are no title, institution or
// calendar word: "Simba" of "the Simba military exercises".
func properNames(sentence string) []string {
	var out []string
	f := strings.Fields(sentence)
	for i := 1; i < len(f); i++ {
		if p := strings.Trim(f[i-1], "\"“‘("); p != "" && strings.ContainsAny(p[len(p)-1:], ".!?") {
			continue // a sentence's start inside the evidence
		}
		w := strings.Trim(f[i], ".,;:!?\"'“”‘’()[]")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		// "Simba-2025": the name part of a hyphenated word
		for _, part := range strings.Split(w, "-") {
			r := []rune(part)
			if len(r) < 4 || !unicode.IsUpper(r[0]) || !unicode.IsLower(r[len(r)-1]) {
				continue // short words, acronyms, numbers
			}
			lw := strings.ToLower(part)
			if calendarWords[lw] || names.IsTitleWord(lw) || institutionWords[lw] || stopWords[lw] {
				continue
			}
			out = append(out, NormName(part))
		}
	}
	return out
}

// institutionWords are capitalized words of institutions' names that name
// no one thing ("Ministry", "Forces").
var institutionWords = set([]string{"ministry", "government", "army", "forces", "force", "police", "council", "committee",
	"office", "service", "agency", "department", "guard", "guards", "navy", "national", "state", "republic", "federal",
	"united", "nations", "union", "international", "security", "defence", "defense", "foreign", "affairs", "interior",
	"border", "military", "command", "commission", "authority", "authorities", "region", "province", "district", "city",
	"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "general", "news"})

// stem is a crude stem that matches a word with its inflections and most
// derivations ("inaugurates", "inauguration"; "raids", "raided"): its
// first five letters, after a plural or verb ending.
func stem(w string) string {
	for _, suf := range []string{"ing", "ies", "es", "ed", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if r := []rune(w); len(r) > 5 {
		return string(r[:5])
	}
	return w
}

// stopWords are function words and words every title may hold.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`about above after again against along also among around because been before
		being below between both during each from further have having here into more most other over said says same
		some such than that their them then there these they this those through under until upon very were what when
		where which while with within without would will could should shall after amid across near following toward
		towards make makes made statement former first last next new news report reports reported`) {
		m[w] = true
	}
	return m
}()
