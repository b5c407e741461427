package schema

import (
	"context"
	"sort"

	"eventgraph/graph"

	graphql "github.com/graph-gophers/graphql-go"
)

// ---- connections ----

// eventConn runs an event filter and wraps the page.
func (rq *request) eventConn(ctx context.Context, f graph.EventFilter, first *int32, after *string) (*eventConnResolver, error) {
	n, cur, err := rq.s.page(ctx, first, after)
	if err != nil {
		return nil, err
	}
	var page graph.EventPage
	if err := rq.read(ctx, func(r graph.Snapshot) (err error) { page, err = r.Events(f, n, cur); return }); err != nil {
		return nil, graphErr(err)
	}
	if err := rq.charge(ctx, len(page.Edges), "events"); err != nil {
		return nil, err
	}
	c := &eventConnResolver{rq: rq, page: page, nodes: make([]*eventResolver, len(page.Edges))}
	rq.mu.Lock()
	for i := range page.Edges {
		e := &page.Edges[i].Event
		if cached, ok := rq.events[e.ID]; ok {
			e = cached
		} else {
			rq.events[e.ID] = e
		}
		c.nodes[i] = &eventResolver{rq: rq, e: e}
	}
	rq.mu.Unlock()
	return c, nil
}

// emptyEvents is the connection of a filter that matches nothing (an
// unknown actor or place); its arguments are still validated.
func (rq *request) emptyEvents(first *int32, after *string) (*eventConnResolver, error) {
	if _, err := rq.s.pageSize(first); err != nil {
		return nil, err
	}
	if _, err := cursor(after); err != nil {
		return nil, err
	}
	return &eventConnResolver{rq: rq}, nil
}

type eventConnResolver struct {
	rq    *request
	page  graph.EventPage
	nodes []*eventResolver
}

func (c *eventConnResolver) TotalCount() int32 { return int32(c.page.Total) }

func (c *eventConnResolver) Edges() []*eventEdgeResolver {
	// one allocation for the edges, and a cursor only when asked for
	edges := make([]eventEdgeResolver, len(c.nodes))
	out := make([]*eventEdgeResolver, len(c.nodes))
	for i, n := range c.nodes {
		edges[i] = eventEdgeResolver{edge: c.page.Edges[i], node: n}
		out[i] = &edges[i]
	}
	return out
}

func (c *eventConnResolver) Nodes() []*eventResolver { return c.nodes }

func (c *eventConnResolver) PageInfo() *pageInfoResolver {
	p := &pageInfoResolver{hasNext: c.page.HasNext, hasPrev: c.page.HasPrevious}
	if n := len(c.page.Edges); n > 0 {
		p.start, p.end = c.page.Edges[0].Cursor(), c.page.Edges[n-1].Cursor()
	}
	return p
}

type eventEdgeResolver struct {
	edge *graph.EventEdge
	node *eventResolver
}

func (e *eventEdgeResolver) Cursor() string       { return e.edge.Cursor() }
func (e *eventEdgeResolver) Node() *eventResolver { return e.node }

type pageInfoResolver struct {
	hasNext, hasPrev bool
	start, end       string
}

func (p *pageInfoResolver) HasNextPage() bool         { return p.hasNext }
func (p *pageInfoResolver) HasPreviousPage() bool     { return p.hasPrev }
func (p *pageInfoResolver) StartCursor() *string      { return optStr(p.start) }
func (p *pageInfoResolver) EndCursor() *string        { return optStr(p.end) }
func (c *actorConnResolver) TotalCount() int32        { return int32(c.page.Total) }
func (c *articleConnResolver) TotalCount() int32      { return int32(c.page.Total) }
func (e *actorEdgeResolver) Cursor() string           { return e.cursor }
func (e *actorEdgeResolver) Node() *actorResolver     { return e.node }
func (e *articleEdgeResolver) Cursor() string         { return e.cursor }
func (e *articleEdgeResolver) Node() *articleResolver { return e.node }

type actorConnResolver struct {
	rq   *request
	page graph.ActorPage
}

type actorEdgeResolver struct {
	cursor string
	node   *actorResolver
}

