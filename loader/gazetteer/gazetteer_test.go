package gazetteer

import (
	"testing"

	"eventgraph/graph/model"
)

func TestCountry(t *testing.T) {
	cases := []struct{ in, code, name string }{
		{"Iraq", "IQ", "Iraq"}, {"Iraqi", "IQ", "Iraq"}, {"Iraq's", "IQ", "Iraq"}, {"IQ", "IQ", "Iraq"},
		{"Türkiye", "TR", "Türkiye"}, {"Turkey", "TR", "Türkiye"}, {"Turkish", "TR", "Türkiye"},
		{"Syrian Arab Republic", "SY", "Syria"}, {"Syrian", "SY", "Syria"}, {"Lebanese", "LB", "Lebanon"},
		{"Qatari", "QA", "Qatar"}, {"Afghan", "AF", "Afghanistan"}, {"Pakistani", "PK", "Pakistan"},
		{"Emirati", "AE", "United Arab Emirates"}, {"UAE", "AE", "United Arab Emirates"},
		{"Saudi", "SA", "Saudi Arabia"}, {"US", "US", "United States"}, {"USA", "US", "United States"},
		{"United States", "US", "United States"}, {"U.S.", "US", "United States"},
		{"North Macedonia", "MK", "North Macedonia"}, {"Macedonia", "MK", "North Macedonia"},
		{"Palestine", "PS", "Palestine"}, {"Kosovo", "XK", "Kosovo"}, {"Taiwan", "TW", "Taiwan"},
		{"Russian", "RU", "Russia"}, {"Iranian", "IR", "Iran"},
		// from the Phoenix country dictionary
		{"Uzbek", "UZ", "Uzbekistan"}, {"Tajik", "TJ", "Tajikistan"}, {"Kyrgyz", "KG", "Kyrgyzstan"},
		{"Kazakstan", "KZ", "Kazakhstan"}, {"Irak", "IQ", "Iraq"}, {"Croat", "HR", "Croatia"},
		// hand-written
		{"Kazakh", "KZ", "Kazakhstan"},
	}
	for _, c := range cases {
		got, ok := Country(c.in)
		if !ok || got.Code != c.code || got.Name != c.name {
			t.Errorf("Country(%q) = %q %q %v, want %s %s", c.in, got.Code, got.Name, ok, c.code, c.name)
		}
	}
	// places the dictionary files under a country stay places; a place-type
	// word is no country ("Island", Iceland's own name folded)
	for _, no := range []string{"us", "is", "Kurdish", "Arab", "Monday", "Basra", "Astana", "Puntland", "England", "Washington", "Island", "Ísland"} {
		if c, ok := Country(no); ok {
			t.Errorf("Country(%q) = %s, want none", no, c.Name)
		}
	}
	if got := CountryName("JO"); got != "Jordan" {
		t.Errorf("CountryName(JO) = %q", got)
	}
	n := 0
	for _, c := range Countries() {
		if c.UNMember {
			n++
		}
		if c.CapitalLat == 0 && c.CapitalLon == 0 && c.Capital != "" {
			t.Logf("no capital coordinates: %s %s", c.Code, c.Capital)
		}
	}
	if n < 193 {
		t.Errorf("%d UN members, want 193", n)
	}
}

func TestLookupPlace(t *testing.T) {
	cases := []struct{ in, name, kind, cc string }{
		{"Basra", "Basra", "city", "IQ"}, {"Basrah", "Basra", "city", "IQ"}, {"Baghdad", "Baghdad", "capital", "IQ"},
		{"Kirkuk", "Kirkuk", "city", "IQ"}, {"Amman", "Amman", "capital", "JO"}, {"Moscow", "Moscow", "capital", "RU"},
		{"Masnaa", "Masnaa", "crossing", "LB"}, {"Al-Bukamal", "Abu Kamal", "city", "SY"}, {"Albu Kamal", "Abu Kamal", "city", "SY"},
		{"Al Qaim", "Al-Qaim", "city", "IQ"}, {"al-Qaim", "Al-Qaim", "city", "IQ"}, {"Tartous", "Tartus", "city", "SY"},
		{"Anbar Governorate", "Anbar", "region", "IQ"}, {"Nineveh", "Nineveh", "region", "IQ"},
		{"Nineveh Governorate", "Nineveh", "region", "IQ"}, {"Bekaa Valley", "Bekaa Valley", "region", "LB"},
		{"Dhi Qar", "Dhi Qar", "region", "IQ"}, {"Maysan", "Maysan", "region", "IQ"}, {"Kurdistan Region", "Kurdistan Region", "region", "IQ"},
		{"Idlib", "Idlib", "city", "SY"}, {"Deir ez-Zor", "Deir ez-Zor", "city", "SY"}, {"Torkham", "Torkham", "crossing", "PK"},
		{"Rafah crossing", "Rafah crossing", "crossing", "PS"}, {"Damascus", "Damascus", "capital", "SY"},
		{"Beirut", "Beirut", "capital", "LB"}, {"Ankara", "Ankara", "capital", "TR"}, {"Aleppo", "Aleppo", "city", "SY"},
		{"Iraq", "Iraq", "country", "IQ"}, {"Türkiye", "Türkiye", "country", "TR"}, {"Sanliurfa", "Sanliurfa", "city", "TR"},
	}
	for _, c := range cases {
		p, ok := LookupPlace(c.in)
		if !ok || p.Name != c.name || p.Kind != c.kind || p.Country != c.cc || !p.HasGeo {
			t.Errorf("LookupPlace(%q) = %+v %v, want %s %s %s with coordinates", c.in, p, ok, c.name, c.kind, c.cc)
		}
	}
	if p, ok := LookupCrossing("Al-Bukamal crossing"); !ok || p.Kind != "crossing" || p.Country != "SY" {
		t.Errorf("LookupCrossing(Al-Bukamal crossing) = %+v %v", p, ok)
	}
	if p, ok := LookupCrossing("Masnaa border crossing"); !ok || p.Name != "Masnaa" {
		t.Errorf("LookupCrossing(Masnaa border crossing) = %+v %v", p, ok)
	}
	p, _ := LookupPlace("Basra")
	if p.Lat < 30 || p.Lat > 31 || p.Lon < 47 || p.Lon > 48.5 {
		t.Errorf("Basra at %v,%v", p.Lat, p.Lon)
	}
	// every hand-written place has coordinates
	for _, p := range load().places {
		if !p.HasGeo && p.Kind != "region" {
			t.Errorf("place without coordinates: %+v", p)
		}
	}
}

