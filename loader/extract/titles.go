package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"eventgraph/loader/gazetteer"
)

// maxTitle is the longest event title, in bytes.
const maxTitle = 90

// Title rules: every event gets a headline built like a news headline
// from who acts, the verb and its object — "Iraq inaugurates 160-km
// concrete wall on Syrian border" — never a clipped sentence:
//
//   - the subject is the event's first source actor, else its
//     participants ("Iraq and Syria"), else the words before the verb when
//     they are a short noun phrase ("Police", "Insurgents");
//   - the verb is put in the headline present ("inaugurated" →
//     "inaugurates", plural subjects take the base form); a planned event
//     takes "to" ("Erdogan to visit Baghdad"); a passive keeps its
//     participle ("Five smugglers arrested in Basra");
//   - the object is the rest of the clause up to a comma, a relative or
//     subordinate word, or a speech verb; dates, articles and adverbs are
//     left out, and it is cut at a word and never ends on a function word;
//   - a noun event is "Subject: noun phrase" ("Syria: overthrow of
//     president by rebel forces").
var (
	titleStops = set("that which who whom whose while as after before when amid following despite because since until unless although though whereas according said says saying told adding noting where")
	titleDrop  = set("the a an also reportedly officially formally finally jointly already recently previously subsequently initially now just still then")
	// titleTrail are words a title never ends on ("late" and "early" are what
	// a time expression cut out of the title leaves: "late on Wednesday")
	titleTrail = set("of to in on at for with by from into onto and or but the a an its their his her our this that these those as over under between against about than amid via during late early has have had is are was were be been will would can could should may might must confirming claiming stating announcing warning insisting arguing suggesting indicating showing")
	plurals    = set("police people forces troops authorities officials militants rebels insurgents protesters fighters soldiers residents smugglers gunmen")
)

// headline builds the title of an event made from hit h in clause cl of x.
func (st *state) headline(x *sent, h hit, cl [][2]int, c *cand) string {
	subj, plural := st.titleSubject(x, h, cl, c)
	passive := h.verb && (isPassive(x.toks, h.i) || participleRelative(x.toks, h.i))
	if passive {
		// "five smugglers were arrested by police": the target leads
		if t := st.roleNames(c, "target"); t != "" {
			subj, plural = t, strings.Contains(t, " and ")
		} else if w, pl := passiveSubjectWords(x, h, cl); w != "" {
			subj, plural = w, pl
		} else if src := st.roleNames(c, "source"); src != "" && (h.e.class == speech || strings.HasPrefix(h.e.cameo, "01")) {
			// "the US said it was deeply concerned": the speaker is
			// ("United States concerned")
			subj, plural = src, strings.Contains(src, " and ")
		} else if src != "" {
			// "Its crew was evacuated by a French warship": with no
			// subject to lead, the agent does, in the active voice
			if o := passiveSubject(x, h, cl); o != "" {
				verb := headlineVerb(x, h, strings.Contains(src, " and "), false)
				return upperFirst(fitTitle(src + " " + verb + " " + o))
			}
		}
	}
	if h.verb && strings.HasPrefix(h.e.lemma, "come under ") {
		// "a patrol came under fire from gunmen": the one fired at leads
		if t := st.roleNames(c, "target"); t != "" {
			subj, plural = t, strings.Contains(t, " and ")
		}
	}
	obj := titleObject(x, h, cl, !h.verb)
	if subj != "" && h.verb && (" "+obj+" ") != "  " && strings.Contains(" "+obj+" ", " "+subj+" ") {
		// "signed a pact with Ecuador": the partner is no subject
		subj, plural = subjectWords(x, h, cl)
	}
	var b strings.Builder
	b.Grow(len(subj) + len(obj) + 40) // one allocation for the whole title
	switch {
	case !h.verb:
		from := h.i
		if h.numbered {
			from = prevWord(x.toks, h.i) // "4th meeting of …"
		}
		phrase := strings.TrimSpace(x.s.Text[x.toks[from].s:x.toks[h.j-1].e])
		if obj != "" {
			phrase += " " + obj
		}
		if subj != "" {
			b.WriteString(subj)
			b.WriteString(": ")
		}
		b.WriteString(phrase)
	default:
		verb := headlineVerb(x, h, plural, passive)
		if subj != "" {
			b.WriteString(subj)
			b.WriteByte(' ')
		}
		b.WriteString(verb)
		if obj != "" {
			b.WriteByte(' ')
			b.WriteString(obj)
		}
	}
	return upperFirst(fitTitle(b.String()))
}

