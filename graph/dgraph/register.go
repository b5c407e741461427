package dgraph

import (
	"eventgraph/graph"
	"eventgraph/graph/backend"
)

// The Dgraph store opens from --db dgraph://host:port[,host:port…][?sslmode=…]
// (graph/backend); a program links it with a blank import of this package.
func init() {
	backend.Register("dgraph", func(dsn string, _ backend.Config) (graph.Storage, error) {
		return Open(dsn)
	})
}
