package read

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// walkCalls reads path with WalkPath and returns what each call of fn got.
func walkCalls(t *testing.T, path string, stopAfter int) (calls [][]string, err error) {
	t.Helper()
	stop := errors.New("enough")
	err = WalkPath(context.Background(), path, func(docs []Document, errs []error) error {
		var c []string
		for _, d := range docs {
			c = append(c, fmt.Sprintf("doc %d #%d %q %s %s %s %s %q", d.Line, d.Index, d.Title, d.Published, d.Source, d.URL, d.File, d.Text))
		}
		for _, e := range errs {
			c = append(c, "err "+e.Error())
		}
		calls = append(calls, c)
		if stopAfter > 0 && len(calls) == stopAfter {
			return stop
		}
		return nil
	})
	if errors.Is(err, stop) {
		err = nil
	}
	return calls, err
}

// flat joins the calls' entries in order.
func flat(calls [][]string) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c...)
	}
	return out
}

// A JSON Lines file read from a folder gives the same documents and errors,
// in the same order, as the same bytes read whole (Read), whatever its line
// endings, blank lines, bad records, long lines or bad bytes; and it is
// handed over one record per call when it is UTF-8 text starting with a
// record on one line.
func TestJSONLinesStreamedAsWhole(t *testing.T) {
	rec := func(title, text string) string {
		return fmt.Sprintf(`{"title":%q,"text":%q,"published":"2021-03-04","source":"Harbour Gazette"}`, title, text)
	}
	long := rec("A Long One", strings.Repeat("The ferry left the quay at noon. ", 6000))             // > 64 KiB line
	huge := rec("Far Too Long", strings.Repeat("Lanterns lit the square. ", MaxArticleSize/25+1000)) // > MaxArticleSize
	for _, tc := range []struct {
		name, in  string
		perRecord bool // handed over one record per call
	}{
		{"plain", rec("First", "One body.") + "\n" + rec("Second", "Two body.") + "\n", true},
		{"no final newline", rec("First", "One body.") + "\n" + rec("Second", "Two body."), true},
		{"crlf and blank lines", "\r\n  \r\n" + rec("First", "One body.") + "\r\n\r\n\t\r\n" + rec("Second", "Two body.") + "\r\n", true},
		{"lone cr", rec("First", "One body.") + "\r\r" + rec("Second", "Two body.") + "\r" + `{"title":1}` + "\r", true},
		{"byte-order mark", "\ufeff" + rec("First", "One body.") + "\n", true},
		{"bad records between", rec("First", "One body.") + "\n{\"title\": 3}\n[1]\n{\"text\": \"x\", \"published\": \"2021-13-40\"}\n{oops\n" + rec("Last", "End body.") + "\n", true},
		{"long line", rec("First", "One body.") + "\n" + long + "\n" + rec("After", "After body.") + "\n", true},
		{"article too long", rec("First", "One body.") + "\n" + huge + "\n" + rec("After", "After body.") + "\n", true},
		{"first line bad", "{oops\n" + rec("Second", "Two body.") + "\n", false},
		{"record over lines", "{\n  \"title\": \"Spread\",\n  \"text\": \"Over several lines.\"\n}\n", false},
		{"array", "[" + rec("First", "One body.") + ",\n" + rec("Second", "Two body.") + "]\n", false},
		{"NUL in the last line", rec("First", "One body.") + "\n" + `{"title":"Second","text":"Two` + "\x00" + ` body."}` + "\n", false},
		{"bad UTF-8 in the last line", rec("First", "One body.") + "\n" + `{"title":"Second","text":"Two ` + "\xff" + ` body."}` + "\n", false},
		{"bad UTF-8 after a long line", long + "\n" + strings.Repeat("x", 70000) + "\xc3\n", false},
		{"UTF-16", "\xff\xfe{\x00}\x00", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "feed.jsonl")
			if err := os.WriteFile(path, []byte(tc.in), 0o644); err != nil {
				t.Fatal(err)
			}
			calls, err := walkCalls(t, path, 0)
			if err != nil {
				t.Fatal(err)
			}
			docs, errs := Read(path, strings.NewReader(tc.in))
			var want []string
			for _, d := range docs {
				want = append(want, fmt.Sprintf("doc %d #%d %q %s %s %s %s %q", d.Line, d.Index, d.Title, d.Published, d.Source, d.URL, d.File, d.Text))
			}
			for _, e := range errs {
				want = append(want, "err "+e.Error())
			}
			got := flat(calls)
			if tc.perRecord {
				// read whole, errors come after the documents; record by
				// record, in line order: compare as sets, then check order
				if !sameEntries(got, want) {
					t.Fatalf("read from the folder:\n%q\nread whole:\n%q", got, want)
				}
				if len(calls) != len(got) {
					t.Errorf("%d calls for %d records, want one record a call", len(calls), len(got))
				}
				if lines := entryLines(got); !sorted(lines) {
					t.Errorf("records handed over in line order %v", lines)
				}
			} else {
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("read from the folder:\n%q\nread whole:\n%q", got, want)
				}
				if len(calls) != 1 {
					t.Errorf("%d calls, want the file read whole", len(calls))
				}
			}
		})
	}
}

