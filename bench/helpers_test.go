package bench

import (
	"os"
	"path/filepath"
	"sync"
)

var tmp struct {
	sync.Mutex
	dirs []string
}

// tempDir makes a temporary folder removed by TestMain at the end of the
// run (benchmarks share fixtures across sub-benchmarks, so b.TempDir is too
// short-lived).
func tempDir(name string) (string, error) {
	d, err := os.MkdirTemp("", "eventgraph-bench-"+name+"-")
	if err != nil {
		return "", err
	}
	tmp.Lock()
	tmp.dirs = append(tmp.dirs, d)
	tmp.Unlock()
	return d, nil
}

func removeAll(dir string) { _ = os.RemoveAll(dir) }

func cleanupTemp() {
	tmp.Lock()
	defer tmp.Unlock()
	for _, d := range tmp.dirs {
		_ = os.RemoveAll(filepath.Clean(d))
	}
}
