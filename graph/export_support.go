package graph

import (
	"errors"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// This file holds small read helpers for the timeline and the exports
// (graph/timeline, graph/export): a streaming filtered walk over events,
// place lookup by name and cheap existence checks.

// ForEachEventMatching calls fn for every event f selects, in date order
// (undated last, unless f excludes them), one at a time: unlike Events it
// keeps no page in memory, so exports of any size stay flat. It scans the
// same date-ordered indexes as Events (by actor, by place or over all
// events). f.Desc is honoured. fn may return ErrStop to end the walk.
func (r *Reader) ForEachEventMatching(f EventFilter, fn func(Event) error) error {
	prefix := pEventDate
	switch {
	case len(f.ActorIDs) == 1:
		prefix = pEventActor + f.ActorIDs[0] + "|"
	case f.PlaceID != "":
		prefix = pEventPlace + f.PlaceID + "|"
	}
	lo, hi := "", "\xff"
	if f.From != "" {
		if t, err := time.Parse("2006-01-02", f.From); err == nil {
			lo = t.AddDate(0, 0, -maxSpanDays).Format("2006-01-02")
		} else {
			lo = f.From
		}
	}
	if f.To != "" {
		hi = f.To + "|\xff"
	} else if f.From != "" || f.NoUndated {
		hi = unknownDate
	}
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = []byte(prefix)
	opt.Reverse = f.Desc
	it := r.txn.NewIterator(opt)
	defer it.Close()
	if f.Desc {
		it.Seek([]byte(prefix + hi))
	} else {
		it.Seek([]byte(prefix + lo))
	}
	text := strings.ToLower(f.Text)
	for ; it.Valid(); it.Next() {
		k := it.Item().Key()
		pos := string(k[len(prefix):])
		if pos < lo || pos > hi {
			if f.Desc && pos > hi {
				continue
			}
			break
		}
		id := pos[strings.LastIndexByte(pos, '|')+1:]
		var ev Event
		if err := getJSON(r.txn, pEvent+id, &ev); err != nil {
			continue
		}
		if !r.match(ev, f, text) {
			continue
		}
		if err := fn(ev); errors.Is(err, ErrStop) {
			return nil
		} else if err != nil {
			return err
		}
	}
	return nil
}

// PlacesByName returns the places whose name folds (NormName) to the same
// text as name, in any country. It scans the places, which are few.
func (r *Reader) PlacesByName(name string) ([]Place, error) {
	k := NormName(name)
	if k == "" {
		return nil, nil
	}
	var out []Place
	err := r.ForEachPlace(func(p Place) error {
		if NormName(p.Name) == k {
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// Has reports whether a node of the kind ("article", "event", "actor",
// "place", "agreement") with the ID is stored, without decoding it.
func (r *Reader) Has(kind, id string) bool {
	var p string
	switch kind {
	case "article":
		p = pArticle
	case "event":
		p = pEvent
	case "actor":
		p = pActor
	case "place":
		p = pPlace
	case "agreement":
		p = pAgreement
	default:
		return false
	}
	_, err := r.txn.Get([]byte(p + id))
	return err == nil
}
