package extract

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
	"eventgraph/loader/wordfilter"
)

// Quantities: numbers with their units in an event's sentence ("160 km",
// "80%", "11 million pills", "35 killed", "$5 billion"), and what they
// count. A number is a quantity only with a unit or a counted noun beside
// it; years, days of the month, times, ages, ordinals and numbers that
// name something ("Resolution 2254", "Article 5") are not quantities.

//go:embed data/units.tsv
var unitsTSV string

// unitWord is what the unit lexicon (data/units.tsv) knows of a word; a
// word may have several classes ("killed": affected and verb).
type unitWord struct {
	number   float64 // a written-out number
	scale    float64 // a multiplier: million
	measure  string  // a unit's normal symbol
	currency string  // an ISO 4217 code
	person   bool    // a noun for people
	affected string  // people a happening struck: "killed"
	verb     string  // "killing 35": the participle, "killed"
	time     bool    // a unit of time
	month    bool
	approx   bool // "dozens"
	stop     bool // "aged", "No."
}

// parseUnits reads the unit lexicon strictly: a short row, an unknown
// class or a bad number is an error naming the line.
func parseUnits(tsv string) (map[string]*unitWord, error) {
	words := map[string]*unitWord{}
	for n, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "# ") || line == "#" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" || f[2] == "" {
			return nil, fmt.Errorf("units.tsv line %d: want 3 columns (form, class, value), got %q", n+1, line)
		}
		w := words[f[0]]
		if w == nil {
			w = &unitWord{}
			words[f[0]] = w
		}
		num := func() (float64, error) {
			v, err := strconv.ParseFloat(f[2], 64)
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("units.tsv line %d: %s %q: value %q is not a positive number", n+1, f[1], f[0], f[2])
			}
			return v, nil
		}
		var err error
		switch f[1] {
		case "number":
			w.number, err = num()
		case "scale":
			w.scale, err = num()
		case "measure":
			w.measure = f[2]
		case "currency":
			w.currency = f[2]
		case "person":
			w.person = true
		case "affected":
			w.affected = f[2]
		case "verb":
			w.verb = f[2]
		case "time":
			w.time = true
		case "month":
			w.month = true
		case "approx":
			w.approx = true
		case "stop":
			w.stop = true
		default:
			err = fmt.Errorf("units.tsv line %d: unknown class %q", n+1, f[1])
		}
		if err != nil {
			return nil, err
		}
	}
	return words, nil
}

var unitWords = sync.OnceValue(func() map[string]*unitWord {
	w, err := parseUnits(unitsTSV)
	if err != nil {
		panic(err) // the embedded lexicon is tested
	}
	return w
})

// unitOf returns the lexicon's entry for a lower-case word, or a zero entry.
func unitOf(lw string) *unitWord {
	if !unitFilter().MayHave(lw) {
		return &noUnit // most words: no map lookup
	}
	if w := unitWords()[lw]; w != nil {
		return w
	}
	return &noUnit
}

var noUnit unitWord

// unitFilter holds the words of unitWords.
var unitFilter = sync.OnceValue(func() *wordfilter.Filter {
	f := new(wordfilter.Filter)
	for w := range unitWords() {
		f.Add(w)
	}
	return f
})

// quantityStop are the words that end a counted noun group.
var quantityStop = set("last next yesterday today tonight overnight along near inside outside around toward towards via within beyond of in on at by for from with to into about after before during since over under against between among through across and or but that which who whose where when than as is are was were be been has have had will would could should may might must can did do does not were also were the a an this these those its their his her our long wide high deep tall away north south east west northeast northwest southeast southwest more less fewer only each per")

// leadWords may open a sentence before a count ("Some 300 families").
var leadWords = set("some about around nearly almost approximately roughly over more less fewer only just at up and but while exactly an estimated another all")

// dimensions may stand between a compound measure and what it measures.
var dimensions = set("long wide high deep tall thick")

// anaphoric are the words after which a small written-out number points
// back at things already named ("the two countries"), no new count.
var anaphoric = set("the these those both its their his her our all")