// titleSubject is who leads the headline, and whether it is plural.
func (st *state) titleSubject(x *sent, h hit, cl [][2]int, c *cand) (string, bool) {
	if c.agentSubj && h.verb {
		// "Police fire tear gas", not "Nigeria fires tear gas"
		if s, pl := subjectWords(x, h, cl); s != "" {
			return s, pl
		}
	}
	if s := st.roleNames(c, "source"); s != "" {
		return s, pluralName(s)
	}
	if !h.verb {
		if s := st.roleNames(c, "participant"); s != "" {
			return s, pluralName(s)
		}
		if s := st.roleNames(c, "signatory"); s != "" {
			return s, pluralName(s)
		}
		return "", false
	}
	if s := st.roleNames(c, "signatory"); s != "" {
		return s, pluralName(s)
	}
	if s := st.roleNames(c, "participant"); s != "" && (h.e.cameo == "040" || h.e.cameo == "057") {
		return s, pluralName(s)
	}
	return subjectWords(x, h, cl)
}

// pluralName reports whether a subject of names takes a plural verb:
// two joined ("Iraq and Syria") or a plural head ("Kenyan Police").
func pluralName(s string) bool {
	if strings.Contains(s, " and ") {
		return true
	}
	last := strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])
	if plurals.has(last) {
		return true
	}
	// a group named in the plural ("Houthis", "Rapid Support Forces"),
	// not a country or body whose name ends in s ("United States")
	return len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !strings.HasSuffix(last, "us") &&
		!singularNames.has(last) && !isCountryName(s)
}

// singularNames are last words of names in the plural that take a
// singular verb.
var singularNames = set("nations states emirates philippines netherlands bahamas comoros seychelles maldives news affairs times analytics")

// roleNames joins the names of up to two participants with role: "Iraq",
// "Iraq and Syria".
func (st *state) roleNames(c *cand, role string) string {
	var names []string
	for _, p := range c.ev.Participants {
		if p.Role != role {
			continue
		}
		if a := st.actors[p.ActorID]; a != nil && a.Name != "" {
			names = append(names, a.Name)
		}
		if len(names) == 2 {
			break
		}
	}
	return strings.Join(names, " and ")
}

// subjectWords are the words of the clause before the verb when they make
// a short noun phrase ("Police", "The cabinet", "Syrian authorities"),
// without a leading article; plural tells whether the verb agrees with a
// plural.
func subjectWords(x *sent, h hit, cl [][2]int) (string, bool) {
	if w, pl := nounPhraseBefore(x, h, cl, false); w != "" {
		return w, pl
	}
	// "Gunmen who arrived by boat attacked a station": the subject stands
	// before its relative clause
	for k := h.i - 1; k > cl[h.clause][0] && k > h.i-10; k-- {
		if lw := x.toks[k].lw; x.toks[k].punct || lw == "who" || lw == "which" {
			if !x.toks[k].punct {
				g := h
				g.i = k
				return nounPhraseBefore(x, g, cl, false)
			}
			break
		}
	}
	if h.clause == 0 {
		return "", false
	}
	// "The army, which had blocked the road, withdrew": the subject
	// stands before the relative clause
	r := cl[h.clause]
	k := r[0]
	if x.toks[k].w == "," && k+1 < h.i {
		k++
	}
	if lw := x.toks[k].lw; (lw == "who" || lw == "which") && commaBetween(x, k+1, h.i) {
		g := h
		g.clause, g.i = h.clause-1, cl[h.clause-1][1]
		return nounPhraseBefore(x, g, cl, false)
	}
	return "", false
}

// spacedDash reports whether t, a "-", stands between spaces: a dash
// ("LAGOS (TW) - Police fired"), not a hyphen in a compound.
func spacedDash(x *sent, t token) bool {
	return t.s > 0 && t.e < len(x.s.Text) && x.s.Text[t.s-1] == ' ' && x.s.Text[t.e] == ' '
}

