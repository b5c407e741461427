// Package extract turns one article into graph facts: events typed with
// CAMEO codes, who did them to whom, where and when, and the agreements
// signed, every fact tied to its sentence. It is a dictionary-and-pattern
// coder in the PETRARCH tradition: triggers are data (data/triggers.tsv),
// participants come from loader/mention, dates from loader/timex.
package extract

import (
	"context"
	"eventgraph/loader/ascii"
	"eventgraph/loader/wordfilter"
	"sort"
	"strings"
	"sync"
	"time"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
	"eventgraph/loader/gazetteer"
	"eventgraph/loader/mention"
	"eventgraph/loader/read"
	"eventgraph/loader/sentence"
	"eventgraph/loader/timex"
)

// sent is one sentence with what was found in it.
type sent struct {
	idx   int
	s     sentence.Sentence
	low   string // s.Text with its ASCII letters lower-cased (ascii.Lower)
	folds bool   // s.Text holds a rune that folds to an ASCII letter (foldsToASCII)
	ascii bool   // s.Text is ASCII
	toks  []token
	ments []mention.Mention // offsets relative to the article
	hits  []hit
	exprs []timex.Expr // offsets relative to the sentence
	// dateline is the byte offset past the sentence's opening dateline
	// ("DUBAI, United Arab Emirates (AP) -"), 0 without one: no trigger
	// stands in it
	dateline int
	para     int
	// quotes indexes the quotation marks for inQuote, made on first use
	quotes []quoteMark
	// back is the day a time expression counts from a happening the
	// article told before ("Hours after the raids, police arrested …"):
	// the date of the sentence's events outside the phrase naming it (see
	// toldBefore); nil for none
	back *backAnchor
}

// backAnchor is a date counted from a happening told before, for the
// events of a sentence outside the bytes start..end (sentence offsets)
// that name the happening.
type backAnchor struct {
	date       graph.DateSpan
	start, end int
}

// cand is an event being built.
type cand struct {
	ev       graph.Event
	sent     int
	explicit bool // the date came from a time expression in the text
	inferred bool // the date is the publication day, from the tense
	// perfect is an inferred date from a present perfect ("police have
	// arrested"): news that a sentence after it may date
	perfect  bool
	trig     int  // byte offset of the trigger in the article
	definite bool // a definite noun ("the talks") with no date of its own
	// datesBack is a definite subject noun with a date of its own: "The
	// attack happened on Sunday" dates the attack told before
	datesBack bool
	speaker   string
	// accusation marks a statement blaming another side for violence it
	// reports apart ("said troops had shelled the town last week"): dated
	// as a statement is, by its verb, not by the happening's date
	accusation bool
	// agentSubj says the source is the country of a force named in the
	// subject ("Police fired"; see homeAgent): the headline keeps the words
	agentSubj bool
	agree     *agreementCue
	// agreeHome is the earlier event of the article whose agreement this
	// one reports again (see unifyAgreements)
	agreeHome *cand
	dropped   bool
	// evidence backs ev.Evidence's first sentence, allocated with the
	// candidate instead of on its own
	evidence [1]graph.Evidence
	// participants backs ev.Participants until it outgrows it (facts
	// copies them out)
	participants [4]graph.Participation
}

// candBlock is how many candidates newCandidate allocates at once.
const candBlock = 16

// newCandidate returns a zero candidate, carved from a block of the
// article's (one allocation per candBlock candidates).
func (st *state) newCandidate() *cand {
	if len(st.candFree) == 0 {
		st.candFree = make([]cand, candBlock)
	}
	c := &st.candFree[0]
	st.candFree = st.candFree[1:]
	return c
}

// state is the per-article extraction state.
type state struct {
	art         graph.Article
	pub         time.Time
	sents       []*sent
	res         mention.Result
	actors      map[string]*graph.Actor
	places      map[string]*graph.Place
	dominant    string         // the country actor the article is mostly about
	headEnd     int            // the byte after the title line that opens the text, or 0
	home        string         // the dateline's country actor (see homeAgent)
	added       []*graph.Actor // countries the text names only by a town (addCountry)
	lastPer     string         // last person mentioned (for "he", "she")
	lastSpeaker string         // the speaker of the last statement
	lastTitle   map[string]string
	cands       []*cand
	cited       []graph.Agreement // agreements named between two sides, not signed in the text
	candFree    []cand            // the rest of the block newCandidate carves from
	hitFree     []hit             // the rest of the block findHits appends to
	clauseBuf   [][2]int          // the clauses of the sentence being read
	usedBuf     []bool            // which of its hits are used
	madeBuf     []*cand           // the candidates it made
	ref         graph.DateSpan    // the narrative's last explicit DAY date
	lastYear    string            // the last year the text named in four digits ("that year")
}

// Article extracts the facts of one article.
func Article(d read.Document) *graph.Facts {
	f, _ := ArticleContext(context.Background(), d)
	return f
}

// ArticleContext extracts the facts of one article, checking ctx between
// the stages and between sentences, so that a cancelled load or an
// abandoned upload stops within moments even on a huge article; it then
// returns ctx's error and no facts.
func ArticleContext(ctx context.Context, d read.Document) (*graph.Facts, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	art := graph.Article{Title: d.Title, Source: d.Source, URL: d.URL, Published: d.Published, File: d.File, Text: d.Text}
	art.ID = graph.ArticleID(art)
	st := &state{art: art, lastTitle: map[string]string{}}
	if t, err := time.Parse("2006-01-02", d.Published); err == nil {
		st.pub = t
	}
	ss := capSentences(d.Text, sentence.Split(d.Text), maxSentenceBytes)
	low := ascii.Lower(d.Text)
	st.res = mention.Analyze(mention.Doc{Text: d.Text, Sentences: ss, Published: d.Published, ArticleID: art.ID, Lower: low})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	st.actors = make(map[string]*graph.Actor, len(st.res.Actors))
	st.places = make(map[string]*graph.Place, len(st.res.Places))
	// the state points into the result's actors and places, which nothing
	// else reads
	for i := range st.res.Actors {
		st.actors[st.res.Actors[i].ID] = &st.res.Actors[i]
	}
	for i := range st.res.Places {
		st.places[st.res.Places[i].ID] = &st.res.Places[i]
	}
	dropOutlets(d.Text, st.res.Mentions, st.actors)
	headEnd := 0 // the headline's end (it may hold two sentences: "X shuts Y. Is it Z?")
	if t := strings.TrimSpace(d.Title); t != "" {
		if body := strings.TrimLeft(d.Text, " \t\r\n"); strings.HasPrefix(body, t) {
			headEnd = len(d.Text) - len(body) + len(t)
		}
	}
	st.dominant = dominantCountry(st.res, headEnd)
	st.headEnd = headEnd
	para, prevEnd := 0, 0
	mi := 0
	ms := st.res.Mentions
	// the sentences' tokens share one buffer, reused across articles
	bufp := tokenBufs.Get().(*[]token)
	toks := (*bufp)[:0]
	if want := len(d.Text) / 5; cap(toks) < want {
		// a long article: its tokens at once, not by doubling (about one
		// per 5 bytes of news text)
		toks = make([]token, 0, want)
	}
	sents := make([]sent, len(ss))
	st.sents = make([]*sent, len(ss))
	var dateline time.Time
	for i, s := range ss {
		if strings.Contains(d.Text[prevEnd:s.Start], "\n") {
			para++
		}
		prevEnd = s.End
		sl := low[s.Start:s.End]
		n := len(toks)
		toks = tokenize(s.Text, sl, toks)
		x := &sents[i]
		*x = sent{idx: i, s: s, low: sl, folds: foldsToASCII(s.Text), ascii: isASCII(s.Text), toks: toks[n:len(toks):len(toks)], para: para}
		for mi < len(ms) && ms[mi].Start < s.Start {
			mi++
		}
		j := mi
		for j < len(ms) && ms[j].Start < s.End {
			j++
		}
		if j > mi {
			x.ments = ms[mi:j:j] // read only
			// "AMMAN, Jordan (Reuters) - Saudi Arabia pledged …": the
			// dateline's place and agency take no part in the story
			if end := datelineEnd(x); end > 0 {
				x.dateline = end
				k := 0
				for k < len(x.ments) && x.ments[k].End <= x.s.Start+end {
					if i < 3 && st.home == "" {
						st.home = st.countryOf(&x.ments[k])
					}
					k++
				}
				x.ments = x.ments[k:]
			}
		}
		st.sents[i] = x
		if i < 3 && dateline.IsZero() {
			dateline = datelineDay(x, st.pub)
		}
	}
	if !dateline.IsZero() {
		// "CARACAS, Aug 1 (Reuters) -": the story was written that day,
		// which its "Friday" and its tenses count from
		st.pub = dateline
	}
	defer func() {
		*bufp = toks[:0] // not cleared (see mention.Analyze)
		tokenBufs.Put(bufp)
	}()
	for _, x := range st.sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st.sentence(x)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	st.mergeWithinArticle()
	st.unifyAgreements()
	st.citedAgreements()
	if stateHook != nil {
		stateHook(st)
	}
	return st.facts(), nil
}

