package graph

import (
	"errors"
	"fmt"
)

// DefaultMinFree is the free space a Store wants on its filesystem before a
// write: Badger writes through memory-mapped files, and a write into one on
// a full filesystem kills the process with SIGBUS; a memtable flush writes
// up to 64 MiB at once.
const DefaultMinFree = 128 << 20

// ErrDiskFull is wrapped by the error of a write refused because the
// database's filesystem has less free space than Options.MinFree.
var ErrDiskFull = errors.New("disk full")

// DiskFullError says how much space is left where.
type DiskFullError struct {
	Dir       string
	Free, Min int64
}

func (e *DiskFullError) Error() string {
	return fmt.Sprintf("disk full: %d MiB free on %s (writing needs at least %d MiB free); free some space and run again — the database is intact",
		e.Free>>20, e.Dir, e.Min>>20)
}

// Unwrap makes errors.Is(err, ErrDiskFull) hold.
func (e *DiskFullError) Unwrap() error { return ErrDiskFull }

// WithMinFree sets the free space (bytes) a write needs on the database's
// filesystem; below it writes fail with ErrDiskFull instead of crashing.
// 0 keeps DefaultMinFree; a negative value turns the check off.
func (o Options) WithMinFree(n int64) Options { o.MinFree = n; return o }

// checkSpace fails with a *DiskFullError when the database's filesystem has
// less free space than the Store's minimum. In memory, or where free space
// cannot be read, it passes.
func (s *Store) checkSpace() error {
	return checkSpaceAt(s.dir, s.minFree)
}

func checkSpaceAt(dir string, min int64) error {
	if dir == "" || min < 0 {
		return nil
	}
	free, ok := freeSpace(dir)
	if !ok || free >= min {
		return nil
	}
	return &DiskFullError{Dir: dir, Free: free, Min: min}
}
