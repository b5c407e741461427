// Package model holds the graph's types: articles, events, actors,
// agreements, places, quantities and the evidence tying each fact to a
// sentence, with their pure methods, their deterministic identifiers and
// the name folding they are keyed by. It holds no storage: it depends on
// no database, so the extraction (loader/...) and any store (package graph
// keeps the embedded Badger one) share it. Package graph re-exports every
// name here, so graph.Event and model.Event are one type.
package model

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"eventgraph/graph/names"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// Precision says how exactly a DateSpan is known.
type Precision string

// The precisions of a DateSpan, finest first.
const (
	Day     Precision = "DAY"
	Week    Precision = "WEEK"
	Month   Precision = "MONTH"
	Quarter Precision = "QUARTER"
	Year    Precision = "YEAR"
	Unknown Precision = "UNKNOWN"
)

// DateSpan is a normalized time: Value is ISO 8601 at its precision
// (2024-05-12, 2024-W20, 2024-05, 2024-Q4, 2024; a run of days is the
// interval 2024-12-01/2024-12-02) and Start/End are the
// inclusive day bounds (YYYY-MM-DD). An unknown date has empty Start/End.
type DateSpan struct {
	Value     string    `json:"value"`
	Start     string    `json:"start,omitempty"`
	End       string    `json:"end,omitempty"`
	Precision Precision `json:"precision"`
	// Text is the words that fixed the date ("on Sunday", "in late 2017").
	Text string `json:"text,omitempty"`
	// Inferred marks a date taken from the publication day because the tense
	// says the happening was just reported, with no time expression.
	Inferred bool `json:"inferred,omitempty"`
	// Anchor names the happening a relative date was counted from
	// ("two weeks after the inauguration" counts from the statement).
	Anchor string `json:"anchor,omitempty"`
}

// Normalized returns the span with Value consistent with its bounds: a
// DAY span over several days ("overnight", "for five days starting
// Wednesday") has the ISO 8601 interval "start/end" as its value; a WEEK
// span is the ISO 8601 week "YYYY-Www" when its days lie in that week
// (Monday to Sunday, or the part of it up to a publication day), else (a
// week around a day: "about a week later") the interval "start/end".
func (d DateSpan) Normalized() DateSpan {
	if (d.Precision == Day || d.Precision == Week) && d.Known() {
		switch {
		case d.Start == d.End && d.Precision == Day:
			d.Value = d.Start
		case d.Precision == Week:
			if w := isoWeekOf(d.Start, d.End); w != "" {
				d.Value = w
			} else {
				d.Value = d.Start + "/" + d.End
			}
		default:
			d.Value = d.Start + "/" + d.End
		}
	}
	return d
}

// isoWeekOf returns the ISO 8601 week ("2024-W05") that holds the days
// start..end, or "" when they are not in one week.
func isoWeekOf(start, end string) string {
	a, err1 := time.Parse("2006-01-02", start)
	b, err2 := time.Parse("2006-01-02", end)
	if err1 != nil || err2 != nil || b.Before(a) {
		return ""
	}
	y, w := a.ISOWeek()
	if y2, w2 := b.ISOWeek(); y2 != y || w2 != w {
		return ""
	}
	return strconv.Itoa(y) + "-W" + strconv.Itoa(100 + w)[1:]
}

// Known reports whether the span has day bounds.
func (d DateSpan) Known() bool { return d.Start != "" && d.End != "" }

// Overlaps reports whether two known spans share at least one day.
func (d DateSpan) Overlaps(o DateSpan) bool {
	return d.Known() && o.Known() && d.Start <= o.End && o.Start <= d.End
}

// Width is a rough ordering of how wide a span is: narrower spans are better
// known. Unknown spans are the widest.
func (d DateSpan) Width() int {
	switch d.Precision {
	case Day:
		return 1
	case Week:
		return 2
	case Month:
		return 3
	case Quarter:
		return 4
	case Year:
		return 5
	}
	if d.Known() {
		return 4
	}
	return 9
}

// ActorKind is the kind of an actor.
type ActorKind string

// Actor kinds.
const (
	Person       ActorKind = "PERSON"
	Organization ActorKind = "ORGANIZATION"
	Country      ActorKind = "COUNTRY"
	Group        ActorKind = "GROUP"
)

// Article is one news article as loaded.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or ""
	File      string `json:"file,omitempty"`      // where it was read from
	Text      string `json:"text"`                // cleaned text; Evidence offsets index it (bytes)
	Loaded    string `json:"loaded,omitempty"`    // RFC 3339 time of the load
}

