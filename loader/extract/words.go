package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Small word helpers shared by the phases: the words before an offset,
// membership.

// precedingWord is the last word of s (lower-cased, without quotes,
// brackets and commas around it), skipping articles and compass words. It
// reads s backwards, so its cost is that of the words it reads.
func precedingWord(s string) string {
	for end := len(s); end > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if unicode.IsSpace(r) {
			end -= n
			continue
		}
		start := end
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= n
		}
		w := strings.ToLower(strings.Trim(s[start:end], "\"“”'’(),"))
		end = start
		if w == "the" || w == "a" || w == "an" || w == "northern" || w == "southern" || w == "eastern" || w == "western" || w == "central" {
			continue
		}
		return w
	}
	return ""
}

// precedingWord is precedingWord(x.s.Text[:rel]), read backwards from rel
// in the lower-cased text of an ASCII sentence.
func (x *sent) precedingWord(rel int) string {
	if !x.ascii {
		return precedingWord(x.s.Text[:rel])
	}
	s := x.low[:rel]
	for end := len(s); ; {
		for end > 0 && asciiSpace(s[end-1]) {
			end--
		}
		if end == 0 {
			return ""
		}
		start := end - 1
		for start > 0 && !asciiSpace(s[start-1]) {
			start--
		}
		w := strings.Trim(s[start:end], "\"“”'’(),")
		switch w {
		case "the", "a", "an", "northern", "southern", "eastern", "western", "central":
			end = start
			continue
		}
		return w
	}
}

// lastWordsLower is strings.ToLower(lastWords(x.s.Text[:rel], n)), except
// that for an ASCII sentence the words keep the white space between them
// (which no word searched for in it holds).
func (x *sent) lastWordsLower(rel, n int) string {
	if !x.ascii {
		return strings.ToLower(lastWords(x.s.Text[:rel], n))
	}
	s := x.low[:rel]
	end := len(s)
	for end > 0 && asciiSpace(s[end-1]) {
		end--
	}
	start := end
	for k := 0; k < n && start > 0; k++ {
		for start > 0 && !asciiSpace(s[start-1]) {
			start--
		}
		if k+1 < n {
			p := start
			for p > 0 && asciiSpace(s[p-1]) {
				p--
			}
			if p == 0 {
				break
			}
			start = p
		}
	}
	return s[start:end]
}

// asciiSpace reports whether c is white space to strings.Fields.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// lastWords is the last n words of s (as strings.Fields splits them) joined
// by spaces. It reads s backwards, so its cost is that of the words it reads.
func lastWords(s string, n int) string {
	f := make([]string, 0, n)
	for end := len(s); end > 0 && len(f) < n; {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if unicode.IsSpace(r) {
			end -= size
			continue
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		f = append(f, s[start:end])
		end = start
	}
	slices.Reverse(f)
	return strings.Join(f, " ")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
