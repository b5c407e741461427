package graph

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Errors returned by the Store.
var (
	// ErrLocked means another process holds the database directory.
	ErrLocked = errors.New("database is in use by another eventgraph process (stop the server or use another --db)")
	// ErrNotFound means no node has the identifier or name asked for.
	ErrNotFound = errors.New("not found")
	// ErrBadCursor means a pagination cursor was not one the Store made.
	ErrBadCursor = errors.New("malformed cursor")
	// ErrOldFormat means a database written by an earlier version was
	// opened read-only; opening it once for writing upgrades it.
	ErrOldFormat = errors.New("database written by an earlier version: open it once for writing (eventgraph load or serve) to upgrade it")
)

// Key prefixes. Values of the node prefixes are JSON, but events, which
// are binary (codec.go); index keys carry no value but EV: (the event) and
// the wide keys (an end day). Dates in index keys are YYYY-MM-DD, so byte order is date order;
// an unknown date sorts last as "~".
const (
	pArticle      = "A:"  // A:<id>
	pArticleOrder = "AO:" // AO:<published>|<id>
	pEvent        = "E:"  // E:<id>
	pEventDate    = "ED:" // ED:<start>|<id>
	pEventActor   = "EA:" // EA:<actor id>|<start>|<id>
	pEventPlace   = "EP:" // EP:<place id>|<start>|<id>
	pEventArticle = "EB:" // EB:<article id>|<start>|<id>: the events an article gives evidence for
	pEventMerge   = "EM:" // EM:<merge key> -> event id
	pActor        = "C:"  // C:<id>
	pActorAlias   = "CN:" // CN:<normalized alias>|<id>
	pActorName    = "CS:" // CS:<normalized name>|<id>
	pActorSurname = "CL:" // CL:<names.WordKey of the surname>|<id> (persons; see personIndexKeys)
	pPlace        = "P:"  // P:<id>
	pAgreement    = "G:"  // G:<id>
	pAgreeDate    = "GD:" // GD:<start>|<id>
	pWide         = "WM"  // WM<index prefix><YYYY-MM>|<start>|<id> (prefix ED:, EA:<actor>|, EP:<place>|) for every month an event spanning more than one day overlaps -> its end day
	pOldWide      = "WE"  // the wide index of format 1 (WED:<start>|<id>, …), removed by upgrade
	pEventDoc     = "EV:" // EV:<start>|<id> -> the event, a copy of E:<id> in date order: a window is one sequential read
	kVersion      = "M:version"
	kFormat       = "M:format" // the layout's version, formatCurrent
	kModified     = "M:modified"
	unknownDate   = "~"
	// formatCurrent is the value of kFormat in a database of this layout:
	// events binary, copied in date order (EV:), wide spans bucketed by
	// month (WM). Databases written before it (no kFormat) are upgraded
	// when opened for writing and refused read-only (ErrOldFormat).
	// Format 4 folds names without diacritics and indexes persons by the
	// transliteration keys of their names (see personIndexKeys); a
	// database of format 3 has its actor indexes rebuilt. Format 5 indexes
	// the events of each article (EB:); older databases get the index.
	// Format 6 stores each article's metadata apart from its text (AM:,
	// article_meta.go); older databases get it. Format 7 keys a y after a
	// consonant as a vowel in person names ("Avetisyan" = "Avetisian",
	// names.WordKey); older databases have their actor indexes rebuilt.
	// Format 8 keys a y after an i as its glide ("Aliyev" = "Aliev") and
	// indexes persons of three words by their first two (CP:); older
	// databases have their actor indexes rebuilt. Format 9 keeps both
	// consonants around a vowel ("Adede" ≠ "Adiy"), keys a word of one
	// consonant with its first vowel's class ("Ali" ≠ "Eli"), keys the
	// Russian -ykh as -îh ("Zabolotnykh" = "Zabolotnîh") and indexes a name with ș,
	// ç, ž and the like under both its readings ("Dorușin" = "Dorushin",
	// names.Name.Readings); older databases have their actor indexes
	// rebuilt. Format 10 indexes a name with a q or j also under its
	// reading with g ("Qasimov" = "Gasimov", "al-Jazzar" = "el-Gazzar") and a
	// name of four words or more by its first three and so on (CP:, "Tomas
	// Ignacio Salcedo" for "Tomas Ignacio Salcedo Varela"); older databases have
	// their actor indexes rebuilt. Format 11 keys a y between a vowel and
	// the Russian -ev as its glide ("Tokayev" = "Tokaev") and drops an h
	// before -ullah ("Sabihullah" = "Sabiullah"); older databases have
	// their actor indexes rebuilt. Format 12 folds letters NFD leaves
	// whole as their base letters ("Løvaas" = "Lovaas", "Łukasz" =
	// "Lukasz"), keys the Greek initial ch and inner tz ("Chatzidakis" =
	// "Hadjidakis") and the Belarusian -ouski ("Zhukouski" = "Zhukovsky");
	// older databases have their actor indexes rebuilt. Format 13 keys a
	// w after a vowel and before no vowel as the vowel's ("Dowlatabadi" =
	// "Doulatabadi"), a word's final -ay, -ey, -ei as its vowel ("Sesay" =
	// "Sese"), the abbreviations Md, Mohd as Muhammad, and indexes a name
	// in Somali orthography also under its English reading ("Cabdullahi
	// Xasan" = "Abdullahi Hasan"); older databases have their actor indexes
	// rebuilt. Format 14 drops the h of bh, fh, vh, jh and of an inner nh
	// before a consonant ("Prabhakar" = "Prabakar") and writes the
	// article's l of Abd al- before a name in l once ("Abdellatif" =
	// "Abdelatif"); older databases have their actor indexes rebuilt.
	// Format 15 keys an i between two other vowels as the glide y
	// ("Oseias" = "Oseyas") and leaves a generational suffix out of a
	// name's key ("Pedro Alcantara Jr" = "Pedro Alcantara"); older
	// databases have their actor indexes rebuilt. Format 16 leaves the
	// Mauritanian "Ould" (son of) out of a name's key, as "bin" ("Ould
	// Brahim" = "Brahim"); older databases have their actor indexes
	// rebuilt.
	formatCurrent = "16"
	// maxWideMonths bounds the months a span is bucketed under (a
	// century): a longer one is found by windows in its first century.
	maxWideMonths = 1200
)

// Options configure a Store; build them with DefaultOptions(dir).WithX().
type Options struct {
	Dir      string
	InMemory bool
	ReadOnly bool
	Logger   *slog.Logger
	// CacheSize is the size in bytes of Badger's cache of decompressed
	// blocks; 0 keeps Badger's default (256 MiB).
	CacheSize int64
	// IndexCacheSize bounds the memory of the tables' indexes and bloom
	// filters in bytes; 0 keeps Badger's default (all held, memory-mapped).
	IndexCacheSize int64
	// Compactors is how many compactions Badger runs at once (0: Badger's
	// default, 4); see WithCompactors.
	Compactors int
	// MinFree is the free space writes need (see WithMinFree).
	MinFree int64
	// memTable is Badger's memtable size (0: Badger's 64 MiB); see
	// WithMemTableSize. Tests set a small one, whose transactions hold
	// few facts (staged.go).
	memTable int64
}

