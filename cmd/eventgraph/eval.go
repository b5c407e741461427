package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"eventgraph/graph"
	"eventgraph/loader"
)

// The eval command measures the extraction on annotated articles: it loads
// a folder into a fresh in-memory graph and matches the events to a gold
// file, reporting must-event recall, precision, and how often the date,
// an actor and the CAMEO root are right — the figures the project's own
// scorer reports, so that users can measure extraction on their articles
// with the repository alone.
//
// Gold format: {"articles": [{"title": str, "events": [GoldEvent]}]}
// GoldEvent: {"id", "need": "must"|"may", "phrase": str or [str] (words
// of the evidence sentence), "date": {"start", "end"} or null, "exact":
// bool (the day must be hit exactly), "actors": [names, any alias counts],
// "cameo": [accepted CAMEO roots]}.

type evalGold struct {
	Articles []struct {
		Title  string          `json:"title"`
		Events []evalGoldEvent `json:"events"`
	} `json:"articles"`
}

type evalGoldEvent struct {
	ID     string          `json:"id"`
	Need   string          `json:"need"`
	Phrase json.RawMessage `json:"phrase"`
	Date   *struct {
		Start string `json:"start"`
		End   string `json:"end"`
	} `json:"date"`
	Exact  bool     `json:"exact"`
	Actors []string `json:"actors"`
	CAMEO  []string `json:"cameo"`
}

func (g evalGoldEvent) phrases() []string {
	var one string
	if json.Unmarshal(g.Phrase, &one) == nil {
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(g.Phrase, &many)
	return many
}

// evalEvent is what the scoring reads of an extracted event.
type evalEvent struct {
	id, cameo, start, end string
	names                 map[string]bool // normalized actor names and aliases
	evidence              [][2]string     // normalized article title, sentence
}

var (
	evalDash = regexp.MustCompile(`[-‐‑–—]`)
	evalAl   = regexp.MustCompile(`\b(al|el)\s+`)
	evalWS   = regexp.MustCompile(`\s+`)
)

// evalNorm folds text for matching: NFKC, lower case, straight quotes,
// dashes as spaces, "al " glued to its name, single spaces.
func evalNorm(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
	s = evalDash.ReplaceAllString(s, " ")
	s = evalAl.ReplaceAllString(s, "al")
	return strings.TrimSpace(evalWS.ReplaceAllString(s, " "))
}

func (c *command) eval() int {
	if c.gold == "" || len(c.args) != 1 {
		fmt.Fprintf(c.stderr, "eventgraph eval: give --gold FILE and one folder (or file) of articles\n")
		return exitUsage
	}
	b, err := os.ReadFile(c.gold)
	if err != nil {
		return c.fail("%v", err)
	}
	var gold evalGold
	if err := json.Unmarshal(b, &gold); err != nil {
		return c.fail("gold %s: %v", c.gold, err)
	}
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true).WithLogger(c.log))
	if err != nil {
		return c.fail("%v", err)
	}
	defer st.Close()
	sum := loader.New(st, loader.Options{Logger: c.log}).LoadPaths(context.Background(), c.args)
	for _, e := range sum.Errors {
		fmt.Fprintf(c.stderr, "error: %v\n", e)
	}
	events, err := evalEvents(st)
	if err != nil {
		return c.fail("%v", err)
	}
	ok := c.score(gold, events)
	if !ok {
		return exitFailure
	}
	return exitOK
}

