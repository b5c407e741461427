package schema

import (
	"context"

	"eventgraph/graph"
	"eventgraph/graph/filter"

	graphql "github.com/graph-gophers/graphql-go"
)

// queryResolver resolves the fields of Query. It is shared by all requests;
// the request's state comes from the context.
type queryResolver struct{ s *Schema }

func (q *queryResolver) begin(ctx context.Context, field string) (*request, error) {
	rq := requestFrom(ctx)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if h := q.s.opts.BeforeResolve; h != nil {
		if err := h(ctx, field); err != nil {
			return nil, err
		}
	}
	return rq, nil
}

type eventsArgs struct {
	From, To, Actor, Type, Cameo, Place, Country, Status, Text *string
	Order                                                      string
	First                                                      *int32
	After                                                      *string
}

// Events resolves Query.events.
func (q *queryResolver) Events(ctx context.Context, args eventsArgs) (*eventConnResolver, error) {
	rq, err := q.begin(ctx, "events")
	if err != nil {
		return nil, err
	}
	fl, err := filter.FromArgs(args.From, args.To, args.Actor, args.Place, args.Country, args.Type, args.Cameo, args.Status, args.Text)
	if err != nil {
		return nil, filterErr(err)
	}
	var res *filter.Resolved
	if err := rq.read(ctx, func(r graph.Snapshot) (err error) { res, err = filter.Resolve(r, fl); return }); err != nil {
		return nil, filterErr(err)
	}
	if res.None {
		return rq.emptyEvents(args.First, args.After)
	}
	f := res.Events
	f.Desc = args.Order == "DESC"
	return rq.eventConn(ctx, f, args.First, args.After)
}

// Event resolves Query.event.
func (q *queryResolver) Event(ctx context.Context, args struct{ ID graphql.ID }) (*eventResolver, error) {
	rq, err := q.begin(ctx, "event")
	if err != nil {
		return nil, err
	}
	e, err := rq.event(ctx, string(args.ID))
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &eventResolver{rq: rq, e: e}, rq.charge(ctx, 1, "event")
}

type actorsArgs struct {
	Name  *string
	Kind  *string
	First *int32
	After *string
}

// Actors resolves Query.actors.
func (q *queryResolver) Actors(ctx context.Context, args actorsArgs) (*actorConnResolver, error) {
	rq, err := q.begin(ctx, "actors")
	if err != nil {
		return nil, err
	}
	n, after, err := q.s.page(ctx, args.First, args.After)
	if err != nil {
		return nil, err
	}
	f := graph.ActorFilter{Name: str(args.Name)}
	if args.Kind != nil {
		f.Kind = graph.ActorKind(*args.Kind)
	}
	var page graph.ActorPage
	if err := rq.read(ctx, func(r graph.Snapshot) (err error) { page, err = r.Actors(f, n, after); return }); err != nil {
		return nil, graphErr(err)
	}
	if err := rq.charge(ctx, len(page.Edges), "actors"); err != nil {
		return nil, err
	}
	return &actorConnResolver{rq: rq, page: page}, nil
}

// Actor resolves Query.actor.
func (q *queryResolver) Actor(ctx context.Context, args struct {
	ID   *graphql.ID
	Name *string
}) (*actorResolver, error) {
	rq, err := q.begin(ctx, "actor")
	if err != nil {
		return nil, err
	}
	var a *graph.Actor
	switch {
	case args.ID != nil && *args.ID != "":
		a, err = rq.actor(ctx, string(*args.ID))
		if notFound(err) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if args.Name != nil && *args.Name != "" && !actorNamed(a, *args.Name) {
			return nil, nil
		}
	case args.Name != nil && *args.Name != "":
		err = rq.read(ctx, func(r graph.Snapshot) error {
			if as := r.ActorsByName(*args.Name); len(as) > 0 {
				a = &as[0]
			}
			return nil
		})
		if err != nil || a == nil {
			return nil, err
		}
	default:
		return nil, badArg("actor", "give an id or a name")
	}
	return &actorResolver{rq: rq, a: a}, rq.charge(ctx, 1, "actor")
}

func actorNamed(a *graph.Actor, name string) bool {
	k := graph.NormName(name)
	if graph.NormName(a.Name) == k {
		return true
	}
	for _, al := range a.Aliases {
		if graph.NormName(al) == k {
			return true
		}
	}
	return false
}

type agreementsArgs struct {
	From, To, Party *string
}

