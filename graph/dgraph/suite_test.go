package dgraph

import (
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/dgraph/dgraphtest"
	"eventgraph/graph/storagetest"
)

// TestStorageSuite runs the storage contract's suite (graph/storagetest,
// which the embedded store passes too) on a Dgraph store, on the test
// binary's cluster emptied for it (dgraphtest.Shared).
func TestStorageSuite(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) graph.Storage {
		c := dgraphtest.Shared(t)
		dg, err := Open("dgraph://" + c.GRPC + "?sslmode=disable")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = dg.Close() })
		return dg
	})
}
