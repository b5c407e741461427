package extract

import "strings"

// Hand-written forms of the regular expressions topicCue, nameStop and
// topicSep (agreements.go), which run on every agreement's sentence: each
// function gives exactly what its expression gives (leftmost-first, \s as
// [\t\n\f\r ], \b at ASCII word characters), which match_test.go checks on
// random text. The case-insensitive ones fall back to the expression for a
// text holding a rune that folds to an ASCII letter ("ſ", the Kelvin sign).

// isSpaceRE reports whether c is white space to a regular expression's \s.
func isSpaceRE(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// isWordRE reports whether c is a word character to \b.
func isWordRE(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// hasPrefixFold reports whether s starts with lit (lower-case ASCII) in
// any ASCII case.
func hasPrefixFold(s, lit string) bool {
	if len(s) < len(lit) {
		return false
	}
	for i := 0; i < len(lit); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lit[i] {
			return false
		}
	}
	return true
}

// spacesFrom returns the end of the run of \s characters starting at i.
func spacesFrom(s string, i int) int {
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return i
}

// topicAlts are topicCue's alternatives, in its order.
var topicAlts = []string{"related to", "relating to", "covering", "covers", "covered", "includes", "included",
	"including", "concerning", "regarding", "in the fields of", "in the field of", "in the areas of",
	"in the area of", "on", "to combat", "to fight", "to cooperate in", "to cooperate on"}

// topicCueFrom is the leftmost match of topicCue in text starting at or
// after from, searched as FindAllStringIndex searches on after a match
// ending at from; nil if none.
func topicCueFrom(text string, from int) []int {
	if foldsToASCII(text) {
		m := topicCue.FindStringIndex(text[from:])
		if m != nil {
			m[0], m[1] = m[0]+from, m[1]+from
		}
		return m
	}
	for p := from; p < len(text); p++ {
		if p > 0 && isWordRE(text[p-1]) {
			continue
		}
		switch text[p] | 0x20 {
		case 'r', 'c', 'i', 'o', 't':
		default:
			continue
		}
		for _, alt := range topicAlts {
			if !hasPrefixFold(text[p:], alt) {
				continue
			}
			e := p + len(alt)
			if e < len(text) && isSpaceRE(text[e]) {
				return []int{p, spacesFrom(text, e)}
			}
		}
	}
	return nil
}

// nameStopAlts are the words of nameStop's first alternative, in its
// order; "on" takes a weekday.
var nameStopAlts = []string{"between", "with", "was", "were", "is", "that", "which", "who", "signed",
	"covering", "including", "related", "in", "mediated", "brokered", "facilitated", "hosted", "agreed", "reached", "due"}

var weekdayNames = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// weekdayWords is weekdayNames as a word set.
var weekdayWords = set(strings.Join(weekdayNames, " "))

// nameStopIndex is the start of nameStop's leftmost match in s, or -1.
func nameStopIndex(s string) int {
	if foldsToASCII(s) {
		if m := nameStop.FindStringIndex(s); m != nil {
			return m[0]
		}
		return -1
	}
	// boundary reports whether \b holds at i after a word
	boundary := func(i int) bool { return i >= len(s) || !isWordRE(s[i]) }
	for p := 0; p < len(s); p++ {
		switch c := s[p]; {
		case c == ',' || c == ';' || c == '.' || c == ':' || c == '"' || c == '(':
			return p
		case c == 0xE2 && (strings.HasPrefix(s[p:], "“") || strings.HasPrefix(s[p:], "”")):
			return p
		case isSpaceRE(c):
			q := spacesFrom(s, p)
			for _, alt := range nameStopAlts {
				if hasPrefixFold(s[q:], alt) && boundary(q+len(alt)) {
					return p
				}
			}
			if hasPrefixFold(s[q:], "on ") {
				for _, d := range weekdayNames {
					if hasPrefixFold(s[q+3:], d) && boundary(q+3+len(d)) {
						return p
					}
				}
			}
		}
	}
	return -1
}

// splitTopics is topicSep.Split(s, -1).
func splitTopics(s string) []string {
	if s == "" {
		return []string{""}
	}
	var out []string
	beg := 0
	for p := 0; p < len(s); {
		e := topicSepAt(s, p)
		if e < 0 {
			p++
			continue
		}
		out = append(out, s[beg:p])
		beg, p = e, e
	}
	return append(out, s[beg:])
}

// topicSepAt returns the end of a topicSep match starting at p, or -1.
func topicSepAt(s string, p int) int {
	// \s*,\s*(?:and\s+|or\s+)?
	if q := spacesFrom(s, p); q < len(s) && s[q] == ',' {
		r := spacesFrom(s, q+1)
		for _, w := range []string{"and", "or"} {
			if strings.HasPrefix(s[r:], w) {
				if e := r + len(w); e < len(s) && isSpaceRE(s[e]) {
					return spacesFrom(s, e)
				}
			}
		}
		return r
	}
	// \s+and\s+|\s+as well as\s+
	if q := spacesFrom(s, p); q > p {
		for _, w := range []string{"and", "as well as"} {
			if strings.HasPrefix(s[q:], w) {
				if e := q + len(w); e < len(s) && isSpaceRE(s[e]) {
					return spacesFrom(s, e)
				}
			}
		}
	}
	return -1
}
