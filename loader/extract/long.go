package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"eventgraph/loader/sentence"
)

// maxSentenceBytes bounds the sentences extraction reads as one. A news
// sentence stays under 400 bytes (about 60 words); text far longer without a
// full stop (a list, a table flattened to a line, a transcript without
// punctuation, hostile input) is cut into pieces of at most this many bytes
// so that the work per sentence stays bounded and extraction stays linear in
// the article's size. See capSentences.
const maxSentenceBytes = 3000

// capSentences returns ss with every sentence longer than max bytes cut into
// pieces of at most max bytes. A piece ends after the last clause mark ("; ",
// else ", ") in its second half, else at its last space, else at max bytes
// (on a rune boundary); the white space between pieces belongs to none.
// Sentences of max bytes or fewer pass unchanged; without a long one ss is
// returned as it is.
func capSentences(text string, ss []sentence.Sentence, max int) []sentence.Sentence {
	long := false
	for _, s := range ss {
		if s.End-s.Start > max {
			long = true
			break
		}
	}
	if !long {
		return ss
	}
	out := make([]sentence.Sentence, 0, len(ss)+len(text)/max)
	for _, s := range ss {
		start := s.Start
		for s.End-start > max {
			cut := cutAt(text[start:start+max], max/2)
			out = appendPiece(out, text, start, start+cut)
			start += cut
		}
		out = appendPiece(out, text, start, s.End)
	}
	return out
}

// cutAt is where to cut a piece of s: after the last "; " or ", " at or
// past min, else before the last space past min, else at the last rune
// boundary of s.
func cutAt(s string, min int) int {
	for _, mark := range []string{"; ", ", "} {
		if i := strings.LastIndex(s, mark); i >= min {
			return i + 1
		}
	}
	if i := strings.LastIndexByte(s, ' '); i >= min {
		return i
	}
	for k := len(s) - 1; k > 0 && k >= len(s)-utf8.UTFMax; k-- {
		if utf8.RuneStart(s[k]) {
			if !utf8.FullRuneInString(s[k:]) {
				return k // the rune goes on past s
			}
			break
		}
	}
	return len(s)
}

// appendPiece appends text[s:e] trimmed of white space, if anything is
// left.
func appendPiece(out []sentence.Sentence, text string, s, e int) []sentence.Sentence {
	p := text[s:e]
	t := strings.TrimLeftFunc(p, unicode.IsSpace)
	s += len(p) - len(t)
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	if t == "" {
		return out
	}
	return append(out, sentence.Sentence{Start: s, End: s + len(t), Text: t})
}
