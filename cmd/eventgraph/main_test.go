package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/timeline"
)

const seeds = "../../seeds"

// result is what one run of the program did.
type result struct {
	code           int
	stdout, stderr string
}

// eventgraph runs the program in process with args and stdin.
func eventgraph(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// check fails the test unless r exited with code and its stdout and stderr
// contain the wanted strings.
func (r result) check(t *testing.T, code int, stdout, stderr []string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d\nstdout: %.600s\nstderr: %.600s", r.code, code, r.stdout, r.stderr)
	}
	for _, s := range stdout {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("stdout lacks %q:\n%.600s", s, r.stdout)
		}
	}
	for _, s := range stderr {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%.600s", s, r.stderr)
		}
	}
}

// seedDB loads the seeds into a fresh database and returns its directory.
func seedDB(t *testing.T) string {
	t.Helper()
	db := t.TempDir()
	eventgraph(t, "", "load", "--db", db, seeds).check(t, 0, []string{"loaded 7 articles"}, nil)
	return db
}

// A header article, as a user pipes it in.
const headerArticle = `title: Iraq and Jordan discuss the border
source: Test Wire
published: 2024-06-02
---
Iraqi Interior Minister Abdul-Amir al-Shammari met his Jordanian counterpart in Amman on Sunday to discuss border security.
`

func TestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	for _, tt := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr []string
	}{
		{"help", []string{"help"}, 0, []string{"Usage: eventgraph", "load PATH", "serve", "query", "timeline", "export"}, nil},
		{"--help", []string{"--help"}, 0, []string{"Usage: eventgraph"}, nil},
		{"no command", nil, 2, nil, []string{"Usage: eventgraph"}},
		{"unknown command", []string{"frobnicate"}, 2, nil, []string{`unknown command "frobnicate"`}},
		{"load without a path", []string{"load", "--db", db}, 2, nil, []string{"no PATH given"}},
		{"unknown flag", []string{"load", "--nope", seeds}, 2, nil, []string{"-nope"}},
		{"query without a query", []string{"query", "--db", db}, 2, nil, []string{"give one GraphQL query"}},
		{"query with bad --vars", []string{"query", "--db", db, "--vars", "[1", "{ stats { events } }"}, 2, nil, []string{"--vars is not a JSON object"}},
		{"timeline with a bad date", []string{"timeline", "--db", db, "--from", "2024-13"}, 2, nil, []string{"2024-13"}},
		{"export to an unknown format", []string{"export", "--db", db, "--format", "pdf"}, 2, nil, []string{`unknown --format "pdf"`}},
		{"query without a database", []string{"query", "--db", db, "{ stats { events } }"}, 1, nil, []string{"no database at " + db}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			eventgraph(t, "", tt.args...).check(t, tt.code, tt.stdout, tt.stderr)
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a usage error created the database %s", db)
	}
}

func TestLoad(t *testing.T) {
	// A folder with the seeds and one file that is not text.
	mixed := t.TempDir()
	for _, name := range []string{"000_1f8fafb75314893b.txt", "003_91bc4412a6e28247.txt", "manifest.json"} {
		b, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mixed, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := filepath.Join(mixed, "001_broken.txt")
	if err := os.WriteFile(bad, []byte("PK\x03\x04\x00\x00binary\x00"), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		name           string
		args           func(db string) []string
		stdin          string
		code           int
		stdout, stderr []string
	}{
		{"a folder", func(db string) []string { return []string{"load", "--db", db, seeds} },
			"", 0, []string{"loaded 7 articles (0 already stored)"}, nil},
		{"flags after the arguments", func(db string) []string { return []string{"load", seeds, "--db", db} },
			"", 0, []string{"loaded 7 articles"}, nil},
		{"files", func(db string) []string {
			return []string{"load", "--db", db, filepath.Join(seeds, "003_91bc4412a6e28247.txt"), filepath.Join(seeds, "004_1d88f3e7e6b543f0.txt")}
		}, "", 0, []string{"loaded 2 articles"}, nil},
		{"stdin", func(db string) []string { return []string{"load", "--db", db, "-"} },
			headerArticle, 0, []string{"loaded 1 articles"}, nil},
		{"a bad file among good ones", func(db string) []string { return []string{"load", "--db", db, mixed} },
			"", 1, []string{"loaded 3 articles", "; 1 errors"}, []string{bad}},
		{"a missing path", func(db string) []string { return []string{"load", "--db", db, seeds, "no/such/file.txt"} },
			"", 1, []string{"loaded 7 articles"}, []string{"no/such/file.txt"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "db")
			eventgraph(t, tt.stdin, tt.args(db)...).check(t, tt.code, tt.stdout, tt.stderr)
			if _, err := os.Stat(db); err != nil {
				t.Errorf("no database at --db %s: %v", db, err)
			}
		})
	}
	if _, err := os.Stat("data"); err == nil {
		t.Error("a load with --db wrote the default ./data")
	}
}