func TestLookupOrg(t *testing.T) {
	cases := []struct {
		in, name string
		kind     model.ActorKind
	}{
		{"HTS", "Hayat Tahrir al-Sham", model.Group}, {"Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", model.Group},
		{"ISIS", "Islamic State", model.Group}, {"ISIL", "Islamic State", model.Group}, {"Daesh", "Islamic State", model.Group},
		{"IS", "Islamic State", model.Group}, {"the Islamic State", "Islamic State", model.Group},
		{"PMF", "Popular Mobilization Forces", model.Group}, {"Hashd al-Shaabi", "Popular Mobilization Forces", model.Group},
		{"PMU", "Popular Mobilization Forces", model.Group}, {"SDF", "Syrian Democratic Forces", model.Group},
		{"Hezbollah", "Hezbollah", model.Group}, {"Kataib Hezbollah", "Kataib Hezbollah", model.Group},
		{"Houthis", "Houthis", model.Group}, {"Huthis", "Houthis", model.Group}, {"Ansar Allah", "Houthis", model.Group},
		{"FARC", "Revolutionary Armed Forces of Colombia", model.Group}, {"RSF", "Rapid Support Forces", model.Group},
		{"Reuters", "Reuters", model.Organization}, {"AFP", "Agence France-Presse", model.Organization},
		{"UN", "United Nations", model.Organization}, {"NATO", "NATO", model.Organization}, {"ICRC", "International Committee of the Red Cross", model.Organization},
		{"CENTCOM", "US Central Command", model.Organization}, {"IRGC", "Islamic Revolutionary Guard Corps", model.Organization},
		{"Fatemiyoun", "Fatemiyoun", model.Group}, {"Taliban", "Taliban", model.Group},
		// the de facto authorities of breakaway regions, sides of agreements
		{"Somaliland", "Somaliland", model.Organization}, {"TRNC", "Northern Cyprus", model.Organization},
		{"Pridnestrovie", "Transnistria", model.Organization},
	}
	for _, c := range cases {
		o, ok := LookupOrg(c.in)
		if !ok || o.Name != c.name || o.Kind != c.kind {
			t.Errorf("LookupOrg(%q) = %+v %v, want %s %s", c.in, o, ok, c.name, c.kind)
		}
	}
	for _, no := range []string{"is", "un", "who", "Ap"} {
		if o, ok := LookupOrg(no); ok {
			t.Errorf("LookupOrg(%q) = %s, want none", no, o.Name)
		}
	}
}

func TestLookupTitle(t *testing.T) {
	for _, s := range []string{"Lieutenant-General", "Lt Gen", "Lt. Gen.", "Brig Gen", "Brig. Gen.", "Maj. Gen.", "Major General",
		"General", "Gen", "Col.", "President", "Prime Minister", "caretaker Prime Minister", "Foreign Minister", "FM",
		"Interior Minister", "Minister of Interior", "Deputy Foreign Minister", "spokesman", "spokesperson", "envoy",
		"ambassador", "King", "Crown Prince", "Prince", "Sheikh", "Mr", "Mrs", "Dr", "leader", "commander", "chief", "head",
		"Mawlawi", "Maulvi", "Mufti", "Haji", "Prefect", "prefect", "chargé d'affaires"} {
		if _, ok := LookupTitle(s); !ok {
			t.Errorf("LookupTitle(%q) missing", s)
		}
	}
	if tt, _ := LookupTitle("interior minister"); tt.Org != "{C} Ministry of Interior" {
		t.Errorf("interior minister org = %q", tt.Org)
	}
}

func BenchmarkLookup(b *testing.B) {
	names := []string{"Iraqi", "Basra", "Al-Bukamal", "HTS", "Popular Mobilization Forces", "Karimi", "Lt Gen", "Moscow"}
	load()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := names[i%len(names)]
		Country(n)
		LookupPlace(n)
		LookupOrg(n)
	}
}

func BenchmarkBuild(b *testing.B) {
	for i := 0; i < b.N; i++ {
		build()
	}
}
