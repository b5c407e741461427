# eventgraph — make run: load seeds/ into ./data and serve on 127.0.0.1:8080;
# make test: the whole suite (the Dgraph tests need make dgraph first; without
# bin/dgraph they skip, or fail when CI=true); make dgraph: build bin/dgraph.
GO      ?= go
BIN     := bin/eventgraph
DGRAPH  := bin/dgraph
DB      ?= ./data
ADDR    ?= 127.0.0.1:8080

.PHONY: all build run test race vet fmt-check bench bench-store fuzz score score-dev clean dgraph

all: build

build:
	$(GO) build -o $(BIN) ./cmd/eventgraph

run: build
	$(BIN) load --db $(DB) seeds/
	$(BIN) serve --db $(DB) --addr $(ADDR)

# Dgraph (github.com/dgraph-io/dgraph/v25 v25.3.8) from the Go module proxy,
# pinned in tools/dgraph/go.mod: the cluster the Dgraph tests start. About
# 575 MB of modules and a few minutes on two cores, once; make run never needs it.
dgraph:
	cd tools/dgraph && $(GO) build -o ../../$(DGRAPH) github.com/dgraph-io/dgraph/v25/dgraph

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

test: fmt-check vet
	$(GO) test -count=1 ./...

race:
	$(GO) test -race -count=1 -short ./graph/... ./server/... ./loader/... ./schema/... ./bench/...

bench: bench-store
	$(GO) test -run '^$$' -bench '^BenchmarkArticle$$' -benchmem -count=1 -cpu 1 -benchtime 5x ./loader/extract/
	$(GO) test -run '^$$' -bench '^BenchmarkLoad$$' -benchmem -count=1 -cpu 1 -benchtime 3x ./bench/
	$(GO) test -run '^$$' -bench '^Benchmark(Timeline|ServedReads|ExportGEXF)$$' -count=1 -cpu 1 -benchtime 1x -timeout 60m ./bench/

# the 1 M-event store build on one core (GOMAXPROCS=1): events/s and peak RSS
# of this tree beside the baseline commit BASE built and run alternately in
# the same run (bench/storebench.sh; EVENTS=, ROUNDS=, BASE= override)
bench-store:
	GO=$(GO) sh bench/storebench.sh

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzSplit$$' -fuzztime 10s -fuzzminimizetime 5s ./loader/sentence/
	$(GO) test -run '^$$' -fuzz '^FuzzFind$$' -fuzztime 10s -fuzzminimizetime 5s ./loader/timex/
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime 10s -fuzzminimizetime 5s ./loader/read/
	$(GO) test -run '^$$' -fuzz '^FuzzArticle$$' -fuzztime 10s -fuzzminimizetime 5s ./loader/extract/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeEvent$$' -fuzztime 10s -fuzzminimizetime 5s ./graph/

# score the extraction (eventgraph eval): the seeds against the gold kept in the
# repository; the dev set needs the project's shared folder ../shared, which a clone
# of the repository alone does not have
SHARED_CHECK = @test -f ../shared/dev/gold.json || { echo "make $@: needs the project's shared folder ../shared (dev articles and their gold) beside the repository; a clone of the repository alone does not have it" >&2; exit 2; }

score: build
	$(BIN) eval --verbose --gold loader/extract/testdata/gold/seeds.json seeds/

score-dev: build
	$(SHARED_CHECK)
	$(BIN) eval --verbose --gold ../shared/dev/gold.json ../shared/dev/articles

clean:
	rm -rf bin $(DB)
