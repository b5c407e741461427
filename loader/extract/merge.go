package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
)

// Phase "merge": reports of one happening within an article become one
// event (families by CAMEO root, shared participants, nearness), and the
// keys that merge events across articles.

// mergeWithinArticle folds the reports of one happening in one article into
// one event: definite nouns ("the talks") into the event they refer to,
// signings of one agreement, and a speaker's undated statements into the
// dated statement they belong to.
func (st *state) mergeWithinArticle() {
	// a headline restates the story: its events join the body's
	body := make([]*cand, 0, len(st.cands))
	var heads []*cand
	for _, c := range st.cands {
		if st.isHeadline(c.sent) {
			heads = append(heads, c)
		} else {
			body = append(body, c)
		}
	}
	for _, h := range heads {
		if t := st.sameKind(body, h); t != nil {
			absorb(t, h)
			continue
		}
		if !h.explicit && h.ev.Status != graph.Planned {
			h.ev.Date, h.inferred = st.pubSpan(), true
		}
		body = append(body, h)
	}
	slices.SortStableFunc(body, byTrig)
	st.cands = body
	kept := make([]*cand, 0, len(st.cands))
	fam := families{byType: map[string]int{}, byCAMEO: map[string]int{}}
	same := map[happeningKey][]*cand{}
	for _, c := range st.cands {
		if c.definite {
			if t := fam.last(kept, c); t != nil && kindsAgree(t, c) {
				// "the signing of the border treaty" after a protocol's
				// signing names an older agreement: no report of this one
				absorb(t, c)
			}
			continue
		}
		if c.datesBack && c.explicit {
			if t := fam.last(kept, c); t != nil && !t.explicit && st.sents[t.sent].para == st.sents[c.sent].para && c.sent-t.sent <= 2 {
				absorb(t, c)
				continue
			}
		}
		key := happeningKey{c.ev.CAMEO, c.ev.Type, c.ev.Status}
		if t := st.sameHappening(window(same[key]), c); t != nil {
			absorb(t, c)
			continue
		}
		fam.add(len(kept), c)
		kept = append(kept, c)
		same[key] = append(same[key], c)
	}
	// statements: one event per speaker and date
	out := make([]*cand, 0, len(kept))
	bySource := map[string][]*cand{} // the statements of out by source
	for _, c := range kept {
		if !isStatement(c) || c.speaker == "" && c.firstRole("source") == "" {
			if isStatement(c) {
				bySource[""] = append(bySource[""], c)
			}
			out = append(out, c)
			continue
		}
		src := c.firstRole("source")
		var home *cand
		for _, o := range window(bySource[src]) {
			if (!c.explicit || !o.explicit) || o.ev.Date.Value == c.ev.Date.Value {
				home = o
				break
			}
		}
		if home == nil {
			out = append(out, c)
			bySource[src] = append(bySource[src], c)
			continue
		}
		if c.explicit && !home.explicit {
			// the dated statement leads
			c2 := *c
			absorb(&c2, home)
			*home = c2
			continue
		}
		if home.ev.CAMEO == "010" && c.ev.CAMEO != "010" && c.ev.CAMEO != "" {
			// "condemned the attack and said …": the statement is the
			// condemnation, not a plain comment
			home.ev.CAMEO, home.ev.Type = c.ev.CAMEO, c.ev.Type
		}
		absorb(home, c)
	}
	for _, c := range out {
		st.oneCrowd(c)
	}
	st.cands = out
}

// oneCrowd keeps one of the crowds of one name among an event's
// participants: "insurgents" of the headline and "insurgents in the
// north" of the lead, placed in two countries, are one side of it (the
// first one with a country).
func (st *state) oneCrowd(c *cand) {
	keep := map[string]string{} // crowd name to the actor kept
	for _, p := range c.ev.Participants {
		a := st.actors[p.ActorID]
		if a == nil || a.Kind != graph.Group {
			continue
		}
		if k, ok := keep[a.Name]; !ok || a.Country != "" && st.actors[k].Country == "" {
			keep[a.Name] = a.ID
		}
	}
	out := c.ev.Participants[:0]
	for _, p := range c.ev.Participants {
		if a := st.actors[p.ActorID]; a != nil && a.Kind == graph.Group && keep[a.Name] != a.ID {
			continue
		}
		out = append(out, p)
	}
	c.ev.Participants = out
}

