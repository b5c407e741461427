package bench

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/loader/extract"
	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

// buildBinary builds cmd/eventgraph into dir and returns its path.
func buildBinary(t testing.TB, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "eventgraph")
	out, err := exec.Command("go", "build", "-o", bin, "eventgraph/cmd/eventgraph").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestKillDuringLoad kills `eventgraph load` with SIGKILL at random points
// of a large load into one database, round after round, and after each
// round reopens the database and checks it: the indexes agree with the
// nodes (Store.Check), and every article is wholly in (all its events,
// actors, places and agreements stored) or wholly out (no evidence from
// it). A last load runs to the end and must store the whole corpus.
// -short runs 3 rounds instead of 20.
func TestKillDuringLoad(t *testing.T) {
	rounds := 20
	if testing.Short() {
		rounds = 3
	}
	work := t.TempDir()
	bin := buildBinary(t, work)
	corpusDir := filepath.Join(work, "corpus")
	if _, err := synth.WriteFiles(corpusDir, synth.Generate(200, 42)); err != nil {
		t.Fatal(err)
	}
	docs, errs := read.ReadPath(corpusDir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := make([]*graph.Facts, len(docs))
	for i, d := range docs {
		want[i] = extract.Article(d)
	}
	db := filepath.Join(work, "db")
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	// time one whole load, so that the kills fall across all of it
	start := time.Now()
	if out, err := exec.Command(bin, "load", "--db", filepath.Join(work, "timed"), corpusDir).CombinedOutput(); err != nil {
		t.Fatalf("timed load: %v\n%s", err, out)
	}
	span := time.Since(start)
	t.Logf("corpus: %d articles, a whole load takes %v", len(docs), span)
	for round := 0; round < rounds; round++ {
		if round%2 == 0 {
			// even rounds load into a new database, odd ones into the
			// one the last kill left: both a first load and a load
			// into a recovered database get killed
			if err := os.RemoveAll(db); err != nil {
				t.Fatal(err)
			}
		}
		delay := time.Duration(rng.Int63n(int64(span)))
		cmd := exec.Command(bin, "load", "--db", db, corpusDir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		killed := false
		select {
		case <-done:
		case <-time.After(delay):
			_ = cmd.Process.Kill() // SIGKILL
			<-done
			killed = true
		}
		in := verify(t, db, want)
		t.Logf("round %d: delay %v killed=%v, %d/%d articles in", round, delay, killed, in, len(want))
		if t.Failed() {
			return
		}

	}
	out, err := exec.Command(bin, "load", "--db", db, corpusDir).CombinedOutput()
	if err != nil {
		t.Fatalf("final load: %v\n%s", err, out)
	}
	if in := verify(t, db, want); in != len(want) {
		t.Errorf("after a full load %d of %d articles are stored", in, len(want))
	}
}

// verify opens the database, checks it and returns how many of the
// articles are stored, reporting any article that is only partly stored.
func verify(t *testing.T, dir string, want []*graph.Facts) int {
	t.Helper()
	st, err := graph.Open(graph.DefaultOptions(dir).WithLogger(quietLogger()))
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Errorf("inconsistent database: %v", err)
	}
	in := 0
	err = st.View(func(r graph.Snapshot) error {
		evidence := map[string]bool{} // article ID|start of every stored evidence
		if err := r.ForEachEvent(func(e graph.Event) error {
			for _, ev := range e.Evidence {
				evidence[fmt.Sprint(ev.ArticleID, "|", ev.Start)] = true
			}
			return nil
		}); err != nil {
			return err
		}
		// an agreement told by an article stored before is merged into
		// that one's node: found by its evidence then
		agreed := map[string]bool{} // article ID|start of every agreement's evidence
		if err := r.ForEachAgreement(func(g graph.Agreement) error {
			for _, ev := range g.Evidence {
				agreed[fmt.Sprint(ev.ArticleID, "|", ev.Start)] = true
			}
			return nil
		}); err != nil {
			return err
		}
		for _, f := range want {
			id := f.Article.ID
			var missing []string
			for _, e := range f.Events {
				for _, ev := range e.Evidence {
					if !evidence[fmt.Sprint(ev.ArticleID, "|", ev.Start)] {
						missing = append(missing, "event "+e.Title)
					}
				}
			}
			for _, a := range f.Actors {
				// a person may be stored under the identifier of a person
				// stored before (another spelling, or the same name of
				// another country): found by name then
				if !r.Has("actor", a.ID) && len(r.ActorsByName(a.Name)) == 0 {
					missing = append(missing, "actor "+a.Name)
				}
			}
			for _, p := range f.Places {
				if !r.Has("place", p.ID) {
					missing = append(missing, "place "+p.Name)
				}
			}
			for _, g := range f.Agreements {
				if !r.Has("agreement", g.ID) && (len(g.Evidence) == 0 || !agreed[fmt.Sprint(g.Evidence[0].ArticleID, "|", g.Evidence[0].Start)]) {
					missing = append(missing, "agreement "+g.Name)
				}
			}
			if !r.Has("article", id) {
				// wholly out: Check has already made sure that no
				// evidence names an article that is not stored.
				continue
			}
			in++
			if len(missing) > 0 {
				t.Errorf("article %q is partly stored: missing %v", f.Article.Title, missing)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}