func (c *actorConnResolver) Edges() []*actorEdgeResolver {
	out := make([]*actorEdgeResolver, len(c.page.Edges))
	for i := range c.page.Edges {
		out[i] = &actorEdgeResolver{cursor: c.page.Edges[i].Cursor, node: &actorResolver{rq: c.rq, a: &c.page.Edges[i].Actor}}
	}
	return out
}

func (c *actorConnResolver) Nodes() []*actorResolver {
	out := make([]*actorResolver, len(c.page.Edges))
	for i := range c.page.Edges {
		out[i] = &actorResolver{rq: c.rq, a: &c.page.Edges[i].Actor}
	}
	return out
}

func (c *actorConnResolver) PageInfo() *pageInfoResolver {
	p := &pageInfoResolver{hasNext: c.page.HasNext, hasPrev: c.page.HasPrevious}
	if n := len(c.page.Edges); n > 0 {
		p.start, p.end = c.page.Edges[0].Cursor, c.page.Edges[n-1].Cursor
	}
	return p
}

type articleConnResolver struct {
	rq   *request
	page graph.ArticlePage
}

type articleEdgeResolver struct {
	cursor string
	node   *articleResolver
}

func (c *articleConnResolver) Edges() []*articleEdgeResolver {
	out := make([]*articleEdgeResolver, len(c.page.Edges))
	for i := range c.page.Edges {
		out[i] = &articleEdgeResolver{cursor: c.page.Edges[i].Cursor, node: &articleResolver{rq: c.rq, a: &c.page.Edges[i].Article}}
	}
	return out
}

func (c *articleConnResolver) Nodes() []*articleResolver {
	out := make([]*articleResolver, len(c.page.Edges))
	for i := range c.page.Edges {
		out[i] = &articleResolver{rq: c.rq, a: &c.page.Edges[i].Article}
	}
	return out
}

func (c *articleConnResolver) PageInfo() *pageInfoResolver {
	p := &pageInfoResolver{hasNext: c.page.HasNext, hasPrev: c.page.HasPrevious}
	if n := len(c.page.Edges); n > 0 {
		p.start, p.end = c.page.Edges[0].Cursor, c.page.Edges[n-1].Cursor
	}
	return p
}

// ---- Event ----

type eventResolver struct {
	rq *request
	e  *graph.Event
}

func (r *eventResolver) ID() graphql.ID { return graphql.ID(r.e.ID) }
func (r *eventResolver) Type() string   { return r.e.Type }
func (r *eventResolver) Cameo() *string { return optStr(r.e.CAMEO) }

// Title is the event's title, charged against the byte budget.
func (r *eventResolver) Title() string {
	return r.rq.inlineText(r.e.Title, "title")
}
func (r *eventResolver) Date() *dateResolver { return &dateResolver{r.e.Date} }
func (r *eventResolver) Status() *string     { return optStr(r.e.Status) }
func (r *eventResolver) Evidence(ctx context.Context) ([]*evidenceResolver, error) {
	return r.rq.evidence(ctx, r.e.Evidence)
}

// Participants resolves the actors of all participations at once; a
// participation whose actor is missing from the store is left out.
func (r *eventResolver) Participants(ctx context.Context) ([]*participationResolver, error) {
	ids := make([]string, len(r.e.Participants))
	for i, p := range r.e.Participants {
		ids[i] = p.ActorID
	}
	actors, err := r.rq.actors(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*participationResolver, 0, len(ids))
	for i, p := range r.e.Participants {
		if actors[i] != nil {
			out = append(out, &participationResolver{actor: actors[i], role: p.Role})
		}
	}
	return out, r.rq.charge(ctx, len(out), "participants")
}

func (r *eventResolver) Place(ctx context.Context) (*placeResolver, error) {
	return r.rq.placeRef(ctx, r.e.PlaceID)
}

func (r *eventResolver) Agreement(ctx context.Context) (*agreementResolver, error) {
	if r.e.AgreementID == "" {
		return nil, nil
	}
	g, err := r.rq.agreement(ctx, r.e.AgreementID)
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &agreementResolver{rq: r.rq, g: g}, r.rq.charge(ctx, 1, "agreement")
}

