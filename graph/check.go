package graph

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// maxProblems is how many inconsistencies Check lists before it stops.
const maxProblems = 20

// Check verifies the database's consistency over one snapshot: every node
// decodes and is stored under its own ID; every node has its index keys
// (articles by date, events by date, actor and place, actors by name and
// alias, agreements by date); every index key points at a stored node (and,
// for event and agreement dates, at one that still has that key); every
// event's participants, place, agreement and evidence articles exist, with
// evidence offsets inside the article's text. It returns nil, or an error
// listing up to 20 problems.
func (s *Store) Check() error {
	var probs []string
	add := func(f string, a ...any) error {
		probs = append(probs, fmt.Sprintf(f, a...))
		if len(probs) >= maxProblems {
			return errTooMany
		}
		return nil
	}
	err := s.readView(func(txn *badger.Txn) error {
		c := checker{txn: txn, add: add, texts: map[string]int{}}
		for _, step := range []func() error{c.staged, c.articles, c.events, c.eventIndexes, c.actors, c.agreements, c.places} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errTooMany) {
		return fmt.Errorf("check: %w", err)
	}
	if len(probs) > 0 {
		return fmt.Errorf("check: %d problems:\n  %s", len(probs), strings.Join(probs, "\n  "))
	}
	return nil
}

var errTooMany = errors.New("too many problems")

type checker struct {
	txn   *badger.Txn
	add   func(string, ...any) error
	texts map[string]int // article ID -> text length
}

func (c *checker) has(key string) bool {
	_, err := c.txn.Get([]byte(key))
	return err == nil
}

// nodes calls fn with the ID and value of every node under prefix.
func (c *checker) nodes(prefix string, fn func(id string, v []byte) error) error {
	opt := badger.DefaultIteratorOptions
	opt.Prefix = []byte(prefix)
	it := c.txn.NewIterator(opt)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		id := string(it.Item().Key()[len(prefix):])
		if err := it.Item().Value(func(v []byte) error { return fn(id, v) }); err != nil {
			return err
		}
	}
	return nil
}

// keys calls fn with the rest of every key under prefix.
func (c *checker) keys(prefix string, fn func(rest string, v []byte) error) error {
	opt := badger.DefaultIteratorOptions
	opt.Prefix = []byte(prefix)
	it := c.txn.NewIterator(opt)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		rest := string(it.Item().Key()[len(prefix):])
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		if err := fn(rest, v); err != nil {
			return err
		}
	}
	return nil
}

func lastField(s string) string { return s[strings.LastIndexByte(s, '|')+1:] }

