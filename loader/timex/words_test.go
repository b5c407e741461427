package timex

import "testing"

// TestWordSets checks the bits lex gives a word against the sets they
// stand for.
func TestWordSets(t *testing.T) {
	sets := []struct {
		bit uint32
		has func(string) bool
	}{
		{inStarters, func(w string) bool { return starters[w] }},
		{inIncludePrep, func(w string) bool { return includePrep[w] }},
		{inBareDeictic, func(w string) bool { return bareDeictic[w] }},
		{inMonths, func(w string) bool { _, ok := months[w]; return ok }},
		{inWeekdays, func(w string) bool { _, ok := weekdays[w]; return ok }},
		{inNumWords, func(w string) bool { return numWords[w] > 0 }},
		{inDeterminers, func(w string) bool { return determiners[w] }},
		{inVagueQuant, func(w string) bool { return vagueQuant[w] }},
		{inDurationHeads, func(w string) bool { return durationHeads[w] }},
		{inFutureWords, func(w string) bool { return futureWords[w] }},
		{inPlanVerbs, func(w string) bool { return planVerbs[w] }},
		{inClauseWords, func(w string) bool { return clauseWords[w] }},
		{inReporting, func(w string) bool { return reporting[w] }},
		{inIrregularPast, func(w string) bool { return irregularPast[w] }},
		{inNotPast, func(w string) bool { return notPast[w] }},
		{inBeforeInfinitive, func(w string) bool { return beforeInfinitive[w] }},
		{inToVerbs, func(w string) bool { return toVerbs[w] }},
	}
	words := []string{"", "a", "the", "xyz", "monday", "mayday", "said", "saidx"}
	for w := range wordSets {
		words = append(words, w, w+"s", "x"+w)
	}
	for _, w := range words {
		got := setsOf(w)
		for _, s := range sets {
			if (got&s.bit != 0) != s.has(w) {
				t.Errorf("%q: bit %#x is %v", w, s.bit, got&s.bit != 0)
			}
		}
	}
}
