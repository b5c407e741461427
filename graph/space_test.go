package graph

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiskFullRefused: below the free-space margin a write fails with
// ErrDiskFull and a message naming the folder, nothing is written, and the
// database opens and passes Check afterwards.
func TestDiskFullRefused(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir).WithMinFree(1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutFacts(fixture("First", "2024-05-10")); err != nil {
		t.Fatal(err)
	}
	v := s.Version()
	s.minFree = 1 << 62 // more than any disk has free
	_, err = s.PutFacts(fixture("Second", "2024-05-11"))
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), "disk full: ") || !strings.Contains(err.Error(), "MiB free on "+dir) {
		t.Errorf("PutFacts: %v, want disk full naming %s", err, dir)
	}
	if _, errs := s.PutFactsBatch([]*Facts{fixture("Third", "2024-05-12")}); !errors.Is(errs[0], ErrDiskFull) {
		t.Errorf("PutFactsBatch: %v, want disk full", errs[0])
	}
	if s.Version() != v {
		t.Errorf("version moved from %d to %d", v, s.Version())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(DefaultOptions(dir).WithMinFree(1 << 62)); !errors.Is(err, ErrDiskFull) {
		t.Errorf("opening for writing on a full disk: %v, want disk full", err)
	}
	ro, err := Open(DefaultOptions(dir).WithReadOnly(true).WithMinFree(1 << 62))
	if err != nil {
		t.Fatalf("reading a database on a full disk: %v", err)
	}
	defer ro.Close()
	if err := ro.Check(); err != nil {
		t.Errorf("Check after a refused write: %v", err)
	}
}

// TestDiskFullTmpfs fills a small tmpfs below the default margin while a
// store is open on it: the next write is refused with ErrDiskFull instead
// of Badger dying of SIGBUS in its memory-mapped files. It needs root to
// mount the filesystem and skips (saying so) otherwise.
func TestDiskFullTmpfs(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	if testing.Short() {
		t.Skip("mounts a filesystem")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=192m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("mount refused: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", mnt).Run() })
	dir := filepath.Join(mnt, "db")
	s, err := Open(DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutFacts(fixture("First", "2024-05-10")); err != nil {
		t.Fatal(err)
	}
	// fill the disk until less than DefaultMinFree is left
	filler := filepath.Join(mnt, "filler")
	free, ok := freeSpace(mnt)
	if !ok {
		t.Fatal("cannot read free space")
	}
	if err := os.WriteFile(filler, make([]byte, free-DefaultMinFree+(8<<20)), 0o600); err != nil {
		t.Fatalf("filling the disk: %v", err)
	}
	_, err = s.PutFacts(fixture("Second", "2024-05-11"))
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), dir) {
		t.Errorf("write on a full disk: %v, want disk full naming %s", err, dir)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	s, err = Open(DefaultOptions(dir))
	if err != nil {
		t.Fatalf("reopening after the disk was freed: %v", err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	if _, err := s.PutFacts(fixture("Second", "2024-05-11")); err != nil {
		t.Errorf("write after the disk was freed: %v", err)
	}
}