// WithMemTableSize sets the size of Badger's memtables in bytes (at least
// 1 MiB; 0: Badger's 64 MiB). A memtable is an arena of its size and
// about 30% more in the Go heap, two of them while one is flushed, and its
// flush builds a table of its size in memory, so a writer's peak memory
// follows it; a transaction holds at most 15% of one, and an article
// whose facts do not fit is written in several (staged.go).
func (o Options) WithMemTableSize(n int64) Options {
	if n > 0 {
		n = max(n, 1<<20)
	}
	o.memTable = n
	return o
}

// ServerCacheSize is the block cache `eventgraph serve` opens the store
// with unless told otherwise (--cache-mb). Measured on the 1 M-event store
// (bench/README.md, served reads): 32 MiB serves a month's timeline and a
// GraphQL page as fast as Badger's default 256 MiB, within the machine's
// noise, in half the resident memory (the cache lives in the Go heap,
// which the collector lets grow to twice its live size).
const ServerCacheSize int64 = 32 << 20

// DefaultOptions returns options for a database in dir, logging warnings
// and errors only through the default slog logger.
func DefaultOptions(dir string) Options { return Options{Dir: dir} }

// WithInMemory keeps the database in memory only (for tests).
func (o Options) WithInMemory(b bool) Options { o.InMemory = b; return o }

// WithReadOnly opens the database for reading only.
func (o Options) WithReadOnly(b bool) Options { o.ReadOnly = b; return o }

// WithCacheSize sets the block cache's size in bytes (at least 1 MiB).
// A server reading at random gains from a large one; a one-off scan (an
// export) does not, and keeps its memory small with a few MiB.
func (o Options) WithCacheSize(n int64) Options { o.CacheSize = max(n, 1<<20); return o }

// WithIndexCacheSize bounds the tables' indexes and bloom filters kept in
// memory to n bytes (0: all of them, Badger's default).
func (o Options) WithIndexCacheSize(n int64) Options { o.IndexCacheSize = max(n, 0); return o }

// WithCompactors sets how many compactions Badger runs at once (at least
// 2). Each builds its tables in the Go heap, up to hundreds of MiB when
// level 0's tables are merged; a load on two cores runs 2.
func (o Options) WithCompactors(n int) Options { o.Compactors = max(n, 2); return o }

// WithLogger routes Badger's and the Store's logs to l.
func (o Options) WithLogger(l *slog.Logger) Options { o.Logger = l; return o }

// Store is the graph database.
type Store struct {
	db      *badger.DB
	log     *slog.Logger
	version atomic.Uint64
	// wmu serializes writers: writes within one process never conflict,
	// and the version counter grows by one per stored article.
	wmu sync.Mutex
	// runFit is how many articles PutFactsBatch writes in one
	// transaction at most, learnt from the last ones (0: no limit yet).
	// A run that overflows Badger's transaction limit is written again
	// without its last article, so all the work of its articles (merging
	// above all) is done twice: measured on the 1 M-event build (100
	// articles a call, 49 fitting) every article was merged and written
	// twice. runFull counts the full runs since runFit last changed.
	// Guarded by wmu.
	runFit, runFull int
	dir             string // the database folder, "" in memory
	// minFree is the free space a write needs on dir's filesystem.
	minFree int64
	// cache is the readers' shared cache of the latest snapshot
	// (read_cache.go).
	cache atomic.Pointer[readCache]
	// mergeCache is the merger's across transactions (merge_cache.go),
	// made by the first writer; noMergeCache leaves it out (tests
	// comparing the merges with and without it). Guarded by wmu.
	mergeCache   *mergeCache
	noMergeCache bool
	// readers is the snapshot the readers share while an article is
	// staged (staged.go)
	readers readers
	// stageHook, when set (tests), is called after each transaction of
	// a staged article commits (step "txn", with their number) and after
	// its publication ("published"), and in the undo of a failed one
	// (undoStaged: "undo" at its start, "undo-restoring" every 256
	// restored keys, "undo-restored" once all are and their saved values
	// deleted, before the marker); an error from it fails the write or
	// the undo.
	// staged counts the articles written staged. Guarded by wmu.
	stageHook func(step string, txns int) error
	staged    int
	// pendingUndo are the articles whose stopped staged write is left
	// to undo (UndoAtNextOpen), the readers meanwhile pinned. Guarded
	// by wmu.
	pendingUndo []string
	// textMax is the largest article node stored as one value; a larger
	// one has its text stored in parts (article_text.go). 0 (on disk):
	// every node is one value.
	textMax int
}

