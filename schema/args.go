package schema

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"eventgraph/graph"
	"eventgraph/graph/filter"
)

// argError is a bad argument value: its message names the argument and
// says what is accepted; extensions carry the code and the argument.
type argError struct {
	arg string
	msg string
}

func (e *argError) Error() string { return e.arg + ": " + e.msg }

// Extensions implements graphql-go's extensions hook.
func (e *argError) Extensions() map[string]any {
	return map[string]any{"code": CodeBadInput, "argument": e.arg}
}

func badArg(arg, format string, a ...any) error {
	return &argError{arg: arg, msg: fmt.Sprintf(format, a...)}
}

// pageSize validates a `first` argument.
func (s *Schema) pageSize(first *int32) (int, error) {
	if first == nil {
		return min(DefaultPageSize, s.opts.MaxPageSize), nil
	}
	n := int(*first)
	switch {
	case n < 0:
		return 0, badArg("first", "%d is negative; ask for 0 to %d items", n, s.opts.MaxPageSize)
	case n > s.opts.MaxPageSize:
		return 0, badArg("first", "%d is above the maximum page size of %d; ask for at most %d and page with after: pageInfo.endCursor", n, s.opts.MaxPageSize, s.opts.MaxPageSize)
	}
	return n, nil
}

// page validates a connection's `first` and `after` arguments; a request
// that selects only totalCount asks for no nodes.
func (s *Schema) page(ctx context.Context, first *int32, after *string) (n int, cur string, err error) {
	if n, err = s.pageSize(first); err != nil {
		return 0, "", err
	}
	if cur, err = cursor(after); err != nil {
		return 0, "", err
	}
	if !wantsPage(ctx) {
		n = 0
	}
	return n, cur, nil
}

// cursor validates an `after` argument.
func cursor(after *string) (string, error) {
	if after == nil || *after == "" {
		return "", nil
	}
	if _, err := graph.DecodeCursor(*after); err != nil {
		return "", badArg("after", "%q is not a cursor of this API; pass a pageInfo.endCursor or edges.cursor from a previous page", *after)
	}
	return *after, nil
}

// filterErr turns a bad filter value (package filter, the one policy for
// every front end) into a GraphQL argument error.
func filterErr(err error) error {
	var fe *filter.Error
	if errors.As(err, &fe) {
		return badArg(fe.Param, "%q %s", fe.Value, fe.Reason)
	}
	return err
}

// dateRange turns from/to arguments into inclusive day bounds, as package
// filter reads them.
func dateRange(from, to *string) (lo, hi string, err error) {
	lo, hi, err = filter.Filter{From: str(from), To: str(to)}.Days()
	return lo, hi, filterErr(err)
}

// graphErr makes a store error readable.
func graphErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, graph.ErrBadCursor):
		return badArg("after", "not a cursor of this API; pass a pageInfo.endCursor or edges.cursor from a previous page")
	}
	return err
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return strings.TrimSpace(*p)
}

func optStr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
