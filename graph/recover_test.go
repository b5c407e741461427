package graph

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenAfterEmptyLog: a kill can leave an empty memtable or value log
// file (dgraph-io/badger#2207) that Badger refuses to open; Open removes
// it and the stored data is all there, for reading and for writing.
func TestOpenAfterEmptyLog(t *testing.T) {
	for _, tc := range []struct {
		name string
		file string
		size int64 // the file's size: 0, or a sparse file of zeros
	}{
		{"empty memtable", "00042.mem", 0},
		{"sized memtable", "00042.mem", 128 << 20},
		{"empty value log", "000042.vlog", 0},
		{"sized value log", "000042.vlog", 2 << 30},
	} {
		for _, readOnly := range []bool{true, false} {
			dir := filepath.Join(t.TempDir(), "db")
			f := storeOne(t, dir)
			path := filepath.Join(dir, tc.file)
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, tc.size); err != nil {
				t.Fatal(err)
			}
			opt := DefaultOptions(dir).WithLogger(quiet())
			if readOnly {
				opt = opt.WithReadOnly(true)
			}
			s, err := Open(opt)
			if err != nil {
				t.Fatalf("%s, read-only %v: open: %v", tc.name, readOnly, err)
			}
			err = s.view(func(r *Reader) error {
				if !r.Has("article", f.Article.ID) {
					t.Errorf("%s, read-only %v: the article is gone", tc.name, readOnly)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// storeOne stores one article in a new database in dir and closes it.
func storeOne(t *testing.T, dir string) Facts {
	t.Helper()
	s, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	f := Facts{Article: Article{ID: NewID("article", "recovery test"), Title: "recovery test", Text: "x"}}
	if _, err := s.PutFacts(&f); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestRemoveEmptyLogs: only log files holding nothing past their header
// are removed, and none while another process (here a Store) holds the
// database.
func TestRemoveEmptyLogs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]bool{} // name: whether it must be removed
	write := func(name string, size int64, at int64, data []byte, removed bool) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(path, size); err != nil {
			t.Fatal(err)
		}
		if data != nil {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteAt(data, at); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		files[name] = removed
	}
	header := []byte("12345678abcdefghijkl") // a key ID and a base IV
	write("00050.mem", 0, 0, nil, true)
	write("00051.mem", 64<<20, 0, header, true)
	write("00052.mem", 64<<20, 40<<20, []byte{1}, false) // an entry deep in a sparse file
	write("000050.vlog", 2<<30, 0, header, true)
	write("000051.vlog", 2<<30, 20, []byte{7}, false) // an entry right after the header
	write("000052.sst", 0, 0, nil, false)             // not a log file
	n, err := removeEmptyLogs(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
		if removed {
			want++
		}
	}
	if n != want {
		t.Errorf("removeEmptyLogs = %d, want %d", n, want)
	}

	// while another process holds a database (Badger's lock on the
	// folder), nothing is removed
	db := filepath.Join(t.TempDir(), "db")
	storeOne(t, db)
	held, err := Open(DefaultOptions(db).WithLogger(quiet()).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := os.WriteFile(filepath.Join(db, "00099.mem"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if n, err := removeEmptyLogs(db); n != 0 || !errors.Is(err, ErrLocked) {
		t.Errorf("removeEmptyLogs of a database in use = %d, %v; want 0, ErrLocked", n, err)
	}
	if _, err := os.Stat(filepath.Join(db, "00099.mem")); err != nil {
		t.Errorf("an empty memtable file of a database in use was removed: %v", err)
	}
}
