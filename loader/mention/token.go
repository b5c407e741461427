package mention

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"eventgraph/loader/gazetteer"
)

// token is a word or a punctuation mark of the text.
type token struct {
	Start, End int
	Text       string
	Key        string // gazetteer.Key(Text): folded, "" for a bare al/el particle
	Lower      string // lower-cased, dots dropped ("lt", "gen", "al-karimi")
	Word       bool   // letters or digits (may hold inner hyphens and apostrophes)
	Cap        bool   // starts with an upper-case letter
	Sent       int    // sentence index
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '‘' }

// tokenize splits text into word and punctuation tokens. Inner hyphens and
// apostrophes stay in a word ("Abdul-Amir", "Ma'an"); a possessive "'s" is a
// token of its own; initials keep their dots ("U.S.").
func tokenize(text string) []token {
	var toks []token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == 0xa0 {
			i += n
			continue
		}
		if !isWordRune(r) {
			// possessive 's after a word
			if isApos(r) && len(toks) > 0 && toks[len(toks)-1].Word && toks[len(toks)-1].End == i {
				if j := i + n; j < len(text) && (text[j] == 's' || text[j] == 'S') && (j+1 == len(text) || !isWordByte(text, j+1)) {
					toks = append(toks, token{Start: i, End: j + 1, Text: text[i : j+1]})
					i = j + 1
					continue
				}
			}
			toks = append(toks, token{Start: i, End: i + n, Text: text[i : i+n]})
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if (r == '-' || isApos(r)) && j+n < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[j+n:])
				if isWordRune(r2) {
					// not a possessive: "Iraq's", "Lebanon’s"
					if isApos(r) && (r2 == 's' || r2 == 'S') && !isWordByte(text, j+n+1) {
						break
					}
					j += n
					continue
				}
			}
			// initials: U.S., U.N.
			if r == '.' && j-i == 1 && unicode.IsUpper(rune(text[i])) && j+2 < len(text) && unicode.IsUpper(rune(text[j+1])) && text[j+2] == '.' {
				j += 3
				if j < len(text) && text[j] == '.' {
					j++
				}
				continue
			}
			break
		}
		w := text[i:j]
		first, _ := utf8.DecodeRuneInString(w)
		toks = append(toks, token{Start: i, End: j, Text: w, Word: true, Cap: unicode.IsUpper(first),
			Key: gazetteer.Key(w), Lower: strings.ToLower(strings.ReplaceAll(w, ".", ""))})
		i = j
	}
	return toks
}

func isWordByte(text string, j int) bool {
	if j >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return isWordRune(r)
}

// isParticle reports whether a lower-case word may stand inside a name
// ("al-Karimi", "bin", "de").
func isParticle(t token) bool {
	switch t.Lower {
	case "al", "el", "bin", "ibn", "bint", "de", "van", "von", "der", "da", "di", "du", "la", "le", "ul", "ad", "ash", "as", "ez", "az", "abu", "abdul", "ben":
		return true
	}
	return strings.HasPrefix(t.Lower, "al-") || strings.HasPrefix(t.Lower, "el-") || strings.HasPrefix(t.Lower, "ad-") ||
		strings.HasPrefix(t.Lower, "as-") || strings.HasPrefix(t.Lower, "ash-") || strings.HasPrefix(t.Lower, "ez-") ||
		strings.HasPrefix(t.Lower, "bin-") || strings.HasPrefix(t.Lower, "abu-")
}

// connector words may stand inside an organization or place name.
func isConnector(t token) bool {
	switch t.Lower {
	case "of", "for", "the", "and", "on", "in", "to":
		return true
	}
	return isParticle(t)
}
