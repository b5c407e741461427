package graph

import (
	"slices"
	"sort"
)

// Story kin. Two outlets that tell one story tell most of its parts: the
// attack and the wounded taken to hospital, the closure and the protest
// before it, the signing and each side's statement on it. Once an article
// shares one happening with another (an event merged by key or by a
// score of at least mergeThreshold), its other events are set against
// that article's events again, and a pair that mergeScore turned down
// only because the two share too little (mergeWeak: "Wounded", "Clashes
// broke out", "Chad closed") is one happening when nothing tells the two
// apart and the story leaves no other choice:
//
//   - the same CAMEO root (an uncoded event: a shared title word), both
//     on one and the same day (a day apart is as often a date one of
//     them got wrong as another happening, and merging would lose one
//     report's day);
//   - no source of one the target of the other, and no sources of two
//     countries ("Chad demands …", "Niger demands …");
//   - a statement, appeal or other verbal act (roots 01 to 13, many a day
//     from one side) of the same code or with a shared title word, and
//     by the same person where both name one ("the minister said …",
//     "the general denied …");
//   - a score of at least kinThreshold;
//   - each event of the article and each event of the kin article taken
//     once, the best-scored pairs first;
//   - among the candidates the merger's scan read for the event (find):
//     the kin article's events of that day that its actors, place and
//     the day's first events bring.
//
// Measured on the held-out stand-ins (see the issue notes): the pairs
// this joins are mostly the secondary happenings both outlets retell.

// kinThreshold is the least score (scoreMerge) of a pair of kin articles'
// events joined by the kin pass.
const kinThreshold = 2

// maxKinSeen bounds the candidates kept for one event (a busy day of a
// large corpus).
const maxKinSeen = 64

// kinCand is a pair the kin pass may join: the article's event (its
// index in the article's events) and the stored event, with their score.
type kinCand struct {
	i     int
	c     Event
	score int
}

// seenKin records a candidate find scored for the article's event e that
// the kin pass may take (its score s and verdict v): the kin pass looks
// at no other event, so that a store that seeds only the events find
// reads (the Dgraph store's scratch store) joins the same pairs.
func (m *merger) seenKin(e, c Event, s int, v mergeVerdict) {
	if m.kinSeen == nil || v == mergeApart || s < kinThreshold || len(m.kinSeen[e.ID]) >= maxKinSeen || !kinDays(e.Date, c.Date) || !kinKind(e, c) {
		return
	}
	m.kinSeen[e.ID] = append(m.kinSeen[e.ID], c)
}

// kinArticles adds to kin the articles, other than the one being
// written, that the stored event old holds evidence of.
func (m *merger) kinArticles(kin []string, old Event) []string {
	for _, ev := range old.Evidence {
		if ev.ArticleID == "" || ev.ArticleID == m.art || slices.Contains(kin, ev.ArticleID) {
			continue
		}
		kin = append(kin, ev.ArticleID)
	}
	return kin
}

// kinPairs returns the pairs the kin pass joins: for the article's events
// evs at the indexes open (not merged otherwise), the candidates find
// scored for them (seenKin), as the transaction now holds them, that give
// evidence of a kin article and tell the same happening (see Story kin),
// each event on either side in one pair at most.
func (m *merger) kinPairs(evs []Event, open []int, kin []string) ([]kinCand, error) {
	if len(kin) == 0 || len(open) == 0 {
		return nil, nil
	}
	var cands []kinCand
	for _, i := range open {
		e := evs[i]
		for _, c := range m.kinSeen[e.ID] {
			if w, ok := m.written[c.ID]; ok {
				c = w // merged since with another report
			}
			if m.sameArticle(c) || !slices.ContainsFunc(c.Evidence, func(ev Evidence) bool { return slices.Contains(kin, ev.ArticleID) }) {
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