// passiveSubjectWords is subjectWords for a passive verb, whose subject
// undergoes it and need not be able to act ("The convoy was attacked").
func passiveSubjectWords(x *sent, h hit, cl [][2]int) (string, bool) {
	return nounPhraseBefore(x, h, cl, true)
}

// nounPhraseBefore is the short noun phrase before the verb (see
// subjectWords); anyNoun takes any noun, not only one that can act.
func nounPhraseBefore(x *sent, h hit, cl [][2]int, anyNoun bool) (string, bool) {
	r := cl[h.clause]
	to := h.i
	// auxiliaries and adverbs between subject and verb stay out
	for to > r[0] && (auxBe.has(x.toks[to-1].lw) || modals.has(x.toks[to-1].lw) || adverbs.has(x.toks[to-1].lw) || negations.has(x.toks[to-1].lw) ||
		isQuoteMark(x.toks[to-1].w) || strings.HasSuffix(x.toks[to-1].lw, "ly") && len(x.toks[to-1].lw) > 4 || inExpr(x, to-1)) {
		to--
		if to > r[0] && inExpr(x, to) && !inExpr(x, to-1) && prepositions.has(x.toks[to-1].lw) {
			to-- // and the preposition of a date: "a court in Lima on Sunday ordered"
		}
	}
	// "masked men in police uniforms stormed": the head noun phrase
	// before a short prepositional phrase
	if k := to - 1; k > r[0]+1 && !x.toks[k].cap {
		for q := k - 1; q > r[0] && q >= k-3; q-- {
			if lw := x.toks[q].lw; lw == "in" || lw == "with" || lw == "from" {
				if p := x.toks[q-1]; !p.punct && !p.cap && !determiners.has(p.lw) && !prepositions.has(p.lw) && (plurals.has(p.lw) || lex().agents[p.lw] != "" || strings.HasSuffix(p.lw, "men")) {
					to = q
				}
				break
			}
			if x.toks[q].punct || determiners.has(x.toks[q].lw) && q != k-1 && q != k-2 {
				break
			}
		}
	}
	// the noun phrase right before: back to a word that cannot be in one
	from := to
	hedge := false // "at least 12 militants": the count without its hedge
	for from > r[0] && to-from < 4 {
		t := x.toks[from-1]
		if (t.lw == "least" || t.lw == "most") && from-2 >= r[0] && x.toks[from-2].lw == "at" {
			hedge = true
			break
		}
		if t.punct && (t.w != "-" || spacedDash(x, t)) || prepositions.has(t.lw) || pronouns.has(t.lw) || subordinator.has(t.lw) || titleStops.has(t.lw) || determiners.has(t.lw) || t.lw == "and" || t.lw == "or" {
			break
		}
		from--
	}
	if from == to || !hedge && from > r[0] && !x.toks[from-1].punct && !determiners.has(x.toks[from-1].lw) && !prepositions.has(x.toks[from-1].lw) && !subordinator.has(x.toks[from-1].lw) && !titleStops.has(x.toks[from-1].lw) {
		return "", false // longer than a short noun phrase
	}
	if isNumber(x.toks[to-1].lw) || strings.HasSuffix(x.toks[to-1].lw, "ed") {
		return "", false
	}
	last := x.toks[to-1].lw
	// "Armed men", "masked men": people the text does not name act
	unnamed := to-2 >= from && unnamedPeople.has(last) && unnamedArmed.has(x.toks[to-2].lw)
	if !anyNoun && !unnamed && !x.toks[to-1].cap && lex().agents[last] == "" && !plurals.has(last) && !forceNouns.has(last) && !(strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")) {
		return "", false // not a noun that can act: "include", "also"
	}
	w := strings.TrimSpace(x.s.Text[x.toks[from].s:x.toks[to-1].e])
	// capitalized only as the sentence's first word, a plural noun is one:
	// "Farmers staged a sit-in"
	pl := plurals.has(last) || strings.HasSuffix(last, "men") || last == "people" || strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && (!x.toks[to-1].cap || to-1 == 0 && !mentioned(x, to-1))
	return upperFirst(w), pl
}

// forceNouns are the weapons and blasts that lead a violent happening's
// headline when no actor does: "Car bomb kills five people in Mogadishu".
var forceNouns = set("bomb blast explosion airstrike strike drone missile rocket shell mine landmine ied grenade attack fire fighting violence shelling bombing")

