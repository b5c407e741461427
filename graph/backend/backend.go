// Package backend opens the graph database a --db value names, as a
// graph.Storage:
//
//   - a folder (./data, /srv/eventgraph) is the embedded Badger store
//     (graph.Open), opened as the command line always did;
//   - scheme://… (dgraph://host:port[,host:port…][?sslmode=…]) is a store
//     whose package registered an Opener for the scheme with Register, as
//     database/sql drivers do: the Dgraph store (graph/dgraph) registers
//     "dgraph" in its init, and a program that imports it (blank import)
//     can open clusters. Without it, Open says the build has no such
//     backend.
//
// This package imports no backend but the embedded one, so a backend's
// package may import graph and register itself without an import cycle.
package backend

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"eventgraph/graph"
)

// Config is how to open a store; Options set it.
type Config struct {
	// ReadOnly opens for reading only: the reading commands (query,
	// timeline, export). The embedded store must exist (a folder with
	// Badger's MANIFEST); it is opened for writing instead when Badger
	// must first recover it (after a killed load or server).
	ReadOnly bool
	// CacheSize is the embedded store's block cache in bytes (0: Badger's
	// default). Other backends may ignore it.
	CacheSize int64
	// IndexCacheSize bounds the embedded store's cache of table indexes
	// in bytes (0: Badger keeps every table's index in memory). Other
	// backends may ignore it.
	IndexCacheSize int64
	// Compactors is how many compactions the embedded store runs at once
	// (0: Badger's default). Other backends may ignore it.
	Compactors int
	// MemTableSize is the embedded store's memtable size in bytes (0:
	// Badger's default). Other backends may ignore it.
	MemTableSize int64
	// MinFree is the free disk space the embedded store's writes need (0:
	// graph.DefaultMinFree; negative: no check). Other backends may ignore
	// it.
	MinFree int64
	// Logger receives the store's logs (nil: the default logger).
	Logger *slog.Logger
}

// Option sets a field of Config.
type Option func(*Config)

// ReadOnly opens the store for reading only (Config.ReadOnly).
func ReadOnly() Option { return func(c *Config) { c.ReadOnly = true } }

// CacheSize sets the embedded store's block cache in bytes
// (Config.CacheSize).
func CacheSize(n int64) Option { return func(c *Config) { c.CacheSize = n } }

// IndexCacheSize bounds the embedded store's index cache in bytes
// (Config.IndexCacheSize).
func IndexCacheSize(n int64) Option { return func(c *Config) { c.IndexCacheSize = n } }

// Compactors sets how many compactions the embedded store runs at once
// (Config.Compactors).
func Compactors(n int) Option { return func(c *Config) { c.Compactors = n } }

// MemTableSize sets the embedded store's memtable size in bytes
// (Config.MemTableSize).
func MemTableSize(n int64) Option { return func(c *Config) { c.MemTableSize = n } }

// MinFree sets the free disk space the embedded store keeps
// (Config.MinFree).
func MinFree(n int64) Option { return func(c *Config) { c.MinFree = n } }

// Logger sets the store's logger (Config.Logger).
func Logger(l *slog.Logger) Option { return func(c *Config) { c.Logger = l } }

// Opener opens the store a connection string names (the whole string,
// scheme included).
type Opener func(dsn string, cfg Config) (graph.Storage, error)

var (
	mu      sync.RWMutex
	openers = map[string]Opener{}
)

// Register makes a backend available under a scheme ("dgraph" for
// dgraph://…). It is meant for a backend package's init; it panics when
// open is nil, the scheme is not a URL scheme, or the scheme is registered
// already.
func Register(scheme string, open Opener) {
	mu.Lock()
	defer mu.Unlock()
	if open == nil {
		panic("backend: Register of a nil Opener for " + scheme)
	}
	if !validScheme(scheme) {
		panic(fmt.Sprintf("backend: Register of an invalid scheme %q", scheme))
	}
	if _, dup := openers[scheme]; dup {
		panic("backend: Register called twice for " + scheme)
	}
	openers[scheme] = open
}

