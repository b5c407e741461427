package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// PutFactsBatch writes many articles' facts with few transactions: as many
// articles per transaction as Badger's size limit allows. Each article is
// still stored wholly or not at all, and the outcome is the same as
// calling PutFacts on each in order (merges across the batch included):
// results[i] and errs[i] say what happened to fs[i]. A failure on one
// article does not stop the others.
func (s *Store) PutFactsBatch(fs []*Facts) ([]PutResult, []error) {
	res := make([]PutResult, len(fs))
	errs := make([]error, len(fs))
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if len(s.pendingUndo) > 0 {
		if err := s.undoPending(); err != nil {
			for i := range fs {
				errs[i] = fmt.Errorf("put facts: %w", err)
			}
			return res, errs
		}
	}
	for i := 0; i < len(fs); {
		if fs[i] == nil || fs[i].Article.ID == "" {
			errs[i] = errors.New("put facts: article has no ID")
			i++
			continue
		}
		n, err := s.putRun(fs[i:], res[i:])
		i += n
		if err != nil {
			// fs[i] failed on its own: report it and go on after it.
			res[i] = PutResult{ArticleID: fs[i].Article.ID}
			errs[i] = fmt.Errorf("store article %q: %w", fs[i].Article.Title, shortErr(err))
			i++
		}
	}
	return res, errs
}

// runGrowAfter is how many full runs in a row make PutFactsBatch try one
// more article in a transaction (Store.runFit): after an overflow it takes
// 1/8 fewer, so an overflow (and its articles written twice) comes about
// once in n/8*runGrowAfter runs of n articles.
const runGrowAfter = 8

// putRun writes a prefix of fs in one transaction and returns its length.
// It stops before an article without ID, before the article that would
// overflow the transaction, and before one that fails; a non-nil error is
// the failure of fs[n], which is not written. The caller holds wmu.
func (s *Store) putRun(fs []*Facts, res []PutResult) (int, error) {
	limit := len(fs)
	if s.runFit > 0 && limit > s.runFit {
		limit = s.runFit
	}
	n, err := s.tryRun(fs, res, limit)
	switch {
	case err == nil:
		if n == s.runFit {
			// it fitted: after runGrowAfter such runs in a row, try one
			// more article
			if s.runFull++; s.runFull >= runGrowAfter {
				s.runFit++
				s.runFull = 0
			}
		}
		return n, nil
	case n == 0:
		if errors.Is(err, badger.ErrTxnTooBig) {
			// fs[0] alone does not fit: it is written in several
			// transactions (staged.go)
			r, err := s.putStaged(context.Background(), fs[0])
			if err != nil {
				return 0, err
			}
			res[0] = r
			return 1, nil
		}
		return 0, err
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		// fs[:n] fitted: the next runs take a little fewer, so that
		// they seldom overflow and write their articles twice
		s.runFit, s.runFull = max(1, n-n/8), 0
	}
	// fs[n] failed or did not fit: write fs[:n] alone, which did fit.
	if _, err2 := s.tryRun(fs, res, n); err2 != nil {
		return 0, err2
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		return n, nil
	}
	return n, err
}

// tryRun writes fs[:limit] (stopping at an article without ID) in one
// transaction and commits it. On a failure at article j it discards the
// transaction and returns j and the error.
func (s *Store) tryRun(fs []*Facts, res []PutResult, limit int) (int, error) {
	if err := s.checkSpace(); err != nil {
		return 0, err
	}
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	wt := plain(txn)
	mg := newMerger(s, txn)
	defer mg.close()
	added := uint64(0)
	committed := false
	defer func() { mg.end(added > 0, committed) }()
	n := 0
	for ; n < limit; n++ {
		f := fs[n]
		if f == nil || f.Article.ID == "" {
			break
		}
		r, err := putArticle(wt, f, mg)
		if err != nil {
			return n, err
		}
		res[n] = r
		if !r.Existed {
			added++
		}
	}
	if added == 0 {
		return n, nil
	}
	v := s.version.Load() + added
	if err := s.stamp(txn, v); err != nil {
		if errors.Is(err, badger.ErrTxnTooBig) {
			return n - 1, err
		}
		return n, err
	}
	if err := txn.Commit(); err != nil {
		if n > 1 && errors.Is(err, badger.ErrTxnTooBig) {
			return n - 1, err
		}
		return 0, err
	}
	committed = true
	s.version.Store(v)
	return n, nil
}

// RawDateScan is the baseline of the timeline benchmarks: a bare Badger
// range scan of the events starting between from and to (inclusive
// YYYY-MM-DD) in the layout the Store reads them from. With values, it is
// the scan of the events' copies in date order (EV:), touching each value's
// bytes but decoding nothing; without, the date index keys only. It
// returns how many events it read.
func (s *Store) RawDateScan(from, to string, values bool) (int, error) {
	n := 0
	prefix := pEventDate
	if values {
		prefix = pEventDoc
	}
	err := s.readView(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = []byte(prefix)
		it := txn.NewIterator(opt)
		defer it.Close()
		hi := []byte(prefix + to + "|\xff")
		for it.Seek([]byte(prefix + from)); it.Valid(); it.Next() {
			item := it.Item()
			if string(item.Key()) > string(hi) {
				break
			}
			n++
			if values {
				if err := item.Value(func([]byte) error { return nil }); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("raw date scan: %w", err)
	}
	return n, nil
}
