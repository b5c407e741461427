//go:build linux

package graph

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
)

// rssFile is this process's resident file-backed memory in KiB.
func rssFile(t *testing.T) int64 {
	t.Helper()
	st, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc:", err)
	}
	for _, line := range strings.Split(string(st), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "RssFile:" {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	t.Skip("no RssFile line")
	return 0
}

// After a walk over a database on disk, ReleaseMemory gives back the
// resident pages of its memory-mapped files, and the data reads the same
// afterwards.
func TestReleaseMemory(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	// random letters, which compression cannot shrink
	rnd := rand.New(rand.NewSource(1))
	text := func() string {
		b := make([]byte, 400)
		for i := range b {
			b[i] = 'a' + byte(rnd.Intn(26))
		}
		return string(b)
	}
	var fs []*Facts
	for a := 0; a < 100; a++ {
		dates := make([]string, 200)
		for i := range dates {
			dates[i] = fmt.Sprintf("20%02d-%02d-%02d", 10+a%10, 1+i%12, 1+i%28)
		}
		f := fixture(fmt.Sprint("article ", a), dates...)
		for i := range f.Events {
			f.Events[i].Evidence[0].Sentence = text()
			// titles that share no word: 20,000 events, none merged
			f.Events[i].Title = text()[:40]
		}
		fs = append(fs, f)
	}
	if _, errs := s.PutFactsBatch(fs); errs[0] != nil {
		t.Fatal(errs[0])
	}
	s.Close() // flushed to tables, which a new open maps
	if s, err = Open(DefaultOptions(dir).WithReadOnly(true).WithLogger(quiet())); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	walk := func() (n int) {
		err := s.view(func(r *Reader) error {
			return r.ForEachEvent(func(Event) error { n++; return nil })
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := rssFile(t)
	n := walk()
	read := rssFile(t)
	if err := s.ReleaseMemory(); err != nil {
		t.Fatal(err)
	}
	after := rssFile(t)
	t.Logf("%d events; resident file pages: %d KiB before the walk, %d after, %d after ReleaseMemory", n, before, read, after)
	if n != 20000 {
		t.Fatalf("walked %d events, want 20000", n)
	}
	if read-before < 4<<10 {
		t.Skipf("the walk mapped only %d KiB: nothing to measure", read-before)
	}
	if after > before+(read-before)/4 {
		t.Errorf("ReleaseMemory kept %d of the %d KiB the walk made resident", after-before, read-before)
	}
	if walk() != n {
		t.Error("the data reads differently after ReleaseMemory")
	}
}
