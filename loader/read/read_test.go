package read

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// lines returns the non-blank lines of a text.
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// checkClean asserts what every cleaned text must keep: no marker line, no
// repeated line, \n line endings, the title leading when it is in the text.
func checkClean(t *testing.T, d Document) {
	t.Helper()
	if strings.Contains(d.Text, "\r") {
		t.Errorf("%s #%d: text has \\r", d.File, d.Index)
	}
	seen := map[string]bool{}
	for _, l := range lines(d.Text) {
		if l == "TT" {
			t.Errorf("%s #%d: TT marker kept", d.File, d.Index)
		}
		k := loose(l)
		if seen[k] {
			t.Errorf("%s #%d: line kept twice: %q", d.File, d.Index, l)
		}
		seen[k] = true
		if l != strings.TrimSpace(l) {
			t.Errorf("%s #%d: untrimmed line %q", d.File, d.Index, l)
		}
	}
	if strings.Contains(d.Text, "\n\n\n") {
		t.Errorf("%s #%d: paragraphs not separated by one blank line", d.File, d.Index)
	}
}

func TestSeeds(t *testing.T) {
	docs, errs := ReadPath("testdata/seeds")
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(docs) != 7 {
		t.Fatalf("got %d articles, want 7", len(docs))
	}
	var man struct {
		Articles []struct {
			File, Title, Source, Published string
			URL                            *string
		}
	}
	b, err := os.ReadFile("testdata/seeds/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatal(err)
	}
	perFile := map[string]int{}
	for i, d := range docs {
		want := man.Articles[i]
		base := filepath.Base(d.File)
		if base != want.File || d.Index != perFile[base] {
			t.Errorf("article %d: %s #%d, want %s #%d", i, base, d.Index, want.File, perFile[base])
		}
		perFile[base]++
		if d.Title != want.Title {
			t.Errorf("%s #%d: title %q, want %q", base, d.Index, d.Title, want.Title)
		}
		if d.Source != want.Source || d.Published != want.Published {
			t.Errorf("%s #%d: source/published %q %q, want %q %q", base, d.Index, d.Source, d.Published, want.Source, want.Published)
		}
		wantURL := ""
		if want.URL != nil {
			wantURL = *want.URL
		}
		if d.URL != wantURL {
			t.Errorf("%s #%d: url %q, want %q", base, d.Index, d.URL, wantURL)
		}
		checkClean(t, d)
		// The title leads the text when the source shows it; the untitled
		// file's manifest title is not invented into its text.
		src, _ := os.ReadFile(d.File)
		inSource := strings.Contains(string(src), d.Title)
		if starts := strings.HasPrefix(d.Text, d.Title+"\n\n"); starts != inSource {
			t.Errorf("%s #%d: text starts with title = %v, title in source = %v", base, d.Index, starts, inSource)
		}
		// Line: the 1-based line where the article starts.
		srcLines := strings.Split(string(src), "\n")
		if d.Line < 1 || d.Line > len(srcLines) {
			t.Fatalf("%s #%d: line %d out of range", base, d.Index, d.Line)
		}
		if inSource && strings.TrimSpace(srcLines[d.Line-1]) != d.Title {
			t.Errorf("%s #%d: line %d is %q, not the title", base, d.Index, d.Line, srcLines[d.Line-1])
		}
		for _, l := range lines(d.Text) {
			low := strings.ToLower(l)
			if low == "comments" || low == "post a comment" || strings.Contains(low, "automated translation") {
				t.Errorf("%s #%d: boilerplate kept: %q", base, d.Index, l)
			}
		}
		if strings.Contains(strings.ToLower(d.Text), "moderates all comments") {
			t.Errorf("%s #%d: comment policy kept", base, d.Index)
		}
	}
	// Each caption is kept once: every line repeated in a source file
	// appears exactly once over that file's articles.
	for _, f := range []string{"000_1f8fafb75314893b.txt", "002_2dff41669eaefe37.txt"} {
		src, _ := os.ReadFile(filepath.Join("testdata/seeds", f))
		count := map[string]int{}
		for _, l := range lines(string(src)) {
			count[strings.TrimSpace(l)]++
		}
		var all []string
		for _, d := range docs {
			if filepath.Base(d.File) == f {
				all = append(all, lines(d.Text)...)
			}
		}
		for l, n := range count {
			if n < 2 || l == "TT" {
				continue
			}
			got := 0
			for _, a := range all {
				if a == l {
					got++
				}
			}
			if got != 1 {
				t.Errorf("%s: repeated line kept %d times: %.60q", f, got, l)
			}
		}
	}
}

