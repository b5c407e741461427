package extract

import (
	"regexp"
	"sort"
	"strings"

	"eventgraph/graph"
)

// agreementCue is what the text says of an agreement: its kind, its name
// and the topics it covers.
type agreementCue struct {
	kind, name string
	rank       int // how specific the kind is: a memorandum beats "deal"
	topics     []string
	evidence   []graph.Evidence
}

// agreementKinds are the nouns that name an agreement, most specific first.
var agreementKinds = []struct {
	re   *regexp.Regexp
	kind string
}{
	{regexp.MustCompile(`(?i)\bmemorand(?:um|a) of understanding\b|\bMoUs?\b`), "memorandum of understanding"},
	{regexp.MustCompile(`(?i)\btreat(?:y|ies)\b`), "treaty"},
	{regexp.MustCompile(`(?i)\bmemorand(?:um|a)\b`), "memorandum"},
	{regexp.MustCompile(`(?i)\bceasefire agreement\b|\bceasefire deal\b`), "ceasefire agreement"},
	{regexp.MustCompile(`(?i)\bpeace (?:deal|agreement|accord)\b`), "peace agreement"},
	{regexp.MustCompile(`(?i)\baccords?\b`), "accord"},
	{regexp.MustCompile(`(?i)\bprotocols?\b`), "protocol"},
	{regexp.MustCompile(`(?i)\bconventions?\b`), "convention"},
	{regexp.MustCompile(`(?i)\bagreements?\b`), "agreement"},
	{regexp.MustCompile(`(?i)\bpacts?\b`), "pact"},
	{regexp.MustCompile(`(?i)\bdeals?\b`), "deal"},
	{regexp.MustCompile(`(?i)\bceasefire\b|\btruce\b`), "ceasefire"},
}

// topicCue introduces the enumeration of an agreement's topics.
var topicCue = regexp.MustCompile(`(?i)\b(?:related to|relating to|covering|covers|covered|includes|included|including|concerning|regarding|in the (?:fields?|areas?) of|on|to combat|to fight|to cooperate (?:in|on))\s+`)

// dateWord starts a time expression, which is no topic ("on 3 March").
var dateWord = regexp.MustCompile(`(?i)^(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|the \d)`)

// nameStop ends an agreement's name.
var nameStop = regexp.MustCompile(`(?i)\s+(?:between|with|was|were|is|that|which|who|signed|covering|including|related|in|on (?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday))\b|[,;.:“”"(]`)

// agreementCue reads the agreement named in the clause of a signing.
func (st *state) agreementCue(x *sent, h hit, cl [][2]int) *agreementCue {
	cue := &agreementCue{kind: "agreement", rank: len(agreementKinds)}
	text := x.s.Text
	for r, k := range agreementKinds {
		loc := k.re.FindStringIndex(text)
		if loc == nil {
			continue
		}
		cue.kind, cue.rank = k.kind, r
		cue.name = agreementName(text, loc[0], loc[1])
		break
	}
	cue.topics = topicsIn(text)
	cue.evidence = []graph.Evidence{{ArticleID: st.art.ID, Sentence: x.s.Text, Start: x.s.Start, End: x.s.End}}
	return cue
}