func sameEntries(a, b []string) bool {
	count := map[string]int{}
	for _, s := range a {
		count[s]++
	}
	for _, s := range b {
		count[s]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return len(a) == len(b)
}

// entryLines returns the line each entry names.
func entryLines(entries []string) []int {
	var out []int
	for _, s := range entries {
		var n int
		if strings.HasPrefix(s, "doc ") {
			fmt.Sscanf(s, "doc %d", &n)
		} else if _, rest, ok := strings.Cut(s, ".jsonl:"); ok {
			fmt.Sscanf(rest, "%d", &n)
		}
		out = append(out, n)
	}
	return out
}

func sorted(ns []int) bool {
	for i := 1; i < len(ns); i++ {
		if ns[i] < ns[i-1] {
			return false
		}
	}
	return true
}

// When the reader stops taking records (the load is stopped, or full),
// the rest of the file is not parsed: the walk ends at once with fn's
// error, having handed over only the records before.
func TestJSONLinesStopAtRecord(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, `{"title":"Notice %d","text":"The %d notice was posted."}`+"\n", i, i)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte("title: Later\n---\nA later body.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	calls, err := walkCalls(t, dir, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 3 || !strings.Contains(calls[2][0], `"Notice 2"`) {
		t.Fatalf("calls %q, want the first three records and nothing after", calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err = WalkPath(ctx, dir, func(docs []Document, errs []error) error {
		if n++; n == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 5 {
		t.Errorf("cancelled at the 5th record: %d calls, err %v; want 5 and context.Canceled", n, err)
	}
}

// Any input, read from a folder (record by record when it is JSON Lines)
// gives the documents and errors reading it whole gives.
func FuzzJSONLinesStreamed(f *testing.F) {
	if b, err := os.ReadFile("testdata/jsonl/articles.jsonl"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("{\"title\":\"A\",\"text\":\"Body one.\"}\r\n\r{\"text\":\"Body two.\",\"published\":\"2020-02-30\"}\n{x\n"))
	f.Add([]byte("\ufeff  \n{\"title\":\"B\",\"text\":\"Body.\"}\n{\"title\":\"B\",\"text\":\"Body.\"}\x00"))
	f.Add([]byte("{\n\"text\": \"spread\"\n}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "in.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		calls, err := walkCalls(t, path, 0)
		if err != nil {
			t.Fatal(err)
		}
		docs, errs := Read(path, strings.NewReader(string(data)))
		var want []string
		for _, d := range docs {
			want = append(want, fmt.Sprintf("doc %d #%d %q %s %s %s %s %q", d.Line, d.Index, d.Title, d.Published, d.Source, d.URL, d.File, d.Text))
		}
		for _, e := range errs {
			want = append(want, "err "+e.Error())
		}
		if got := flat(calls); !sameEntries(got, want) {
			t.Fatalf("read from the folder:\n%q\nread whole:\n%q", got, want)
		}
	})
}
