package timeline

import (
	"strings"
	"testing"
)

// TestNoScriptLinks: only http and https article URLs become links in the
// TimelineJS slides.
func TestNoScriptLinks(t *testing.T) {
	for _, c := range []struct {
		url  string
		link bool
	}{
		{"https://news.example.org/a", true},
		{"http://news.example.org/a?b=1&c=2", true},
		{"javascript:alert(document.domain)", false},
		{" JavaScript:alert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"//news.example.org/a", false},
		{"vbscript:x", false},
	} {
		it := Item{Evidence: &EvidenceRef{Sentence: "Talks resumed.", Article: ArticleRef{Title: "Talks", URL: c.url}}}
		h := slideHTML(it)
		if got := strings.Contains(h, "<a "); got != c.link {
			t.Errorf("URL %q: link %v, want %v: %s", c.url, got, c.link, h)
		}
		if strings.Contains(strings.ToLower(h), "javascript:") || strings.Contains(h, "<script") {
			t.Errorf("URL %q: slide holds it: %s", c.url, h)
		}
	}
}
