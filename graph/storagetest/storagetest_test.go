package storagetest

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"eventgraph/graph"
)

// memory opens an empty in-memory embedded store.
func memory(t *testing.T) graph.Storage {
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// broken is a store whose snapshots answer one kind of read wrongly.
type broken struct {
	graph.Storage
	wrap func(graph.Snapshot) graph.Snapshot
}

func (b broken) View(fn func(graph.Snapshot) error) error {
	return b.Storage.View(func(r graph.Snapshot) error { return fn(b.wrap(r)) })
}

func (b broken) ViewContext(ctx context.Context, fn func(graph.Snapshot) error) error {
	return b.Storage.ViewContext(ctx, func(r graph.Snapshot) error { return fn(b.wrap(r)) })
}

// Each kind of wrong answer is a snapshot type.
type (
	lastPageShort struct{ graph.Snapshot } // the last page of Events misses its last event
	noAliases     struct{ graph.Snapshot } // ActorsByName finds names only
	statsOff      struct{ graph.Snapshot } // Stats counts one event too many
	metaWithText  struct{ graph.Snapshot } // ArticleMeta keeps the text
)

func (s lastPageShort) Events(f graph.EventFilter, first int, after string) (graph.EventPage, error) {
	p, err := s.Snapshot.Events(f, first, after)
	if !p.HasNext && len(p.Edges) > 1 {
		p.Edges = p.Edges[:len(p.Edges)-1]
	}
	return p, err
}

func (s noAliases) ActorsByName(name string) []graph.Actor {
	var out []graph.Actor
	for _, a := range s.Snapshot.ActorsByName(name) {
		if a.Name == name {
			out = append(out, a)
		}
	}
	return out
}

func (s statsOff) Stats() (graph.Stats, error) {
	st, err := s.Snapshot.Stats()
	st.Events++
	return st, err
}

func (s metaWithText) ArticleMeta(id string) (graph.Article, error) { return s.Article(id) }

var brokenStores = map[string]struct {
	wrap func(graph.Snapshot) graph.Snapshot
	want string // in the failing suite's output
}{
	"last-page-short": {func(r graph.Snapshot) graph.Snapshot { return lastPageShort{r} }, "--- FAIL: TestBroken/events"},
	"no-aliases":      {func(r graph.Snapshot) graph.Snapshot { return noAliases{r} }, "--- FAIL: TestBroken/names"},
	"stats-off":       {func(r graph.Snapshot) graph.Snapshot { return statsOff{r} }, "--- FAIL: TestBroken/stats"},
	"meta-with-text":  {func(r graph.Snapshot) graph.Snapshot { return metaWithText{r} }, "--- FAIL: TestBroken/articles"},
}

// TestBroken runs the suite on the broken store named by
// STORAGETEST_BROKEN, in the child process TestSuiteFails starts.
func TestBroken(t *testing.T) {
	b, ok := brokenStores[os.Getenv("STORAGETEST_BROKEN")]
	if !ok {
		t.Skip("run by TestSuiteFails")
	}
	Run(t, func(t *testing.T) graph.Storage { return broken{memory(t), b.wrap} })
}

// TestSuiteFails: the suite fails, in the right part, on stores that
// answer one kind of read wrongly (graph's TestStorageConformance shows it
// passes the same store answering rightly).
func TestSuiteFails(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child test process per broken store")
	}
	for name, b := range brokenStores {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBroken$", "-test.v")
			cmd.Env = append(os.Environ(), "STORAGETEST_BROKEN="+name)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the suite passed a store with %s:\n%s", name, out)
			}
			if !strings.Contains(string(out), b.want) {
				t.Errorf("the suite failed on %s without %q:\n%s", name, b.want, out)
			}
		})
	}
}