// simplePast are past forms that are no participles ("a patrol came
// under fire"), unlike irregularPast's.
var simplePast = set("came went ran saw rode drove")

// refineVoice codes a verb by the patterns of its object (after it), or,
// for a passive verb that none codes, of its subject: "the vessel was
// intercepted" reads as "intercepted the vessel" (1711). i is the verb's
// token, clause its clause in cl.
func refineVoice(l *lexicon, e *entry, x *sent, cl [][2]int, clause, i int, after []token) *entry {
	r := l.refine(e, after)
	if r != e || i == 0 || !passiveBe.has(x.toks[i-1].lw) || strings.HasSuffix(x.toks[i].lw, "ing") {
		return r // "is intensifying": a progressive, no passive
	}
	from := 0
	if clause < len(cl) {
		from = cl[clause][0]
	}
	if i-1 <= from {
		return r
	}
	for _, t := range x.toks[from : i-1] {
		if t.lw == "no" || t.lw == "not" {
			return r // "no agreement had been reached": none was
		}
	}
	r = l.refine(e, x.toks[from:i-1])
	if r == e && from > 0 && x.toks[from].w == "," {
		// "The trawler, which belongs to …, was intercepted": the subject
		// stands before the relative clause
		r = l.refine(e, x.toks[:i-1])
	}
	return r
}

// attributive reports whether the -ed form before token next is a
// participle used as an adjective: after a determiner, or a determiner
// and an adjective ("an internal armed conflict"; p is the word before
// it), and before a lower-case word that can be its noun.
func attributive(toks []token, p, next int) bool {
	if p < 0 || next >= len(toks) || !strings.HasSuffix(toks[next-1].lw, "ed") {
		return false
	}
	prev := toks[p].lw
	q := p - 1 // the word before prev, past an opening quote
	for q >= 0 && isQuoteMark(toks[q].w) {
		q--
	}
	if !determiners.has(prev) && !(q >= 0 && isAdjective(prev) && determiners.has(toks[q].lw)) {
		return false
	}
	n := toks[next]
	return !n.punct && !n.cap && !prepositions.has(n.lw) && !determiners.has(n.lw) && !auxBe.has(n.lw) &&
		!modals.has(n.lw) && !adverbs.has(n.lw) && !negations.has(n.lw) && n.lw != "and" && n.lw != "or" && !isNumber(n.lw) && !countWords.has(n.lw)
}

// isQuoteMark reports whether w is a quotation mark.
func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "'", "‘", "’", "«", "»":
		return true
	}
	return false
}

// actorInClauseBefore reports whether an actor is named in h's clause
// before it.
func (st *state) actorInClauseBefore(x *sent, h hit, cl [][2]int) bool {
	lo := x.s.Start
	if h.clause < len(cl) {
		lo += x.toks[cl[h.clause][0]].s
	}
	return st.actorBetween(x, lo, x.s.Start+x.toks[h.i].s)
}

// agreementAhead reports whether an agreement noun ("deal", "accord")
// stands among the n words from token k.
func agreementAhead(x *sent, k, n int) bool {
	for q := k; q < len(x.toks) && q < k+n; q++ {
		for _, a := range agreementNouns {
			if x.toks[q].lw == a {
				return true
			}
		}
	}
	return false
}

// underState reports whether the noun at token i is governed by "under"
// (up to two modifiers between): "under EU sanctions", "under siege".
func underState(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].punct {
			return false
		}
		if toks[k].lw == "under" {
			return true
		}
	}
	return false
}

// quotedHappening reports whether the verb at token i of a quotation
// tells a happening: not a present ("is undermining our economy", "are
// violating"), which is the speaker's view; a past ("we arrested") or a
// plan ("will open the crossing") is one.
func quotedHappening(toks []token, i, p int) bool {
	if p >= 0 {
		switch toks[p].lw {
		case "is", "are", "am":
			return false
		}
	}
	return !strings.HasSuffix(toks[i].lw, "ing")
}

// stateHook, when set (by tests), sees each article's extraction state
// before its facts are made: the sentences with their mentions and hits.
var stateHook func(*state)

// tokenBufs holds token buffers for Article's sentences.
var tokenBufs = sync.Pool{New: func() any { b := make([]token, 0, 1024); return &b }}

// dominantCountry is the country (or demonym) actor mentioned most often,
// the headline's first country counting three (headEnd: the byte after
// the headline, 0 when the text has none).
func dominantCountry(r mention.Result, headEnd int) string {
	n := map[string]int{}
	var order []string // first mentioned first
	for mi := range r.Mentions {
		m := &r.Mentions[mi]
		if (m.Kind == mention.Kind("COUNTRY") || m.Kind == mention.Kind("DEMONYM")) && m.ActorID != "" {
			if len(order) == 0 && m.End <= headEnd {
				// the headline's first country is its protagonist:
				// "Ghana shuts its border with Togo"
				n[m.ActorID] += 2
			}
			if n[m.ActorID] == 0 || len(order) == 0 {
				order = append(order, m.ActorID)
			}
			n[m.ActorID]++
		}
	}
	// the most named; of two named as often, the one named first
	best, bestN := "", 0
	for _, id := range order {
		if n[id] > bestN {
			best, bestN = id, n[id]
		}
	}
	return best
}

func (st *state) pubSpan() graph.DateSpan {
	if st.pub.IsZero() {
		return graph.DateSpan{Precision: graph.Unknown}
	}
	d := st.pub.Format("2006-01-02")
	return graph.DateSpan{Value: d, Start: d, End: d, Precision: graph.Day, Inferred: true}
}

// clauses splits a sentence's tokens into clause ranges [start, end).
func clauses(toks []token) [][2]int { return appendClauses(nil, toks) }