// Open opens (creating if needed) the database described by opt.
func Open(opt Options) (*Store, error) {
	l := opt.Logger
	if l == nil {
		l = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	if opt.MinFree == 0 {
		opt.MinFree = DefaultMinFree
	}
	if !opt.InMemory && !opt.ReadOnly {
		// opening for writing writes (a new memtable file, a recovery)
		if _, err := os.Stat(opt.Dir); err == nil {
			if err := checkSpaceAt(opt.Dir, opt.MinFree); err != nil {
				return nil, fmt.Errorf("open %s: %w", opt.Dir, err)
			}
		}
	}
	// (not WithLoggingLevel: it replaces the logger by Badger's own,
	// writing to stderr)
	bo := badger.DefaultOptions(opt.Dir).WithLogger(badgerLogger{l})
	if opt.InMemory {
		bo = bo.WithInMemory(true).WithDir("").WithValueDir("")
	}
	if opt.ReadOnly {
		bo = bo.WithReadOnly(true)
	}
	if opt.CacheSize > 0 {
		bo = bo.WithBlockCacheSize(opt.CacheSize)
	}
	if opt.IndexCacheSize > 0 {
		bo = bo.WithIndexCacheSize(opt.IndexCacheSize)
	}
	if opt.Compactors > 0 {
		bo = bo.WithNumCompactors(opt.Compactors)
	}
	if opt.memTable > 0 && !opt.InMemory {
		// a memtable log a kill or a stopped close left (CloseWithin) is
		// replayed into a memtable of this open's size: one written with
		// larger memtables would overflow its arena (a panic in Badger)
		opt.memTable = max(opt.memTable, logMemTable(opt.Dir))
	}
	if opt.memTable > 0 {
		bo = bo.WithMemTableSize(opt.memTable).WithValueThreshold(min(bo.ValueThreshold, opt.memTable/32))
	}
	// the Store serializes its writers (wmu), so Badger's conflict
	// detection, which tracks every key a write transaction reads, finds
	// nothing and is turned off
	bo = bo.WithNumVersionsToKeep(1).WithMetricsEnabled(false).WithDetectConflicts(false)
	db, err := badger.Open(bo)
	if err != nil && !opt.InMemory && emptyLogError(err) {
		// a kill between creating a memtable or value log file and
		// writing its header leaves an empty file that Badger cannot open
		// (dgraph-io/badger#2207); it holds nothing, so it is removed
		// (under the directory's lock) and the open tried again
		n, rerr := removeEmptyLogs(opt.Dir)
		if rerr != nil {
			l.Warn("could not remove the empty log files left by an interrupted write", "dir", opt.Dir, "err", rerr)
		}
		if n > 0 {
			l.Warn("removed empty log files left by an interrupted write", "dir", opt.Dir, "files", n)
			db, err = badger.Open(bo)
		}
	}
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") || strings.Contains(err.Error(), "resource temporarily unavailable") {
			return nil, fmt.Errorf("open %s: %w", opt.Dir, ErrLocked)
		}
		return nil, fmt.Errorf("open %s: %w", opt.Dir, err)
	}
	s := &Store{db: db, log: l, minFree: opt.MinFree, textMax: inMemoryValueMax(bo)}
	if !opt.InMemory {
		s.dir = opt.Dir
	}
	format, written := "", false
	var staged []string
	_ = db.View(func(txn *badger.Txn) error {
		staged = stagedArticles(txn)
		if it, err := txn.Get([]byte(kVersion)); err == nil {
			written = true
			_ = it.Value(func(v []byte) error {
				if len(v) == 8 {
					s.version.Store(binary.BigEndian.Uint64(v))
				}
				return nil
			})
		}
		if it, err := txn.Get([]byte(kFormat)); err == nil {
			_ = it.Value(func(v []byte) error { format = string(v); return nil })
		}
		return nil
	})
	switch {
	case opt.ReadOnly && len(staged) > 0:
		// an article's write in several transactions was killed
		// before its publication: a write open undoes it
		_ = db.Close()
		return nil, fmt.Errorf("open %s: %w", opt.Dir, ErrInterruptedWrite)
	case !opt.ReadOnly:
		n, err := s.recoverStaged()
		if err != nil {
			_ = db.Close()
			return nil, fmt.Errorf("open %s: %w", opt.Dir, err)
		}
		if n > 0 {
			l.Warn("undid the interrupted write of large articles", "dir", opt.Dir, "articles", n)
		}
	}
	switch {
	case format == formatCurrent:
	case opt.ReadOnly && written:
		_ = db.Close()
		return nil, fmt.Errorf("open %s: %w", opt.Dir, ErrOldFormat)
	case !opt.ReadOnly:
		if err := s.upgrade(format); err != nil {
			_ = db.Close()
			return nil, fmt.Errorf("open %s: upgrade: %w", opt.Dir, err)
		}
	}
	return s, nil
}

// upgrade brings a database of an earlier layout (or a new one) to
// formatCurrent. Before format 3 every event is rewritten in the binary
// codec with its copy in date order and its month buckets, and the old
// wide index is deleted; before format 4 (and 7 to 14) the actor indexes are
// rebuilt with the current name folding and person keys; before format 5 the events of each
// article are indexed and each actor's roles merged per office; before
// format 6 each article's metadata is stored apart. Then the format is recorded. It can be
// interrupted: it starts again at the next open until the format is
// recorded.
func (s *Store) upgrade(format string) error {
	n, _ := strconv.Atoi(format) // 0: no format recorded (or a new database)
	if n < 3 {
		if err := s.upgradeEvents(); err != nil {
			return err
		}
	}
	if n < 14 {
		n, err := s.reindexActors()
		if err != nil {
			return fmt.Errorf("actor indexes: %w", err)
		}
		if n > 0 {
			s.log.Info("upgraded the database: actor names indexed with the current folding", "actors", n)
		}
	}
	if n < 5 {
		if err := s.indexArticleEvents(); err != nil {
			return fmt.Errorf("article index: %w", err)
		}
		if _, err := s.mergeStoredRoles(); err != nil {
			return fmt.Errorf("roles: %w", err)
		}
	}
	if _, err := s.writeArticleMeta(); err != nil {
		return fmt.Errorf("article metadata: %w", err)
	}
	return s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(kFormat), []byte(formatCurrent)) })
}

// reindexActors deletes every actor index key and writes those of each
// stored actor (actorIndexKeys); it returns the number of actors.
func (s *Store) reindexActors() (int, error) {
	for _, p := range []string{pActorName, pActorAlias, pActorSurname, pActorGlued, pActorGiven, pActorLead} {
		if err := s.dropKeys(p); err != nil {
			return 0, err
		}
	}
	set := s.db.NewWriteBatch()
	defer set.Cancel()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.Prefix = []byte(pActor)
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var a Actor
			if err := it.Item().Value(func(v []byte) error { return unmarshal(v, &a) }); err != nil {
				return fmt.Errorf("actor %s: %w", it.Item().Key(), err)
			}
			for _, k := range actorIndexKeys(a) {
				if err := set.Set([]byte(k), nil); err != nil {
					return err
				}
			}
			n++
		}
		return nil
	})
	if err == nil {
		err = set.Flush()
	}
	return n, err
}

// upgradeEvents rewrites the events of a database of format 1 or 2 (see
// upgrade).
func (s *Store) upgradeEvents() error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = []byte(pOldWide)
		old := txn.NewIterator(opt)
		for old.Rewind(); old.Valid(); old.Next() {
			if err := wb.Delete(old.Item().KeyCopy(nil)); err != nil {
				old.Close()
				return err
			}
		}
		old.Close()
		opt = badger.DefaultIteratorOptions
		opt.Prefix = []byte(pEvent)
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var e Event
			if err := it.Item().Value(func(v []byte) error { return unmarshal(v, &e) }); err != nil {
				return fmt.Errorf("event %s: %w", it.Item().Key(), err)
			}
			b, _ := marshal(e)
			if err := wb.Set(it.Item().KeyCopy(nil), b); err != nil {
				return err
			}
			if err := wb.Set([]byte(eventDocKey(e)), b); err != nil {
				return err
			}
			for _, k := range eventIndexKeys(e) {
				if strings.HasPrefix(k, pWide) {
					if err := wb.Set([]byte(k), []byte(e.Date.End)); err != nil {
						return err
					}
				}
			}
			n++
		}
		return nil
	})
	if err == nil {
		err = wb.Flush()
	}
	if err == nil && n > 0 {
		s.log.Info("upgraded the database: events indexed in date order", "events", n)
	}
	return err
}

