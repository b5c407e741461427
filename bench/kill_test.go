package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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

// killRounds is how many rounds TestKillDuringLoad runs: 20 (the number
// make test runs in CI), 3 with -short, or EVENTGRAPH_KILL_ROUNDS (make
// test-kill ROUNDS=200).
func killRounds(t *testing.T) int {
	if v := os.Getenv("EVENTGRAPH_KILL_ROUNDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("EVENTGRAPH_KILL_ROUNDS=%q: want a number of rounds", v)
		}
		return n
	}
	if testing.Short() {
		return 3
	}
	return 20
}

// TestKillDuringLoad kills `eventgraph load` with SIGKILL at random points
// of a large load into one database, round after round, and after each
// round opens the database the kill left with a command: by turns a
// reading command (query, timeline, export: a read-only open, which must
// recover the database when Badger needs it) or none, so that the first
// open is verify's, for writing, as load and serve open it. Then it checks
// the database: the indexes agree with the nodes (Store.Check), and every
// article is wholly in (all its events, actors, places and agreements
// stored) or wholly out (no evidence from it); query must count the same
// articles. A last load runs to the end and must store the whole corpus.
// It stops at the first failing round; killRounds says how many it runs.
func TestKillDuringLoad(t *testing.T) {
	rounds := killRounds(t)
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
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	// time one whole load, so that the kills fall across all of it
	start := time.Now()
	if out, err := exec.Command(bin, "load", "--db", filepath.Join(work, "timed"), corpusDir).CombinedOutput(); err != nil {
		t.Fatalf("timed load: %v\n%s", err, out)
	}
	span := time.Since(start)
	t.Logf("corpus: %d articles, a whole load takes %v; %d rounds, seed %d", len(docs), span, rounds, seed)
	// a load into the database the last kill left has less to store: its
	// kills fall within the time the last such load took that ended
	// before its kill, a quarter longer after each kill (up to span)
	resumed := span
	killed := 0
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
		if round%2 == 1 {
			delay = time.Duration(rng.Int63n(int64(resumed)))
		}
		cmd := exec.Command(bin, "load", "--db", db, corpusDir)
		started := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		wasKilled := false
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: load ended before the kill: %v", round, err)
			}
			if round%2 == 1 {
				resumed = max(time.Since(started), time.Millisecond)
			}
		case <-time.After(delay):
			_ = cmd.Process.Kill() // SIGKILL
			<-done
			wasKilled = true
			killed++
			if round%2 == 1 {
				resumed = min(resumed*5/4, span)
			}
		}
		// the first command to open the killed database, by turns
		reader := []string{"query", "timeline", "export", ""}[round%4]
		count := -1
		if reader != "" {
			count = readAfterKill(t, bin, db, reader, filepath.Join(work, "out"))
		}
		in := verify(t, db, want)
		if count >= 0 && count != in {
			t.Errorf("round %d: query counts %d articles, the store holds %d", round, count, in)
		}
		t.Logf("round %d: delay %v killed=%v, opened first by %q, %d/%d articles in", round, delay, wasKilled, reader, in, len(want))
		if t.Failed() {
			t.Fatalf("round %d failed after %d rounds in a row passed (seed %d)", round, round, seed)
		}
	}
	loadAll(t, bin, db, corpusDir, want)
	t.Logf("%d rounds in a row passed (%d killed mid-load, the others ended first)", rounds, killed)
}

// readAfterKill runs the reading command name (query, timeline or export)
// on the database db, which a kill may have left for Badger to recover,
// and fails the test unless it succeeds. For query it returns the number
// of articles the command counts, else -1. out is a scratch file.
func readAfterKill(t *testing.T, bin, db, name, out string) int {
	t.Helper()
	args := map[string][]string{
		"query":    {"query", "--db", db, countQuery},
		"timeline": {"timeline", "--db", db, "--format", "json"},
		"export":   {"export", "--db", db, "--format", "jsonl", "--out", out},
	}[name]
	// a kill before Badger wrote its MANIFEST leaves no database (or
	// no folder): then the command must say to load articles
	_, err := os.Stat(filepath.Join(db, "MANIFEST"))
	empty := err != nil
	stdout, err := exec.Command(bin, args...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		if empty && bytes.Contains(stderr, []byte("eventgraph load --db "+db+" PATH")) {
			return 0
		}
		t.Errorf("%s after a kill: %v\n%s", name, err, stderr)
		return -1
	}
	if empty {
		t.Errorf("%s after a kill before anything was stored: exit 0, want a message to load articles", name)
	}
	if name != "query" {
		return -1
	}
	n, err := articleCount(stdout)
	if err != nil {
		t.Errorf("query after a kill: %v\n%s", err, stdout)
		return -1
	}
	return n
}

// countQuery asks a store how many articles it holds.
const countQuery = `{ articles(first: 1) { totalCount } }`

// articleCount reads the answer of `eventgraph query` to countQuery.
func articleCount(stdout []byte) (int, error) {
	var resp struct {
		Data struct {
			Articles struct {
				TotalCount int `json:"totalCount"`
			} `json:"articles"`
		} `json:"data"`
	}
	err := json.Unmarshal(stdout, &resp)
	return resp.Data.Articles.TotalCount, err
}

