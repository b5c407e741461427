# eventgraph — make run: load seeds/ into ./data and serve on 127.0.0.1:8080;
# make test: the whole suite.
GO      ?= go
BIN     := bin/eventgraph
DB      ?= ./data
ADDR    ?= 127.0.0.1:8080
PYTHON  ?= /usr/bin/python3

.PHONY: all build run test race vet fmt-check bench fuzz score score-dev clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/eventgraph

run: build
	$(BIN) load --db $(DB) seeds/
	$(BIN) serve --db $(DB) --addr $(ADDR)

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

test: fmt-check vet
	$(GO) test -count=1 ./...

race:
	$(GO) test -race -count=1 -short ./graph/... ./server/... ./loader/... ./schema/... ./bench/...

bench:
	$(GO) test -run '^$$' -bench '^BenchmarkArticle$$' -benchmem -count=1 -cpu 1 -benchtime 5x ./loader/extract/
	$(GO) test -run '^$$' -bench '^BenchmarkLoad$$' -benchmem -count=1 -cpu 1 -benchtime 3x ./bench/
	$(GO) test -run '^$$' -bench '^Benchmark(Timeline|ExportGEXF)$$' -count=1 -cpu 1 -benchtime 1x -timeout 60m ./bench/

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzSplit$$' -fuzztime 10s -fuzzminimizetime 5s ./loader/sentence/
	$(GO) test -run '^$$' -fuzz '^FuzzFind$$' -fuzztime 10s -fuzzminimizetime 5s ./loader/timex/
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime 10s -fuzzminimizetime 5s ./loader/read/
	$(GO) test -run '^$$' -fuzz '^FuzzArticle$$' -fuzztime 10s -fuzzminimizetime 5s ./loader/extract/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeEvent$$' -fuzztime 10s -fuzzminimizetime 5s ./graph/

# score the extraction against the seeds' gold and the dev set (needs ../shared)
score: build
	$(PYTHON) ../shared/tools/score.py $(BIN) seeds/ ../shared/gold/seeds.json --verbose

score-dev: build
	$(PYTHON) ../shared/tools/score.py $(BIN) ../shared/dev/articles ../shared/dev/gold.json --verbose

clean:
	rm -rf bin $(DB)
