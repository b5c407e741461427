package extract

import (
	"strings"
	"testing"
)

// TestFirstField holds firstField to strings.Fields(s)[0].
func TestFirstField(t *testing.T) {
	for _, s := range []string{
		"", "   ", "treaty", " treaty, signed", "\n\tAccord of 1991",
		"\u00a0pact\u00a0later", "\u2003Abkommen\u2003", "\x85x y", "\xff\xfe bad", "Déclaration de 1991",
	} {
		want := ""
		if f := strings.Fields(s); len(f) > 0 {
			want = f[0]
		}
		if got := firstField(s); got != want {
			t.Errorf("firstField(%q) = %q, want %q", s, got, want)
		}
	}
}
