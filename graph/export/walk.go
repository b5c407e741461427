// Package export writes the graph for other tools: GEXF 1.2draft or 1.3 (dynamic, for
// Gephi's timeline slider and Geo Layout), GraphML, CSV for Gephi's
// spreadsheet import, and JSON Lines. Every writer streams: it walks the
// graph's nodes and then its edges from one snapshot (graph.Snapshot), one at a time,
// so memory stays flat however big the graph.
//
// With a filter (timeline.Query) an export holds the selected events and the
// nodes they touch (their actors, places, agreements and articles), and the
// edges among those nodes. The identifiers of the touched nodes are the one
// thing kept in memory.
package export

import (
	"sort"
	"strconv"

	"eventgraph/graph"
	"eventgraph/graph/timeline"
)

// Node types, the value of the "type" attribute.
const (
	TypeEvent     = "event"
	TypeActor     = "actor"
	TypePlace     = "place"
	TypeAgreement = "agreement"
	TypeArticle   = "article"
)

// Edge relations.
const (
	RelParticipant = "participant" // actor → event, with the actor's role
	RelLocatedIn   = "located in"  // event or agreement → place
	RelSigned      = "signed"      // actor → agreement (signatory)
	RelPartyTo     = "party to"    // actor → agreement (party)
	RelReportedBy  = "reported by" // event or agreement → article
	RelConcerns    = "concerns"    // event → agreement (the signing, …)
	RelHoldsRole   = "holds role"  // person → organization, with the title
)

// Node is one node of an export. Exactly one of the model pointers is set,
// after Type.
type Node struct {
	ID    string
	Type  string
	Label string
	// Start and End are the inclusive days the node exists, "" when
	// always: an event's span; an agreement from its signing on; an
	// actor, place or article from the first day of its events to the
	// last (an article without dated events: its publication day), so
	// that Gephi's timeline slider shows it while it is active.
	Start, End string
	// At is an event's place, whose coordinates the event carries (lat,
	// lng, viz:position) for Gephi's Geo Layout; nil when unknown.
	At *graph.Place

	Event     *graph.Event
	Actor     *graph.Actor
	Place     *graph.Place
	Agreement *graph.Agreement
	Article   *graph.Article
}

// Edge is one directed edge of an export.
type Edge struct {
	ID             string
	Source, Target string
	Relation       string // one of the Rel* constants
	Role           string // the participant's role, or the title held
	Label          string // readable: "participant (source)", "located in", …
	Weight         float64
	Start, End     string
}

// walker walks the nodes and edges of a selection in one snapshot.
type walker struct {
	r   graph.Snapshot
	sel *timeline.Selection
	// set holds the IDs of the selected events and the nodes they touch;
	// nil when the export is the whole graph.
	set map[string]bool
	// stored caches has's answers ("<kind>|<id>"), emptied when it holds
	// maxStored, so that memory stays bounded.
	stored map[string]bool
}

// maxStored bounds the walker's cache of existence checks.
const maxStored = 1 << 16

// newWalker resolves q; the export always includes undated events (they
// cannot match a date bound anyway). With q.Limit, only the first Limit
// events (in date order) and the nodes they touch are exported.
func newWalker(r graph.Snapshot, q timeline.Query) (*walker, error) {
	q.Undated = true
	sel, err := timeline.Select(r, q)
	if err != nil {
		return nil, err
	}
	w := &walker{r: r, sel: sel, stored: map[string]bool{}}
	if !q.Filtered() && q.Limit == 0 {
		return w, nil
	}
	w.set = map[string]bool{}
	err = sel.ForEach(r, func(ev graph.Event) error {
		w.set[ev.ID] = true
		for _, p := range ev.Participants {
			w.set[p.ActorID] = true
		}
		if ev.PlaceID != "" {
			w.set[ev.PlaceID] = true
		}
		if ev.AgreementID != "" {
			w.set[ev.AgreementID] = true
		}
		for _, e := range ev.Evidence {
			w.set[e.ArticleID] = true
		}
		return nil
	})
	return w, err
}