// mentioned reports whether token k lies in a mention (a name, a place):
// "Brussels", "Athens" are no plurals.
func mentioned(x *sent, k int) bool { return mentionAt(x, x.s.Start+x.toks[k].s) != nil }

// headlineVerb puts the trigger in the headline present: "inaugurates",
// "hand over" after a plural, "to visit" when planned, the participle of
// a passive.
func headlineVerb(x *sent, h hit, plural, passive bool) string {
	words := x.s.Text[x.toks[h.i].s:x.toks[h.j-1].e]
	if passive {
		return words
	}
	lemma := h.e.lemma
	if h.e.noun || lemma == "" {
		return words
	}
	head, tail := lemma, ""
	if i := strings.IndexByte(lemma, ' '); i > 0 {
		head, tail = lemma[:i], lemma[i:]
	}
	if h.j-h.i != strings.Count(lemma, " ")+1 {
		// the text's words differ from the lemma's ("reached an agreement")
		tail = x.s.Text[x.toks[h.i].e:x.toks[h.j-1].e]
	}
	switch {
	case h.threat && plural:
		return "threaten to " + head + tail
	case h.threat:
		return "threatens to " + head + tail
	case h.planned:
		return "to " + head + tail
	case plural:
		return head + tail
	}
	return sForm(head) + tail
}

// titleObject is what follows the trigger in its clause, headline style.
// After a noun only a prepositional phrase counts ("overthrow of the
// president"), up to the next verb ("meeting held …" stops at "held").
func titleObject(x *sent, h hit, cl [][2]int, noun bool) string {
	if noun && (h.j >= len(x.toks) || !prepositions.has(x.toks[h.j].lw)) {
		return ""
	}
	r := cl[h.clause]
	end := max(r[1], h.j)
	parts := make([]string, 0, 16) // at most 14 words; on the stack
	for k := h.j; k < end && len(parts) < 14; k++ {
		t := x.toks[k]
		if t.punct && t.w != "-" && t.w != "'" && t.w != "’" && t.w != "%" && t.w != "$" && t.w != "€" && t.w != "£" {
			break
		}
		if titleStops.has(t.lw) || k > h.j && (subordinator.has(t.lw) && t.lw != "that") {
			break
		}
		if t.lw == "that" && k == h.j {
			break
		}
		if t.lw == "at" && timeOfDay(x.toks, k+1) {
			break // "entered the waters at about 11 p.m.": no time in a headline
		}
		if (t.lw == "and" || t.lw == "but") && (verbHitWithin(x, k+1, k+5) || k+1 < end && (clauseAfterAnd.has(x.toks[k+1].lw) || strings.HasSuffix(x.toks[k+1].lw, "ing") && !x.toks[k+1].cap)) {
			break // "visited La Paz and signed …": the next event's verb; "… and that …"
		}
		if inExpr(x, k) {
			// "on Sunday", "in 2019": a preposition before a date goes too,
			// but not before a year that modifies a noun ("over the 2010
			// Kampala bombings")
			if k > 0 && determiners.has(x.toks[k-1].lw) {
				continue
			}
			if n := len(parts); n > 0 && prepositions.hasLower(parts[n-1]) {
				parts = parts[:n-1]
			}
			continue
		}
		if noun && (auxBe.has(t.lw) || modals.has(t.lw) || k > h.j+1 && (strings.HasSuffix(t.lw, "ed") || irregularPast.has(t.lw)) && !determiners.has(x.toks[k-1].lw)) {
			break
		}
		if !noun && k > h.j+1 && !t.cap && (strings.HasSuffix(t.lw, "ed") || irregularPast.has(t.lw)) && len(t.lw) > 3 &&
			(k+1 >= len(x.toks) || prepositions.has(x.toks[k+1].lw) && x.toks[k+1].lw != "by" || x.toks[k+1].punct) {
			// "initials draft of protocol agreed in April": a participle after
			// its noun starts a clause of its own
			if p := x.toks[k-1]; !p.punct && !p.cap && !determiners.has(p.lw) && !auxBe.has(p.lw) && !adverbs.has(p.lw) && !prepositions.has(p.lw) &&
				p.lw != "and" && p.lw != "or" && p.lw != "has" && p.lw != "have" && p.lw != "had" && !isNumber(p.lw) {
				break
			}
		}
		if titleDrop.has(t.lw) {
			continue
		}
		w := x.s.Text[t.s:t.e]
		if w == "$" || w == "€" || w == "£" {
			parts = append(parts, w) // joined to the number below
			continue
		}
		if t.punct || (len(parts) > 0 && (w == "'s" || w == "’s")) {
			if n := len(parts); n > 0 {
				parts[n-1] += w
				continue
			}
		}
		if n := len(parts); n > 0 && (parts[n-1] == "$" || parts[n-1] == "€" || parts[n-1] == "£") {
			parts[n-1] += w // "$500"
			continue
		}
		parts = append(parts, w)
	}
	return strings.Join(trimTrail(parts), " ")
}

