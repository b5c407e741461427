package graph

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
)

// Staged articles. A Badger transaction holds at most 15% of a memtable
// (about 9.6 MiB of keys and small values, or some 100,000 entries, with
// the 64 MiB memtables), and an article of a few thousand events writes
// more. Such an article is written in several transactions, still
// wholly or not at all:
//
//   - the first transaction records a marker (SP:<article>); every key the
//     article's write sets or deletes has its value from before the
//     article saved under SU:<article>|<key>, in the transaction that
//     first changes it (a byte 1 and the value, or 0 when it was absent);
//   - when a transaction is full it is committed and the write goes on in
//     the next one, which reads what the earlier ones wrote, so the
//     merges are those of one transaction (the merger's snapshot and its
//     own record of the events written stay those of the article's start);
//   - a last small transaction deletes the marker and stamps the version:
//     the article is published; its saved values are deleted after;
//   - a failure before that restores the saved values (undoStaged); so
//     does the next open for writing after a kill (recoverStaged), and a
//     read-only open refuses the database (ErrInterruptedWrite), which
//     the command line then opens for writing;
//   - the Store's readers do not see the transactions in between: while
//     an article is staged, new readers share a snapshot taken before its
//     first transaction (readTxn), and the writers' lock keeps the other
//     writers out.
//
// Articles that fit in one transaction are written as before: the staged
// write is tried only after the one-transaction write of the article
// failed with badger.ErrTxnTooBig, so it costs them nothing.
const (
	pStaged = "SP:" // SP:<article id>: the article's write is under way in several transactions
	pUndo   = "SU:" // SU:<article id>|<key> -> the key's value before the article: 1+value, or 0 (absent)
)

// ErrInterruptedWrite means a read-only open found the write of an
// article in several transactions interrupted (a kill): a write open
// undoes it.
var ErrInterruptedWrite = errors.New("the write of a large article was interrupted: open the database once for writing (eventgraph load or serve) to undo it")

// wtxn is the transaction the writers write through: a Badger
// transaction, or, for a staged article, the current one of its
// transactions (st), which Set and Delete replace by the next when it is
// full.
type wtxn struct {
	*badger.Txn
	st *staging
}

// plain wraps a Badger transaction that is not staged.
func plain(txn *badger.Txn) *wtxn { return &wtxn{Txn: txn} }

// Set sets k to v (see badger.Txn.Set).
func (t *wtxn) Set(k, v []byte) error {
	if t.st == nil {
		return t.Txn.Set(k, v)
	}
	return t.st.write(t, k, v, false)
}

// Delete deletes k (see badger.Txn.Delete).
func (t *wtxn) Delete(k []byte) error {
	if t.st == nil {
		return t.Txn.Delete(k)
	}
	return t.st.write(t, k, nil, true)
}

// staging is the state of a staged article's write.
type staging struct {
	s   *Store
	ctx context.Context // stops the write between transactions
	art string
	// saved are the keys whose value before the article is saved
	saved map[string]bool
	mg    *merger
	// txns counts the transactions committed, writes the keys written
	txns, writes int
}

func undoPrefix(art string) string { return pUndo + art + "|" }

// write sets (or deletes) k in t after saving its value from before the
// article, the first time the article changes it.
func (st *staging) write(t *wtxn, k, v []byte, del bool) error {
	// a stop is seen within a transaction too (one of a large article
	// takes seconds): what it wrote is discarded, the rest undone
	if st.writes++; st.writes%1024 == 0 {
		if err := st.ctx.Err(); err != nil {
			return fmt.Errorf("write stopped: %w", err)
		}
	}
	if !st.saved[string(k)] {
		// k is not changed yet by the article: t reads its value from before
		u := []byte{0}
		item, err := t.Txn.Get(k)
		switch {
		case err == nil:
			old, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			u = append([]byte{1}, old...)
		case !errors.Is(err, badger.ErrKeyNotFound):
			return err
		}
		uk := []byte(undoPrefix(st.art) + string(k))
		if err := st.do(t, func() error { return t.Txn.Set(uk, u) }); err != nil {
			return err
		}
		st.saved[string(k)] = true
	}
	return st.do(t, func() error {
		if del {
			return t.Txn.Delete(k)
		}
		return t.Txn.Set(k, v)
	})
}

// do runs fn on t's transaction; when that is full, it commits it and
// runs fn again on the next.
func (st *staging) do(t *wtxn, fn func() error) error {
	err := fn()
	if !errors.Is(err, badger.ErrTxnTooBig) {
		return err
	}
	if err := st.next(t); err != nil {
		return err
	}
	return fn()
}