// Quantities lists the event's quantities.
func (r *eventResolver) Quantities() []*quantityResolver {
	out := make([]*quantityResolver, len(r.e.Quantities))
	for i := range r.e.Quantities {
		out[i] = &quantityResolver{rq: r.rq, q: r.e.Quantities[i]}
	}
	return out
}

// Disputed reports whether the reporting articles disagree.
func (r *eventResolver) Disputed() bool { return r.e.Disputed() }

// Disputes lists what the reporting articles disagree on.
func (r *eventResolver) Disputes() []string {
	d := r.e.Disputes()
	if d == nil {
		d = []string{}
	}
	return d
}

// Reports lists what each reporting article says.
func (r *eventResolver) Reports() []*reportResolver {
	rs := r.e.Reports()
	out := make([]*reportResolver, len(rs))
	for i := range rs {
		out[i] = &reportResolver{rq: r.rq, r: rs[i]}
	}
	return out
}

type reportResolver struct {
	rq *request
	r  graph.Report
}

func (r *reportResolver) Article(ctx context.Context) (*articleResolver, error) {
	return r.rq.articleRef(ctx, r.r.ArticleID)
}
func (r *reportResolver) Date() *dateResolver { return &dateResolver{r.r.Date} }
func (r *reportResolver) Quantities() []*quantityResolver {
	out := make([]*quantityResolver, len(r.r.Quantities))
	for i := range r.r.Quantities {
		out[i] = &quantityResolver{rq: r.rq, q: r.r.Quantities[i]}
	}
	return out
}
func (r *reportResolver) Evidence(ctx context.Context) ([]*evidenceResolver, error) {
	return r.rq.evidence(ctx, r.r.Evidence)
}

type quantityResolver struct {
	rq *request
	q  graph.Quantity
}

func (q *quantityResolver) Value() float64  { return q.q.Value }
func (q *quantityResolver) Unit() string    { return q.q.Unit }
func (q *quantityResolver) Text() string    { return q.q.Text }
func (q *quantityResolver) Counts() *string { return optStr(q.q.Counts) }

// Article resolves the reporting article; null when the quantity names
// none or the article is gone.
func (q *quantityResolver) Article(ctx context.Context) (*articleResolver, error) {
	return q.rq.articleRef(ctx, q.q.ArticleID)
}

// articleRef resolves an optional reference to an article: nil for none
// or for one no longer stored.
func (rq *request) articleRef(ctx context.Context, id string) (*articleResolver, error) {
	if id == "" {
		return nil, nil
	}
	a, err := rq.article(ctx, id)
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &articleResolver{rq: rq, a: a}, nil
}

type participationResolver struct {
	actor *actorResolver
	role  string
}

func (p *participationResolver) Actor() *actorResolver { return p.actor }
func (p *participationResolver) Role() string          { return p.role }

// actors looks up several actors under one lock (the embedded store's snapshot caches them);
// missing ones are nil.
func (rq *request) actors(ctx context.Context, ids []string) ([]*actorResolver, error) {
	out := make([]*actorResolver, len(ids))
	err := rq.read(ctx, func(r graph.Snapshot) error {
		for i, id := range ids {
			a, err := r.Actor(id)
			if notFound(err) {
				continue
			}
			if err != nil {
				return err
			}
			out[i] = &actorResolver{rq: rq, a: &a}
		}
		return nil
	})
	return out, err
}

