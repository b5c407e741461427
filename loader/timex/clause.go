package timex

import "strings"

// futureClause reports whether the clause holding tokens [i, j) points
// forward. It looks back from the expression to the clause's start for a
// future marker ("will", "is scheduled to", "plans to") or a past verb
// ("said", "met", "arrested"), whichever comes first, passing over inserts
// that close just before ("— in both directions —", "(in Baghdad)", ", which
// was shut in the war,"); when neither decides, it looks forward to the
// clause's end, passing the comma after an expression that opens the clause
// ("On Tuesday, the ministers will meet"). "starting", "beginning",
// "effective" or "from" just before the expression ("starting at midnight on
// Monday") point forward unless the clause is in the simple past ("was
// imposed starting Monday", "The curfew, in force from midnight on Friday,
// was lifted"); a present perfect ("have ordered") does not stop them.
func (s *scanner) futureClause(i, j int) bool {
	initial, weak, inserts := true, false, 0
	for k := i - 1; k >= 0 && k >= i-maxClause; k-- {
		t := s.t[k]
		if t.kind == kPunct {
			if (t.low == "'" || t.low == "-") && !t.sp {
				continue
			}
			if inserts < 2 {
				if o := s.insertStart(k); o >= 0 {
					k, initial, inserts = o, false, inserts+1
					continue
				}
			}
			break
		}
		if t.kind == kWord && t.low == "since" {
			return false // "would mark the first … since the fall in December"
		}
		if s.futureWord(k) {
			return true
		}
		if s.pastVerb(k) {
			return weak && s.perfect(k)
		}
		if !weak && s.forwardWord(k, i) {
			weak = true
		}
		if t.kind == kWord && t.sets&inClauseWords != 0 {
			break
		}
		initial = false
	}
	if weak {
		// unless the clause's verb, after an insert, is in the simple past
		// ("The curfew, in force from midnight on Friday, was lifted")
		k := j
		if s.p(k) == "," {
			k++
		}
		for end := min(len(s.t), j+maxClause); k < end && s.t[k].kind == kWord && s.t[k].sets&inClauseWords == 0; k++ {
			if s.futureWord(k) {
				return true
			}
			if s.pastVerb(k) {
				return s.perfect(k)
			}
		}
		return true
	}
	k := j
	if initial && s.p(k) == "," {
		k++
	}
	for end := min(len(s.t), j+maxClause); k < end; k++ {
		t := s.t[k]
		if t.kind == kPunct {
			if (t.low == "'" || t.low == "-") && !t.sp {
				continue
			}
			return false
		}
		if s.futureWord(k) {
			return true
		}
		if s.pastVerb(k) {
			return false
		}
		if t.kind == kWord && t.sets&(inClauseWords|inReporting) != 0 {
			return false
		}
	}
	return false
}

// maxClause bounds how many tokens the tense scans walk either way, so that
// long runs without punctuation stay linear.
const maxClause = 60

// isDash reports whether mark k is a dash between words: an em dash, or a
// hyphen or en dash with space on both sides.
func (s *scanner) isDash(k int) bool {
	t := s.t[k]
	if t.low == "—" {
		return true
	}
	return t.low == "-" && t.sp && (k+1 >= len(s.t) || s.t[k+1].sp)
}

// insertStart returns the mark opening the insert that mark k closes, or -1:
// the first dash of a pair ("— in both directions —"), the "(" of a ")", or
// the comma before ", which/who/whose/where …,".
func (s *scanner) insertStart(k int) int {
	switch {
	case s.t[k].low == ")":
		for o := k - 1; o >= 0; o-- {
			switch s.t[o].low {
			case "(":
				return o
			case ")":
				return -1
			}
		}
	case s.isDash(k):
		// the dash closes a pair when an odd number of dashes precede it
		n, o := 0, -1
		for q := k - 1; q >= 0; q-- {
			if s.t[q].kind == kPunct && s.isDash(q) {
				if n == 0 {
					o = q
				}
				n++
			}
		}
		if n%2 == 1 && o < k-1 {
			return o
		}
	case s.t[k].low == ",":
		for o := k - 1; o >= 0; o-- {
			t := s.t[o]
			if t.kind != kPunct {
				continue
			}
			if (t.low == "'" || t.low == "-") && !t.sp {
				continue
			}
			if t.low == "," && o+2 < k && relatives[s.w(o+1)] {
				return o
			}
			return -1
		}
	}
	return -1
}

