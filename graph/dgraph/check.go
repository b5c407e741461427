package dgraph

import (
	"errors"
	"fmt"
	"strings"

	"eventgraph/graph"
)

// maxProblems is how many problems Check lists before it stops.
const maxProblems = 20

var errTooMany = errors.New("too many problems")

// Check verifies the stored graph over one snapshot: every node decodes;
// every event's participants, place, agreement and evidence articles are
// stored, with evidence offsets inside the article's text; every
// agreement's parties, signatories, place and event are stored. It returns
// nil, or an error listing up to 20 problems.
func (s *Store) Check() error {
	var probs []string
	add := func(f string, a ...any) error {
		probs = append(probs, fmt.Sprintf(f, a...))
		if len(probs) >= maxProblems {
			return errTooMany
		}
		return nil
	}
	err := s.View(func(sn graph.Snapshot) error {
		texts := map[string]int{}
		if err := sn.ForEachArticle(func(a graph.Article) error {
			texts[a.ID] = len(a.Text)
			return nil
		}); err != nil {
			return err
		}
		has := map[string]bool{}
		stored := func(kind, id string) bool {
			k := kind + ":" + id
			if v, ok := has[k]; ok {
				return v
			}
			has[k] = sn.Has(kind, id)
			return has[k]
		}
		if err := sn.ForEachEvent(func(e graph.Event) error {
			for _, p := range e.Participants {
				if !stored("actor", p.ActorID) {
					if err := add("event %s: participant %s is not stored", e.ID, p.ActorID); err != nil {
						return err
					}
				}
			}
			if e.PlaceID != "" && !stored("place", e.PlaceID) {
				if err := add("event %s: place %s is not stored", e.ID, e.PlaceID); err != nil {
					return err
				}
			}
			if e.AgreementID != "" && !stored("agreement", e.AgreementID) {
				if err := add("event %s: agreement %s is not stored", e.ID, e.AgreementID); err != nil {
					return err
				}
			}
			for _, ev := range e.Evidence {
				n, ok := texts[ev.ArticleID]
				switch {
				case !ok:
					if err := add("event %s: evidence article %s is not stored", e.ID, ev.ArticleID); err != nil {
						return err
					}
				case ev.Start < 0 || ev.End > n || ev.Start > ev.End:
					if err := add("event %s: evidence %d..%d outside article %s (%d bytes)", e.ID, ev.Start, ev.End, ev.ArticleID, n); err != nil {
						return err
					}
				}
			}
			return nil
		}); err != nil {
			return err
		}
		return sn.ForEachAgreement(func(g graph.Agreement) error {
			for _, id := range append(append([]string{}, g.Parties...), g.Signatories...) {
				if !stored("actor", id) {
					if err := add("agreement %s: party %s is not stored", g.ID, id); err != nil {
						return err
					}
				}
			}
			if g.PlaceID != "" && !stored("place", g.PlaceID) {
				if err := add("agreement %s: place %s is not stored", g.ID, g.PlaceID); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil && !errors.Is(err, errTooMany) {
		return fmt.Errorf("check: %w", err)
	}
	if len(probs) > 0 {
		return fmt.Errorf("check: %d problems:\n  %s", len(probs), strings.Join(probs, "\n  "))
	}
	return nil
}
