// Command eventgraph loads news articles into an event timeline knowledge
// graph and serves it. Run `eventgraph help` for the commands.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"

	"eventgraph/graph"
	"eventgraph/graph/backend"
	"eventgraph/loader"
	"eventgraph/server"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

const usage = `eventgraph turns news articles into an event timeline knowledge graph.

Usage: eventgraph COMMAND [flags] [arguments]   (flags may stand before or after arguments)

Commands:
  load PATH...        load files, folders (recursively) or - (stdin): plain text with an
                      optional "key: value" header ended by ---, multi-article scrapes,
                      JSON Lines; a manifest.json/manifest.tsv beside files gives metadata
                      [--jobs N] (articles extracted at once; default the number of CPUs;
                      the stored graph is the same with any N)
  serve               serve GraphQL (/graphql), /timeline, /export/…, /articles, /healthz
                      and the timeline page (/) [--addr 127.0.0.1:8080] [--load PATH]...
                      [--cors ORIGIN,...] [--allowed-hosts NAME,...] [--cache-mb 32]
                      [--mem-limit-mb 256] (MiB of block cache; soft heap limit, unless
                      GOMEMLIMIT is set; 0 for none)
  query 'GRAPHQL'     run a GraphQL query, print the response as JSON [--vars JSON]
                      (exit 1 when the response has errors)
  timeline            print the timeline [--from D] [--to D] [--actor NAME] [--type T]
                      [--place P] [--country C] [--cameo CODE] [--status S] [--text T]
                      [--undated] [--format json|timelinejs]
  export              write the graph [--format gexf|graphml|csv|jsonl|rdf] [--out FILE]
                      [--gexf-version 1.2draft|1.3] (default 1.2draft: networkx and Gephi
                      read it); same filters as timeline; csv writes two files,
                      FILE-nodes.csv and FILE-edges.csv (without --out: graph-nodes.csv
                      and graph-edges.csv in the current folder); rdf writes the folder
                      FILE (default graph) with graph.rdf (N-Quads) and graph.schema (DQL
                      schema) for dgraph live -f graph.rdf -s graph.schema --upsertPredicate xid
  eval --gold FILE DIR
                      measure the extraction: load DIR into a fresh in-memory graph and
                      match its events to the gold annotations in FILE; prints must-event
                      recall, precision, and how often the date, an actor and the CAMEO
                      root are right [--verbose lists the misses] [--min-recall R]
                      [--min-precision P] [--min-date D] [--min-actors A] [--min-cameo C]
                      (exit 1 below a threshold). Gold: {"articles": [{"title", "events":
                      [{"id", "need": "must"|"may", "phrase", "date": {"start", "end"},
                      "exact", "actors": [...], "cameo": [roots]}]}]}
  help                this text

Every command takes --db DIR (default ./data), or --db dgraph://host:port[,host:port…][?sslmode=…]
for a Dgraph cluster (eval always uses a fresh in-memory graph), and -v for verbose logs.
Exit codes: 0 ok, 1 failure, 2 usage error.
`

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// run is the whole program, for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "load", "serve", "query", "timeline", "export", "eval":
	default:
		fmt.Fprintf(stderr, "eventgraph: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
	c := &command{name: cmd, stdin: stdin, stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.db, "db", "./data", "database directory, or dgraph://host:port[,host:port…] for a Dgraph cluster")
	fs.BoolVar(&c.verbose, "v", false, "verbose logs")
	c.flags(fs)
	pos, err := parseInterleaved(fs, rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	c.args = pos
	lvl := slog.LevelWarn
	if c.verbose {
		lvl = slog.LevelDebug
	}
	c.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lvl}))
	return c.run()
}

// parseInterleaved parses flags that stand before, between or after the
// positional arguments; "--" ends flags, and "-" is an argument (stdin).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

