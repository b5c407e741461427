package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// bigArticle makes one article of the reports' events (mergeCorpus):
// their sentences are its text, each event's evidence where its
// sentence is, its actors and places those of all of them.
func bigArticle(name string, reports []*Facts) *Facts {
	var text strings.Builder
	text.WriteString(name + "\n\n")
	art := Article{Title: name, Published: "2023-05-07"}
	type span struct{ start, end int }
	at := make([]span, len(reports))
	for i, r := range reports {
		s := r.Events[0].Evidence[0].Sentence
		at[i] = span{text.Len(), text.Len() + len(s)}
		text.WriteString(s + " ")
	}
	art.Text = text.String()
	art.ID = ArticleID(art)
	f := &Facts{Article: art}
	actors := map[string]int{}
	places := map[string]bool{}
	for i, r := range reports {
		for _, a := range r.Actors {
			if j, ok := actors[a.ID]; ok {
				if a.Name != f.Actors[j].Name {
					f.Actors[j].Aliases = uniqueStrings(append(f.Actors[j].Aliases, a.Name), f.Actors[j].Name)
				}
				continue
			}
			actors[a.ID] = len(f.Actors)
			f.Actors = append(f.Actors, a)
		}
		for _, p := range r.Places {
			if !places[p.ID] {
				places[p.ID] = true
				f.Places = append(f.Places, p)
			}
		}
		e := r.Events[0]
		e.ID = NewID("event", art.ID, strconv.Itoa(i))
		e.Evidence = []Evidence{{ArticleID: art.ID, Sentence: e.Evidence[0].Sentence, Start: at[i].start, End: at[i].end}}
		e.Quantities = append([]Quantity{}, e.Quantities...)
		for j := range e.Quantities {
			e.Quantities[j].ArticleID = art.ID
		}
		for _, g := range r.Agreements {
			g.ID = NewID("agreement", art.ID, strconv.Itoa(i))
			g.EventID, g.Evidence = e.ID, e.Evidence
			e.AgreementID = g.ID
			f.Agreements = append(f.Agreements, g)
		}
		e.Participants = append([]Participation{}, e.Participants...)
		f.Events = append(f.Events, e)
	}
	return f
}

// stagedCorpus is a load of small articles and two large ones (each of
// 180 reports' events, many merging into stored events, their actors
// and places shared with stored ones), the first of the large ones
// loaded twice.
func stagedCorpus() []*Facts {
	c := mergeCorpus(600, 11)
	var out []*Facts
	out = append(out, c[:200]...)
	big1 := bigArticle("The First Long Chronicle of the Coast", c[200:380])
	out = append(out, big1)
	out = append(out, c[380:420]...)
	out = append(out, bigArticle("The Second Long Chronicle of the Coast", c[420:600]), big1)
	return out
}

// openSmall opens a store whose transactions hold a few hundred keys (a
// 1 MiB memtable), in dir or in memory.
func openSmall(t *testing.T, dir string, readOnly bool) (*Store, error) {
	t.Helper()
	opt := DefaultOptions(dir).WithInMemory(dir == "").WithReadOnly(readOnly)
	opt.memTable = 1 << 20
	return Open(opt)
}

