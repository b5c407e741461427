package extract

import (
	"regexp"
	"time"

	"eventgraph/loader/timex"
	"slices"
	"sort"
	"strings"
	"unicode"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
)

// agreementCue is what the text says of an agreement: its kind, its name
// and the topics it covers.
type agreementCue struct {
	kind, name string
	rank       int // how specific the kind is: a memorandum beats "deal"
	topics     []string
	evidence   []graph.Evidence
	// parties and signatories the sentences name (see agreementSides);
	// helpers gives mediators, hosts and witnesses their role
	parties, signatories []string
	helpers              map[string]string
	// collective: the sides are named only as "the warring factions",
	// "both sides"; a later sentence may name them
	collective bool
	// date is the agreement's day when unifyAgreements found a better one
	// than its first event's
	date *graph.DateSpan
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
	{regexp.MustCompile(`(?i)\bprisoners? (?:exchange|swap)s?\b|\b(?:exchange|swap) of prisoners\b|\b(?:exchang|swapp?)(?:ed|e|es|ing)\s+(?:[\w,-]+\s+){0,3}prisoners\b`), "prisoner exchange", []string{"prisoner"}},
	{regexp.MustCompile(`(?i)\bceasefire agreement\b|\bceasefire deal\b|\bcease-fire agreement\b`), "ceasefire agreement", []string{"cease"}},
	{regexp.MustCompile(`(?i)\bjoint declaration\b`), "joint declaration", []string{"joint declaration"}},
	{regexp.MustCompile(`(?i)\bdeclarations?\b`), "declaration", []string{"declaration"}},
	{regexp.MustCompile(`(?i)\bcharters?\b`), "charter", []string{"charter"}},
	{regexp.MustCompile(`(?i)\barmistice\b`), "armistice", []string{"armistice"}},
	{regexp.MustCompile(`(?i)\bpeace (?:deal|agreement|accord)\b`), "peace agreement", []string{"peace "}},
	{regexp.MustCompile(`(?i)\baccords?\b`), "accord", []string{"accord"}},
	{regexp.MustCompile(`(?i)\bprotocols?\b`), "protocol", []string{"protocol"}},
	{regexp.MustCompile(`(?i)\bconventions?\b`), "convention", []string{"convention"}},
	{regexp.MustCompile(`(?i)\bagreements?\b`), "agreement", []string{"agreement"}},
	{regexp.MustCompile(`(?i)\bpacts?\b`), "pact", []string{"pact"}},
	{regexp.MustCompile(`(?i)\bdeals?\b`), "deal", []string{"deal"}},
	{regexp.MustCompile(`(?i)\barrangements?\b`), "arrangement", []string{"arrangement"}},
	{regexp.MustCompile(`(?i)\b(?:joint )?communiqu(?:e|é)s?\b`), "joint communique", []string{"communiqu"}},
	{regexp.MustCompile(`(?i)\bcease-?fires?\b|\btruces?\b`), "ceasefire", []string{"cease", "truce"}},
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

// trailingAttribution is the attribution after a comma that closes a
// sentence: ", the United Nations said", ", officials told reporters".
var trailingAttribution = regexp.MustCompile(`,\s+[^,]{0,60}?\b(?:said|says|told|reported|added|announced|stated)\b[^,]*$`)

// nameStop ends an agreement's name.
var nameStop = regexp.MustCompile(`(?i)\s+(?:between|with|was|were|is|that|which|who|signed|covering|including|related|in|mediated|brokered|facilitated|hosted|agreed|reached|due|on (?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday))\b|[,;.:“”"(]`)

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
	st.agreementSides(x, h, cl, cue)
	return cue
}

