package main

import (
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"eventgraph/loader/synth"
)

// parallelCorpus writes made-up articles published within three weeks, so
// that their events merge across articles, and returns the folder.
func parallelCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	from := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	docs := synth.GenerateWith(n, 5, synth.Options{Paragraphs: 4, From: from, To: from.AddDate(0, 0, 21)})
	if _, err := synth.WriteFiles(dir, docs); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestJobsSameGraph: a load with one extraction worker and one with four
// store the same graph, byte for byte as the exports show (IDs, merges
// across articles, evidence and order), because facts are stored in input
// order whatever the number of workers.
func TestJobsSameGraph(t *testing.T) {
	n := 60
	if testing.Short() {
		n = 30
	}
	corpus := parallelCorpus(t, n)
	counts := regexp.MustCompile(`^loaded .* words`)
	var summary string
	exports := map[string]string{}
	for _, jobs := range []string{"1", "4"} {
		db := t.TempDir()
		r := eventgraph(t, "", "load", "--db", db, "--jobs", jobs, seeds, corpus)
		r.check(t, 0, []string{"loaded"}, nil)
		got := counts.FindString(r.stdout)
		if summary == "" {
			summary = got
			if !regexp.MustCompile(`\([1-9][0-9]* merged into existing\)`).MatchString(got) {
				t.Fatalf("the corpus gave no merges across articles, which the test needs: %s", got)
			}
		} else if got != summary {
			t.Errorf("--jobs %s: %q, --jobs 1: %q", jobs, got, summary)
		}
		for _, format := range []string{"jsonl", "gexf"} {
			out := eventgraph(t, "", "export", "--db", db, "--format", format)
			out.check(t, 0, nil, nil)
			if prev, ok := exports[format]; !ok {
				exports[format] = out.stdout
			} else if out.stdout != prev {
				t.Errorf("--jobs %s: the %s export differs from --jobs 1's (%d bytes, want %d)", jobs, format, len(out.stdout), len(prev))
			}
		}
	}
}

// TestJobsUsage: --jobs takes a positive number.
func TestJobsUsage(t *testing.T) {
	for _, v := range []string{"0", "-2", "many"} {
		r := eventgraph(t, "", "load", "--db", t.TempDir(), "--jobs", v, seeds)
		r.check(t, exitUsage, nil, []string{"jobs"})
	}
}