// TestSeedsWithoutManifest checks the splitter alone: titles come from the
// scrape's recurring title lines, and an untitled article gets its first
// sentence-like line.
func TestSeedsWithoutManifest(t *testing.T) {
	dir := t.TempDir()
	files, _ := filepath.Glob("testdata/seeds/0*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, errs := ReadPath(dir)
	if len(errs) > 0 || len(docs) != 7 {
		t.Fatalf("got %d articles, errors %v", len(docs), errs)
	}
	for _, d := range docs {
		checkClean(t, d)
		first := lines(d.Text)[0]
		if d.Title == "" || len(d.Title) > 130 {
			t.Errorf("%s #%d: title %q", d.File, d.Index, d.Title)
		}
		if !strings.HasPrefix(first, d.Title) {
			t.Errorf("%s #%d: title %q is not from the first line %q", d.File, d.Index, d.Title, first)
		}
		if d.Published != "" || d.Source != "" {
			t.Errorf("%s #%d: metadata without a manifest", d.File, d.Index)
		}
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		file string
		want []Document // File and Text checked by prefix
	}{
		{"plain.txt", []Document{{Title: "Harbour Authority Opens New Ferry Terminal", Source: "The Coastal Times",
			URL: "https://example.org/news/ferry-terminal", Published: "2022-03-03", Line: 1,
			Text: "Harbour Authority Opens New Ferry Terminal\n\nThe harbour authority opened a new ferry terminal on Tuesday, officials said.\n\nOfficials expect the terminal to double passenger numbers by 2025."}}},
		{"front.txt", []Document{{Title: "Two Towns Agree to Share Water Plant", Published: "2021-07-09", Line: 1,
			Text: "Two Towns Agree to Share Water Plant\n\nThe councils of two neighbouring towns signed a deal on Friday to share a water plant.\n\nThe deal runs for ten years."}}},
		{"multi.txt", []Document{
			{Title: "First Report", Source: "Wire One", Published: "2024-05-12", Line: 1,
				Text: "First Report\n\nThe first report says the bridge reopened on Sunday after repairs."},
			{Title: "Second Report", Published: "2024-05-13", Index: 1, Line: 7,
				Text: "Second Report\n\nThe second report says traffic returned to normal on Monday."}}},
		{"nohead.txt", []Document{{Title: "CITY: The mayor announced a new budget on Monday, officials said.", Line: 1,
			Text: "CITY: The mayor announced a new budget on Monday, officials said.\n\nThe budget raises spending on roads."}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata/header", tt.file)
			docs, errs := ReadPath(path)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			for i := range tt.want {
				tt.want[i].File = path
			}
			if !reflect.DeepEqual(docs, tt.want) {
				t.Errorf("got  %+v\nwant %+v", docs, tt.want)
			}
		})
	}
}

func TestHeaderBadDate(t *testing.T) {
	in := "title: Good One\npublished: 2024-05-12\n---\nA body.\n\ntitle: Bad One\nsource: X\npublished: 2024-13-45\n---\nAnother body.\n"
	docs, errs := Read("seeds/x.txt", strings.NewReader(in))
	if len(docs) != 1 || docs[0].Title != "Good One" {
		t.Errorf("docs %+v", docs)
	}
	if len(errs) != 1 {
		t.Fatalf("errors %v", errs)
	}
	want := `seeds/x.txt:8: article "Bad One": header: published "2024-13-45" is not a date (want YYYY-MM-DD)`
	if errs[0].Error() != want {
		t.Errorf("error\n got %s\nwant %s", errs[0], want)
	}
	if !errors.Is(errs[0], ErrDate) {
		t.Errorf("error does not wrap ErrDate")
	}
	var e *Error
	if !errors.As(errs[0], &e) || e.File != "seeds/x.txt" || e.Article != "Bad One" || e.Line != 8 {
		t.Errorf("error fields %+v", e)
	}
}

func TestDates(t *testing.T) {
	good := map[string]string{
		"2024-05-12":                    "2024-05-12",
		" 2024-5-2 ":                    "2024-05-02",
		"2024-05-12T23:30:00-04:00":     "2024-05-12",
		"2024-05-12T10:00:00Z":          "2024-05-12",
		"2024-05-12T10:00:00.123+03:00": "2024-05-12",
		"2024-05-12 10:00:00":           "2024-05-12",
		"May 12, 2024":                  "2024-05-12",
		"12 May 2024":                   "2024-05-12",
		"Sunday, May 12th, 2024":        "2024-05-12",
		"Sept. 30, 2019":                "2019-09-30",
		"Sep 30 2019":                   "2019-09-30",
		"30 September 2019":             "2019-09-30",
		"Mon, 13 May 2024 10:00:00 GMT": "2024-05-13",
		"2024/05/12":                    "2024-05-12",
		"":                              "",
	}
	for in, want := range good {
		got, err := normalizeDate(in)
		if err != nil || got != want {
			t.Errorf("normalizeDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"2024-13-45", "2023-02-29", "2024-00-10", "soon", "May 32, 2024", "2024-05-12garbage", "12/05/2024"} {
		if got, err := normalizeDate(in); !errors.Is(err, ErrDate) {
			t.Errorf("normalizeDate(%q) = %q, %v; want an error", in, got, err)
		}
	}
}

func TestManifestTSV(t *testing.T) {
	docs, errs := ReadPath("testdata/tsv")
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	type row struct{ title, source, url, published string }
	var got []row
	for _, d := range docs {
		checkClean(t, d)
		got = append(got, row{d.Title, d.Source, d.URL, d.Published})
	}
	want := []row{
		{"Port Workers End Strike After Pay Deal", "Port News", "https://example.org/port", "2023-06-05"},
		{"The Ministers’ “Road Map” for Rail", "Rail Weekly", "https://example.org/rail", "2023-06-02"},
		{"Floods Drive Families From Homes", "River Gazette", "", "2023-06-03"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if len(docs) == 3 {
		for _, bad := range []string{"Share this article", "Read more", "Sign up", "Comments", "moderate", "Post a comment"} {
			for _, d := range docs {
				if strings.Contains(d.Text, bad) {
					t.Errorf("%q kept in %q", bad, d.Title)
				}
			}
		}
		if strings.HasPrefix(docs[2].Text, docs[2].Title) {
			t.Errorf("manifest title invented into the text")
		}
		wantText := "Port Workers End Strike After Pay Deal\n\nDock workers return to the port on Monday. (Photo Agency)\n\n" +
			"Port workers ended a two-week strike on Sunday after the union accepted a new pay offer.\n\n" +
			"The port authority said ships would be unloaded again from Monday."
		if docs[0].Text != wantText {
			t.Errorf("text\n got %q\nwant %q", docs[0].Text, wantText)
		}
	}
}

func TestManifestJSON(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "title: Own Title\nsource: Own Source\n---\nThe body of the first article is here.\n")
	write(t, dir, "b.txt", "An untitled body line that reads like a sentence of news.\n")
	write(t, dir, "manifest.json", `{"articles":[
		{"file":"a.txt","title":"own title","source":"Manifest Source","url":"https://example.org/a","published":"12 May 2024"},
		{"file":"b.txt","title":"B Title","source":"B Source","url":null,"published":"2024-05-13T09:00:00Z"}]}`)
	docs, errs := ReadPath(dir)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d docs", len(docs))
	}
	a, b := docs[0], docs[1]
	if a.Title != "Own Title" || a.Source != "Own Source" || a.URL != "https://example.org/a" || a.Published != "2024-05-12" {
		t.Errorf("header must win, manifest fill: %+v", a)
	}
	if b.Title != "B Title" || b.Source != "B Source" || b.URL != "" || b.Published != "2024-05-13" {
		t.Errorf("matched by file: %+v", b)
	}
	// A file named directly still uses its folder's manifest.
	one, errs := ReadPath(filepath.Join(dir, "b.txt"))
	if len(errs) > 0 || len(one) != 1 || one[0].Title != "B Title" {
		t.Errorf("single file: %+v %v", one, errs)
	}
}

func TestJSONLines(t *testing.T) {
	docs, errs := ReadPath("testdata/jsonl/articles.jsonl")
	var titles []string
	for _, d := range docs {
		titles = append(titles, d.Title)
		checkClean(t, d)
	}
	wantTitles := []string{"Council Approves New Library", "Bridge Closed for Repairs", "A record without a title."}
	if !reflect.DeepEqual(titles, wantTitles) {
		t.Errorf("titles %q, want %q", titles, wantTitles)
	}
	if len(docs) > 0 {
		d := docs[0]
		want := Document{Title: "Council Approves New Library", Source: "City Daily", URL: "https://example.org/library",
			Published: "2024-02-05", File: "testdata/jsonl/articles.jsonl", Index: 0, Line: 1,
			Text: "Council Approves New Library\n\nThe city council approved a new library on Monday.\n\nBuilding starts next spring."}
		if !reflect.DeepEqual(d, want) {
			t.Errorf("got  %+v\nwant %+v", d, want)
		}
		if docs[1].Line != 4 || docs[1].Index != 1 {
			t.Errorf("second record at line %d index %d", docs[1].Line, docs[1].Index)
		}
	}
	wantErrs := []string{
		`testdata/jsonl/articles.jsonl:2: bad JSON record: field "title" is a number, want a string`,
		`testdata/jsonl/articles.jsonl:5: bad JSON record: unexpected end of JSON input`,
		`testdata/jsonl/articles.jsonl:6: article "Bad day": json: published "2024-13-45" is not a date (want YYYY-MM-DD)`,
		`testdata/jsonl/articles.jsonl:7: article "No text here": article has no text: record has no "text"`,
		`testdata/jsonl/articles.jsonl:8: bad JSON record: field "text" is an array, want a string`,
		`testdata/jsonl/articles.jsonl:9: bad JSON record: not a JSON object`,
	}
	var gotErrs []string
	for _, e := range errs {
		gotErrs = append(gotErrs, e.Error())
	}
	if !reflect.DeepEqual(gotErrs, wantErrs) {
		t.Errorf("errors\n got %q\nwant %q", gotErrs, wantErrs)
	}
}

func TestJSONArray(t *testing.T) {
	in := "[\n  {\"title\": \"One\", \"text\": \"First body.\"},\n  {\"title\": true, \"text\": \"x\"},\n  {\"title\": \"Three\", \"text\": \"Third body.\"}\n]\n"
	docs, errs := Read("list.json", strings.NewReader(in))
	if len(docs) != 2 || docs[0].Title != "One" || docs[1].Title != "Three" || docs[1].Index != 1 {
		t.Errorf("docs %+v", docs)
	}
	if len(errs) != 1 || errs[0].Error() != `list.json:3: bad JSON record: field "title" is a boolean, want a string` {
		t.Errorf("errors %v", errs)
	}
}

func TestStdin(t *testing.T) {
	in := `{"title":"From a Pipe","text":"A line read from standard input.","published":"May 1, 2020"}` + "\n"
	docs, errs := Read("-", strings.NewReader(in))
	if len(errs) > 0 || len(docs) != 1 || docs[0].File != "-" || docs[0].Published != "2020-05-01" {
		t.Fatalf("Read: %+v %v", docs, errs)
	}
	// ReadPath("-") reads os.Stdin.
	f, err := os.CreateTemp(t.TempDir(), "stdin")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("title: Piped\n---\nPlain text from standard input.\n")
	f.Seek(0, 0)
	old := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = old; f.Close() }()
	docs, errs = ReadPath("-")
	if len(errs) > 0 || len(docs) != 1 || docs[0].Title != "Piped" || docs[0].File != "-" {
		t.Errorf("ReadPath(-): %+v %v", docs, errs)
	}
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := "title: Good Article\n---\nThe good article still loads beside the bad ones.\n"
	write(t, dir, "a_good.txt", good)
	write(t, dir, "sub/z_good.txt", good)
	write(t, dir, "sub/manifest.json", `{"articles": [ {"file": "z_good.txt", "title": 7} ]}`)
	write(t, dir, "empty.txt", "")
	write(t, dir, "blank.txt", " \n\n\t\n")
	write(t, dir, "binary.dat", "GIF89a\x00\x01\x02\x03 some bytes")
	write(t, dir, "noise.dat", strings.Repeat("\x01\x02\x03\x04\x05\x06\x07\x08abc", 50))
	write(t, dir, "latin1.txt", "First line is fine.\nCaf\xe9 owners protested on Monday.\n")
	write(t, dir, "page.html", "<!DOCTYPE html>\n<html><head><title>X</title></head><body><p>Hi</p></body></html>\n")
	write(t, dir, "bad.jsonl", "{\"title\": \"Fine\", \"text\": \"A good record.\"}\n{\"title\": \"Wrong\", \"text\": 12}\n")
	write(t, dir, "baddate.txt", "title: Dated Badly\npublished: 2024-13-45\n---\nBody text here.\n")
	write(t, dir, ".hidden.txt", "\x00 hidden files are skipped")
	write(t, dir, ".git/config", "\x00 hidden folders are skipped")
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil { // sparse: nothing is written
		t.Fatal(err)
	}
	f.Close()

	docs, errs := ReadPath(dir)
	var titles []string
	for _, d := range docs {
		titles = append(titles, filepath.Base(d.File)+":"+d.Title)
	}
	// z_good.txt's manifest does not parse: it is refused, not loaded bare
	wantTitles := []string{"a_good.txt:Good Article", "bad.jsonl:Fine"}
	if !reflect.DeepEqual(titles, wantTitles) {
		t.Errorf("docs %q, want %q", titles, wantTitles)
	}
	want := []struct {
		file   string
		is     error
		reason string
	}{
		{"bad.jsonl", ErrRecord, `bad.jsonl:2: article "Wrong": bad JSON record: field "text" is a number, want a string`},
		{"baddate.txt", ErrDate, `baddate.txt:2: article "Dated Badly": header: published "2024-13-45" is not a date`},
		{"big.txt", ErrTooLarge, "big.txt: file too large: 32.0 MiB is over the 32 MiB limit"},
		{"binary.dat", ErrBinary, "binary.dat: binary file: NUL byte at offset 6"},
		{"blank.txt", ErrEmpty, "blank.txt: empty file: only white space"},
		{"empty.txt", ErrEmpty, "empty.txt: empty file"},
		{"latin1.txt", ErrEncoding, "latin1.txt:2: invalid UTF-8 at byte offset 23 (line 2)"},
		{"noise.dat", ErrBinary, "noise.dat: binary file: mostly non-text bytes"},
		{"page.html", ErrHTML, "page.html: HTML page: save the article's text, or feed JSON Lines"},
		{"manifest.json", ErrManifest, "sub/manifest.json:1: bad manifest: json: cannot unmarshal number"},
		{"z_good.txt", ErrManifest, "sub/z_good.txt: bad manifest: not loaded, because manifest.json beside it cannot be read"},
	}
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d:", len(errs), len(want))
		for _, e := range errs {
			t.Log(e)
		}
	}
	for _, w := range want {
		found := false
		for _, e := range errs {
			var re *Error
			if !errors.As(e, &re) || filepath.Base(re.File) != w.file {
				continue
			}
			found = true
			if !errors.Is(e, w.is) {
				t.Errorf("%s: %v does not wrap %v", w.file, e, w.is)
			}
			if !strings.Contains(e.Error(), w.reason) {
				t.Errorf("%s:\n got %s\nwant it to contain %s", w.file, e, w.reason)
			}
		}
		if !found {
			t.Errorf("no error for %s", w.file)
		}
	}
}

func TestMissingPath(t *testing.T) {
	docs, errs := ReadPath("testdata/no-such-file.txt")
	if len(docs) != 0 || len(errs) != 1 || errs[0].Error() != "testdata/no-such-file.txt: stat: no such file or directory" {
		t.Errorf("%v %v", docs, errs)
	}
}

func TestUTF16AndCRLF(t *testing.T) {
	text := "title: Wide\r\n---\r\nA body in UTF-16 with CRLF line ends.\r\n"
	u := []byte{0xFF, 0xFE}
	for _, r := range text {
		u = append(u, byte(r), byte(r>>8))
	}
	docs, errs := Read("wide.txt", strings.NewReader(string(u)))
	if len(errs) > 0 || len(docs) != 1 || docs[0].Text != "Wide\n\nA body in UTF-16 with CRLF line ends." {
		t.Errorf("%+v %v", docs, errs)
	}
}

func TestHardWrapped(t *testing.T) {
	in := "Flood Warning Lifted\n\nThe weather office lifted the flood warning on Monday,\nsaying river levels had fallen below the danger mark.\n\nResidents may return home.\n"
	docs, errs := Read("wrap.txt", strings.NewReader(in))
	want := "Flood Warning Lifted\n\nThe weather office lifted the flood warning on Monday, saying river levels had fallen below the danger mark.\n\nResidents may return home."
	if len(errs) > 0 || len(docs) != 1 || docs[0].Text != want || docs[0].Title != "Flood Warning Lifted" {
		t.Errorf("%+v %v", docs, errs)
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		e    Error
		want string
	}{
		{Error{File: "a.txt", Err: ErrEmpty}, "a.txt: empty file"},
		{Error{File: "a.txt", Line: 3, Err: ErrEmpty}, "a.txt:3: empty file"},
		{Error{File: "a.txt", Article: "T", Err: ErrNoText}, `a.txt: article "T": article has no text`},
		{Error{File: "seeds/x.txt", Line: 12, Article: "Title", Err: errors.New("header: x")}, `seeds/x.txt:12: article "Title": header: x`},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestScrapeRules(t *testing.T) {
	type art struct {
		title string
		line  int
		text  string
	}
	tests := []struct {
		name string
		in   string
		want []art
	}{
		{"title only after the marker",
			"Cap one here. (AFP)\nCap one here. (AFP)\nTT\n\nFirst Title Here\n\nCap one here. (AFP)\n\nBody one says things happened today.\n\n\nCap two (EPA)\nCap two (EPA)\nTT\nSecond Title Here\nCap two (EPA)\nBody two says more things.\n",
			[]art{
				{"First Title Here", 1, "First Title Here\n\nCap one here. (AFP)\n\nBody one says things happened today."},
				{"Second Title Here", 12, "Second Title Here\n\nCap two (EPA)\n\nBody two says more things."},
			}},
		{"recurring title without a marker, site menu dropped",
			"Home | News | Sport\nAlpha Headline Words\nCaption alpha line.\nAlpha Headline Words\nCaption alpha line.\nAlpha body sentence one.\n\nBeta Headline Words\nCaption beta.\nCaption beta.\nBeta Headline Words\nBeta body sentence.\n",
			[]art{
				{"Alpha Headline Words", 2, "Alpha Headline Words\n\nCaption alpha line.\n\nAlpha body sentence one."},
				{"Beta Headline Words", 8, "Beta Headline Words\n\nCaption beta.\n\nBeta body sentence."},
			}},
		{"prose before the first article is kept",
			"This is a long introduction paragraph with more than eight words in it.\n\nGamma Title\n\nGamma cap.\nGamma cap.\nTT\nGamma Title\nGamma body.\n",
			[]art{
				{"This is a long introduction paragraph with more than eight words in it.", 1, "This is a long introduction paragraph with more than eight words in it."},
				{"Gamma Title", 3, "Gamma Title\n\nGamma cap.\n\nGamma body."},
			}},
		{"single article, title repeated at once",
			"Delta Title\nDelta Title\nDelta body line one.\nPowered by automated translation\nDelta body line two.\n",
			[]art{{"Delta Title", 1, "Delta Title\n\nDelta body line one.\n\nDelta body line two."}}},
		{"long first line gives a cut title",
			"Officials from both sides met in the capital on Tuesday to discuss the reopening of the border crossing and the return of displaced families. More talks follow.\n",
			[]art{{"Officials from both sides met in the capital on Tuesday to discuss the reopening of the border crossing and the return", 1,
				"Officials from both sides met in the capital on Tuesday to discuss the reopening of the border crossing and the return of displaced families. More talks follow."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Read("scrape.txt", strings.NewReader(tt.in))
			if len(errs) > 0 {
				t.Fatalf("errors %v", errs)
			}
			var got []art
			for _, d := range docs {
				got = append(got, art{d.Title, d.Line, d.Text})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	for _, p := range []string{"testdata/seeds/000_1f8fafb75314893b.txt", "testdata/seeds/003_91bc4412a6e28247.txt",
		"testdata/header/multi.txt", "testdata/tsv/scrape.txt", "testdata/jsonl/articles.jsonl"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("TT\nTT\n\nA B\nTT\nA B\n"))
	f.Add([]byte("---\ntitle: x\n---\n"))
	f.Add([]byte("[{\"text\":\"a\"},1]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, errs := Read("fuzz", strings.NewReader(string(data)))
		for _, d := range docs {
			if strings.TrimSpace(d.Text) == "" || d.Line < 1 || d.File != "fuzz" {
				t.Fatalf("bad document %+v", d)
			}
		}
		for _, e := range errs {
			var re *Error
			if !errors.As(e, &re) || re.File != "fuzz" {
				t.Fatalf("error without file: %v", e)
			}
		}
	})
}

// TestLargeInputs guards against quadratic paths on big, odd files.
func TestLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for name, in := range map[string]string{
		"wrapped": "Start of a long wrapped paragraph\n" + strings.Repeat("and it goes on and on\n", 200000),
		"markers": strings.Repeat("TT\nA Title Line\nA caption here.\nA caption here.\n", 50000),
		"titles":  strings.Repeat("Some Title\nCaption x.\nCaption x.\nTT\nSome Title\nBody text.\n\n", 30000),
		"comment": strings.Repeat("Comments\n"+strings.Repeat("\n", 300), 3000) + "Body line.\n",
		"headers": strings.Repeat("title: T\nsource: S\n---\nBody.\n\n", 40000),
	} {
		start := time.Now()
		docs, _ := Read(name, strings.NewReader(in))
		d := time.Since(start)
		t.Logf("%s: %v, %d articles", name, d, len(docs))
		if d > 5*time.Second {
			t.Errorf("%s: %v for %d bytes (%d articles)", name, d, len(in), len(docs))
		}
	}
}

func TestHeaderUnknownDate(t *testing.T) {
	for _, v := range []string{"unknown", "Unknown", "n/a", "N.A.", "none", "-", "undated"} {
		t.Run(v, func(t *testing.T) {
			in := "title: Undated One\npublished: " + v + "\n---\nA body that says it happened in May 2024.\n"
			docs, errs := Read("dev/x.txt", strings.NewReader(in))
			if len(errs) != 0 {
				t.Fatalf("errors %v, want none", errs)
			}
			if len(docs) != 1 || docs[0].Published != "" {
				t.Fatalf("docs %+v, want one undated article", docs)
			}
			if len(docs[0].Warnings) != 1 || !errors.Is(docs[0].Warnings[0], ErrUnknownDate) {
				t.Fatalf("warnings %v, want one ErrUnknownDate", docs[0].Warnings)
			}
			w := docs[0].Warnings[0].Error()
			if !strings.HasPrefix(w, `dev/x.txt:2: article "Undated One": header: published`) {
				t.Errorf("warning %q does not name file, line and article", w)
			}
		})
	}
}