// agreedCue reads an agreement that a trigger other than a signing makes:
// "A and B agreed to a ceasefire", "agreed to reopen the border", "the
// commissions agreed that …", "Oman brokered a prisoner exchange between A
// and B", "A released X in a prisoner swap". It returns nil for a trigger
// that makes no agreement, and for agreeing to meet (an intent to
// consult).
func (st *state) agreedCue(x *sent, hits []hit, h hit, cl [][2]int) *agreementCue {
	if h.neg || h.planned || h.inf || !h.verb {
		return nil
	}
	_, hiAbs := clauseBounds(x, h, cl)
	from := x.toks[h.j-1].e
	rest := x.s.Text[from:max(from, hiAbs-x.s.Start)]
	var kind string
	var rank int
	var name string
	switch {
	case h.e.lemma == "agree":
		for _, g := range hits {
			if g.i >= h.j && g.i-h.j <= 2 && g.inf && (strings.HasPrefix(g.e.cameo, "04") || g.e.lemma == "meet") {
				return nil
			}
		}
		lr := strings.ToLower(rest)
		if strings.HasPrefix(strings.TrimSpace(lr), "to ") || strings.HasPrefix(strings.TrimSpace(lr), "on ") || strings.HasPrefix(strings.TrimSpace(lr), "upon ") {
			if r, k, loc := objectKind(rest, 40); k != "" {
				kind, rank = k, r
				name = agreementName(rest, loc[0], loc[1])
			}
		}
		if kind == "" {
			kind, rank = "agreement", len(agreementKinds)
			obj := strings.TrimSpace(withoutDates(x, from, rest))
			if loc := trailingAttribution.FindStringIndex(obj); loc != nil {
				obj = obj[:loc[0]] // "to open two crossings, the UN said"
			}
			if len(obj) > 80 {
				obj = obj[:80]
				if i := strings.LastIndex(obj, " "); i > 0 {
					obj = obj[:i]
				}
			}
			obj = strings.TrimRight(obj, ",;:.“”\"")
			if strings.HasPrefix(obj, "to ") || strings.HasPrefix(obj, "on ") {
				name = "Agreement " + obj
			}
		}
	case sideVerbs[h.e.lemma] == roleMediator:
		r, k, loc := objectKind(rest, 40)
		if k == "" {
			return nil
		}
		kind, rank, name = k, r, agreementName(rest, loc[0], loc[1])
	case h.e.lemma == "exchange" || h.e.lemma == "swap":
		// "Russia and Ukraine exchanged 150 prisoners of war each"
		if i := strings.Index(strings.ToLower(rest), "prisoner"); i < 0 || i > 40 {
			return nil
		}
		kind, name = "prisoner exchange", "Prisoner exchange"
		for r, k := range agreementKinds {
			if k.kind == kind {
				rank = r
			}
		}
	case h.e.cameo == "084" || h.e.typ == "release persons" || h.e.lemma == "release":
		r, k, loc := objectKind(rest, 60)
		if k != "prisoner exchange" {
			return nil
		}
		kind, rank, name = k, r, agreementName(rest, loc[0], loc[1])
	default:
		return nil
	}
	cue := &agreementCue{kind: kind, rank: rank, name: name, topics: topicsIn(rest)}
	cue.evidence = []graph.Evidence{{ArticleID: st.art.ID, Sentence: x.s.Text, Start: x.s.Start, End: x.s.End}}
	st.agreementSides(x, h, cl, cue)
	if h.e.lemma != "agree" {
		// a mediator's or a releasing side's sentence: the parties are
		// the pair it names ("between A and B") and, in a swap, the
		// countries of the people exchanged
		if kind == "prisoner exchange" {
			for mi := range x.ments {
				m := &x.ments[mi]
				if a := st.actors[m.ActorID]; a != nil && m.Start > x.s.Start+x.toks[h.i].s && cue.helpers[a.ID] == "" {
					if a.Kind == graph.Person {
						if c := st.countryActor(a); c != "" {
							cue.parties = appendNew(cue.parties, c)
						}
					} else if a.Kind == graph.Country {
						cue.parties = appendNew(cue.parties, a.ID)
					}
				}
			}
		}
	}
	return cue
}

