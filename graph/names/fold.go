// Package names folds names for storage and lookup and matches the names
// of people across spellings. It is the one place where eventgraph decides
// when two written names are the same name: the store's indexes, the
// gazetteer's lookups, the mention resolver and the GraphQL and timeline
// lookups all fold with Fold, and persons are matched with Person and
// Compatible. It depends on nothing of the store.
//
// Fold is exact up to writing: case, diacritics, hyphens and punctuation,
// apostrophes and the Arabic article (al-, Al, el-, ul) do not count.
// "Erdoğan" = "Erdogan", "Abdul-Amir al-Shammari" = "Abdul Amir Al Shammari".
//
// WordKey goes further for persons: it is insensitive to the usual
// transliteration variants of Arabic, Persian, Turkic, Somali and Russian
// names (vowel spelling, doubled letters, q/k, dh/z, kh/h, ou/u, zh/dj/j,
// final -a/-aa/-ah), so "Qassem" = "Qasim", "Ahmed" = "Ahmad", "Nadhem" =
// "Nadhim", "al-Sharaa" = "al-Shara", "Abdelmadjid" = "Abdelmajid". Such a
// key is loose, so it is only used for persons and guarded by Compatible.
package names

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold folds a name for storage and lookups: diacritics dropped (and the
// dotless i read as i), Unicode NFKC, lower case, apostrophes removed,
// hyphens and other punctuation to spaces, the Arabic article particles
// al, el and ul dropped, spaces collapsed.
func Fold(s string) string {
	if isASCII(s) {
		return foldASCII(s)
	}
	return foldUnicode(s)
}

// Fields is strings.Fields(Fold(s)).
func Fields(s string) []string { return strings.Fields(Fold(s)) }

// StripDiacritics drops combining marks and reads the dotless i as i,
// keeping case and everything else: "Şanlıurfa" → "Sanliurfa". Modifier
// letters used as ayn and hamza ("ʿ", "ʼ") become apostrophes.
func StripDiacritics(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ı':
			b.WriteByte('i')
		case letterNoMark[r] != "":
			// letters Unicode does not decompose: "Løvaas" = "Lovaas",
			// "Łukasz" = "Lukasz", "Đorđe" = "Dorde"
			b.WriteString(letterNoMark[r])
		case r == 'ʻ' || r == 'ʼ' || r == 'ʿ' || r == 'ʾ':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// letterNoMark spells the Latin letters with a stroke or a ligature that
// NFD leaves whole as the letters they are read as.
var letterNoMark = map[rune]string{
	'ø': "o", 'Ø': "O", 'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ð': "d", 'Ð': "D",
	'ħ': "h", 'Ħ': "H", 'æ': "ae", 'Æ': "Ae", 'œ': "oe", 'Œ': "Oe", 'þ': "th", 'Þ': "Th",
}

// foldUnicode is Fold for any text.
func foldUnicode(s string) string {
	s = norm.NFKC.String(StripDiacritics(s))
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == '`' || r == '´':
			// apostrophes vanish: "Ma'an" = "Maan"
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	f := strings.Fields(b.String())
	out := f[:0]
	for _, w := range f {
		if isParticle(w) {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isParticle(w string) bool { return w == "al" || w == "el" || w == "ul" }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// foldASCII is Fold for ASCII text in one pass and one allocation: it is
// on the hot path of every gazetteer lookup.
func foldASCII(s string) string {
	out := make([]byte, 0, len(s))
	word := -1 // start of the current word in out, -1 between words
	end := func() {
		if word < 0 {
			return
		}
		w := out[word:]
		if len(w) == 2 && (w[0] == 'a' || w[0] == 'e' || w[0] == 'u') && w[1] == 'l' {
			out = out[:word] // drop the particle
			if len(out) > 0 {
				out = out[:len(out)-1] // and the space before it
			}
		}
		word = -1
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '`':
			// apostrophes vanish: "Ma'an" = "Maan"
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if word < 0 {
				if len(out) > 0 {
					out = append(out, ' ')
				}
				word = len(out)
			}
			out = append(out, c)
		default:
			end()
		}
	}
	end()
	return string(out)
}
