package ascii

import (
	"strings"
	"testing"
)

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"already lower", "already lower"},
		{"Iraq and SYRIA", "iraq and syria"},
		{"Ünïcode İstanbul Ω", "Ünïcode İstanbul Ω"}, // non-ASCII bytes kept
		{"al-Shammari’s", "al-shammari’s"},
	}
	for _, tt := range tests {
		got := Lower(tt.in)
		if got != tt.want || len(got) != len(tt.in) {
			t.Errorf("Lower(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	s := "no upper case here"
	if got := Lower(s); got != strings.ToLower(s) {
		t.Errorf("Lower(%q) = %q", s, got)
	}
}