func (rq *request) actorList(ctx context.Context, ids []string, what string) ([]*actorResolver, error) {
	as, err := rq.actors(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := as[:0]
	for _, a := range as {
		if a != nil {
			out = append(out, a)
		}
	}
	return out, rq.charge(ctx, len(out), what)
}

func (rq *request) placeRef(ctx context.Context, id string) (*placeResolver, error) {
	if id == "" {
		return nil, nil
	}
	p, err := rq.place(ctx, id)
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &placeResolver{rq: rq, p: p}, rq.charge(ctx, 1, "place")
}

// evidence wraps evidence, resolving the articles of all of it at once (the
// request caches articles); evidence whose article is missing is left out.
func (rq *request) evidence(ctx context.Context, evs []graph.Evidence) ([]*evidenceResolver, error) {
	out := make([]*evidenceResolver, 0, len(evs))
	err := rq.read(ctx, func(r graph.Snapshot) error {
		for _, ev := range evs {
			a, ok := rq.articles[ev.ArticleID]
			if !ok {
				art, err := r.ArticleMeta(ev.ArticleID)
				if notFound(err) {
					continue
				}
				if err != nil {
					return err
				}
				a = &art
				rq.articles[a.ID] = a
			}
			out = append(out, &evidenceResolver{rq: rq, ev: ev, a: a})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, rq.charge(ctx, len(out), "evidence")
}

type evidenceResolver struct {
	rq *request
	ev graph.Evidence
	a  *graph.Article
}

func (e *evidenceResolver) Article() *articleResolver { return &articleResolver{rq: e.rq, a: e.a} }

// Sentence is the evidence sentence, charged against the byte budget.
func (e *evidenceResolver) Sentence() string {
	return e.rq.inlineText(e.ev.Sentence, "sentence")
}
func (e *evidenceResolver) Start() int32 { return int32(e.ev.Start) }
func (e *evidenceResolver) End() int32   { return int32(e.ev.End) }

// ---- DateSpan ----

type dateResolver struct{ d graph.DateSpan }

func (d *dateResolver) Value() string {
	if d.d.Value == "" && !d.d.Known() {
		return "unknown"
	}
	return d.d.Value
}
func (d *dateResolver) Start() *string  { return optStr(d.d.Start) }
func (d *dateResolver) End() *string    { return optStr(d.d.End) }
func (d *dateResolver) Text() *string   { return optStr(d.d.Text) }
func (d *dateResolver) Inferred() bool  { return d.d.Inferred }
func (d *dateResolver) Anchor() *string { return optStr(d.d.Anchor) }
func (d *dateResolver) Precision() string {
	switch d.d.Precision {
	case graph.Day, graph.Week, graph.Month, graph.Quarter, graph.Year:
		return string(d.d.Precision)
	}
	return string(graph.Unknown)
}

// ---- Actor ----

type actorResolver struct {
	rq *request
	a  *graph.Actor
}

func (r *actorResolver) ID() graphql.ID { return graphql.ID(r.a.ID) }
func (r *actorResolver) Name() string   { return r.a.Name }
func (r *actorResolver) Kind() string {
	switch r.a.Kind {
	case graph.Person, graph.Organization, graph.Country, graph.Group:
		return string(r.a.Kind)
	}
	return string(graph.Organization)
}
func (r *actorResolver) Aliases() []string {
	if r.a.Aliases == nil {
		return []string{}
	}
	return r.a.Aliases
}
func (r *actorResolver) Country() *string     { return optStr(countryName(r.a.Country)) }
func (r *actorResolver) CountryCode() *string { return optStr(r.a.Country) }

func (r *actorResolver) Roles(ctx context.Context) ([]*roleResolver, error) {
	out := make([]*roleResolver, len(r.a.Roles))
	for i := range r.a.Roles {
		out[i] = &roleResolver{rq: r.rq, r: &r.a.Roles[i]}
	}
	return out, r.rq.charge(ctx, len(out), "roles")
}

type actorEventsArgs struct {
	From, To, Type *string
	Order          string
	First          *int32
	After          *string
}

func (r *actorResolver) Events(ctx context.Context, args actorEventsArgs) (*eventConnResolver, error) {
	f := graph.EventFilter{ActorIDs: []string{r.a.ID}, Type: str(args.Type), Desc: args.Order == "DESC"}
	var err error
	if f.From, f.To, err = dateRange(args.From, args.To); err != nil {
		return nil, err
	}
	return r.rq.eventConn(ctx, f, args.First, args.After)
}

type roleResolver struct {
	rq *request
	r  *graph.Role
}

func (r *roleResolver) Title() string { return r.r.Title }
func (r *roleResolver) From() *string { return optStr(r.r.From) }
func (r *roleResolver) To() *string   { return optStr(r.r.To) }

func (r *roleResolver) Organization(ctx context.Context) (*actorResolver, error) {
	if r.r.OrgID == "" {
		return nil, nil
	}
	a, err := r.rq.actor(ctx, r.r.OrgID)
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &actorResolver{rq: r.rq, a: a}, r.rq.charge(ctx, 1, "organization")
}

func (r *roleResolver) Evidence(ctx context.Context) (*evidenceResolver, error) {
	if r.r.Evid == nil {
		return nil, nil
	}
	evs, err := r.rq.evidence(ctx, []graph.Evidence{*r.r.Evid})
	if err != nil || len(evs) == 0 {
		return nil, err
	}
	return evs[0], nil
}

// ---- Agreement ----

type agreementResolver struct {
	rq *request
	g  *graph.Agreement
}

func (r *agreementResolver) ID() graphql.ID      { return graphql.ID(r.g.ID) }
func (r *agreementResolver) Name() string        { return r.g.Name }
func (r *agreementResolver) Kind() string        { return r.g.Kind }
func (r *agreementResolver) Date() *dateResolver { return &dateResolver{r.g.Date} }
func (r *agreementResolver) Topics() []string {
	if r.g.Topics == nil {
		return []string{}
	}
	return r.g.Topics
}
func (r *agreementResolver) Parties(ctx context.Context) ([]*actorResolver, error) {
	return r.rq.actorList(ctx, r.g.Parties, "parties")
}
func (r *agreementResolver) Signatories(ctx context.Context) ([]*actorResolver, error) {
	return r.rq.actorList(ctx, r.g.Signatories, "signatories")
}
func (r *agreementResolver) Place(ctx context.Context) (*placeResolver, error) {
	return r.rq.placeRef(ctx, r.g.PlaceID)
}
func (r *agreementResolver) Evidence(ctx context.Context) ([]*evidenceResolver, error) {
	return r.rq.evidence(ctx, r.g.Evidence)
}
func (r *agreementResolver) Event(ctx context.Context) (*eventResolver, error) {
	if r.g.EventID == "" {
		return nil, nil
	}
	e, err := r.rq.event(ctx, r.g.EventID)
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &eventResolver{rq: r.rq, e: e}, r.rq.charge(ctx, 1, "event")
}

// ---- Place ----

type placeResolver struct {
	rq *request
	p  *graph.Place
}

func (r *placeResolver) ID() graphql.ID       { return graphql.ID(r.p.ID) }
func (r *placeResolver) Name() string         { return r.p.Name }
func (r *placeResolver) Kind() *string        { return optStr(r.p.Kind) }
func (r *placeResolver) Country() *string     { return optStr(countryName(r.p.Country)) }
func (r *placeResolver) CountryCode() *string { return optStr(r.p.Country) }
func (r *placeResolver) Note() *string        { return optStr(r.p.Note) }
func (r *placeResolver) Lat() *float64 {
	if !r.p.HasGeo {
		return nil
	}
	return &r.p.Lat
}
func (r *placeResolver) Lon() *float64 {
	if !r.p.HasGeo {
		return nil
	}
	return &r.p.Lon
}

type placeEventsArgs struct {
	Order string
	First *int32
	After *string
}

func (r *placeResolver) Events(ctx context.Context, args placeEventsArgs) (*eventConnResolver, error) {
	f := graph.EventFilter{PlaceID: r.p.ID, Desc: args.Order == "DESC"}
	return r.rq.eventConn(ctx, f, args.First, args.After)
}

// ---- Article ----

type articleResolver struct {
	rq *request
	a  *graph.Article
}

func (r *articleResolver) ID() graphql.ID { return graphql.ID(r.a.ID) }

// Title is the headline, charged against the byte budget.
func (r *articleResolver) Title() string {
	return r.rq.inlineText(r.a.Title, "title")
}
func (r *articleResolver) Source() *string    { return optStr(r.a.Source) }
func (r *articleResolver) URL() *string       { return optStr(r.a.URL) }
func (r *articleResolver) Published() *string { return optStr(r.a.Published) }

// Text is the article's text, charged against the byte budget.
func (r *articleResolver) Text(ctx context.Context) (string, error) {
	t, err := r.rq.articleText(ctx, r.a.ID)
	if err != nil {
		return "", err
	}
	return r.rq.text(ctx, t, "text")
}

func (r *articleResolver) Events(ctx context.Context) ([]*eventResolver, error) {
	evs, err := r.rq.eventsOfArticle(ctx, r.a.ID)
	if err != nil {
		return nil, err
	}
	out := make([]*eventResolver, len(evs))
	for i, e := range evs {
		out[i] = &eventResolver{rq: r.rq, e: e}
	}
	return out, r.rq.charge(ctx, len(out), "events")
}

// ---- Node ----

type nodeResolver struct{ n any }

func (n *nodeResolver) ID() graphql.ID {
	switch v := n.n.(type) {
	case *eventResolver:
		return v.ID()
	case *actorResolver:
		return v.ID()
	case *agreementResolver:
		return v.ID()
	case *placeResolver:
		return v.ID()
	case *articleResolver:
		return v.ID()
	}
	return ""
}

func (n *nodeResolver) ToEvent() (*eventResolver, bool) {
	v, ok := n.n.(*eventResolver)
	return v, ok
}
func (n *nodeResolver) ToActor() (*actorResolver, bool) {
	v, ok := n.n.(*actorResolver)
	return v, ok
}
func (n *nodeResolver) ToAgreement() (*agreementResolver, bool) {
	v, ok := n.n.(*agreementResolver)
	return v, ok
}
func (n *nodeResolver) ToPlace() (*placeResolver, bool) {
	v, ok := n.n.(*placeResolver)
	return v, ok
}
func (n *nodeResolver) ToArticle() (*articleResolver, bool) {
	v, ok := n.n.(*articleResolver)
	return v, ok
}

// ---- Stats ----

type statsResolver struct {
	rq *request
	st *graph.Stats
}

func (s *statsResolver) Articles() int32   { return int32(s.st.Articles) }
func (s *statsResolver) Events() int32     { return int32(s.st.Events) }
func (s *statsResolver) Actors() int32     { return int32(s.st.Actors) }
func (s *statsResolver) Places() int32     { return int32(s.st.Places) }
func (s *statsResolver) Agreements() int32 { return int32(s.st.Agreements) }

func (s *statsResolver) ByType() []*typeCount {
	keys := sortedCounts(s.st.ByType)
	out := make([]*typeCount, len(keys))
	for i, k := range keys {
		out[i] = &typeCount{k, s.st.ByType[k]}
	}
	return out
}

func (s *statsResolver) ByMonth() []*monthCount {
	keys := make([]string, 0, len(s.st.ByMonth))
	for k := range s.st.ByMonth {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		// "unknown" sorts after every YYYY-MM
		ui, uj := keys[i] == "unknown", keys[j] == "unknown"
		if ui != uj {
			return uj
		}
		return keys[i] < keys[j]
	})
	out := make([]*monthCount, len(keys))
	for i, k := range keys {
		out[i] = &monthCount{k, s.st.ByMonth[k]}
	}
	return out
}

func (s *statsResolver) ByActor(ctx context.Context, args struct{ First *int32 }) ([]*actorCount, error) {
	n, err := s.rq.s.pageSize(args.First)
	if err != nil {
		return nil, err
	}
	keys := sortedCounts(s.st.ByActor)
	if len(keys) > n+50 {
		keys = keys[:n+50] // a few spare for actors missing from the store
	}
	as, err := s.rq.actors(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := []*actorCount{}
	for i, a := range as {
		if len(out) >= n {
			break
		}
		if a != nil {
			out = append(out, &actorCount{a, s.st.ByActor[keys[i]]})
		}
	}
	return out, s.rq.charge(ctx, len(out), "byActor")
}

type typeCount struct {
	t string
	n int
}

func (c *typeCount) Type() string { return c.t }
func (c *typeCount) Count() int32 { return int32(c.n) }

type monthCount struct {
	m string
	n int
}

func (c *monthCount) Month() string { return c.m }
func (c *monthCount) Count() int32  { return int32(c.n) }

type actorCount struct {
	a *actorResolver
	n int
}

func (c *actorCount) Actor() *actorResolver { return c.a }
func (c *actorCount) Count() int32          { return int32(c.n) }