// sentenceQuantities finds the quantities of a sentence; offsets in toks
// are relative to text. The quantities' ArticleID is left empty.
func sentenceQuantities(text string, toks []token) []quantityAt {
	var out []quantityAt
	for i := 0; i < len(toks); i++ {
		if !mayStartQuantity(toks[i]) {
			continue
		}
		q, end, ok := quantityFrom(text, toks, i)
		if ok {
			out = append(out, q)
			i = end - 1
		}
	}
	return out
}

// quantityAt is a quantity with the byte offsets of its text in the
// sentence.
type quantityAt struct {
	graph.Quantity
	s, e int
}

// number reads a number at toks[i]: digits ("260,000", "1.5", "5bn",
// "160-km") or words ("twelve", "twenty-five", "a dozen"). It returns the
// value, the token after it, a unit written into the token ("km" of
// "160-km"), whether it was written in words, and ok.
func number(toks []token, i int) (v float64, next int, unit string, words, ok bool) {
	t := toks[i]
	if t.punct {
		return 0, 0, "", false, false
	}
	c := t.lw[0]
	if '0' <= c && c <= '9' {
		digits := t.lw
		j := 0
		for j < len(digits) && ('0' <= digits[j] && digits[j] <= '9' || digits[j] == ',' || digits[j] == '.') {
			j++
		}
		num, rest := digits[:j], digits[j:]
		if strings.Contains(num, ",") {
			// thousands separators: 260,000 (a decimal comma is not read)
			parts := strings.Split(num, ",")
			for k, p := range parts {
				if k > 0 && len(p) != 3 || k == 0 && (len(p) == 0 || len(p) > 3) {
					return 0, 0, "", false, false
				}
			}
			num = strings.ReplaceAll(num, ",", "")
		}
		f, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return 0, 0, "", false, false
		}
		rest = strings.TrimPrefix(rest, "-")
		if h := strings.LastIndexByte(rest, '-'); h > 0 && dimensions.has(rest[h+1:]) {
			rest = rest[:h] // "160-kilometer-long"
		}
		if rest != "" {
			u := unitOf(rest)
			switch {
			case u.scale > 0:
				f *= u.scale // "5bn", "20k"
			case rest == "m" && i > 0 && unitOf(toks[i-1].lw).currency != "":
				f *= 1e6 // "$5m" is five million dollars
			case u.measure != "" || u.time || u.person || rest == "m":
				unit = rest
			default:
				// an ordinal (4th), a code (F16), "10-member" with an unknown noun
				if strings.IndexByte(t.lw, '-') < 0 || !isWord(rest) {
					return 0, 0, "", false, false
				}
				unit = rest
			}
		}
		return f, i + 1, unit, false, true
	}
	// written out: "twenty-five", "twelve", "a dozen", "a million"
	if t.lw == "a" || t.lw == "an" {
		if i+1 < len(toks) && unitOf(toks[i+1].lw).scale > 0 && toks[i+1].lw != "k" {
			return 1, i + 1, "", true, true
		}
		return 0, 0, "", false, false
	}
	lw := t.lw
	if h := strings.IndexByte(lw, '-'); h > 0 {
		a, b := unitOf(lw[:h]), unitOf(lw[h+1:])
		if a.number >= 20 && b.number > 0 && b.number < 10 {
			return a.number + b.number, i + 1, "", true, true
		}
		if a.number > 0 && b.measure != "" || a.number > 0 && (b.time || b.person) {
			return a.number, i + 1, lw[h+1:], true, true // "three-day", "ten-member"
		}
		return 0, 0, "", false, false
	}
	if u := unitOf(lw); u.number > 0 {
		return u.number, i + 1, "", true, true
	}
	return 0, 0, "", false, false
}

// isWord reports whether w is made of lower-case ASCII letters.
func isWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// mayStartQuantity reports whether quantityFrom may read a quantity from
// t: a currency sign, "us" (of "US$"), a number in digits, "a"/"an" (of "a
// dozen") or a number word, alone or before a hyphen ("three-day"). It
// rules out most words at the cost of one filter test.
func mayStartQuantity(t token) bool {
	lw := t.lw
	if t.punct {
		return unitOf(lw).currency != ""
	}
	if lw == "" || isDigitByte(lw[0]) || lw == "a" || lw == "an" || lw == "us" {
		return true
	}
	if h := strings.IndexByte(lw, '-'); h > 0 {
		return unitOf(lw[:h]).number > 0
	}
	return unitOf(lw).number > 0
}

