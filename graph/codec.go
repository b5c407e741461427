package graph

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// The node codec. Events, the most numerous nodes and the ones every
// timeline and export decodes, are stored in a compact binary form (about
// ten times faster to decode than JSON); the other nodes are JSON. Values
// written by earlier versions (JSON events, binary events of version 1)
// are still read: a JSON value starts with '{', a binary event with its
// version byte.

// The first byte of a binary event: its version. Version 2 appends the
// quantities and the dates by article to version 1; a version 1 event
// decodes with none. Events are
// written in the latest version.
const (
	eventCodecV1 = 0x01
	eventCodecV2 = 0x02
)

// errCodec means a stored value could not be decoded.
var errCodec = errors.New("corrupt event value")

// marshal encodes a node for storage.
func marshal(v any) ([]byte, error) {
	switch e := v.(type) {
	case Event:
		return encodeEvent(nil, &e), nil
	case *Event:
		return encodeEvent(nil, e), nil
	}
	return json.Marshal(v)
}

// unmarshal decodes a stored node into v.
func unmarshal(b []byte, v any) error {
	if e, ok := v.(*Event); ok && len(b) > 0 && (b[0] == eventCodecV1 || b[0] == eventCodecV2) {
		return decodeEvent(b, e)
	}
	return json.Unmarshal(b, v)
}

// encodeEvent appends the binary form of e to buf: the version byte, then
// each field in declaration order; strings and slices are a uvarint length
// and their contents, integers varints, booleans one byte, floats their 8
// IEEE 754 bytes, little-endian.
func encodeEvent(buf []byte, e *Event) []byte {
	n := 64 + len(e.ID) + len(e.Type) + len(e.CAMEO) + len(e.Title) + len(e.Status) + len(e.PlaceID) + len(e.AgreementID)
	for _, ev := range e.Evidence {
		n += len(ev.ArticleID) + len(ev.Sentence) + 24
	}
	for _, p := range e.Participants {
		n += len(p.ActorID) + len(p.Role) + 4
	}
	for _, k := range e.MergeKeys {
		n += len(k) + 2
	}
	for _, q := range e.Quantities {
		n += 12 + len(q.Unit) + len(q.Text) + len(q.Counts) + len(q.ArticleID)
	}
	for _, d := range e.SourceDates {
		n += 16 + len(d.ArticleID) + len(d.Date.Value) + len(d.Date.Start) + len(d.Date.End) + len(d.Date.Text) + len(d.Date.Anchor)
	}
	w := encoder{b: append(buf, make([]byte, 0, n)...)}
	w.b = append(w.b, eventCodecV2)
	w.str(e.ID)
	w.str(e.Type)
	w.str(e.CAMEO)
	w.str(e.Title)
	w.date(&e.Date)
	w.str(e.Status)
	w.uint(len(e.Participants))
	for _, p := range e.Participants {
		w.str(p.ActorID)
		w.str(p.Role)
	}
	w.str(e.PlaceID)
	w.str(e.AgreementID)
	w.uint(len(e.Evidence))
	for _, ev := range e.Evidence {
		w.str(ev.ArticleID)
		w.str(ev.Sentence)
		w.int(ev.Start)
		w.int(ev.End)
	}
	w.uint(len(e.MergeKeys))
	for _, k := range e.MergeKeys {
		w.str(k)
	}
	w.uint(len(e.Quantities))
	for _, q := range e.Quantities {
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(q.Value))
		w.str(q.Unit)
		w.str(q.Text)
		w.str(q.Counts)
		w.str(q.ArticleID)
	}
	w.uint(len(e.SourceDates))
	for i := range e.SourceDates {
		w.str(e.SourceDates[i].ArticleID)
		w.date(&e.SourceDates[i].Date)
	}
	return w.b
}

// date writes a DateSpan's fields in declaration order.
func (w *encoder) date(d *DateSpan) {
	w.str(d.Value)
	w.str(d.Start)
	w.str(d.End)
	w.str(string(d.Precision))
	w.str(d.Text)
	w.bool(d.Inferred)
	w.str(d.Anchor)
}