// appendClauses appends clauses(toks) to out (a buffer to reuse).
func appendClauses(out [][2]int, toks []token) [][2]int {
	start := 0
	for i, t := range toks {
		cut := false
		switch {
		case t.w == ";":
			cut = true
		case t.w == "," && i+1 < len(toks):
			switch toks[i+1].lw {
			case "but", "while", "whereas", "as", "so", "which", "who", "whose", "where", "although", "though", "after", "before", "when", "despite", "amid":
				cut = true
			case "and":
				// ", and" ends a clause only after a verb: not in "Iraq, Syria, and Lebanon met"
				cut = hasVerb(toks[start:i])
			}
		case (t.lw == "but" || t.lw == "whereas" || t.lw == "while") && i > 0:
			cut = true
		case (t.lw == "before" || t.lw == "after" || t.lw == "until" || t.lw == "because" || t.lw == "when") && i > 0 && i+1 < len(toks):
			// a subordinate clause with its own subject: "before Iraqi forces defeated them"
			n := toks[i+1]
			cut = n.cap || pronouns.has(n.lw) || n.lw == "the" && i+2 < len(toks) && !strings.HasSuffix(toks[i+2].lw, "ing")
		}
		if cut && i > start {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	return append(out, [2]int{start, len(toks)})
}

var (
	// copulas take an adjective, not a verb: "remain open"
	copulas = set("remain remains remained remaining stay stays stayed staying keep keeps kept seem seems seemed")
	// byMeans follow "by" as a means, not an agent: "spoke by phone"
	byMeans = set("phone telephone video videoconference videolink letter plane air sea land road car helicopter")
	// countWords count a plural noun: "the two states", "several strikes"
	countWords   = set("two three four five six seven eight nine ten dozens hundreds thousands both several many few member")
	determiners  = set("the a an this that these those its his her their our your my another any some each every")
	prepositions = set("of in on at by for from with without to into onto about after before during since over under against between among through across toward towards upon within via despite amid")
	auxBe        = set("is are was were be been being has have had")
	modals       = set("will would shall might may could can should must")
	// subordinators open a clause of time, reason or concession
	subordinators = set("as when after because while although though whereas until since before once")
	// askedAbout follow a reporter's question opening a sentence ("Asked about …")
	askedAbout = set("about whether if why how what when on to")
	// habitual: adverbs of frequency before a verb ("has always denied")
	habitual     = set("always repeatedly consistently routinely regularly often frequently usually constantly traditionally periodically long")
	adverbs      = set("also then reportedly subsequently formally jointly officially recently already still further previously soon later again finally now just initially allegedly repeatedly effectively publicly")
	negations    = set("not n't never no")
	pronouns     = set("he she they we it i")
	subordinator = set("that whether if")
)

// set builds a word set from the space-separated words of s.
func set(s string) *wordSet {
	ws := &wordSet{m: map[string]bool{}}
	for _, w := range strings.Fields(s) {
		ws.m[w] = true
		ws.f.Add(w)
	}
	return ws
}

// wordSet is a set of words, with a filter that answers most words
// outside it without a map lookup.
type wordSet struct {
	f wordfilter.Filter
	m map[string]bool
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool { return s.f.MayHave(w) && s.m[w] }

// hasLower is has(strings.ToLower(w)), lower-casing a short ASCII word on
// the stack.
func (s *wordSet) hasLower(w string) bool {
	var buf [32]byte
	if len(w) > len(buf) || !isASCII(w) {
		return s.has(strings.ToLower(w))
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return s.f.MayHave(string(b)) && s.m[string(b)]
}

// hit is a trigger found in a sentence.
type hit struct {
	i, j    int // token range
	e       *entry
	verb    bool
	inf     bool // "to sign"
	planned bool // "will sign", "plans to meet"
	threat  bool // what a warning says will be done: "warned that it would close"
	neg     bool
	prepIng bool // "by arresting": manner, not an event
	// adjunct is a participle of speech after a finite clause ("…,
	// saying they had crossed"): it justifies the clause's happening
	adjunct bool
	det     bool // a definite noun: "the talks"
	// numbered is a noun with an ordinal: "the 4th meeting"
	numbered bool
	clause   int
}

// prevWord returns the index of the nearest non-adverb word before i.
func prevWord(toks []token, i int) int {
	for k := i - 1; k >= 0; k-- {
		if toks[k].punct {
			if toks[k].w == "," || toks[k].w == "“" || toks[k].w == "\"" {
				return -1
			}
			continue
		}
		if adverbs.has(toks[k].lw) || strings.HasSuffix(toks[k].lw, "ly") && len(toks[k].lw) > 4 && !determiners.has(toks[k].lw) {
			continue
		}
		return k
	}
	return -1
}

// findHits finds the triggers of a sentence, classified by their context;
// cl is clauses(x.toks).
func (st *state) findHits(x *sent, cl [][2]int) []hit {
	l := lex()
	clauseOf := func(i int) int {
		for c, r := range cl {
			if i >= r[0] && i < r[1] {
				return c
			}
		}
		return len(cl) - 1
	}
	// the hits are appended in place to the article's free block of
	// hits, if it has room for them
	if len(st.hitFree) < 8 {
		st.hitFree = make([]hit, 64)
	}
	hits := st.hitFree[:0]
	// key holds the lower-case words from i joined by spaces; ends[w-1] is
	// the length of the join of the first w
	var keyArr [128]byte
	var endsArr [8]int
	for i := 0; i < len(x.toks); i++ {
		// the longest form from i: only a form's first word starts one (the
		// filter first: it rules out most words at once)
		if x.toks[i].punct || x.toks[i].s < x.dateline || !l.firstFilter.MayHave(x.toks[i].lw) || st.insideMention(x, x.toks[i]) {
			continue
		}
		f, ok := l.first[x.toks[i].lw]
		if !ok || x.toks[i].cap && monthNames.has(x.toks[i].lw) && inExpr(x, i) {
			continue // "in March" is a date, not a march
		}
		key, ends := keyArr[:0], endsArr[:0]
		for k := i; k < i+f.longest && k < len(x.toks); k++ {
			if k > i {
				key = append(key, ' ')
			}
			key = append(key, x.toks[k].lw...)
			ends = append(ends, len(key))
		}
		var es []*entry
		n := 0
		for w := len(ends); w >= 2; w-- {
			if got, ok := l.forms[string(key[:ends[w-1]])]; ok {
				es, n = got, w
				break
			}
		}
		if es == nil && f.entries != nil {
			es, n = f.entries, 1
		}
		if es == nil {
			continue
		}
		if es[0].class == none {
			i += n - 1
			continue
		}
		p := prevWord(x.toks, i)
		prev := ""
		if p >= 0 {
			prev = x.toks[p].lw
		}
		// noun or verb reading
		var nounE, verbE *entry
		for _, e := range es {
			if e.noun && nounE == nil {
				nounE = e
			} else if !e.noun && verbE == nil {
				verbE = e
			}
		}
		h := hit{i: i, j: i + n, clause: clauseOf(i)}
		lw := x.toks[i].lw
		gerundAfterPrep := prepositions.has(prev) && strings.HasSuffix(lw, "ing")
		// "a road sign", "a Thai patrol": a base form after a determiner
		// and a modifier
		baseAfterNoun := p > 0 && determiners.has(x.toks[p-1].lw) && (!x.toks[p].cap || st.insideMention(x, x.toks[p])) && verbE != nil && lw == verbE.lemma &&
			!auxBe.has(prev) && !modals.has(prev) && !strings.HasSuffix(prev, "ed")
		hyphenMod := p >= 0 && strings.Contains(prev, "-") && !x.toks[p].cap && !st.insideMention(x, x.toks[p])
		// "an army patrol was ambushed", "a police patrol came under
		// fire": a base form right before "was" or a past verb is the
		// subject's noun
		// "a coast guard patrol boat", "an attack helicopter": a base form
		// before a craft's noun is a compound's modifier
		baseInCompound := verbE != nil && lw == verbE.lemma && i+n < len(x.toks) && craftNouns.has(x.toks[i+n].lw)
		baseBeforeAux := verbE != nil && lw == verbE.lemma && i+n < len(x.toks) && p >= 0 &&
			(auxBe.has(x.toks[i+n].lw) || irregularPast.has(x.toks[i+n].lw) && !strings.HasSuffix(x.toks[i+n].lw, "en") || simplePast.has(x.toks[i+n].lw)) &&
			!modals.has(prev) && prev != "to" && !pronouns.has(prev) && !x.toks[p].punct
		// "the Gulf states held its first meeting", "two navy ships entered
		// Chilean waters": an -s form right before a finite past verb and
		// its object (for a word the lexicon knows only as a verb, also a
		// name or a preposition: "entered Chilean", "crossed into") is the
		// subject's plural noun
		pluralSubject := verbE != nil && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && lw != verbE.lemma && i+n+1 < len(x.toks) &&
			(strings.HasSuffix(x.toks[i+n].lw, "ed") || irregularPast.has(x.toks[i+n].lw)) &&
			(determiners.has(x.toks[i+n+1].lw) || nounE == nil && (x.toks[i+n+1].cap || prepositions.has(x.toks[i+n+1].lw)))
		// "the 2010 Kampala bombings, …": an -s form before a comma or
		// the sentence's end has no object: a plural noun
		pluralEnd := nounE != nil && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && p >= 0 &&
			(i+n >= len(x.toks) || x.toks[i+n].punct && x.toks[i+n].w != "-" && !isQuoteMark(x.toks[i+n].w))
		// "in Kampala bombings case": a name after a preposition modifies
		// the noun after it
		afterPlaceName := p > 0 && x.toks[p].cap && prepositions.has(x.toks[p-1].lw) && nounE != nil
		// a headline's -s form with no finite verb after it is its verb
		// ("Military operation in Tame kills rebel commander")
		headlineVerb := x.idx == 0 && verbE != nil && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && p >= 0 && x.toks[p].cap &&
			i+n < len(x.toks) && !x.toks[i+n].punct && !finiteFrom(x.toks, i+n, false)
		nounCtx := !headlineVerb && (determiners.has(prev) || baseAfterNoun || baseBeforeAux || baseInCompound || pluralEnd || afterPlaceName || hyphenMod || (prepositions.has(prev) && prev != "to" && !gerundAfterPrep) || prev == "s" || isNumber(prev) || countWords.has(prev) || pluralSubject ||
			(p >= 0 && x.toks[p].cap && p > 0 && !st.insideMention(x, x.toks[p]) && prev != "i") ||
			(p >= 0 && isAdjective(prev)))
		switch {
		case nounE != nil && (verbE == nil || nounCtx):
			h.e = nounE
			h.det = prev == "the" || prev == "this" || prev == "these"
		case nounE != nil && strings.HasSuffix(lw, "ing") && !auxBe.has(prev) && !pronouns.has(prev) && !prepositions.has(prev) && !(p >= 0 && st.insideMention(x, x.toks[p])):
			// "a security council meeting": an -ing form after a noun is the noun
			h.e = nounE
		case verbE != nil && strings.HasSuffix(lw, "s") && i+n < len(x.toks) && (x.toks[i+n].lw == "for" || x.toks[i+n].lw == "of"):
			// "plans for", "calls for" as nouns
			if multi := strings.Contains(verbE.lemma, " "); !multi {
				continue
			}
			h.e, h.verb = verbE, true
		case verbE != nil && nounCtx && !strings.HasSuffix(lw, "ed") && !irregularPast.has(lw):
			// a verb-only lemma used as a noun: "the plan", "the launch of"
			continue
		case verbE != nil && strings.HasSuffix(lw, "ed") && p > 0 && (x.toks[p-1].lw == "a" || x.toks[p-1].lw == "an") &&
			i+n < len(x.toks) && (prepositions.has(x.toks[i+n].lw) || x.toks[i+n].w == ","):
			// "a key accused in the bombings", "a man detained in Lagos":
			// after an indefinite article and one word, and before a
			// preposition, a noun or a reduced relative ("a court
			// sentenced him" is finite)
			continue
		case verbE != nil && lw == "armed" && i+n < len(x.toks) && !x.toks[i+n].punct && !prepositions.has(x.toks[i+n].lw) && !determiners.has(x.toks[i+n].lw) && !x.toks[i+n].cap:
			// "armed men", "armed groups": an adjective
			continue
		case verbE != nil && lw == "armed" && i > 0 && strings.HasSuffix(x.toks[i-1].lw, "ly") && !auxBe.has(prev):
			// "some of them apparently armed", "heavily armed": an adjective
			continue
		case verbE != nil && attributive(x.toks, p, i+n):
			// "an internal armed conflict", "the signed agreement": a
			// participle before its noun is an adjective
			continue
		case verbE != nil:
			h.e, h.verb = verbE, true
		default:
			continue
		}
		if (!h.verb || strings.HasSuffix(lw, "s")) && underState(x.toks, i) {
			// "a bank under EU sanctions", "a town under siege": a state,
			// not a happening
			continue
		}
		if !h.verb {
			// "the 4th meeting of", "the second round of talks": a numbered
			// happening is one of its own, not a reference back
			h.numbered = isOrdinal(prev) && p > 0 && x.toks[p-1].lw == "the"
		}
		if inQuote(x, x.s.Start+x.toks[i].s) && (h.e.dict || h.verb && !quotedHappening(x.toks, i, p)) {
			// 'said Ghana had "defended its interests"', '"crime … is
			// undermining our economy," the minister said': the speaker's wording, not
			// a happening; '"We arrested 12 men," police said' is one
			continue
		}
		if h.verb && !h.e.dict && len(l.handPatterns[h.e.lemma]) > 0 {
			end := len(x.toks)
			if h.clause < len(cl) {
				end = max(cl[h.clause][1], h.j)
			}
			h.e = refineVoice(l, h.e, x, cl, h.clause, i, x.toks[h.j:end])
			if h.e.patternOnly {
				if nounE == nil {
					continue
				}
				h.e, h.verb = nounE, false
			}
		}
		if h.verb && h.e.dict {
			end := len(x.toks)
			if h.clause < len(cl) {
				end = max(cl[h.clause][1], h.j)
			}
			h.e = refineVoice(l, h.e, x, cl, h.clause, i, x.toks[h.j:end])
			if h.e.patternOnly && h.e.cameo == "" {
				if nounE == nil {
					continue
				}
				h.e, h.verb = nounE, false
			}
			if !st.dictVerbReading(x, i, p, lw, h.e) {
				if nounE == nil {
					continue
				}
				// "hold talks": the word is the hand-written noun
				h.e, h.verb = nounE, false
			}
		}
		if h.verb && p >= 0 && nearExpr(x, h) == nil && (p == i-1 && (prev == "who" || prev == "which") ||
			auxBe.has(prev) && p > 1 && (x.toks[p-1].lw == "which" || x.toks[p-1].lw == "who" || x.toks[p-1].lw == "that") && x.toks[p-2].w == "," &&
				!(i+n < len(x.toks) && x.toks[i+n].lw == "by")) {
			// "gunmen who arrived by boat attacked …", "the warning shots,
			// which were fired from machine guns": an undated relative
			// clause describes its noun; the happening is the main verb's
			// ("X, who was assassinated by Y" names its doer: a happening)
			continue
		}
		if h.verb && strings.HasSuffix(lw, "ing") && h.clause < len(cl) && ingRelative(x.toks, i, i+n, cl[h.clause]) {
			// "militants travelling in two trucks attacked a post": an -ing
			// verb after its noun describes it; the happening is the
			// clause's finite verb
			continue
		}
		if h.verb && (lw == "seen" || lw == "obtained" || lw == "reviewed") && i+n < len(x.toks) && x.toks[i+n].lw == "by" {
			// "according to a note … seen by Reuters": how the outlet
			// knows, no happening
			continue
		}
		if h.verb && (lw == "calls" || lw == "called") && i+1 < len(x.toks) && x.toks[i+1].cap && p > 0 &&
			(x.toks[p-1].lw == "which" || x.toks[p-1].lw == "what" || prev == "which" || prev == "what") {
			// "the islet, which Lima calls Isla Norte": a name, no call
			continue
		}
		if h.verb && h.e.lemma == "seal" && !agreementAhead(x, h.j, 5) {
			// "sealed the border crossings": a closure; "sealed a deal" signs
			h.e = l.conferEntry("seal", "1621")
		}
		if h.verb && strings.HasSuffix(lw, "ing") && i > 0 && x.toks[i-1].w == "," && finiteHitBefore(x, hits) && nearDate(x, h) == nil {
			// "signed the fisheries accord, granting boats access to its
			// ports", "fired on the boat, saying it had ignored warnings":
			// a participle after the clause says how or why its verb's
			// happening was done; a statement it makes reports none
			if h.e.class != speech {
				continue
			}
			if root2(h.e.cameo) == "01" && !statementBefore(x, hits) {
				// "…, saying they had crossed": its report may still be a
				// threat (sentence); "…, accusing Kyiv of …" is an act
				h.adjunct = true
			}
		}
		if h.verb && characterVerbs.has(h.e.lemma) {
			if whatCalled(x.toks, i) {
				// "reached what he called a landmark understanding": a
				// hedge inside a noun phrase
				continue
			}
			if strings.HasSuffix(lw, "ing") && i > 0 && x.toks[i-1].w == "," && len(hits) > 0 {
				// "welcomed the treaty, calling it …": the participle says
				// what the event before it was
				continue
			}
			if code := characterization(x, h, cl); code != "" && st.actorInClauseBefore(x, h, cl) {
				// a statement of its own: what it characterizes is no
				// happening it reports
				h.e = l.conferEntry(h.e.lemma, code)
			}
		}
		if h.verb && takeVerbs.has(h.e.lemma) && st.territoryObject(x, h.j) {
			// "Rebels captured the town of X", "seized Bunagana": taking
			// ground is occupying territory (CAMEO 192), not an arrest or
			// a seizure of goods
			e := *h.e
			e.cameo, e.typ = "192", l.typeOf("192", "")
			h.e = &e
		}
		if h.verb && (h.e.lemma == "speak" || h.e.lemma == "talk") {
			// "spoke by phone with both leaders", "talked with the
			// president": a consultation, not a statement
			if code := conferCode(x.toks, h.j); code != "" {
				h.e = l.conferEntry(h.e.lemma, code)
			}
		}
		if h.verb && lw == h.e.lemma && copulas.has(prev) {
			// "would remain open", "is closed" aside: a base form after a
			// copula is an adjective ("the border will stay open")
			continue
		}
		if h.verb {
			// "with Morocco's ambassador saying …": a participle, not a statement
			if verbE.class == speech && strings.HasSuffix(lw, "ing") && i > 0 && !auxBe.has(prev) && afterWith(x.toks, i) {
				continue
			}
			// "will discuss reopening": a gerund object of a verb is no event
			if strings.HasSuffix(lw, "ing") && p >= 0 && i-p == 1 && isVerbForm(prev) {
				continue
			}
			if x.idx > 0 && nounE == nil && verbE.class == material && presentS(lw, verbE.lemma) && len(x.exprs) == 0 && !isVerbForm(prev) && !determiners.has(prev) && !inQuote(x, x.s.Start+x.toks[i].s) {
				// "Chad hosts 600,000 refugees", "Russia keeps 1,500 troops
				// there": a present tense in the body tells a state, not a
				// happening (headlines tell what happened in the present)
				continue
			}
			if nounE == nil && strings.HasSuffix(lw, "s") && p >= 0 && p == i-1 && x.toks[p].cap && isDemonymWord(x.toks[p].w) {
				continue // "denied Thai claims that …": a noun after a demonym
			}
			if lw == "speaking" && p < 0 {
				continue // "Speaking in Pemba on Wednesday, the president called …": the scene of the main verb
			}
			if x.idx > 0 && lw == "claims" && i+n < len(x.toks) && (determiners.has(x.toks[i+n].lw) || x.toks[i+n].cap) && nearExpr(x, hit{i: i, j: i + n}) == nil && !finiteFrom(x.toks, i+n, true) {
				continue // "Venezuela claims the Essequibo": a standing claim to territory, not a statement
			}
			if (lw == "provided" || lw == "providing") && i+n < len(x.toks) && x.toks[i+n].lw == "that" {
				continue // "provided that X withdraws": a condition, no aid
			}
			if verbE.lemma == "ask" && p < 0 && i+n < len(x.toks) && askedAbout.has(x.toks[i+n].lw) {
				// "Asked about the protest, the minister said …": a
				// reporter's question, not an appeal
				continue
			}
			if habitual.has(prev) && nearExpr(x, hit{i: i, j: i + n}) == nil {
				// "an accusation Benin has always rejected", "Minsk has
				// repeatedly denied": a habit, no happening of one day
				continue
			}
			// "the crowd tried to storm the gate": an attempt is
			// the happening attempted, told as done
			h.inf = prev == "to" && !(p > 0 && attemptVerbs.has(x.toks[p-1].lw) && !relativeBefore(x.toks, p-1))
			h.prepIng = gerundAfterPrep && prev != "despite"
			// "after overthrowing the regime in 2003": a dated gerund is a happening
			if h.prepIng && (prev == "after" || prev == "before" || prev == "since" || prev == "following" || prev == "upon") && nearExpr(x, hit{i: i, j: i + n}) != nil {
				h.prepIng = false
			}
			if h.prepIng && prev == "by" && p > 0 && responseVerbs.has(x.toks[p-1].lw) {
				// "Chile responded by closing its border": the response is
				// the closing
				h.prepIng = false
			}
			if modals.has(prev) {
				h.planned = true
			}
			if prev == "to" && p > 0 {
				switch gov := x.toks[p-1].lw; gov {
				case "be", "going", "plans", "set", "expected", "scheduled", "intends", "intend", "due", "poised":
					h.planned = true
				case "plan":
					// "authorities plan to meet", not "the plan to fortify"
					if p > 1 && !determiners.has(x.toks[p-2].lw) {
						h.planned = true
					}
				}
			}
			// a participle modifying a noun: "restrictions imposed by",
			// "the Committee, established during"
			if (strings.HasSuffix(lw, "ed") || irregularPast.has(lw)) && !auxBe.has(prev) && !modals.has(prev) {
				// "imposed by the army" (an agent), not "spoke by phone" (a means)
				byNext := i+n < len(x.toks) && x.toks[i+n].lw == "by" && !(i+n+1 < len(x.toks) && byMeans.has(x.toks[i+n+1].lw))
				nextPrep := i+n < len(x.toks) && prepositions.has(x.toks[i+n].lw)
				afterComma := p < 0 && i > 0 && x.toks[i-1].w == "," && nextPrep && verbE.class != speech
				// "The contract, signed in 2019, …": a participle with a date of
				// its own reports a happening
				if afterComma && datedRightAfter(x, i+n) {
					afterComma = false
				}
				if byNext && p >= 0 && !x.toks[p].cap && !pronouns.has(prev) || afterComma {
					continue
				}
			}
			// "granted asylum to a senator wanted on corruption charges": a
			// past participle right after a common noun, in a clause whose
			// verb came before, modifies the noun
			if (strings.HasSuffix(lw, "ed") || irregularPast.has(lw)) && reducedRelative(x, hits, i, p) {
				continue
			}
			// "would have the state allocate" keeps the modal through "have"
			if prev == "be" || prev == "have" {
				if pp := prevWord(x.toks, p); pp >= 0 && modals.has(x.toks[pp].lw) {
					h.planned = true
				}
			}
			// a verb form used as a modifier ("the signed memorandum", "the
			// country's armed forces", "Chad's elected parliament") is not a verb
			possessive := (strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") || prev == "s" && p > 0 && (x.toks[p-1].w == "'" || x.toks[p-1].w == "’")) && i+n < len(x.toks) &&
				!x.toks[i+n].punct && !prepositions.has(x.toks[i+n].lw) && !determiners.has(x.toks[i+n].lw)
			if (determiners.has(prev) || possessive) && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")) {
				if nounE == nil {
					continue
				}
				h.e, h.verb = nounE, false
			}
			// "in armed clashes", "with stolen goods": a past
			// participle between a preposition and its noun modifies the noun
			if p == i-1 && (prev == "in" || prev == "with" || prev == "of" || prev == "for") && strings.HasSuffix(lw, "ed") && n == 1 && i+1 < len(x.toks) &&
				!x.toks[i+1].punct && !x.toks[i+1].cap && !prepositions.has(x.toks[i+1].lw) && !determiners.has(x.toks[i+1].lw) && !auxBe.has(x.toks[i+1].lw) {
				continue
			}
		}
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if negations.has(x.toks[k].lw) || (x.toks[k].lw == "yet" && k+1 < len(x.toks) && x.toks[k+1].lw == "to") {
				h.neg = true
			}
			if x.toks[k].punct && x.toks[k].w != "'" {
				break
			}
		}
		if r := root2(h.e.cameo); h.verb && strings.HasSuffix(lw, "ing") && (r == "02" || r == "10" || r == "11" || r == "14") && len(hits) > 0 && documentParticiple(x, hits, i) {
			// "sent a note to Quito protesting the seizure and requesting
			// access": the protest or the appeal a note makes is the
			// sending's, no act of its own (what a message confirms or says
			// stays its own statement)
			continue
		}
		if h.verb && openAdjective(x, i, n) {
			continue // "the last crossing still open", "open to dialogue"
		}
		if h.verb && otherSense(x, h, n) {
			if r, ok := senseRecode[h.e.lemma]; ok {
				// "launched a repatriation programme", "built a dam": a
				// happening of no CAMEO code
				e := *h.e
				e.cameo, e.typ, e.class = "", r, material
				h.e = &e
			} else {
				continue // "a communique released after the talks", "the row erupted"
			}
		}
		hits = append(hits, h)
		i += n - 1
	}
	if len(hits) == 0 {
		return nil
	}
	coordinatedInfinitives(x, hits)
	if len(hits) <= len(st.hitFree) {
		st.hitFree = st.hitFree[len(hits):] // they stayed in the block
	}
	return hits[:len(hits):len(hits)]
}

// senseNouns are, for a verb whose CAMEO code holds for one sense only,
// the nouns of its other senses: what is released, launched or built
// (its object, or the noun a passive or a participle after it tells of)
// and what erupts (its subject). "Released a statement", "launched an
// initiative", "built a dam", "a row erupted" are no release of persons,
// armed operation, fortification or fighting.
var senseNouns = map[string]*wordSet{
	"release": set(`statement statements report reports video videos footage figures data details list photo photos
		image images document documents results communique communiqué funds money water film album book budget
		names text guidelines plan map records findings recording recordings audio transcript`),
	"launch": set(`initiative initiatives campaign project projects programme program plan website app platform
		appeal bid fund process dialogue strategy scheme service route corridor policy book study`),
	"build": set(`road roads bridge bridges dam dams canal canals pipeline railway railways houses homes school
		schools hospital hospitals relations ties trust confidence crisis momentum consensus capacity economy
		partnership coalition support case`),
	"erupt": set(`row dispute controversy scandal debate spat feud quarrel outrage anger crisis argument`),
}

// stateVerbs before "open" make it the adjective: "remains open",
// "kept open", "still open".
var stateVerbs = set("still remain remains remained remaining stay stays stayed staying keep keeps kept keeping left leave be is are was were been being become became fully partly")

// opennessNouns after "open to" make it the adjective of a willingness.
var opennessNouns = set("dialogue talks negotiations negotiation discussion discussions compromise idea ideas proposal proposals suggestions cooperation reconciliation mediation")

// openAdjective reports whether the word "open" at token i (n words) is
// the adjective, not the verb: after a verb of state or "still" ("the
// last crossing still open", "kept the border open"), or before "to" and a
// noun ("open to dialogue").
func openAdjective(x *sent, i, n int) bool {
	if n != 1 || x.toks[i].lw != "open" {
		return false
	}
	if i > 0 && stateVerbs.has(x.toks[i-1].lw) {
		return true
	}
	if i > 1 && x.toks[i-1].lw != "to" && !x.toks[i-1].punct && stateVerbs.has(x.toks[i-2].lw) && !determiners.has(x.toks[i-1].lw) {
		return true // "remained partly open"
	}
	if i+2 < len(x.toks) && x.toks[i+1].lw == "to" && opennessNouns.has(x.toks[i+2].lw) {
		return true // "open to dialogue" (but "will open to traffic" opens)
	}
	// "kept the border open": a verb of state, its object, then open
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if x.toks[k].punct {
			break
		}
		if w := x.toks[k].lw; w == "kept" || w == "keep" || w == "keeps" || w == "keeping" || w == "left" || w == "leave" {
			return true
		}
	}
	return false
}

// senseRecode gives the type of the uncoded happening a verb of
// senseNouns tells in its other sense, when that is one: a programme is
// launched, a dam built; a released statement is the statement's own
// event and an erupting row none.
var senseRecode = map[string]string{"launch": "launch initiative", "build": "build infrastructure"}

// otherSense reports whether the verb of hit h (n words from its first)
// tells another sense than its code's by the noun it governs (senseNouns):
// the first noun of its object within three words (up to a preposition),
// or, for a passive, a participle after its noun ("a communique released
// by the ministry") or a subject ("a row erupted"), the noun before it.
func otherSense(x *sent, h hit, n int) bool {
	nouns, ok := senseNouns[h.e.lemma]
	if !ok {
		return false
	}
	if h.e.lemma != "erupt" {
		for k := h.i + n; k < len(x.toks) && k < h.i+n+4; k++ {
			t := x.toks[k]
			if t.punct || prepositions.has(t.lw) {
				break
			}
			if nouns.has(t.lw) {
				return true
			}
		}
	}
	k := h.i - 1
	for k >= 0 && (auxBe.has(x.toks[k].lw) || adverbs.has(x.toks[k].lw) || x.toks[k].lw == "has" || x.toks[k].lw == "have" || x.toks[k].lw == "had" || x.toks[k].w == ",") {
		k--
	}
	return k >= 0 && nouns.has(x.toks[k].lw)
}

// coordinatedInfinitives marks a verb in its base form joined by "and" or
// "or" to an infinitive before it as an infinitive too: "a decision to
// shut the border post and expel two diplomats" (expel is no finite verb of
// the sentence's subject).
func coordinatedInfinitives(x *sent, hits []hit) {
	for k := 1; k < len(hits); k++ {
		h, p := &hits[k], hits[k-1]
		if !h.verb || h.inf || !p.verb || !p.inf || h.e == nil || x.toks[h.i].lw != h.e.lemma || h.i-p.j > 12 {
			continue
		}
		joined := false
		for q := p.j; q < h.i; q++ {
			switch t := x.toks[q]; {
			case t.lw == "and" || t.lw == "or":
				joined = q == h.i-1
			case t.punct && t.w != ",":
				joined = false
				q = h.i // another clause
			}
		}
		if joined {
			h.inf, h.planned = true, p.planned
		}
	}
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

// isAdjective is a rough test for adjectives before a noun trigger.
func isAdjective(w string) bool {
	switch w {
	case "new", "first", "second", "third", "last", "recent", "previous", "comprehensive", "joint", "bilateral",
		"military", "security", "official", "historic", "formal", "final", "permanent", "temporary", "deadly",
		"peace", "border", "terrorist", "major", "brief", "rare", "high-level", "emergency", "separate",
		"missile", "drone", "air", "suicide", "ceasefire", "annual", "tripartite", "trilateral", "ministerial":
		return true
	}
	return strings.HasSuffix(w, "-level") || strings.HasSuffix(w, "al") && len(w) > 5 || strings.HasSuffix(w, "ive") || strings.HasSuffix(w, "ous")
}

// takeVerbs are the verbs of taking that, with ground as their object,
// occupy territory.
var takeVerbs = set("capture seize take overrun occupy retake recapture")

// territoryNouns are the kinds of ground a force takes.
var territoryNouns = set("town towns township townships city cities village villages district districts province provinces region territory territories base bases airport airbase outpost outposts hill stronghold area areas border crossing")

// territoryObject reports whether the object from token k is ground: a
// territory noun after at most three determiners or modifiers ("the
// strategic town of"), or a place's name.
func (st *state) territoryObject(x *sent, k int) bool {
	for n := 0; k < len(x.toks) && n < 4; k, n = k+1, n+1 {
		t := x.toks[k]
		if t.punct {
			return false
		}
		if territoryNouns.has(t.lw) {
			return true
		}
		if t.cap {
			m := mentionAt(x, x.s.Start+t.s)
			return m != nil && m.Kind == mention.Kind("PLACE")
		}
	}
	return false
}

// insideMention reports whether a token lies inside an actor or place
// mention (the "Mobilization" of "Popular Mobilization Forces").
func (st *state) insideMention(x *sent, t token) bool {
	m := mentionAt(x, x.s.Start+t.s)
	return m != nil && x.s.Start+t.e <= m.End && m.Kind != mention.Kind("DEMONYM")
}

// mentionAt is the mention of x that holds byte offset off of the article,
// or nil. The mentions are sorted and do not overlap: only the last one
// that starts at or before off may hold it.
func mentionAt(x *sent, off int) *mention.Mention {
	i := sort.Search(len(x.ments), func(i int) bool { return x.ments[i].Start > off }) - 1
	if i < 0 || off >= x.ments[i].End {
		return nil
	}
	return &x.ments[i]
}

// tokenAt is the index of x's token that starts at byte offset off of the
// article, or -1.
func tokenAt(x *sent, off int) int {
	for k := range x.toks {
		if x.s.Start+x.toks[k].s == off {
			return k
		}
	}
	return -1
}

// hasVerb reports whether tokens hold a verb: a trigger's verb form, an
// auxiliary or modal, or a past form.
func hasVerb(toks []token) bool {
	l := lex()
	for _, t := range toks {
		if auxBe.has(t.lw) || modals.has(t.lw) || irregularPast.has(t.lw) || (strings.HasSuffix(t.lw, "ed") && !t.cap) {
			return true
		}
		for _, e := range l.forms[t.lw] {
			if !e.noun {
				return true
			}
		}
	}
	return false
}

// afterWith reports whether "with" or "amid" stands shortly before token i
// ("with Morocco's ambassador saying").
func afterWith(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if toks[k].lw == "with" || toks[k].lw == "amid" {
			return true
		}
	}
	return false
}

// isVerbForm reports whether w is a verb form of a trigger.
func isVerbForm(w string) bool {
	for _, e := range lex().forms[w] {
		if !e.noun {
			return true
		}
	}
	return false
}

// dictVerbReading reports whether the word at token i, a form of the
// dictionary verb e, reads as a verb that reports a happening. The
// dictionary is large and many of its verbs are also nouns ("trade",
// "forces", "battles"), so its forms count only where English marks them as
// finite verbs: a past form or participle (not after a determiner), a base
// form after a modal or "to", an -s form right after its subject (an actor
// or a pronoun), an -ing form after a form of "be". p is the index of the
// previous word (-1 when none).
func (st *state) dictVerbReading(x *sent, i, p int, lw string, e *entry) bool {
	head := e.lemma
	if k := strings.IndexByte(head, ' '); k > 0 {
		head = head[:k]
	}
	prev := ""
	if p >= 0 {
		prev = x.toks[p].lw
	}
	if prev == "which" || prev == "who" || prev == "that" {
		// a relative clause describes its noun ("ISIS, which controlled a
		// third of the country"): background, not a reported happening
		return false
	}
	switch {
	case lw == head:
		if irregularPast.has(lw) && p >= 0 && p == i-1 && !determiners.has(prev) && !prepositions.has(prev) && !x.toks[p].punct && i+1 < len(x.toks) {
			// a past the same as the base ("hit", "cut", "shut") after a
			// noun and before its object: "a roadside bomb hit a minibus"
			if n := x.toks[i+1].lw; determiners.has(n) || isNumber(n) || x.toks[i+1].cap {
				return true
			}
		}
		return modals.has(prev) || prev == "to" || prev == "did"
	case isSFormOf(lw, head):
		return p >= 0 && p == i-1 && (st.insideMention(x, x.toks[p]) || pronouns.has(prev))
	case strings.HasSuffix(lw, "ing"):
		// "after leaving Baltiysk on Dec. 11": a dated gerund after a
		// preposition of time is decided with the other gerunds; "shows
		// masked men storming a checkpoint on May 3": a participle
		// after its noun with a date of its own tells a happening
		if e.class == material && p >= 0 && p == i-1 && !x.toks[p].punct && !prepositions.has(prev) && !determiners.has(prev) {
			if ex := nearExpr(x, hit{i: i, j: i + 1}); ex != nil && ex.Start > x.toks[i].s && ex.Span.Precision == graph.Day {
				return true
			}
		}
		return auxBe.has(prev) || prev == "after" || prev == "before" || prev == "since" || prev == "upon"
	default:
		return !determiners.has(prev)
	}
}

// datedRightAfter reports whether a time expression starts at token k,
// right after a preposition there ("in 2019", "on Monday"), or further in
// the phrase before the next comma ("in Lima on 18 April 1990").
func datedRightAfter(x *sent, k int) bool {
	if k >= len(x.toks) {
		return false
	}
	// the participle's phrase: up to its comma, eight words at most ("signed
	// in Lima on 18 April 1990,")
	end := k
	for end < len(x.toks) && end < k+8 && x.toks[end].w != "," && !(x.toks[end].punct && x.toks[end].w != "-") {
		end++
	}
	for _, ex := range x.exprs {
		if ex.Anchored || ex.Span.Precision == graph.Unknown {
			continue
		}
		if ex.Start == x.toks[k].s || k+1 < len(x.toks) && ex.Start == x.toks[k+1].s ||
			end > k && ex.Start >= x.toks[k].s && ex.Start < x.toks[end-1].e {
			return true
		}
	}
	return false
}

// isOrdinal reports whether w is an ordinal number: "4th", "second".
func isOrdinal(w string) bool {
	switch w {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth":
		return true
	}
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		for i := 0; i < n-2; i++ {
			if w[i] < '0' || w[i] > '9' {
				return false
			}
		}
		return true
	}
	return false
}

// conferCode is the CAMEO code of "spoke"/"talked" followed, within four
// words of token j, by "with" or "to" a party or "by phone": 041 for a
// telephone call, 040 otherwise; "" when neither follows.
func conferCode(toks []token, j int) string {
	code := ""
	for k, end := j, j+4; k < len(toks) && k < end && !toks[k].punct; k++ {
		switch toks[k].lw {
		case "phone", "telephone":
			code = "041"
		case "with":
			if code == "" {
				code = "040"
			}
			return code
		case "on":
			if k+1 < len(toks) && weekdayWords.has(toks[k+1].lw) {
				k++ // "spoke by telephone on Wednesday with"
				end += 2
				continue
			}
			return ""
		case "that", "about", "of":
			return ""
		}
	}
	return code
}

// craftNouns are the vehicles and units a verb's base form may modify
// ("patrol boat", "attack helicopter", "strike aircraft").
var craftNouns = set("boat boats vessel vessels ship ships car cars vehicle vehicles aircraft plane planes helicopter helicopters drone drones jet jets team unit")

// reducedRelative reports whether the past form at token i, after the word
// at p, is a participle modifying that word: p is a lower-case noun (not a
// pronoun, auxiliary, adverb or conjunction) right before i, and a verb
// found earlier (hits) stands in the same clause with no comma or
// coordinating word between it and i.
func reducedRelative(x *sent, hits []hit, i, p int) bool {
	if p != i-1 || p < 0 {
		return false
	}
	t := x.toks[p]
	if t.cap || t.punct || pronouns.has(t.lw) || auxBe.has(t.lw) || modals.has(t.lw) || adverbs.has(t.lw) || negations.has(t.lw) ||
		determiners.has(t.lw) || prepositions.has(t.lw) || subordinator.has(t.lw) || isNumber(t.lw) || strings.HasSuffix(t.lw, "ly") {
		return false
	}
	switch t.lw {
	case "and", "or", "but", "then", "also", "have", "has", "had", "who", "which", "that", "not", "never":
		return false
	}
	if i+1 < len(x.toks) && strings.HasSuffix(t.lw, "s") {
		// "many of the ships attacked have little connection": a finite
		// verb right after says the participle modifies the plural noun
		switch x.toks[i+1].lw {
		case "have", "has", "had", "are", "were", "is", "was", "remain", "remains", "remained":
			return true
		}
	}
	for k := len(hits) - 1; k >= 0; k-- {
		g := hits[k]
		if !g.verb || g.inf || g.prepIng || strings.HasSuffix(x.toks[g.i].lw, "ing") {
			continue // "to combat", "after meeting": not the clause's verb
		}
		if g.e.class == speech || g.e.class == order {
			return false // "said officers arrested": a complement clause follows
		}
		if pw := prevWord(x.toks, g.i); pw >= 0 && (x.toks[pw].lw == "who" || x.toks[pw].lw == "which" || x.toks[pw].lw == "that") {
			// "gunmen who arrived by boat attacked a station": the verb before
			// is a relative clause's; the main verb is still to come
			return false
		}
		for m := g.j; m < i; m++ {
			switch x.toks[m].lw {
			case ",", ";", "and", "but", "or", "while", "whereas", "then", "who", "which", "that", "when", "after", "before":
				return false
			}
		}
		return true
	}
	return false
}

// datelineDay is the day a dateline gives ("CARACAS, Aug 1 (AW) -",
// "KABUL, 12 June 2025 -"), when it is the publication day or one of the
// six days before it; else the zero time.
func datelineDay(x *sent, pub time.Time) time.Time {
	end := datelineEnd(x)
	if end == 0 || pub.IsZero() {
		return time.Time{}
	}
	for _, e := range timex.FindLower(x.s.Text[:end], x.low[:end], timex.Context{Published: pub}) {
		if e.Span.Precision != graph.Day || e.Span.Start != e.Span.End {
			continue
		}
		d, err := time.Parse("2006-01-02", e.Span.Start)
		if err != nil || d.After(pub) || pub.Sub(d) > 6*24*time.Hour {
			continue
		}
		return d
	}
	return time.Time{}
}

// datelineEnd returns the byte offset in x's sentence just past a dateline
// that opens it — a place in capitals, or a place and a parenthesized
// agency, before a dash: "AMMAN, Jordan (Reuters) -", "CARACAS —",
// "Baghdad (AP) –" — or 0 when it has none.
func datelineEnd(x *sent) int {
	if len(x.toks) < 3 {
		return 0
	}
	first := x.toks[0].w
	caps := len(first) >= 3 && strings.ToUpper(first) == first && strings.ToLower(first) != first
	paren := false
	for k := 1; k < len(x.toks) && k < 12; k++ {
		switch w := x.toks[k].w; w {
		case "(":
			paren = true
		case "-", "—", "–":
			if (caps || paren) && k+1 < len(x.toks) {
				return x.toks[k].e
			}
			return 0
		case ".", ";", ":":
			return 0
		}
	}
	return 0
}

// presentS reports whether w is the third person present of the verb
// lemma ("hosts", "keeps", "carries", "pushes"; "hands" of "hand over").
func presentS(w, lemma string) bool {
	if i := strings.IndexByte(lemma, ' '); i > 0 {
		lemma = lemma[:i]
	}
	switch {
	case w == lemma+"s", w == lemma+"es":
		return true
	case strings.HasSuffix(lemma, "y") && w == lemma[:len(lemma)-1]+"ies":
		return true
	}
	return false
}

// finiteFrom reports whether a finite-looking verb (a past form, or a
// form of be or have) stands at or after token k, up to the next comma
// when toComma is set ("claims Somali troops crossed …": the object is a
// clause).
func finiteFrom(toks []token, k int, toComma bool) bool {
	for ; k < len(toks) && !(toComma && toks[k].w == ","); k++ {
		if finiteWord(toks[k].lw) {
			return true
		}
	}
	return false
}

// whatCalled reports whether "what" stands one to five words before the
// verb at i with none of them a verb or a mark ("in what officials
// called", "what the interior ministry described as").
func whatCalled(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if toks[k].lw == "what" {
			return k < i-1
		}
		if toks[k].punct || isVerbForm(toks[k].lw) {
			return false
		}
	}
	return false
}

