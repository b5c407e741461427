package graph

import (
	"bytes"
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"eventgraph/graph/names"
)

// Person index keys (see personIndexKeys). Persons are also indexed by
// pActorSurname.
const (
	pActorGlued = "CG:" // CG:<names.Person(name).Glued>|<id> (persons)
	pActorGiven = "CF:" // CF:<WordKey of the first given name>|<id> (persons)
	pActorLead  = "CP:" // CP:<each of names.Person(name).Leads>|<id> (persons of three words or more)
)

// PersonKeys are a person's transliteration keys, for its name and each
// alias, as "K:key" with K the kind ActorIndex.ByPerson takes: "L" the
// surname, "G" the whole name glued, "F" the first given name, "P" the
// first two words, three and so on of a name of three or more
// (names.Name.Leads); nil for
// an actor that is no person. The embedded store indexes them (CL:, CG:,
// CF:, CP:), the Dgraph store keeps them on the actor.
func PersonKeys(a Actor) []string {
	if a.Kind != Person {
		return nil
	}
	var keys []string
	add := func(k string) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		for _, p := range names.Person(n).Readings() {
			if p.Empty() {
				continue
			}
			add("L:" + p.Surname)
			add("G:" + p.Glued)
			if len(p.Given) > 0 {
				add("F:" + p.Given[0])
			}
			for _, l := range p.Leads {
				add("P:" + l)
			}
		}
	}
	return keys
}

// PersonLookups are the keys (see PersonKeys) under which the stored
// persons a name may be are found: its glued name and surname, a longer
// name whose first words it is, and, for a longer name, the names of
// its first two words, three and so on ("Tesfaye Bekele" stored,
// "Tesfaye Bekele Alemu" new); in each of its readings
// (names.Name.Readings: "Dorușin" is looked up as "Dorusin" and
// "Dorushin", "Qasimov" as "Gasimov").
func PersonLookups(n names.Name) []string {
	var keys []string
	for _, p := range n.Readings() {
		keys = append(keys, "G:"+p.Glued, "L:"+p.Surname, "P:"+p.Glued)
		for _, l := range p.Leads {
			keys = append(keys, "G:"+l)
		}
	}
	if r, ok := names.Reversed(n); ok {
		keys = append(keys, "G:"+r.Glued) // the whole name in the other order
	}
	return keys
}

// personPrefix is the embedded store's index prefix of a kind of person
// key (see PersonKeys).
func personPrefix(kind string) string {
	switch kind {
	case "G":
		return pActorGlued
	case "L":
		return pActorSurname
	case "P":
		return pActorLead
	}
	return pActorGiven
}

// personIndexKeys are the index keys that find a person by a spelling of
// its names (PersonKeys, each under its prefix).
func personIndexKeys(a Actor) []string {
	pk := PersonKeys(a)
	if pk == nil {
		return nil
	}
	keys := make([]string, len(pk))
	for i, k := range pk {
		keys[i] = personPrefix(k[:1]) + k[2:] + "|" + a.ID
	}
	return keys
}

// actorHead is what resolvePersons and matchPerson compare of a stored
// actor: decoded alone, without the roles and their evidence, which grow
// with the articles that name the person, while the candidates of a
// surname grow with the corpus.
type actorHead struct {
	Name    string    `json:"name"`
	Kind    ActorKind `json:"kind"`
	Country string    `json:"country,omitempty"`
}

// storedHead returns the head of the actor with the ID as txn holds it:
// from the merger's cache of decoded actors when it holds the actor
// (merge_cache.go: what the transaction reads), else decoded alone.
func storedHead(txn *wtxn, mg *merger, id string) (actorHead, error) {
	if mg != nil && mg.cache != nil && !mg.cache.dirty[pActor+id] {
		if a, ok := mg.cache.actors.m[pActor+id]; ok {
			if a == nil {
				return actorHead{}, ErrNotFound
			}
			return actorHead{Name: a.Name, Kind: a.Kind, Country: a.Country}, nil
		}
	}
	var h actorHead
	err := getJSON(txn, pActor+id, &h)
	return h, err
}

