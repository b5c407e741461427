// Package schema is eventgraph's GraphQL API: the SDL (schema.graphql,
// embedded) and its resolvers over a graph.Storage (the embedded store or
// a Dgraph cluster).
//
// # One snapshot per request
//
// Exec runs a whole query inside one Storage.ViewContext: graphql-go's Exec
// returns only when every resolver has finished, so all resolvers of a
// request read the same consistent snapshot and the graph.Snapshot never
// outlives it. graphql-go runs sibling resolvers concurrently, and a
// graph.Snapshot is not safe for concurrent use, so every read goes through
// the request's mutex. The embedded store's snapshot caches actors and
// places for the request;
// the request caches articles, events, agreements, the place-name index and
// the article→events index, so a query that lists 500 events with their
// participants, places and evidence articles reads each node once (no N+1).
//
// # Limits
//
// A query is refused before it runs when it is longer than MaxQueryLength or
// nested deeper than MaxDepth; a page larger than MaxPageSize is refused with
// an argument error; a request that would produce more than MaxNodes nodes
// or more than MaxBytes bytes of text stops with a "result too large" error
// (RESULT_TOO_LARGE); and the caller's context deadline
// (the server's per-request timeout) cancels the resolvers still to run.
package schema

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"time"

	"eventgraph/graph"

	graphql "github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"
)

// SDL is the GraphQL schema, with a description on every type, field and
// argument.
//
//go:embed schema.graphql
var SDL string

// Defaults of Options.
const (
	DefaultPageSize       = 50
	DefaultMaxPageSize    = 500
	DefaultMaxDepth       = 15
	DefaultMaxQueryLength = 64 << 10
	DefaultMaxNodes       = 50_000
	DefaultMaxBytes       = 16 << 20
	DefaultMaxParallelism = 4
)

// Options tune a Schema; the zero value means the defaults.
type Options struct {
	// MaxDepth is the deepest field nesting a query may have.
	MaxDepth int
	// MaxQueryLength is the longest query text accepted, in bytes.
	MaxQueryLength int
	// MaxPageSize is the largest `first` accepted.
	MaxPageSize int
	// MaxNodes bounds how many nodes (events, actors, agreements, places,
	// articles, evidence, roles) one request may resolve.
	MaxNodes int
	// MaxBytes bounds the bytes of text (article texts and titles, event
	// titles, evidence sentences) one request may resolve, each occurrence
	// and alias counted.
	MaxBytes int64
	// MaxParallelism bounds the resolvers of a request that run at once.
	MaxParallelism int
	// BeforeResolve, if set, is called at the start of every top-level
	// (Query) resolver with the field's name; an error fails the field.
	// Tests use it to make a query slow.
	BeforeResolve func(ctx context.Context, field string) error
}

func (o Options) withDefaults() Options {
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxQueryLength <= 0 {
		o.MaxQueryLength = DefaultMaxQueryLength
	}
	if o.MaxPageSize <= 0 {
		o.MaxPageSize = DefaultMaxPageSize
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = DefaultMaxNodes
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxParallelism <= 0 {
		o.MaxParallelism = DefaultMaxParallelism
	}
	return o
}

// Schema is the executable GraphQL schema over a store.
type Schema struct {
	store graph.Storage
	opts  Options
	gql   *graphql.Schema
}

// pooledBufferCap is the largest output buffer graphql-go keeps for
// reuse.
const pooledBufferCap = 256 << 10

// New parses the SDL and binds it to resolvers over store.
func New(store graph.Storage, opts Options) (*Schema, error) {
	opts = opts.withDefaults()
	s := &Schema{store: store, opts: opts}
	gql, err := graphql.ParseSchema(SDL, &queryResolver{s: s},
		graphql.UseStringDescriptions(),
		graphql.MaxDepth(opts.MaxDepth),
		graphql.MaxQueryLength(opts.MaxQueryLength),
		graphql.MaxParallelism(opts.MaxParallelism),
		graphql.MaxSelections(20_000),
		graphql.OverlapValidationLimit(100_000),
		// graphql-go writes each field and list entry into a pooled
		// buffer, pooled again only up to 16 KiB by default: a page of
		// 100 events (~20 KB) grew a new one each time (16% of a
		// GraphQL page's allocations in bench/'s served reads)
		graphql.MaxPooledBufferCap(pooledBufferCap),
	)
	if err != nil {
		return nil, fmt.Errorf("graphql schema: %w", err)
	}
	s.gql = gql
	return s, nil
}

// Options returns the schema's effective options (defaults filled in).
func (s *Schema) Options() Options { return s.opts }

// Response is a GraphQL response: data and the standard errors array.
type Response = graphql.Response

// QueryError is one entry of a response's errors array.
type QueryError = gqlerrors.QueryError

// Error codes put in an error's extensions.code.
const (
	CodeBadInput      = "BAD_USER_INPUT"
	CodeTimeout       = "TIMEOUT"
	CodeTooLarge      = "RESULT_TOO_LARGE"
	CodeInternalError = "INTERNAL_ERROR"
)

// Exec runs a query (with its operation name and variables) against one
// snapshot of the store. It never returns nil; errors are in the response.
func (s *Schema) Exec(ctx context.Context, query, operationName string, variables map[string]any) *Response {
	start := time.Now()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var resp *Response
	var rq *request
	// The snapshot carries ctx, so the time limit and a client that leaves
	// stop the store's long scans too, not only the resolvers between them.
	err := s.store.ViewContext(ctx, func(r graph.Snapshot) error {
		rq = newRequest(s, r, cancel)
		resp = s.gql.Exec(withRequest(ctx, rq), query, operationName, variables)
		return nil
	})
	if err != nil && ctx.Err() != nil {
		resp, err = &Response{}, nil // done before it started: said below
	}
	if err != nil {
		return &Response{Errors: []*QueryError{{
			Message:    "reading the graph failed: " + err.Error(),
			Extensions: map[string]any{"code": CodeInternalError},
		}}}
	}
	// A cancelled context makes graphql-go answer a bare "context canceled"
	// or "context deadline exceeded"; say what happened instead.
	var tooLarge *tooLargeError
	switch cause := context.Cause(ctx); {
	case errors.As(cause, &tooLarge):
		resp.Data = nil
		resp.Errors = []*QueryError{{
			Message:    tooLarge.Error(),
			Extensions: map[string]any{"code": CodeTooLarge, "maxNodes": s.opts.MaxNodes, "maxBytes": s.opts.MaxBytes, "field": tooLarge.field},
		}}
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(cause, context.DeadlineExceeded):
		limit := "its time limit"
		if dl, ok := ctx.Deadline(); ok {
			limit = dl.Sub(start).Round(time.Millisecond).String()
		}
		resp.Data = nil
		resp.Errors = []*QueryError{{
			Message: fmt.Sprintf("query timed out: it ran longer than the per-request limit (%s) and was stopped; "+
				"ask for fewer results (a smaller first:, narrower filters, fewer nested fields) and page with after:", limit),
			Extensions: map[string]any{"code": CodeTimeout},
		}}
	case cause != nil && errors.Is(cause, context.Canceled) && ctx.Err() != nil:
		resp.Data = nil
		resp.Errors = []*QueryError{{Message: "query cancelled by the client", Extensions: map[string]any{"code": CodeTimeout}}}
	}
	return resp
}
