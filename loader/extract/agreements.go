package extract

import (
	"regexp"
	"slices"
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
// lits are lower-case words of which the text holds one (in any case)
// wherever re matches: a cheap test that saves running re.
var agreementKinds = []struct {
	re   *regexp.Regexp
	kind string
	lits []string
}{
	{regexp.MustCompile(`(?i)\bmemorand(?:um|a) of understanding\b|\bMoUs?\b`), "memorandum of understanding", []string{"memorand", "mou"}},
	{regexp.MustCompile(`(?i)\btreat(?:y|ies)\b`), "treaty", []string{"treat"}},
	{regexp.MustCompile(`(?i)\bmemorand(?:um|a)\b`), "memorandum", []string{"memorand"}},
	{regexp.MustCompile(`(?i)\bceasefire agreement\b|\bceasefire deal\b`), "ceasefire agreement", []string{"ceasefire "}},
	{regexp.MustCompile(`(?i)\bpeace (?:deal|agreement|accord)\b`), "peace agreement", []string{"peace "}},
	{regexp.MustCompile(`(?i)\baccords?\b`), "accord", []string{"accord"}},
	{regexp.MustCompile(`(?i)\bprotocols?\b`), "protocol", []string{"protocol"}},
	{regexp.MustCompile(`(?i)\bconventions?\b`), "convention", []string{"convention"}},
	{regexp.MustCompile(`(?i)\bagreements?\b`), "agreement", []string{"agreement"}},
	{regexp.MustCompile(`(?i)\bpacts?\b`), "pact", []string{"pact"}},
	{regexp.MustCompile(`(?i)\bdeals?\b`), "deal", []string{"deal"}},
	{regexp.MustCompile(`(?i)\bceasefire\b|\btruce\b`), "ceasefire", []string{"ceasefire", "truce"}},
}

// mayContain reports whether the sentence may match a case-insensitive
// regular expression that needs one of the ASCII words lits (lower case):
// whether its lower-cased text holds one. Case-insensitive matching also
// folds "ſ" to "s" and the Kelvin sign to "k", so a sentence holding either
// may always match.
func (x *sent) mayContain(lits []string) bool {
	if x.folds {
		return true
	}
	for _, l := range lits {
		if strings.Contains(x.low, l) {
			return true
		}
	}
	return false
}

// mayBeDefinite reports whether the sentence may match definiteAgreement,
// which needs "the " or "this " right before one of definiteLits (in any
// case; see mayContain for the runes that fold to ASCII letters).
func (x *sent) mayBeDefinite() bool {
	if x.folds {
		return true
	}
	for _, det := range []string{"the ", "this "} {
		for i := 0; ; {
			k := strings.Index(x.low[i:], det)
			if k < 0 {
				break
			}
			rest := x.low[i+k+len(det):]
			for _, n := range definiteLits {
				if strings.HasPrefix(rest, n) {
					return true
				}
			}
			i += k + 1
		}
	}
	return false
}

// foldsToASCII reports whether s holds a rune that case-insensitive
// matching folds to an ASCII letter: "ſ" (s) or the Kelvin sign (k).
func foldsToASCII(s string) bool {
	return strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a")
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
		if !x.mayContain(k.lits) {
			continue
		}
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
		if w != words[i] || determiners.has(lw) || prepositions.has(lw) || modals.has(lw) || auxBe.has(lw) || isNumber(lw) || irregularPast.has(lw) || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || lw == "and" {
			break
		}
		start = strings.LastIndex(text[:start], words[i])
		n++
	}
	end := b
	if k := nameStopIndex(text[b:]); k >= 0 {
		end = b + k
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
	return upperFirst(name)
}

// topicSep separates the topics of an enumeration (splitTopics splits by
// it).
var topicSep = regexp.MustCompile(`\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+as well as\s+`)

// firstTopic is the first match of topicCue in text not followed by a time
// expression, or nil: the first of topicCue.FindAllStringIndex(text, -1)
// that dateWord does not match after, without finding the matches after it.
func firstTopic(text string) []int {
	for pos := 0; pos < len(text); {
		m := topicCueFrom(text, pos)
		if m == nil {
			return nil
		}
		if !dateWord.MatchString(text[m[1]:]) {
			return m
		}
		pos = m[1]
	}
	return nil
}

// topicLeads are the words dropped from the start of an enumeration.
var topicLeads = []string{"several areas including ", "a number of articles related to ", "cooperation in ",
	"areas such as ", "issues such as ", "matters of ", "a number of articles "}

// topicsIn splits the enumeration after a topic cue into topics:
// "cooperation in combating drugs, border control, and money laundering"
// gives three.
func topicsIn(text string) []string {
	loc := firstTopic(text)
	if loc == nil {
		return nil
	}
	rest := text[loc[1]:]
	if i := strings.IndexAny(rest, ".;”\"(:"); i >= 0 {
		rest = rest[:i]
	}
	rest = strings.TrimSpace(rest)
	lower := strings.ToLower(rest)
	for _, p := range topicLeads {
		if strings.HasPrefix(lower, p) {
			rest = rest[len(p):]
			lower = strings.ToLower(rest)
		}
	}
	parts := splitTopics(rest)
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(strings.Trim(p, " ,"))
		lp := strings.ToLower(p)
		if p == "" || countFields(p) > 6 || determiners.has(lp) || lp == "other" || strings.HasPrefix(lp, "the two") {
			continue
		}
		out = append(out, lp)
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
		g.Name = upperFirst(g.Kind)
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
	slices.SortFunc(g.Evidence, byEvidenceStart)
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
	// definiteLits are the nouns of which definiteAgreement needs one.
	definiteLits = []string{"agreement", "memorandum", "deal", "pact", "accord", "treaty", "mou", "protocol"}
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
		if m := topicCueFrom(rest, 0); m != nil && m[0] < 4 {
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
	if !x.mayBeDefinite() || !definiteAgreement.MatchString(x.s.Text) {
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
