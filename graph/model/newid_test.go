package model

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

// NewID is uuid.NewSHA1 of "kind|part|part…" in the namespace, byte for
// byte: identifiers must never change from one version to the next.
func TestNewIDIsUUIDv5(t *testing.T) {
	long := strings.Repeat("Erdoğan al-Sharaa ", 30) // past the stack buffer
	for _, c := range [][]string{
		{"actor", "iraq"},
		{"place", "baghdad", "IQ"},
		{"article", "url", "https://example.org/news/2026/12/05/item"},
		{"event"},
		{"event", "", ""},
		{"actor", long},
		{"agreement", "a|b", "c"},
	} {
		want := uuid.NewSHA1(namespace, []byte(c[0]+"|"+strings.Join(c[1:], "|"))).String()
		if got := NewID(c[0], c[1:]...); got != want {
			t.Errorf("NewID(%q) = %s, want %s", c, got, want)
		}
	}
}
