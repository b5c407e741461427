package sentence

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// texts returns the Text of each sentence.
func texts(ss []Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

// checkOffsets asserts the invariants every Split result must keep.
func checkOffsets(t testing.TB, text string, ss []Sentence) {
	t.Helper()
	prev := 0
	for i, s := range ss {
		if s.Start < prev || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("sentence %d: bad offsets [%d,%d) (prev end %d, len %d)", i, s.Start, s.End, prev, len(text))
		}
		if text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: Text %q != text[%d:%d] %q", i, s.Text, s.Start, s.End, text[s.Start:s.End])
		}
		if strings.ContainsAny(s.Text, "\n\r") {
			t.Fatalf("sentence %d spans a line break: %q", i, s.Text)
		}
		if utf8.ValidString(s.Text) {
			first, _ := utf8.DecodeRuneInString(s.Text)
			last, _ := utf8.DecodeLastRuneInString(s.Text)
			if unicode.IsSpace(first) || unicode.IsSpace(last) {
				t.Fatalf("sentence %d not trimmed: %q", i, s.Text)
			}
		}
		prev = s.End
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank lines", " \n\n\t\n", nil},
		{"two sentences", "The talks ended. Both sides left.", []string{"The talks ended.", "Both sides left."}},
		{"lines split first", "Headline without stop\nBody one. Body two.",
			[]string{"Headline without stop", "Body one.", "Body two."}},
		{"crlf", "One line.\r\nAnother line.", []string{"One line.", "Another line."}},
		{"question and exclamation", "Is it over? Yes! It is.", []string{"Is it over?", "Yes!", "It is."}},
		{"title abbreviations", "Lt. Col. Jane Roe and Maj. Gen. Sam Poe met Gov. Ann Lee and Sen. Bo Ray. Dr. Kay spoke.",
			[]string{"Lt. Col. Jane Roe and Maj. Gen. Sam Poe met Gov. Ann Lee and Sen. Bo Ray.", "Dr. Kay spoke."}},
		{"abbreviations without dots", "Lt Gen Jane Roe said on Monday that the wall is done.",
			[]string{"Lt Gen Jane Roe said on Monday that the wall is done."}},
		{"mr and initials", "Mr. John F. Kennedy arrived. He spoke.", []string{"Mr. John F. Kennedy arrived.", "He spoke."}},
		{"acronyms inside", "The U.S. Army and the U.N. Security Council agreed.", []string{"The U.S. Army and the U.N. Security Council agreed."}},
		{"acronym at end", "Troops left the U.S. The base closed.", []string{"Troops left the U.S.", "The base closed."}},
		{"months", "It began on Jan. 5 and ended Dec. 12, 2020. Then peace.", []string{"It began on Jan. 5 and ended Dec. 12, 2020.", "Then peace."}},
		{"number abbreviation", "Resolution No. 2254 passed. It held.", []string{"Resolution No. 2254 passed.", "It held."}},
		{"sentence-final number", "The group rose in 2014. The army fought back.", []string{"The group rose in 2014.", "The army fought back."}},
		{"number then credit", "Troops at the river, May 3, 2019. AGENCY/Photographer Name", []string{"Troops at the river, May 3, 2019.", "AGENCY/Photographer Name"}},
		{"decimal stays", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"closing quote", "He said it was “over.” Officials agreed.", []string{"He said it was “over.”", "Officials agreed."}},
		{"straight quote", `She said "done." They left.`, []string{`She said "done."`, "They left."}},
		{"quote then lower case", "“Why?” he asked.", []string{"“Why?” he asked."}},
		{"lower case continues", "It weighs approx. five tonnes.", []string{"It weighs approx. five tonnes."}},
		{"ellipsis", "We waited… Nothing came.", []string{"We waited…", "Nothing came."}},
		{"dots", "We waited... Nothing came.", []string{"We waited...", "Nothing came."}},
		{"photo credit stays", "Officials speak in the capital. (News Agency)", []string{"Officials speak in the capital. (News Agency)"}},
		{"no-break space", "The war ended.\u00a0Peace began.", []string{"The war ended.", "Peace began."}},
		{"url kept", "See example.com for more. Thanks.", []string{"See example.com for more.", "Thanks."}},
		{"trailing text without stop", "First. second part", []string{"First. second part"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.in)
			checkOffsets(t, tt.in, got)
			if g := texts(got); !reflect.DeepEqual(g, tt.want) && !(len(g) == 0 && len(tt.want) == 0) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, g, tt.want)
			}
		})
	}
}

// TestSeedCases runs the hard cases in testdata/cases.txt, lines taken from
// the seed articles.
func TestSeedCases(t *testing.T) {
	f, err := os.Open("testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type tc struct {
		in   string
		want []string
	}
	var cases []tc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "> "):
			cases = append(cases, tc{in: l[2:]})
		case strings.HasPrefix(l, "= "):
			cases[len(cases)-1].want = append(cases[len(cases)-1].want, l[2:])
		}
	}
	if len(cases) < 5 {
		t.Fatalf("only %d cases read", len(cases))
	}
	for i, c := range cases {
		got := Split(c.in)
		checkOffsets(t, c.in, got)
		if g := texts(got); !reflect.DeepEqual(g, c.want) {
			t.Errorf("case %d:\n got %q\nwant %q", i+1, g, c.want)
		}
	}
}

// TestSeedFiles checks the offsets over whole seed files and that no
// sentence starts with a lower-case letter (a sign of a wrong split).
func TestSeedFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, name := range files {
		if filepath.Base(name) == "cases.txt" {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		ss := Split(text)
		checkOffsets(t, text, ss)
		if len(ss) < 5 {
			t.Errorf("%s: only %d sentences", name, len(ss))
		}
		for _, s := range ss {
			r, _ := utf8.DecodeRuneInString(s.Text)
			if unicode.IsLower(r) {
				t.Errorf("%s: sentence starts lower case: %q", name, s.Text)
			}
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", ".", "..", "A. B", "U.S. The", "“x.” y", "Brig. Gen. A said. Then", "\xe2\x80", "a\xe2\x80\xa6",
		"in 2014. The", "(AFP).", "x.\u00a0Y", "\r\n.\r\n", "No. 5. No. X", "\xc2", ". \xc2\xa0",
		"Lt Gen X, said on Monday. He left.\n\nNext line? Yes!",
	} {
		f.Add(s)
	}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkOffsets(t, text, Split(text))
	})
}

func BenchmarkSplit(b *testing.B) {
	files, _ := filepath.Glob("testdata/0*.txt")
	var sb strings.Builder
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteByte('\n')
	}
	text := sb.String()
	words := len(strings.Fields(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Split(text)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