// quantityFrom reads a quantity starting at toks[i], returning it and the
// index of the token after it.
func quantityFrom(text string, toks []token, i int) (quantityAt, int, bool) {
	var q quantityAt
	start := i
	currency := ""
	if u := unitOf(toks[i].lw); u.currency != "" && toks[i].punct || toks[i].lw == "us" && i+1 < len(toks) && toks[i+1].w == "$" {
		// "$5 billion", "US$ 5 m", "€3"
		if toks[i].lw == "us" {
			i++
		}
		currency = unitOf(toks[i].lw).currency
		i++
		if i >= len(toks) || toks[i].s != toks[i-1].e && toks[i].s-toks[i-1].e > 1 {
			return q, 0, false
		}
	}
	v, j, inUnit, words, ok := number(toks, i)
	if !ok {
		return q, 0, false
	}
	// what stands before the number
	if i > 0 && currency == "" {
		p := toks[i-1]
		pu := unitOf(p.lw)
		switch {
		case pu.stop || pu.month:
			return q, 0, false // "aged 35", "No. 5", "May 12"
		case p.w == "." && i > 1 && unitOf(toks[i-2].lw).stop:
			return q, 0, false // "No. 5"
		case p.cap && !p.punct && !words && !isDigitByte(p.lw[0]) && !strings.HasSuffix(p.lw, "'s") && !strings.HasSuffix(p.lw, "’s") &&
			!(i-1 == 0 && (leadWords.has(p.lw) || determiners.has(p.lw) || prepositions.has(p.lw))):
			return q, 0, false // "Resolution 2254", "Article 5", "Highway 4"
		case words && v < 10 && anaphoric.has(p.lw):
			return q, 0, false // "the two countries"
		case p.w == "(" && j < len(toks) && toks[j].w == ")":
			return q, 0, false // an age after a name: "Ahmed (35)"
		}
	}
	// what stands after it: a time, a month, a year
	if j < len(toks) {
		n := toks[j]
		nu := unitOf(n.lw)
		if nu.month || n.w == ":" && j+1 < len(toks) && isDigitByte(toks[j+1].lw[0]) || nu.time && inUnit == "" ||
			(n.lw == "a" || n.lw == "p") && j+1 < len(toks) && toks[j+1].w == "." {
			return q, 0, false
		}
	}
	if inUnit != "" && unitOf(inUnit).time {
		return q, 0, false // "three-day", "35-year-old"
	}
	if !words && currency == "" && inUnit == "" && v >= 1800 && v <= 2100 && v == float64(int(v)) && !strings.Contains(toks[i].w, ",") {
		// a year, unless a unit follows at once ("2000 km", "1900 soldiers")
		if j >= len(toks) || unitOf(toks[j].lw).measure == "" && !unitOf(toks[j].lw).person {
			return q, 0, false
		}
	}
	// scale words: "11 million", "two hundred thousand", "two dozen"
	for j < len(toks) && inUnit == "" {
		u := unitOf(toks[j].lw)
		if u.scale == 0 || toks[j].lw == "k" {
			break
		}
		v *= u.scale
		j++
	}
	end := j // the token after the quantity's text
	unit, counts := inUnit, ""
	switch {
	case unit != "":
		u := unitOf(unit)
		switch {
		case u.measure != "":
			unit = u.measure
		case u.person:
			counts, unit = unit, "people"
		case unit == "m":
			// kept
		default:
			counts, unit = unit, plural(unit) // "10-member" counts members
		}
	case currency != "":
		unit = currency
	}
	if unit == "" && j < len(toks) {
		n := toks[j]
		u := unitOf(n.lw)
		switch {
		case n.lw == "per" && j+1 < len(toks) && toks[j+1].lw == "cent":
			unit, end = "%", j+2
		case (n.lw == "square" || n.lw == "sq") && j+1 < len(toks) && unitOf(toks[j+1].lw).measure != "":
			unit, end = unitOf(toks[j+1].lw).measure+"2", j+2
		case u.currency != "" && !n.punct:
			unit, end = u.currency, j+1
		case n.lw == "us" && j+1 < len(toks) && unitOf(toks[j+1].lw).currency != "":
			unit, end = unitOf(toks[j+1].lw).currency, j+2
		case u.measure != "":
			unit, end = u.measure, j+1
		}
	}
	if unit == "" {
		// a counted noun: "223 families", "35 Syrian soldiers", "11 million
		// Captagon pills"; or people a happening struck: "35 killed"
		if head, h := countedNoun(toks, j); h >= 0 {
			counts, end = head, h+1
			if unitOf(head).person || strings.HasSuffix(head, "men") {
				unit = "people"
			} else if w, ok := capitalPlural(toks[h]); ok {
				unit, counts = "people", w
			} else {
				unit = head
			}
			switch {
			case unit == "people" && h+1 < len(toks) && unitOf(toks[h+1].lw).affected != "":
				counts += " " + toks[h+1].lw // "35 people killed"
				end = h + 2
			case unit == "people" && start > 0 && unitOf(toks[start-1].lw).verb != "":
				counts += " " + unitOf(toks[start-1].lw).verb // "killed 23 people"
			}
		} else if j < len(toks) && unitOf(toks[j].lw).affected != "" && !toks[j].cap {
			unit, counts, end = "people", unitOf(toks[j].lw).affected, j+1
		} else if start > 0 && unitOf(toks[start-1].lw).verb != "" && !words || start > 0 && words && v >= 2 && unitOf(toks[start-1].lw).verb != "" {
			unit, counts = "people", unitOf(toks[start-1].lw).verb // "killing 35"
		} else {
			return q, 0, false
		}
	}
	if v == 1 && toks[start].lw == "one" && unit != "people" {
		return q, 0, false // "one side", "one road": rarely a count
	}
	if counts == "" && unit != "people" {
		counts = ofWhat(toks, end, inUnit != "")
	}
	q.Value, q.Unit, q.Counts = v, unit, counts
	q.s, q.e = toks[start].s, toks[end-1].e
	q.Text = text[q.s:q.e]
	return q, end, true
}

