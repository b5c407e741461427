//go:build !linux

package graph

// releaseMapped is a no-op where the resident set cannot be trimmed.
func releaseMapped(dir string) (int, error) { return 0, nil }
