package extract

import (
	_ "embed"
	"eventgraph/loader/wordfilter"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/triggers.tsv
var triggersTSV string

// cameoTSV is generated from PETRARCH2's CAMEO verb dictionary and WordNet
// 3.1 by gen/cameo (see data/README.md).
//
//go:embed data/cameo_verbs.tsv
var cameoTSV string

//go:embed data/cameo_codes.tsv
var cameoCodesTSV string

// class is what a trigger does in a sentence.
type class int

const (
	material class = iota // a happening of its own
	speech                // a statement; its complement may report another happening
	order                 // its complement's happening is the event (ordered by the subject)
	light                 // takes an event noun: "hold talks"
	none                  // blocks a phrase: "press release"
)

// entry is one trigger of the lexicon.
type entry struct {
	lemma string
	noun  bool
	cameo string // "" when CAMEO has no code for it
	typ   string
	class class
	// dict marks an entry that comes from the CAMEO dictionary rather than
	// the hand-written list; block names its CAMEO verb block, whose
	// patterns may refine (or, when cameo is "", give) its code.
	dict  bool
	block string
	// patternOnly marks a verb (of the dictionary, or a hand-written row of
	// class pattern) that is a trigger only when one
	// of its block's patterns codes it
	patternOnly bool
}

// pattern is a CAMEO verb pattern: the verb followed, within its object
// phrase, by words, codes code.
type pattern struct {
	words []string // as the dictionary writes them
	keys  []string // their nounKey, matched against the nounKey of a word
	code  string
}

// lexicon maps a lower-case word form (or a space-joined multi-word form)
// to its entries; maxWords is the longest form in words.
type lexicon struct {
	forms    map[string][]*entry
	maxWords int
	// first maps the first word of every form to the entries of the word
	// alone (nil if it is no form by itself) and the most words a form
	// starting with it has; firstFilter holds those words.
	first       map[string]firstWord
	firstFilter wordfilter.Large
	// patterns are the CAMEO patterns of each verb block; codeNames the
	// readable type of each CAMEO code.
	patterns map[string][]pattern
	confer   map[string]*entry
	conferMu sync.Mutex
	// byFirst indexes each block's patterns by the nounKey of their first
	// word, in dictionary order
	byFirst map[string]map[string][]int32
	// handPatterns are triggers.tsv's patterns, by the lemma of the verb
	// they refine (hand-written or dictionary), tried before the
	// dictionary's: where CAMEO's dictionary has none ("declared … persona
	// non grata") or a wrong one
	handPatterns map[string][]pattern
	codeNames    map[string]string
	// agents are the nouns (singular and plural) of Phoenix's agents of
	// government, security, rebel, opposition and criminal sectors.
	agents map[string]string
	stats  lexStats
}

// lexStats counts what each source brought to the lexicon.
type lexStats struct {
	hand, handPatterns, cameoVerbs, cameoUncoded, wordnetNouns, patterns, agents int
}

// firstWord is what the lexicon holds for a form's first word.
type firstWord struct {
	entries []*entry
	longest int
}

// happeningClasses are the WordNet verb classes whose verbs name a
// happening on their own (a ship docks, rebels topple a government); a
// CAMEO verb without a code of its own is a trigger only in these, and then
// only when its sentence names an actor.
var happeningClasses = map[string]bool{
	"verb.motion": true, "verb.competition": true, "verb.contact": true,
	"verb.possession": true, "verb.social": true,
}

// classOf is the class of a CAMEO-coded dictionary verb: statements,
// appeals, demands, disapproval and threats are said; the rest happens.
func classOf(code string) class {
	if len(code) < 2 {
		return material
	}
	switch code[:2] {
	case "01", "02", "10", "11", "13":
		return speech
	}
	if strings.HasPrefix(code, "051") {
		return speech
	}
	return material
}

var lex = sync.OnceValue(func() *lexicon {
	l, err := buildLexicon(triggersTSV, cameoTSV, cameoCodesTSV)
	if err != nil {
		panic("extract: embedded lexicon: " + err.Error())
	}
	return l
})

// buildLexicon reads the hand-written triggers, the CAMEO code names and
// the generated CAMEO/WordNet table. The files are parsed strictly: a short
// row, an unknown class or row kind is an error naming the file and line.
// Hand-written entries win: a dictionary verb or noun is added only for a
// word the hand list does not have in that part of speech.
func buildLexicon(hand, dict, codes string) (*lexicon, error) {
	l := &lexicon{forms: map[string][]*entry{}, maxWords: 1, patterns: map[string][]pattern{}, handPatterns: map[string][]pattern{}, byFirst: map[string]map[string][]int32{}, codeNames: map[string]string{}, agents: map[string]string{}}
	for n, line := range strings.Split(codes, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("cameo_codes.tsv:%d: want code<TAB>type, got %q", n+1, line)
		}
		l.codeNames[f[0]] = f[1]
	}
	handVerb, handNoun := map[string]bool{}, map[string]bool{}
	handEntry := map[string]*entry{} // the first hand-written entry of a verb
	for n, line := range strings.Split(hand, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if f[0] == "pattern" {
			// pattern<TAB>verb lemma<TAB>code<TAB>words
			if len(f) != 4 || f[1] == "" || f[3] == "" {
				return nil, fmt.Errorf("triggers.tsv:%d: want pattern<TAB>verb<TAB>code<TAB>words, got %q", n+1, line)
			}
			if _, ok := l.codeNames[f[2]]; !ok {
				if _, ok := l.codeNames[f[2][:min(3, len(f[2]))]]; !ok {
					return nil, fmt.Errorf("triggers.tsv:%d: unknown CAMEO code %q", n+1, f[2])
				}
			}
			words := strings.Fields(f[3])
			keys := make([]string, len(words))
			for i, w := range words {
				keys[i] = nounKey(strings.ToLower(w))
				if w == nameWord {
					if i == 0 {
						return nil, fmt.Errorf("triggers.tsv:%d: %s follows a word of the pattern", n+1, nameWord)
					}
					keys[i] = nameWord
				}
			}
			l.handPatterns[f[1]] = append(l.handPatterns[f[1]], pattern{words: words, keys: keys, code: f[2]})
			l.stats.handPatterns++
			continue
		}
		if len(f) < 5 || len(f) > 6 {
			return nil, fmt.Errorf("triggers.tsv:%d: want 5 or 6 columns, got %d: %q", n+1, len(f), line)
		}
		if f[1] != "v" && f[1] != "n" {
			return nil, fmt.Errorf("triggers.tsv:%d: part of speech %q is neither v nor n", n+1, f[1])
		}
		e := &entry{lemma: f[0], noun: f[1] == "n", cameo: f[2], typ: f[3]}
		if e.cameo == "-" {
			e.cameo = ""
		}
		switch f[4] {
		case "material":
			e.class = material
		case "speech":
			e.class = speech
		case "order":
			e.class = order
		case "light":
			e.class = light
		case "none":
			e.class = none
		case "pattern":
			// "hand": a verb that names a happening only as one of its
			// patterns codes it ("handed a note of protest")
			if e.noun || e.cameo != "" {
				return nil, fmt.Errorf("triggers.tsv:%d: class pattern is for an uncoded verb: %q", n+1, line)
			}
			e.class, e.patternOnly = material, true
		default:
			return nil, fmt.Errorf("triggers.tsv:%d: unknown class %q", n+1, f[4])
		}
		var extra []string
		if len(f) == 6 && f[5] != "" {
			extra = strings.Split(f[5], ",")
		}
		if e.noun {
			handNoun[e.lemma] = true
		} else {
			handVerb[e.lemma] = true
			if handEntry[e.lemma] == nil {
				handEntry[e.lemma] = e
			}
		}
		l.add(e, extra)
		l.stats.hand++
	}
	verbOf := map[string]*entry{} // a dictionary verb's entry, for its nouns
	for n, line := range strings.Split(dict, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		bad := func(want string) error {
			return fmt.Errorf("cameo_verbs.tsv:%d: want %s, got %q", n+1, want, line)
		}
		switch f[0] {
		case "verb":
			if len(f) != 6 {
				return nil, bad("verb<TAB>lemma<TAB>code<TAB>block<TAB>class<TAB>forms")
			}
			lemma, code, block, wclass := f[1], f[2], f[3], f[4]
			head := lemma
			if k := strings.IndexByte(head, ' '); k > 0 {
				head = head[:k]
			}
			if handVerb[lemma] || handVerb[head] || verbOf[lemma] != nil {
				// the hand list covers this verb and its phrases ("hold" is a
				// light verb, "cordon off" is "cordon"); WordNet's irregular
				// forms still serve it ("expel", "expelled")
				if h := handEntry[lemma]; h != nil && f[5] != "" {
					l.addForms(h, strings.Split(f[5], ","))
				}
				continue
			}
			if code == "-" {
				code = ""
			}
			e := &entry{lemma: lemma, cameo: code, typ: l.typeOf(code, block), class: classOf(code), dict: true, block: block}
			var extra []string
			if f[5] != "" {
				extra = strings.Split(f[5], ",")
			}
			if code == "" && !happeningClasses[wclass] {
				// "recall" (a cognition verb) is an event only as a pattern
				// names it: "recalled its ambassador" is 161
				e.patternOnly = true
				l.add(e, extra)
				continue
			}
			verbOf[lemma] = e
			l.add(e, extra)
			if code == "" {
				l.stats.cameoUncoded++
			} else {
				l.stats.cameoVerbs++
			}
		case "pattern":
			if len(f) != 4 {
				return nil, bad("pattern<TAB>block<TAB>code<TAB>words")
			}
			words := strings.Fields(f[3])
			keys := make([]string, len(words))
			for i, w := range words {
				keys[i] = nounKey(w)
			}
			if l.byFirst[f[1]] == nil {
				l.byFirst[f[1]] = map[string][]int32{}
			}
			l.byFirst[f[1]][keys[0]] = append(l.byFirst[f[1]][keys[0]], int32(len(l.patterns[f[1]])))
			l.patterns[f[1]] = append(l.patterns[f[1]], pattern{words: words, keys: keys, code: f[2]})
			l.stats.patterns++
		case "noun":
			if len(f) != 3 {
				return nil, bad("noun<TAB>noun<TAB>verb")
			}
			noun, verb := f[1], f[2]
			if handNoun[noun] {
				continue
			}
			v := verbOf[verb]
			if v == nil {
				// a noun of a hand-written verb takes that verb's code
				for _, e := range l.forms[verb] {
					if !e.noun && e.lemma == verb && e.class != none {
						v = e
						break
					}
				}
			}
			if v == nil || v.class != material || v.dict && v.cameo == "" {
				continue // statements' nouns ("announcement") and uncoded acts name no event alone
			}
			handNoun[noun] = true
			l.add(&entry{lemma: noun, noun: true, cameo: v.cameo, typ: v.typ, class: material, dict: true}, nil)
			l.stats.wordnetNouns++
		case "agent":
			if len(f) != 3 {
				return nil, bad("agent<TAB>noun<TAB>sector")
			}
			l.agents[f[1]] = f[2]
			pl := plural(f[1])
			if strings.HasSuffix(f[1], "man") {
				pl = strings.TrimSuffix(f[1], "man") + "men"
			}
			l.agents[pl] = f[2]
			l.stats.agents++
		default:
			return nil, fmt.Errorf("cameo_verbs.tsv:%d: unknown row kind %q", n+1, f[0])
		}
	}
	l.first = map[string]firstWord{}
	for w, es := range l.forms {
		head, n := w, strings.Count(w, " ")+1
		if i := strings.IndexByte(w, ' '); i >= 0 {
			head = w[:i]
		}
		f := l.first[head]
		if n == 1 {
			f.entries = es
		}
		f.longest = max(f.longest, n)
		l.first[head] = f
		l.firstFilter.Add(head)
	}
	return l, nil
}

