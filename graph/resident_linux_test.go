//go:build linux

package graph

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
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

// While a writer fills a memtable, ReleaseMemory gives back the pages of
// its write-ahead log (a .mem file mapped shared), and nothing written is
// lost: a copy of the folder taken then, as a kill would leave it, opens
// with every article, the ones written before and after the release.
func TestReleaseMemtableLog(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	s, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rnd := rand.New(rand.NewSource(2))
	put := func(from, to int) {
		t.Helper()
		var fs []*Facts
		for a := from; a < to; a++ {
			text := make([]byte, 4000) // random letters: a few MB of log in all
			for i := range text {
				text[i] = 'a' + byte(rnd.Intn(26))
			}
			fs = append(fs, &Facts{Article: Article{ID: NewID("article", fmt.Sprint("wal ", a)), Title: fmt.Sprint("wal ", a), Text: string(text)}})
		}
		_, errs := s.PutFactsBatch(fs)
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	before := rssFile(t)
	put(0, 2000)
	written := rssFile(t)
	if err := s.ReleaseMemory(); err != nil {
		t.Fatal(err)
	}
	after := rssFile(t)
	t.Logf("resident file pages: %d KiB before the writes, %d after, %d after ReleaseMemory", before, written, after)
	if written-before < 4<<10 {
		t.Skipf("the writes made only %d KiB resident: nothing to measure", written-before)
	}
	if after > before+(written-before)/4 {
		t.Errorf("ReleaseMemory kept %d of the %d KiB the writes made resident", after-before, written-before)
	}
	put(2000, 2500)
	if _, err := os.Stat(filepath.Join(dir, "00001.mem")); err != nil {
		t.Fatalf("the articles are no longer in the first memtable's log: %v", err)
	}
	// the folder as a kill now would leave it (the log in the page cache)
	killed := filepath.Join(t.TempDir(), "killed")
	if out, err := exec.Command("cp", "-r", "--sparse=always", dir, killed).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
	c, err := Open(DefaultOptions(killed).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	err = c.view(func(r *Reader) error {
		for a := 0; a < 2500; a++ {
			if !r.Has("article", NewID("article", fmt.Sprint("wal ", a))) {
				t.Errorf("article %d is lost", a)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