// evalEvents reads every stored event as the scoring needs it.
func evalEvents(st graph.Storage) ([]evalEvent, error) {
	var out []evalEvent
	err := st.View(func(r graph.Snapshot) error {
		titles := map[string]string{}
		return r.ForEachEvent(func(ev graph.Event) error {
			e := evalEvent{id: ev.ID, cameo: ev.CAMEO, start: ev.Date.Start, end: ev.Date.End, names: map[string]bool{}}
			for _, p := range ev.Participants {
				a, err := r.Actor(p.ActorID)
				if err != nil {
					continue
				}
				e.names[evalNorm(a.Name)] = true
				for _, x := range a.Aliases {
					e.names[evalNorm(x)] = true
				}
			}
			for _, x := range ev.Evidence {
				t, ok := titles[x.ArticleID]
				if !ok {
					if a, err := r.Article(x.ArticleID); err == nil {
						t = evalNorm(a.Title)
					}
					titles[x.ArticleID] = t
				}
				e.evidence = append(e.evidence, [2]string{t, evalNorm(x.Sentence)})
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

// score matches the events to the gold and prints the figures; it reports
// whether every --min threshold holds.
func (c *command) score(gold evalGold, events []evalEvent) bool {
	titles := map[string]bool{}
	for _, a := range gold.Articles {
		titles[evalNorm(a.Title)] = true
	}
	// only events with evidence in a gold article count toward precision
	var scoped []evalEvent
	for _, e := range events {
		for _, x := range e.evidence {
			if titles[x[0]] {
				scoped = append(scoped, e)
				break
			}
		}
	}
	used, mayMatched := map[string]bool{}, map[string]bool{}
	var must, hit, dates, actors, typed int
	var misses []string
	for _, art := range gold.Articles {
		title := evalNorm(art.Title)
		for _, g := range art.Events {
			var phrases []string
			for _, p := range g.phrases() {
				phrases = append(phrases, evalNorm(p))
			}
			var cands []evalEvent
			for _, e := range scoped {
				if evalHits(e, title, phrases) && evalOverlaps(e, g) {
					cands = append(cands, e)
				}
			}
			if g.Need == "may" {
				for _, e := range cands {
					mayMatched[e.id] = true
				}
				continue
			}
			must++
			var fresh []evalEvent
			for _, e := range cands {
				if !used[e.id] {
					fresh = append(fresh, e)
				}
			}
			if len(fresh) == 0 {
				fresh = cands
			}
			if len(fresh) == 0 {
				p := ""
				if len(phrases) > 0 {
					p = g.phrases()[0]
				}
				misses = append(misses, fmt.Sprintf("%s: %q", g.ID, p))
				continue
			}
			gnames := map[string]bool{}
			for _, n := range g.Actors {
				gnames[evalNorm(n)] = true
			}
			actorHit := func(e evalEvent) bool {
				for n := range gnames {
					if e.names[n] {
						return true
					}
				}
				return false
			}
			// the best candidate: the date right first, then an actor; the
			// first such in store order
			best, bestRank := fresh[0], -1
			for _, e := range fresh {
				rank := 0
				if evalDateOK(e, g) {
					rank += 2
				}
				if actorHit(e) {
					rank++
				}
				if rank > bestRank {
					best, bestRank = e, rank
				}
			}
			used[best.id] = true
			hit++
			if evalDateOK(best, g) {
				dates++
			} else if c.listMisses {
				misses = append(misses, fmt.Sprintf("%s: date %s..%s vs gold %s..%s", g.ID, best.start, best.end, g.Date.Start, g.Date.End))
			}
			if len(gnames) == 0 || actorHit(best) {
				actors++
			}
			cameoOK := len(g.CAMEO) == 0
			for _, root := range g.CAMEO {
				cameoOK = cameoOK || strings.HasPrefix(best.cameo, root)
			}
			if cameoOK {
				typed++
			}
		}
	}
	ratio := func(a, b int, none float64) float64 {
		if b == 0 {
			return none
		}
		return float64(a) / float64(b)
	}
	matched := 0
	for _, e := range scoped {
		if used[e.id] || mayMatched[e.id] {
			matched++
		}
	}
	recall := ratio(hit, must, 1)
	precision := ratio(matched, len(scoped), 0)
	dateAcc, actorAcc, typeAcc := ratio(dates, hit, 0), ratio(actors, hit, 0), ratio(typed, hit, 0)
	f1 := 0.0
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	if c.listMisses {
		sort.Strings(misses)
		for _, m := range misses {
			fmt.Fprintln(c.stdout, "miss", m)
		}
	}
	fmt.Fprintf(c.stdout, "events=%d scoped=%d must=%d recall=%.2f precision=%.2f f1=%.2f date=%.2f actors=%.2f cameo=%.2f\n",
		len(events), len(scoped), must, recall, precision, f1, dateAcc, actorAcc, typeAcc)
	return recall >= c.minRecall && precision >= c.minPrecision && dateAcc >= c.minDate && actorAcc >= c.minActors && typeAcc >= c.minCAMEO
}

func evalHits(e evalEvent, title string, phrases []string) bool {
	for _, x := range e.evidence {
		if x[0] != title {
			continue
		}
		for _, p := range phrases {
			if strings.Contains(x[1], p) {
				return true
			}
		}
	}
	return false
}

func evalOverlaps(e evalEvent, g evalGoldEvent) bool {
	if g.Date == nil {
		return true
	}
	return e.start != "" && e.end != "" && e.start <= g.Date.End && g.Date.Start <= e.end
}

func evalDateOK(e evalEvent, g evalGoldEvent) bool {
	if g.Date == nil {
		return true
	}
	if e.start == "" || e.end == "" {
		return false
	}
	if g.Exact {
		return e.start == g.Date.Start && e.end == g.Date.End
	}
	return g.Date.Start <= e.start && e.end <= g.Date.End
}