// load writes the articles one by one, or in batches of 25 (an article
// of over 100 events in a batch of its own: the merges of a batch's
// articles against each other are not always those of the articles one
// after the other, so that the store is the same whether the large
// loadedSmall opens a store with small memtables (in dir; "" for one in
// memory) holding fs, for a staged write's test, and returns it with its
// dump (graphDump) from before that write; the test closes it.
func loadedSmall(t *testing.T, dir string, fs []*Facts) (*Store, map[string]string) {
	t.Helper()
	s, err := openSmall(t, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	load(t, s, fs, false)
	return s, graphDump(t, s)
}

// article is staged or not).
func load(t *testing.T, s *Store, fs []*Facts, batch bool) []PutResult {
	t.Helper()
	var out []PutResult
	if !batch {
		for _, f := range fs {
			r, err := s.PutFacts(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
		return out
	}
	for i := 0; i < len(fs); {
		j := i + 1
		for len(fs[i].Events) <= 100 && j < min(i+25, len(fs)) && len(fs[j].Events) <= 100 {
			j++
		}
		res, errs := s.PutFactsBatch(fs[i:j])
		i = j
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, res...)
	}
	return out
}

// An article whose facts do not fit in one transaction is stored wholly,
// in several: the store is key for key the one where every article fits
// in one (the same merges into stored events, actors and agreements), by
// PutFacts and PutFactsBatch, with no staging key left; the article reads
// as a small one does, and loading it again changes nothing.
func TestStagedSameGraph(t *testing.T) {
	corpus := stagedCorpus()
	big := corpus[200]
	for _, batch := range []bool{false, true} {
		t.Run(fmt.Sprintf("batch=%v", batch), func(t *testing.T) {
			ref := openMergeStore(t, true)
			refRes := load(t, ref, corpus, batch)
			if ref.staged != 0 {
				t.Fatalf("%d articles staged with 64 MiB memtables: the corpus tests nothing", ref.staged)
			}
			want := graphDump(t, ref)
			if refRes[200].Merged < 20 || refRes[200].Events < 20 {
				t.Errorf("the large article: %+v, want many events new and many merged", refRes[200])
			}
			s, err := openSmall(t, "", false)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			txns := 0
			s.stageHook = func(step string, n int) error {
				if step == "published" {
					txns += n
				}
				return nil
			}
			res := load(t, s, corpus, batch)
			if s.staged != 2 || txns < 6 {
				t.Errorf("%d articles staged in %d transactions, want the 2 large ones in several each", s.staged, txns)
			}
			for i := range res {
				if res[i] != refRes[i] {
					t.Errorf("article %d: %+v, in one transaction %+v", i, res[i], refRes[i])
				}
			}
			got := graphDump(t, s)
			for k := range got {
				if strings.HasPrefix(k, pStaged) || strings.HasPrefix(k, pUndo) {
					t.Fatalf("staging key %q left", k)
				}
			}
			sameDumps(t, got, want)
			if err := s.Check(); err != nil {
				t.Error(err)
			}
			a, err := s.Article(big.Article.ID)
			if err != nil || a.Text != big.Article.Text {
				t.Fatalf("the large article reads %q, %v", a.Title, err)
			}
			n := 0
			err = s.view(func(r *Reader) error {
				return r.ForEachEventOfArticle(big.Article.ID, func(Event) error { n++; return nil })
			})
			if err != nil || n < len(big.Events)/2 {
				t.Errorf("%d events of the large article's %d read, %v", n, len(big.Events), err)
			}
		})
	}
}

// dumpOf is graphDump without the version (a failed or undone write does
// not stamp it, but a load that reaches the end does).
func dumpOf(t *testing.T, s *Store) map[string]string {
	d := graphDump(t, s)
	delete(d, kVersion)
	return d
}

// A staged write that fails midway is undone: the store is as it was
// before it, the readers saw nothing of it meanwhile, and the article
// loads afterwards. The readers of the store during the write share the
// snapshot from before it.
func TestStagedFailureUndone(t *testing.T) {
	corpus := stagedCorpus()
	big := corpus[200]
	s, before := loadedSmall(t, "", corpus[:200])
	defer s.Close()
	boom := errors.New("the disk went away")
	var seen []string
	s.stageHook = func(step string, n int) error {
		if step != "txn" {
			return nil
		}
		// a reader in the middle of the write sees the store as before
		if _, err := s.Article(big.Article.ID); !errors.Is(err, ErrNotFound) {
			seen = append(seen, fmt.Sprintf("after %d transactions the article reads: %v", n, err))
		}
		events := 0
		if err := s.view(func(r *Reader) error {
			return r.ForEachEventOfArticle(big.Article.ID, func(Event) error { events++; return nil })
		}); err != nil || events > 0 {
			seen = append(seen, fmt.Sprintf("after %d transactions %d events of it read (%v)", n, events, err))
		}
		if err := s.Check(); err != nil {
			seen = append(seen, err.Error())
		}
		if n == 4 {
			return boom
		}
		return nil
	}
	if _, err := s.PutFacts(big); !errors.Is(err, boom) {
		t.Fatalf("PutFacts: %v, want the failure", err)
	}
	for _, m := range seen {
		t.Error(m)
	}
	sameDumps(t, graphDump(t, s), before)
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	s.stageHook = nil
	load(t, s, corpus[200:], false)
	ref := openMergeStore(t, true)
	load(t, ref, corpus, false)
	sameDumps(t, dumpOf(t, s), dumpOf(t, ref))
}

// TestStagedKillChild is the process TestStagedKill kills: it writes
// the large article into the store of EVENTGRAPH_STAGED_DIR and stops
// forever after the transaction EVENTGRAPH_STAGED_AT (a number, or
// "published"), saying so on stdout; or, when that is a step of the undo
// ("undo", "undo-restoring", "undo-restored"), fails the
// write after its third transaction and stops at that step of its undo.
func TestStagedKillChild(t *testing.T) {
	dir := os.Getenv("EVENTGRAPH_STAGED_DIR")
	if dir == "" {
		t.Skip("run by TestStagedKill")
	}
	at := os.Getenv("EVENTGRAPH_STAGED_AT")
	s, err := openSmall(t, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	s.stageHook = func(step string, n int) error {
		if at == "close" && step == "txn" && n == 2 {
			// Badger's files as a clean close leaves them, the
			// write unpublished
			if err := s.db.Close(); err != nil {
				t.Fatal(err)
			}
			fmt.Printf("stopped at %s %d\n", step, n)
			time.Sleep(time.Hour)
		}
		if strings.HasPrefix(at, "undo") && step == "txn" && n == 3 {
			return errors.New("the write fails")
		}
		if step == at || step == "txn" && strconv.Itoa(n) == at {
			fmt.Printf("stopped at %s %d\n", step, n)
			time.Sleep(time.Hour)
		}
		return nil
	}
	_, err = s.PutFacts(stagedCorpus()[200])
	t.Fatalf("the write ended: %v", err)
}

// A kill (SIGKILL) in the middle of a staged write, or of the undo of
// one that failed (at its start, while it restores the saved values,
// after it restored them all and deleted them), leaves the article
// wholly absent: a read-only open refuses the store until a write open
// has undone the write, which leaves the store as before it, consistent;
// the article then loads. A kill after its publication leaves it wholly
// there, and the write open deletes what the write had saved.
func TestStagedKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	corpus := stagedCorpus()
	ref := openMergeStore(t, true)
	load(t, ref, corpus[:201], false)
	after := dumpOf(t, ref)
	for _, at := range []string{"1", "3", "close", "published", "undo", "undo-restoring", "undo-restored"} {
		t.Run("at "+at, func(t *testing.T) {
			dir := t.TempDir()
			s, err := openSmall(t, dir, false)
			if err != nil {
				t.Fatal(err)
			}
			load(t, s, corpus[:200], false)
			before := dumpOf(t, s)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestStagedKillChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "EVENTGRAPH_STAGED_DIR="+dir, "EVENTGRAPH_STAGED_AT="+at)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line := make(chan string, 1)
			go func() {
				sc := bufio.NewScanner(out)
				for sc.Scan() {
					if strings.HasPrefix(sc.Text(), "stopped at") {
						line <- sc.Text()
						return
					}
				}
				close(line)
			}()
			select {
			case l, ok := <-line:
				if !ok {
					_ = cmd.Wait()
					t.Fatal("the writer ended without stopping")
				}
				t.Log(l)
			case <-time.After(2 * time.Minute):
				_ = cmd.Process.Kill()
				t.Fatal("the writer did not stop")
			}
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Wait()

			// a read-only open either refuses the store or needs Badger's
			// recovery (a write open, as backend.Open does then), except
			// after the publication
			ro, err := openSmall(t, dir, true)
			switch {
			case err == nil:
				_ = ro.Close()
				if at != "published" {
					t.Fatal("a read-only open reads the interrupted write")
				}
			case at == "close" && !errors.Is(err, ErrInterruptedWrite):
				t.Fatalf("read-only open: %v, want ErrInterruptedWrite", err)
			case !errors.Is(err, ErrInterruptedWrite):
				t.Logf("read-only open: %v", err)
			}
			s, err = openSmall(t, dir, false)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Check(); err != nil {
				t.Error(err)
			}
			got := dumpOf(t, s)
			if at == "published" {
				sameDumps(t, got, after)
				return
			}
			sameDumps(t, got, before)
			load(t, s, corpus[200:201], false)
			sameDumps(t, dumpOf(t, s), after)
		})
	}
}

// Readers running beside a staged write see the large article wholly or
// not at all: its events are all read or none, and the article is read
// when they are.
func TestStagedReadersConcurrent(t *testing.T) {
	corpus := stagedCorpus()
	big := corpus[200]
	count := func(s *Store) (int, bool) {
		n := 0
		stored := false
		err := s.view(func(r *Reader) error {
			_, err := r.Article(big.Article.ID)
			stored = err == nil
			return r.ForEachEventOfArticle(big.Article.ID, func(Event) error { n++; return nil })
		})
		if err != nil {
			t.Error(err)
		}
		return n, stored
	}
	ref := openMergeStore(t, true)
	load(t, ref, corpus[:201], false)
	want, _ := count(ref)
	s, err := openSmall(t, "", false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	load(t, s, corpus[:200], false)
	done := make(chan struct{})
	errs := make(chan string, 100)
	reads := make(chan int, 4)
	for g := 0; g < 4; g++ {
		go func() {
			n := 0
			defer func() { reads <- n }()
			for {
				select {
				case <-done:
					return
				default:
				}
				got, stored := count(s)
				if (got != 0 || stored) && (got != want || !stored) {
					select {
					case errs <- fmt.Sprintf("a reader read %d of the article's %d events (article read: %v)", got, want, stored):
					default:
					}
				}
				n++
			}
		}()
	}
	if _, err := s.PutFacts(big); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	close(done)
	total := 0
	for g := 0; g < 4; g++ {
		total += <-reads
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if s.staged != 1 {
		t.Errorf("%d articles staged, want 1", s.staged)
	}
	if got, stored := count(s); got != want || !stored {
		t.Errorf("after the write: %d of %d events, article read: %v", got, want, stored)
	}
	t.Logf("%d reads beside the write", total)
}

// A staged write whose context is done stops between two transactions
// and is undone: the error wraps the context's, the store is as before.
func TestStagedStopped(t *testing.T) {
	corpus := stagedCorpus()
	s, before := loadedSmall(t, "", corpus[:200])
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.stageHook = func(step string, n int) error {
		if step == "txn" && n == 2 {
			cancel()
		}
		return nil
	}
	if _, err := s.PutFactsContext(ctx, corpus[200]); !errors.Is(err, context.Canceled) {
		t.Fatalf("PutFactsContext: %v, want the write stopped", err)
	}
	sameDumps(t, graphDump(t, s), before)
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// An undo that fails midway (at each of its steps) leaves the marker:
// Check reports it, and the undo the next open for writing runs
// (recoverStaged) leaves the store as before the write.
func TestStagedUndoInterrupted(t *testing.T) {
	corpus := stagedCorpus()
	for _, at := range []string{"undo", "undo-restoring", "undo-restored"} {
		t.Run(at, func(t *testing.T) {
			s, before := loadedSmall(t, "", corpus[:200])
			defer s.Close()
			boom, stop := errors.New("the write fails"), errors.New("the undo stops")
			reached := false
			s.stageHook = func(step string, n int) error {
				switch {
				case step == "txn" && n == 4:
					return boom
				case step == at:
					reached = true
					return stop
				}
				return nil
			}
			if _, err := s.PutFacts(corpus[200]); !errors.Is(err, boom) || !errors.Is(err, stop) {
				t.Fatalf("PutFacts: %v, want the write and its undo failed", err)
			}
			if !reached {
				t.Fatalf("the undo did not reach %s", at)
			}
			if err := s.Check(); err == nil || !strings.Contains(err.Error(), "interrupted and not undone") {
				t.Errorf("Check after an interrupted undo: %v", err)
			}
			s.stageHook = nil
			if n, err := s.recoverStaged(); n != 1 || err != nil {
				t.Fatalf("recoverStaged: %d, %v; want the write undone", n, err)
			}
			sameDumps(t, graphDump(t, s), before)
			if err := s.Check(); err != nil {
				t.Error(err)
			}
		})
	}
}

// A staged write stopped with a context of UndoAtNextOpen returns at
// once, its undo left: the Store's readers still read the store as before
// it; the Store's next write undoes it first, and so does the next open
// for writing after a Close (a read-only open refuses the database
// meanwhile). Either way the store is then as before the write.
func TestStagedStoppedUndoLater(t *testing.T) {
	corpus := stagedCorpus()
	big := corpus[200]
	for _, next := range []string{"write", "reopen"} {
		t.Run(next, func(t *testing.T) {
			dir := t.TempDir()
			s, err := openSmall(t, dir, false)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = s.Close() }()
			load(t, s, corpus[:200], false)
			before := dumpOf(t, s)
			ctx, cancel := context.WithCancel(UndoAtNextOpen(context.Background()))
			defer cancel()
			undone := false
			s.stageHook = func(step string, n int) error {
				switch {
				case step == "txn" && n == 2:
					cancel()
				case step == "undo":
					undone = true
				}
				return nil
			}
			if _, err := s.PutFactsContext(ctx, big); !errors.Is(err, context.Canceled) {
				t.Fatalf("PutFactsContext: %v, want the write stopped", err)
			}
			if undone {
				t.Fatal("undone before returning")
			}
			if _, err := s.Article(big.Article.ID); !errors.Is(err, ErrNotFound) {
				t.Errorf("a reader reads the stopped article: %v", err)
			}
			if err := s.view(func(r *Reader) error {
				n := 0
				err := r.ForEachEventOfArticle(big.Article.ID, func(Event) error { n++; return nil })
				if n > 0 {
					t.Errorf("a reader reads %d events of the stopped article", n)
				}
				return err
			}); err != nil {
				t.Fatal(err)
			}
			s.stageHook = nil
			if next == "write" {
				if _, err := s.PutFacts(corpus[201]); err != nil {
					t.Fatal(err)
				}
				ref := openMergeStore(t, true)
				load(t, ref, corpus[:200], false)
				load(t, ref, corpus[201:202], false)
				sameDumps(t, dumpOf(t, s), dumpOf(t, ref))
			} else {
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
				if _, err := openSmall(t, dir, true); !errors.Is(err, ErrInterruptedWrite) {
					t.Errorf("read-only open: %v, want ErrInterruptedWrite", err)
				}
				if s, err = openSmall(t, dir, false); err != nil {
					t.Fatal(err)
				}
				sameDumps(t, dumpOf(t, s), before)
			}
			if err := s.Check(); err != nil {
				t.Error(err)
			}
		})
	}
}