type command struct {
	name                  string
	db                    string
	verbose               bool
	args                  []string
	stdin                 io.Reader
	stdout, stderr        io.Writer
	log                   *slog.Logger
	addr, vars, out, cors string
	gexfVersion           string
	allowedHosts          string
	cacheMB, memLimitMB   int64
	indexCache            int64 // bytes of Badger's index cache when writing (0: every index held)
	compactors            int   // Badger's compactions at once when writing (0: Badger's 4)
	memTable              int64 // bytes of Badger's memtables when writing (0: Badger's 64 MiB)
	cameo, status, text   string
	undated               bool
	gold                  string
	listMisses            bool
	minRecall, minPrecision,
	minDate, minActors, minCAMEO float64
	from, to, actor, typ   string
	place, country, format string
	loads                  multiFlag
	jobs                   int
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func (c *command) flags(fs *flag.FlagSet) {
	switch c.name {
	case "load":
		fs.IntVar(&c.jobs, "jobs", runtime.NumCPU(), "articles extracted at once (the stored graph is the same with any number)")
	case "serve":
		fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "listen address")
		fs.Var(&c.loads, "load", "load PATH before serving (repeatable)")
		fs.StringVar(&c.cors, "cors", "", "extra browser origins allowed to call the API, comma-separated (* for any)")
		fs.StringVar(&c.allowedHosts, "allowed-hosts", "", "host names the server answers to besides loopback ones, comma-separated (* for any)")
		fs.Int64Var(&c.cacheMB, "cache-mb", graph.ServerCacheSize>>20, "MiB of Badger's block cache")
		fs.Int64Var(&c.memLimitMB, "mem-limit-mb", serverMemLimitMB, "soft memory limit of the Go heap in MiB (debug.SetMemoryLimit) when GOMEMLIMIT is unset; 0 for none (and then Go's default GOGC, not serve's 400)")
	case "query":
		fs.StringVar(&c.vars, "vars", "", "variables as a JSON object")
	case "timeline":
		c.filterFlags(fs)
		fs.StringVar(&c.format, "format", "json", "json or timelinejs")
	case "eval":
		fs.StringVar(&c.gold, "gold", "", "gold annotations (JSON; see eventgraph help)")
		fs.BoolVar(&c.listMisses, "verbose", false, "list the missed must events and wrong dates")
		fs.Float64Var(&c.minRecall, "min-recall", 0, "exit 1 when the must-event recall is lower")
		fs.Float64Var(&c.minPrecision, "min-precision", 0, "exit 1 when the precision is lower")
		fs.Float64Var(&c.minDate, "min-date", 0, "exit 1 when fewer dates are right")
		fs.Float64Var(&c.minActors, "min-actors", 0, "exit 1 when fewer actors are right")
		fs.Float64Var(&c.minCAMEO, "min-cameo", 0, "exit 1 when fewer CAMEO roots are right")
	case "export":
		c.filterFlags(fs)
		fs.StringVar(&c.format, "format", "gexf", "gexf, graphml, csv, jsonl or rdf")
		fs.StringVar(&c.out, "out", "", "output file (default stdout; for csv the prefix of OUT-nodes.csv and OUT-edges.csv, default graph; for rdf a folder, default graph)")
		fs.StringVar(&c.gexfVersion, "gexf-version", "", "GEXF version: 1.2draft (default; networkx and Gephi read it) or 1.3")
	}
}

// filterFlags are the timeline's filters, shared by timeline and export.
func (c *command) filterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.from, "from", "", "first day (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&c.to, "to", "", "last day (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&c.actor, "actor", "", "only events of this actor (any alias)")
	fs.StringVar(&c.typ, "type", "", "only events of this type or CAMEO prefix")
	fs.StringVar(&c.place, "place", "", "only events at this place")
	fs.StringVar(&c.country, "country", "", "only events in this country (name or ISO code)")
	fs.StringVar(&c.cameo, "cameo", "", "only events of this CAMEO code prefix")
	fs.StringVar(&c.status, "status", "", "only REPORTED or PLANNED events")
	fs.StringVar(&c.text, "text", "", "only events whose title or evidence contains this text")
	if c.name == "timeline" {
		fs.BoolVar(&c.undated, "undated", false, "also list the events of unknown date (last)")
	}
}

func (c *command) fail(format string, a ...any) int {
	fmt.Fprintf(c.stderr, "eventgraph %s: %s\n", c.name, fmt.Sprintf(format, a...))
	return exitFailure
}

// readCacheSize is the block cache of the reading commands (query,
// timeline, export) on the embedded store: they read once, and their
// memory stays small.
const readCacheSize = 16 << 20

// open opens the database --db names (backend.Open: a folder is the
// embedded store, dgraph://… a Dgraph cluster). The reading commands
// (query, timeline, export) open it read-only with a small block cache, or
// for writing when Badger must first recover it (a load or server that was
// killed).
func (c *command) open(readOnly bool) (graph.Storage, error) {
	if readOnly {
		return c.openWith(true, readCacheSize)
	}
	return c.openWith(false, 0)
}

