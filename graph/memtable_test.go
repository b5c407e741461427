package graph

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOpenAfterEmptyMemtable: a kill can leave an empty memtable file
// (dgraph-io/badger#2207) that Badger refuses to open; Open removes it and
// the stored data is all there, for reading and for writing.
func TestOpenAfterEmptyMemtable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	s, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	f := Facts{Article: Article{ID: NewID("article", "memtable test"), Title: "memtable test", Text: "x"}}
	if _, err := s.PutFacts(&f); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, readOnly := range []bool{true, false} {
		if err := os.WriteFile(filepath.Join(dir, "00042.mem"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		opt := DefaultOptions(dir).WithLogger(quiet())
		if readOnly {
			opt = opt.WithReadOnly(true)
		}
		s, err := Open(opt)
		if err != nil {
			t.Fatalf("read-only %v: open with an empty memtable file: %v", readOnly, err)
		}
		err = s.view(func(r *Reader) error {
			if !r.Has("article", f.Article.ID) {
				t.Errorf("read-only %v: the article is gone", readOnly)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}