// next commits t's transaction and starts the next.
func (st *staging) next(t *wtxn) error {
	if err := st.ctx.Err(); err != nil {
		return fmt.Errorf("write stopped: %w", err)
	}
	if err := st.s.checkSpace(); err != nil {
		return err
	}
	if err := t.Txn.Commit(); err != nil {
		return err
	}
	st.txns++
	t.Txn = st.s.db.NewTransaction(true)
	if st.mg != nil {
		st.mg.r.txn = t.Txn
	}
	if h := st.s.stageHook; h != nil {
		return h("txn", st.txns)
	}
	return nil
}

// putStaged writes one article in several transactions (see above); once
// ctx is done it stops (within 1,024 keys written) and undoes what it
// wrote, or leaves that to later (UndoAtNextOpen). The caller holds wmu.
func (s *Store) putStaged(ctx context.Context, f *Facts) (res PutResult, err error) {
	res.ArticleID = f.Article.ID
	if err := s.checkSpace(); err != nil {
		return res, err
	}
	s.pinReaders()
	keepPin := false // the undo left for later: the readers keep the snapshot
	defer func() {
		if !keepPin {
			s.unpinReaders()
		}
	}()
	t := plain(s.db.NewTransaction(true))
	defer func() { t.Discard() }()
	mg := newMerger(s, t.Txn)
	defer mg.close()
	// the merge cache is not told of the transactions one by one: the
	// next writer's starts untrusted, and the nodes it decoded are dropped
	defer mg.end(true, false)
	st := &staging{s: s, ctx: ctx, art: f.Article.ID, saved: map[string]bool{}, mg: mg}
	marker := []byte(pStaged + f.Article.ID)
	if err := t.Txn.Set(marker, nil); err != nil {
		return res, err
	}
	t.st = st
	res, err = putArticle(t, f, mg)
	if err == nil && res.Existed {
		return res, nil // nothing written: the marker is discarded
	}
	v := s.version.Load() + 1
	if err == nil {
		// the last of the article's writes, then its publication alone
		err = st.next(t)
	}
	if err == nil {
		t.st = nil
		if err = t.Txn.Delete(marker); err == nil {
			err = s.stamp(t.Txn, v)
		}
		if err == nil {
			err = t.Txn.Commit()
		}
	}
	if err != nil {
		t.Discard()
		if st.txns > 0 && ctx.Err() != nil && errors.Is(err, ctx.Err()) && ctx.Value(undoLaterKey{}) != nil {
			// stopped, by a caller that ends now: the next open for
			// writing undoes it, or this Store's next write
			s.pendingUndo = append(s.pendingUndo, f.Article.ID)
			keepPin = true
			return res, fmt.Errorf("%w (its partial write is undone by the next open for writing)", err)
		}
		if st.txns > 0 {
			if uerr := s.undoStaged(f.Article.ID); uerr != nil {
				s.log.Error("could not undo the partial write of an article; the next open for writing undoes it", "article", f.Article.ID, "err", uerr)
				err = errors.Join(err, fmt.Errorf("undo the partial write (the next open for writing does): %w", uerr))
			}
		}
		return res, err
	}
	// the readers see it from now on; then the version tells them
	s.unpinReaders()
	s.version.Store(v)
	s.staged++
	if h := s.stageHook; h != nil {
		_ = h("published", st.txns)
	}
	if err := s.dropKeys(undoPrefix(f.Article.ID)); err != nil {
		// left for the next open for writing (recoverStaged)
		s.log.Warn("could not delete the saved values of a staged article", "article", f.Article.ID, "err", err)
	}
	return res, nil
}

// undoStaged restores the values the staged write of the article changed
// (a write interrupted or failed before its publication), deleting each
// saved value with the restore of its key, then deletes the marker.
//
// A kill at any point of it leaves the marker, so the next open for
// writing undoes the write again: a saved value is deleted in the
// transaction that restores its key or in a later one (a WriteBatch
// commits its writes in order, in as many transactions as they need), so
// every key whose saved value is gone is restored, and restoring one
// again is harmless; the marker goes only once the batch is flushed
// (TestStagedKill, at each step). One pass over the saved values (the
// undo of a 4 MiB article's 145,591 keys took 8.7 s in `eventgraph load`
// under a load average of 9; see UndoAtNextOpen).
func (s *Store) undoStaged(art string) error {
	prefix := undoPrefix(art)
	hook := func(step string, n int) error {
		if s.stageHook == nil {
			return nil
		}
		return s.stageHook(step, n)
	}
	restored := 0
	err := hook("undo", 0)
	if err == nil {
		_, err = s.rewriteEach(prefix, func(key, u []byte, wb *badger.WriteBatch) (bool, error) {
			k := key[len(prefix):]
			if restored++; restored%256 == 0 {
				if err := hook("undo-restoring", restored); err != nil {
					return false, err
				}
			}
			var err error
			if len(u) == 0 || u[0] == 0 {
				err = wb.Delete(k)
			} else {
				err = wb.Set(k, u[1:])
			}
			if err == nil {
				err = wb.Delete(key)
			}
			return true, err
		})
	}
	if err == nil {
		err = hook("undo-restored", restored)
	}
	if err == nil {
		err = s.db.Update(func(txn *badger.Txn) error { return txn.Delete([]byte(pStaged + art)) })
	}
	if err != nil {
		return fmt.Errorf("undo the staged write of article %s: %w", art, err)
	}
	return nil
}