// objectKind finds the agreement noun that opens an object phrase (within
// its first n bytes): its kind's rank and name and where it stands.
func objectKind(rest string, n int) (int, string, []int) {
	window := rest
	if len(window) > n+30 {
		window = window[:n+30]
	}
	for r, k := range agreementKinds {
		loc := k.re.FindStringIndex(window)
		if loc != nil && loc[0] <= n {
			return r, k.kind, loc
		}
	}
	return 0, "", nil
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
		if w != words[i] || determiners.has(lw) || prepositions.has(lw) || modals.has(lw) || auxBe.has(lw) || isNumber(lw) || irregularPast.has(lw) || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || lw == "and" || onlyVerb(lw) {
			break // "sign border demarcation accord": the verb is no modifier
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
	end = b + newPhraseAt(text[b:end])
	if loc := nameTimeCut.FindStringIndex(text[b:end]); loc != nil {
		end = b + loc[0] // "the Kisumu Declaration on Peace on 7 March": the day is no part of the name
	}
	name := strings.TrimSpace(text[start:end])
	if name == "" {
		return ""
	}
	return upperFirst(name)
}

// nameTimeCut finds a time expression after an agreement's head noun
// ("on 7 March", "in 2019", "of 1998").
var nameTimeCut = regexp.MustCompile(`(?i)\s(?:on|in|late on|early on|last|this|earlier this)\s+(?:\d|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|week|month|year)\b)|\sof\s+\d{4}\b`)

// onlyVerb reports whether w is a form of a trigger verb of the lexicon
// and of no trigger noun ("sign", "inks", "seals").
func onlyVerb(w string) bool {
	es := lex().forms[w]
	if len(es) == 0 {
		return false
	}
	for _, e := range es {
		if e.noun {
			return false
		}
	}
	return true
}

// newPhraseAt is where a new noun phrase starts in s, the text after an
// agreement's head noun — a determiner right after a word that is not a
// preposition or a conjunction ("declaration of peace and friendship the
// two leaders signed"): a relative clause without "that" — or len(s).
func newPhraseAt(s string) int {
	prev := ""
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		w := strings.ToLower(s[i:j])
		if (w == "the" || w == "its" || w == "their" || w == "both") && prev != "" && !prepositions.has(prev) && !determiners.has(prev) && prev != "and" && prev != "or" {
			return strings.LastIndexFunc(s[:i], func(r rune) bool { return r != ' ' }) + 1
		}
		prev, i = w, j
	}
	return len(s)
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
		lp = trimArticle(lp)
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
	if c.agree.date != nil {
		g.Date = c.agree.date.Normalized()
	}
	g.Parties = append(g.Parties, c.agree.parties...)
	g.Signatories = append(g.Signatories, c.agree.signatories...)
	for _, p := range ev.Participants {
		a := st.actors[p.ActorID]
		if a == nil || c.agree.helpers[a.ID] != "" || p.Role == roleMediator || p.Role == roleHost || p.Role == roleWitness {
			continue
		}
		if len(c.agree.parties) > 0 && p.Role != "signatory" && a.Kind != graph.Person {
			continue // the sentence named the parties
		}
		if a.Kind == graph.Person {
			g.Signatories = appendNew(g.Signatories, a.ID)
		} else {
			g.Parties = appendNew(g.Parties, a.ID)
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
	// a signatory of no known country stands for his side when only one
	// side is named ("X signed a memorandum with Y, leader of a region no
	// gazetteer holds")
	if len(g.Parties) == 1 {
		for _, id := range g.Signatories {
			if a := st.actors[id]; a != nil && a.Country == "" && len(g.Parties) < 2 {
				g.Parties = append(g.Parties, id)
			}
		}
	}
	// no side named anywhere ("the pact was finalised on 3 May", "a
	// fisheries accord was signed in Dakar in 1994"): the two countries
	// the article is about, when it is about two
	if len(g.Parties) == 0 && len(st.sents) > 0 {
		// (signatories of no known country too: "On 9 July, A and B
		// signed the joint declaration")
		g.Parties = append(g.Parties, st.principalPair(st.sents[len(st.sents)-1], "country")...)
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
	key := []string{kindFamily(g.Kind), g.Date.Value, strings.Join(parties, ",")}
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
			st.followUpSides(x, c.agree)
			c.agree.topics = uniq(append(c.agree.topics, topicsIn(x.s.Text)...))
			c.agree.evidence = append(c.agree.evidence, graph.Evidence{ArticleID: st.art.ID, Sentence: x.s.Text, Start: x.s.Start, End: x.s.End})
			return
		}
	}
}

// trimArticle drops a leading article from a topic: "the border control"
// is "border control".
func trimArticle(s string) string {
	for _, a := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(s, a) && len(s) > len(a) {
			return s[len(a):]
		}
	}
	return s
}

// kindFamily groups agreement kinds that name the same sort of agreement:
// a "ceasefire" and a "ceasefire agreement", an "MoU" and a "memorandum";
// the generic nouns (agreement, deal, accord, pact) are one family.
func kindFamily(kind string) string {
	switch kind {
	case "memorandum of understanding", "memorandum":
		return "memorandum"
	case "ceasefire", "ceasefire agreement", "armistice":
		return "ceasefire"
	case "declaration", "joint declaration":
		return "declaration"
	case "protocol", "convention":
		return "protocol"
	case "treaty", "charter", "prisoner exchange", "cooperation":
		return kind
	}
	return "agreement"
}