// Evidence ties a fact to the sentence it came from: Start and End are byte
// offsets of the sentence in the article's Text.
type Evidence struct {
	ArticleID string `json:"article"`
	Sentence  string `json:"sentence"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Role is a title an article gives a person, with the organization it is
// held in and when (from the article's dates).
type Role struct {
	Title string    `json:"title"`
	OrgID string    `json:"org,omitempty"`
	From  string    `json:"from,omitempty"`
	To    string    `json:"to,omitempty"`
	Evid  *Evidence `json:"evidence,omitempty"`
}

// Actor is a person, organization, country or armed group.
type Actor struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Kind    ActorKind `json:"kind"`
	Aliases []string  `json:"aliases,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of the country an organization
	// or person belongs to, or of the country itself.
	Country string `json:"country,omitempty"`
	Roles   []Role `json:"roles,omitempty"`
}

// Place is a named place, with coordinates where known.
type Place struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Kind    string  `json:"kind,omitempty"` // country, capital, city, region, crossing, …
	Lat     float64 `json:"lat,omitempty"`
	Lon     float64 `json:"lon,omitempty"`
	HasGeo  bool    `json:"geo,omitempty"`
	Country string  `json:"country,omitempty"` // ISO 3166-1 alpha-2
	// Note says where the coordinates come from when they are a fallback
	// ("coordinates of the nearest named town").
	Note string `json:"note,omitempty"`
}

// Participation is an actor's part in an event: "source" (who acts),
// "target" (at whom), "signatory", "participant", …
type Participation struct {
	ActorID string `json:"actor"`
	Role    string `json:"role"`
}

// Event statuses.
const (
	Reported = "REPORTED"
	Planned  = "PLANNED"
)

// Event is a dated happening.
type Event struct {
	ID           string          `json:"id"`
	Type         string          `json:"type"`            // readable type, e.g. "sign agreement"
	CAMEO        string          `json:"cameo,omitempty"` // CAMEO code, e.g. "057"
	Title        string          `json:"title"`
	Date         DateSpan        `json:"date"`
	Status       string          `json:"status,omitempty"`
	Participants []Participation `json:"participants,omitempty"`
	PlaceID      string          `json:"place,omitempty"`
	AgreementID  string          `json:"agreement,omitempty"`
	Evidence     []Evidence      `json:"evidence,omitempty"`
	// MergeKeys name the real-world happening independently of the article
	// ("fall|<regime>"). Two events that share a key, whose dates overlap
	// and whose CAMEO roots agree are merged into one; events without a
	// shared key are merged by score (see graph/merge.go).
	MergeKeys []string `json:"merge,omitempty"`
	// Quantities are the numbers with units the event's sentences give
	// ("160 km", "35 killed", "$5 billion"), each with the article that
	// reports it; merged events keep the union (one per value and unit).
	Quantities []Quantity `json:"quantities,omitempty"`
	// SourceDates are the dates each article gives, kept when reports of
	// several articles are merged (see Reports and Disputes).
	SourceDates []SourceDate `json:"sourceDates,omitempty"`
}

// Quantity is a number with its unit found in an event's sentence.
type Quantity struct {
	// Value is the number, scale words applied ("11 million" is 11000000).
	Value float64 `json:"value"`
	// Unit is normalized: a measure ("km", "%", "t"), a currency code
	// ("USD"), "people" for counts of persons, or the counted noun itself
	// ("families", "pills").
	Unit string `json:"unit"`
	// Text is the span of the sentence that gives the quantity, as written.
	Text string `json:"text"`
	// Counts is what the quantity counts or measures, when the sentence
	// says: "killed" for "35 killed", "soldiers" for "two soldiers",
	// "cocaine" for "1.5 tons of cocaine", "wall" for "a 160-km wall".
	Counts string `json:"counts,omitempty"`
	// ArticleID is the article whose sentence gives the quantity.
	ArticleID string `json:"article,omitempty"`
}

// Same reports whether two quantities are one: the same value and unit.
func (q Quantity) Same(o Quantity) bool { return q.Value == o.Value && q.Unit == o.Unit }

