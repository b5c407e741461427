package timeline

import (
	"math"
	"strconv"
	"unicode/utf8"

	"eventgraph/graph"
)

// appendItem appends the JSON of it to b exactly as a json.Encoder with
// SetEscapeHTML(false) writes it (field order, omitempty, string escapes,
// number forms and the trailing newline), without reflection: encoding a
// month's thousands of items was half of a /timeline request. ok is false
// when it holds a number JSON cannot carry (NaN or an infinity); the
// caller then lets encoding/json report it. itemjson_test.go checks it
// against encoding/json field by field, including fields added later.
func appendItem(b []byte, it *Item) (_ []byte, ok bool) {
	ok = true
	b = append(b, `{"id":`...)
	b = appendString(b, it.ID)
	b = append(b, `,"title":`...)
	b = appendString(b, it.Title)
	b = append(b, `,"type":`...)
	b = appendString(b, it.Type)
	if it.CAMEO != "" {
		b = append(b, `,"cameo":`...)
		b = appendString(b, it.CAMEO)
	}
	b = append(b, `,"date":`...)
	b = appendDate(b, &it.Date)
	if it.Status != "" {
		b = append(b, `,"status":`...)
		b = appendString(b, it.Status)
	}
	b = append(b, `,"actors":`...)
	if it.Actors == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range it.Actors {
			if i > 0 {
				b = append(b, ',')
			}
			a := &it.Actors[i]
			b = append(b, `{"id":`...)
			b = appendString(b, a.ID)
			b = append(b, `,"name":`...)
			b = appendString(b, a.Name)
			if a.Kind != "" {
				b = append(b, `,"kind":`...)
				b = appendString(b, a.Kind)
			}
			b = append(b, `,"role":`...)
			b = appendString(b, a.Role)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if p := it.Place; p != nil {
		b = append(b, `,"place":{"id":`...)
		b = appendString(b, p.ID)
		b = append(b, `,"name":`...)
		b = appendString(b, p.Name)
		if p.Kind != "" {
			b = append(b, `,"kind":`...)
			b = appendString(b, p.Kind)
		}
		if p.Country != "" {
			b = append(b, `,"country":`...)
			b = appendString(b, p.Country)
		}
		if p.Lat != nil {
			b = append(b, `,"lat":`...)
			b = appendFloat(b, *p.Lat, &ok)
		}
		if p.Lon != nil {
			b = append(b, `,"lon":`...)
			b = appendFloat(b, *p.Lon, &ok)
		}
		b = append(b, '}')
	}
	if g := it.Agreement; g != nil {
		b = append(b, `,"agreement":{"id":`...)
		b = appendString(b, g.ID)
		b = append(b, `,"name":`...)
		b = appendString(b, g.Name)
		if g.Kind != "" {
			b = append(b, `,"kind":`...)
			b = appendString(b, g.Kind)
		}
		if g.Date != "" {
			b = append(b, `,"date":`...)
			b = appendString(b, g.Date)
		}
		b = append(b, '}')
	}
	if it.Evidence != nil {
		b = append(b, `,"evidence":`...)
		b = appendEvidence(b, it.Evidence)
	}
	if len(it.AllEvidence) > 0 {
		b = append(b, `,"allEvidence":[`...)
		for i := range it.AllEvidence {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendEvidence(b, &it.AllEvidence[i])
		}
		b = append(b, ']')
	}
	b = append(b, `,"evidenceCount":`...)
	b = strconv.AppendInt(b, int64(it.EvidenceCount), 10)
	b = append(b, `,"quantities":`...)
	b = appendQuantities(b, it.Quantities, &ok)
	b = append(b, `,"disputed":`...)
	b = strconv.AppendBool(b, it.Disputed)
	if len(it.Disputes) > 0 {
		b = append(b, `,"disputes":[`...)
		for i, d := range it.Disputes {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, d)
		}
		b = append(b, ']')
	}
	if len(it.Reports) > 0 {
		b = append(b, `,"reports":[`...)
		for i := range it.Reports {
			if i > 0 {
				b = append(b, ',')
			}
			r := &it.Reports[i]
			b = append(b, `{"article":`...)
			b = appendArticle(b, &r.Article)
			b = append(b, `,"date":`...)
			b = appendDate(b, &r.Date)
			b = append(b, `,"quantities":`...)
			b = appendQuantities(b, r.Quantities, &ok)
			if r.Sentence != "" {
				b = append(b, `,"sentence":`...)
				b = appendString(b, r.Sentence)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}', '\n'), ok
}

func appendDate(b []byte, d *graph.DateSpan) []byte {
	b = append(b, `{"value":`...)
	b = appendString(b, d.Value)
	if d.Start != "" {
		b = append(b, `,"start":`...)
		b = appendString(b, d.Start)
	}
	if d.End != "" {
		b = append(b, `,"end":`...)
		b = appendString(b, d.End)
	}
	b = append(b, `,"precision":`...)
	b = appendString(b, string(d.Precision))
	if d.Text != "" {
		b = append(b, `,"text":`...)
		b = appendString(b, d.Text)
	}
	if d.Inferred {
		b = append(b, `,"inferred":true`...)
	}
	if d.Anchor != "" {
		b = append(b, `,"anchor":`...)
		b = appendString(b, d.Anchor)
	}
	return append(b, '}')
}

func appendEvidence(b []byte, e *EvidenceRef) []byte {
	b = append(b, `{"sentence":`...)
	b = appendString(b, e.Sentence)
	b = append(b, `,"article":`...)
	b = appendArticle(b, &e.Article)
	return append(b, '}')
}

func appendArticle(b []byte, a *ArticleRef) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, a.ID)
	b = append(b, `,"title":`...)
	b = appendString(b, a.Title)
	if a.URL != "" {
		b = append(b, `,"url":`...)
		b = appendString(b, a.URL)
	}
	if a.Source != "" {
		b = append(b, `,"source":`...)
		b = appendString(b, a.Source)
	}
	if a.Published != "" {
		b = append(b, `,"published":`...)
		b = appendString(b, a.Published)
	}
	return append(b, '}')
}

func appendQuantities(b []byte, qs []QuantityRef, ok *bool) []byte {
	if qs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range qs {
		if i > 0 {
			b = append(b, ',')
		}
		q := &qs[i]
		b = append(b, `{"value":`...)
		b = appendFloat(b, q.Value, ok)
		b = append(b, `,"unit":`...)
		b = appendString(b, q.Unit)
		b = append(b, `,"text":`...)
		b = appendString(b, q.Text)
		if q.Counts != "" {
			b = append(b, `,"counts":`...)
			b = appendString(b, q.Counts)
		}
		if q.Article != "" {
			b = append(b, `,"article":`...)
			b = appendString(b, q.Article)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendFloat writes f as encoding/json does (ES6 number form); a NaN or
// an infinity clears ok.
func appendFloat(b []byte, f float64, ok *bool) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		*ok = false
		return append(b, '0')
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9, as encoding/json writes it
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string as encoding/json does without
// HTML escaping: quotes, backslashes and control characters escaped,
// invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