// isDemonymWord reports whether w is a demonym ("Thai", "Iranian"), not a
// country's name.
func isDemonymWord(w string) bool {
	if _, ok := gazetteer.Country(w); ok {
		if c, ok := gazetteer.Demonym(w); ok && c.Name != w {
			return true
		}
		return false
	}
	_, ok := gazetteer.Demonym(w)
	return ok
}

// ingRelative reports whether the -ing verb at toks[i:j] opens a
// reduced relative clause on the noun right before it ("gunmen riding
// motorbikes opened fire", "officials attending the talks signed"): that
// noun is a plural or an agent noun, no finite verb stands before it in
// clause r, and a finite verb follows in the clause before any comma or
// conjunction. The happening is the finite verb's.
func ingRelative(toks []token, i, j int, r [2]int) bool {
	if i == 0 || i-1 < r[0] {
		return false
	}
	prev := toks[i-1]
	if prev.punct || prev.cap && i-1 > r[0] || determiners.has(prev.lw) || prepositions.has(prev.lw) || auxBe.has(prev.lw) || pronouns.has(prev.lw) {
		return false
	}
	plural := strings.HasSuffix(prev.lw, "s") && !strings.HasSuffix(prev.lw, "ss") && !strings.HasSuffix(prev.lw, "'s")
	if !plural && lex().agents[prev.lw] == "" && !armedSubject(prev.lw) && !crowdNouns.has(prev.lw) {
		return false
	}
	for k := r[0]; k < i-1; k++ {
		if finiteWord(toks[k].lw) {
			return false
		}
	}
	return finiteAhead(toks, j, min(r[1], len(toks)))
}