// openWith is open with a block cache of cacheSize bytes (0: Badger's
// default).
func (c *command) openWith(readOnly bool, cacheSize int64) (graph.Storage, error) {
	opts := []backend.Option{backend.Logger(c.log), backend.CacheSize(cacheSize)}
	if readOnly {
		opts = append(opts, backend.ReadOnly())
	}
	if mb := os.Getenv("EVENTGRAPH_MIN_FREE_MB"); mb != "" {
		n, err := strconv.ParseInt(mb, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("EVENTGRAPH_MIN_FREE_MB=%q is not a number of MiB", mb)
		}
		opts = append(opts, backend.MinFree(n<<20))
	}
	if !readOnly && c.indexCache > 0 {
		opts = append(opts, backend.IndexCacheSize(c.indexCache))
	}
	if !readOnly && c.compactors > 0 {
		opts = append(opts, backend.Compactors(c.compactors))
	}
	if !readOnly && c.memTable > 0 {
		opts = append(opts, backend.MemTableSize(c.memTable))
	}
	return backend.Open(c.db, opts...)
}

func (c *command) run() int {
	switch c.name {
	case "load":
		return c.load()
	case "serve":
		return c.serve()
	case "query":
		return c.query()
	case "timeline":
		return c.timeline()
	case "export":
		return c.export()
	case "eval":
		return c.eval()
	}
	return exitUsage
}

// A load's memory: Badger's block cache, its cache of table indexes and
// Bloom filters, its compactions, and a soft limit of the Go heap (unless
// GOMEMLIMIT is set). A load reads little and mostly what it has just
// written (the merge candidates of the same days), so small caches cost it
// nothing; with Badger's defaults (a 256 MiB block cache, every table's
// index held) and the heap let grow to twice its live size, the peak grew
// with the database. Badger's four compactors each build their tables in
// the heap (a merge of level 0's tables starts at 256 MiB); two keep a
// JSON Lines load lower (see bench/README.md, make bench-jsonl). The
// memtables are 32 MiB rather than Badger's 64: a memtable is an arena of
// 42 MiB in the Go heap (83 at 64 MiB), two while one is flushed, and the
// flush builds its table in memory, so the flushes and the merges of
// level 0's tables made the load's peaks (20 × 30 MB JSON Lines for 60 s,
// three alternating rounds: 354–364 MiB beside 445–544 at 64 MiB, 1.05×
// the words per CPU second).
// A transaction holds at most 15% of a memtable: an article whose facts
// do not fit (event-dense articles of 400 KB already did not at 32 MiB)
// is written in several, published by a last one (graph/staged.go). An
// open that finds the memtable log of larger memtables (a server's, left
// by a kill) takes their size (graph.Open).
const (
	loadCacheSize      = 32 << 20
	loadIndexCacheSize = 32 << 20
	loadCompactors     = 2
	loadMemLimit       = 320 << 20
	loadMemTableSize   = 32 << 20
)

func (c *command) load() int {
	if len(c.args) == 0 {
		fmt.Fprintf(c.stderr, "eventgraph load: no PATH given (a file, a folder or - for stdin)\n")
		return exitUsage
	}
	if c.jobs < 1 {
		fmt.Fprintf(c.stderr, "eventgraph load: --jobs must be at least 1, not %d\n", c.jobs)
		return exitUsage
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(loadMemLimit)
	}
	c.indexCache, c.compactors, c.memTable = loadIndexCacheSize, loadCompactors, loadMemTableSize
	st, err := c.openWith(false, loadCacheSize)
	if err != nil {
		return c.fail("%v", err)
	}
	ctx, stop := stopContext()
	defer stop()
	defer closeLoad(ctx, st, c.log)
	// a large article's partial write a stop leaves is undone by the next
	// open for writing, so that the load ends at once
	ctx = graph.UndoAtNextOpen(ctx)
	l := loader.New(st, loader.Options{Progress: os.Stderr, Logger: c.log, Workers: c.jobs})
	var sum loader.Summary
	if len(c.args) == 1 && c.args[0] == "-" {
		sum = l.LoadReader(ctx, "-", c.stdin)
	} else {
		sum = l.LoadPaths(ctx, c.args)
	}
	for _, w := range sum.Warnings {
		fmt.Fprintf(c.stderr, "warning: %v\n", w)
	}
	for _, e := range sum.Errors {
		fmt.Fprintf(c.stderr, "error: %v\n", e)
	}
	fmt.Fprintln(c.stdout, sum.String())
	if len(sum.Errors) > 0 {
		return exitFailure
	}
	return exitOK
}

