package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the kind of a token.
type kind uint8

const (
	kWord  kind = iota // a run of letters
	kNum               // a run of ASCII digits
	kPunct             // any other single rune
)

// token is one word, number or punctuation mark of a sentence.
type token struct {
	start, end int    // byte offsets in the sentence
	low        string // lower-cased word, the digits, or the normalized mark
	n          int    // value of a number (-1 when longer than 9 digits)
	digits     int    // how many digits a number has
	kind       kind
	sp         bool   // white space (or the sentence start) stands before it
	cap        bool   // a word whose first letter is upper case
	sets       uint32 // for a word, the word sets it belongs to (wordSets)
}

// lex splits s into tokens, reusing buf; low is s with its ASCII letters
// lower-cased (ascii.Lower(s)). Letters (any script) make words, ASCII
// digits make numbers, every other non-space rune is a mark of its own.
// Curly quotes and apostrophes are normalized to ASCII, the en dash to "-".
func lex(s, low string, buf []token) []token {
	toks := buf[:0]
	sp := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				sp = true
				i++
				continue
			case '0' <= c && c <= '9':
				j, n := i, 0
				for j < len(s) && '0' <= s[j] && s[j] <= '9' {
					if j-i < 9 {
						n = n*10 + int(s[j]-'0')
					}
					j++
				}
				if j-i > 9 {
					n = -1
				}
				toks = push(toks, token{start: i, end: j, low: s[i:j], n: n, digits: j - i, kind: kNum, sp: sp})
				sp = false
				i = j
				continue
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				j := wordEnd(s, i)
				toks = push(toks, word(s, low, i, j, sp))
				sp = false
				i = j
				continue
			}
			toks = push(toks, token{start: i, end: i + 1, low: s[i : i+1], kind: kPunct, sp: sp})
			sp = false
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			sp = true
			i += size
			continue
		case unicode.IsLetter(r):
			j := wordEnd(s, i)
			toks = push(toks, word(s, low, i, j, sp))
			sp = false
			i = j
			continue
		}
		low := s[i : i+size]
		switch r {
		case '’', '‘', '`', 'ʼ', '′':
			low = "'"
		case '–', '‑', '‐':
			low = "-"
		case '“', '”', '„', '«', '»':
			low = "\""
		case '—', '―':
			low = "—"
		}
		toks = push(toks, token{start: i, end: i + size, low: low, kind: kPunct, sp: sp})
		sp = false
		i += size
	}
	return toks
}

// push appends t to toks, in place when toks has room: field by field,
// which spares copying a whole token (with write barriers) while the
// garbage collector runs.
func push(toks []token, t token) []token {
	n := len(toks)
	if n == cap(toks) {
		return append(toks, t)
	}
	toks = toks[:n+1]
	d := &toks[n]
	d.start, d.end, d.low, d.n, d.digits, d.kind, d.sp, d.cap, d.sets = t.start, t.end, t.low, t.n, t.digits, t.kind, t.sp, t.cap, t.sets
	return toks
}

// wordEnd returns the end of the run of letters (and combining marks)
// starting at i.
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		j += size
	}
	return j
}

// word makes the token of the word s[i:j]; low is s with ASCII letters
// lower-cased.
func word(s, low string, i, j int, sp bool) token {
	w := low[i:j]
	for k := i; k < j; k++ {
		if s[k] >= utf8.RuneSelf {
			w = strings.ToLower(s[i:j])
			break
		}
	}
	c := s[i]
	up := 'A' <= c && c <= 'Z'
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s[i:])
		up = unicode.IsUpper(r)
	}
	return token{start: i, end: j, low: w, kind: kWord, sp: sp, cap: up, sets: setsOf(w)}
}
