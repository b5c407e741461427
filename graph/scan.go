package graph

import (
	"bytes"
	"strings"
	"time"
	"unsafe"

	"github.com/dgraph-io/badger/v4"
)

// evRange is one stretch of a date-ordered event index to scan: the keys
// prefix+pos with lo <= pos <= hi. check says every event found must be
// loaded and matched against the filter's dates, because the range holds
// events that may end before the window.
type evRange struct {
	prefix, lo, hi string
	check          bool
}

// eventRanges returns the index ranges that hold the events f selects, in
// scan order (reversed for f.Desc). With a From date the scan is the wide
// index's bucket of From's month (spans of more than a day that overlap
// that month) up to the day before From, then the main index from From on:
// an event starting before From overlaps the window only if it spans
// several days and covers From, so it is in that bucket, and the narrow
// events before From are never read.
func eventRanges(f EventFilter) []evRange {
	prefix := pEventDate
	switch {
	case len(f.ActorIDs) == 1:
		prefix = pEventActor + f.ActorIDs[0] + "|"
	case f.PlaceID != "":
		prefix = pEventPlace + f.PlaceID + "|"
	case len(f.PlaceIDs) == 1:
		prefix = pEventPlace + f.PlaceIDs[0] + "|"
	}
	hi := "\xff"
	if f.To != "" {
		hi = f.To + "|\xff"
	} else if f.From != "" || f.NoUndated {
		hi = unknownDate // stop before undated events
	}
	if f.From == "" {
		if f.Desc && hi > unknownDate {
			// newest first, and the undated events still last
			return []evRange{{prefix: prefix, lo: "", hi: unknownDate}, {prefix: prefix, lo: unknownDate, hi: hi}}
		}
		return []evRange{{prefix: prefix, lo: "", hi: hi}}
	}
	t, err := time.Parse("2006-01-02", f.From)
	if err != nil {
		return []evRange{{prefix: prefix, lo: f.From, hi: hi, check: true}}
	}
	before := evRange{prefix: pWide + prefix + f.From[:len("2006-01")] + "|", check: true,
		lo: "", hi: t.AddDate(0, 0, -1).Format("2006-01-02") + "|\xff"}
	if hi < before.hi {
		before.hi = hi
	}
	main := evRange{prefix: prefix, lo: f.From, hi: hi}
	if f.Desc {
		return []evRange{main, before}
	}
	return []evRange{before, main}
}

// needsFilter reports whether events must be loaded to test f beyond the
// date window the index ranges already give.
func (f EventFilter) needsFilter() bool {
	place := f.PlaceID != "" || len(f.PlaceIDs) == 1
	return f.Type != "" || f.CAMEO != "" || f.Country != "" || f.Status != "" || f.Text != "" ||
		len(f.ActorIDs) > 1 || (len(f.ActorIDs) == 1 && place) || len(f.PlaceIDs) > 1 ||
		(f.PlaceID != "" && len(f.PlaceIDs) > 0)
}

// scanEvents walks the index positions f selects in order, calling fn with
// the position ("<start>|<id>"), the event ID, whether the event must be
// loaded and matched before it counts, and, when docs is set and the range
// is the date index, the event's stored bytes (nil otherwise). All are
// valid during the call only: pos and id view the index key's bytes, which
// the iterator reuses, so that counting a window's thousands of keys
// allocates nothing; fn copies (strings.Clone) what it keeps. docs asks for a scan of the events
// themselves (EV:), for callers that decode every event; without it the
// scan reads index keys only, which is cheaper for counting. fn returning
// a non-nil error ends the walk with it.
func (r *Reader) scanEvents(f EventFilter, docs bool, fn func(pos, id string, check bool, v []byte) error) error {
	return r.scanIndex(f, docs, false, func(pos, id string, check bool, v, _ []byte) error { return fn(pos, id, check, v) })
}