func TestLoadStdinHeader(t *testing.T) {
	db := t.TempDir()
	eventgraph(t, headerArticle, "load", "--db", db, "-").check(t, 0, []string{"loaded 1 articles"}, nil)
	r := eventgraph(t, "", "query", "--db", db, `{ articles { edges { node { title source published } } } }`)
	r.check(t, 0, []string{`"title": "Iraq and Jordan discuss the border"`, `"source": "Test Wire"`, `"published": "2024-06-02"`}, nil)
}

func TestReload(t *testing.T) {
	db := seedDB(t)
	before := eventgraph(t, "", "query", "--db", db, `{ stats { articles events actors agreements } }`)
	eventgraph(t, "", "load", "--db", db, seeds).check(t, 0, []string{"loaded 0 articles (7 already stored), 0 events"}, nil)
	after := eventgraph(t, "", "query", "--db", db, `{ stats { articles events actors agreements } }`)
	if before.code != 0 || before.stdout != after.stdout {
		t.Errorf("re-loading changed the graph:\n%s\nthen\n%s", before.stdout, after.stdout)
	}
}

func TestQuery(t *testing.T) {
	db := seedDB(t)
	for _, tt := range []struct {
		name  string
		args  []string
		code  int
		check func(t *testing.T, resp map[string]any)
	}{
		{"with --vars", []string{"query", "--db", db, "--vars", `{"n": "Shammari"}`, `query($n: String) { actor(name: $n) { name kind } }`}, 0,
			func(t *testing.T, resp map[string]any) {
				a, _ := resp["data"].(map[string]any)["actor"].(map[string]any)
				if a == nil || !strings.Contains(a["name"].(string), "Shammari") || a["kind"] != "PERSON" {
					t.Errorf("data: %v", resp["data"])
				}
			}},
		{"flags after the query", []string{"query", `{ articles(first: 10) { totalCount } }`, "--db", db}, 0,
			func(t *testing.T, resp map[string]any) {
				if n := resp["data"].(map[string]any)["articles"].(map[string]any)["totalCount"]; n != 7.0 {
					t.Errorf("articles totalCount %v, want 7", n)
				}
			}},
		{"a bad query", []string{"query", "--db", db, `{ events { nope } }`}, 1,
			func(t *testing.T, resp map[string]any) {
				errs, _ := resp["errors"].([]any)
				if len(errs) == 0 || !strings.Contains(errs[0].(map[string]any)["message"].(string), `"nope"`) {
					t.Errorf("errors: %v", resp["errors"])
				}
			}},
		{"a bad argument", []string{"query", "--db", db, `{ events(from: "12/05/2024") { totalCount } }`}, 1,
			func(t *testing.T, resp map[string]any) {
				errs, _ := resp["errors"].([]any)
				if len(errs) == 0 || !strings.Contains(errs[0].(map[string]any)["message"].(string), "is not a date") {
					t.Errorf("errors: %v", resp["errors"])
				}
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := eventgraph(t, "", tt.args...)
			r.check(t, tt.code, nil, nil)
			var resp map[string]any
			if err := json.Unmarshal([]byte(r.stdout), &resp); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%.600s", err, r.stdout)
			}
			tt.check(t, resp)
		})
	}
}

func TestTimeline(t *testing.T) {
	db := seedDB(t)
	var id struct {
		Data struct{ Actor struct{ ID string } }
	}
	r := eventgraph(t, "", "query", "--db", db, `{ actor(name: "Abdul Amir al-Shammari") { id } }`)
	if err := json.Unmarshal([]byte(r.stdout), &id); err != nil || id.Data.Actor.ID == "" {
		t.Fatalf("al-Shammari not found: %v %s", err, r.stdout)
	}
	r = eventgraph(t, "", "timeline", "--db", db, "--actor", "al-Shammari")
	r.check(t, 0, nil, nil)
	var tl struct {
		Events []timeline.Item
		Count  int
	}
	if err := json.Unmarshal([]byte(r.stdout), &tl); err != nil {
		t.Fatalf("timeline is not JSON: %v\n%.600s", err, r.stdout)
	}
	if len(tl.Events) < 2 || tl.Count != len(tl.Events) {
		t.Fatalf("timeline of al-Shammari: %d events, count %d", len(tl.Events), tl.Count)
	}
	for i, it := range tl.Events {
		his := false
		for _, a := range it.Actors {
			his = his || a.ID == id.Data.Actor.ID
		}
		if !his {
			t.Errorf("event %q does not involve al-Shammari: %+v", it.Title, it.Actors)
		}
		if i > 0 && it.Date.Start < tl.Events[i-1].Date.Start {
			t.Errorf("%s %q listed after %s %q", it.Date.Start, it.Title, tl.Events[i-1].Date.Start, tl.Events[i-1].Title)
		}
	}
	// TimelineJS, as the dashboards take it.
	r = eventgraph(t, "", "timeline", "--db", db, "--actor", "Shammari", "--format", "timelinejs")
	r.check(t, 0, []string{`"events"`, `"start_date"`}, nil)
}