// byTrig orders events by their trigger's offset.
func byTrig(a, b *cand) int { return cmp.Compare(a.trig, b.trig) }

// byEvidenceStart orders evidence by its sentence's offset (with the same
// algorithm as sort.Slice).
func byEvidenceStart(a, b graph.Evidence) int { return cmp.Compare(a.Start, b.Start) }

func isStatement(c *cand) bool { return c.accusation || strings.HasPrefix(c.ev.CAMEO, "01") }

// violent reports whether codes a and b are both violence, unconventional
// (18) or military (19): a headline's "troops kill two Bolivians" and its
// story's "a patrol killed two herders" tell one happening.
func violent(a, b string) bool {
	ra, rb := root2(a), root2(b)
	return (ra == "18" || ra == "19") && (rb == "18" || rb == "19")
}

func root2(c string) string {
	if len(c) >= 2 {
		return c[:2]
	}
	return c
}

// families finds the last kept event of an event's family: of its type, or
// of its CAMEO code when it has one.
type families struct {
	byType, byCAMEO map[string]int // index in kept + 1 of the last one
}

// happeningKey is what two reports of one happening share (see
// sameHappening).
type happeningKey struct {
	cameo, typ string
	status     string
}

// mergeWindow is how many earlier events of the same kind (the same
// happeningKey, or statements of the same source) a later one is compared
// with. Articles hold a few of each kind, so every one is compared; in a
// text of many thousands (a concatenation, hostile input) only the last
// ones are, which keeps merging linear in the number of events.
const mergeWindow = 256

// window is the last mergeWindow events of cs.
func window(cs []*cand) []*cand {
	return cs[max(len(cs)-mergeWindow, 0):]
}

// sameHappening finds an earlier event of the article that is the same
// happening as c: the same CAMEO code on compatible dates, sharing a
// participant (signings of an agreement always are one).
func (st *state) sameHappening(kept []*cand, c *cand) *cand {
	if isStatement(c) || c.ev.CAMEO == "" && c.ev.Type == "" {
		return nil
	}
	for _, k := range kept {
		if k.ev.CAMEO != c.ev.CAMEO || k.ev.Type != c.ev.Type || k.ev.Status != c.ev.Status {
			continue
		}
		if k.ev.CAMEO == "057" && (!k.explicit || !c.explicit || k.ev.Date.Value == c.ev.Date.Value) {
			if !kindsAgree(k, c) {
				continue // a protocol's signing and a treaty's are two
			}
			return k // signings of one agreement
		}
		// a re-mention: the same kind of happening on the same day, by the
		// same actors or by actors left unnamed ("… were arrested")
		sameDay := k.ev.Date.Value != "" && k.ev.Date.Value == c.ev.Date.Value
		overlap := (k.inferred || c.inferred) && k.ev.Date.Overlaps(c.ev.Date)
		// a later undated retelling of a dated happening ("Seized from them
		// were …" after "pills were seized on Thursday")
		retold := k.explicit && !c.explicit && k.ev.CAMEO == c.ev.CAMEO && len(c.ev.Participants) == 0
		// news in the present perfect dated by the sentences after it
		// ("Rebels have freed nine herders …" then "The herders were freed
		// on Sunday"): the day of the same act within the week before
		dated := k.perfect && c.explicit && c.sent-k.sent <= 4 && daysBefore(c.ev.Date, k.ev.Date, 7)
		if !sameDay && !overlap && !retold && !dated {
			continue
		}
		if swapped(k, c) {
			continue // a measure and its answer: A expels B's diplomat, B expels A's
		}
		if st.sharesParticipant(k, c) || len(k.ev.Participants) == 0 || len(c.ev.Participants) == 0 {
			return k
		}
	}
	return nil
}

// daysBefore reports whether span a is one day at most n days before
// (or on) the single day b.
func daysBefore(a, b graph.DateSpan, n int) bool {
	if a.Precision != graph.Day || b.Precision != graph.Day {
		return false
	}
	da, err1 := time.Parse("2006-01-02", a.Start)
	db, err2 := time.Parse("2006-01-02", b.Start)
	if err1 != nil || err2 != nil || b.Start != b.End {
		return false
	}
	d := db.Sub(da)
	return d >= 0 && d <= time.Duration(n)*24*time.Hour
}

