package extract

import (
	"sort"
	"strings"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
)

// Phase "speaker": statements and their speakers — who said it, the
// happening it reports as an event of its own, quotes and attributions.

// reported finds the happening a statement reports: a finite material verb
// in its complement ("said it arrested"), or a material noun it announces
// ("announced the defeat of ISIS"). It returns the hit's index or -1.
func (st *state) reported(x *sent, hits []hit, used []bool, si int, cl [][2]int) int {
	h := hits[si]
	lo, hi := h.j, cl[h.clause][1]
	// "“…,” the minister said": the quotation before the verb is the complement
	if q := quoteBefore(x.toks, h.i); q >= 0 {
		lo, hi = q, h.i
	}
	for k, g := range hits {
		if k == si || used[k] || g.neg || g.prepIng || g.i < lo || g.i >= hi {
			continue
		}
		if g.verb && g.i > h.i && !g.inf && coordinatedBefore(x, g.i) {
			// "called on the rebels to disarm and promised …": a verb
			// coordinated with the statement's is the speaker's own act,
			// no complement of it
			break
		}
		if g.e.class == speech || g.e.class == light {
			continue
		}
		if g.e.class == order {
			// "said he had ordered the army to lodge a protest": the order
			// yields what it orders (case order), the statement its own
			break
		}
		if g.e.dict && g.e.cameo == "" {
			continue // "said the swap showed …": an uncoded verb reports no happening
		}
		if g.verb && !g.inf && !g.planned {
			return k
		}
		if !g.verb && (h.e.lemma == "announce" || h.e.lemma == "declare" || h.e.lemma == "confirm" || h.e.lemma == "reveal") && g.i-h.j <= 6 {
			return k
		}
	}
	// a trailing attribution: "Belgium released X, the minister said"
	if attributionAfterComma(x.toks, h.i) {
		for k := si - 1; k >= 0; k-- {
			g := hits[k]
			if !used[k] && g.verb && !g.inf && !g.planned && !g.neg && !g.prepIng && g.e.class == material {
				return k
			}
		}
	}
	return -1
}

// attributionAfterComma reports whether the speech verb at i closes its
// sentence after a comma: "…, the minister said", "…, said the minister",
// "…, the Ministry of Public Security of Ruritania said" (a speaker's name
// of any number of capitalized words, and at most three other words
// besides the, of, for, and: "ministry spokeswoman Ana Lind said").
func attributionAfterComma(toks []token, i int) bool {
	other := 0
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		t := toks[k]
		if t.w == "," {
			return true
		}
		if t.punct && t.w != "." && t.w != "'" && t.w != "’" {
			return false
		}
		if !t.punct && !t.cap && !speakerGlue.has(t.lw) {
			if other++; other > 3 {
				return false
			}
		}
	}
	return false
}

// speakerGlue are the small words inside a speaker's name or role.
var speakerGlue = set("the of for and a an s")

// quoteBefore returns the index of the token after the opening quotation
// mark when a quotation ends right before token i ("…,” X said"), else -1.
func quoteBefore(toks []token, i int) int {
	k := i - 1
	if k >= 0 && (toks[k].lw == "and" || toks[k].lw == "but") {
		// 'condemned it as "an attack" and demanded …': the quotation is
		// the first verb's
		return -1
	}
	// skip the speaker's name before the verb: “…,” Rahmoun said
	for n := 0; k >= 0 && n < 6 && !isCloseQuote(toks[k].w); n++ {
		if toks[k].punct && toks[k].w != "." && toks[k].w != "-" {
			if toks[k].w != "," {
				return -1
			}
		}
		k--
	}
	if k < 0 || !isCloseQuote(toks[k].w) {
		return -1
	}
	if toks[k].w == "\"" && (k == 0 || toks[k-1].e != toks[k].s) {
		// a straight quote that opens ("it was \"extremely concerned\""):
		// a closing one ends the word before it
		return -1
	}
	for j := k - 1; j >= 0; j-- {
		if isOpenQuote(toks[j].w) || (toks[j].w == "\"" && j < k) {
			return j + 1
		}
	}
	return 0
}

func isCloseQuote(w string) bool { return w == "”" || w == "\"" || w == "’" }

