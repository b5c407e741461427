//go:build linux

package graph

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// releaseMapped drops from this process's resident set the pages of the
// database files under dir that Badger has memory-mapped (the tables,
// value logs and memtables' write-ahead logs: shared, file-backed
// mappings). The pages stay in the operating system's page cache, so
// reading them again costs a minor page fault, not disk I/O, and no data
// can be lost: a shared file mapping's contents are the file's, and a page
// written through the mapping stays dirty in the page cache when it leaves
// the resident set. It returns how many mappings it released.
func releaseMapped(dir string) (int, error) {
	if dir == "" {
		return 0, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return 0, err
	}
	abs, err = filepath.EvalSymlinks(abs)
	if err != nil {
		return 0, err
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(maps))
	for sc.Scan() {
		// 7f1c…-7f1d… r--s 00000000 fd:01 1234   /db/000001.sst
		f := strings.Fields(sc.Text())
		if len(f) < 6 || len(f[1]) < 4 || f[1][3] != 's' {
			continue
		}
		path := strings.Join(f[5:], " ")
		if filepath.Dir(path) != abs || !(strings.HasSuffix(path, ".sst") || strings.HasSuffix(path, ".vlog") || strings.HasSuffix(path, ".mem")) {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
		if errno != 0 {
			return n, errno
		}
		n++
	}
	return n, sc.Err()
}