// has reports whether the node is in the export: selected (or no filter)
// and stored.
func (w *walker) has(kind, id string) bool {
	if id == "" || (w.set != nil && !w.set[id]) {
		return false
	}
	k := kind + "|" + id
	if v, ok := w.stored[k]; ok {
		return v
	}
	if len(w.stored) >= maxStored {
		clear(w.stored)
	}
	v := w.r.Has(kind, id)
	w.stored[k] = v
	return v
}

func (w *walker) in(id string) bool { return w.set == nil || w.set[id] }

// nodes calls fn for every node: events in date order, then actors,
// places, agreements and articles by ID. While it writes the events it
// notes the first and last day of each actor's, place's and article's
// events (one pair of days per such node, not per event).
func (w *walker) nodes(fn func(*Node) error) error {
	active := map[string]*[2]string{}
	note := func(id, s, e string) {
		if id == "" {
			return
		}
		if d := active[id]; d == nil {
			active[id] = &[2]string{s, e}
		} else {
			d[0], d[1] = min(d[0], s), max(d[1], e)
		}
	}
	err := w.events(func(ev *graph.Event) error {
		n := &Node{ID: ev.ID, Type: TypeEvent, Label: ev.Title, Start: ev.Date.Start, End: ev.Date.End, Event: ev}
		if ev.PlaceID != "" {
			if p, err := w.r.Place(ev.PlaceID); err == nil && p.HasGeo {
				n.At = &p
			}
		}
		if s, e := day(ev.Date.Start, false), day(ev.Date.End, true); s != "" && e != "" && s <= e {
			for _, p := range ev.Participants {
				note(p.ActorID, s, e)
			}
			note(ev.PlaceID, s, e)
			for _, x := range ev.Evidence {
				note(x.ArticleID, s, e)
			}
		}
		return fn(n)
	})
	if err != nil {
		return err
	}
	span := func(id string) (string, string) {
		if d := active[id]; d != nil {
			return d[0], d[1]
		}
		return "", ""
	}
	err = w.r.ForEachActor(func(a graph.Actor) error {
		if !w.in(a.ID) {
			return nil
		}
		s, e := span(a.ID)
		return fn(&Node{ID: a.ID, Type: TypeActor, Label: a.Name, Start: s, End: e, Actor: &a})
	})
	if err != nil {
		return err
	}
	err = w.r.ForEachPlace(func(p graph.Place) error {
		if !w.in(p.ID) {
			return nil
		}
		s, e := span(p.ID)
		return fn(&Node{ID: p.ID, Type: TypePlace, Label: p.Name, Start: s, End: e, Place: &p})
	})
	if err != nil {
		return err
	}
	err = w.r.ForEachAgreement(func(g graph.Agreement) error {
		if !w.in(g.ID) {
			return nil
		}
		return fn(&Node{ID: g.ID, Type: TypeAgreement, Label: g.Name, Start: day(g.Date.Start, false), Agreement: &g})
	})
	if err != nil {
		return err
	}
	// exports describe the article, they do not carry its text
	return w.r.ForEachArticleMeta(func(a graph.Article) error {
		if !w.in(a.ID) {
			return nil
		}
		s, e := span(a.ID)
		if s == "" {
			s, e = day(a.Published, false), day(a.Published, true)
		}
		return fn(&Node{ID: a.ID, Type: TypeArticle, Label: a.Title, Start: s, End: e, Article: &a})
	})
}

func (w *walker) events(fn func(*graph.Event) error) error {
	if w.set == nil {
		return w.r.ForEachEvent(func(ev graph.Event) error { return fn(&ev) })
	}
	return w.sel.ForEach(w.r, func(ev graph.Event) error { return fn(&ev) })
}