// resolvePersons gives each person of the article the identifier of the
// stored person it names, if there is exactly one (see matchPerson), and
// rewrites the article's references to it: so a person is one node under
// every spelling across articles ("Qassem al-Rawi" and "Qasim al-Rawi",
// "Novak" and "Ivan Novak"). A person whose identifier is stored
// already keeps it, unless the stored one is of another country: then it
// is another person, with an identifier of its name and country.
func resolvePersons(txn *wtxn, mg *merger, f *Facts) error {
	remap := map[string]string{}
	for i := range f.Actors {
		a := &f.Actors[i]
		if a.Kind != Person {
			continue
		}
		old, err := storedHead(txn, mg, a.ID)
		switch {
		case err == nil && (a.Country == "" || old.Country == "" || a.Country == old.Country):
			continue
		case err == nil:
			// the same name, another country: another person
			id := NewID("actor", NormName(a.Name), a.Country)
			remap[a.ID] = id
			a.ID = id
			continue
		case !errors.Is(err, ErrNotFound):
			return err
		}
		id, err := matchPerson(txn, mg, *a)
		if err != nil {
			return err
		}
		if id != "" && id != a.ID {
			remap[a.ID] = id
			a.ID = id
		}
	}
	if len(remap) == 0 {
		return nil
	}
	for i := range f.Events {
		e := &f.Events[i]
		for j := range e.Participants {
			if id, ok := remap[e.Participants[j].ActorID]; ok {
				e.Participants[j].ActorID = id
			}
		}
		for j, k := range e.MergeKeys {
			e.MergeKeys[j] = remapKey(k, remap)
		}
	}
	for i := range f.Agreements {
		g := &f.Agreements[i]
		for j, id := range g.Parties {
			if n, ok := remap[id]; ok {
				g.Parties[j] = n
			}
		}
		for j, id := range g.Signatories {
			if n, ok := remap[id]; ok {
				g.Signatories[j] = n
			}
		}
	}
	return nil
}

// remapKey replaces the actor identifiers in a merge key ("|"-separated
// fields of ","-separated lists), sorting a list it changed as the
// extractor sorts it.
func remapKey(k string, remap map[string]string) string {
	fields := strings.Split(k, "|")
	for i, f := range fields {
		ids := strings.Split(f, ",")
		changed := false
		for j, id := range ids {
			if n, ok := remap[id]; ok {
				ids[j], changed = n, true
			}
		}
		if changed {
			sort.Strings(ids)
			fields[i] = strings.Join(ids, ",")
		}
	}
	return strings.Join(fields, "|")
}

// matchPerson finds (reading index ranges through mg, see
// merger.scanIDs) the stored person a person of a new article is: among
// the persons whose surname or whole name has the same transliteration
// key, those whose names are compatible (names.Compatible) and whose
// country does not differ. One candidate is taken; of several, the one
// written alike up to transliteration, else the one with the same first
// name; with none of these the person stays apart ("Assad" when two
// persons named Assad are stored).
func matchPerson(txn *wtxn, mg *merger, a Actor) (string, error) {
	var mine []names.Name
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if p := names.Person(n); !p.Empty() {
			mine = append(mine, p)
		}
	}
	if len(mine) == 0 {
		return "", nil
	}
	// "Kalombo Thierry" is "Thierry Kalombo" written surname first
	rev, reversed := names.Reversed(mine[0])
	seen := map[string]bool{}
	var ids []string
	for _, k := range PersonLookups(mine[0]) {
		for _, id := range mg.scanIDs(txn, personPrefix(k[:1])+k[2:]+"|") {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	type cand struct {
		id          string
		glued, same bool
	}
	var cands []cand
	for _, id := range ids {
		b, err := storedHead(txn, mg, id)
		if err != nil {
			if errors.Is(err, ErrNotFound) {
				continue
			}
			return "", err
		}
		if b.Kind != Person || a.Country != "" && b.Country != "" && a.Country != b.Country {
			continue
		}
		theirs := names.Person(b.Name)
		if !names.Compatible(mine[0], theirs) && !(reversed && names.SameGlued(rev, theirs)) {
			continue
		}
		cands = append(cands, cand{id: id, glued: names.SameGlued(mine[0], theirs), same: names.SameGiven(mine[0], theirs)})
	}
	pick := func(ok func(cand) bool) string {
		found := ""
		for _, c := range cands {
			if ok(c) {
				if found != "" {
					return ""
				}
				found = c.id
			}
		}
		return found
	}
	if len(cands) == 1 {
		return cands[0].id, nil
	}
	if id := pick(func(c cand) bool { return c.glued }); id != "" {
		return id, nil
	}
	return pick(func(c cand) bool { return c.same }), nil
}

// ActorsByName returns the actors a name or alias of which folds to name
// (NormName); failing that, the same with the ranks, titles and honorifics
// before it dropped ("Lt Gen X", "Mr X", "President X"); failing that, the
// persons the name may be under another spelling of it (names.Compatible:
// "Qasim al-Araji" for "Qassem al-Araji", "Assad" for "Bashar al-Assad"),
// or whose first name it is when it is one word. The most exact match comes
// first (the name itself, then a name with the same last word as written,
// then other spellings), then the actors in the most events.
func (r *Reader) ActorsByName(name string) []Actor {
	return FindActors(ActorIndex{
		Actor:    r.Actor,
		ByName:   func(key string) []string { return scanIDs(r.txn, pActorAlias+key+"|") },
		ByPerson: func(kind, key string) []string { return scanIDs(r.txn, personPrefix(kind)+key+"|") },
		Events:   func(id string, limit int) int { return r.countKeys(pEventActor+id+"|", limit) },
	}, name)
}

// ActorIndex is how FindActors reads a store's actor indexes; each store
// (the embedded one, Dgraph) gives its own lookups.
type ActorIndex struct {
	Actor func(id string) (Actor, error)
	// ByName gives the actors whose folded name or alias is key (NormName).
	ByName func(key string) []string
	// ByPerson gives the persons under a transliteration key of their
	// names (names.Person): kind "G" the glued name, "L" the surname, "F"
	// the first given name.
	ByPerson func(kind, key string) []string
	// Events counts an actor's events, up to limit.
	Events func(id string, limit int) int
}

// FindActors returns the actors a name may be, most exact first: those
// whose name or alias folds to it (with titles and ranks dropped when
// nothing has it whole), else the persons it names under another
// spelling; ties go to the actor with more events.
func FindActors(ix ActorIndex, name string) []Actor {
	k := NormName(name)
	if k == "" {
		return nil
	}
	ids := ix.ByName(k)
	words := names.StripTitles(strings.Fields(k))
	stripped := strings.Join(words, " ")
	if len(ids) == 0 && stripped != k {
		ids = ix.ByName(stripped)
	}
	var out []Actor
	if len(ids) == 0 {
		out = personsNamed(ix, stripped)
	} else {
		for _, id := range ids {
			if a, err := ix.Actor(id); err == nil {
				out = append(out, a)
			}
		}
	}
	events := map[string]int{}
	for _, a := range out {
		events[a.ID] = ix.Events(a.ID, 10000)
	}
	// how exactly an actor has the name: 2 its name, 1 a name or alias
	// with the same last word as written, 0 another spelling
	last := words[len(words)-1]
	exact := func(a Actor) int {
		if n := NormName(a.Name); n == k || n == stripped {
			return 2
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if f := strings.Fields(NormName(n)); len(f) > 0 && f[len(f)-1] == last {
				return 1
			}
		}
		return 0
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ei, ej := exact(out[i]), exact(out[j]); ei != ej {
			return ei > ej
		}
		return events[out[i].ID] > events[out[j].ID]
	})
	return out
}

