package extract

import (
	_ "embed"
	"eventgraph/loader/wordfilter"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/triggers.tsv
var triggersTSV string

// class is what a trigger does in a sentence.
type class int

const (
	material class = iota // a happening of its own
	speech                // a statement; its complement may report another happening
	order                 // its complement's happening is the event (ordered by the subject)
	light                 // takes an event noun: "hold talks"
	none                  // blocks a phrase: "press release"
)

// entry is one trigger of the lexicon.
type entry struct {
	lemma string
	noun  bool
	cameo string // "" when CAMEO has no code for it
	typ   string
	class class
}

// lexicon maps a lower-case word form (or a space-joined multi-word form)
// to its entries; maxWords is the longest form in words.
type lexicon struct {
	forms    map[string][]*entry
	maxWords int
	// first maps the first word of every form to the entries of the word
	// alone (nil if it is no form by itself) and the most words a form
	// starting with it has; firstFilter holds those words.
	first       map[string]firstWord
	firstFilter wordfilter.Filter
}

// firstWord is what the lexicon holds for a form's first word.
type firstWord struct {
	entries []*entry
	longest int
}

var lex = sync.OnceValue(func() *lexicon {
	l := &lexicon{forms: map[string][]*entry{}, maxWords: 1}
	for _, line := range strings.Split(triggersTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			continue
		}
		e := &entry{lemma: f[0], noun: f[1] == "n", cameo: f[2], typ: f[3]}
		if e.cameo == "-" {
			e.cameo = ""
		}
		switch f[4] {
		case "speech":
			e.class = speech
		case "order":
			e.class = order
		case "light":
			e.class = light
		case "none":
			e.class = none
		}
		forms := []string{e.lemma}
		if e.noun {
			if !strings.HasSuffix(e.lemma, "s") {
				forms = append(forms, plural(e.lemma))
			}
		} else {
			forms = append(forms, verbForms(e.lemma)...)
		}
		if len(f) > 5 && f[5] != "" {
			forms = append(forms, strings.Split(f[5], ",")...)
		}
		seen := map[string]bool{}
		for _, w := range forms {
			w = strings.ToLower(strings.TrimSpace(w))
			if w == "" || seen[w] {
				continue
			}
			seen[w] = true
			l.forms[w] = append(l.forms[w], e)
			if n := len(strings.Fields(w)); n > l.maxWords {
				l.maxWords = n
			}
		}
	}
	l.first = map[string]firstWord{}
	for w, es := range l.forms {
		head, n := w, strings.Count(w, " ")+1
		if i := strings.IndexByte(w, ' '); i >= 0 {
			head = w[:i]
		}
		f := l.first[head]
		if n == 1 {
			f.entries = es
		}
		f.longest = max(f.longest, n)
		l.first[head] = f
		l.firstFilter.Add(head)
	}
	return l
})

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// doubles reports whether a verb doubles its last consonant (plan →
// planned): a short consonant-vowel-consonant word.
func doubles(w string) bool {
	n := len(w)
	if n < 3 || n > 4 {
		return false
	}
	groups := 0
	for i := 0; i < n; i++ {
		if isVowel(w[i]) && (i == 0 || !isVowel(w[i-1])) {
			groups++
		}
	}
	if groups != 1 {
		return false // "open" is two syllables: opened
	}
	c := w[n-1]
	return !isVowel(c) && strings.IndexByte("wxy", c) < 0 && isVowel(w[n-2]) && !isVowel(w[n-3])
}