// edges calls fn for every edge between two nodes of the export: from the
// events (participants, place, agreement, articles), the agreements
// (signatories, parties, place, articles) and the actors (roles held in an
// organization).
func (w *walker) edges(fn func(*Edge) error) error {
	n := 0
	emit := func(e Edge) error {
		n++
		e.ID = "e" + strconv.Itoa(n)
		if e.Weight == 0 {
			e.Weight = 1
		}
		return fn(&e)
	}
	err := w.events(func(ev *graph.Event) error {
		s, en := ev.Date.Start, ev.Date.End
		for _, p := range ev.Participants {
			if !w.has("actor", p.ActorID) {
				continue
			}
			label := RelParticipant
			if p.Role != "" {
				label += " (" + p.Role + ")"
			}
			if err := emit(Edge{Source: p.ActorID, Target: ev.ID, Relation: RelParticipant, Role: p.Role, Label: label, Start: s, End: en}); err != nil {
				return err
			}
		}
		if w.has("place", ev.PlaceID) {
			if err := emit(Edge{Source: ev.ID, Target: ev.PlaceID, Relation: RelLocatedIn, Label: RelLocatedIn, Start: s, End: en}); err != nil {
				return err
			}
		}
		if w.has("agreement", ev.AgreementID) {
			if err := emit(Edge{Source: ev.ID, Target: ev.AgreementID, Relation: RelConcerns, Label: RelConcerns, Start: s, End: en}); err != nil {
				return err
			}
		}
		return w.reported(ev.ID, ev.Evidence, s, en, emit)
	})
	if err != nil {
		return err
	}
	err = w.r.ForEachAgreement(func(g graph.Agreement) error {
		if !w.in(g.ID) {
			return nil
		}
		s := day(g.Date.Start, false)
		for _, id := range g.Signatories {
			if w.has("actor", id) {
				if err := emit(Edge{Source: id, Target: g.ID, Relation: RelSigned, Label: RelSigned, Start: s}); err != nil {
					return err
				}
			}
		}
		for _, id := range g.Parties {
			if w.has("actor", id) {
				if err := emit(Edge{Source: id, Target: g.ID, Relation: RelPartyTo, Label: RelPartyTo, Start: s}); err != nil {
					return err
				}
			}
		}
		if w.has("place", g.PlaceID) {
			if err := emit(Edge{Source: g.ID, Target: g.PlaceID, Relation: RelLocatedIn, Label: RelLocatedIn, Start: s}); err != nil {
				return err
			}
		}
		return w.reported(g.ID, g.Evidence, s, "", emit)
	})
	if err != nil {
		return err
	}
	return w.r.ForEachActor(func(a graph.Actor) error {
		if !w.in(a.ID) {
			return nil
		}
		for _, role := range a.Roles {
			if role.OrgID == "" || role.OrgID == a.ID || !w.has("actor", role.OrgID) {
				continue
			}
			s, en := day(role.From, false), day(role.To, true)
			if s != "" && en != "" && s > en {
				s, en = "", ""
			}
			label := RelHoldsRole
			if role.Title != "" {
				label = role.Title
			}
			if err := emit(Edge{Source: a.ID, Target: role.OrgID, Relation: RelHoldsRole, Role: role.Title, Label: label, Start: s, End: en}); err != nil {
				return err
			}
		}
		return nil
	})
}

// reported emits one "reported by" edge per article of the evidence,
// weighted by its number of sentences, in article ID order.
func (w *walker) reported(from string, ev []graph.Evidence, s, en string, emit func(Edge) error) error {
	count := map[string]int{}
	for _, e := range ev {
		count[e.ArticleID]++
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !w.has("article", id) {
			continue
		}
		if err := emit(Edge{Source: from, Target: id, Relation: RelReportedBy, Label: RelReportedBy, Weight: float64(count[id]), Start: s, End: en}); err != nil {
			return err
		}
	}
	return nil
}

// day normalizes a YYYY, YYYY-MM or YYYY-MM-DD date to a day (the first,
// or with end the last, of the period); "" when it is none of these.
func day(s string, end bool) string {
	d, err := timeline.Bound(s, end)
	if err != nil {
		return ""
	}
	return d
}