// relatives open a relative clause set off by commas.
var relatives = words("which", "who", "whose", "where")

// forwardWord reports whether word k points the expression at token i
// forward: "starting", "beginning" or "effective" right before it, or
// "starting"/"from" with only a time of day between ("starting at midnight
// on Monday", "from 6 a.m. on Sunday").
func (s *scanner) forwardWord(k, i int) bool {
	switch s.w(k) {
	case "starting", "beginning", "effective":
		if determiners[s.w(k-1)] {
			return false
		}
	case "from":
		if k+1 == i {
			return false
		}
	default:
		return false
	}
	if i-k > 6 {
		return false
	}
	for q := k + 1; q < i; q++ {
		t := s.t[q]
		if t.kind == kNum || t.low == ":" || t.low == "." || timeOfDay[t.low] {
			continue
		}
		return false
	}
	return true
}

// timeOfDay are the words of a time of day ("at midnight", "6 a.m. local
// time").
var timeOfDay = words("at", "midnight", "noon", "dawn", "dusk", "sunrise", "sunset", "local", "time",
	"gmt", "utc", "am", "pm", "a", "p", "m", "h", "hrs", "o", "clock")

// perfect reports whether the participle at k follows "has"/"have" (a
// present perfect: "I have ordered a ceasefire starting Monday").
func (s *scanner) perfect(k int) bool {
	for q := k - 1; q >= 0 && q >= k-3; q-- {
		switch s.w(q) {
		case "has", "have", "ve":
			return true
		case "now", "already", "just", "also", "since", "formally", "officially":
			continue
		}
		return false
	}
	return false
}

// futureWord reports whether token k marks a future clause.
func (s *scanner) futureWord(k int) bool {
	t := s.t[k]
	if t.kind != kWord {
		return false
	}
	w := t.low
	switch {
	case t.sets&inFutureWords != 0:
		return true
	case w == "will":
		// "the will of the people" is a noun
		return !determiners[s.w(k-1)] && s.w(k-1) != "popular" && s.w(k-1) != "political" && s.w(k-1) != "good"
	case w == "would":
		// the future of reported speech ("said talks would resume in
		// April"), not a past that did not happen ("would have crossed")
		n := k + 1
		if s.w(n) == "not" || s.w(n) == "also" || s.w(n) == "then" {
			n++
		}
		return s.w(n) != "have" && !(s.p(n) == "'" && s.w(n+1) == "ve")
	case w == "must":
		// "must be ratified", not "must have crossed" or "a must"
		n := k + 1
		if s.w(n) == "not" || s.w(n) == "now" || s.w(n) == "still" {
			n++
		}
		return !determiners[s.w(k-1)] && s.w(n) != "have" && !(s.p(n) == "'" && s.w(n+1) == "ve")
	case w == "ll":
		return s.p(k-1) == "'" && s.glued(k)
	case t.sets&inPlanVerbs != 0:
		return s.w(k+1) == "to"
	case w == "is" || w == "are" || w == "am" || w == "was" || w == "were":
		return s.w(k+1) == "to" && s.in(k+2, inToVerbs)
	case w == "next" || w == "coming":
		return k+1 < len(s.t) && s.t[k+1].kind == kWord
	}
	return false
}

// pastVerb reports whether token k is a verb in the past tense (not a
// participle after "be", "to" or a modal, not an adjective in a compound
// such as "Iranian-backed").
func (s *scanner) pastVerb(k int) bool {
	t := s.t[k]
	if t.kind != kWord || (t.cap && k > 0) {
		return false
	}
	w := t.low
	past := t.sets&inIrregularPast != 0
	if !past && len(w) > 4 && strings.HasSuffix(w, "ed") && t.sets&inNotPast == 0 {
		past = !strings.HasSuffix(w, "eed") || w == "agreed" || w == "freed" || w == "guaranteed" || w == "decreed"
	}
	if !past {
		return false
	}
	if s.p(k-1) == "-" && s.glued(k) {
		return false
	}
	return !s.in(k-1, inBeforeInfinitive)
}