// typeOf is the readable type of a CAMEO code: its own name, its
// three-digit parent's, or for an uncoded verb the verb block's name.
func (l *lexicon) typeOf(code, block string) string {
	if t, ok := l.codeNames[code]; ok {
		return t
	}
	if len(code) > 3 {
		if t, ok := l.codeNames[code[:3]]; ok {
			return t
		}
	}
	return block
}

// addForms files an entry under more forms, unless it is filed under
// them already.
func (l *lexicon) addForms(e *entry, forms []string) {
	var fresh []string
	for _, w := range forms {
		w = strings.ToLower(strings.TrimSpace(w))
		if w != "" && !slices.Contains(l.forms[w], e) {
			fresh = append(fresh, w)
		}
	}
	l.file(e, fresh)
}

// add files an entry under its lemma, its regular forms and extra forms.
func (l *lexicon) add(e *entry, extra []string) {
	forms := []string{e.lemma}
	if e.noun {
		if !strings.HasSuffix(e.lemma, "s") {
			forms = append(forms, plural(e.lemma))
		}
	} else {
		forms = append(forms, verbForms(e.lemma)...)
	}
	forms = append(forms, extra...)
	l.file(e, forms)
}

// file files an entry under forms (lower-cased, each once).
func (l *lexicon) file(e *entry, forms []string) {
	seen := map[string]bool{}
	for _, w := range forms {
		w = strings.ToLower(strings.TrimSpace(w))
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		l.forms[w] = append(l.forms[w], e)
		if n := len(strings.Fields(w)); n > l.maxWords {
			l.maxWords = n
		}
	}
}

