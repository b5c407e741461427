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
	Key        string          // gazetteer.Key(Text): folded, "" for a bare al/el particle
	Lower      string          // lower-cased, dots dropped ("lt", "gen", "al-karimi")
	TKey       string          // titleKey(Text) for a word ("al karimi"), "" otherwise
	TFirst     bool            // the first word of TKey starts some title
	gz         gazetteer.Names // what a capitalized word's text finds in the gazetteer
	gzSet      bool            // gz is set
	Word       bool            // letters or digits (may hold inner hyphens and apostrophes)
	Cap        bool            // starts with an upper-case letter
	Sent       int             // sentence index
	blk, blkIn uint8           // blocked and blockedInside: 0 not known yet, 1 false, 2 true
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '‘' }

// tokenize splits text into word and punctuation tokens. Inner hyphens and
// apostrophes stay in a word ("Abdul-Amir", "Ma'an"); a possessive "'s" is a
// token of its own; initials keep their dots ("U.S."). The tokens are
// appended to buf; low is ascii.Lower(text).
func tokenize(text, low string, buf []token) []token {
	toks := buf
	tf := titleFirstWords()
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
					toks = pushToken(toks)
					toks[len(toks)-1].set(i, j+1, text[i:j+1], "", "", "")
					i = j + 1
					continue
				}
			}
			toks = pushToken(toks)
			toks[len(toks)-1].set(i, i+n, text[i:i+n], "", "", "")
			i += n
			continue
		}
		j := i
		for j < len(text) {
			if c := text[j]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				j++ // the common case, before decoding
				continue
			}
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
		lower, key := wordKeys(w, low[i:j])
		tk := wordTitleKey(w, lower)
		toks = pushToken(toks)
		t := &toks[len(toks)-1]
		t.set(i, j, w, key, lower, tk)
		t.Word, t.Cap, t.TFirst = true, unicode.IsUpper(first), tf.has(firstWord(tk))
		if t.Cap {
			// capitalized words are the ones looked up again and again
			t.gz, t.gzSet = gazetteer.LookupNames(w, key), true
			if t.gz == (gazetteer.Names{}) && datelineWord(text, i, j) {
				// "NAIROBI, Kenya (Reuters) -", "QUITO -": a town in
				// capitals opening a paragraph, no acronym known
				t.gz = gazetteer.LookupNames(w[:1]+strings.ToLower(w[1:]), key)
			}
		}
		i = j
	}
	return toks
}

// pushToken extends toks by one token, which may hold an earlier token's
// fields: the caller sets them all (set first). Extending in place, field
// by field, spares copying a whole token while the garbage collector runs.
func pushToken(toks []token) []token {
	if n := len(toks); n < cap(toks) {
		return toks[:n+1]
	}
	return append(toks, token{})
}

// set sets every field of a token: those of a punctuation mark
// text[start:end] (empty keys), or of a word with its keys (what the
// caller then marks a word). Each field is written once, as writing a
// pointer costs while the garbage collector runs.
func (t *token) set(start, end int, text, key, lower, tkey string) {
	t.Start, t.End, t.Text = start, end, text
	t.Key, t.Lower, t.TKey = key, lower, tkey
	t.Word, t.Cap, t.TFirst, t.gzSet = false, false, false, false
	t.gz = gazetteer.Names{}
	t.Sent, t.blk, t.blkIn = 0, 0, 0
}

// wordKeys returns the Lower and Key of a word token w, whose ASCII
// lower case is low: for a word of ASCII letters and digits both are low
// (folding keeps such a word but drops a bare "al", "el" or "ul"), else
// they are computed from w.
func wordKeys(w, low string) (lower, key string) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return strings.ToLower(strings.ReplaceAll(w, ".", "")), gazetteer.Key(w)
		}
	}
	if low == "al" || low == "el" || low == "ul" {
		return low, ""
	}
	return low, low
}

// datelineWord reports whether text[i:j] is a word of four letters or more
// in capitals that opens a line and is followed by a dateline's mark (a
// comma, a parenthesis, a dash or a colon).
func datelineWord(text string, i, j int) bool {
	if j-i < 4 || i > 0 && text[i-1] != '\n' {
		return false
	}
	for k := i; k < j; k++ {
		if c := text[k]; c < 'A' || c > 'Z' {
			return false
		}
	}
	rest := strings.TrimLeft(text[j:], " ")
	return rest != "" && strings.ContainsRune(",(-:", rune(rest[0])) || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–")
}

// wordTitleKey is titleKey(w) for a word token w whose Lower is lower: a
// word holds no white space, so without a hyphen its title key is its
// lower-case form.
func wordTitleKey(w, lower string) string {
	if strings.IndexByte(lower, '-') < 0 && lower != "" {
		return lower
	}
	return titleKey(w)
}

// firstWord is the text of s up to its first space.
func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
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
func isParticle(t *token) bool {
	switch t.Lower {
	case "al", "el", "bin", "ibn", "bint", "de", "van", "von", "der", "da", "di", "du", "la", "le", "ul", "ad", "ash", "as", "ez", "az", "abu", "abdul", "ben":
		return true
	}
	return strings.HasPrefix(t.Lower, "al-") || strings.HasPrefix(t.Lower, "el-") || strings.HasPrefix(t.Lower, "ad-") ||
		strings.HasPrefix(t.Lower, "as-") || strings.HasPrefix(t.Lower, "ash-") || strings.HasPrefix(t.Lower, "ez-") ||
		strings.HasPrefix(t.Lower, "bin-") || strings.HasPrefix(t.Lower, "abu-")
}

// connector words may stand inside an organization or place name.
func isConnector(t *token) bool {
	switch t.Lower {
	case "of", "for", "the", "and", "on", "in", "to":
		return true
	}
	return isParticle(t)
}
