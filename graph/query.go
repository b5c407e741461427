package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// Reader reads the graph from one consistent snapshot: the embedded
// store's Snapshot. Get one with Store.View or Store.ViewContext (as a
// Snapshot); it is valid only inside the closure.
//
// A Reader from ViewContext carries the caller's context: every read that
// walks many keys (event scans with their text, date and actor filters,
// the ForEach walks, Actors, Agreements, Articles, Stats, and so the
// exports and timelines built on them) checks it every few keys and, once
// it is done, stops with an error wrapping ctx.Err() (test it with
// errors.Is(err, context.Canceled) or context.DeadlineExceeded). Reads of
// one node by ID do not check it.
type Reader struct {
	txn    *badger.Txn
	ctx    context.Context // never nil
	places map[string]*Place
	actors map[string]*Actor
	store  *Store
	shared *readCache  // nodes decoded by the readers of the same snapshot, or nil
	dec    *mergeCache // the writers' decoded nodes (the merger's Reader), or nil
	famBuf []byte      // scanIndex's copy of an index key's family
}

// View runs fn with a Reader over one snapshot of the graph, as Badger's
// View does with a transaction (Storage.View; the Snapshot is a *Reader).
// Its scans run to the end; ViewContext gives them a context that stops
// them.
func (s *Store) View(fn func(Snapshot) error) error {
	return s.viewContext(context.Background(), func(r *Reader) error { return fn(r) })
}

// ViewContext is View with a Reader that carries ctx: its long scans stop
// with an error wrapping ctx.Err() once ctx is cancelled or past its
// deadline (see Reader). If ctx is already done, fn is not called.
func (s *Store) ViewContext(ctx context.Context, fn func(Snapshot) error) error {
	return s.viewContext(ctx, func(r *Reader) error { return fn(r) })
}

// view is View with the embedded store's own Reader, for the package's
// own code.
func (s *Store) view(fn func(r *Reader) error) error {
	return s.viewContext(context.Background(), fn)
}

// viewContext runs fn with a Reader over one snapshot that carries ctx.
func (s *Store) viewContext(ctx context.Context, fn func(r *Reader) error) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("graph: reading not started: %w", err)
	}
	return s.readView(func(txn *badger.Txn) error {
		return fn(&Reader{txn: txn, ctx: ctx, places: map[string]*Place{}, actors: map[string]*Actor{}, store: s, shared: s.sharedCache(txn.ReadTs())})
	})
}

// Context is the context the Reader was made with (Background for View),
// for callers that loop over reads themselves.
func (r *Reader) Context() context.Context {
	if r.ctx == nil {
		return context.Background()
	}
	return r.ctx
}

// checkEvery is how many keys a scan reads between two context checks.
const checkEvery = 64

// live reports, every checkEvery keys (n counts the keys a scan has read,
// from 0), whether the Reader's context is done, as an error wrapping
// ctx.Err().
func (r *Reader) live(n int) error {
	if n%checkEvery != 0 || r.ctx == nil {
		return nil
	}
	if err := r.ctx.Err(); err != nil {
		return fmt.Errorf("graph: scan stopped after %d keys: %w", n, err)
	}
	return nil
}

// ReleaseMemory is Store.ReleaseMemory, for long walks over a snapshot.
func (r *Reader) ReleaseMemory() error { return r.store.ReleaseMemory() }

// Article returns the article with the ID.
func (r *Reader) Article(id string) (Article, error) {
	var a Article
	return a, wrapGet("article", id, getArticle(r.txn, id, &a))
}

// Event returns the event with the ID.
func (r *Reader) Event(id string) (Event, error) {
	var e Event
	return e, wrapGet("event", id, getJSON(r.txn, pEvent+id, &e))
}

// Actor returns the actor with the ID, cached for the Reader's life and
// shared with the readers of the same snapshot (read_cache.go). Its
// slices are shared too: callers must not modify them.
func (r *Reader) Actor(id string) (Actor, error) {
	a, err := r.actorRef(id)
	if err != nil {
		return Actor{}, err
	}
	return *a, nil
}

