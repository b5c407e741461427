package model_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoStore fails when the model, the name folding or an extraction
// package links the Badger store: they hold and make the graph's types,
// and a second store (issue 16) must be possible without them changing.
// Only package loader itself, which writes the facts into a store, may.
func TestNoStore(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list dependencies: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-f", "{{.ImportPath}} {{join .Deps \" \"}}",
		"eventgraph/graph/model", "eventgraph/graph/names", "eventgraph/loader/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	allowed := map[string]bool{"eventgraph/loader": true}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		seen++
		if allowed[f[0]] {
			continue
		}
		for _, d := range f[1:] {
			if strings.HasPrefix(d, "github.com/dgraph-io/badger") || d == "eventgraph/graph" {
				t.Errorf("%s links %s: it must need only eventgraph/graph/model", f[0], d)
				break
			}
		}
	}
	if seen < 8 {
		t.Fatalf("go list named %d packages, want the model, names and every loader package:\n%s", seen, out)
	}
}
