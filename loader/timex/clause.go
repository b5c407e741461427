package timex

import "strings"

// futureClause reports whether the clause holding tokens [i, j) points
// forward. It looks back from the expression to the clause's start for a
// future marker ("will", "is scheduled to", "plans to") or a past verb
// ("said", "met", "arrested"), whichever comes first; when neither decides,
// it looks forward to the clause's end, passing the comma after an
// expression that opens the clause ("On Tuesday, the ministers will meet").
func (s *scanner) futureClause(i, j int) bool {
	initial := true
	for k := i - 1; k >= 0; k-- {
		t := s.t[k]
		if t.kind == kPunct {
			if (t.low == "'" || t.low == "-") && !t.sp {
				continue
			}
			break
		}
		if s.futureWord(k) {
			return true
		}
		if s.pastVerb(k) {
			return false
		}
		if t.kind == kWord && clauseWords[t.low] {
			break
		}
		initial = false
	}
	k := j
	if initial && s.p(k) == "," {
		k++
	}
	for ; k < len(s.t); k++ {
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
		if t.kind == kWord && (clauseWords[t.low] || reporting[t.low]) {
			return false
		}
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
	case futureWords[w]:
		return true
	case w == "will":
		// "the will of the people" is a noun
		return !determiners[s.w(k-1)] && s.w(k-1) != "popular" && s.w(k-1) != "political" && s.w(k-1) != "good"
	case w == "ll":
		return s.p(k-1) == "'" && s.glued(k)
	case planVerbs[w]:
		return s.w(k+1) == "to"
	case w == "is" || w == "are" || w == "am" || w == "was" || w == "were":
		return s.w(k+1) == "to" && toVerbs[s.w(k+2)]
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
	past := irregularPast[w]
	if !past && len(w) > 4 && strings.HasSuffix(w, "ed") && !notPast[w] {
		past = !strings.HasSuffix(w, "eed") || w == "agreed" || w == "freed" || w == "guaranteed" || w == "decreed"
	}
	if !past {
		return false
	}
	if s.p(k-1) == "-" && s.glued(k) {
		return false
	}
	return !beforeInfinitive[s.w(k-1)]
}
