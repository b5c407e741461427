package graph

import (
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// personArticle is an article naming one person (made up), with one
// event in which the person takes part; the event's merge key names the
// person, as the extractor's "fall of regime|<actor>" keys do.
func personArticle(title, name, country string) *Facts {
	art := Article{Title: title, Published: "2024-05-12", Text: "text of " + title}
	art.ID = ArticleID(art)
	p := Actor{ID: ActorID(name), Name: name, Kind: Person, Country: country}
	e := Event{ID: NewID("event", art.ID, "0"), Type: "make statement", CAMEO: "010", Title: title,
		Date:         span("2024-05-12", "2024-05-12", Day),
		Participants: []Participation{{ActorID: p.ID, Role: "source"}},
		Evidence:     []Evidence{{ArticleID: art.ID, Sentence: title, Start: 0, End: 1}},
		MergeKeys:    []string{"statement|" + p.ID}}
	g := Agreement{ID: NewID("agreement", art.ID), Name: "accord of " + title, Signatories: []string{p.ID},
		Date: span("2024-05-12", "2024-05-12", Day)}
	return &Facts{Article: art, Actors: []Actor{p}, Events: []Event{e}, Agreements: []Agreement{g}}
}

// The persons of several articles are one node under every spelling of
// one name, and stay apart when the first names or countries differ or a
// bare surname could be two people.
func TestPersonsOneNodeAcrossArticles(t *testing.T) {
	s := memStore(t)
	articles := []struct {
		title, name, country string
		same                 string // the title of the article whose person this is, "" for a new one
	}{
		{"A", "Qassem al-Tamimi", "IQ", ""},
		{"B", "Qasim Al-Tamimi", "", "A"},        // vowels, q/k, particle
		{"C", "Kemal Özdağ", "TR", ""},           // diacritics
		{"D", "Kemal Ozdag", "", "C"},            // the same without them
		{"E", "Hamed al-Tamimi", "IQ", ""},       // same surname, another first name
		{"F", "Tamimi", "", ""},                  // a bare surname two people share
		{"G", "Olga Petrenko", "RU", ""},         //
		{"H", "Olga Petrenko", "UA", ""},         // another country
		{"I", "Hossein Amirkalantari", "", ""},   //
		{"J", "Hossein Amir Kalantari", "", "I"}, // split differently
		{"K", "Kalantari", "", "I"},              // a bare surname one person has
		{"L", "Nikos Vardakis", "", ""},          //
		{"M", "Vardakis", "", "L"},               //
		{"N", "Dmitry Volkonov", "", ""},         //
		{"O", "Dmitri Volkonov", "RU", "N"},      // one country known
		{"P", "Abdelkrim Zeroual", "", ""},       //
		{"Q", "Abdul Karim Zeroual", "", "P"},    // Abd al- prefix, split
		{"R", "Ana Lopez", "", ""},               //
		{"S", "Maria Lopez", "", ""},             // another first name
		{"T", "Tesfaye Bekele", "ET", ""},        //
		{"U", "Tesfaye Bekele Alemu", "ET", "T"}, // the grandfather's name added
		{"V", "Getachew Haile Desta", "ET", ""},  //
		{"W", "Getachew Haile", "", "V"},         // and left out
		{"X", "Ramzan Kadiyev", "RU", ""},        //
		{"Y", "Ramzan Kadiev", "", "X"},          // the glide after i
		{"Z", "Pavel Dorushin", "RU", ""},        //
		{"Za", "Pavel Dorușin", "", "Z"},         // ș read as sh
		{"Zb", "Kemal Çetinel", "TR", ""},        //
		{"Zc", "Kemal Chetinel", "", "Zb"},       // ç read as ch
		{"Zd", "Kemal Cetinel", "", "Zb"},        // and as c
		{"Zf", "Ilya Zabolotnykh", "RU", ""},     //
		{"Zg", "Ilia Zabolotnîh", "", "Zf"},      // -ykh written -îh
		{"Zh", "Ndubuisi Anozie", "NG", ""},      //
		{"Zi", "Buisi Anozie", "", "Zh"},         // a given name cut short
		{"Zj", "Reza Tavakkoli", "", ""},         //
		{"Zk", "Alireza Tavakkoli", "", ""},      // a compound given name, not its short form
		{"Zl", "Marat Eli", "", ""},              //
		{"Zm", "Ali", "", ""},                    // a short surname with another vowel
		{"Zn", "Tadesse Adede", "ET", ""},        //
		{"Zo", "Adiy", "", ""},                   // one consonant where the surname has two
		{"Zp", "Rauf Qasimov", "AZ", ""},         //
		{"Zq", "Rauf Gasimov", "", "Zp"},         // Azerbaijani q is g
		{"Zr", "Tahir Gasimov", "", ""},          // but another given name is another person
		{"Zs", "Tarek al-Jazzar", "EG", ""},      //
		{"Zt", "Tarek el-Gazzar", "", "Zs"},      // Egyptian g for the Arabic j
		{"Zu", "Tomas Ignacio Salcedo Varela", "CO", ""},
		{"Zv", "Tomas Ignacio Salcedo", "", "Zu"}, // without the mother's surname
	}
	who := map[string]string{} // article title -> the person's stored ID
	for _, a := range articles {
		f := personArticle(a.title, a.name, a.country)
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
		who[a.title] = f.Events[0].Participants[0].ActorID
		if f.Agreements[0].Signatories[0] != who[a.title] {
			t.Errorf("%s: the agreement's signatory was not rewritten", a.title)
		}
	}
	for _, a := range articles {
		id := who[a.title]
		if a.same != "" && id != who[a.same] {
			t.Errorf("%q (%s) is not the person of %s", a.name, a.title, a.same)
		}
		if a.same == "" {
			for _, b := range articles {
				if b.title < a.title && b.same == "" && who[b.title] == id {
					t.Errorf("%q (%s) merged into %q (%s)", a.name, a.title, b.name, b.title)
				}
			}
		}
	}
	// the events whose merge keys named one person under two spellings
	// are one event
	_ = s.view(func(r *Reader) error {
		p, err := r.Events(EventFilter{ActorIDs: []string{who["A"]}}, -1, "")
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != 1 || len(p.Edges[0].Event.Evidence) != 2 {
			t.Errorf("events of Qassem al-Tamimi: %d, want 1 with evidence from A and B", p.Total)
		}
		return nil
	})
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// A lookup finds a person under other spellings, with ranks, titles and
// honorifics before the name, and by a bare surname or given name.
func TestActorsByNameSpellingsAndTitles(t *testing.T) {
	s := memStore(t)
	for _, f := range []*Facts{
		personArticle("A", "Abdul Amir al-Rawdhi", "IQ"),
		personArticle("B", "Kemal Özdağ", "TR"),
		personArticle("C", "Nasser bin Fahad", "QA"),
		personArticle("D", "Karim Haddad", "LB"),
		personArticle("E", "Kamal Haddad", "LB"),
		personArticle("F", "Kamal Haddad", "LB"), // a second article: more events
		personArticle("G", "Mulatu Gebre Wolde", "ET"),
		personArticle("H", "Kifle Tadesse Bekele", "ET"),
		personArticle("I", "Kifle Tadesse Girma", "ET"),
		personArticle("J", "Tomas Ignacio Salcedo Varela", "CO"),
		personArticle("K", "Bence Szalontai", "HU"),
	} {
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ query, want string }{
		{"Abdul Amir al-Rawdhi", "Abdul Amir al-Rawdhi"},
		{"Lt Gen Abdul Amir Al Rawdhi", "Abdul Amir al-Rawdhi"},
		{"Abdul-Amir Al-Rawdi", "Abdul Amir al-Rawdhi"},
		{"Abdulamir al-Rawzi", "Abdul Amir al-Rawdhi"},
		{"Mr Al Rawdhi", "Abdul Amir al-Rawdhi"},
		{"Rawdhi", "Abdul Amir al-Rawdhi"},
		{"Kemal Ozdag", "Kemal Özdağ"},
		{"President Kemal Özdağ", "Kemal Özdağ"},
		{"Erdogan Ozdag", ""}, // another first name
		{"Sheikh Nasser bin Fahad", "Nasser bin Fahad"},
		{"Nasser Fahad", "Nasser bin Fahad"},
		{"Prince Nasser", "Nasser bin Fahad"},
		{"Dr Karim Haddad", "Karim Haddad"},
		{"Haddad", "Kamal Haddad"}, // two people: the one in more events first
		{"Hassan Haddad", ""},
		{"Mulatu Gebre", "Mulatu Gebre Wolde"}, // the first words of one person's name
		{"Kifle Tadesse", ""},                  // of two persons' names: none
		{"Tomas Ignacio Salcedo", "Tomas Ignacio Salcedo Varela"},
		{"Minister Tomas Ignacio", "Tomas Ignacio Salcedo Varela"},
		{"Mulatu Wolde Gebre", ""},
		{"Szalontai Bence", "Bence Szalontai"},            // surname first
		{"Tomas Salcedo", "Tomas Ignacio Salcedo Varela"}, // first given name and father's surname
		{"Ignacio Salcedo", ""},
	} {
		as, err := s.ActorsByName(c.query)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(as) > 0 {
			got = as[0].Name
		}
		if got != c.want {
			var all []string
			for _, a := range as {
				all = append(all, a.Name)
			}
			t.Errorf("ActorsByName(%q) = %q (%s), want %q", c.query, got, strings.Join(all, ", "), c.want)
		}
	}
}

// A database of format 3 (names folded with their diacritics, persons
// indexed by their folded surname only) is re-indexed when opened for
// writing: a name is found without its diacritics, and Check passes.
func TestUpgradeReindexesActorNames(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutFacts(personArticle("A", "Kemal Özdağ", "TR")); err != nil {
		t.Fatal(err)
	}
	id := ActorID("Kemal Özdağ")
	// what format 3 wrote: keys folded with diacritics, no person keys
	err = s.db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		var del [][]byte
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().Key())
			for _, p := range []string{pActorName, pActorAlias, pActorSurname, pActorGlued, pActorGiven} {
				if strings.HasPrefix(k, p) {
					del = append(del, it.Item().KeyCopy(nil))
				}
			}
		}
		it.Close()
		for _, k := range del {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		for _, k := range []string{pActorName + "kemal özdağ|" + id, pActorAlias + "kemal özdağ|" + id, pActorSurname + "özdağ|" + id} {
			if err := txn.Set([]byte(k), nil); err != nil {
				return err
			}
		}
		return txn.Set([]byte(kFormat), []byte("3"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{"Kemal Ozdag", "Kemal Özdağ", "Ozdag"} {
		as, err := s.ActorsByName(q)
		if err != nil || len(as) != 1 || as[0].ID != id {
			t.Errorf("upgraded: ActorsByName(%q) = %v, %v; want the one actor", q, as, err)
		}
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	var format string
	_ = s.db.View(func(txn *badger.Txn) error {
		it, err := txn.Get([]byte(kFormat))
		if err == nil {
			_ = it.Value(func(v []byte) error { format = string(v); return nil })
		}
		return nil
	})
	if format != formatCurrent {
		t.Errorf("format %q after the upgrade, want %q", format, formatCurrent)
	}
}

func TestRemapKey(t *testing.T) {
	remap := map[string]string{"b": "z", "c": "a0"}
	for _, c := range [][2]string{
		{"fall of regime|b", "fall of regime|z"},
		{"04|visit|2024-05-12|a,b,c", "04|visit|2024-05-12|a,a0,z"},
		{"sign|2024-05-12|IQ,SY", "sign|2024-05-12|IQ,SY"},
	} {
		if got := remapKey(c[0], remap); got != c[1] {
			t.Errorf("remapKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// storeOfFormat writes a person's article with the current code, then
// rewrites the store as an older format wrote it: the index keys under
// the prefixes drop deleted, the keys in add set, and the format recorded;
// it reopens the store (which upgrades it) and returns it with the
// person's identifier.
func storeOfFormat(t *testing.T, name, country string, drop, add []string, format string) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutFacts(personArticle("A", name, country)); err != nil {
		t.Fatal(err)
	}
	id := ActorID(name)
	err = s.db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		var del [][]byte
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().Key())
			for _, p := range drop {
				if strings.HasPrefix(k, p) {
					del = append(del, it.Item().KeyCopy(nil))
					break
				}
			}
		}
		it.Close()
		for _, k := range del {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		for _, k := range add {
			if err := txn.Set([]byte(k+id), nil); err != nil {
				return err
			}
		}
		return txn.Set([]byte(kFormat), []byte(format))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, id
}

// TestUpgradeFormat7 reindexes person keys written before a y after a
// consonant counted as a vowel: the name is then found under its other
// transliteration.
func TestUpgradeFormat7(t *testing.T) {
	// what format 6 wrote: the surname keyed with the y as a consonant
	s, id := storeOfFormat(t, "Gevorg Avetisyan", "AM", []string{pActorSurname, pActorGlued}, []string{pActorSurname + "AvtsYn|"}, "6")
	for _, q := range []string{"Gevorg Avetisian", "Avetisian", "Gevorg Avetisyan"} {
		as, err := s.ActorsByName(q)
		if err != nil || len(as) != 1 || as[0].ID != id {
			t.Errorf("upgraded: ActorsByName(%q) = %v, %v; want the one actor", q, as, err)
		}
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestUpgradeFormat9 reindexes person keys written before names with ș
// and the like had two readings: the name is then found as spelled in
// English, and a short surname no more meets one with another vowel.
func TestUpgradeFormat9(t *testing.T) {
	// what format 8 wrote: the name under its base reading only
	s, id := storeOfFormat(t, "Valeri Dorușin", "MD", []string{pActorSurname, pActorGlued, pActorGiven}, []string{pActorSurname + "drsn|", pActorGlued + "vlrdrsn|"}, "8")
	for _, q := range []string{"Valery Dorushin", "Dorushin", "Valeri Dorusin"} {
		as, err := s.ActorsByName(q)
		if err != nil || len(as) != 1 || as[0].ID != id {
			t.Errorf("upgraded: ActorsByName(%q) = %v, %v; want the one actor", q, as, err)
		}
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestUpgradeFormat10 reindexes person keys written before a q or j was
// also read as g and a name of four words was keyed by its first three:
// the name is then found under its other spelling, and a new article's
// person without the mother's surname is the stored one.
func TestUpgradeFormat10(t *testing.T) {
	// what format 9 wrote: the name under its q reading only
	s, id := storeOfFormat(t, "Rauf Qasimov", "AZ", []string{pActorSurname, pActorGlued, pActorGiven, pActorLead},
		[]string{pActorSurname + "klv|", pActorGlued + "rfklv|", pActorGiven + "rf|"}, "9")
	for _, q := range []string{"Rauf Gasimov", "Rauf Qasimov", "Qasimov"} {
		as, err := s.ActorsByName(q)
		if err != nil || len(as) != 1 || as[0].ID != id {
			t.Errorf("upgraded: ActorsByName(%q) = %v, %v; want the one actor", q, as, err)
		}
	}
	// format 9 keyed a name of four words by its first two only
	s, id = storeOfFormat(t, "Tomas Ignacio Salcedo Varela", "CO", []string{pActorLead}, []string{pActorLead + "tmsgnk|"}, "9")
	f := personArticle("B", "Tomas Ignacio Salcedo", "")
	if _, err := s.PutFacts(f); err != nil {
		t.Fatal(err)
	}
	if got := f.Events[0].Participants[0].ActorID; got != id {
		t.Errorf("upgraded: %q is another person than %q", "Tomas Ignacio Salcedo", "Tomas Ignacio Salcedo Varela")
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestPersonOtherOrder: a person stored under a two-word name is the
// person of a later article that writes the name surname first.
func TestPersonOtherOrder(t *testing.T) {
	s := memStore(t)
	a := personArticle("A", "Thierry Kalombo", "CD")
	if _, err := s.PutFacts(a); err != nil {
		t.Fatal(err)
	}
	b := personArticle("B", "Kalombo Thierry", "")
	if _, err := s.PutFacts(b); err != nil {
		t.Fatal(err)
	}
	if x, y := a.Events[0].Participants[0].ActorID, b.Events[0].Participants[0].ActorID; x != y {
		t.Errorf("%q and %q are two persons", "Thierry Kalombo", "Kalombo Thierry")
	}
	if as, err := s.ActorsByName("Kalombo Thierry"); err != nil || len(as) != 1 {
		t.Errorf("ActorsByName(%q) = %v, %v; want one actor", "Kalombo Thierry", as, err)
	}
}

// TestUpgradeFormat13 reindexes person keys written before a final -ay
// counted as the vowel and before the Somali reading: the name is
// then found under its other spellings.
func TestUpgradeFormat13(t *testing.T) {
	// what format 12 wrote: the surname keyed with its -ay as a y, no
	// Somali reading
	s, id := storeOfFormat(t, "Cabdullahi Xasan Sesay", "SO", []string{pActorSurname, pActorGlued, pActorGiven, pActorLead},
		[]string{pActorSurname + "ssY|", pActorGlued + "kbdlhkssnssY|", pActorGiven + "kbdlh|", pActorLead + "kbdlhkssn|"}, "12")
	for _, q := range []string{"Cabdullahi Xasan Sesay", "Sese", "Abdullahi Hasan Sesay"} {
		as, err := s.ActorsByName(q)
		if err != nil || len(as) != 1 || as[0].ID != id {
			t.Errorf("upgraded: ActorsByName(%q) = %v, %v; want the one actor", q, as, err)
		}
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestUpgradeFormat8 reindexes person keys written before a y after an i
// counted as its glide: the name is then found under its other
// transliteration, and a longer name by its first two words.
func TestUpgradeFormat8(t *testing.T) {
	// what format 7 wrote: no CP: key, the glued key with the y as a
	// consonant
	s, id := storeOfFormat(t, "Ramzan Kadiyev Alkhanov", "RU", []string{pActorLead, pActorGlued}, nil, "7")
	f := personArticle("B", "Ramzan Kadiev", "")
	if _, err := s.PutFacts(f); err != nil {
		t.Fatal(err)
	}
	if got := f.Events[0].Participants[0].ActorID; got != id {
		t.Errorf("upgraded: %q is another person than %q", "Ramzan Kadiev", "Ramzan Kadiyev Alkhanov")
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}