// clockWords follow the number of a time of day: "11 p.m.", "0600 GMT",
// "5:10", "14.30 hours".
var clockWords = set("p a pm am hours hrs gmt utc local : .")

// timeOfDay reports whether the tokens from k tell a time of day: an
// optional "about", "around" or "approximately", then a number and a word
// of clockWords.
func timeOfDay(toks []token, k int) bool {
	if k < len(toks) && (toks[k].lw == "about" || toks[k].lw == "around" || toks[k].lw == "approximately") {
		k++
	}
	return k+1 < len(toks) && isNumber(toks[k].lw) && clockWords.has(toks[k+1].lw)
}

// trimTrail drops function words and hyphens from the end of a title's
// words.
func trimTrail(parts []string) []string {
	for len(parts) > 0 {
		w := parts[len(parts)-1]
		if titleTrail.hasLower(w) || w == "-" || w == "'s" || w == "'S" {
			parts = parts[:len(parts)-1]
			continue
		}
		break
	}
	return parts
}

// fitTitle cuts a title to maxTitle bytes at a word, never ending on a
// function word.
func fitTitle(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if len(s) <= maxTitle {
		return strings.TrimRight(s, " ,;:")
	}
	parts := strings.Fields(s)
	n := 0
	keep := parts[:0:0]
	for _, p := range parts {
		if n+len(p)+len(keep) > maxTitle {
			break
		}
		keep = append(keep, p)
		n += len(p)
	}
	// a name cut in two ("… mediated by United Arab") goes whole, with the
	// words that lead to it back to a preposition ("in deal mediated by")
	if len(keep) < len(parts) && isCapWord(parts[len(keep)]) && len(keep) > 0 && isCapWord(keep[len(keep)-1]) {
		k := len(keep)
		for k > 0 && isCapWord(keep[k-1]) {
			k--
		}
		for j := max(k-4, len(keep)/2+1); j < k; j++ {
			if titlePreps.has(strings.ToLower(keep[j])) {
				k = j // the phrase's first preposition: "in deal mediated by"
				break
			}
		}
		if k > len(keep)/2 {
			keep = keep[:k]
		}
	} else if len(keep) < len(parts) && len(keep) > 0 && modifierOnly(keep[len(keep)-1]) {
		// a noun phrase cut after its modifier ("… during night patrol
		// in northern" before "waters of X") goes whole, back to its
		// preposition
		for j := len(keep) - 1; j > len(keep)/2; j-- {
			if titlePreps.has(strings.ToLower(keep[j])) {
				keep = keep[:j]
				break
			}
		}
	}
	return strings.TrimRight(strings.Join(trimTrail(keep), " "), " ,;:")
}

// modifierOnly reports whether a title word only modifies a noun after it
// (a compass adjective, "central", "new"): a title cut after it is cut
// inside a noun phrase.
func modifierOnly(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ",;:"))
	return strings.HasSuffix(w, "ern") && len(w) > 5 || nounModifiers.has(w)
}

// nounModifiers are adjectives that cannot end a noun phrase.
var nounModifiers = set("central upper lower new former main local national regional provincial federal joint rural urban remote disputed")

// titlePreps are the prepositions a clipped title may end before.
var titlePreps = set("in at on by with from to of for near after during")

// isCapWord reports whether a title word starts with a capital letter.
func isCapWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// singleSpaced reports whether strings.Join(strings.Fields(s), " ") is s
// itself: no white space but single spaces between words (most titles
// are built so, and fitTitle then allocates nothing).
func singleSpaced(s string) bool {
	space := true // at the start, as after a space
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' {
				if space {
					return false
				}
				space = true
				continue
			}
			if c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				return false
			}
			space = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += n
		space = false
	}
	return !space || s == ""
}