// refine codes a dictionary verb by its block's patterns: the first
// pattern whose words follow the verb in order within its object phrase
// (toks, the words after the verb up to the clause's end) gives the code.
// It returns e itself when no pattern matches. Only the patterns whose
// first word is in the phrase are tried (byFirst).
// monthNames are the month names that are also nouns of patterns
// ("march", "may"): written capitalized they are dates.
var monthNames = set("january february march april may june july august september october november december")

func (l *lexicon) refine(e *entry, toks []token) *entry {
	if hp := l.handPatterns[e.lemma]; len(hp) > 0 && !e.noun {
		if c := refineHand(e, hp, toks); c != nil {
			c.typ = l.typeOf(c.cameo, e.typ)
			return c
		}
	}
	if !e.dict || e.block == "" {
		return e
	}
	index := l.byFirst[e.block]
	if len(index) == 0 {
		return e
	}
	const window = 8
	var keysArr [window]string
	keys := keysArr[:0]
	for _, t := range toks {
		if isQuoteMark(t.w) {
			continue // 'called it "illegitimate"': the pattern reads on
		}
		if t.punct || len(keys) == window {
			break
		}
		if t.cap && monthNames.has(t.lw) {
			keys = append(keys, "\x00") // "on March 12" is a date, no "march"
			continue
		}
		keys = append(keys, nounKey(t.lw))
	}
	best := int32(-1)
	pats := l.patterns[e.block]
	for i, k := range keys {
		for _, pi := range index[k] {
			if best >= 0 && pi >= best {
				break // dictionary order: an earlier pattern has matched
			}
			if matchesFrom(pats[pi].keys, keys[i:]) {
				best = pi
				break
			}
		}
	}
	if best < 0 {
		return e
	}
	p := pats[best]
	c := *e
	c.cameo = p.code
	c.typ = l.typeOf(p.code, e.block)
	// a pattern changes the code, not what the verb does: "cancel an
	// agreement" is an act, whatever root the pattern gives
	return &c
}