// actorRef is Actor's cached value itself (callers must not change it);
// a Reader with a merge cache (the merger's) decodes through it.
func (r *Reader) actorRef(id string) (*Actor, error) {
	if a, ok := r.actors[id]; ok {
		return a, nil
	}
	if a := get(r.shared, cachedActors, id); a != nil {
		return a, nil // not copied into r.actors: a timeline's thousands would grow it
	}
	// an append by a caller copies instead of writing into the spare
	// room of a slice that concurrent readers share
	clip := func(a *Actor) { a.Aliases, a.Roles = slices.Clip(a.Aliases), slices.Clip(a.Roles) }
	if r.dec != nil {
		a, err := r.dec.actors.get(r.dec, r.txn, pActor+id, clip)
		if err != nil {
			return nil, wrapGet("actor", id, err)
		}
		r.actors[id] = a
		return a, nil
	}
	a := new(Actor)
	if err := getJSON(r.txn, pActor+id, a); err != nil {
		return nil, wrapGet("actor", id, err)
	}
	clip(a)
	if !put(r.shared, cachedActors, id, a) {
		r.actors[id] = a
	}
	return a, nil
}

// Place returns the place with the ID, cached as Actor is.
func (r *Reader) Place(id string) (Place, error) {
	p, err := r.placeRef(id)
	if err != nil {
		return Place{}, err
	}
	return *p, nil
}

// placeRef is Place's cached value itself, as actorRef.
func (r *Reader) placeRef(id string) (*Place, error) {
	if p, ok := r.places[id]; ok {
		return p, nil
	}
	if p := get(r.shared, cachedPlaces, id); p != nil {
		return p, nil // not copied into r.places: a timeline's thousands would grow it
	}
	if r.dec != nil {
		p, err := r.dec.places.get(r.dec, r.txn, pPlace+id, nil)
		if err != nil {
			return nil, wrapGet("place", id, err)
		}
		r.places[id] = p
		return p, nil
	}
	p := new(Place)
	if err := getJSON(r.txn, pPlace+id, p); err != nil {
		return nil, wrapGet("place", id, err)
	}
	if !put(r.shared, cachedPlaces, id, p) {
		r.places[id] = p
	}
	return p, nil
}

// Agreement returns the agreement with the ID.
func (r *Reader) Agreement(id string) (Agreement, error) {
	var g Agreement
	return g, wrapGet("agreement", id, getJSON(r.txn, pAgreement+id, &g))
}

// EventFilter selects events. Empty fields select everything.
type EventFilter struct {
	From, To string   // inclusive YYYY-MM-DD bounds; an event matches when its span overlaps them
	ActorIDs []string // events in which any of these actors takes part
	PlaceID  string
	// PlaceIDs selects events at any of these places (several places of
	// one name); with PlaceID too, an event must be at PlaceID and in
	// PlaceIDs.
	PlaceIDs []string
	Type     string // readable type (case-insensitive) or CAMEO code prefix
	CAMEO    string // CAMEO code prefix
	Country  string // ISO code of the event's place or of a participant
	Status   string
	Text     string // case-insensitive substring of the title or an evidence sentence
	Desc     bool   // newest first
	// NoUndated leaves out events of unknown date (they are listed last,
	// and only when From and To are empty).
	NoUndated bool
}

// EventEdge is one event with its position, from which its cursor is
// made on demand (most of a whole window's cursors are never asked for).
type EventEdge struct {
	Event Event
	pos   string
}

// Cursor is the opaque cursor after which the next page starts.
func (e *EventEdge) Cursor() string { return EncodeCursor(e.pos) }

// EventPage is one page of events.
type EventPage struct {
	Edges       []*EventEdge // pointers: a window of thousands grows a small slice
	Total       int
	HasNext     bool
	HasPrevious bool
}

// Events returns up to first events (first < 0: all) after the cursor,
// with the total number matching. The scan is a range over a date-ordered
// index: by actor, by place or over all events.
func (r *Reader) Events(f EventFilter, first int, after string) (EventPage, error) {
	var page EventPage
	var afterPos string
	if after != "" {
		p, err := DecodeCursor(after)
		if err != nil {
			return page, err
		}
		afterPos = p
	}
	text := strings.ToLower(f.Text)
	// a whole window, or a filter that reads every event, scans the events
	// themselves; a page counts index keys and loads only its own events
	docs := first < 0 || f.needsFilter()
	// one Event is decoded into and copied out, reset before each use:
	// one allocation a page, not one for each of the thousands of keys
	// a count passes over
	ev := new(Event)
	// a page of the date index reads its events in their order from
	// their copies; pages of an actor's or a place's index, scattered
	// there, look each one up
	var near docCursor
	defer near.close()
	byDate := slices.ContainsFunc(eventRanges(f), func(rg evRange) bool { return rg.prefix == pEventDate })
	err := r.scanEvents(f, docs, func(pos, id string, check bool, v []byte) error {
		loaded := false
		if check || v != nil {
			*ev = Event{}
			if err := r.loadEvent(pos, v, ev); err != nil {
				return nil
			}
			loaded = true
			if !r.match(*ev, f, text) {
				return nil
			}
		}
		page.Total++
		past := afterPos == "" || f.after(pos, afterPos)
		if !past {
			page.HasPrevious = true
			return nil
		}
		if first >= 0 && len(page.Edges) >= first {
			page.HasNext = true
			return nil
		}
		if !loaded {
			*ev = Event{}
			var err error
			if byDate {
				err = r.loadNear(&near, pos, f.Desc, ev)
			} else {
				err = r.loadEvent(pos, nil, ev)
			}
			if err != nil {
				return wrapGet("event", strings.Clone(id), err)
			}
		}
		page.Edges = append(page.Edges, &EventEdge{Event: *ev, pos: strings.Clone(pos)})
		return nil
	})
	return page, err
}