// verbHitWithin reports whether a verb trigger of x starts at a token in
// [from, to).
func verbHitWithin(x *sent, from, to int) bool {
	for _, h := range x.hits {
		if h.verb && h.i >= from && h.i < to {
			return true
		}
	}
	return false
}

// passiveSubject is the noun phrase before a passive verb's auxiliary,
// without its determiner or possessive ("its crew of 25" is "crew of
// 25"), at most five words; "" when there is none.
func passiveSubject(x *sent, h hit, cl [][2]int) string {
	r := cl[h.clause]
	to := h.i
	for to > r[0] && (auxBe.has(x.toks[to-1].lw) || modals.has(x.toks[to-1].lw) || adverbs.has(x.toks[to-1].lw)) {
		to--
	}
	from := to
	for from > r[0] && to-from < 5 {
		t := x.toks[from-1]
		if t.punct || subordinator.has(t.lw) || titleStops.has(t.lw) || t.lw == "and" || t.lw == "or" {
			break
		}
		from--
	}
	for from < to && (determiners.has(x.toks[from].lw) || pronouns.has(x.toks[from].lw)) {
		from++
	}
	if from >= to || from > r[0] && !x.toks[from-1].punct && !determiners.has(x.toks[from-1].lw) {
		return ""
	}
	return strings.TrimSpace(x.s.Text[x.toks[from].s:x.toks[to-1].e])
}

// title makes a readable title: a statement's speaker, verb and words
// (statementTitle), else a headline of actor, verb and object (headline).
func (st *state) title(x *sent, h hit, cl [][2]int, c *cand) string {
	if h.e.class == speech {
		if t := st.statementTitle(x, h, c); t != "" {
			return upperFirst(fitTitle(t))
		}
	}
	return st.headline(x, h, cl, c)
}

func (c *cand) firstRole(role string) string {
	for _, p := range c.ev.Participants {
		if p.Role == role {
			return p.ActorID
		}
	}
	return ""
}

// upperFirst is strings.ToUpper(s[:1]) + s[1:] for a non-empty s: the
// first byte upper-cased.
func upperFirst(s string) string {
	if c := s[0]; c < utf8.RuneSelf {
		if 'a' <= c && c <= 'z' {
			return string(c-'a'+'A') + s[1:]
		}
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sayVerbs are the verbs whose -ing form a statement's headline tells as
// "says" ("Speaking at …, X said"); others keep their own verb ("a warrant
// accusing him" → "accuses").
var sayVerbs = set("say speak tell add note state explain")

// statementTitle is "Speaker verb what": the quotation before the verb
// ("“…,” X said") or the words after it.
func (st *state) statementTitle(x *sent, h hit, c *cand) string {
	if isPassive(x.toks, h.i) {
		return "" // "it was deeply concerned": a headline, "X concerned"
	}
	name := ""
	if src := c.firstRole("source"); src != "" {
		if a := st.actors[src]; a != nil {
			name = a.Name
		}
	}
	var what string
	verb := headlineVerb(x, h, strings.Contains(name, " and "), false)
	if strings.HasSuffix(strings.ToLower(x.toks[h.i].lw), "ing") && sayVerbs.has(h.e.lemma) {
		verb = "says" // "Speaking at …, X said"
	}
	if q := quoteBefore(x.toks, h.i); q >= 0 && q < h.i {
		end := q
		for end < h.i && !isCloseQuote(x.toks[end].w) {
			end++
		}
		if end > q {
			// the quotation, cut at a word to fit the title with its marks
			budget := maxTitle - len(name) - len(verb) - len("  “”")
			what = "“" + clipBytes(x.s.Text[x.toks[q].s:x.toks[end-1].e], budget) + "”"
		}
	} else if h.j < len(x.toks) {
		k := complementStart(x, h.j)
		if k >= 0 && k < len(x.toks) {
			what = complementWords(x, k, 12)
		}
	}
	if name == "" || what == "" {
		return ""
	}
	// headline style: "X says …", "X warns …"
	return name + " " + verb + " " + strings.Trim(what, " ,")
}

// clipBytes cuts s at a word so that it and a closing "…" fit in n bytes,
// without a trailing comma; s itself when it fits.
func clipBytes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:max(0, n-len("…"))], ' ')
	if cut <= 0 {
		return ""
	}
	return strings.TrimRight(s[:cut], ",;:") + "…"
}

