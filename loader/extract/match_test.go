package extract

import (
	"eventgraph/loader/ascii"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"eventgraph/loader/sentence"
	"eventgraph/loader/synth"
)

// randomText joins random pieces that the expressions of match.go look
// for, in random case, with white space and punctuation between.
func randomText(r *rand.Rand) string {
	pieces := []string{"related to", "relating to", "covering", "covers", "covered", "includes", "included",
		"including", "concerning", "regarding", "in the fields of", "in the field of", "in the areas of",
		"in the area of", "on", "to combat", "to fight", "to cooperate in", "to cooperate on", "to cooperate",
		"between", "with", "was", "were", "is", "that", "which", "who", "signed", "related", "in", "on Sunday",
		"on Monday", "Tuesday", "saturday", "and", "or", "as well as", "as well", "andor", "x", "drugs", "3",
		"_", "ſ", "K", "é", ",", ";", ".", ":", "“", "”", "\"", "(", ")", "-", "'", "the", "The", "ON", "In"}
	seps := []string{" ", "  ", "\t", "\n", "\v", "\f", "\r", "", ",", ", ", " ,", "\u00a0"}
	var b strings.Builder
	for n := r.Intn(12); n >= 0; n-- {
		w := pieces[r.Intn(len(pieces))]
		switch r.Intn(3) {
		case 0:
			w = strings.ToUpper(w)
		case 1:
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		b.WriteString(seps[r.Intn(len(seps))])
	}
	return b.String()
}

// TestHandMatchers checks the hand-written matchers against the regular
// expressions they stand for.
func TestHandMatchers(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		s := randomText(r)
		var want []int
		for _, m := range topicCue.FindAllStringIndex(s, -1) {
			want = append(want, m...)
		}
		var got []int
		for pos := 0; pos < len(s); {
			m := topicCueFrom(s, pos)
			if m == nil {
				break
			}
			got = append(got, m...)
			pos = m[1]
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("topicCue in %q: got %v, want %v", s, got, want)
		}
		want1 := -1
		if m := nameStop.FindStringIndex(s); m != nil {
			want1 = m[0]
		}
		if got1 := nameStopIndex(s); got1 != want1 {
			t.Fatalf("nameStop in %q: got %d, want %d", s, got1, want1)
		}
		if got, want := splitTopics(s), topicSep.Split(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("topicSep split of %q: got %q, want %q", s, got, want)
		}
	}
}

// testSentences are sentences of the own test articles and of synthetic
// ones, as written and upper-cased, and random texts.
func testSentences(t *testing.T) []string {
	var texts []string
	files, _ := filepath.Glob("testdata/own/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, d := range synth.Generate(30, 5) {
		texts = append(texts, d.Text)
	}
	var out []string
	for _, text := range texts {
		for _, s := range sentence.Split(text) {
			out = append(out, s.Text, strings.ToUpper(s.Text), strings.ReplaceAll(s.Text, " ", "\u00a0 "))
		}
	}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		out = append(out, randomText(r))
	}
	return out
}

// TestSentenceHelpers checks the quick forms of the sentence helpers
// against the plain ones.
func TestSentenceHelpers(t *testing.T) {
	for _, s := range testSentences(t) {
		low := ascii.Lower(s)
		if len(low) != len(s) || isASCII(s) && low != strings.ToLower(s) {
			t.Fatalf("ascii.Lower(%q) = %q", s, low)
		}
		x := &sent{s: sentenceOf(s), low: low, folds: foldsToASCII(s), ascii: isASCII(s)}
		for _, tok := range tokenize(s, low, nil) {
			want := tok.w // a mark is its own lower case
			if !tok.punct {
				want = strings.ToLower(tok.w)
			}
			if tok.lw != want || tok.w != s[tok.s:tok.e] {
				t.Fatalf("token %q of %q: lower %q", tok.w, s, tok.lw)
			}
		}
		for rel := 0; rel <= len(s); rel++ {
			want := precedingWordFields(s[:rel])
			if got := x.precedingWord(rel); got != want {
				t.Fatalf("x.precedingWord(%q) = %q, want %q", s[:rel], got, want)
			}
			if got := precedingWord(s[:rel]); got != want {
				t.Fatalf("precedingWord(%q) = %q, want %q", s[:rel], got, want)
			}
			lw := strings.ToLower(lastWordsFields(s[:rel], 3))
			if got := strings.ToLower(lastWords(s[:rel], 3)); got != lw {
				t.Fatalf("lastWords(%q, 3) = %q, want %q", s[:rel], got, lw)
			}
			got := x.lastWordsLower(rel, 3)
			for _, w := range []string{"province", "city", "port", "governorate", "town"} {
				if strings.Contains(got, w) != strings.Contains(lw, w) {
					t.Fatalf("lastWordsLower(%q) = %q, want %q", s[:rel], got, lw)
				}
			}
		}
		for n := 0; n < 14; n += 3 {
			if got, want := clip(s, n), clipFields(s, n); got != want {
				t.Fatalf("clip(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
		}
		if s != "" {
			if got, want := upperFirst(s), strings.ToUpper(s[:1])+s[1:]; got != want {
				t.Fatalf("upperFirst(%q) = %q, want %q", s, got, want)
			}
		}
		if definiteAgreement.MatchString(s) && !x.mayBeDefinite() {
			t.Fatalf("mayBeDefinite(%q) is false, but it matches", s)
		}
		for _, k := range agreementKinds {
			if k.re.MatchString(s) && !x.mayContain(k.lits) {
				t.Fatalf("mayContain(%q, %v) is false, but %s matches", s, k.lits, k.kind)
			}
		}
		if got, want := firstTopic(s), firstTopicAll(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("firstTopic(%q) = %v, want %v", s, got, want)
		}
	}
}

// sentenceOf is a whole text as one sentence.
func sentenceOf(s string) sentence.Sentence { return sentence.Sentence{Start: 0, End: len(s), Text: s} }

// precedingWordFields is precedingWord by strings.Fields.
func precedingWordFields(s string) string {
	f := strings.Fields(s)
	for i := len(f) - 1; i >= 0; i-- {
		w := strings.ToLower(strings.Trim(f[i], "\"“”'’(),"))
		if w == "the" || w == "a" || w == "an" || w == "northern" || w == "southern" || w == "eastern" || w == "western" || w == "central" {
			continue
		}
		return w
	}
	return ""
}

// lastWordsFields is lastWords by strings.Fields.
func lastWordsFields(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}

// clipFields is clip by strings.Fields.
func clipFields(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.TrimRight(strings.Join(f[:n], " "), ",;:") + "…"
}

// firstTopicAll is firstTopic by all of topicCue's matches.
func firstTopicAll(text string) []int {
	for _, m := range topicCue.FindAllStringIndex(text, -1) {
		if !dateWord.MatchString(text[m[1]:]) {
			return m
		}
	}
	return nil
}