// countedNoun finds the noun a number counts, starting at toks[j]: at
// most two modifiers, then a plural noun ("families", "Syrian soldiers",
// "Captagon pills"); it returns the noun in lower case and its index, or
// -1.
func countedNoun(toks []token, j int) (string, int) {
	for k := j; k < len(toks) && k < j+3; k++ {
		t := toks[k]
		if t.punct || quantityStop.has(t.lw) {
			return "", -1
		}
		u := unitOf(t.lw)
		if u.time || u.month || u.approx || u.scale > 0 || u.number > 0 || isDigitByte(t.lw[0]) {
			return "", -1
		}
		if u.person || pluralNoun(t) {
			if k+1 < len(toks) && (unitOf(toks[k+1].lw).person || pluralNoun(toks[k+1])) && !toks[k+1].cap {
				return toks[k+1].lw, k + 1 // "crew members"
			}
			return t.lw, k
		}
		if u.affected != "" && k+1 < len(toks) && !pluralNoun(toks[k+1]) && !unitOf(toks[k+1].lw).person {
			return "", -1 // "35 killed", not a modifier
		}
	}
	return "", -1
}

// pluralNoun is a rough test for a plural noun: a lower-case word ending
// in s (not -ss, -us, -is, -ous), or a capitalized one ending in -ans,
// -ians or -is (Syrians, Iraqis).
func pluralNoun(t token) bool {
	w := t.lw
	if len(w) < 4 || !isWord(w) {
		return false
	}
	if t.cap {
		_, ok := capitalPlural(t)
		return ok
	}
	return strings.HasSuffix(w, "men") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ous") && !strings.HasSuffix(w, "'s")
}

// capitalPlural reports whether a capitalized word is a plural demonym
// ("Syrians", "Iraqis", "Lebanese" is not told from the adjective).
func capitalPlural(t token) (string, bool) {
	w := t.lw
	if t.cap && len(w) > 4 && (strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "sis")) {
		return w, true
	}
	return "", false
}

