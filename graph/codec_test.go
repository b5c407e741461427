package graph

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"reflect"
	"testing"
)

func codecEvents() map[string]Event {
	return map[string]Event{
		"empty": {},
		"full": {ID: "e1", Type: "sign agreement", CAMEO: "057", Title: "Iraq and Syria sign a memorandum",
			Date: DateSpan{Value: "2024-05-12", Start: "2024-05-12", End: "2024-05-12", Precision: Day,
				Text: "on Sunday", Inferred: true, Anchor: "e0"},
			Status:       Reported,
			Participants: []Participation{{ActorID: "a1", Role: "source"}, {ActorID: "a2", Role: "target"}},
			PlaceID:      "p1", AgreementID: "g1",
			Evidence: []Evidence{{ArticleID: "x", Sentence: "Ünïcode — “quoted” سوريا", Start: 0, End: 1 << 40},
				{ArticleID: "y", Sentence: "", Start: 17, End: 3}},
			MergeKeys: []string{"k1", "k2"},
			Quantities: []Quantity{{Value: 160, Unit: "km", Text: "160-km", Counts: "wall", ArticleID: "x"},
				{Value: 1.5e-3, Unit: "%", Text: "0.0015%"}},
			SourceDates: []SourceDate{{ArticleID: "x", Date: DateSpan{Value: "2024-05-12", Start: "2024-05-12", End: "2024-05-12", Precision: Day, Text: "on Sunday"}},
				{ArticleID: "y", Date: DateSpan{Value: "2024-05", Start: "2024-05-01", End: "2024-05-31", Precision: Month, Inferred: true, Anchor: "a"}}}},
		"week interval": {ID: "e2", Date: DateSpan{Value: "2024-W05", Start: "2024-01-29", End: "2024-02-04", Precision: Week}},
	}
}

func TestEventCodecRoundTrip(t *testing.T) {
	for name, e := range codecEvents() {
		t.Run(name, func(t *testing.T) {
			b, err := marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			if b[0] != eventCodecV2 {
				t.Fatalf("first byte %#x, want the binary codec", b[0])
			}
			var got Event
			if err := unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, e) {
				t.Fatalf("round trip:\n got %+v\nwant %+v", got, e)
			}
			// the decoded strings must not alias the buffer, which
			// Badger reuses
			for i := range b {
				b[i] = 0
			}
			if !reflect.DeepEqual(got, e) {
				t.Fatal("decoded event changed when the buffer was overwritten")
			}
		})
	}
}

// Events stored as JSON by earlier versions are still read.
func TestEventCodecReadsJSON(t *testing.T) {
	e := codecEvents()["full"]
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var got Event
	if err := unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, e) {
		t.Fatalf("got %+v", got)
	}
}

// An event written by the first binary codec (testdata/event-v1.bin, the
// "full" event without quantities, as version 1 wrote it) still decodes,
// with no quantities.
func TestEventCodecReadsVersion1(t *testing.T) {
	b, err := os.ReadFile("testdata/event-v1.bin")
	if err != nil {
		t.Fatal(err)
	}
	if b[0] != eventCodecV1 {
		t.Fatalf("fixture starts with %#x", b[0])
	}
	var got Event
	if err := unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := codecEvents()["full"]
	want.Quantities, want.SourceDates = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	// written again, it is version 2 and still the same event
	var again Event
	if err := unmarshal(encodeEvent(nil, &got), &again); err != nil || !reflect.DeepEqual(again, want) {
		t.Fatalf("rewritten: %v %+v", err, again)
	}
}

// Every truncation and a few corruptions of a value are an error, never a
// panic or a silently short event.
func TestEventCodecCorrupt(t *testing.T) {
	b := encodeEvent(nil, ptr(codecEvents()["full"]))
	for n := 1; n < len(b); n++ {
		var e Event
		if err := decodeEvent(b[:n], &e); !errors.Is(err, errCodec) {
			t.Fatalf("truncated to %d bytes: err %v", n, err)
		}
	}
	for _, bad := range [][]byte{nil, {0x02}, append(append([]byte{}, b...), 0), {eventCodecV1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, nanQuantity(b)} {
		var e Event
		if err := decodeEvent(bad, &e); !errors.Is(err, errCodec) {
			t.Fatalf("%x: err %v", bad, err)
		}
	}
}

// nanQuantity is b, an encoding of the "full" event, with its first
// quantity's value made NaN.
func nanQuantity(b []byte) []byte {
	b = append([]byte{}, b...)
	e := codecEvents()["full"]
	e.Quantities, e.SourceDates = nil, nil
	i := len(encodeEvent(nil, &e)) - 1 // the quantities' count, then the first value
	bits := math.Float64bits(math.NaN())
	for k := 0; k < 8; k++ {
		b[i+k] = byte(bits >> (8 * k))
	}
	return b
}

func FuzzDecodeEvent(f *testing.F) {
	for _, e := range codecEvents() {
		f.Add(encodeEvent(nil, &e))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var e Event
		if decodeEvent(b, &e) != nil {
			return
		}
		// whatever decodes survives a round trip unchanged
		var again Event
		if err := decodeEvent(encodeEvent(nil, &e), &again); err != nil || !reflect.DeepEqual(again, e) {
			t.Fatalf("round trip of %x: %v\n got %+v\nwant %+v", b, err, again, e)
		}
	})
}

func ptr[T any](v T) *T { return &v }

// BenchmarkEventCodec compares decoding an event from the binary form and
// from JSON (the form before it).
func BenchmarkEventCodec(b *testing.B) {
	e := codecEvents()["full"]
	bin := encodeEvent(nil, &e)
	js, _ := json.Marshal(e)
	b.Run("binary", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var got Event
			if err := unmarshal(bin, &got); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var got Event
			if err := unmarshal(js, &got); err != nil {
				b.Fatal(err)
			}
		}
	})
}
