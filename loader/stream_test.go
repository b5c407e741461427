package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventgraph/graph"
	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

// articleFolder writes n made-up articles, one text file each, in a new
// folder, in the order the loader reads them.
func articleFolder(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i, d := range synth.Generate(n, 7) {
		body := "title: " + d.Title + "\npublished: " + d.Published + "\n---\n" + strings.TrimPrefix(d.Text, d.Title+"\n\n")
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func storedArticles(t *testing.T, st *graph.Store) int {
	t.Helper()
	n := 0
	if err := st.View(func(r graph.Snapshot) error {
		p, err := r.Articles(0, "")
		n = p.Total
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// withFileHook sets fileRead for one test.
func withFileHook(t *testing.T, fn func(docs []read.Document)) {
	fileRead = fn
	t.Cleanup(func() { fileRead = nil })
}

// A folder is stored file by file: when a file is read, all but InFlight
// of the articles read before it are already in the store (reading the
// whole folder first would find none stored).
func TestLoadStreamsFileByFile(t *testing.T) {
	const files = 12
	for _, tc := range []struct{ workers, inFlight int }{{1, 1}, {1, 2}, {2, 3}} {
		t.Run(fmt.Sprintf("workers=%d,inFlight=%d", tc.workers, tc.inFlight), func(t *testing.T) {
			dir := articleFolder(t, files)
			st := openStore(t)
			nRead := 0
			withFileHook(t, func([]read.Document) {
				nRead++
				if got, least := storedArticles(t, st), nRead-1-tc.inFlight; got < least {
					t.Errorf("file %d read with %d articles stored, want at least %d", nRead, got, least)
				}
			})
			sum := New(st, Options{Logger: quietLogger(), Workers: tc.workers, InFlight: tc.inFlight}).LoadPaths(context.Background(), []string{dir})
			if sum.Articles != files || len(sum.Errors) != 0 || nRead != files {
				t.Fatalf("%d files read, summary %+v", nRead, sum)
			}
		})
	}
}

// Cancelling a load while a folder is read stops the reading at the next
// file and gives one summary error, not one per article.
func TestCancelWhileReadingFolder(t *testing.T) {
	dir := articleFolder(t, 10)
	st := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	nRead := 0
	withFileHook(t, func([]read.Document) {
		if nRead++; nRead == 3 {
			cancel()
		}
	})
	sum := New(st, Options{Logger: quietLogger(), Workers: 1, InFlight: 1}).LoadPaths(ctx, []string{dir})
	if nRead != 3 {
		t.Errorf("%d files read, want 3 (none after the cancel)", nRead)
	}
	if len(sum.Errors) != 1 || !errors.Is(sum.Errors[0], context.Canceled) || !strings.Contains(sum.Errors[0].Error(), "the rest of the input not read") {
		t.Fatalf("errors %q, want one summary line", sum.Errors)
	}
	if sum.Articles > 2 || storedArticles(t, st) != sum.Articles {
		t.Errorf("%d articles stored (%d in the store), want at most the 2 read before the cancel", sum.Articles, storedArticles(t, st))
	}
}

// A JSON Lines file is stored record by record: when a record is taken in,
// all but InFlight of the records before it are already in the store
// (reading the file whole first would find none stored), and a cancel in
// the middle of the file stops the reading there.
func TestLoadStreamsJSONLinesByRecord(t *testing.T) {
	const records = 12
	dir := t.TempDir()
	var b strings.Builder
	for _, d := range synth.Generate(records, 11) {
		fmt.Fprintf(&b, `{"title":%q,"published":%q,"text":%q}`+"\n", d.Title, d.Published, strings.TrimPrefix(d.Text, d.Title+"\n\n"))
	}
	path := filepath.Join(dir, "feed.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ workers, inFlight int }{{1, 1}, {2, 3}} {
		t.Run(fmt.Sprintf("workers=%d,inFlight=%d", tc.workers, tc.inFlight), func(t *testing.T) {
			st := openStore(t)
			nRead := 0
			withFileHook(t, func(docs []read.Document) {
				nRead++
				if len(docs) != 1 || docs[0].Line != nRead {
					t.Errorf("call %d got %d articles, want the record of line %d alone", nRead, len(docs), nRead)
				}
				if got, least := storedArticles(t, st), nRead-1-tc.inFlight; got < least {
					t.Errorf("record %d read with %d articles stored, want at least %d", nRead, got, least)
				}
			})
			sum := New(st, Options{Logger: quietLogger(), Workers: tc.workers, InFlight: tc.inFlight}).LoadPaths(context.Background(), []string{path})
			if sum.Articles != records || len(sum.Errors) != 0 || nRead != records {
				t.Fatalf("%d records read, summary %+v", nRead, sum)
			}
		})
	}
	t.Run("cancel", func(t *testing.T) {
		st := openStore(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		nRead := 0
		withFileHook(t, func([]read.Document) {
			if nRead++; nRead == 4 {
				cancel()
			}
		})
		sum := New(st, Options{Logger: quietLogger(), Workers: 1, InFlight: 1}).LoadPaths(ctx, []string{path})
		if nRead != 4 {
			t.Errorf("%d records read, want 4 (none after the cancel)", nRead)
		}
		if len(sum.Errors) != 1 || !errors.Is(sum.Errors[0], context.Canceled) {
			t.Fatalf("errors %q, want one summary line", sum.Errors)
		}
		if sum.Articles > 3 || sum.Articles < 1 || storedArticles(t, st) != sum.Articles {
			t.Errorf("%d articles stored (%d in the store), want 1 to 3 of those read before the cancel", sum.Articles, storedArticles(t, st))
		}
	})
}

// TestLoadReaderStreamsJSONLines: JSON Lines on standard input go into the
// pipeline record by record too (the stream is copied to a temporary file
// first, checked whole, then read a record at a time), so a large feed
// piped in does not sit whole in memory; plain text still loads whole.
func TestLoadReaderStreamsJSONLines(t *testing.T) {
	const records = 6
	var b strings.Builder
	for _, d := range synth.Generate(records, 12) {
		fmt.Fprintf(&b, `{"title":%q,"published":%q,"text":%q}`+"\n", d.Title, d.Published, strings.TrimPrefix(d.Text, d.Title+"\n\n"))
	}
	st := openStore(t)
	nRead := 0
	withFileHook(t, func(docs []read.Document) {
		nRead++
		if len(docs) != 1 || docs[0].Line != nRead || docs[0].File != "-" {
			t.Errorf("call %d got %d articles (%+v), want the record of line %d of - alone", nRead, len(docs), docs, nRead)
		}
	})
	sum := New(st, Options{Logger: quietLogger(), Workers: 1, InFlight: 1}).LoadReader(context.Background(), "-", strings.NewReader(b.String()))
	if sum.Articles != records || len(sum.Errors) != 0 || nRead != records {
		t.Fatalf("%d batches read, summary %+v", nRead, sum)
	}
	// a plain-text article on stdin is one batch, as before
	nRead = 0
	withFileHook(t, func(docs []read.Document) { nRead++ })
	d := synth.Generate(1, 13)[0]
	sum = New(st, Options{Logger: quietLogger()}).LoadReader(context.Background(), "-", strings.NewReader("title: "+d.Title+"\npublished: "+d.Published+"\n---\n"+d.Text))
	if sum.Articles != 1 || nRead != 1 {
		t.Fatalf("plain text: %d batches, summary %+v", nRead, sum)
	}
}
