package graph

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// The article → event index (EB:<article id>|<start>|<id>) lists the
// events each article gives evidence for, in date order, so that an
// article's events cost what they return instead of a scan of every event.

// articleIndexKeys returns the article index keys of e: one per article of
// its evidence, at the event's date position pos.
func articleIndexKeys(e Event, pos string) []string {
	var keys []string
	for i, ev := range e.Evidence {
		if ev.ArticleID == "" || seenArticle(e.Evidence[:i], ev.ArticleID) {
			continue
		}
		keys = append(keys, pEventArticle+ev.ArticleID+"|"+pos)
	}
	return keys
}

func seenArticle(ev []Evidence, id string) bool {
	for _, e := range ev {
		if e.ArticleID == id {
			return true
		}
	}
	return false
}

// ForEachEventOfArticle calls fn for every event the article gives
// evidence for, in date order (undated last), reading only those events.
// fn may return ErrStop to end the walk.
func (r *Reader) ForEachEventOfArticle(articleID string, fn func(Event) error) error {
	if articleID == "" {
		return nil
	}
	prefix := pEventArticle + articleID + "|"
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = []byte(prefix)
	it := r.txn.NewIterator(opt)
	defer it.Close()
	it.Rewind()
	for n := 0; it.Valid(); it.Next() {
		if err := r.live(n); err != nil {
			return err
		}
		n++
		pos := string(it.Item().Key()[len(prefix):])
		var ev Event
		if err := r.loadEvent(pos, nil, &ev); err != nil {
			return wrapGet("event", pos[lastBar(pos)+1:], err)
		}
		if err := fn(ev); err != nil {
			if errors.Is(err, ErrStop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// indexArticleEvents writes the article index keys of every stored event
// (the upgrade to format 5).
func (s *Store) indexArticleEvents() error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.Prefix = []byte(pEvent)
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var e Event
			if err := it.Item().Value(func(v []byte) error { return unmarshal(v, &e) }); err != nil {
				return fmt.Errorf("event %s: %w", it.Item().Key(), err)
			}
			for _, k := range articleIndexKeys(e, orDate(e.Date.Start)+"|"+e.ID) {
				if err := wb.Set([]byte(k), nil); err != nil {
					return err
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
		s.log.Info("upgraded the database: events indexed by article", "events", n)
	}
	return err
}