// Schemes lists the registered schemes, sorted.
func Schemes() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(openers))
	for s := range openers {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Open opens the store dsn names: a folder is the embedded store; a
// scheme://… string goes to the Opener registered for the scheme.
func Open(dsn string, opts ...Option) (graph.Storage, error) {
	var cfg Config
	for _, o := range opts {
		o(&cfg)
	}
	scheme, ok := Scheme(dsn)
	if !ok {
		return openEmbedded(dsn, cfg)
	}
	mu.RLock()
	open := openers[scheme]
	mu.RUnlock()
	if open == nil {
		if scheme == "dgraph" {
			return nil, fmt.Errorf("%s: this build has no Dgraph backend", Redact(dsn))
		}
		return nil, fmt.Errorf("%s: no backend for %q databases (give a folder, or dgraph://host:port for a Dgraph cluster)", Redact(dsn), scheme)
	}
	st, err := open(dsn, cfg)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// Scheme returns the scheme of a connection string ("dgraph" for
// dgraph://…, lower-cased), or false when dsn is a folder.
func Scheme(dsn string) (string, bool) {
	i := strings.Index(dsn, "://")
	if i <= 0 || !validScheme(dsn[:i]) {
		return "", false
	}
	return strings.ToLower(dsn[:i]), true
}

// validScheme reports whether s is a URL scheme: a letter, then letters,
// digits, '+', '-' or '.'.
func validScheme(s string) bool {
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return s != ""
}

// Redact returns dsn with the password of its user information, if any,
// replaced by "xxxxx", for messages and logs.
func Redact(dsn string) string {
	i := strings.Index(dsn, "://")
	if i < 0 {
		return dsn
	}
	rest := dsn[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return dsn
	}
	colon := strings.Index(rest[:at], ":")
	if colon < 0 {
		return dsn
	}
	return dsn[:i+3] + rest[:colon+1] + "xxxxx" + rest[at:]
}

// openEmbedded opens the embedded store in the folder dir. A read-only
// open needs a database there: a reading command must not create one (and
// answer empty).
func openEmbedded(dir string, cfg Config) (graph.Storage, error) {
	opt := graph.DefaultOptions(dir)
	if cfg.Logger != nil {
		opt = opt.WithLogger(cfg.Logger)
	}
	if cfg.MinFree != 0 {
		opt = opt.WithMinFree(cfg.MinFree)
	}
	if cfg.CacheSize > 0 {
		opt = opt.WithCacheSize(cfg.CacheSize)
	}
	if cfg.IndexCacheSize > 0 {
		opt = opt.WithIndexCacheSize(cfg.IndexCacheSize)
	}
	if cfg.Compactors > 0 {
		opt = opt.WithCompactors(cfg.Compactors)
	}
	if cfg.MemTableSize > 0 {
		opt = opt.WithMemTableSize(cfg.MemTableSize)
	}
	if !cfg.ReadOnly {
		return storage(graph.Open(opt))
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("no database at %s (load articles first: eventgraph load --db %s PATH)", dir, dir)
	}
	// a folder without Badger's MANIFEST is not a database; an empty one,
	// or one holding only Badger's LOCK file, may be one whose first
	// load was killed before it wrote anything
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err != nil {
		if ents, _ := os.ReadDir(dir); len(ents) == 0 || len(ents) == 1 && ents[0].Name() == "LOCK" {
			return nil, fmt.Errorf("no data in %s yet (a load into it stopped before storing anything, or none ran): load articles first: eventgraph load --db %s PATH", dir, dir)
		}
		return nil, fmt.Errorf("%s is not an eventgraph database (it has no MANIFEST file); give the database folder with --db, or load articles first: eventgraph load --db DIR PATH", dir)
	}
	st, err := graph.Open(opt.WithReadOnly(true))
	if err == nil || errors.Is(err, graph.ErrLocked) {
		return storage(st, err)
	}
	// Badger must recover the database (a load or server was killed):
	// that takes a write open
	return storage(graph.Open(opt))
}

// storage returns st as a Storage, or a nil Storage (not one holding a nil
// *Store) with the error.
func storage(st *graph.Store, err error) (graph.Storage, error) {
	if err != nil {
		return nil, err
	}
	return st, nil
}
