package graph

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestNormASCIIMatchesGeneral(t *testing.T) {
	for _, s := range []string{"Abdul-Amir al-Shammari", "Abdul Amir Al Shammari", " al-Qaim ", "Ma'an", "AL", "el Paso", "x al", "al al b", "Lt. Gen. Abdul  Amir", "a-b--c", "", "ul", "Rashid  Derbas", "UN's 5+5 Commission", "al-", "-al-"} {
		slow := normSlow(s)
		if got := normASCII(s); got != slow {
			t.Errorf("%q: fast %q, general %q", s, got, slow)
		}
	}
}

// normSlow is NormName's general (Unicode) path, the reference for the
// ASCII fast path.
func normSlow(s string) string {
	s = norm.NFKC.String(s)
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == '`':
			// apostrophes vanish: "Ma'an" = "Maan"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	f := strings.Fields(b.String())
	out := f[:0]
	for _, w := range f {
		if w == "al" || w == "el" || w == "ul" {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func FuzzNormASCII(f *testing.F) {
	for _, s := range []string{"Abdul-Amir al-Shammari", "el Paso", "al al b", "UN's 5+5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isASCII(s) && normASCII(s) != normSlow(s) {
			t.Errorf("%q: fast %q, general %q", s, normASCII(s), normSlow(s))
		}
	})
}