// String says the quantity as a reader would: "160 km (wall)",
// "260,000 people (displaced)", "80%", "5,000,000,000 USD"; what it counts
// is left out when it is the unit itself ("223 families").
func (q Quantity) String() string {
	s := FormatNumber(q.Value) + " " + q.Unit
	if q.Unit == "%" {
		s = FormatNumber(q.Value) + "%"
	}
	if q.Counts != "" && q.Counts != q.Unit {
		s += " (" + q.Counts + ")"
	}
	return s
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

// FormatNumber writes a number with thousands separators and no exponent:
// 260000 is "260,000", 1.5 is "1.5".
func FormatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	frac := ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s, frac = s[:i], s[i:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String() + frac
}

// Agreement is a memorandum, accord, pact, deal or treaty, or a looser
// announced cooperation.
type Agreement struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Kind        string     `json:"kind"` // memorandum of understanding, agreement, treaty, cooperation, …
	Date        DateSpan   `json:"date"`
	Parties     []string   `json:"parties,omitempty"`     // actor IDs
	Signatories []string   `json:"signatories,omitempty"` // actor IDs
	Topics      []string   `json:"topics,omitempty"`
	PlaceID     string     `json:"place,omitempty"`
	EventID     string     `json:"event,omitempty"` // the signing event
	Evidence    []Evidence `json:"evidence,omitempty"`
}

// Facts is everything extracted from one article; the Store writes it in one
// transaction, wholly or not at all.
type Facts struct {
	Article    Article
	Actors     []Actor
	Places     []Place
	Events     []Event
	Agreements []Agreement
}

// namespace is the UUID namespace of eventgraph's v5 identifiers.
var namespace = uuid.MustParse("6f1c2a0e-4b1d-5e8a-9c3e-2f7d0b9a1e44")

// NewID returns the deterministic (uuid v5) identifier of a canonical key, so
// that re-loading the same article yields the same identifiers.
func NewID(kind string, parts ...string) string {
	// uuid.NewSHA1(namespace, []byte(kind+"|"+strings.Join(parts, "|"))),
	// hashed from a buffer on the stack (loading makes an ID per actor,
	// place, event and article; TestNewIDIsUUIDv5 holds them equal)
	var arr [256]byte
	buf := append(arr[:0], namespace[:]...)
	buf = append(buf, kind...)
	buf = append(buf, '|')
	for i, p := range parts {
		if i > 0 {
			buf = append(buf, '|')
		}
		buf = append(buf, p...)
	}
	sum := sha1.Sum(buf)
	var id uuid.UUID
	copy(id[:], sum[:])
	id[6] = (id[6] & 0x0f) | 0x50 // version 5
	id[8] = (id[8] & 0x3f) | 0x80 // RFC 4122 variant
	return id.String()
}

// ArticleID is the identifier of an article: from its address when it has
// one, else from its title and publication day, else (a title alone does
// not tell two undated articles apart) from its title, source and a digest
// of its text, else from its text. The store also knows every article by
// its text, so the same content is one article under any identity.
func ArticleID(a Article) string {
	switch {
	case a.URL != "":
		return NewID("article", "url", strings.TrimRight(a.URL, "/"))
	case a.Title != "" && a.Published != "":
		return NewID("article", idFold(a.Title), a.Published)
	case a.Title != "":
		h := sha256.Sum256([]byte(a.Text))
		return NewID("article", idFold(a.Title), "", idFold(a.Source), "text", hex.EncodeToString(h[:]))
	default:
		h := sha256.Sum256([]byte(a.Text))
		return NewID("article", "text", hex.EncodeToString(h[:]))
	}
}

// ActorID is the identifier of an actor by its canonical name.
func ActorID(name string) string { return NewID("actor", NormName(name)) }

// PlaceID is the identifier of a place by its canonical name and country.
func PlaceID(name, country string) string { return NewID("place", NormName(name), country) }

// NormName folds a name for storage and matching: names.Fold (diacritics,
// case, hyphens and punctuation, apostrophes and the Arabic article
// particles do not count). "Abdul-Karim al-Rawi", "Abdul Karim Al
// Rawi" fold alike, and so do "Erdoğan" and "Erdogan".
func NormName(s string) string { return names.Fold(s) }

// idFold is the folding article identifiers were first made with (NormName
// before it dropped diacritics): an identifier must not change from one
// version to the next, or re-loading an article would store it twice.
func idFold(s string) string {
	if isASCII(s) {
		return names.Fold(s)
	}
	s = norm.NFKC.String(s)
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == '`':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	f := strings.Fields(b.String())
	out := f[:0]
	for _, w := range f {
		if w == "al" || w == "el" || w == "ul" {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