// refineHand codes a verb by the first of its hand-written patterns
// (triggers.tsv) whose words follow it in order within its clause, over
// commas ("declaring the embassy's attaché, Ivan Petrov, persona non
// grata"), at most 12 words on. A hand pattern says what the verb does
// ("declared … persona non grata" expels; it states nothing), so a
// statement verb recoded as an act becomes one. It returns nil when none
// matches.
func refineHand(e *entry, pats []pattern, toks []token) *entry {
	const window = 12
	var keysArr [window]string
	var capsArr [window]bool
	keys, caps := keysArr[:0], capsArr[:0]
	for _, t := range toks {
		if isQuoteMark(t.w) || t.w == "," {
			continue
		}
		if t.punct || len(keys) == window {
			break
		}
		keys = append(keys, nounKey(t.lw))
		caps = append(caps, t.cap)
	}
	for _, p := range pats {
		for i, k := range keys {
			if k == p.keys[0] && matchesHand(p.keys, keys[i:], caps[i:]) {
				c := *e
				c.cameo = p.code
				if e.class == speech && (classOf(p.code) == material || p.code == "015") {
					// 015: claiming responsibility is an act of its own,
					// not a report of the attack it claims
					c.class = material
				}
				if e.class == light && classOf(p.code) == material && !triggerWords(p.words) {
					// "held the accord in abeyance": the act the pattern
					// names, not the noun it governs ("accord" signed);
					// "held exercises" stays light, the noun the happening
					c.class = material
				}
				c.patternOnly = false
				// the code is the hand list's now: the verb is no looser
				// dictionary reading that a hand-written trigger of its
				// sentence would silence (handHappening)
				c.dict = false
				return &c
			}
		}
	}
	return nil
}

// triggerWords reports whether one of a pattern's words starts a trigger
// of its own ("exercises"), which a light verb then governs.
func triggerWords(words []string) bool {
	for _, w := range words {
		if _, ok := lex().first[strings.ToLower(w)]; ok {
			return true
		}
	}
	return false
}