func isOpenQuote(w string) bool { return w == "“" || w == "\"" }

// speakerToCountry replaces speaker, when it is c's source only for
// being named before the speech verb ending at article offset end, by the
// speaker's country (or, when the article names none, the body the
// speaker speaks for, the organization of his title): they acted; the
// spokesman stays, as the one who reported it (role "speaker").
func (st *state) speakerToCountry(x *sent, c *cand, speaker string, end int) {
	for i, p := range c.ev.Participants {
		if p.ActorID != speaker || p.Role != "source" {
			continue
		}
		if st.mentionStart(x, speaker) >= end {
			return // named in the complement too
		}
		a := st.actors[speaker]
		if a == nil || a.Kind == graph.Country {
			return
		}
		// the body a spokesman speaks for ("police spokesman X": the
		// police), else his country
		var by []string
		if cc := st.countryActor(a); cc != "" {
			by = append(by, cc)
		} else {
			for _, r := range a.Roles {
				if r.OrgID != "" && st.actors[r.OrgID] != nil {
					by = appendNew(by, r.OrgID)
				}
			}
		}
		if len(by) > 0 {
			c.ev.Participants[i].Role = "speaker" // who reported it
			for _, id := range by {
				c.addParticipant(id, "source")
			}
		}
		return
	}
}

// speechBefore returns the article offset where the last speech verb of
// h's clause before h ends ("said", "told"), or -1.
func speechBefore(x *sent, h hit) int {
	end := -1
	for _, g := range x.hits {
		if g.i >= h.i {
			break
		}
		if g.verb && g.e.class == speech && g.clause == h.clause {
			end = x.s.Start + x.toks[g.j-1].e
		}
	}
	return end
}

// inQuote reports whether an article offset lies inside quotation marks.
func inQuote(x *sent, off int) bool {
	rel := off - x.s.Start
	if x.quotes == nil {
		x.quotes = quoteMarks(x.s.Text)
	}
	// the opening marks before rel outnumber the closing ones
	i := sort.Search(len(x.quotes), func(i int) bool { return x.quotes[i].at >= rel })
	return i > 0 && x.quotes[i-1].open > 0
}

// noQuotes is quoteMarks of a sentence without quotation marks: the
// sentinel alone (its offset past any sentence; read only).
var noQuotes = [1]quoteMark{{at: 1 << 30}}

// quoteMark is a quotation mark of a sentence: its byte offset and how many
// more opening than closing marks stand up to and including it.
type quoteMark struct{ at, open int }

// quoteMarks lists the quotation marks of s — curly ones, and straight
// ones, opening after a space or at the start, closing otherwise — with a
// final sentinel that keeps the list non-nil.
func quoteMarks(s string) []quoteMark {
	if strings.IndexByte(s, '"') < 0 && !strings.Contains(s, "“") && !strings.Contains(s, "”") {
		return noQuotes[:] // most sentences quote nothing
	}
	out := make([]quoteMark, 0, 1)
	open := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			if i == 0 || s[i-1] == ' ' || s[i-1] == '(' {
				open++
			} else if open > 0 {
				open--
			}
			out = append(out, quoteMark{i, open})
		case c == 0xE2 && strings.HasPrefix(s[i:], "“"):
			open++
			out = append(out, quoteMark{i, open})
		case c == 0xE2 && strings.HasPrefix(s[i:], "”"):
			open--
			out = append(out, quoteMark{i, open})
		}
	}
	return append(out, quoteMark{len(s) + 1, open})
}