// personsNamed returns the persons a title-free name may be under another
// spelling (see FindActors).
func personsNamed(ix ActorIndex, name string) []Actor {
	q := names.Person(name)
	if q.Empty() {
		return nil
	}
	seen := map[string]bool{}
	var out []Actor
	try := func(kind, key string, ok func(names.Name) bool) {
		for _, id := range ix.ByPerson(kind, key) {
			if seen[id] {
				continue
			}
			seen[id] = true
			a, err := ix.Actor(id)
			if err != nil || a.Kind != Person {
				continue
			}
			for _, n := range append([]string{a.Name}, a.Aliases...) {
				if ok(names.Person(n)) {
					out = append(out, a)
					break
				}
			}
		}
	}
	compatible := func(p names.Name) bool { return names.Compatible(q, p) }
	for _, r := range q.Readings() {
		try("G", r.Glued, compatible)
		try("L", r.Surname, compatible)
	}
	if len(out) == 0 && len(q.Words) >= 2 {
		// the first words of one person's longer name: "Tesfaye Bekele"
		// for "Tesfaye Bekele Alemu"; of several such persons, none
		var lead []Actor
		for _, r := range q.Readings() {
			if r.Guarded {
				continue
			}
			for _, id := range ix.ByPerson("P", r.Glued) {
				if seen[id] || slices.ContainsFunc(lead, func(a Actor) bool { return a.ID == id }) {
					continue
				}
				if a, err := ix.Actor(id); err == nil && a.Kind == Person {
					lead = append(lead, a)
				}
			}
		}
		if len(lead) == 1 {
			out = lead
		}
	}
	if r, ok := names.Reversed(q); ok && len(out) == 0 {
		// a name of two words in the other order: the surname first, as
		// Hungarian and East Asian names are written ("Kovács Péter")
		for _, x := range r.Readings() {
			try("G", x.Glued, func(p names.Name) bool { return names.SameGlued(r, p) })
		}
	}
	if len(out) == 0 && len(q.Words) == 1 {
		// a given name alone: "Prince Faisal"
		for _, r := range q.Readings() {
			try("F", r.Surname, func(names.Name) bool { return true })
		}
	}
	return out
}

// countKeys counts the keys under prefix, up to limit.
func (r *Reader) countKeys(prefix string, limit int) int {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = []byte(prefix)
	it := r.txn.NewIterator(opt)
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid() && n < limit; it.Next() {
		if bytes.HasPrefix(it.Item().Key(), opt.Prefix) {
			n++
		}
	}
	return n
}