// undoLaterKey marks a context of UndoAtNextOpen.
type undoLaterKey struct{}

// UndoAtNextOpen returns ctx marked so that the staged write of a large
// article (written in several transactions) it stops is not undone before
// PutFactsContext returns but left, as a kill leaves it, to the next open
// of the database for writing, or to this Store's next write: for a
// process that ends once stopped (eventgraph load), which then ends at
// once instead of after the undo (seconds for an article of a few MiB).
// Meanwhile the Store's readers keep reading the snapshot from before the
// write, and a read-only open refuses the database (ErrInterruptedWrite).
func UndoAtNextOpen(ctx context.Context) context.Context {
	return context.WithValue(ctx, undoLaterKey{}, true)
}

// undoPending undoes the staged writes a stop left (UndoAtNextOpen) and
// lets the readers read the store as it is. The caller holds wmu.
func (s *Store) undoPending() error {
	for len(s.pendingUndo) > 0 {
		if err := s.undoStaged(s.pendingUndo[0]); err != nil {
			return err
		}
		s.pendingUndo = s.pendingUndo[1:]
	}
	s.unpinReaders()
	return nil
}

// stagedArticles returns the articles whose staged write is unpublished.
func stagedArticles(txn *badger.Txn) []string {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = []byte(pStaged)
	it := txn.NewIterator(opt)
	defer it.Close()
	var arts []string
	for it.Rewind(); it.Valid(); it.Next() {
		arts = append(arts, string(it.Item().Key()[len(pStaged):]))
	}
	return arts
}

// recoverStaged undoes the staged writes a kill interrupted and deletes
// the saved values a kill left after a publication; it returns how many
// articles it undid.
func (s *Store) recoverStaged() (int, error) {
	var arts []string
	leftover := false
	_ = s.db.View(func(txn *badger.Txn) error {
		arts = stagedArticles(txn)
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = []byte(pUndo)
		it := txn.NewIterator(opt)
		defer it.Close()
		it.Rewind()
		leftover = it.Valid()
		return nil
	})
	for _, art := range arts {
		if err := s.undoStaged(art); err != nil {
			return 0, err
		}
	}
	if leftover {
		if err := s.dropKeys(pUndo); err != nil {
			return len(arts), fmt.Errorf("delete the saved values of staged articles: %w", err)
		}
	}
	return len(arts), nil
}

// pinned is a snapshot the Store's readers share while an article is
// staged; refs counts the pin and its readers.
type pinned struct {
	txn  *badger.Txn
	refs atomic.Int32
}

// readers is the pin of the Store's readers. A reader starts its
// transaction under the read lock, so that it starts before the pin is
// set (and so before the staged article's first commit) or takes the pin.
type readers struct {
	mu  sync.RWMutex
	pin *pinned
}

// pinReaders makes new readers share a snapshot of the store as it is
// until unpinReaders.
func (s *Store) pinReaders() {
	p := &pinned{txn: s.db.NewTransaction(false)}
	p.refs.Store(1)
	s.readers.mu.Lock()
	s.readers.pin = p
	s.readers.mu.Unlock()
}

// unpinReaders lets new readers read the store as it is; the pinned
// snapshot ends with its last reader.
func (s *Store) unpinReaders() {
	s.readers.mu.Lock()
	p := s.readers.pin
	s.readers.pin = nil
	s.readers.mu.Unlock()
	if p != nil {
		p.release()
	}
}

func (p *pinned) release() {
	if p.refs.Add(-1) == 0 {
		p.txn.Discard()
	}
}

// readTxn returns a read-only transaction for a reader and the function
// that ends it: a new one, or while an article is staged the snapshot
// from before it.
func (s *Store) readTxn() (*badger.Txn, func()) {
	s.readers.mu.RLock()
	defer s.readers.mu.RUnlock()
	if p := s.readers.pin; p != nil {
		p.refs.Add(1)
		return p.txn, p.release
	}
	txn := s.db.NewTransaction(false)
	return txn, txn.Discard
}

// readView runs fn in a reader's transaction (readTxn).
func (s *Store) readView(fn func(txn *badger.Txn) error) error {
	txn, done := s.readTxn()
	defer done()
	return fn(txn)
}
