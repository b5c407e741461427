package graph

import "testing"

func TestNormASCIIMatchesGeneral(t *testing.T) {
	for _, s := range []string{"Abdul-Amir al-Shammari", "Abdul Amir Al Shammari", " al-Qaim ", "Ma'an", "AL", "el Paso", "x al", "al al b", "Lt. Gen. Abdul  Amir", "a-b--c", "", "ul", "Rashid  Derbas", "UN's 5+5 Commission", "al-", "-al-"} {
		slow := normUnicode(s)
		if got := normASCII(s); got != slow {
			t.Errorf("%q: fast %q, general %q", s, got, slow)
		}
	}
}