// ofWhat is what a measure measures: the noun group after "of" ("1.5
// tons of cocaine", "80% of the border") or, after a compound ("a 160-km
// wall"), right after it; at most three words.
func ofWhat(toks []token, j int, compound bool) string {
	switch {
	case j < len(toks) && toks[j].lw == "of":
		j++
	case !compound:
		return ""
	}
	for j < len(toks) && (determiners.has(toks[j].lw) || compound && dimensions.has(toks[j].lw)) {
		j++ // "the border", "a 600-km long border"
	}
	var ws []string
	for k := j; k < len(toks) && len(ws) < 3; k++ {
		t := toks[k]
		if u := unitOf(t.lw); t.punct || quantityStop.has(t.lw) || strings.HasSuffix(t.lw, "ly") || isDigitByte(t.lw[0]) ||
			t.cap && len(ws) > 0 || u.time || u.month {
			break
		}
		if len(ws) > 0 && (isVerbForm(t.lw) || strings.HasSuffix(t.lw, "ing") && !modifiesNext(toks, k)) {
			break // "cocaine seized", "a wall separating": a verb, past the measured thing
		}
		if t.cap {
			// a name is no measured thing: "80% of Syria's border"
			return ""
		}
		ws = append(ws, t.lw)
	}
	return strings.Join(ws, " ")
}

// quantitiesFor gives each event its sentences' quantities. A quantity
// in a sentence that holds several events' triggers goes to the nearest
// trigger.
func (st *state) quantitiesFor(cands []*cand) {
	if len(cands) == 0 {
		return
	}
	// by sentence, through st.sentStarting (the sentences are in order):
	// the quantities found (offsets in the article) and trigger offsets
	found := make([][]quantityAt, len(st.sents))
	done := make([]bool, len(st.sents))
	triggers := make([][]int, len(st.sents))
	for _, c := range cands {
		if c.sent >= 0 && c.sent < len(st.sents) {
			k := st.sentStarting(st.sents[c.sent].s.Start)
			triggers[k] = append(triggers[k], c.trig)
		}
	}
	for _, c := range cands {
		var qs []graph.Quantity
		for _, ev := range c.ev.Evidence {
			k := st.sentStarting(ev.Start)
			if k < 0 {
				continue
			}
			x := st.sents[k]
			at := found[k]
			if !done[k] {
				at = sentenceQuantities(x.s.Text, x.toks)
				for k := range at {
					at[k].s += x.s.Start
					at[k].e += x.s.Start
					at[k].ArticleID = st.art.ID
				}
				found[k], done[k] = at, true
			}
			for _, q := range at {
				if tr := triggers[k]; len(tr) > 0 && nearest(tr, q.s, q.e) != c.trig {
					continue // another event of the sentence is nearer
				}
				qs = graph.MergeQuantities(qs, []graph.Quantity{q.Quantity})
			}
		}
		c.ev.Quantities = qs
	}
}

// sentStarting is the index of the last sentence of the article that
// starts at byte start, or -1.
func (st *state) sentStarting(start int) int {
	k := sort.Search(len(st.sents), func(i int) bool { return st.sents[i].s.Start > start }) - 1
	if k < 0 || st.sents[k].s.Start != start {
		return -1
	}
	return k
}

// modifiesNext reports whether toks[k] stands before a word that may be
// the noun it modifies ("insulating wall"), not before an object ("Iraq",
// "the").
func modifiesNext(toks []token, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	n := toks[k+1]
	return !n.punct && !n.cap && isWord(n.lw) && !quantityStop.has(n.lw) && !determiners.has(n.lw)
}

// isDigitByte reports whether c is an ASCII digit.
func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// nearest returns the trigger offset nearest to the span [s, e), or -1.
func nearest(trigs []int, s, e int) int {
	best, bestD := -1, 0
	for _, t := range trigs {
		d := s - t
		if t >= e {
			d = t - e
		} else if t >= s {
			d = 0
		}
		if d < 0 {
			d = -d
		}
		if best < 0 || d < bestD {
			best, bestD = t, d
		}
	}
	return best
}