// nameWord in a hand pattern stands for a capitalized word right after the
// pattern's word before it: "protest to NAME" is "protested to Lima".
const nameWord = "NAME"

// matchesHand is matchesFrom for a hand pattern, whose nameWord matches the
// capitalized word right after the word matched before it.
func matchesHand(want, keys []string, caps []bool) bool {
	k, last := 0, -2
	for i, w := range keys {
		if k == len(want) {
			break
		}
		if want[k] == nameWord {
			if i == last+1 && caps[i] {
				k, last = k+1, i
				continue
			}
			if i > last+1 {
				return false // the word after the one matched is no name
			}
			continue
		}
		if w == want[k] {
			k, last = k+1, i
		}
	}
	return k == len(want)
}

// matchesFrom reports whether want, whose first key is keys[0], occurs in
// order (not necessarily adjacent) in keys.
func matchesFrom(want, keys []string) bool {
	k := 0
	for _, w := range keys {
		if k < len(want) && w == want[k] {
			k++
		}
	}
	return k == len(want)
}

// nounKey is a word with a plural ending taken off, so that a pattern's
// word matches its singular and plural: "strikes" and "strike", "parties"
// and "party", "taxes" and "tax".
func nounKey(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// doubles reports whether a verb doubles its last consonant (plan →
// planned): a short consonant-vowel-consonant word.
func doubles(w string) bool {
	n := len(w)
	if n < 3 || n > 4 {
		return false
	}
	groups := 0
	for i := 0; i < n; i++ {
		if isVowel(w[i]) && (i == 0 || !isVowel(w[i-1])) {
			groups++
		}
	}
	if groups != 1 {
		return false // "open" is two syllables: opened
	}
	c := w[n-1]
	return !isVowel(c) && strings.IndexByte("wxy", c) < 0 && isVowel(w[n-2]) && !isVowel(w[n-3])
}

// verbForms inflects a regular verb (multi-word verbs inflect the first word).
func verbForms(v string) []string {
	head, tail := v, ""
	if i := strings.IndexByte(v, ' '); i > 0 {
		head, tail = v[:i], v[i:]
	}
	var s, ed, ing string
	switch {
	case strings.HasSuffix(head, "y") && len(head) > 1 && !isVowel(head[len(head)-2]):
		s, ed, ing = head[:len(head)-1]+"ies", head[:len(head)-1]+"ied", head+"ing"
	case strings.HasSuffix(head, "e") && !strings.HasSuffix(head, "ee"):
		s, ed, ing = head+"s", head+"d", head[:len(head)-1]+"ing"
	case esVerb(head):
		s, ed, ing = head+"es", head+"ed", head+"ing"
	case doubles(head):
		d := head + head[len(head)-1:]
		s, ed, ing = head+"s", d+"ed", d+"ing"
	default:
		s, ed, ing = head+"s", head+"ed", head+"ing"
	}
	return []string{s + tail, ed + tail, ing + tail}
}

// sForm is verbForms(v)[0] for a one-word verb, built alone (titles and
// dictVerbReading want only the -s form).
func sForm(head string) string {
	switch {
	case strings.HasSuffix(head, "y") && len(head) > 1 && !isVowel(head[len(head)-2]):
		return head[:len(head)-1] + "ies"
	case strings.HasSuffix(head, "e") && !strings.HasSuffix(head, "ee"):
		return head + "s"
	case esVerb(head):
		return head + "es"
	}
	return head + "s"
}

// esVerb reports whether a verb takes -es in the third person: after s,
// sh, ch, x, z, and after o that follows a consonant ("goes", "vetoes").
func esVerb(head string) bool {
	n := len(head)
	return strings.HasSuffix(head, "s") || strings.HasSuffix(head, "sh") || strings.HasSuffix(head, "ch") || strings.HasSuffix(head, "x") || strings.HasSuffix(head, "z") ||
		n > 1 && head[n-1] == 'o' && !isVowel(head[n-2])
}

// isSFormOf reports whether word == sForm(head), without building it.
func isSFormOf(word, head string) bool {
	switch {
	case strings.HasSuffix(head, "y") && len(head) > 1 && !isVowel(head[len(head)-2]):
		return len(word) == len(head)+2 && strings.HasPrefix(word, head[:len(head)-1]) && strings.HasSuffix(word, "ies")
	case strings.HasSuffix(head, "e") && !strings.HasSuffix(head, "ee"):
	case esVerb(head):
		return len(word) == len(head)+2 && strings.HasPrefix(word, head) && strings.HasSuffix(word, "es")
	}
	return len(word) == len(head)+1 && strings.HasPrefix(word, head) && word[len(head)] == 's'
}

func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "s") || strings.HasSuffix(n, "sh") || strings.HasSuffix(n, "ch") || strings.HasSuffix(n, "x"):
		return n + "es"
	case strings.HasSuffix(n, "y") && len(n) > 1 && !isVowel(n[len(n)-2]):
		return n[:len(n)-1] + "ies"
	}
	return n + "s"
}