// finiteAhead reports whether a finite verb form (finiteWord) stands in
// toks[from:to] before any mark (a quotation mark or a hyphen aside) or a
// word opening another clause: the verb of the clause a reduced relative
// ("troops patrolling the border", "workers deported from Chile") sits in.
func finiteAhead(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		t := toks[k]
		if t.punct && !isQuoteMark(t.w) && t.w != "-" {
			return false
		}
		switch t.lw {
		case "and", "or", "but", "who", "which", "that", "when", "while", "after", "before", "as":
			return false
		}
		if finiteWord(t.lw) {
			return true
		}
	}
	return false
}

// finiteWord reports whether w is a form that can be a clause's finite
// verb: a past form, a form of "be" or "have".
func finiteWord(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularPast.has(w) || auxBe.has(w) || w == "has" || w == "have" || w == "had"
}

// finiteHitBefore reports whether one of hits, the triggers found so far,
// is a finite verb: not an infinitive, a gerund or an -ing form.
func finiteHitBefore(x *sent, hits []hit) bool {
	for _, g := range hits {
		if g.verb && !g.inf && !g.prepIng && !strings.HasSuffix(x.toks[g.i].lw, "ing") {
			return true
		}
	}
	return false
}

// statementBefore reports whether the first finite verb of hits is a
// statement's or a claim's (CAMEO root 01): what a saying after it adds
// ("claimed the raid, saying its men had burned the depot") is the claim's
// content, not a reason for a happening.
func statementBefore(x *sent, hits []hit) bool {
	for _, g := range hits {
		if g.verb && !g.inf && !g.prepIng && !strings.HasSuffix(x.toks[g.i].lw, "ing") {
			return g.e.class == speech || root2(g.e.cameo) == "01"
		}
	}
	return false
}

// responseVerbs answer a happening by doing another ("responded by
// closing", "retaliated by expelling"): the gerund after their "by" is the
// response's happening.
var responseVerbs = set("responded responds respond retaliated retaliates retaliate reacted reacts react replied answered")

// attemptVerbs report an attempt at the infinitive after them ("tried to
// cross", "attempted to storm"): the attempt is a happening, unlike an
// intent ("plans to") or a wish.
var attemptVerbs = set("tried attempted")

// relativeBefore reports whether the verb at token k opens a relative
// clause: "who", "which" or "that" before it, past "had" or "has" ("the
// convoy that had tried to reach the town").
func relativeBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		switch toks[j].lw {
		case "who", "which", "that":
			return true
		case "had", "has", "have":
			continue
		}
		return false
	}
	return false
}
