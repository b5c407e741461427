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

// A JSON Lines file that a manifest describes is handed over record by
// record too, each record with the metadata reading the file whole gives
// it: entries paired by title in any order, an untitled record by the
// entry's title on its first line, the rest in order, the only entry to
// the only record; a bad record or a bad manifest date is an error on its
// line, and a manifest for other files changes nothing.
func TestJSONLinesWithManifestStreamed(t *testing.T) {
	rec := func(title, text string) string {
		if title == "" {
			return fmt.Sprintf(`{"text":%q}`, text) + "\n"
		}
		return fmt.Sprintf(`{"title":%q,"text":%q}`, title, text) + "\n"
	}
	entry := func(file, title, published string, n int) string {
		return fmt.Sprintf(`{"file":%q,"title":%q,"source":"Lowland Courier %d","url":"https://courier.example/%d","published":%q}`, file, title, n, n, published)
	}
	manifest := func(entries ...string) string { return `{"articles":[` + strings.Join(entries, ",\n") + "]}\n" }
	for _, tc := range []struct {
		name, feed, manifest string
	}{
		{"by title in any order",
			rec("Ferry Resumes Service", "The ferry sailed again.") + rec("Mill Reopens", "The mill opened its doors.") + rec("Bridge Closed", "The bridge shut for repairs."),
			manifest(entry("feed.jsonl", "Bridge Closed", "2022-04-03", 1), entry("feed.jsonl", "Ferry resumes service", "2022-04-01", 2), entry("feed.jsonl", "Mill Reopens", "2022-04-02", 3))},
		{"untitled by its first line, the rest in order",
			rec("", "Orchard Fire Contained\n\nCrews held the line overnight.") + rec("Unlisted Title", "A story the manifest names otherwise.") + rec("Harbour Dredged", "Dredgers cleared the channel."),
			manifest(entry("feed.jsonl", "Harbour Dredged", "2022-05-09", 1), entry("feed.jsonl", "Market Day Moved", "2022-05-08", 2), entry("feed.jsonl", "Orchard Fire Contained", "2022-05-07", 3))},
		{"the only entry to the only record",
			rec("Choir Tours the Valley", "The choir sang in four towns."),
			manifest(entry("feed.jsonl", "Something Else", "2022-06-01", 1))},
		{"bad records and a bad date between",
			rec("Well Dug", "A new well was dug.") + "{oops\n" + rec("No Text", "") + rec("Road Paved", "The road was paved.") + "[1]\n" + rec("School Opens", "The school opened."),
			manifest(entry("feed.jsonl", "Road Paved", "2022-13-40", 1), entry("feed.jsonl", "Well Dug", "2022-07-01", 2), entry("feed.jsonl", "School Opens", "2022-07-03", 3))},
		{"a manifest of other files",
			rec("Well Dug", "A new well was dug.") + rec("Road Paved", "The road was paved."),
			manifest(entry("other.jsonl", "Well Dug", "2022-07-01", 1))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "feed.jsonl")
			if err := os.WriteFile(path, []byte(tc.feed), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(tc.manifest), 0o644); err != nil {
				t.Fatal(err)
			}
			calls, err := walkCalls(t, dir, 0)
			if err != nil {
				t.Fatal(err)
			}
			// the file read whole with its manifest, as WalkPath read it before
			m, merrs := manifests{}.forFile(path)
			raws, errs := parse(path, []byte(tc.feed))
			docs, ferrs := finalize(path, raws, m)
			var want []string
			for _, d := range docs {
				want = append(want, fmt.Sprintf("doc %d #%d %q %s %s %s %s %q", d.Line, d.Index, d.Title, d.Published, d.Source, d.URL, d.File, d.Text))
			}
			for _, e := range append(merrs, byLine(append(errs, ferrs...))...) {
				want = append(want, "err "+e.Error())
			}
			got := flat(calls)
			if !sameEntries(got, want) {
				t.Fatalf("read record by record:\n%q\nread whole:\n%q", got, want)
			}
			if tc.name != "a manifest of other files" && !strings.Contains(strings.Join(got, "\n"), "Lowland Courier") {
				t.Fatalf("no manifest metadata applied: %q", got)
			}
			if len(calls) != len(got) {
				t.Errorf("%d calls for %d records, want one record a call", len(calls), len(got))
			}
			if lines := entryLines(got); !sorted(lines) {
				t.Errorf("records handed over in line order %v", lines)
			}
		})
	}
}
