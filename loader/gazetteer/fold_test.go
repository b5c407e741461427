package gazetteer

import (
	"testing"

	"eventgraph/graph/model"
)

// The gazetteer's lookups fold names exactly as the store keys them
// (model.NormName, that is names.Fold): one folding for storage and
// lookups, so a name the gazetteer finds is the name the store holds.
func TestKeyIsNormName(t *testing.T) {
	for _, s := range []string{
		"Erdoğan", "Erdogan", "Şanlıurfa", "Abdul-Amir al-Shammari", "Abdul Amir Al Shammari",
		"Ma'an", "Côte d'Ivoire", "São Tomé and Príncipe", "Straße", "EL-SISI", "  Deir   ez-Zor ",
		"Iñaki Peñalosa", "Al-Qa'im", "ʿAyn al-ʿArab", "",
	} {
		if k, n := Key(s), model.NormName(s); k != n {
			t.Errorf("Key(%q) = %q, NormName = %q: want one folding", s, k, n)
		}
	}
	for _, c := range [][2]string{{"Erdoğan", "Erdogan"}, {"Şanlıurfa", "Sanliurfa"}, {"Côte d'Ivoire", "Cote dIvoire"}} {
		if Key(c[0]) != Key(c[1]) {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: want the same", c[0], Key(c[0]), c[1], Key(c[1]))
		}
	}
}
