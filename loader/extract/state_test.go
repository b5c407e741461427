package extract

import (
	"testing"

	"eventgraph/loader/read"
)

// inState extracts text and calls check with the extraction state before
// the facts are made (through stateHook).
func inState(t *testing.T, published, text string, check func(*state)) {
	t.Helper()
	called := false
	stateHook = func(s *state) { called = true; check(s) }
	defer func() { stateHook = nil }()
	Article(read.Document{Title: "t", Published: published, Text: text})
	if !called {
		t.Fatal("no state")
	}
}

// TestNoTriggerInDateline: the words of a dateline ("DUBAI, United Arab
// Emirates (AP) -") are a place and an agency, never a trigger ("United"
// is no verb), and the dateline's country is the article's home.
func TestNoTriggerInDateline(t *testing.T) {
	for _, c := range []struct{ text, home string }{
		{"DUBAI, United Arab Emirates (AP) - Gunmen seized a fishing boat on Sunday.", "United Arab Emirates"},
		{"NAIROBI, Kenya (Reuters) - Police arrested three men on Monday.", "Kenya"},
		{"QUITO - Police arrested three men on Monday.", "Ecuador"},
	} {
		inState(t, "2024-01-10", c.text, func(st *state) {
			x := st.sents[0]
			for _, h := range x.hits {
				if x.toks[h.i].s < x.dateline {
					t.Errorf("%q: trigger %q inside the dateline", c.text, x.toks[h.i].w)
				}
			}
			if a := st.actors[st.home]; a == nil || a.Name != c.home {
				t.Errorf("%q: home %v, want %s", c.text, a, c.home)
			}
		})
	}
}

// TestDominantCountry: the country the article is about ("the
// government") is the one named most, the headline's first country
// counting three; of two named as often, the one named first (made-up
// articles).
func TestDominantCountry(t *testing.T) {
	for _, c := range []struct{ title, body, want string }{
		{"Ghana shuts its Togolese border. Is it for good?", "Togo protested. Togo said the closure was illegal.", "Ghana"},
		{"Ghana shuts its border", "Togo protested. Togo said the closure was illegal and Togo would complain. Ghana said traders may still cross.", "Ghana"},
		{"", "Togo protested. Ghana said the closure was lawful. Ghana and Togo will talk.", "Togo"},
		{"", "Ghana closed the border. Togo protested and said Togo and Togolese traders were not consulted.", "Togo"},
	} {
		text := c.body
		if c.title != "" {
			text = c.title + "\n\n" + c.body
		}
		stateHook = func(st *state) {
			if a := st.actors[st.dominant]; a == nil || a.Name != c.want {
				t.Errorf("%q: dominant %v, want %s", c.title+" | "+c.body, a, c.want)
			}
		}
		Article(read.Document{Title: c.title, Published: "2024-01-10", Text: text})
		stateHook = nil
	}
}

// TestHeadlineSentences: every sentence of a title line is the headline's,
// and only those.
func TestHeadlineSentences(t *testing.T) {
	title := "Ghana shuts its border with Togo. Is it for good?"
	stateHook = func(st *state) {
		var got []bool
		for i := range st.sents {
			got = append(got, st.isHeadline(i))
		}
		if len(got) != 4 || !got[0] || !got[1] || got[2] || got[3] {
			t.Errorf("headline sentences %v, want the first two of four", got)
		}
	}
	defer func() { stateHook = nil }()
	Article(read.Document{Title: title, Published: "2024-01-10", Text: title + "\n\nGhana closed the crossing on Monday. Togo protested."})
}
