package gazetteer

import "testing"

// TestSharedDemonyms: a demonym two countries share names the one news
// mostly means (the larger capital); each country keeps its own name.
func TestSharedDemonyms(t *testing.T) {
	for _, c := range []struct{ demonym, code string }{
		{"Dominican", "DO"},
		{"Congolese", "CD"},
		{"Iraqi", "IQ"},
	} {
		got, ok := Demonym(c.demonym)
		if !ok || got.Code != c.code {
			t.Errorf("Demonym(%q) = %s, %v; want %s", c.demonym, got.Code, ok, c.code)
		}
	}
	for _, c := range []struct{ name, code string }{{"Dominica", "DM"}, {"Republic of the Congo", "CG"}} {
		if got, ok := CountryByName(c.name); !ok || got.Code != c.code {
			t.Errorf("CountryByName(%q) = %s, %v; want %s", c.name, got.Code, ok, c.code)
		}
	}
}