// serve's garbage collector (bench/README.md, "Served reads: the
// collector"): a request during which a collection runs takes 5-9 times
// the median, so the p99 is the collector's once more than 1% of requests
// meet one (1.25-1.5% of month timelines and 0.75% of GraphQL pages of a
// 200,000-event store with Go's default GOGC=100). serve lets the heap
// grow to 5 times its live size (GOGC=400: 0.25% and none) within a soft
// limit of serverMemLimitMB MiB (--mem-limit-mb), which bounds what the
// larger growth costs. GOGC and GOMEMLIMIT, when set, win; without any
// limit (--mem-limit-mb 0 and no GOMEMLIMIT) the collector keeps Go's
// default, so that the heap stays bounded.
const (
	serverMemLimitMB = 256
	serverGCPercent  = 400
)

// serveGC returns the memory limit in bytes and the GOGC percentage serve
// sets (0: leave the runtime's), given the environment's GOGC and
// GOMEMLIMIT and --mem-limit-mb.
func serveGC(envGOGC, envMemLimit string, memLimitMB int64) (limit int64, gcPercent int) {
	if envMemLimit == "" && memLimitMB > 0 {
		limit = memLimitMB << 20
	}
	if envGOGC == "" && (envMemLimit != "" || limit > 0) {
		gcPercent = serverGCPercent
	}
	return limit, gcPercent
}

func (c *command) serve() int {
	if c.cacheMB < 1 {
		fmt.Fprintf(c.stderr, "eventgraph serve: --cache-mb must be at least 1, not %d\n", c.cacheMB)
		return exitUsage
	}
	if c.memLimitMB < 0 {
		fmt.Fprintf(c.stderr, "eventgraph serve: --mem-limit-mb must not be negative, not %d\n", c.memLimitMB)
		return exitUsage
	}
	limit, gcPercent := serveGC(os.Getenv("GOGC"), os.Getenv("GOMEMLIMIT"), c.memLimitMB)
	if limit > 0 {
		debug.SetMemoryLimit(limit)
	}
	if gcPercent > 0 {
		debug.SetGCPercent(gcPercent)
	}
	st, err := c.openWith(false, c.cacheMB<<20)
	if err != nil {
		return c.fail("%v", err)
	}
	defer st.Close()
	// SIGHUP (a closed terminal) stops the server gracefully too.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	l := loader.New(st, loader.Options{Progress: os.Stderr, Logger: c.log})
	if len(c.loads) > 0 {
		sum := l.LoadPaths(ctx, c.loads)
		for _, e := range sum.Errors {
			fmt.Fprintf(c.stderr, "error: %v\n", e)
		}
		fmt.Fprintln(c.stdout, sum.String())
	}
	var origins []string
	if c.cors != "" {
		origins = strings.Split(c.cors, ",")
	}
	var hosts []string
	if c.allowedHosts != "" {
		hosts = strings.Split(c.allowedHosts, ",")
	}
	srv, err := server.New(st, ingester{l}, server.Config{Addr: c.addr, CORSOrigins: origins, AllowedHosts: hosts, Logger: c.log})
	if err != nil {
		return c.fail("%v", err)
	}
	err = srv.ListenAndServe(ctx, func(addr string) {
		fmt.Fprintf(c.stdout, "serving on http://%s (GraphQL IDE at /graphql, timeline at /); Ctrl-C stops\n", addr)
	})
	if err != nil {
		return c.fail("%v", err)
	}
	return exitOK
}

// ingester adapts the loader to the server's POST /articles.
type ingester struct{ l *loader.Loader }

func (i ingester) Ingest(ctx context.Context, name string, body io.Reader) (server.IngestSummary, error) {
	sum := i.l.LoadReader(ctx, name, body)
	out := server.IngestSummary{Articles: sum.Articles, Existing: sum.Existing, Events: sum.Events, Merged: sum.Merged}
	var full error
	for _, e := range sum.Errors {
		out.Errors = append(out.Errors, e.Error())
		if full == nil && errors.Is(e, graph.ErrDiskFull) {
			full = e
		}
	}
	for _, w := range sum.Warnings {
		out.Warnings = append(out.Warnings, w.Error())
	}
	return out, full
}

func (c *command) query() int {
	if len(c.args) != 1 {
		fmt.Fprintf(c.stderr, "eventgraph query: give one GraphQL query as the argument\n")
		return exitUsage
	}
	var vars map[string]any
	if c.vars != "" {
		if err := json.Unmarshal([]byte(c.vars), &vars); err != nil {
			fmt.Fprintf(c.stderr, "eventgraph query: --vars is not a JSON object: %v\n", err)
			return exitUsage
		}
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail("%v", err)
	}
	defer st.Close()
	resp, hasErrors, err := runQuery(context.Background(), st, c.args[0], vars)
	if err != nil {
		return c.fail("%v", err)
	}
	fmt.Fprintln(c.stdout, string(resp))
	if hasErrors {
		return exitFailure
	}
	return exitOK
}