// date reads what encoder.date wrote.
func (r *decoder) date(d *DateSpan) {
	d.Value = r.str()
	d.Start = r.str()
	d.End = r.str()
	d.Precision = Precision(r.str())
	d.Text = r.str()
	d.Inferred = r.bool()
	d.Anchor = r.str()
	if d.Precision == Week {
		// databases written before WEEK values were ISO weeks (or
		// intervals) are read as if written now
		*d = d.Normalized()
	}
}

// decodeEvent decodes the binary form of an event. All of its strings
// share one copy of b, which may be reused by the caller afterwards.
func decodeEvent(b []byte, e *Event) error {
	if len(b) == 0 || b[0] != eventCodecV1 && b[0] != eventCodecV2 {
		return errCodec
	}
	version := b[0]
	r := decoder{s: string(b[1:])}
	*e = Event{}
	e.ID = r.str()
	e.Type = r.str()
	e.CAMEO = r.str()
	e.Title = r.str()
	r.date(&e.Date)
	e.Status = r.str()
	if n := r.count(2); n > 0 {
		e.Participants = make([]Participation, n)
		for i := range e.Participants {
			e.Participants[i] = Participation{ActorID: r.str(), Role: r.str()}
		}
	}
	e.PlaceID = r.str()
	e.AgreementID = r.str()
	if n := r.count(4); n > 0 {
		e.Evidence = make([]Evidence, n)
		for i := range e.Evidence {
			ev := &e.Evidence[i]
			ev.ArticleID = r.str()
			ev.Sentence = r.str()
			ev.Start = r.int()
			ev.End = r.int()
		}
	}
	if n := r.count(1); n > 0 {
		e.MergeKeys = make([]string, n)
		for i := range e.MergeKeys {
			e.MergeKeys[i] = r.str()
		}
	}
	if version >= eventCodecV2 {
		if n := r.count(12); n > 0 {
			e.Quantities = make([]Quantity, n)
			for i := range e.Quantities {
				q := &e.Quantities[i]
				q.Value = r.float()
				q.Unit = r.str()
				q.Text = r.str()
				q.Counts = r.str()
				q.ArticleID = r.str()
			}
		}
		if n := r.count(8); n > 0 {
			e.SourceDates = make([]SourceDate, n)
			for i := range e.SourceDates {
				e.SourceDates[i].ArticleID = r.str()
				r.date(&e.SourceDates[i].Date)
			}
		}
	}
	if r.err != nil || len(r.s) != 0 {
		return fmt.Errorf("%w (event %q)", errCodec, e.ID)
	}
	return nil
}

type encoder struct{ b []byte }

func (w *encoder) uint(n int) { w.b = binary.AppendUvarint(w.b, uint64(n)) }
func (w *encoder) int(n int)  { w.b = binary.AppendVarint(w.b, int64(n)) }
func (w *encoder) str(s string) {
	w.uint(len(s))
	w.b = append(w.b, s...)
}
func (w *encoder) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

// decoder reads what encoder wrote; after the first error every read
// returns a zero value and err stays set.
type decoder struct {
	s   string
	err error
}

func (r *decoder) fail() { r.err, r.s = errCodec, "" }

func (r *decoder) uvarint() uint64 {
	var x uint64
	var shift uint
	for i := 0; i < len(r.s) && i < binary.MaxVarintLen64; i++ {
		c := r.s[i]
		if c < 0x80 {
			r.s = r.s[i+1:]
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	r.fail()
	return 0
}

func (r *decoder) str() string {
	n := r.uvarint()
	if n > uint64(len(r.s)) {
		r.fail()
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

func (r *decoder) int() int {
	u := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return int(x)
}

func (r *decoder) float() float64 {
	if len(r.s) < 8 {
		r.fail()
		return 0
	}
	var u uint64
	for i := 7; i >= 0; i-- {
		u = u<<8 | uint64(r.s[i])
	}
	v := math.Float64frombits(u)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		r.fail() // never written: quantities are finite
		return 0
	}
	r.s = r.s[8:]
	return v
}

func (r *decoder) bool() bool {
	if len(r.s) == 0 || r.s[0] > 1 {
		r.fail()
		return false
	}
	v := r.s[0] == 1
	r.s = r.s[1:]
	return v
}

// count reads a slice length, refusing one the remaining bytes cannot
// hold (each element takes at least min bytes).
func (r *decoder) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.s)/min) {
		r.fail()
		return 0
	}
	return int(n)
}