// verbForms inflects a regular verb (multi-word verbs inflect the first word).
func verbForms(v string) []string {
	head, tail := v, ""
	if i := strings.IndexByte(v, ' '); i > 0 {
		head, tail = v[:i], v[i:]
	}
	var s, ed, ing string
	switch {
	case strings.HasSuffix(head, "y") && len(head) > 1 && !isVowel(head[len(head)-2]):
		s, ed, ing = head[:len(head)-1]+"ies", head[:len(head)-1]+"ied", head+"ing"
	case strings.HasSuffix(head, "e") && !strings.HasSuffix(head, "ee"):
		s, ed, ing = head+"s", head+"d", head[:len(head)-1]+"ing"
	case strings.HasSuffix(head, "s") || strings.HasSuffix(head, "sh") || strings.HasSuffix(head, "ch") || strings.HasSuffix(head, "x") || strings.HasSuffix(head, "z"):
		s, ed, ing = head+"es", head+"ed", head+"ing"
	case doubles(head):
		d := head + head[len(head)-1:]
		s, ed, ing = head+"s", d+"ed", d+"ing"
	default:
		s, ed, ing = head+"s", head+"ed", head+"ing"
	}
	return []string{s + tail, ed + tail, ing + tail}
}

func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "s") || strings.HasSuffix(n, "sh") || strings.HasSuffix(n, "ch") || strings.HasSuffix(n, "x"):
		return n + "es"
	case strings.HasSuffix(n, "y") && len(n) > 1 && !isVowel(n[len(n)-2]):
		return n[:len(n)-1] + "ies"
	}
	return n + "s"
}

// token is a word or a punctuation mark of a sentence, with byte offsets
// into the sentence.
type token struct {
	s, e  int
	w, lw string // as written, lower case
	cap   bool   // starts with an upper-case letter
	punct bool
}

// tokenize splits a sentence into words (letters, digits, inner hyphens
// and apostrophes) and single punctuation marks, appended to buf; low is s
// with its ASCII letters lower-cased (see ascii.Lower), whose words are the
// tokens' lower case when they are ASCII.
func tokenize(s, low string, buf []token) []token {
	toks := buf
	i := 0
	for i < len(s) {
		r, n := decodeRune(s, i)
		switch {
		case isSpace(r):
			i += n
		case isAlnum(r):
			j := i
			ascii := true
			for j < len(s) {
				if c := s[j]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
					j++ // the common case, before decoding
					continue
				}
				r2, n2 := decodeRune(s, j)
				if isAlnum(r2) {
					ascii = ascii && r2 < utf8.RuneSelf
					j += n2
					continue
				}
				// inner hyphen, apostrophe, or digit separators
				if (r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == ',') && j+n2 < len(s) {
					r3, _ := decodeRune(s, j+n2)
					if (r2 == '.' || r2 == ',') && !(isDigit(r3) && j > i && isDigit(lastRune(s[i:j]))) {
						break
					}
					if isAlnum(r3) {
						ascii = ascii && r2 < utf8.RuneSelf
						j += n2
						continue
					}
				}
				break
			}
			w := s[i:j]
			lw := low[i:j]
			if !ascii {
				lw = strings.ToLower(w)
			}
			toks = pushToken(toks, i, j, w, lw, isUpper(r), false)
			i = j
		default:
			toks = pushToken(toks, i, i+n, s[i:i+n], s[i:i+n], false, true)
			i += n
		}
	}
	return toks
}

// pushToken appends a token to toks, in place when toks has room: field by
// field, which spares copying a whole token while the garbage collector
// runs.
func pushToken(toks []token, s, e int, w, lw string, upper, punct bool) []token {
	n := len(toks)
	if n == cap(toks) {
		return append(toks, token{s: s, e: e, w: w, lw: lw, cap: upper, punct: punct})
	}
	toks = toks[:n+1]
	t := &toks[n]
	t.s, t.e, t.w, t.lw, t.cap, t.punct = s, e, w, lw, upper, punct
	return toks
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), quick for ASCII.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isSpace is unicode.IsSpace, quick for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// isAlnum is unicode.IsLetter(r) || unicode.IsDigit(r), quick for ASCII.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isDigit is unicode.IsDigit, quick for ASCII.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isUpper is unicode.IsUpper, quick for ASCII.
func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
