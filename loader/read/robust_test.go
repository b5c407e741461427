package read

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNotRegularFile: a FIFO given as a path is refused at once with a
// message, instead of blocking on its reading end forever.
func TestNotRegularFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "feed.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	for _, p := range []string{fifo, "/dev/null"} {
		docs, errs := ReadPath(p)
		if len(docs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNotFile) || !strings.Contains(errs[0].Error(), p) {
			t.Errorf("%s: docs %d, errors %v; want one error naming it, not a regular file", p, len(docs), errs)
		}
	}
}

// TestSymlinkOutsideFolder: a link inside a loaded folder to a file outside
// it is not followed (ErrOutside), one to a file inside it is.
func TestSymlinkOutsideFolder(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	article := "title: Talks Resume\npublished: 2024-05-12\n---\nIraq and Syria resumed talks on Sunday.\n"
	if err := os.WriteFile(outside, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "leak.txt")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "same.txt")); err != nil {
		t.Fatal(err)
	}
	docs, errs := ReadPath(dir)
	if len(docs) != 2 {
		t.Errorf("%d articles, want 2 (a.txt and the link to it)", len(docs))
	}
	for _, d := range docs {
		if strings.HasSuffix(d.File, "leak.txt") {
			t.Errorf("the link leaving the folder was read")
		}
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrOutside) || !strings.Contains(errs[0].Error(), "leak.txt") {
		t.Errorf("errors %v, want one ErrOutside naming leak.txt", errs)
	}
}

// TestPublicationYearRange: years outside 1800–2200 are refused with the
// file named.
func TestPublicationYearRange(t *testing.T) {
	for _, c := range []struct {
		published string
		ok        bool
	}{
		{"0000-01-01", false},
		{"1799-12-31", false},
		{"9999-05-12", false},
		{"1800-01-01", true},
		{"2024-05-12", true},
		{"May 12, 2024", true},
	} {
		body := "title: Talks Resume\npublished: " + c.published + "\n---\nIraq and Syria resumed talks on Sunday.\n"
		docs, errs := Read("year.txt", strings.NewReader(body))
		if c.ok != (len(errs) == 0 && len(docs) == 1) {
			t.Errorf("published %s: %d articles, errors %v", c.published, len(docs), errs)
		}
		if !c.ok && (len(errs) != 1 || !errors.Is(errs[0], ErrDate) || !strings.Contains(errs[0].Error(), "year.txt") || !strings.Contains(errs[0].Error(), "outside 1800–2200")) {
			t.Errorf("published %s: errors %v, want one naming the file and the range", c.published, errs)
		}
	}
}