// Agreements resolves Query.agreements.
func (q *queryResolver) Agreements(ctx context.Context, args agreementsArgs) ([]*agreementResolver, error) {
	rq, err := q.begin(ctx, "agreements")
	if err != nil {
		return nil, err
	}
	var f graph.AgreementFilter
	if f.From, f.To, err = dateRange(args.From, args.To); err != nil {
		return nil, err
	}
	if p := str(args.Party); p != "" {
		ids, err := rq.actorIDs(ctx, p)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			return []*agreementResolver{}, nil
		}
		f.PartyIDs = ids
	}
	var gs []graph.Agreement
	if err := rq.read(ctx, func(r graph.Snapshot) (err error) { gs, err = r.Agreements(f); return }); err != nil {
		return nil, err
	}
	if err := rq.charge(ctx, len(gs), "agreements"); err != nil {
		return nil, err
	}
	out := make([]*agreementResolver, len(gs))
	rq.mu.Lock()
	for i := range gs {
		g := &gs[i]
		if c, ok := rq.agreements[g.ID]; ok {
			g = c
		} else {
			rq.agreements[g.ID] = g
		}
		out[i] = &agreementResolver{rq: rq, g: g}
	}
	rq.mu.Unlock()
	return out, nil
}

// Agreement resolves Query.agreement.
func (q *queryResolver) Agreement(ctx context.Context, args struct{ ID graphql.ID }) (*agreementResolver, error) {
	rq, err := q.begin(ctx, "agreement")
	if err != nil {
		return nil, err
	}
	g, err := rq.agreement(ctx, string(args.ID))
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &agreementResolver{rq: rq, g: g}, rq.charge(ctx, 1, "agreement")
}

type pageArgs struct {
	First *int32
	After *string
}

// Articles resolves Query.articles.
func (q *queryResolver) Articles(ctx context.Context, args pageArgs) (*articleConnResolver, error) {
	rq, err := q.begin(ctx, "articles")
	if err != nil {
		return nil, err
	}
	n, after, err := q.s.page(ctx, args.First, args.After)
	if err != nil {
		return nil, err
	}
	var page graph.ArticlePage
	if err := rq.read(ctx, func(r graph.Snapshot) (err error) { page, err = r.Articles(n, after); return }); err != nil {
		return nil, graphErr(err)
	}
	if err := rq.charge(ctx, len(page.Edges), "articles"); err != nil {
		return nil, err
	}
	rq.mu.Lock()
	for i := range page.Edges {
		a := &page.Edges[i].Article
		if _, ok := rq.articles[a.ID]; !ok {
			rq.articles[a.ID] = a
		}
	}
	rq.mu.Unlock()
	return &articleConnResolver{rq: rq, page: page}, nil
}

// Article resolves Query.article.
func (q *queryResolver) Article(ctx context.Context, args struct{ ID graphql.ID }) (*articleResolver, error) {
	rq, err := q.begin(ctx, "article")
	if err != nil {
		return nil, err
	}
	a, err := rq.article(ctx, string(args.ID))
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &articleResolver{rq: rq, a: a}, rq.charge(ctx, 1, "article")
}

// Place resolves Query.place.
func (q *queryResolver) Place(ctx context.Context, args struct{ ID graphql.ID }) (*placeResolver, error) {
	rq, err := q.begin(ctx, "place")
	if err != nil {
		return nil, err
	}
	p, err := rq.place(ctx, string(args.ID))
	if notFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &placeResolver{rq: rq, p: p}, rq.charge(ctx, 1, "place")
}

// Node resolves Query.node: the ID is looked up as each kind of node in
// turn (IDs are UUIDs and never shared between kinds).
func (q *queryResolver) Node(ctx context.Context, args struct{ ID graphql.ID }) (*nodeResolver, error) {
	rq, err := q.begin(ctx, "node")
	if err != nil {
		return nil, err
	}
	id := string(args.ID)
	var n nodeResolver
	if e, err := rq.event(ctx, id); err == nil {
		n.n = &eventResolver{rq: rq, e: e}
	} else if a, err := rq.actor(ctx, id); err == nil {
		n.n = &actorResolver{rq: rq, a: a}
	} else if g, err := rq.agreement(ctx, id); err == nil {
		n.n = &agreementResolver{rq: rq, g: g}
	} else if p, err := rq.place(ctx, id); err == nil {
		n.n = &placeResolver{rq: rq, p: p}
	} else if ar, err := rq.article(ctx, id); err == nil {
		n.n = &articleResolver{rq: rq, a: ar}
	} else if !notFound(err) {
		return nil, err
	} else {
		return nil, nil
	}
	return &n, rq.charge(ctx, 1, "node")
}

// Stats resolves Query.stats.
func (q *queryResolver) Stats(ctx context.Context) (*statsResolver, error) {
	rq, err := q.begin(ctx, "stats")
	if err != nil {
		return nil, err
	}
	st, err := rq.stats(ctx)
	if err != nil {
		return nil, err
	}
	return &statsResolver{rq: rq, st: st}, nil
}

// wantsPage reports whether a connection's query asks for its items or
// page info; when it asks only for totalCount the store loads no nodes.
func wantsPage(ctx context.Context) bool {
	return graphql.HasSelectedField(ctx, "edges") || graphql.HasSelectedField(ctx, "nodes") ||
		graphql.HasSelectedField(ctx, "pageInfo")
}
