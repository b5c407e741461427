// Package bench holds eventgraph's scale benchmarks and end-to-end
// reliability tests (`make bench`, the SIGKILL test); it has no code of its
// own beyond test helpers. See README.md for the figures.
package bench