func TestExport(t *testing.T) {
	db := seedDB(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		name  string
		args  []string
		files map[string]string // file → how it starts
	}{
		{"gexf", []string{"export", "--db", db, "--format", "gexf", "--out", filepath.Join(dir, "g.gexf")},
			map[string]string{"g.gexf": "<?xml"}},
		{"graphml", []string{"export", "--out", filepath.Join(dir, "g.graphml"), "--format", "graphml", "--db", db},
			map[string]string{"g.graphml": "<?xml"}},
		{"csv", []string{"export", "--db", db, "--format", "csv", "--out", filepath.Join(dir, "g.csv")},
			map[string]string{"g-nodes.csv": "Id,Label,", "g-edges.csv": "Source,Target,"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			eventgraph(t, "", tt.args...).check(t, 0, nil, nil)
			for f, prefix := range tt.files {
				b, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.HasPrefix(b, []byte(prefix)) || len(b) < 200 {
					t.Errorf("%s: %d bytes starting %.80q, want %q", f, len(b), b, prefix)
				}
				// the nodes carry the actors' names
				if !strings.HasSuffix(f, "-edges.csv") && !bytes.Contains(b, []byte("Abdul Amir al-Shammari")) {
					t.Errorf("%s does not name al-Shammari", f)
				}
			}
		})
	}
}

// TestLocked: a database another process holds (a running server) gives a
// clear message, not Badger's lock error.
func TestLocked(t *testing.T) {
	db := seedDB(t)
	st, err := graph.Open(graph.DefaultOptions(db))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, args := range [][]string{
		{"query", "--db", db, `{ stats { events } }`},
		{"load", "--db", db, seeds},
		{"timeline", "--db", db},
	} {
		t.Run(args[0], func(t *testing.T) {
			eventgraph(t, "", args...).check(t, 1, nil, []string{graph.ErrLocked.Error()})
		})
	}
}

// TestServeSIGHUP: a SIGHUP (the terminal closed) stops serve gracefully,
// with exit 0, instead of killing the process (and this test with it).
func TestServeSIGHUP(t *testing.T) {
	db := seedDB(t)
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), pw, &errb)
		pw.Close()
		done <- code
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil || !strings.Contains(line, "serving on") {
		t.Fatalf("serve did not start: %q %v %s", line, err, errb.String())
	}
	go io.Copy(io.Discard, pr)
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != 0 {
		t.Errorf("exit %d after SIGHUP, want 0: %s", code, errb.String())
	}
}

// TestLoadDiskFull: a load on a disk with less free space than the margin
// (EVENTGRAPH_MIN_FREE_MB) exits 1 with "disk full", and the database still
// answers queries.
func TestLoadDiskFull(t *testing.T) {
	db := seedDB(t)
	t.Setenv("EVENTGRAPH_MIN_FREE_MB", "1000000000000")
	r := eventgraph(t, headerArticle, "load", "--db", db, "-")
	r.check(t, 1, nil, []string{"disk full: ", "MiB free on " + db})
	if strings.Contains(r.stderr, "goroutine") {
		t.Errorf("a Go dump: %.300s", r.stderr)
	}
	eventgraph(t, "", "query", "--db", db, `{ stats { articles } }`).check(t, 0, []string{`"articles": 7`}, nil)
}

// TestReadNotADatabase: a reading command on a folder that is not a
// database refuses, and creates nothing in it.
func TestReadNotADatabase(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"query", "--db", dir, `{ stats { events } }`},
		{"timeline", "--db", dir},
		{"export", "--db", dir, "--format", "jsonl"},
	} {
		eventgraph(t, "", args...).check(t, 1, nil, []string{dir + " is not an eventgraph database"})
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 {
		t.Errorf("the folder now holds %d entries, want only notes.txt", len(ents))
	}
}