// token is a word or a punctuation mark of a sentence, with byte offsets
// into the sentence.
type token struct {
	s, e  int
	w, lw string // as written, lower case
	cap   bool   // starts with an upper-case letter
	punct bool
}

// tokenize splits a sentence into words (letters, digits, inner hyphens
// and apostrophes) and single punctuation marks, appended to buf; low is s
// with its ASCII letters lower-cased (see ascii.Lower), whose words are the
// tokens' lower case when they are ASCII.
func tokenize(s, low string, buf []token) []token {
	toks := buf
	i := 0
	for i < len(s) {
		r, n := decodeRune(s, i)
		switch {
		case isSpace(r):
			i += n
		case isAlnum(r):
			j := i
			ascii := true
			// "U.S.", "U.N.": capitals with dots are one word
			for j+2 < len(s) && 'A' <= s[j] && s[j] <= 'Z' && s[j+1] == '.' && 'A' <= s[j+2] && s[j+2] <= 'Z' &&
				(j+3 == len(s) || s[j+3] == '.' || s[j+3] == ' ') && (j == i || s[j-1] == '.') {
				j += 2
				if j+1 < len(s) && s[j+1] == '.' {
					j += 2 // past the last letter and its dot
					break
				}
			}
			for j < len(s) {
				if c := s[j]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
					j++ // the common case, before decoding
					continue
				}
				r2, n2 := decodeRune(s, j)
				if isAlnum(r2) {
					ascii = ascii && r2 < utf8.RuneSelf
					j += n2
					continue
				}
				// inner hyphen, apostrophe, or digit separators
				if (r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == ',') && j+n2 < len(s) {
					r3, _ := decodeRune(s, j+n2)
					if (r2 == '.' || r2 == ',') && !(isDigit(r3) && j > i && isDigit(lastRune(s[i:j]))) {
						break
					}
					if isAlnum(r3) {
						ascii = ascii && r2 < utf8.RuneSelf
						j += n2
						continue
					}
				}
				break
			}
			w := s[i:j]
			lw := low[i:j]
			if !ascii {
				lw = strings.ToLower(w)
			}
			toks = pushToken(toks, i, j, w, lw, isUpper(r), false)
			i = j
		default:
			toks = pushToken(toks, i, i+n, s[i:i+n], s[i:i+n], false, true)
			i += n
		}
	}
	return toks
}

// pushToken appends a token to toks, in place when toks has room: field by
// field, which spares copying a whole token while the garbage collector
// runs.
func pushToken(toks []token, s, e int, w, lw string, upper, punct bool) []token {
	n := len(toks)
	if n == cap(toks) {
		return append(toks, token{s: s, e: e, w: w, lw: lw, cap: upper, punct: punct})
	}
	toks = toks[:n+1]
	t := &toks[n]
	t.s, t.e, t.w, t.lw, t.cap, t.punct = s, e, w, lw, upper, punct
	return toks
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), quick for ASCII.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isSpace is unicode.IsSpace, quick for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// isAlnum is unicode.IsLetter(r) || unicode.IsDigit(r), quick for ASCII.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isDigit is unicode.IsDigit, quick for ASCII.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isUpper is unicode.IsUpper, quick for ASCII.
func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// conferEntry is the trigger of a consultation with code 040 or 041 (see
// conferCode) told by verb lemma ("speak", "talk"), one per lemma and code.
func (l *lexicon) conferEntry(lemma, code string) *entry {
	l.conferMu.Lock()
	defer l.conferMu.Unlock()
	if l.confer == nil {
		l.confer = map[string]*entry{}
	}
	e := l.confer[lemma+code]
	if e == nil {
		e = &entry{lemma: lemma, cameo: code, typ: l.typeOf(code, ""), class: material}
		l.confer[lemma+code] = e
	}
	return e
}
