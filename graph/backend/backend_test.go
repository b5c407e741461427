package backend

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"eventgraph/graph"
)

func TestScheme(t *testing.T) {
	for _, tt := range []struct {
		dsn    string
		scheme string
		ok     bool
	}{
		{"./data", "", false},
		{"/srv/eventgraph/db", "", false},
		{"data", "", false},
		{"", "", false},
		{"dgraph://127.0.0.1:9080", "dgraph", true},
		{"DGraph://a:9080,b:9080?sslmode=disable", "dgraph", true},
		{"my+db.v2://x", "my+db.v2", true},
		{"://nothing", "", false},
		{"./weird://folder", "", false},
		{"2db://x", "", false},
	} {
		scheme, ok := Scheme(tt.dsn)
		if scheme != tt.scheme || ok != tt.ok {
			t.Errorf("Scheme(%q) = %q, %v; want %q, %v", tt.dsn, scheme, ok, tt.scheme, tt.ok)
		}
	}
}

func TestRedact(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"./data", "./data"},
		{"dgraph://127.0.0.1:9080", "dgraph://127.0.0.1:9080"},
		{"dgraph://groot:password@a:9080,b:9080?sslmode=disable", "dgraph://groot:xxxxx@a:9080,b:9080?sslmode=disable"},
		{"dgraph://groot@a:9080", "dgraph://groot@a:9080"},
		{"dgraph://a:9080/x?user=u@v:w", "dgraph://a:9080/x?user=u@v:w"},
	} {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestOpenEmbedded: a folder opens the embedded store; a read-only open
// needs a database there and creates none.
func TestOpenEmbedded(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	if _, err := Open(dir, ReadOnly()); err == nil || !strings.Contains(err.Error(), "no database at "+dir) {
		t.Fatalf("read-only open of a missing folder: %v", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Fatal("a read-only open created the database")
	}
	// a load killed before Badger wrote its MANIFEST leaves an empty
	// folder or one with only Badger's LOCK file; other files make a
	// folder that is no database
	empty := t.TempDir()
	for _, tc := range []struct {
		file, want string
	}{
		{"", "no data in " + empty + " yet (a load into it stopped before storing anything, or none ran): load articles first: eventgraph load --db " + empty + " PATH"},
		{"LOCK", "no data in " + empty + " yet"},
		{"notes.txt", "no MANIFEST"},
	} {
		if tc.file != "" {
			if err := os.WriteFile(filepath.Join(empty, tc.file), []byte("1\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Open(empty, ReadOnly()); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("read-only open of a folder without a database (%q): %v, want %q", tc.file, err, tc.want)
		}
	}

	st, err := Open(dir, CacheSize(8<<20), MinFree(-1))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.(*graph.Store); !ok {
		t.Fatalf("a folder opened %T, want *graph.Store", st)
	}
	if _, err := st.PutFacts(&graph.Facts{Article: graph.Article{ID: "a1", Title: "T", Text: "x"}}); err != nil {
		t.Fatal(err)
	}
	// a second open of a database in use fails with ErrLocked, and no
	// Storage holding a nil *Store
	if other, err := Open(dir); !errors.Is(err, graph.ErrLocked) || other != nil {
		t.Fatalf("second open: %v, %v; want ErrLocked and nil", other, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	ro, err := Open(dir, ReadOnly(), CacheSize(16<<20))
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.View(func(r graph.Snapshot) error {
		if !r.Has("article", "a1") {
			t.Error("the read-only open does not see the stored article")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestOpenRegistered: a scheme goes to its registered Opener with the
// whole string and the options; without one, Open says so.
func TestOpenRegistered(t *testing.T) {
	if !slices.Contains(Schemes(), "dgraph") {
		const want = "dgraph://127.0.0.1:9080: this build has no Dgraph backend"
		if st, err := Open("dgraph://127.0.0.1:9080"); err == nil || err.Error() != want || st != nil {
			t.Errorf("dgraph:// without a Dgraph backend: %v, %v; want %q", st, err, want)
		}
	}
	if _, err := Open("nosuch://u:secret@host"); err == nil || !strings.Contains(err.Error(), `no backend for "nosuch"`) || strings.Contains(err.Error(), "secret") {
		t.Errorf("unknown scheme: %v", err)
	}

	var gotDSN string
	var gotCfg Config
	Register("testmem", func(dsn string, cfg Config) (graph.Storage, error) {
		gotDSN, gotCfg = dsn, cfg
		if strings.Contains(dsn, "fail") {
			return nil, errors.New("refused")
		}
		return graph.Open(graph.DefaultOptions("").WithInMemory(true))
	})
	if !slices.Contains(Schemes(), "testmem") {
		t.Fatalf("Schemes() = %v", Schemes())
	}
	st, err := Open("TestMem://h:1?x=y", ReadOnly(), CacheSize(5))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if gotDSN != "TestMem://h:1?x=y" || !gotCfg.ReadOnly || gotCfg.CacheSize != 5 {
		t.Errorf("the opener got %q %+v", gotDSN, gotCfg)
	}
	if st, err := Open("testmem://fail"); err == nil || st != nil {
		t.Errorf("a failing opener: %v, %v", st, err)
	}
}

func TestRegisterPanics(t *testing.T) {
	open := func(string, Config) (graph.Storage, error) { return nil, nil }
	Register("testdup", open)
	for name, fn := range map[string]func(){
		"twice":      func() { Register("testdup", open) },
		"nil opener": func() { Register("testnil", nil) },
		"bad scheme": func() { Register("no scheme", open) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register %s did not panic", name)
				}
			}()
			fn()
		}()
	}
}