// kindsAgree reports whether two events' agreements, when both name one,
// may be one agreement by their kinds (see compatibleKinds).
func kindsAgree(a, b *cand) bool {
	return a.agree == nil || b.agree == nil || compatibleKinds(a.agree.kind, b.agree.kind)
}

// sharesParticipant reports whether two events share an actor, counting a
// country and its people as one side ("Saudi Arabia" and its foreign
// minister).
func (st *state) sharesParticipant(a, b *cand) bool {
	for _, p := range a.ev.Participants {
		for _, q := range b.ev.Participants {
			if p.ActorID == q.ActorID {
				return true
			}
			x, y := st.actors[p.ActorID], st.actors[q.ActorID]
			if x != nil && y != nil && x.Country != "" && x.Country == y.Country && (x.Kind == graph.Country || y.Kind == graph.Country) {
				return true
			}
			if x != nil && y != nil && x.Kind == graph.Group && y.Kind == graph.Group && x.Name == y.Name {
				return true // "insurgents" placed by two sentences in two countries
			}
		}
	}
	return false
}

// absorb folds c into t.
func absorb(t, c *cand) {
	t.ev.Evidence = append(t.ev.Evidence, c.ev.Evidence...)
	for _, p := range c.ev.Participants {
		t.addParticipant(p.ActorID, p.Role)
	}
	if t.ev.PlaceID == "" {
		t.ev.PlaceID = c.ev.PlaceID
	}
	if !t.explicit && c.explicit {
		t.ev.Date, t.explicit, t.inferred = c.ev.Date, true, false
	}
	if t.agree == nil {
		t.agree = c.agree
	} else if c.agree != nil {
		t.agree.merge(c.agree)
	}
	if t.speaker == "" {
		t.speaker = c.speaker
	}
}

// mergeKeys name a happening independently of the article, so that two
// articles reporting it make one event: the fall or defeat of an actor,
// the signing between the same parties, or the same participants doing
// the same thing on the same day.
func (st *state) mergeKeys(c *cand) []string {
	var keys []string
	switch c.ev.Type {
	case "fall of regime", "defeat":
		for _, p := range c.ev.Participants {
			if p.Role == "target" {
				keys = append(keys, c.ev.Type+"|"+p.ActorID)
			}
		}
	}
	if c.agree != nil && c.explicit {
		// the same countries signing on the same day
		cc := map[string]bool{}
		for _, p := range c.ev.Participants {
			if a := st.actors[p.ActorID]; a != nil && a.Country != "" {
				cc[a.Country] = true
			}
		}
		if len(cc) >= 2 {
			var codes []string
			for k := range cc {
				codes = append(codes, k)
			}
			sort.Strings(codes)
			keys = append(keys, "sign|"+c.ev.Date.Value+"|"+strings.Join(codes, ","))
		}
	}
	// other happenings are merged across articles by the store's score
	// (graph/merge.go): the same type, day and actors are not enough,
	// one police force raids two places on one day
	return keys
}

// isHeadline reports whether sentence i is the article's title line.
// Every sentence of a title line is (a title of several sentences: "X
// shuts its border. Is it for good?").
func (st *state) isHeadline(i int) bool {
	return i >= 0 && i < len(st.sents) && st.headEnd > 0 && st.sents[i].s.End <= st.headEnd
}

// sameKind finds the first body event of the headline event's CAMEO code
// (or type) that shares a participant or has none.
func (st *state) sameKind(body []*cand, h *cand) *cand {
	for _, b := range body {
		if b.ev.Type != h.ev.Type && (h.ev.CAMEO == "" || b.ev.CAMEO != h.ev.CAMEO) && !violent(b.ev.CAMEO, h.ev.CAMEO) {
			continue
		}
		if st.sharesParticipant(b, h) || len(h.ev.Participants) == 0 || len(b.ev.Participants) == 0 {
			return b
		}
	}
	return nil
}

// swapped reports whether b's source is a's target and b's target a's
// source: one side's act and the other's answer.
func swapped(a, b *cand) bool {
	has := func(c *cand, id, role string) bool {
		for _, p := range c.ev.Participants {
			if p.ActorID == id && p.Role == role {
				return true
			}
		}
		return false
	}
	st, ts := false, false
	for _, p := range a.ev.Participants {
		switch p.Role {
		case "source":
			st = st || has(b, p.ActorID, "target")
		case "target":
			ts = ts || has(b, p.ActorID, "source")
		}
	}
	return st && ts
}