// ReleaseMemory drops from the process's resident memory the pages of
// the database files it has read through Badger's memory maps (Linux; a
// no-op elsewhere). They stay in the operating system's page cache, so
// nothing is read from disk again. Long streaming reads (exports) call it
// now and then so that their resident memory stays flat whatever the
// size of the database; it is safe at any time.
func (s *Store) ReleaseMemory() error {
	_, err := releaseMapped(s.dir)
	return err
}

// Close closes the database.
func (s *Store) Close() error {
	s.releaseWriters()
	return s.db.Close()
}

// releaseWriters ends what the Store itself holds before Badger closes.
func (s *Store) releaseWriters() {
	s.wmu.Lock()
	if len(s.pendingUndo) > 0 {
		// left to the next open for writing
		s.unpinReaders()
	}
	s.wmu.Unlock()
}

// logMemTable is the memtable size of the largest memtable log (.mem
// file) in dir, 0 when there is none: Badger makes a memtable's log twice
// the memtable's size.
func logMemTable(dir string) int64 {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var size int64
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".mem") {
			continue
		}
		if fi, err := e.Info(); err == nil {
			size = max(size, fi.Size()/2)
		}
	}
	return size
}

// ErrCloseLeft is CloseWithin's error when Badger's close was still
// running after the wait, and goes on in the background.
var ErrCloseLeft = errors.New("the database's close goes on in the background (a compaction or a flush)")

// closeHook, when set (tests), runs in CloseWithin's background close
// before Badger's, standing for a long compaction.
var closeHook func()

// CloseWithin closes the database within about wait, for a process that
// is about to end because it was told to stop (a signal). It first makes
// every committed write durable (Badger's Sync: the memtable's log and the
// value log), then closes; when Badger's close is still running after
// wait it returns ErrCloseLeft and the close goes on in the background
// until the process exits. Badger's close waits for the compaction in
// progress, which it cannot interrupt and which grows with the database
// (0.9–2.6 s after a minute of a JSON Lines load: bench/README.md), and
// flushes the memtable; a process ending during either leaves the
// database as a kill would, which the next open recovers: it replays the
// memtable's log and drops the tables no manifest names, so that nothing
// committed is lost and nothing half-written remains (TestCloseWithin).
// The Store must not be used afterwards, nor its folder opened again by
// this process before the close ends.
func (s *Store) CloseWithin(wait time.Duration) error {
	s.releaseWriters()
	if err := s.db.Sync(); err != nil {
		return fmt.Errorf("close %s: %w", s.dir, err)
	}
	done := make(chan error, 1)
	go func() {
		if closeHook != nil {
			closeHook()
		}
		done <- s.db.Close()
	}()
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case err := <-done:
		return err
	case <-t.C:
		return ErrCloseLeft
	}
}

// Version is a counter that grows with every write; it makes ETags.
func (s *Store) Version() uint64 { return s.version.Load() }

// Modified is the time of the last write, or the zero time.
func (s *Store) Modified() time.Time {
	var t time.Time
	_ = s.readView(func(txn *badger.Txn) error {
		it, err := txn.Get([]byte(kModified))
		if err != nil {
			return nil
		}
		return it.Value(func(v []byte) error { t, _ = time.Parse(time.RFC3339Nano, string(v)); return nil })
	})
	return t
}

// badgerLogger routes Badger's logs through slog.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) Errorf(f string, a ...any) {
	msg := strings.TrimSpace(fmt.Sprintf(f, a...))
	if strings.HasPrefix(msg, "Received err: ") {
		// a failed Open; it returns the error, which Open recovers
		// from or reports
		b.l.Debug(msg, "component", "badger")
		return
	}
	b.l.Error(msg, "component", "badger")
}
func (b badgerLogger) Warningf(f string, a ...any) {
	b.l.Warn(strings.TrimSpace(fmt.Sprintf(f, a...)), "component", "badger")
}
func (b badgerLogger) Infof(f string, a ...any) {
	b.l.Debug(strings.TrimSpace(fmt.Sprintf(f, a...)), "component", "badger")
}
func (b badgerLogger) Debugf(f string, a ...any) {
	b.l.Debug(strings.TrimSpace(fmt.Sprintf(f, a...)), "component", "badger")
}

// ---- writing ----

// PutResult says what PutFacts did.
type PutResult struct {
	ArticleID string
	Existed   bool // the article was already stored; nothing was written
	Events    int  // events written as new nodes
	Merged    int  // events merged into an existing event
	Actors    int  // actors in the article
}

// PutFacts writes one article's facts in a single transaction, or in
// several published by a last one when they do not fit in one (staged.go):
// the article is stored wholly or not at all. An article already stored is left as it
// is (re-loading changes nothing). Actors are merged with existing actors of
// the same ID (aliases and roles united); events sharing a merge key with a
// stored event of the same CAMEO root and an overlapping date, or that the
// merger scores as a stored event of another article (merge.go), become
// one event with evidence from both, and an agreement told again is merged
// into the stored one.
func (s *Store) PutFacts(f *Facts) (PutResult, error) {
	return s.PutFactsContext(context.Background(), f)
}

