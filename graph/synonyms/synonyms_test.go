package synonyms

import "testing"

func TestRelated(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"shut", "close", true},
		{"shuts", "closed", true},
		{"shutting", "closes", true},
		{"deal", "agreement", true},
		{"extradited", "deported", true},
		{"attack", "bombing", true},  // a bombing is an attack
		{"ship", "vessel", true},     // one synset
		{"truce", "armistice", true}, // one synset
		{"talks", "negotiations", true},
		{"border", "boundary", true},
		// different things stay apart
		{"attack", "visit", false},
		{"arrest", "release", false},
		{"sign", "reject", false},
		{"border", "wall", false},
		{"meeting", "summit", false},
		{"troops", "police", false}, // siblings under one set are not related
		{"zzzz", "zzzz", true},      // the same word
		{"zzzz", "yyyy", false},
	} {
		if got := Related(c.a, c.b); got != c.want {
			t.Errorf("Related(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := Related(c.b, c.a); got != c.want {
			t.Errorf("Related(%q, %q) = %v, want %v (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestKnown(t *testing.T) {
	for _, w := range []string{"border", "crossings", "closed", "negotiations"} {
		if !Known(w) {
			t.Errorf("Known(%q) = false", w)
		}
	}
}
