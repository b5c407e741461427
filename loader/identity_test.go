package loader

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArticleIdentity: articles are told apart by their content, not only
// by their title, and the same content is one article by any path.
func TestArticleIdentity(t *testing.T) {
	ctx := context.Background()
	t.Run("same title, no URL, no date", func(t *testing.T) {
		l := New(openStore(t), Options{Logger: quietLogger()})
		a := "title: Weekly Security Briefing\n---\nIraqi forces arrested five smugglers near the Syrian border on Tuesday.\n"
		b := "title: Weekly Security Briefing\n---\nLebanese troops closed two illegal crossings in the Bekaa valley on Thursday.\n"
		s1 := l.LoadReader(ctx, "a.txt", strings.NewReader(a))
		s2 := l.LoadReader(ctx, "b.txt", strings.NewReader(b))
		if s1.Articles != 1 || s2.Articles != 1 || s2.Existing != 0 {
			t.Errorf("first %+v, second %+v: want two articles", s1, s2)
		}
		if s3 := l.LoadReader(ctx, "b-again.txt", strings.NewReader(b)); s3.Existing != 1 || s3.Articles != 0 {
			t.Errorf("the second again: %+v, want already stored", s3)
		}
	})
	t.Run("by path with a manifest, then by stdin", func(t *testing.T) {
		dir := t.TempDir()
		text := "Jordan and Iraq agreed on Sunday to reopen the Karameh crossing to trucks.\n\nOfficials said the crossing would open next month.\n"
		if err := os.WriteFile(filepath.Join(dir, "crossing.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		manifest := `{"articles": [{"file": "crossing.txt", "url": "https://news.example.org/crossing", "published": "2024-06-02", "source": "Example News"}]}`
		if err := os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(manifest), 0o644); err != nil {
			t.Fatal(err)
		}
		l := New(openStore(t), Options{Logger: quietLogger()})
		if s := l.LoadPaths(ctx, []string{dir}); s.Articles != 1 || len(s.Errors) > 0 {
			t.Fatalf("by path: %+v", s)
		}
		if s := l.LoadReader(ctx, "-", strings.NewReader(text)); s.Articles != 0 || s.Existing != 1 {
			t.Errorf("by stdin: %+v, want the article already stored", s)
		}
	})
}
