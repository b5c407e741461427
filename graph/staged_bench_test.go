package graph

import (
	"errors"
	"os"
	"strconv"
	"testing"
	"time"
)

// BenchmarkStagedUndo times the undo of a staged article beside its
// write, in the same run: an article of EVENTGRAPH_UNDO_REPORTS (default
// 12,000) reports' events (bigArticle, over a store of 300 small articles
// it partly merges into) is written into a store on disk with the load's
// 64 MiB memtables, then, into a fresh copy of that store, written again
// failing at its last transaction, so that its undo restores every key
// it changed. Reported: the write's and the undo's time, their ratio and
// the keys restored. The undo runs without a check of the context (it
// cannot be stopped), and a kill during it is safe (TestStagedKill).
//
//	go test -run '^$' -bench StagedUndo -benchtime 1x ./graph/
func BenchmarkStagedUndo(b *testing.B) {
	reports := 12000
	if v := os.Getenv("EVENTGRAPH_UNDO_REPORTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("EVENTGRAPH_UNDO_REPORTS=%q: want a number", v)
		}
		reports = n
	}
	c := mergeCorpus(300+reports, 17)
	base, big := c[:300], bigArticle("The Chronicle of the Long Season", c[300:])
	open := func() *Store {
		s, err := Open(DefaultOptions(b.TempDir()))
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range base {
			if _, err := s.PutFacts(f); err != nil {
				b.Fatal(err)
			}
		}
		return s
	}
	var write, undo time.Duration
	restored, txns := 0, 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := open()
		last := 0
		s.stageHook = func(step string, n int) error {
			if step == "published" {
				last = n
			}
			return nil
		}
		b.StartTimer()
		start := time.Now()
		if _, err := s.PutFacts(big); err != nil {
			b.Fatal(err)
		}
		write += time.Since(start)
		b.StopTimer()
		if last < 2 {
			b.Fatalf("the article written in %d transactions: not staged", last)
		}
		txns = last
		_ = s.Close()

		s = open()
		boom := errors.New("the last transaction fails")
		var undoStart time.Time
		s.stageHook = func(step string, n int) error {
			switch {
			case step == "txn" && n == last:
				return boom
			case step == "undo":
				undoStart = time.Now()
			case step == "undo-restored":
				restored = n
			}
			return nil
		}
		b.StartTimer()
		if _, err := s.PutFacts(big); !errors.Is(err, boom) {
			b.Fatalf("PutFacts: %v, want the failure", err)
		}
		undo += time.Since(undoStart)
		b.StopTimer()
		if err := s.Check(); err != nil {
			b.Fatal(err)
		}
		_ = s.Close()
	}
	b.ReportMetric(write.Seconds()/float64(b.N), "write-s")
	b.ReportMetric(undo.Seconds()/float64(b.N), "undo-s")
	b.ReportMetric(undo.Seconds()/write.Seconds(), "undo/write")
	b.ReportMetric(float64(restored), "keys-restored")
	b.ReportMetric(float64(txns), "txns")
	b.ReportMetric(float64(len(big.Article.Text))/(1<<20), "text-MiB")
	b.ReportMetric(float64(len(big.Events)), "events")
}
