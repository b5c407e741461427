package gazetteer

import (
	"strings"
	"testing"

	"eventgraph/graph/model"
)

// names to try: every name the gazetteer holds, in several spellings, and
// words it does not hold.
func testNames() []string {
	var ns []string
	add := func(s ...string) {
		for _, n := range s {
			ns = append(ns, n, strings.ToUpper(n), strings.ToLower(n), n+"'s", n+"’s", "the "+n, "The "+n, " "+n+" ")
		}
	}
	for _, c := range Countries() {
		add(c.Name, c.Official, c.Code)
		add(c.Aliases...)
		add(c.Demonyms...)
	}
	d := load()
	for _, p := range d.places {
		add(p.Name)
		add(p.Aliases...)
	}
	for _, o := range d.orgs {
		add(o.Name)
		add(o.Aliases...)
	}
	add("Monday", "said", "al", "Al", "U.S.", "US", "us", "IS", "Is", "", "'", "Kelvin", "Şanlıurfa", "Türkiye")
	return ns
}

// TestLookupNames checks that LookupNames answers like the lookups it
// stands for.
func TestLookupNames(t *testing.T) {
	for _, n := range testNames() {
		got := LookupNames(n, Key(n))
		c1, ok1 := got.Country()
		c2, ok2 := CountryByName(n)
		if ok1 != ok2 || c1.Code != c2.Code || c1.Name != c2.Name || got.IsCountry() != ok2 {
			t.Errorf("%q: country %v %q, want %v %q", n, ok1, c1.Name, ok2, c2.Name)
		}
		d1, ok1 := got.Demonym()
		d2, ok2 := Demonym(n)
		if ok1 != ok2 || d1.Name != d2.Name || got.IsDemonym() != ok2 {
			t.Errorf("%q: demonym %v %q, want %v %q", n, ok1, d1.Name, ok2, d2.Name)
		}
		p1, ok1 := got.Place()
		p2, ok2 := LookupPlace(n)
		if ok1 != ok2 || p1.ID() != p2.ID() || p1.Kind != p2.Kind {
			t.Errorf("%q: place %v %q, want %v %q", n, ok1, p1.Name, ok2, p2.Name)
		}
		o1, ok1 := got.Org()
		o2, ok2 := LookupOrg(n)
		if ok1 != ok2 || o1.Name != o2.Name {
			t.Errorf("%q: org %v %q, want %v %q", n, ok1, o1.Name, ok2, o2.Name)
		}
	}
}

// TestKeyPrefix checks KeyPrefix against the folded names.
func TestKeyPrefix(t *testing.T) {
	for _, n := range testNames() {
		k := Key(n)
		if k == "" || isAcronym(strings.TrimSpace(n)) || trimPossessive(n) != strings.TrimSpace(n) ||
			strings.HasPrefix(n, "the ") || strings.HasPrefix(n, "The ") {
			continue // found by a trimmed form, whose key differs
		}
		nm := LookupNames(n, k)
		found := nm.IsCountry() || nm.IsDemonym() || nm.place != 0 || nm.org != 0
		prefix, full := KeyPrefix([]byte(k))
		if found && (!prefix || !full) {
			t.Errorf("%q (key %q) is a name: prefix %v full %v", n, k, prefix, full)
		}
		if !prefix {
			continue
		}
		if i := strings.LastIndexByte(k, ' '); i > 0 {
			if p, _ := KeyPrefix([]byte(k[:i])); !p {
				t.Errorf("%q is a prefix but %q is not", k, k[:i])
			}
		}
	}
	if p, f := KeyPrefix([]byte("united arab")); !p || f {
		t.Errorf(`KeyPrefix("united arab") = %v %v, want true false`, p, f)
	}
	if p, _ := KeyPrefix([]byte("zzqx")); p {
		t.Error(`KeyPrefix("zzqx") is a prefix`)
	}
}

// TestIDs checks the identifiers kept for the gazetteer's names.
func TestIDs(t *testing.T) {
	for _, c := range Countries() {
		if got, want := c.ActorID(), graphActorID(c.Name); got != want {
			t.Errorf("%s: actor %s, want %s", c.Name, got, want)
		}
		p := c.Place()
		if got, want := p.ID(), graphPlaceID(p.Name, p.Country); got != want {
			t.Errorf("%s: place %s, want %s", c.Name, got, want)
		}
	}
	for _, p := range load().places {
		if got, want := p.ID(), graphPlaceID(p.Name, p.Country); got != want {
			t.Errorf("%s: place %s, want %s", p.Name, got, want)
		}
	}
	if got, want := ActorID("Ali al-Karimi"), graphActorID("Ali al-Karimi"); got != want {
		t.Errorf("ActorID = %s, want %s", got, want)
	}
}

// TestTable checks the string table against a map.
func TestTable(t *testing.T) {
	m := map[string]int{}
	for i, n := range testNames() {
		m[n] = i
	}
	tb := newTable(m)
	for k, v := range m {
		if got, ok := tb.get(k); !ok || got != v {
			t.Fatalf("get(%q) = %d %v, want %d", k, got, ok, v)
		}
		if got, ok := tb.getBytes([]byte(k)); !ok || got != v {
			t.Fatalf("getBytes(%q) = %d %v, want %d", k, got, ok, v)
		}
	}
	for _, k := range []string{"zz", "Iraqq", "iraq s"} {
		if _, ok := m[k]; ok {
			continue
		}
		if _, ok := tb.get(k); ok {
			t.Errorf("get(%q) found", k)
		}
	}
	n := 0
	tb.each(func(k string, v int) {
		n++
		if m[k] != v {
			t.Errorf("each: %q = %d, want %d", k, v, m[k])
		}
	})
	if n != len(m) {
		t.Errorf("each gave %d entries, want %d", n, len(m))
	}
}

func graphActorID(name string) string          { return model.ActorID(name) }
func graphPlaceID(name, country string) string { return model.PlaceID(name, country) }
