package graph

import (
	"errors"
	"strings"
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
	text := strings.ToLower(f.Text)
	errEnd := errors.New("end of walk")
	// one Event decoded into, reset before each use, and passed on by
	// value: not one allocation for each of a window's thousands
	ev := new(Event)
	err := r.scanEvents(f, true, func(pos, id string, check bool, v []byte) error {
		*ev = Event{}
		if err := r.loadEvent(pos, v, ev); err != nil {
			return nil
		}
		if check && !r.match(*ev, f, text) {
			return nil
		}
		if err := fn(*ev); errors.Is(err, ErrStop) {
			return errEnd
		} else if err != nil {
			return err
		}
		return nil
	})
	if errors.Is(err, errEnd) {
		return nil
	}
	return err
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
