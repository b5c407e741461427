package extract

import (
	"slices"
	"sort"
	"strings"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
)

// Phase "facts": the article's candidates as graph facts, sorted so that
// the same article always gives the same bytes.

// facts assembles the article's graph facts.
func (st *state) facts() *graph.Facts {
	f := &graph.Facts{Article: st.art}
	slices.SortStableFunc(st.cands, byTrig)
	st.quantitiesFor(st.cands)
	if len(st.cands) > 0 {
		f.Events = make([]graph.Event, 0, len(st.cands))
		n := 0
		for _, c := range st.cands {
			if c.agree != nil {
				n++
			}
		}
		if n > 0 {
			f.Agreements = make([]graph.Agreement, 0, n)
		}
	}
	agreementIDs := map[*cand]string{}
	agreementAt := map[*cand]int{} // the index of its agreement in f.Agreements
	for _, c := range st.cands {
		ev := c.ev
		// the participants may lie in the candidate's own array: the
		// facts get a copy of their own (nil stays nil)
		ev.Participants = slices.Clone(ev.Participants)
		// dedupe evidence by sentence: the first of each start, in order
		evs := slices.Clone(ev.Evidence)
		slices.SortStableFunc(evs, byEvidenceStart)
		evs = slices.CompactFunc(evs, func(a, b graph.Evidence) bool { return a.Start == b.Start })
		if len(evs) == 0 {
			evs = nil
		}
		ev.Evidence = evs
		ev.Date = ev.Date.Normalized()
		ev.ID = graph.NewID("event", st.art.ID, itoa(c.trig), ev.CAMEO, ev.Type)
		ev.MergeKeys = st.mergeKeys(c)
		switch {
		case c.agreeHome != nil && agreementIDs[c.agreeHome] != "":
			ev.AgreementID = agreementIDs[c.agreeHome]
			if g := &f.Agreements[agreementAt[c.agreeHome]]; ev.CAMEO == "057" && c.explicit && !c.inferred && narrowerWithin(ev.Date, g.Date) {
				// "a 1992 accord … the accord was signed on 13 February
				// 1992": the signing told later dates the agreement
				g.Date = ev.Date
			}
		case c.agree != nil:
			g := st.agreement(c, ev)
			if len(ev.Participants) == 0 {
				// "a peace treaty was signed in 1994": the agreement's
				// parties, found around it, signed it
				for _, id := range g.Parties {
					ev.Participants = append(ev.Participants, graph.Participation{ActorID: id, Role: "participant"})
				}
			}
			ev.AgreementID = g.ID
			agreementIDs[c] = g.ID
			agreementAt[c] = len(f.Agreements)
			f.Agreements = append(f.Agreements, g)
		}
		f.Events = append(f.Events, ev)
	}
	f.Agreements = append(f.Agreements, st.cited...)
	// every actor and place the article mentions is kept (with roles and
	// aliases), in ID order so that the facts are the same from run to run
	for _, a := range st.added {
		st.res.Actors = append(st.res.Actors, *a)
	}
	f.Actors = sortedActors(st.res.Actors)
	f.Places = sortedPlaces(st.res.Places)
	return f
}

// narrowerWithin reports whether the known span d is narrower than the
// known span of and lies within it (a day of the year given before).
func narrowerWithin(d, of graph.DateSpan) bool {
	return d.Known() && of.Known() && d.Width() < of.Width() && of.Start <= d.Start && d.End <= of.End
}

// sortedActors sorts the article's actors (what st.actors points to, one
// per ID) by ID in place and returns them: the values of st.actors in key
// order, so that the facts are the same from run to run.
func sortedActors(as []graph.Actor) []graph.Actor {
	if len(as) == 0 {
		return []graph.Actor{}
	}
	slices.SortFunc(as, func(a, b graph.Actor) int { return strings.Compare(a.ID, b.ID) })
	return as
}

// sortedPlaces is sortedActors for the article's places.
func sortedPlaces(ps []graph.Place) []graph.Place {
	if len(ps) == 0 {
		return []graph.Place{}
	}
	slices.SortFunc(ps, func(a, b graph.Place) int { return strings.Compare(a.ID, b.ID) })
	return ps
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// sortedKeys lists a map's keys in order.
func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
