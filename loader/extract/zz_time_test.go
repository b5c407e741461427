package extract

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"eventgraph/loader/read"
)

func TestZZTime(t *testing.T) {
	files, _ := filepath.Glob(os.Getenv("FZDIR") + "/*")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		lines := strings.SplitN(string(b), "\n", 2)
		s := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(lines[1]), "string("), ")")
		u, err := strconv.Unquote(s)
		if err != nil {
			t.Log(err)
			continue
		}
		st := time.Now()
		done := make(chan bool)
		go func() { Article(read.Document{Text: u, Published: "2024-05-12"}); close(done) }()
		select {
		case <-done:
			t.Logf("%s: %d bytes %v", filepath.Base(f), len(u), time.Since(st))
		case <-time.After(5 * time.Second):
			t.Logf("%s: %d bytes HANG: %q", filepath.Base(f), len(u), u)
		}
	}
}
