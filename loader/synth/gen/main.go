// Command gen writes a synthetic corpus for scale tests:
//
//	go run ./loader/synth/gen -n 10000 -seed 1 -out /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"eventgraph/loader/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("out", "corpus", "output folder")
	flag.Parse()
	docs := synth.Generate(*n, *seed)
	paths, err := synth.WriteFiles(*out, docs)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d articles (%d words) to %s\n", len(paths), synth.Words(docs), *out)
}