// staged reports the staged writes of articles (staged.go) left
// unpublished and not undone.
func (c *checker) staged() error {
	for _, art := range stagedArticles(c.txn) {
		if err := c.add("article %s: its write in several transactions was interrupted and not undone", art); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) articles() error {
	parts := map[string]int{} // article ID -> parts of its text stored apart
	err := c.nodes(pArticle, func(id string, v []byte) error {
		var sa storedArticle
		if err := unmarshal(v, &sa); err != nil {
			return c.add("article %s: does not decode: %v", id, err)
		}
		parts[id] = sa.TextParts
		var a Article
		if err := readArticle(c.txn, v, &a); err != nil {
			return c.add("article %s: %v", id, err)
		}
		c.texts[id] = len(a.Text)
		if a.ID != id {
			return c.add("article %s: stored under another ID %s", a.ID, id)
		}
		if !c.has(pArticleOrder + orDate(a.Published) + "|" + id) {
			return c.add("article %s: no date index key", id)
		}
		return c.articleMeta(a)
	})
	if err != nil {
		return err
	}
	err = c.keys(pArticlePart, func(rest string, _ []byte) error {
		i := strings.LastIndexByte(rest, '|')
		n, err := strconv.Atoi(rest[i+1:])
		if i < 0 || err != nil || n >= parts[rest[:i]] {
			return c.add("text part %s: no article has it", rest)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = c.keys(pArticleMeta, func(id string, _ []byte) error {
		if _, ok := c.texts[id]; !ok {
			return c.add("article metadata %s: no article", id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.keys(pArticleOrder, func(rest string, _ []byte) error {
		id := lastField(rest)
		if _, ok := c.texts[id]; !ok {
			return c.add("index AO:%s: no article %s", rest, id)
		}
		return nil
	})
}

// articleMeta checks that the article's metadata key is stored and holds
// the article without its text.
func (c *checker) articleMeta(a Article) error {
	it, err := c.txn.Get([]byte(pArticleMeta + a.ID))
	if err != nil {
		return c.add("article %s: no metadata", a.ID)
	}
	var m Article
	if err := it.Value(func(v []byte) error { return decodeArticleMeta(v, &m) }); err != nil {
		return c.add("article %s: metadata does not decode: %v", a.ID, err)
	}
	a.Text = ""
	if m != a {
		return c.add("article %s: stale metadata", a.ID)
	}
	return nil
}

func (c *checker) events() error {
	return c.nodes(pEvent, func(id string, v []byte) error {
		var e Event
		if err := unmarshal(v, &e); err != nil {
			return c.add("event %s: does not decode: %v", id, err)
		}
		if e.ID != id {
			return c.add("event %s: stored under another ID %s", e.ID, id)
		}
		for _, k := range eventIndexKeys(e) {
			if !c.has(k) {
				if err := c.add("event %s: index key %s missing", id, k); err != nil {
					return err
				}
			}
		}
		if err := c.eventDoc(e, v); err != nil {
			return err
		}
		for _, p := range e.Participants {
			if !c.has(pActor + p.ActorID) {
				if err := c.add("event %s: participant %s missing", id, p.ActorID); err != nil {
					return err
				}
			}
		}
		if e.PlaceID != "" && !c.has(pPlace+e.PlaceID) {
			if err := c.add("event %s: place %s missing", id, e.PlaceID); err != nil {
				return err
			}
		}
		if e.AgreementID != "" && !c.has(pAgreement+e.AgreementID) {
			if err := c.add("event %s: agreement %s missing", id, e.AgreementID); err != nil {
				return err
			}
		}
		for _, ev := range e.Evidence {
			n, ok := c.texts[ev.ArticleID]
			switch {
			case !ok:
				if err := c.add("event %s: evidence from missing article %s", id, ev.ArticleID); err != nil {
					return err
				}
			case ev.Start < 0 || ev.Start > ev.End || ev.End > n:
				if err := c.add("event %s: evidence [%d,%d) outside article %s (%d bytes)", id, ev.Start, ev.End, ev.ArticleID, n); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// eventIndexes checks every event index key against the event it names.
func (c *checker) eventIndexes() error {
	for _, p := range []string{pEventDate, pEventActor, pEventPlace, pEventArticle, pWide} {
		err := c.keys(p, func(rest string, _ []byte) error {
			key := p + rest
			id := lastField(rest)
			var e Event
			if err := getJSON(c.txn, pEvent+id, &e); err != nil {
				return c.add("index %s: no event %s", key, id)
			}
			for _, k := range eventIndexKeys(e) {
				if k == key {
					return nil
				}
			}
			return c.add("index %s: stale, event %s is indexed elsewhere", key, id)
		})
		if err != nil {
			return err
		}
	}
	err := c.keys(pEventDoc, func(rest string, v []byte) error {
		key := pEventDoc + rest
		id := lastField(rest)
		var e Event
		if err := unmarshal(v, &e); err != nil {
			return c.add("index %s: does not decode: %v", key, err)
		}
		if e.ID != id {
			return c.add("index %s: holds event %s", key, e.ID)
		}
		var cur Event
		if err := getJSON(c.txn, pEvent+id, &cur); err != nil {
			return c.add("index %s: no event %s", key, id)
		}
		if eventDocKey(cur) != key {
			return c.add("index %s: stale, event %s is dated elsewhere", key, id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.keys(pEventMerge, func(rest string, v []byte) error {
		if !c.has(pEvent + string(v)) {
			return c.add("merge key %s: no event %s", rest, v)
		}
		return nil
	})
}

// eventDoc checks that the event's copy in date order is stored and
// identical to the event (v, its stored bytes).
func (c *checker) eventDoc(e Event, v []byte) error {
	k := eventDocKey(e)
	it, err := c.txn.Get([]byte(k))
	if err != nil {
		return c.add("event %s: copy %s missing", e.ID, k)
	}
	doc, err := it.ValueCopy(nil)
	if err != nil {
		return err
	}
	if !bytes.Equal(doc, v) {
		return c.add("event %s: copy %s differs from the event", e.ID, k)
	}
	return nil
}

func (c *checker) actors() error {
	err := c.nodes(pActor, func(id string, v []byte) error {
		var a Actor
		if err := unmarshal(v, &a); err != nil {
			return c.add("actor %s: does not decode: %v", id, err)
		}
		if a.ID != id {
			return c.add("actor %s: stored under another ID %s", a.ID, id)
		}
		for _, k := range actorIndexKeys(a) {
			if !c.has(k) {
				return c.add("actor %s (%s): no index key %s", id, a.Name, k)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range []string{pActorName, pActorAlias, pActorSurname, pActorGlued, pActorGiven, pActorLead} {
		err := c.keys(p, func(rest string, _ []byte) error {
			if id := lastField(rest); !c.has(pActor + id) {
				return c.add("index %s%s: no actor %s", p, rest, id)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) agreements() error {
	err := c.nodes(pAgreement, func(id string, v []byte) error {
		var g Agreement
		if err := unmarshal(v, &g); err != nil {
			return c.add("agreement %s: does not decode: %v", id, err)
		}
		if !c.has(pAgreeDate + orDate(g.Date.Start) + "|" + id) {
			return c.add("agreement %s: no date index key", id)
		}
		if g.EventID != "" && !c.has(pEvent+g.EventID) {
			return c.add("agreement %s: signing event %s missing", id, g.EventID)
		}
		for _, a := range append(append([]string{}, g.Parties...), g.Signatories...) {
			if !c.has(pActor + a) {
				return c.add("agreement %s: party %s missing", id, a)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.keys(pAgreeDate, func(rest string, v []byte) error {
		id := lastField(rest)
		var g Agreement
		if err := getJSON(c.txn, pAgreement+id, &g); err != nil {
			return c.add("index GD:%s: no agreement %s", rest, id)
		}
		if orDate(g.Date.Start)+"|"+id != rest {
			return c.add("index GD:%s: stale, agreement %s is dated %s", rest, id, g.Date.Start)
		}
		// a value, when there is one, is the last day (agreeDateValue)
		if len(v) > 0 && string(v) != string(agreeDateValue(g)) {
			return c.add("index GD:%s: says it ends %s, agreement %s ends %s", rest, v, id, g.Date.End)
		}
		return nil
	})
}

func (c *checker) places() error {
	return c.nodes(pPlace, func(id string, v []byte) error {
		var p Place
		if err := unmarshal(v, &p); err != nil {
			return c.add("place %s: does not decode: %v", id, err)
		}
		if p.ID != id {
			return c.add("place %s: stored under another ID %s", p.ID, id)
		}
		return nil
	})
}