// PutFactsContext is PutFacts that, once ctx is done, stops the write of
// an article in several transactions (within 1,024 keys written), undoing
// it, or leaving its undo to the next open for writing when ctx is of
// UndoAtNextOpen (the error wraps ctx's); an article written in one
// transaction is written whole.
func (s *Store) PutFactsContext(ctx context.Context, f *Facts) (PutResult, error) {
	res := PutResult{ArticleID: f.Article.ID}
	if f.Article.ID == "" {
		return res, errors.New("put facts: article has no ID")
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.checkSpace(); err != nil {
		return res, fmt.Errorf("store article %q: %w", f.Article.Title, err)
	}
	if len(s.pendingUndo) > 0 {
		if err := s.undoPending(); err != nil {
			return res, fmt.Errorf("store article %q: %w", f.Article.Title, err)
		}
	}
	// as badger.DB.Update, telling the merger how the transaction ended
	err := func() (err error) {
		txn := s.db.NewTransaction(true)
		defer txn.Discard()
		mg := newMerger(s, txn)
		defer mg.close()
		committed := false
		defer func() { mg.end(!res.Existed, committed) }()
		res, err = putArticle(plain(txn), f, mg)
		if err != nil || res.Existed {
			return err
		}
		if err := s.stamp(txn, s.version.Load()+1); err != nil {
			return err
		}
		if err := txn.Commit(); err != nil {
			return err
		}
		committed = true
		return nil
	}()
	if errors.Is(err, badger.ErrTxnTooBig) {
		// too many facts for one transaction: in several (staged.go)
		if res, err = s.putStaged(ctx, f); err != nil {
			return res, fmt.Errorf("store article %q: %w", f.Article.Title, shortErr(err))
		}
		return res, nil
	}
	if err != nil {
		return res, fmt.Errorf("store article %q: %w", f.Article.Title, shortErr(err))
	}
	if !res.Existed {
		s.version.Add(1)
	}
	return res, nil
}

// putArticle writes one article's facts into txn (see PutFacts) and says
// what it did. Callers stamp the version.
// mg is the transaction's merger.
func putArticle(txn *wtxn, f *Facts, mg *merger) (PutResult, error) {
	res := PutResult{ArticleID: f.Article.ID}
	if _, err := txn.Get([]byte(pArticle + f.Article.ID)); err == nil {
		res.Existed = true
		return res, nil
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return res, err
	}
	if id, ok, err := storedWithText(txn, f.Article.Text); err != nil {
		return res, err
	} else if ok { // the same content under another identity
		res.ArticleID, res.Existed = id, true
		return res, nil
	}
	if err := putArticleNode(txn, mg.textMax, &f.Article); err != nil {
		return res, err
	}
	if err := putArticleMeta(txn, &f.Article); err != nil {
		return res, err
	}
	if err := txn.Set(articleTextKey(f.Article.Text), []byte(f.Article.ID)); err != nil {
		return res, err
	}
	if err := txn.Set([]byte(pArticleOrder+orDate(f.Article.Published)+"|"+f.Article.ID), nil); err != nil {
		return res, err
	}
	for _, p := range f.Places {
		if err := putPlace(txn, mg, p); err != nil {
			return res, err
		}
	}
	if err := resolvePersons(txn, mg, f); err != nil {
		return res, err
	}
	for _, a := range f.Actors {
		if err := putActor(txn, mg, a); err != nil {
			return res, err
		}
		res.Actors++
	}
	mg.begin(f)
	remap := map[string]string{}            // event ID -> the ID it is stored under
	agreeRemap := map[string]string{}       // agreement ID -> the stored agreement it is
	stored := make([]string, len(f.Events)) // IDs of the article's events as written
	put := func(i int, e Event, id string, old Event, merged bool) {
		remap[e.ID] = id
		stored[i] = id
		if merged {
			res.Merged++
			if e.AgreementID != "" && old.AgreementID != "" && old.AgreementID != e.AgreementID {
				agreeRemap[e.AgreementID] = old.AgreementID
			}
		} else {
			res.Events++
		}
	}
	// events that report a stored one are merged first; the others wait
	// until the articles this one shares a happening with (kin) are known,
	// and are then set against those articles' events (the story kin
	// pass, merge_kin.go) before they are written as new
	var kin []string
	var open []int
	evs := make([]Event, len(f.Events))
	for i, e := range f.Events {
		if id, ok := agreeRemap[e.AgreementID]; ok {
			e.AgreementID = id
		}
		evs[i] = e
		old, ok, err := storedReport(txn, e, mg)
		if err != nil {
			return res, err
		}
		if !ok && len(e.MergeKeys) == 0 {
			open = append(open, i)
			continue
		}
		var id string
		var merged bool
		if ok {
			id, old, merged, err = mergeInto(txn, old, e, mg)
			kin = mg.kinArticles(kin, old)
		} else {
			id, old, merged, err = writeNew(txn, e, mg)
		}
		if err != nil {
			return res, err
		}
		put(i, e, id, old, merged)
	}
	pairs, err := mg.kinPairs(evs, open, kin)
	if err != nil {
		return res, err
	}
	joined := map[int]Event{}
	for _, p := range pairs {
		joined[p.i] = p.c
	}
	for _, i := range open {
		e := evs[i]
		if id, ok := agreeRemap[e.AgreementID]; ok {
			e.AgreementID = id
		}
		var id string
		var old Event
		var merged bool
		var err error
		if c, ok := joined[i]; ok {
			id, old, merged, err = mergeInto(txn, c, e, mg)
		} else {
			id, old, merged, err = writeNew(txn, e, mg)
		}
		if err != nil {
			return res, err
		}
		put(i, e, id, old, merged)
	}
	// an agreement of the article that is a stored one, told again
	for _, g := range f.Agreements {
		if _, ok := agreeRemap[g.ID]; ok {
			continue
		}
		id, err := mg.findAgreement(g)
		if err != nil {
			return res, err
		}
		if id != "" {
			agreeRemap[g.ID] = id
		}
	}
	if err := relinkAgreements(txn, mg, stored, agreeRemap); err != nil {
		return res, err
	}
	for _, g := range f.Agreements {
		if id, ok := remap[g.EventID]; ok {
			g.EventID = id
		}
		if id, ok := agreeRemap[g.ID]; ok {
			g.ID = id
		}
		stored, err := putAgreement(txn, mg, g)
		if err != nil {
			return res, err
		}
		mg.wroteAgreement(stored)
	}
	return res, nil
}

// relinkAgreements points the article's stored events whose agreement was
// found to be a stored one (remap) to that one.
func relinkAgreements(txn *wtxn, mg *merger, ids []string, remap map[string]string) error {
	if len(remap) == 0 {
		return nil
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		var e Event
		if err := getJSON(txn, pEvent+id, &e); err != nil {
			return fmt.Errorf("relink agreement of event %s: %w", id, err)
		}
		n, ok := remap[e.AgreementID]
		if !ok {
			continue
		}
		e.AgreementID = n
		mg.wroteEvent(e)
		if err := writeEvent(txn, e); err != nil {
			return err
		}
	}
	return nil
}

// stamp records the version v and the time of the write in txn.
func (s *Store) stamp(txn *badger.Txn, v uint64) error {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	if err := txn.Set([]byte(kVersion), b[:]); err != nil {
		return err
	}
	return txn.Set([]byte(kModified), []byte(time.Now().UTC().Format(time.RFC3339Nano)))
}

// shortErr cuts Badger's value dump out of an error message ("Value with
// size N exceeded M limit. Value: <hex dump of megabytes>").
func shortErr(err error) error {
	err = txnTooBig(err)
	msg := err.Error()
	if i := strings.Index(msg, " Value:"); i >= 0 && len(msg) > i+200 {
		msg = msg[:i]
		if strings.Contains(msg, "Value with size") {
			// in memory, Badger holds no value over 1 MiB (an
			// article's text is stored in parts there); on disk,
			// none over 1 GiB
			msg += " (" + ErrValueTooLarge.Error() + ")"
			err = errors.Join(ErrValueTooLarge, err)
		}
		return cutError{msg: msg, err: err}
	}
	return err
}

// ErrValueTooLarge is wrapped by the error for an article with a value
// Badger does not hold: in an in-memory store (tests, the Dgraph backend's
// scratch store) one over 1 MiB (64 KiB in a scratch store) other than
// the article's text, which is stored in parts there (article_text.go),
// e.g. an event whose evidence is a sentence of over 1 MiB.
var ErrValueTooLarge = errors.New("too large for one value of the store: an in-memory store holds no value over 1 MiB")

// cutError is an error with a shortened message that still unwraps to the
// original.
type cutError struct {
	msg string
	err error
}

func (e cutError) Error() string { return e.msg }
func (e cutError) Unwrap() error { return e.err }

func orDate(d string) string {
	if d == "" {
		return unknownDate
	}
	return d
}

func putJSON(txn *wtxn, key string, v any) error {
	b, err := marshal(v)
	if err != nil {
		return err
	}
	return txn.Set([]byte(key), b)
}

func getJSON(txn getter, key string, v any) error {
	it, err := txn.Get([]byte(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return it.Value(func(b []byte) error { return unmarshal(b, v) })
}

func putPlace(txn *wtxn, mg *merger, p Place) error {
	var old Place
	switch err := getJSON(txn, pPlace+p.ID, &old); {
	case err == nil:
		if old.HasGeo || !p.HasGeo {
			return nil
		}
	case !errors.Is(err, ErrNotFound):
		return err
	}
	mg.wroteNode(pPlace + p.ID)
	return putJSON(txn, pPlace+p.ID, p)
}

func putActor(txn *wtxn, mg *merger, a Actor) error {
	old, err := mg.storedActor(txn, a.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	merged := a
	merged.Roles = mergeRoles(a.Roles)
	if err == nil {
		merged = mergeActor(old, a)
		if reflect.DeepEqual(old, merged) {
			return nil // nothing new: the node and its index keys are stored
		}
	}
	mg.wroteNode(pActor + a.ID)
	if err := putJSON(txn, pActor+a.ID, merged); err != nil {
		return err
	}
	// the index keys old already has are stored (empty, as they would be
	// written again): an actor named by many articles gains a role or an
	// alias from most of them, and writing all its keys each time was a
	// memtable insert each, counted against the transaction's size
	var had []string
	if err == nil {
		had = actorIndexKeys(old)
	}
	for _, k := range actorIndexKeys(merged) {
		if slices.Contains(had, k) {
			continue
		}
		if err := txn.Set([]byte(k), nil); err != nil {
			return err
		}
		mg.wroteKey(k)
	}
	return nil
}

// actorIndexKeys are the index keys of an actor: its folded name, each
// folded name and alias, and for a person the keys of personIndexKeys.
func actorIndexKeys(a Actor) []string {
	keys := []string{pActorName + NormName(a.Name) + "|" + a.ID}
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if k := NormName(n); k != "" {
			keys = append(keys, pActorAlias+k+"|"+a.ID)
		}
	}
	return append(keys, personIndexKeys(a)...)
}

func mergeActor(old, a Actor) Actor {
	m := old
	if m.Kind == "" {
		m.Kind = a.Kind
	}
	if m.Country == "" {
		m.Country = a.Country
	}
	// keep the longest spelling as the display name
	if len(a.Name) > len(m.Name) {
		m.Aliases = append(m.Aliases, m.Name)
		m.Name = a.Name
	} else if a.Name != m.Name {
		m.Aliases = append(m.Aliases, a.Name)
	}
	m.Aliases = uniqueStrings(append(m.Aliases, a.Aliases...), m.Name)
	m.Roles = mergeRoles(append(append([]Role{}, m.Roles...), a.Roles...))
	return m
}

// uniqueStrings drops duplicates (by NormName equality and exact text) and
// the excluded name, keeping order.
func uniqueStrings(in []string, exclude string) []string {
	seen := map[string]bool{exclude: true}
	out := in[:0:0]
	for _, s := range in {
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func eventIndexKeys(e Event) []string {
	prefixes := []string{pEventDate}
	seen := map[string]bool{}
	for _, p := range e.Participants {
		if seen[p.ActorID] {
			continue
		}
		seen[p.ActorID] = true
		prefixes = append(prefixes, pEventActor+p.ActorID+"|")
	}
	if e.PlaceID != "" {
		prefixes = append(prefixes, pEventPlace+e.PlaceID+"|")
	}
	pos := orDate(e.Date.Start) + "|" + e.ID
	keys := make([]string, 0, len(prefixes))
	for _, p := range prefixes {
		keys = append(keys, p+pos)
	}
	if wide(e.Date) {
		// a span longer than a day is indexed again under each month it
		// overlaps, so that a window finds the events that start before
		// it and overlap it in one bucket, its first day's month
		for _, m := range spanMonths(e.Date.Start, e.Date.End) {
			for _, p := range prefixes {
				keys = append(keys, pWide+p+m+"|"+pos)
			}
		}
	}
	return append(keys, articleIndexKeys(e, pos)...)
}

// spanMonths lists the months (YYYY-MM) from the one of start to the one
// of end (YYYY-MM-DD days), at most maxWideMonths of them.
func spanMonths(start, end string) []string {
	t, err1 := time.Parse("2006-01-02", start)
	u, err2 := time.Parse("2006-01-02", end)
	if err1 != nil || err2 != nil {
		return nil
	}
	var out []string
	for m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(u) && len(out) < maxWideMonths; m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

// wide reports whether a span covers more than one day.
func wide(d DateSpan) bool { return d.Known() && d.End > d.Start }

// storedReport is the stored event e reports: one that shares a merge key
// with it, else the one mg finds (see merger).
func storedReport(txn *wtxn, e Event, mg *merger) (Event, bool, error) {
	for _, mk := range e.MergeKeys {
		it, err := txn.Get([]byte(pEventMerge + mk))
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return Event{}, false, err
		}
		oldID, _ := it.ValueCopy(nil)
		var old Event
		if err := getJSON(txn, pEvent+string(oldID), &old); err != nil {
			continue
		}
		if !Mergeable(old, e) {
			continue
		}
		return old, true, nil
	}
	if mg != nil {
		old, ok, err := mg.find(e)
		if err != nil {
			return Event{}, false, fmt.Errorf("merge event %s: %w", e.ID, err)
		}
		return old, ok, nil
	}
	return Event{}, false, nil
}

// mergeInto merges e into the stored event old: it returns the ID the
// event is stored under and old as it was.
func mergeInto(txn *wtxn, old, e Event, mg *merger) (string, Event, bool, error) {
	m := MergeEvents(old, e)
	mg.wroteEvent(m)
	return m.ID, old, true, rewriteEvent(txn, old, m)
}

// writeNew writes e as a new event.
func writeNew(txn *wtxn, e Event, mg *merger) (string, Event, bool, error) {
	mg.wroteEvent(e)
	return e.ID, Event{}, false, writeEvent(txn, e)
}

// eventFamily is the value of an event's date, actor and place index
// keys (and the tail of its wide keys' values): the root of its CAMEO code
// (root), which is what sameFamily compares of coded events, so that the
// merger passes over candidates of another family without loading them;
// nil for an uncoded event, whose family is its type. Keys written before
// families were stored hold nothing, and their events are loaded.
func eventFamily(e Event) []byte {
	if e.CAMEO == "" {
		return nil
	}
	return []byte(root(e.CAMEO))
}

// eventDocKey is the key of the event's copy in date order.
func eventDocKey(e Event) string { return pEventDoc + orDate(e.Date.Start) + "|" + e.ID }

func writeEvent(txn *wtxn, e Event) error {
	b, err := marshal(e)
	if err != nil {
		return err
	}
	if err := txn.Set([]byte(pEvent+e.ID), b); err != nil {
		return err
	}
	if err := txn.Set([]byte(eventDocKey(e)), b); err != nil {
		return err
	}
	fam := eventFamily(e)
	for _, k := range eventIndexKeys(e) {
		if err := txn.Set([]byte(k), indexValue(e, k, fam)); err != nil {
			return err
		}
	}
	for _, mk := range e.MergeKeys {
		if err := txn.Set([]byte(pEventMerge+mk), []byte(e.ID)); err != nil {
			return err
		}
	}
	return nil
}

// indexValue is the value of e's index key k; fam is eventFamily(e).
func indexValue(e Event, k string, fam []byte) []byte {
	switch {
	case strings.HasPrefix(k, pWide):
		// the end day lets a window skip it unread; the family
		// lets the merger skip it
		return append([]byte(e.Date.End), fam...)
	case strings.HasPrefix(k, pEventArticle):
		return nil
	}
	return fam
}

// rewriteEvent writes m, the stored event old with another report merged
// in, over old. It leaves the database as deleting old's keys and
// writing m whole (writeEvent) would, but sets and deletes only the keys
// that change: Badger counts every write of a transaction, rewritten keys
// too, against its size limit (15% of a memtable), and an article whose
// events all merge into stored ones would otherwise write each of them
// twice over (its index keys deleted, then set again) and not fit where
// the same article of new events does.
func rewriteEvent(txn *wtxn, old, m Event) error {
	if m.ID != old.ID {
		for _, k := range append(eventIndexKeys(old), eventDocKey(old)) {
			if err := txn.Delete([]byte(k)); err != nil {
				return err
			}
		}
		return writeEvent(txn, m)
	}
	b, err := marshal(m)
	if err != nil {
		return err
	}
	if err := txn.Set([]byte(pEvent+m.ID), b); err != nil {
		return err
	}
	if k := eventDocKey(old); k != eventDocKey(m) {
		if err := txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	if err := txn.Set([]byte(eventDocKey(m)), b); err != nil {
		return err
	}
	oldFam, fam := eventFamily(old), eventFamily(m)
	was := map[string][]byte{}
	for _, k := range eventIndexKeys(old) {
		was[k] = indexValue(old, k, oldFam)
	}
	for _, k := range eventIndexKeys(m) {
		v := indexValue(m, k, fam)
		if w, ok := was[k]; ok {
			delete(was, k)
			if bytes.Equal(w, v) {
				continue
			}
		}
		if err := txn.Set([]byte(k), v); err != nil {
			return err
		}
	}
	for _, k := range eventIndexKeys(old) { // in order, for the same writes run to run
		if _, ok := was[k]; ok {
			if err := txn.Delete([]byte(k)); err != nil {
				return err
			}
		}
	}
	// a merge key is written unless it already names m (another event
	// may have taken it since old was written)
	for _, mk := range m.MergeKeys {
		it, err := txn.Get([]byte(pEventMerge + mk))
		if err == nil {
			same := false
			if err := it.Value(func(v []byte) error { same = string(v) == m.ID; return nil }); err != nil {
				return err
			}
			if same {
				continue
			}
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		if err := txn.Set([]byte(pEventMerge+mk), []byte(m.ID)); err != nil {
			return err
		}
	}
	return nil
}

// Mergeable reports whether two events are one real happening: same CAMEO
// root (or, uncoded, the same type) and dates that overlap (or one unknown).
// Callers only ask about events that already share a merge key.
func Mergeable(a, b Event) bool {
	if root(a.CAMEO) != root(b.CAMEO) || (a.CAMEO == "" && a.Type != b.Type) {
		return false
	}
	if a.Date.Known() && b.Date.Known() {
		return a.Date.Overlaps(b.Date) || nextDays(a.Date, b.Date)
	}
	return true
}

// nextDays reports whether two DAY dates are one day apart: outlets in
// other time zones, or counting from the publication day, report one
// happening on neighbouring days (the event keeps both, disputed).
func nextDays(a, b DateSpan) bool {
	if a.Precision != Day || b.Precision != Day || a.Start != a.End || b.Start != b.End {
		return false
	}
	x, err1 := time.Parse("2006-01-02", a.Start)
	y, err2 := time.Parse("2006-01-02", b.Start)
	if err1 != nil || err2 != nil {
		return false
	}
	d := x.Sub(y)
	return d == 24*time.Hour || d == -24*time.Hour
}

func root(c string) string {
	if len(c) >= 2 {
		return c[:2]
	}
	return c
}

// MergeEvents folds b into a: evidence and participants united, the narrower
// date kept (of two alike, a date the text gives over one taken from the
// publication day; each article's date stays in SourceDates), the first ID
// and title kept, the quantities united.
func MergeEvents(a, b Event) Event {
	m := a
	if b.Date.Width() < a.Date.Width() || b.Date.Width() == a.Date.Width() && a.Date.Inferred && !b.Date.Inferred && b.Date.Known() {
		m.Date = b.Date
	}
	if m.PlaceID == "" {
		m.PlaceID = b.PlaceID
	}
	if m.AgreementID == "" {
		m.AgreementID = b.AgreementID
	}
	m.Participants = mergeParticipants(a.Participants, b.Participants)
	seenE := map[string]bool{}
	m.Evidence = nil
	for _, e := range append(append([]Evidence{}, a.Evidence...), b.Evidence...) {
		k := fmt.Sprintf("%s|%d", e.ArticleID, e.Start)
		if !seenE[k] {
			seenE[k] = true
			m.Evidence = append(m.Evidence, e)
		}
	}
	m.MergeKeys = uniqueStrings(append(append([]string{}, a.MergeKeys...), b.MergeKeys...), "")
	m.Quantities = MergeQuantities(a.Quantities, b.Quantities)
	m.SourceDates = mergeSourceDates(a, b)
	return m
}

// mergeParticipants unites two reports' participants. An actor keeps one
// side: when one report makes it the source and the other the target (a
// host and a visitor told from either end) the first report's side stays,
// and a side replaces the plain "participant" of the same actor. Other
// roles (speaker, signatory, mediator, host) stand beside a side.
func mergeParticipants(a, b []Participation) []Participation {
	out := make([]Participation, 0, len(a)+len(b))
	side := map[string]int{} // actor → index in out of its source, target or participant
	isSide := func(r string) bool { return r == "source" || r == "target" || r == "participant" }
	for _, p := range append(append([]Participation{}, a...), b...) {
		if slices.Contains(out, p) {
			continue
		}
		if isSide(p.Role) {
			if i, ok := side[p.ActorID]; ok {
				if out[i].Role == "participant" && p.Role != "participant" {
					out[i].Role = p.Role
				}
				continue
			}
			side[p.ActorID] = len(out)
		}
		out = append(out, p)
	}
	return out
}

// MergeQuantities is the union of two events' quantities, one per value
// and unit (the first report of it kept), in their order.
func MergeQuantities(a, b []Quantity) []Quantity {
	if len(b) == 0 {
		return a
	}
	out := append([]Quantity{}, a...)
	for _, q := range b {
		if !slices.ContainsFunc(out, q.Same) {
			out = append(out, q)
		}
	}
	return out
}

// putAgreement writes g, merged into the stored agreement of its ID, and
// returns what it stored.
func putAgreement(txn *wtxn, mg *merger, g Agreement) (Agreement, error) {
	var old Agreement
	err := getJSON(txn, pAgreement+g.ID, &old)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return g, err
	}
	if err == nil {
		_ = txn.Delete([]byte(pAgreeDate + orDate(old.Date.Start) + "|" + old.ID))
		// the narrower date, and of two alike the one a text gives over
		// one inferred (a headline dated by its publication day)
		if keepOldDate(old.Date, g.Date) {
			g.Date = old.Date
		}
		g.Parties = uniqueStrings(append(old.Parties, g.Parties...), "")
		g.Signatories = uniqueStrings(append(old.Signatories, g.Signatories...), "")
		g.Topics = uniqueStrings(append(old.Topics, g.Topics...), "")
		g.Evidence = append(old.Evidence, g.Evidence...)
		if g.PlaceID == "" {
			g.PlaceID = old.PlaceID
		}
		if old.EventID != "" {
			g.EventID = old.EventID
		}
	}
	mg.wroteNode(pAgreement + g.ID)
	if err := putJSON(txn, pAgreement+g.ID, g); err != nil {
		return g, err
	}
	return g, txn.Set([]byte(pAgreeDate+orDate(g.Date.Start)+"|"+g.ID), agreeDateValue(g))
}

// keepOldDate reports whether a stored agreement's date old stays when
// another report gives it the date d: when d is wider (or unknown), or as
// wide and inferred while old is not.
func keepOldDate(old, d DateSpan) bool {
	return d.Width() > old.Width() || d.Width() == old.Width() && d.Inferred && !old.Inferred
}

// agreeDateValue is the value of an agreement's date index key
// (pAgreeDate) when its date is known: its last day, then each of its
// parties after a zero byte, so that the merger passes over the
// agreements that end before the days it looks at or share no party
// without decoding them (merger.cannotBe); nil otherwise.
func agreeDateValue(g Agreement) []byte {
	if !g.Date.Known() || len(g.Date.End) != len("2006-01-02") {
		return nil
	}
	v := []byte(g.Date.End)
	for _, p := range g.Parties {
		v = append(append(v, 0), p...)
	}
	return v
}

// parseAgreeDateValue splits a value of agreeDateValue into the last day
// and the parties (separated by zero bytes, after one); ok is false for a
// value it did not write.
func parseAgreeDateValue(v []byte) (end, parties []byte, ok bool) {
	const n = len("2006-01-02")
	if len(v) < n || (len(v) > n && (v[n] != 0 || len(v) == n+1)) {
		return nil, nil, false
	}
	if len(v) > n {
		parties = v[n+1:]
	}
	return v[:n], parties, true
}

// ---- reading single nodes ----

// Article returns the article with the ID.
func (s *Store) Article(id string) (Article, error) {
	var a Article
	err := s.readView(func(txn *badger.Txn) error { return getArticle(txn, id, &a) })
	return a, wrapGet("article", id, err)
}

// Event returns the event with the ID.
func (s *Store) Event(id string) (Event, error) {
	var e Event
	err := s.readView(func(txn *badger.Txn) error { return getJSON(txn, pEvent+id, &e) })
	return e, wrapGet("event", id, err)
}

// Actor returns the actor with the ID.
func (s *Store) Actor(id string) (Actor, error) {
	var a Actor
	err := s.readView(func(txn *badger.Txn) error { return getJSON(txn, pActor+id, &a) })
	return a, wrapGet("actor", id, err)
}

// Place returns the place with the ID.
func (s *Store) Place(id string) (Place, error) {
	var p Place
	err := s.readView(func(txn *badger.Txn) error { return getJSON(txn, pPlace+id, &p) })
	return p, wrapGet("place", id, err)
}

// Agreement returns the agreement with the ID.
func (s *Store) Agreement(id string) (Agreement, error) {
	var g Agreement
	err := s.readView(func(txn *badger.Txn) error { return getJSON(txn, pAgreement+id, &g) })
	return g, wrapGet("agreement", id, err)
}

func wrapGet(kind, id string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s %s: %w", kind, id, err)
}

// ActorsByName returns the actors a name may be (Reader.ActorsByName).
func (s *Store) ActorsByName(name string) ([]Actor, error) {
	var out []Actor
	err := s.view(func(r *Reader) error {
		out = r.ActorsByName(name)
		return nil
	})
	return out, err
}

// scanIDs returns the last |-separated field of every key under prefix.
func scanIDs(txn *badger.Txn, prefix string) []string {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = []byte(prefix)
	it := txn.NewIterator(opt)
	defer it.Close()
	var ids []string
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().Key()
		ids = append(ids, string(k[bytes.LastIndexByte(k, '|')+1:]))
	}
	return ids
}

// ---- cursors ----

// EncodeCursor makes an opaque cursor of an index position.
func EncodeCursor(pos string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("v1:" + pos))
}

// DecodeCursor reads a cursor made by EncodeCursor.
func DecodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !bytes.HasPrefix(b, []byte("v1:")) {
		return "", fmt.Errorf("cursor %q: %w", c, ErrBadCursor)
	}
	return string(b[3:]), nil
}

// rewriteEach walks the values stored under prefix in one snapshot and lets
// fn add writes to one batch, flushed at the end (key and val are copies
// fn may keep); fn reports whether it wrote anything for that key. It
// returns how many keys fn wrote for. The format upgrades are built on it.
func (s *Store) rewriteEach(prefix string, fn func(key, val []byte, wb *badger.WriteBatch) (bool, error)) (int, error) {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.Prefix = []byte(prefix)
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			val, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			wrote, err := fn(item.KeyCopy(nil), val, wb)
			if err != nil {
				return err
			}
			if wrote {
				n++
			}
		}
		return nil
	})
	if err == nil {
		err = wb.Flush()
	}
	return n, err
}

// dropKeys deletes every key under prefix.
func (s *Store) dropKeys(prefix string) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = []byte(prefix)
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := wb.Delete(it.Item().KeyCopy(nil)); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = wb.Flush()
	}
	return err
}

// getter reads single keys: a Badger transaction or a wtxn.
type getter interface {
	Get(key []byte) (*badger.Item, error)
}