// agreementName takes the noun phrase around the agreement noun: its
// modifiers before ("joint security") and its complement after ("of
// understanding for joint security cooperation").
func agreementName(text string, a, b int) string {
	// modifiers: up to three lower- or upper-case words before, not determiners
	start := a
	words := strings.Fields(text[:a])
	n := 0
	for i := len(words) - 1; i >= 0 && n < 3; i-- {
		w := strings.Trim(words[i], "“”\"'(),")
		lw := strings.ToLower(w)
		if w != words[i] || determiners[lw] || prepositions[lw] || modals[lw] || auxBe[lw] || isNumber(lw) || irregularPast[lw] || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || lw == "and" {
			break
		}
		start = strings.LastIndex(text[:start], words[i])
		n++
	}
	end := b
	if m := nameStop.FindStringIndex(text[b:]); m != nil {
		end = b + m[0]
	} else {
		end = len(text)
	}
	if end-b > 80 {
		end = b + 80
	}
	name := strings.TrimSpace(text[start:end])
	if name == "" {
		return ""
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// topicsIn splits the enumeration after a topic cue into topics:
// "cooperation in combating drugs, border control, and money laundering"
// gives three.
func topicsIn(text string) []string {
	var loc []int
	for _, m := range topicCue.FindAllStringIndex(text, -1) {
		if !dateWord.MatchString(text[m[1]:]) {
			loc = m
			break
		}
	}
	if loc == nil {
		return nil
	}
	rest := text[loc[1]:]
	if i := strings.IndexAny(rest, ".;”\"(:"); i >= 0 {
		rest = rest[:i]
	}
	rest = strings.TrimSpace(rest)
	for _, p := range []string{"several areas including ", "a number of articles related to ", "cooperation in ", "areas such as ", "issues such as ", "matters of ", "a number of articles "} {
		if strings.HasPrefix(strings.ToLower(rest), p) {
			rest = rest[len(p):]
		}
	}
	parts := regexp.MustCompile(`\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+as well as\s+`).Split(rest, -1)
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(strings.Trim(p, " ,"))
		lp := strings.ToLower(p)
		if p == "" || len(strings.Fields(p)) > 6 || determiners[lp] || lp == "other" || strings.HasPrefix(lp, "the two") {
			continue
		}
		out = append(out, strings.ToLower(p))
	}
	if len(out) > 8 {
		out = out[:8]
	}
	return out
}

func (a *agreementCue) merge(b *agreementCue) {
	if b.rank < a.rank || a.name == "" {
		if b.name != "" {
			a.kind, a.name, a.rank = b.kind, b.name, b.rank
		}
	}
	a.topics = uniq(append(a.topics, b.topics...))
	a.evidence = append(a.evidence, b.evidence...)
}

func uniq(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// agreement builds the Agreement node of a signing event.
func (st *state) agreement(c *cand, ev graph.Event) graph.Agreement {
	g := graph.Agreement{Kind: c.agree.kind, Name: c.agree.name, Date: ev.Date, PlaceID: ev.PlaceID, EventID: ev.ID,
		Topics: c.agree.topics}
	for _, p := range ev.Participants {
		a := st.actors[p.ActorID]
		if a == nil {
			continue
		}
		if a.Kind == graph.Person {
			g.Signatories = append(g.Signatories, a.ID)
		} else {
			g.Parties = append(g.Parties, a.ID)
		}
	}
	// the signatories' countries are parties when no party is named
	if len(g.Parties) == 0 {
		for _, id := range g.Signatories {
			if a := st.actors[id]; a != nil && a.Country != "" {
				for _, o := range st.actors {
					if o.Kind == graph.Country && o.Country == a.Country {
						g.Parties = append(g.Parties, o.ID)
					}
				}
			}
		}
	}
	g.Parties = uniq(g.Parties)
	if g.Name == "" {
		g.Name = strings.ToUpper(g.Kind[:1]) + g.Kind[1:]
		var names []string
		for _, id := range g.Parties {
			if a := st.actors[id]; a != nil {
				names = append(names, a.Name)
			}
		}
		if len(names) > 0 {
			g.Name += " between " + strings.Join(names, " and ")
		}
	}
	seen := map[int]bool{}
	for _, e := range append(append([]graph.Evidence{}, ev.Evidence...), c.agree.evidence...) {
		if !seen[e.Start] {
			seen[e.Start] = true
			g.Evidence = append(g.Evidence, e)
		}
	}
	sort.Slice(g.Evidence, func(i, j int) bool { return g.Evidence[i].Start < g.Evidence[j].Start })
	parties := append([]string{}, g.Parties...)
	sort.Strings(parties)
	key := []string{g.Kind, g.Date.Value, strings.Join(parties, ",")}
	if len(parties) == 0 || !g.Date.Known() {
		key = append(key, st.art.ID, itoa(c.trig))
	}
	g.ID = graph.NewID("agreement", key...)
	return g
}

var (
	definiteAgreement = regexp.MustCompile(`(?i)\b(?:the|this) (?:agreement|memorandum|deal|pact|accord|treaty|MoU|protocol)\b`)
)

// cooperationCue reads announced cooperation ("would cooperate to combat
// narcotics") after the statement hit si: a looser kind of agreement.
func (st *state) cooperationCue(x *sent, hits []hit, si int, cl [][2]int) *agreementCue {
	for k := si + 1; k < len(hits); k++ {
		g := hits[k]
		if g.clause != hits[si].clause || g.neg {
			continue
		}
		if g.e.typ != "cooperate" {
			continue
		}
		// "would cooperate", "will cooperate", "agreed to cooperate"
		p := prevWord(x.toks, g.i)
		agreed := g.inf && p > 0 && (x.toks[p-1].lw == "agreed" || x.toks[p-1].lw == "agree" || x.toks[p-1].lw == "pledged")
		if !(g.planned && !g.inf) && !agreed {
			continue
		}
		rest := x.s.Text[x.toks[g.j-1].e:]
		if i := strings.IndexAny(rest, ".;,”\""); i >= 0 {
			rest = rest[:i]
		}
		name := "Cooperation"
		if m := topicCue.FindStringIndex(rest); m != nil && m[0] < 4 {
			name += " " + strings.TrimSpace(rest)
		}
		return &agreementCue{kind: "cooperation", rank: len(agreementKinds) + 1, name: name,
			topics:   topicsIn(rest),
			evidence: []graph.Evidence{{ArticleID: st.art.ID, Sentence: x.s.Text, Start: x.s.Start, End: x.s.End}}}
	}
	return nil
}

// agreementFollowUp adds what a later sentence says of an agreement
// already signed in the article ("The agreement included … related to
// drugs, border control …") to that agreement.
func (st *state) agreementFollowUp(x *sent, made []*cand) {
	for _, c := range made {
		if c.agree != nil {
			return
		}
	}
	if !definiteAgreement.MatchString(x.s.Text) {
		return
	}
	for i := len(st.cands) - 1; i >= 0; i-- {
		if c := st.cands[i]; c.agree != nil {
			c.agree.topics = uniq(append(c.agree.topics, topicsIn(x.s.Text)...))
			c.agree.evidence = append(c.agree.evidence, graph.Evidence{ArticleID: st.art.ID, Sentence: x.s.Text, Start: x.s.Start, End: x.s.End})
			return
		}
	}
}
