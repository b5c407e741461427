//go:build linux || darwin || freebsd

package graph

import "golang.org/x/sys/unix"

// freeSpace is the space an unprivileged writer may use on dir's
// filesystem; ok is false when it cannot be read.
func freeSpace(dir string) (free int64, ok bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return int64(st.Bavail) * int64(st.Bsize), true
}