// loadAll loads dir into db with the binary and fails the test unless
// every article of want is then stored.
func loadAll(t *testing.T, bin, db, dir string, want []*graph.Facts) {
	t.Helper()
	out, err := exec.Command(bin, "load", "--db", db, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("final load: %v\n%s", err, out)
	}
	if in := verify(t, db, want); in != len(want) {
		t.Errorf("after the last load %d of %d articles are stored", in, len(want))
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

// TestKillDuringLargeArticle kills `eventgraph load` with SIGKILL at a
// random point of the load of one article whose facts do not fit in one
// transaction (about 6,000 events, written in several and published by a
// last one, graph/staged.go), into a database holding articles that many
// of its events merge into. After each kill a reading command opens the
// database first (read-only, which refuses a write left unpublished, so
// the command reopens it for writing and the write is undone); then the
// database must pass Check and hold the large article wholly or not at
// all, the articles stored before it whole. Every second round stops the
// load with SIGINT instead, which leaves the undo of a write under way to
// the next open for writing (graph.UndoAtNextOpen) in the same way. A
// last load stores it.
func TestKillDuringLargeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a megabyte article several times")
	}
	rounds := 2
	if v := os.Getenv("EVENTGRAPH_KILL_LARGE_ROUNDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("EVENTGRAPH_KILL_LARGE_ROUNDS=%q: want a number of rounds", v)
		}
		rounds = n
	}
	work := t.TempDir()
	bin := buildBinary(t, work)
	// the articles stored before: the large article tells their events again
	before := synth.Generate(40, 61)
	baseDir := filepath.Join(work, "before")
	if _, err := synth.WriteFiles(baseDir, before); err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	for _, d := range append(before, synth.Generate(2400, 62)...) {
		for _, p := range strings.Split(strings.TrimPrefix(d.Text, d.Title+"\n\n"), "\n\n") {
			if body.Len()+len(p) > 1<<20 {
				break
			}
			body.WriteString(p + "\n\n")
		}
	}
	large := filepath.Join(work, "large.txt")
	text := "title: A Year Along the Border, Week by Week\npublished: 2024-12-30\n---\n" + body.String()
	if err := os.WriteFile(large, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, errs := read.ReadPath(baseDir)
	ldocs, lerrs := read.ReadPath(large)
	if len(errs)+len(lerrs) > 0 || len(ldocs) != 1 {
		t.Fatal(errs, lerrs)
	}
	var want []*graph.Facts
	for _, d := range append(docs, ldocs...) {
		want = append(want, extract.Article(d))
	}
	if n := len(want[len(want)-1].Events); n < 5000 {
		t.Fatalf("the large article has %d events, want more than one transaction holds", n)
	}
	db := filepath.Join(work, "db")
	loadBefore := func() {
		if err := os.RemoveAll(db); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, "load", "--db", db, baseDir).CombinedOutput(); err != nil {
			t.Fatalf("load: %v\n%s", err, out)
		}
	}
	loadBefore()
	start := time.Now()
	if out, err := exec.Command(bin, "load", "--db", db, large).CombinedOutput(); err != nil || !bytes.Contains(out, []byte("loaded 1 articles")) {
		t.Fatalf("timed load: %v\n%s", err, out)
	}
	span := time.Since(start)
	if in := verify(t, db, want); in != len(want) {
		t.Fatalf("after a whole load %d of %d articles are stored", in, len(want))
	}
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("the large article: %d events, loaded in %v; %d rounds, seed %d", len(want[len(want)-1].Events), span, rounds, seed)
	interrupted := 0
	for round := 0; round < rounds; round++ {
		loadBefore()
		// after the first third of the load (opening, reading): its
		// extraction, then its transactions
		delay := span/3 + time.Duration(rng.Int63n(int64(span*2/3)))
		cmd := exec.Command(bin, "load", "--db", db, large)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: load failed: %v", round, err)
			}
		case <-time.After(delay):
			if round%2 == 1 {
				// stopped: exit 1 (or 0 when it ended meanwhile)
				_ = cmd.Process.Signal(os.Interrupt)
				if err := <-done; err != nil && cmd.ProcessState.ExitCode() != 1 {
					t.Fatalf("round %d: load after SIGINT: %v", round, err)
				}
			} else {
				_ = cmd.Process.Kill()
				<-done
			}
		}
		q := exec.Command(bin, "query", "--db", db, countQuery)
		var stderr bytes.Buffer
		q.Stderr = &stderr
		stdout, err := q.Output()
		count, jerr := articleCount(stdout)
		if err != nil || jerr != nil {
			t.Fatalf("round %d: query after the kill: %v %v\n%s%s", round, err, jerr, stdout, stderr.Bytes())
		}
		if bytes.Contains(stderr.Bytes(), []byte("undid the interrupted write")) {
			interrupted++
		}
		in := verify(t, db, want)
		if count != in || in < len(want)-1 {
			t.Errorf("round %d: query counts %d articles, the store holds %d of %d", round, count, in, len(want))
		}
		how := "killed"
		if round%2 == 1 {
			how = "stopped by SIGINT"
		}
		t.Logf("round %d: %s after %v, large article stored: %v", round, how, delay, in == len(want))
		if t.Failed() {
			t.Fatalf("round %d failed (seed %d)", round, seed)
		}
	}
	loadAll(t, bin, db, large, want)
	t.Logf("%d rounds; %d left an unpublished write that the reading command's open undid", rounds, interrupted)
}