// compatibleKinds reports whether two agreement kinds may name one
// agreement: the same family, or one of them generic.
func compatibleKinds(a, b string) bool {
	fa, fb := kindFamily(a), kindFamily(b)
	if fa == "cooperation" || fb == "cooperation" {
		return fa == fb
	}
	return fa == fb || fa == "agreement" || fb == "agreement"
}

// unifyAgreements makes one agreement of an article's reports of it (the
// lead, the signing ceremony, "the deal was brokered by …"): a report
// joins an earlier one of a compatible kind whose parties it shares (or
// when either names none) on a compatible date. The agreement keeps the
// first explicit date of its reports, and a collective subject ("the
// warring factions") takes the parties a later report names.
func (st *state) unifyAgreements() {
	var homes []*cand
	for _, c := range st.cands {
		if c.agree == nil || c.ev.Status == graph.Planned {
			continue
		}
		var home *cand
		for _, h := range homes {
			if st.sameAgreement(h, c) {
				home = h
				break
			}
		}
		if home == nil {
			homes = append(homes, c)
			if c.explicit {
				d := c.ev.Date
				c.agree.date = &d
			}
			continue
		}
		c.agreeHome = home
		home.agree.absorb(c.agree)
		if home.agree.date == nil && c.explicit {
			d := c.ev.Date
			home.agree.date = &d
		}
	}
}

// absorb folds another report of the agreement into a.
func (a *agreementCue) absorb(b *agreementCue) {
	// a specific kind beats a generic one ("the deal" after "a ceasefire")
	generic := func(k string) bool { return kindFamily(k) == "agreement" }
	if b.name != "" && (generic(a.kind) && !generic(b.kind) || generic(a.kind) == generic(b.kind) && b.rank < a.rank) {
		a.kind, a.name, a.rank = b.kind, b.name, b.rank
	}
	for _, id := range b.parties {
		a.parties = appendNew(a.parties, id)
	}
	for _, id := range b.signatories {
		a.signatories = appendNew(a.signatories, id)
	}
	a.topics = uniq(append(a.topics, b.topics...))
	a.evidence = append(a.evidence, b.evidence...)
	if a.helpers == nil {
		a.helpers = map[string]string{}
	}
	for id, r := range b.helpers {
		if _, has := a.helpers[id]; !has && !slices.Contains(a.parties, id) {
			a.helpers[id] = r
		}
	}
	a.collective = a.collective && len(a.parties) < 2
}

// sameAgreement reports whether c reports the agreement of the earlier h.
func (st *state) sameAgreement(h, c *cand) bool {
	if !compatibleKinds(h.agree.kind, c.agree.kind) {
		return false
	}
	hp, cp := h.agree.parties, c.agree.parties
	if len(hp) > 0 && len(cp) > 0 && !st.shareSide(hp, cp) {
		return false
	}
	if h.explicit && c.explicit && !h.ev.Date.Overlaps(c.ev.Date) {
		// the same specific agreement between the same sides, dated a day
		// apart by a quotation's "this morning"
		if kindFamily(h.agree.kind) == "agreement" || kindFamily(h.agree.kind) != kindFamily(c.agree.kind) || len(hp)+len(cp) == 0 || daysApart(h.ev.Date, c.ev.Date) > 1 {
			return false
		}
	}
	return true
}

// shareSide reports whether two party lists share an actor or a country.
func (st *state) shareSide(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
			p, q := st.actors[x], st.actors[y]
			if p != nil && q != nil && p.Country != "" && p.Country == q.Country {
				return true
			}
		}
	}
	return false
}