// complementStart is the first token of what a statement verb ending
// before token j says: after "that" or a colon, past the time words and
// the place phrase that date and place the statement ("said on Monday
// that …", "said at a press conference in Moscow that …"); -1 when the
// clause holds nothing but those.
func complementStart(x *sent, j int) int {
	k := j
	for k < len(x.toks) {
		t := x.toks[k]
		switch {
		case t.lw == "that" || t.w == ":":
			return k + 1
		case prepositions.has(t.lw) || timeWord(t.lw) || inExpr(x, k):
			// "on Monday", "at a press conference in Moscow": skip to
			// "that", or give up at the clause's end
			for m := k; m < len(x.toks) && m < k+12; m++ {
				if x.toks[m].lw == "that" {
					return m + 1
				}
				if x.toks[m].punct {
					return -1
				}
			}
			return -1
		}
		return k
	}
	return -1
}

// inExpr reports whether token k lies in a time expression of x.
func inExpr(x *sent, k int) bool {
	a := x.toks[k].s
	for i := range x.exprs {
		if a >= x.exprs[i].Start && a < x.exprs[i].End {
			return true
		}
	}
	return false
}

// complementWords are the words of a statement's complement from token k,
// up to the first clause break (a comma, semicolon, colon or dash, "but",
// "adding", "saying") and at most n words, never ending on a function
// word: "the border would remain open", not "the border would remain open
// as long as the…".
func complementWords(x *sent, k, n int) string {
	var words []string
	for ; k < len(x.toks) && len(words) < n; k++ {
		t := x.toks[k]
		if t.w == "\"" || t.w == "“" || t.w == "”" || t.w == "«" || t.w == "»" {
			continue // a quoted phrase inside: 'it was "deeply concerned"'
		}
		if t.punct && t.w != "'" && t.w != "’" && t.w != "-" && t.w != "%" || len(words) > 0 && inExpr(x, k) {
			break // a clause break, or the statement's date: "… on Tuesday"
		}
		switch t.lw {
		case "but", "adding", "saying", "while", "whereas":
			k = len(x.toks)
			continue
		case "and":
			// "… flown in and that the attackers were pursued": another clause
			if k+1 < len(x.toks) && clauseAfterAnd.has(x.toks[k+1].lw) {
				k = len(x.toks)
				continue
			}
		}
		words = append(words, t.w)
	}
	if len(words) == 0 {
		return ""
	}
	out := strings.Join(trimTrail(words), " ")
	return pluralPossessive.ReplaceAllString(joinMarks.Replace(out), "$1 $2")
}

// pluralPossessive finds a plural's possessive mark glued to the next
// word by joinMarks ("Athens'objections"); an elision keeps its mark
// glued ("d'Ivoire", "O'Smach": a capital follows).
var pluralPossessive = regexp.MustCompile(`(s['’])(\p{Ll})`)

// clauseAfterAnd are the words after "and" that open another clause.
var clauseAfterAnd = set("that which who whom said says added then")

// joinMarks puts back together the marks tokenization split off words.
var joinMarks = strings.NewReplacer(" ' ", "'", " ’ ", "’", " 's", "'s", " ’s", "’s", " %", "%", " - ", "-")

// countFields is len(strings.Fields(s)).
func countFields(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
		i += size
	}
	return n
}

// clip keeps the first n words of s, marking a cut with an ellipsis:
// strings.Fields(s) joined by spaces, reading only the words it keeps.
func clip(s string, n int) string {
	var b strings.Builder
	words := 0
	for i := 0; i < len(s); {
		// skip white space, then take a word
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, size := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[j:])
			}
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if words == n {
			return strings.TrimRight(b.String(), ",;:") + "…"
		}
		if words > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i:j])
		words++
		i = j
	}
	return b.String()
}

// isCountryName reports whether s names a country ("Comoros").
func isCountryName(s string) bool {
	_, ok := gazetteer.CountryByName(s)
	return ok
}
