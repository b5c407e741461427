package dgraph

import (
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/dgraph/dgraphtest"
	"eventgraph/graph/storagetest"
)

// TestStorageSuite runs the storage contract's suite (graph/storagetest,
// which the embedded store passes too) on a Dgraph store, on the test
// binary's cluster emptied for it (dgraphtest.Shared). Its scans read at
// most eight positions a query: every walk, page and count of the suite
// goes through the cutting of a range into parts (Reader.positions) that
// large graphs need, in both orders, with and without a root.
func TestStorageSuite(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) graph.Storage {
		c := dgraphtest.Shared(t)
		dg, err := Open("dgraph://" + c.GRPC + "?sslmode=disable")
		if err != nil {
			t.Fatal(err)
		}
		dg.window = 8
		t.Cleanup(func() { _ = dg.Close() })
		return dg
	})
}