// scanIndex is scanEvents that, with fams, also hands fn the event's
// family as its index key stores it (eventFamily; nil when the key holds
// none: an uncoded event, or a key written before families were stored),
// valid during the call only. The merger skips candidates of another
// family without loading them.
func (r *Reader) scanIndex(f EventFilter, docs, fams bool, fn func(pos, id string, check bool, v, fam []byte) error) error {
	filter := f.needsFilter()
	n := 0 // keys read, for the context checks
	for _, rg := range eventRanges(f) {
		if rg.lo > rg.hi {
			continue
		}
		prefix := rg.prefix
		withDoc := docs && prefix == pEventDate
		if withDoc {
			prefix = pEventDoc
		}
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		// every key of the range begins with the common start of its
		// bounds: the iterator goes no further (Badger reads ahead to the
		// next keys of its prefix that the snapshot sees, past any number
		// of newer keys, which the transactions of a staged article
		// write under the merger's snapshot; staged.go)
		opt.Prefix = []byte(prefix + commonStart(rg.lo, rg.hi))
		opt.Reverse = f.Desc
		it := r.txn.NewIterator(opt)
		if f.Desc {
			it.Seek([]byte(prefix + rg.hi))
		} else {
			it.Seek([]byte(prefix + rg.lo))
		}
		var err error
		for ; it.Valid(); it.Next() {
			if err = r.live(n); err != nil {
				break
			}
			n++
			item := it.Item()
			pb := item.Key()[len(prefix):]
			if string(pb) < rg.lo || string(pb) > rg.hi {
				if f.Desc && string(pb) > rg.hi {
					continue
				}
				break
			}
			pos := view(pb)
			id := pos[lastBar(pos)+1:]
			check := filter || rg.check
			var fam []byte
			if rg.check && !filter {
				// a wide event before the window: its end day, the
				// key's value, says whether it reaches into the window
				// (the event's family follows it)
				var end string
				if err = item.Value(func(v []byte) error {
					if len(v) >= len("2006-01-02") {
						end, fam = string(v[:len("2006-01-02")]), append(r.famBuf[:0], v[len("2006-01-02"):]...)
					}
					return nil
				}); err != nil {
					break
				}
				if end != "" {
					if end < f.From {
						continue
					}
					check = false
				}
			} else if fams && !withDoc && item.ValueSize() > 0 {
				if err = item.Value(func(v []byte) error { fam = append(r.famBuf[:0], v...); return nil }); err != nil {
					break
				}
			}
			if len(fam) == 0 {
				fam = nil
			} else {
				r.famBuf = fam
			}
			if withDoc {
				err = item.Value(func(v []byte) error { return fn(pos, id, check, v, nil) })
			} else {
				err = fn(pos, id, check, nil, fam)
			}
			if err != nil {
				break
			}
		}
		it.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// view is b as a string without a copy: valid while b is, and b must not
// change meanwhile (scanIndex's positions).
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// loadEvent decodes the event at an index position: from v when the scan
// gave its bytes, else from its copy in date order (whose neighbours the
// next call likely wants).
func (r *Reader) loadEvent(pos string, v []byte, ev *Event) error {
	if v != nil {
		return unmarshal(v, ev)
	}
	return getJSON(r.txn, pEventDoc+pos, ev)
}

// docCursor reads the events of a page from their copies in date order
// (EV:), where they are neighbours: one seek, then a step to each next
// event, instead of a lookup in every level of the store for each.
type docCursor struct {
	it  *badger.Iterator
	key []byte // the key sought, reused
}

func (c *docCursor) close() {
	if c.it != nil {
		c.it.Close()
	}
}

// loadNear decodes the event at an index position as loadEvent does,
// through the cursor c: the position is expected to be the one after
// the last one c read, in date order (reversed for desc).
func (r *Reader) loadNear(c *docCursor, pos string, desc bool, ev *Event) error {
	c.key = append(append(c.key[:0], pEventDoc...), pos...)
	key := c.key
	if c.it == nil {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = []byte(pEventDoc)
		opt.Reverse = desc
		c.it = r.txn.NewIterator(opt)
		c.it.Seek(key)
	} else if c.it.Valid() {
		c.it.Next()
		if !c.it.Valid() || !bytes.Equal(c.it.Item().Key(), key) {
			c.it.Seek(key)
		}
	} else {
		c.it.Seek(key)
	}
	if !c.it.Valid() || !bytes.Equal(c.it.Item().Key(), key) {
		return r.loadEvent(pos, nil, ev) // not stored: its error
	}
	return c.it.Item().Value(func(v []byte) error { return unmarshal(v, ev) })
}

// after reports whether the index position pos comes after the position
// of a cursor in the scan order of f: date order, reversed for f.Desc, and
// the undated events last in both orders.
func (f EventFilter) after(pos, cursor string) bool {
	if !f.Desc {
		return pos > cursor
	}
	if u, c := strings.HasPrefix(pos, unknownDate), strings.HasPrefix(cursor, unknownDate); u != c {
		return u
	}
	return pos < cursor
}

func lastBar(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '|' {
			return i
		}
	}
	return -1
}

// commonStart is the longest common prefix of a and b.
func commonStart(a, b string) string {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return a[:i]
		}
	}
	return a[:n]
}
