package main

// The Dgraph backend: --db dgraph://host:port[,host:port…][?sslmode=…]
// opens a Dgraph cluster (graph/dgraph registers itself with graph/backend).
import _ "eventgraph/graph/dgraph"