// daysApart is how many days lie between two day spans (a large number
// when either is not a day).
func daysApart(a, b graph.DateSpan) int {
	ta, err1 := time.Parse("2006-01-02", a.Start)
	tb, err2 := time.Parse("2006-01-02", b.Start)
	if err1 != nil || err2 != nil || a.Precision != graph.Day || b.Precision != graph.Day {
		return 1 << 20
	}
	d := int(ta.Sub(tb).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d
}

// effectWords before a time expression make it the day an agreement takes
// effect, starts or ends, not the day it was made: "due to take effect on
// Monday", "starting at midnight on Monday", "within three months".
var effectWords = []string{"take effect", "takes effect", "took effect", "come into force", "comes into force", "enter into force",
	"enters into force", "go into effect", "goes into effect", "starting", "start", "starts", "begin", "begins", "beginning",
	"from", "until", "till", "effective", "expire", "expires", "within", "by", "lasting", "last", "through"}

// effectDate reports whether a time expression dates an agreement's
// effect rather than its making.
func effectDate(x *sent, ex *timex.Expr) bool {
	before := strings.TrimSpace(x.low[:ex.Start])
	for _, p := range []string{" on", " at", " from"} {
		before = strings.TrimSuffix(before, p)
	}
	for _, w := range effectWords {
		if strings.HasSuffix(before, " "+w) || before == w {
			return true
		}
	}
	return false
}

// citedDate reports whether a time expression dates an older agreement the
// sentence cites: "the Alma Ata Declaration of 1991", "the 1994 treaty".
func citedDate(x *sent, ex *timex.Expr) bool {
	before := strings.TrimSpace(x.low[:ex.Start])
	if strings.HasSuffix(before, " of") {
		b := strings.TrimSpace(strings.TrimSuffix(before, " of"))
		for _, n := range agreementNouns {
			if strings.HasSuffix(b, " "+n) {
				return true
			}
		}
	}
	// the first word after the expression (lower-casing maps rune by rune
	// and keeps white space, so lower-casing that word alone is the same)
	if f := firstField(x.s.Text[ex.End:]); f != "" {
		w := strings.Trim(strings.ToLower(f), ",.;:")
		for _, n := range agreementNouns {
			if w == n {
				return true
			}
		}
	}
	return false
}

// firstField is strings.Fields(s)[0], or "" when s has no field, without
// splitting the rest of s.
func firstField(s string) string {
	start := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
	if start < 0 {
		return ""
	}
	s = s[start:]
	if end := strings.IndexFunc(s, unicode.IsSpace); end >= 0 {
		s = s[:end]
	}
	return s
}

// followUpSides adds what a later sentence about an agreement says of its
// sides: its mediators ("The UN, which brokered the deal"), and, when the
// agreement named its sides only as "the warring factions", the armed
// groups and bodies the sentence names ("The agreement comes after the GNA
// beat back the LNA").
func (st *state) followUpSides(x *sent, a *agreementCue) {
	roles := st.sideRoles(x)
	if a.helpers == nil {
		a.helpers = map[string]string{}
	}
	for _, id := range sortedKeys(roles) {
		if r := roles[id]; (r == roleMediator || r == roleWitness) && !slices.Contains(a.parties, id) {
			if _, has := a.helpers[id]; !has {
				a.helpers[id] = r
			}
		}
	}
	if !a.collective || len(a.parties) >= 2 {
		return
	}
	var groups []string
	for mi := range x.ments {
		m := &x.ments[mi]
		g := st.actors[m.ActorID]
		if g == nil || roles[g.ID] != "" || a.helpers[g.ID] != "" || (g.Kind != graph.Group && g.Kind != graph.Organization) {
			continue
		}
		groups = appendNew(groups, g.ID)
	}
	if len(groups) >= 2 {
		for _, id := range groups {
			a.parties = appendNew(a.parties, id)
		}
		a.collective = false
	}
}

// appositiveAgreement reads an agreement named in apposition to the clause
// that made it: "A and B established normal relations, an agreement that
// included …", "…, a deal brokered by Qatar".
var appositiveAgreement = regexp.MustCompile(`(?i),\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}(agreement|deal|accord|pact|treaty|truce|ceasefire|memorandum of understanding|memorandum)\s+(?:that|which|under which|brokered|mediated|signed|reached)\b`)

// appositionCue attaches to the nearest event before it the agreement a
// sentence names in apposition.
func (st *state) appositionCue(x *sent, made []*cand) {
	if strings.IndexByte(x.s.Text, ',') < 0 {
		return // the pattern opens with a comma
	}
	if !x.mayContain([]string{"agreement", "deal", "accord", "pact", "treaty", "truce", "ceasefire", "memorand"}) {
		return
	}
	loc := appositiveAgreement.FindStringSubmatchIndex(x.s.Text)
	if loc == nil {
		return
	}
	var best *cand
	for _, c := range made {
		if c.trig-x.s.Start < loc[0] && c.agree == nil && !isStatement(c) && (best == nil || c.trig > best.trig) {
			best = c
		}
	}
	if best == nil {
		return
	}
	cl := clauses(x.toks)
	for _, h := range x.hits {
		if x.s.Start+x.toks[h.i].s != best.trig {
			continue
		}
		cue := &agreementCue{kind: "agreement", rank: len(agreementKinds)}
		if r, k, _ := objectKind(x.s.Text[loc[2]:], 0); k != "" {
			cue.kind, cue.rank = k, r
		}
		cue.topics = topicsIn(x.s.Text[loc[1]:])
		cue.evidence = []graph.Evidence{{ArticleID: st.art.ID, Sentence: x.s.Text, Start: x.s.Start, End: x.s.End}}
		st.agreementSides(x, h, cl, cue)
		for _, id := range cue.parties {
			best.addParticipant(id, "participant")
		}
		best.agree = cue
		return
	}
}

// withoutDates is rest (the sentence from offset from) with its time
// expressions cut out: "on Saturday to reopen the crossing" is "to reopen
// the crossing".
func withoutDates(x *sent, from int, rest string) string {
	var b strings.Builder
	pos := 0
	for _, ex := range x.exprs {
		a, e := ex.Start-from, ex.End-from
		if a < pos || e > len(rest) {
			continue
		}
		b.WriteString(rest[pos:a])
		pos = e
	}
	b.WriteString(rest[pos:])
	out := strings.Join(strings.Fields(b.String()), " ")
	for _, p := range []string{"on ", "in ", "at "} {
		if strings.HasPrefix(out, p+"to ") {
			out = out[len(p):]
		}
	}
	return out
}

// citedAgreements finds the agreements a sentence names between two sides
// without reporting their signing: "in line with the agreement on the
// transfer of sentenced persons between A and B". Each becomes an
// agreement of its own, undated, with no signing event; a sentence that
// reports an agreement's signing or making has its agreement already.
func (st *state) citedAgreements() {
	has := map[int]bool{} // sentences with an agreement of an event
	for _, c := range st.cands {
		if c.agree != nil {
			for _, e := range c.ev.Evidence {
				has[e.Start] = true
			}
			for _, e := range c.agree.evidence {
				has[e.Start] = true
			}
		}
	}
	for _, x := range st.sents {
		if has[x.s.Start] || !strings.Contains(x.low, " between ") {
			continue
		}
		for _, k := range agreementKinds {
			if !x.mayContain(k.lits) {
				continue
			}
			loc := k.re.FindStringIndex(x.s.Text)
			if loc == nil {
				continue
			}
			// "between" within the next twelve words, no clause break before it
			rest := x.low[loc[1]:]
			bi := strings.Index(rest, " between ")
			if bi < 0 || bi > 90 || strings.ContainsAny(rest[:bi], ",;:") {
				continue
			}
			from := x.s.Start + loc[1] + bi + len(" between ")
			to := x.s.End
			if e := strings.IndexAny(x.s.Text[loc[1]+bi+len(" between "):], ",;:"); e >= 0 {
				to = from + e
			}
			var parties []string
			for mi := range x.ments {
				m := &x.ments[mi]
				a := st.actors[m.ActorID]
				if a == nil || m.Start < from || m.End > to || a.Kind == graph.Person {
					continue
				}
				parties = appendNew(parties, a.ID)
			}
			if len(parties) != 2 {
				continue
			}
			name := agreementName(x.s.Text, loc[0], loc[1])
			g := graph.Agreement{Kind: k.kind, Name: upperFirst(strings.TrimSpace(name)), Date: graph.DateSpan{Precision: graph.Unknown},
				Parties: parties, Topics: topicsIn(x.s.Text[loc[0] : loc[1]+bi]),
				Evidence: []graph.Evidence{{ArticleID: st.art.ID, Sentence: x.s.Text, Start: x.s.Start, End: x.s.End}}}
			sorted := append([]string{}, parties...)
			sort.Strings(sorted)
			g.ID = graph.NewID("agreement", kindFamily(g.Kind), strings.Join(sorted, ","), st.art.ID, itoa(x.s.Start+loc[0]))
			st.cited = append(st.cited, g)
			break
		}
	}
}
