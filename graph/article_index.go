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
	n, err := s.rewriteEach(pEvent, func(key, val []byte, wb *badger.WriteBatch) (bool, error) {
		var e Event
		if err := unmarshal(val, &e); err != nil {
			return false, fmt.Errorf("event %s: %w", key, err)
		}
		for _, k := range articleIndexKeys(e, orDate(e.Date.Start)+"|"+e.ID) {
			if err := wb.Set([]byte(k), nil); err != nil {
				return false, err
			}
		}
		return true, nil
	})
	if err == nil && n > 0 {
		s.log.Info("upgraded the database: events indexed by article", "events", n)
	}
	return err
}
