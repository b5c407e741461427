package graph

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// A process killed while Badger creates one of its log files — a
// memtable's write-ahead log (*.mem) or a value log (*.vlog) — can leave
// the file empty: created but not yet sized, or sized but without its
// header. Badger refuses to open such a database (dgraph-io/badger#2207):
// "while opening memtables … Create a new file", "During db.vlog.open …
// Create a new file", or, opening read-only, "error while truncation". The
// file holds no entry, so Open removes it and tries again.

// emptyLogError reports whether err is the error Badger's Open gives on
// an empty log file.
func emptyLogError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "while opening memtables") ||
		strings.Contains(msg, "Create a new file") ||
		strings.Contains(msg, "error while truncation")
}

// removeEmptyLogs deletes the log files (*.mem, *.vlog) of the database
// directory dir that hold no entry — nothing past the 20-byte header (a
// key ID and a base IV) but zero bytes: an empty file, or one that a
// failed write-mode open sized and gave a header — and returns how many it
// deleted. It holds Badger's directory lock meanwhile, so no other process
// is opening the database and creating a log file of its own.
func removeEmptyLogs(dir string) (int, error) {
	unlock, err := lockDir(dir)
	if err != nil {
		return 0, err
	}
	defer unlock()
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".mem") && !strings.HasSuffix(name, ".vlog") {
			continue
		}
		path := filepath.Join(dir, name)
		empty, err := zeroFrom(path, logHeaderSize)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !empty {
			continue
		}
		if err := os.Remove(path); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}

// logHeaderSize is the size of the header of Badger's log files (a key
// ID of 8 bytes and a base IV of 12).
const logHeaderSize = 20

// zeroFrom reports whether the file at path holds only zero bytes from
// offset off on (or nothing). Holes of a sparse file (Badger sizes a new
// value log to 2 GiB) are skipped where the system says where data is.
func zeroFrom(path string, off int64) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, 1<<16)
	for {
		next, err := nextData(f, off)
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return false, fmt.Errorf("%s: %w", path, err)
		}
		n, err := f.ReadAt(buf, next)
		for _, b := range buf[:n] {
			if b != 0 {
				return false, nil
			}
		}
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return false, fmt.Errorf("%s: %w", path, err)
		}
		off = next + int64(n)
	}
}
