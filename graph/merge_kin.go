package graph

import (
	"errors"
	"slices"
	"sort"
)

// Story kin. Two outlets that tell one story tell most of its parts: the
// attack and the wounded taken to hospital, the closure and the protest
// before it, the signing and each side's statement on it. Once an article
// shares one happening with another (an event merged by key or by a
// score of at least mergeThreshold), its other events are set against
// that article's events again, and a pair that mergeScore turned down
// only because the two share too little (mergeWeak: "Wounds", "Fighting
// erupts", "Senegal shut") is one happening when nothing tells the two
// apart and the story leaves no other choice:
//
//   - the same CAMEO root (an uncoded event: a shared title word), both
//     on one and the same day (a day apart is as often a date one of
//     them got wrong as another happening, and merging would lose one
//     report's day);
//   - no source of one the target of the other, and no sources of two
//     countries ("Serbia demands …", "Kosovo demands …");
//   - a statement, appeal or other verbal act (roots 01 to 13, many a day
//     from one side) of the same code or with a shared title word, and
//     by the same person where both name one ("the minister said …",
//     "the general denied …");
//   - a score of at least kinThreshold;
//   - each event of the article and each event of the kin article taken
//     once, the best-scored pairs first.
//
// Measured on the held-out stand-ins (see the issue notes): the pairs
// this joins are mostly the secondary happenings both outlets retell.

// kinThreshold is the least score (scoreMerge) of a pair of kin articles'
// events joined by the kin pass.
const kinThreshold = 2

// maxKinArticles bounds the kin articles whose events are read for one
// article, and maxKinEvents the events read of each.
const (
	maxKinArticles = 8
	maxKinEvents   = 400
)

// kinCand is a pair the kin pass may join: the article's event (its
// index in the article's events) and the stored event, with their score.
type kinCand struct {
	i     int
	c     Event
	score int
}

// kinArticles adds to kin the articles, other than the one being
// written, that the stored event old holds evidence of.
func (m *merger) kinArticles(kin []string, old Event) []string {
	for _, ev := range old.Evidence {
		if ev.ArticleID == "" || ev.ArticleID == m.art || slices.Contains(kin, ev.ArticleID) || len(kin) >= maxKinArticles {
			continue
		}
		kin = append(kin, ev.ArticleID)
	}
	return kin
}

// eventsOfArticle returns the events, as the transaction holds them, that
// give evidence of the article art: those the transaction wrote and those
// of the snapshot, at most maxKinEvents.
func (m *merger) eventsOfArticle(art string) ([]Event, error) {
	var out []Event
	seen := map[string]bool{}
	for _, id := range m.byArt[art] {
		if e, ok := m.written[id]; ok && !seen[id] {
			seen[id] = true
			out = append(out, e)
		}
	}
	err := m.snap.ForEachEventOfArticle(art, func(e Event) error {
		if len(out) >= maxKinEvents {
			return ErrStop
		}
		if seen[e.ID] {
			return nil
		}
		seen[e.ID] = true
		if w, ok := m.written[e.ID]; ok {
			e = w
		}
		out = append(out, e)
		return nil
	})
	if err != nil && !errors.Is(err, ErrStop) {
		return nil, err
	}
	return out, nil
}

// kinPairs returns the pairs the kin pass joins: for the article's events
// evs at the indexes open (not merged otherwise), the events of the kin
// articles that tell the same happening (see Story kin), each event on
// either side in one pair at most.
func (m *merger) kinPairs(evs []Event, open []int, kin []string) ([]kinCand, error) {
	if len(kin) == 0 || len(open) == 0 {
		return nil, nil
	}
	var stored []Event
	for _, art := range kin {
		es, err := m.eventsOfArticle(art)
		if err != nil {
			return nil, err
		}
		stored = append(stored, es...)
	}
	var cands []kinCand
	for _, i := range open {
		e := evs[i]
		for _, c := range stored {
			if m.sameArticle(c) || !kinDays(e.Date, c.Date) || !kinKind(e, c) {
				continue
			}
			fe, err := m.cachedFacts(e)
			if err != nil {
				return nil, err
			}
			fc, err := m.cachedFacts(c)
			if err != nil {
				return nil, err
			}
			s, v := scoreMerge(e, c, fe, fc)
			if v == mergeApart || s < kinThreshold || !kinAgree(e, c, fe, fc) {
				continue
			}
			cands = append(cands, kinCand{i: i, c: c, score: s})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].score != cands[b].score {
			return cands[a].score > cands[b].score
		}
		if cands[a].i != cands[b].i {
			return cands[a].i < cands[b].i
		}
		return cands[a].c.ID < cands[b].c.ID
	})
	var out []kinCand
	tookE, tookC := map[int]bool{}, map[string]bool{}
	for _, k := range cands {
		if tookE[k.i] || tookC[k.c.ID] {
			continue
		}
		tookE[k.i], tookC[k.c.ID] = true, true
		out = append(out, k)
	}
	return out, nil
}

// kinDays reports whether two dates are the same single day.
func kinDays(a, b DateSpan) bool {
	return a.Known() && a.Start == a.End && b.Start == a.Start && b.End == a.Start
}

// kinKind reports whether two events are of one kind for the kin pass:
// the same CAMEO root, or an uncoded one of the same family (the title
// words decide, see kinAgree).
func kinKind(a, b Event) bool {
	if a.CAMEO != "" && b.CAMEO != "" {
		return root(a.CAMEO) == root(b.CAMEO)
	}
	return sameFamily(a, b)
}

// kinAgree reports whether nothing in the facts of two kin events tells
// them apart (see Story kin).
func kinAgree(a, b Event, fa, fb mergeFacts) bool {
	// each side acting on the other: a measure and its answer
	if sharedSet(fa.srcCountries, fb.tgtCountries) > 0 && sharedSet(fa.tgtCountries, fb.srcCountries) > 0 {
		return false
	}
	// sources that share neither an actor nor a country: each side's own
	if len(fa.sources) > 0 && len(fb.sources) > 0 && sharedSet(fa.sources, fb.sources) == 0 && sharedSet(fa.srcCountries, fb.srcCountries) == 0 {
		return false
	}
	words := sharedSet(fa.words, fb.words) + synonymous(fa, fb)
	if a.CAMEO == "" || b.CAMEO == "" {
		return words > 0
	}
	if r := root(a.CAMEO); r <= "13" {
		if a.CAMEO != b.CAMEO && words == 0 {
			return false
		}
		if len(fa.persons) > 0 && len(fb.persons) > 0 && sharedSet(fa.persons, fb.persons) == 0 {
			return false
		}
	}
	return true
}
