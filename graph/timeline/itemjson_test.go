package timeline

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"reflect"
	"testing"

	"eventgraph/graph"
)

// encodeStd is what writeJSON wrote before appendItem: encoding/json
// without HTML escaping.
func encodeStd(t *testing.T, it *Item) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(it); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// strs are strings that exercise every escape of encoding/json.
var strs = []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rret\bbs\fff", "\x00\x01\x1f\x7f",
	"<b>&amp;</b>", "Ministerin «Gespräche» — 東京", "bad \xff\xfe utf8 \xe2\x82", "sep \u2028 and \u2029", "emoji 🚀"}

// floats are numbers at the edges of encoding/json's two forms.
var floats = []float64{0, math.Copysign(0, -1), 1, -2.5, 160, 1e-6, 9.99e-7, 1e-7, 1.5e-10, 1e20, 1e21, 1.234e22, -3e-300, 33.3128, math.MaxFloat64, math.SmallestNonzeroFloat64}

// fill sets every field of v (a pointer) reachable by reflection to a
// random value: strings and numbers from the tables above, pointers and
// slices sometimes nil, sometimes empty. Fields added to Item later are
// filled too, so the comparison fails until appendItem writes them.
func fill(r *rand.Rand, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(strs[r.Intn(len(strs))])
	case reflect.Bool:
		v.SetBool(r.Intn(2) == 0)
	case reflect.Int:
		v.SetInt(int64(r.Intn(2000) - 1000))
	case reflect.Float64:
		v.SetFloat(floats[r.Intn(len(floats))])
	case reflect.Pointer:
		if r.Intn(3) == 0 {
			return
		}
		p := reflect.New(v.Type().Elem())
		fill(r, p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		switch r.Intn(4) {
		case 0:
			return // nil
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		n := 1 + r.Intn(3)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := 0; i < n; i++ {
			fill(r, s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(r, v.Field(i), depth+1)
			}
		}
	default:
		panic("fill: add " + v.Kind().String() + " to the test and to appendItem")
	}
}

// appendItem writes what encoding/json writes, byte for byte, for items
// with every field set at random.
func TestAppendItemMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	fixed := []Item{
		{},
		{ID: "e1", Title: "t", Type: "meet", Actors: []ActorRef{}, Quantities: []QuantityRef{}, Date: graph.DateSpan{Value: "2024", Precision: graph.Year}},
	}
	for i := range fixed {
		got, ok := appendItem(nil, &fixed[i])
		if want := encodeStd(t, &fixed[i]); !ok || !bytes.Equal(got, want) {
			t.Errorf("fixed item %d:\n got %s\nwant %s", i, got, want)
		}
	}
	var buf []byte
	for i := 0; i < 3000; i++ {
		var it Item
		fill(r, reflect.ValueOf(&it).Elem(), 0)
		var ok bool
		buf, ok = appendItem(buf[:0], &it)
		if want := encodeStd(t, &it); !ok || !bytes.Equal(buf, want) {
			t.Fatalf("item %d:\n got %s\nwant %s", i, buf, want)
		}
	}
}

// A number JSON cannot carry is refused, so that the caller reports
// encoding/json's error.
func TestAppendItemNonFinite(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		it := Item{Quantities: []QuantityRef{{Value: f}}}
		if _, ok := appendItem(nil, &it); ok {
			t.Errorf("%v: ok", f)
		}
		lat := f
		it = Item{Place: &PlaceRef{Lat: &lat}}
		if _, ok := appendItem(nil, &it); ok {
			t.Errorf("lat %v: ok", f)
		}
	}
}
