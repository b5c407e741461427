package filter

import (
	"net/url"
	"testing"
)

// TestParseAlike: URL parameters and GraphQL arguments give the same filter
// and the same errors.
func TestParseAlike(t *testing.T) {
	p := func(s string) *string { return &s }
	tests := []struct {
		v       url.Values
		args    [9]*string
		want    Filter
		errWhat string // the parameter of the error, "" for none
	}{
		{url.Values{"from": {"2024"}, "to": {"2024-05"}}, [9]*string{p("2024"), p("2024-05")}, Filter{From: "2024", To: "2024-05"}, ""},
		{url.Values{"place": {" Tripoli "}, "country": {"LB"}}, [9]*string{3: p("Tripoli"), 4: p(" LB")}, Filter{Place: "Tripoli", Country: "LB"}, ""},
		{url.Values{"type": {"05"}, "cameo": {"057"}, "status": {"PLANNED"}, "text": {"wall"}, "actor": {"x"}},
			[9]*string{2: p("x"), 5: p("05"), 6: p("057"), 7: p("PLANNED"), 8: p("wall")}, Filter{Actor: "x", Type: "05", CAMEO: "057", Status: "PLANNED", Text: "wall"}, ""},
		{url.Values{"from": {"2024/05/12"}}, [9]*string{p("2024/05/12")}, Filter{From: "2024/05/12"}, "from"},
		{url.Values{"to": {"2024-02-30"}}, [9]*string{1: p("2024-02-30")}, Filter{To: "2024-02-30"}, "to"},
		{url.Values{"from": {"2024-06"}, "to": {"2024-05"}}, [9]*string{p("2024-06"), p("2024-05")}, Filter{From: "2024-06", To: "2024-05"}, "to"},
	}
	for _, tt := range tests {
		a, errA := FromValues(tt.v)
		b, errB := FromArgs(tt.args[0], tt.args[1], tt.args[2], tt.args[3], tt.args[4], tt.args[5], tt.args[6], tt.args[7], tt.args[8])
		if a != tt.want || b != tt.want {
			t.Errorf("%v: URL %+v, args %+v, want %+v", tt.v, a, b, tt.want)
		}
		for _, err := range []error{errA, errB} {
			e, _ := err.(*Error)
			switch {
			case tt.errWhat == "" && err != nil:
				t.Errorf("%v: %v", tt.v, err)
			case tt.errWhat != "" && (e == nil || e.Param != tt.errWhat):
				t.Errorf("%v: error %v, want one for %s", tt.v, err, tt.errWhat)
			}
		}
		if tt.errWhat == "" {
			if back, err := FromValues(a.Values()); err != nil || back != a {
				t.Errorf("Values round trip: %+v -> %+v %v", a, back, err)
			}
		}
	}
}

func TestBound(t *testing.T) {
	for _, tt := range []struct{ in, lo, hi string }{
		{"2024", "2024-01-01", "2024-12-31"}, {"2024-02", "2024-02-01", "2024-02-29"}, {"2024-05-12", "2024-05-12", "2024-05-12"}, {"", "", ""},
	} {
		lo, err1 := Bound(tt.in, false)
		hi, err2 := Bound(tt.in, true)
		if lo != tt.lo || hi != tt.hi || err1 != nil || err2 != nil {
			t.Errorf("%q: %s..%s %v %v", tt.in, lo, hi, err1, err2)
		}
	}
}

func TestCountryCodeWithoutGraph(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"IQ", "IQ"}, {"iq", "IQ"}, {"Iraq", "IQ"}, {"Lebanon", "LB"}, {"Türkiye", "TR"}, {"Turkey", "TR"}, {"ZZ", "ZZ"},
	} {
		if got, err := CountryCode(nil, tt.in); got != tt.want || err != nil {
			t.Errorf("CountryCode(%q) = %q %v, want %q", tt.in, got, err, tt.want)
		}
	}
}