// speakerOf finds who makes a statement: the actor before the verb, the
// actor right after it ("…,” Rahmoun said"; "said Rahmoun"), or a pronoun.
func (st *state) speakerOf(x *sent, h hit, cl [][2]int) string {
	if q := quoteBefore(x.toks, h.i); q >= 0 {
		// “…,” X said: X stands between the quotation and the verb, or after it
		var ids []string
		for mi := range x.ments {
			m := &x.ments[mi]
			rel := m.Start - x.s.Start
			if m.ActorID != "" && rel >= x.toks[max(h.i-8, 0)].s && rel < x.toks[h.i].s && !inQuote(x, m.Start) {
				ids = append(ids, m.ActorID)
			}
		}
		if ids = st.mainActors(ids); len(ids) > 0 {
			return ids[0]
		}
	}
	// "…, says military", "…, said the minister": the speaker follows the verb
	if h.i > 0 && x.toks[h.i-1].w == "," && h.j < len(x.toks) && !prepositions.has(x.toks[h.j].lw) && x.toks[h.j].lw != "that" {
		end := x.s.Start + x.toks[h.j-1].e
		for mi := range x.ments {
			m := &x.ments[mi]
			if m.ActorID != "" && m.Start >= end && m.Start-end <= 6 {
				return m.ActorID
			}
		}
		if h.j < len(x.toks) && (x.toks[h.j].lw == "the" || x.toks[h.j].lw == "a") {
			return st.implicitSubject(x, hit{i: h.j + 2, j: h.j + 2, clause: h.clause}, cl)
		}
		return ""
	}
	// "he said", "Shammari added": the word right before the verb
	if p := prevWord(x.toks, h.i); p >= 0 {
		switch x.toks[p].lw {
		case "he", "she":
			if st.lastSpeaker != "" {
				return st.lastSpeaker
			}
			return st.lastPer
		case "they", "we", "it", "i", "you":
			return "" // unresolved: no statement
		}
		off := x.s.Start + x.toks[p].s
		for mi := range x.ments {
			m := &x.ments[mi]
			if m.ActorID != "" && m.Start <= off && off < m.End {
				return m.ActorID
			}
		}
		// "his party said", "her lawyer told": someone of the person's,
		// not the person
		if pp := prevWord(x.toks, p); pp >= 0 && !x.toks[p].cap {
			switch x.toks[pp].lw {
			case "his", "her", "their":
				return ""
			}
		}
		// "officials said", "the source disclosed": an unnamed speaker
		// ("X met Y and called on …" shares X, found below)
		if t := x.toks[p]; !t.cap && !t.punct && !isNumber(t.lw) && t.lw != "and" {
			if id := st.phrasePossessor(x, p); id != "" {
				return id // "Russia's foreign ministry said": Russia spoke
			}
			return st.implicitSubject(x, h, cl)
		}
	}
	var cands []string
	for _, id := range st.actorsBefore(x, h, cl) {
		if !st.addressee(x, id) {
			cands = append(cands, id)
		}
	}
	if b := st.mainActors(cands); len(b) > 0 {
		return b[0]
	}
	end := x.s.Start + x.toks[h.j-1].e
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != "" && m.Start >= end && m.Start-end <= 3 {
			return m.ActorID
		}
	}
	if id := st.implicitSubject(x, h, cl); id != "" {
		return id
	}
	return st.homeAgent(x, h, cl) // "Police said": the country they serve
}

// addressee reports whether every mention of the actor in the sentence is
// introduced by "to" or "with" ("Speaking to Asharq Al-Awsat, the source
// said"): whom it was said to, not who said it.
func (st *state) addressee(x *sent, id string) bool {
	any := false
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != id {
			continue
		}
		any = true
		switch x.precedingWord(m.Start - x.s.Start) {
		case "to", "with", "told", "informed":
		default:
			return false
		}
	}
	return any
}

// clauseOpens reports whether a clause starts with the word w (after a
// comma).
func clauseOpens(x *sent, r [2]int, w string) bool {
	for k := r[0]; k < r[1] && k < r[0]+2; k++ {
		if x.toks[k].lw == w {
			return true
		}
	}
	return false
}

// saysBetween reports whether text between a speech verb and a date opens
// what was said: "that", a colon, a quotation or a comma.
func saysBetween(s string) bool {
	return strings.Contains(s, " that ") || strings.ContainsAny(s, ":“\",")
}

// coordinatedBefore reports whether the verb at token i is coordinated with
// what comes before it: "and" or "but" right before it (an adverb between).
func coordinatedBefore(x *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch x.toks[k].lw {
		case "and", "but":
			return true
		}
		if x.toks[k].punct || !strings.HasSuffix(x.toks[k].lw, "ly") && x.toks[k].lw != "also" {
			return false
		}
	}
	return false
}