func (r *Reader) match(ev Event, f EventFilter, text string) bool { return MatchEvent(r, ev, f, text) }

// MatchEvent reports whether ev passes f, text being f.Text in lower case:
// the test every store applies to the events its indexes give (a store's
// indexes narrow the candidates; this decides). s looks up the places and
// actors a country filter needs.
func MatchEvent(s Snapshot, ev Event, f EventFilter, text string) bool {
	if f.From != "" && (!ev.Date.Known() || ev.Date.End < f.From) {
		return false
	}
	if f.To != "" && (!ev.Date.Known() || ev.Date.Start > f.To) {
		return false
	}
	if len(f.ActorIDs) > 0 {
		ok := false
		for _, p := range ev.Participants {
			for _, id := range f.ActorIDs {
				ok = ok || p.ActorID == id
			}
		}
		if !ok {
			return false
		}
	}
	if f.PlaceID != "" && ev.PlaceID != f.PlaceID {
		return false
	}
	if len(f.PlaceIDs) > 0 && !slices.Contains(f.PlaceIDs, ev.PlaceID) {
		return false
	}
	if f.CAMEO != "" && !strings.HasPrefix(ev.CAMEO, f.CAMEO) {
		return false
	}
	if f.Type != "" && !strings.EqualFold(ev.Type, f.Type) && !(ev.CAMEO != "" && isDigits(f.Type) && strings.HasPrefix(ev.CAMEO, f.Type)) {
		return false
	}
	if f.Status != "" && !strings.EqualFold(ev.Status, f.Status) {
		return false
	}
	if text != "" && !eventHasText(ev, text) {
		return false
	}
	if f.Country != "" && !inCountry(s, ev, f.Country) {
		return false
	}
	return true
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func eventHasText(ev Event, text string) bool {
	if strings.Contains(strings.ToLower(ev.Title), text) {
		return true
	}
	for _, e := range ev.Evidence {
		if strings.Contains(strings.ToLower(e.Sentence), text) {
			return true
		}
	}
	return false
}

// inCountry reports whether ev's place or one of its actors is of country cc.
func inCountry(s Snapshot, ev Event, cc string) bool {
	if ev.PlaceID != "" {
		if p, err := s.Place(ev.PlaceID); err == nil && strings.EqualFold(p.Country, cc) {
			return true
		}
	}
	for _, p := range ev.Participants {
		if a, err := s.Actor(p.ActorID); err == nil && strings.EqualFold(a.Country, cc) {
			return true
		}
	}
	return false
}

// ActorFilter selects actors.
type ActorFilter struct {
	Name string    // case- and hyphen-insensitive substring of the name or an alias
	Kind ActorKind // empty: any
}

// ActorEdge is one actor with its cursor.
type ActorEdge struct {
	Cursor string
	Actor  Actor
}

// ActorPage is one page of actors, ordered by name.
type ActorPage struct {
	Edges       []ActorEdge
	Total       int
	HasNext     bool
	HasPrevious bool
}

// Actors lists actors by name.
func (r *Reader) Actors(f ActorFilter, first int, after string) (ActorPage, error) {
	var page ActorPage
	var afterPos string
	if after != "" {
		p, err := DecodeCursor(after)
		if err != nil {
			return page, err
		}
		afterPos = p
	}
	q := NormName(f.Name)
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = []byte(pActorName)
	it := r.txn.NewIterator(opt)
	defer it.Close()
	it.Rewind()
	for n := 0; it.Valid(); it.Next() {
		if err := r.live(n); err != nil {
			return page, err
		}
		n++
		pos := string(it.Item().Key()[len(pActorName):])
		id := pos[strings.LastIndexByte(pos, '|')+1:]
		a, err := r.Actor(id)
		if err != nil {
			continue
		}
		if NormName(a.Name)+"|"+id != pos {
			continue // stale name key of a renamed actor
		}
		if f.Kind != "" && a.Kind != f.Kind {
			continue
		}
		if q != "" && !actorHasName(a, q) {
			continue
		}
		page.Total++
		if afterPos != "" && pos <= afterPos {
			page.HasPrevious = true
			continue
		}
		if first >= 0 && len(page.Edges) >= first {
			page.HasNext = true
			continue
		}
		page.Edges = append(page.Edges, ActorEdge{Cursor: EncodeCursor(pos), Actor: a})
	}
	return page, nil
}

func actorHasName(a Actor, q string) bool {
	if strings.Contains(NormName(a.Name), q) {
		return true
	}
	for _, al := range a.Aliases {
		if strings.Contains(NormName(al), q) {
			return true
		}
	}
	return false
}

// AgreementFilter selects agreements.
type AgreementFilter struct {
	From, To string
	PartyIDs []string // any of these actors is a party or signatory
}

// Agreements lists agreements in date order.
func (r *Reader) Agreements(f AgreementFilter) ([]Agreement, error) {
	var out []Agreement
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = []byte(pAgreeDate)
	it := r.txn.NewIterator(opt)
	defer it.Close()
	it.Rewind()
	for n := 0; it.Valid(); it.Next() {
		if err := r.live(n); err != nil {
			return nil, err
		}
		n++
		pos := string(it.Item().Key()[len(pAgreeDate):])
		id := pos[strings.LastIndexByte(pos, '|')+1:]
		var g Agreement
		if err := getJSON(r.txn, pAgreement+id, &g); err != nil {
			continue
		}
		if orDate(g.Date.Start)+"|"+id != pos {
			continue
		}
		if f.From != "" && (!g.Date.Known() || g.Date.End < f.From) {
			continue
		}
		if f.To != "" && (!g.Date.Known() || g.Date.Start > f.To) {
			continue
		}
		if len(f.PartyIDs) > 0 && !hasAny(append(append([]string{}, g.Parties...), g.Signatories...), f.PartyIDs) {
			continue
		}
		out = append(out, g)
	}
	return out, nil
}

func hasAny(have, want []string) bool {
	for _, h := range have {
		for _, w := range want {
			if h == w {
				return true
			}
		}
	}
	return false
}

// ArticleEdge is one article with its cursor.
type ArticleEdge struct {
	Cursor  string
	Article Article
}

// ArticlePage is one page of articles, by publication date.
type ArticlePage struct {
	Edges       []ArticleEdge
	Total       int
	HasNext     bool
	HasPrevious bool
}

// Articles lists articles by publication date, without their text (see
// ArticleMeta; ArticleText reads it).
func (r *Reader) Articles(first int, after string) (ArticlePage, error) {
	var page ArticlePage
	var afterPos string
	if after != "" {
		p, err := DecodeCursor(after)
		if err != nil {
			return page, err
		}
		afterPos = p
	}
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = []byte(pArticleOrder)
	it := r.txn.NewIterator(opt)
	defer it.Close()
	it.Rewind()
	for n := 0; it.Valid(); it.Next() {
		if err := r.live(n); err != nil {
			return page, err
		}
		n++
		pos := string(it.Item().Key()[len(pArticleOrder):])
		page.Total++
		if afterPos != "" && pos <= afterPos {
			page.HasPrevious = true
			continue
		}
		if first >= 0 && len(page.Edges) >= first {
			page.HasNext = true
			continue
		}
		id := pos[strings.LastIndexByte(pos, '|')+1:]
		a, err := r.ArticleMeta(id)
		if err != nil {
			return page, err
		}
		page.Edges = append(page.Edges, ArticleEdge{Cursor: EncodeCursor(pos), Article: a})
	}
	return page, nil
}

// ErrStop, returned by a ForEach callback, ends the walk without error.
var ErrStop = errors.New("stop")

func (r *Reader) forEach(prefix string, fn func(v []byte) error) error {
	opt := badger.DefaultIteratorOptions
	opt.Prefix = []byte(prefix)
	opt.PrefetchSize = 64
	it := r.txn.NewIterator(opt)
	defer it.Close()
	it.Rewind()
	for n := 0; it.Valid(); it.Next() {
		if err := r.live(n); err != nil {
			return err
		}
		n++
		err := it.Item().Value(fn)
		if errors.Is(err, ErrStop) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ForEachEvent calls fn for every event in date order (undated last),
// one at a time: memory stays flat however many there are.
func (r *Reader) ForEachEvent(fn func(Event) error) error {
	errEnd := errors.New("end of walk")
	err := r.scanEvents(EventFilter{}, true, func(pos, id string, _ bool, v []byte) error {
		var ev Event
		if err := r.loadEvent(pos, v, &ev); err != nil {
			return nil
		}
		if err := fn(ev); errors.Is(err, ErrStop) {
			return errEnd
		} else if err != nil {
			return err
		}
		return nil
	})
	if errors.Is(err, errEnd) {
		return nil
	}
	return err
}

// ForEachActor calls fn for every actor.
func (r *Reader) ForEachActor(fn func(Actor) error) error {
	return r.forEach(pActor, func(v []byte) error {
		var a Actor
		if err := unmarshal(v, &a); err != nil {
			return err
		}
		return fn(a)
	})
}

// ForEachPlace calls fn for every place.
func (r *Reader) ForEachPlace(fn func(Place) error) error {
	return r.forEach(pPlace, func(v []byte) error {
		var p Place
		if err := unmarshal(v, &p); err != nil {
			return err
		}
		return fn(p)
	})
}

// ForEachAgreement calls fn for every agreement.
func (r *Reader) ForEachAgreement(fn func(Agreement) error) error {
	return r.forEach(pAgreement, func(v []byte) error {
		var g Agreement
		if err := unmarshal(v, &g); err != nil {
			return err
		}
		return fn(g)
	})
}

// ForEachArticle calls fn for every article.
func (r *Reader) ForEachArticle(fn func(Article) error) error {
	return r.forEach(pArticle, func(v []byte) error {
		var a Article
		if err := readArticle(r.txn, v, &a); err != nil {
			return err
		}
		return fn(a)
	})
}

// Stats are counts for a quick overview.
type Stats struct {
	Articles, Events, Actors, Places, Agreements int
	ByType                                       map[string]int
	// ByMonth counts DAY, WEEK and MONTH events under the YYYY-MM of their
	// start; QUARTER events under YYYY-Qn, YEAR events under YYYY (a year
	// is not its January), undated ones under "unknown".
	ByMonth map[string]int
	ByActor map[string]int // actor ID -> events
}

// Stats counts the graph in one pass.
func (r *Reader) Stats() (Stats, error) {
	st := Stats{ByType: map[string]int{}, ByMonth: map[string]int{}, ByActor: map[string]int{}}
	count := func(prefix string) (int, error) {
		n := 0
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = []byte(prefix)
		it := r.txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := r.live(n); err != nil {
				return n, err
			}
			n++
		}
		return n, nil
	}
	for _, c := range []struct {
		n      *int
		prefix string
	}{{&st.Articles, pArticle}, {&st.Actors, pActor}, {&st.Places, pPlace}, {&st.Agreements, pAgreement}} {
		var err error
		if *c.n, err = count(c.prefix); err != nil {
			return st, err
		}
	}
	err := r.ForEachEvent(func(e Event) error {
		st.Events++
		st.ByType[e.Type]++
		st.ByMonth[monthBucket(e.Date)]++
		seen := map[string]bool{}
		for _, p := range e.Participants {
			if !seen[p.ActorID] {
				seen[p.ActorID] = true
				st.ByActor[p.ActorID]++
			}
		}
		return nil
	})
	return st, err
}

// monthBucket is the Stats.ByMonth bucket of a date: YYYY-MM for a date
// known to the day, week or month, YYYY-Qn for a quarter, YYYY for a year,
// "unknown" otherwise.
func monthBucket(d DateSpan) string {
	if len(d.Start) < len("2006-01") {
		return "unknown"
	}
	switch d.Precision {
	case Quarter:
		m, _ := strconv.Atoi(d.Start[5:7])
		return d.Start[:4] + "-Q" + strconv.Itoa((m+2)/3)
	case Year:
		return d.Start[:4]
	case Day, Week, Month:
		return d.Start[:7]
	}
	// a span known by its days only: a month when it lies in one
	if len(d.End) >= 7 && d.End[:7] == d.Start[:7] {
		return d.Start[:7]
	}
	return d.Start[:4]
}
