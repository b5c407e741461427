package timex

import (
	"time"

	"eventgraph/loader/wordfilter"
)

// set is a set of lower-case words.
type set map[string]bool

func words(ws ...string) set {
	s := make(set, len(ws))
	for _, w := range ws {
		s[w] = true
	}
	return s
}

// monthName is a month word: a full name or an abbreviation.
type monthName struct {
	m    time.Month
	abbr bool
}

var months = map[string]monthName{
	"january": {1, false}, "february": {2, false}, "march": {3, false}, "april": {4, false},
	"may": {5, false}, "june": {6, false}, "july": {7, false}, "august": {8, false},
	"september": {9, false}, "october": {10, false}, "november": {11, false}, "december": {12, false},
	"jan": {1, true}, "feb": {2, true}, "mar": {3, true}, "apr": {4, true}, "jun": {6, true},
	"jul": {7, true}, "aug": {8, true}, "sep": {9, true}, "sept": {9, true}, "oct": {10, true},
	"nov": {11, true}, "dec": {12, true},
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var numWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
}

var (
	// includePrep are prepositions taken into an expression's words.
	includePrep = words("on", "in", "since", "during", "until", "till", "by", "from", "through", "throughout", "at")

	// bareDeictic never take a preposition into their words ("moved in
	// overnight").
	bareDeictic = words("overnight", "today", "tonight", "yesterday", "tomorrow")

	// monthPrep may stand before a bare month name ("in February").
	monthPrep = words("in", "since", "until", "till", "by", "from", "to", "during", "through", "throughout",
		"before", "after", "and", "or", "between", "of", "around", "last", "next", "this", "early", "late", "mid")

	// yearPrep may stand before a bare year ("in 2022", "since 2003").
	yearPrep = words("in", "since", "of", "by", "until", "till", "to", "from", "during", "before", "after",
		"around", "about", "circa", "through", "throughout", "and", "or", "between", "than", "for", "at",
		"year", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "as", "into", "ca")

	// determiners may stand before a year used as a modifier ("the 2018 elections").
	determiners = words("the", "a", "an", "its", "his", "her", "their", "our", "whose", "your", "my")

	// quantifiers before a number make it a quantity when a noun follows
	// ("about 2000 fighters").
	quantifiers = words("about", "nearly", "some", "over", "than", "least", "approximately", "almost",
		"roughly", "estimated", "around", "only", "just", "under", "most", "circa", "ca", "additional", "another")

	// units after a number make it a quantity ("2000 people").
	units = words("people", "persons", "km", "kilometers", "kilometres", "kilometer", "kilometre", "meters",
		"metres", "meter", "metre", "miles", "mile", "tons", "tonnes", "ton", "dollars", "dinars", "euros",
		"pounds", "liras", "lira", "troops", "soldiers", "fighters", "families", "residents", "refugees",
		"members", "men", "women", "children", "civilians", "kg", "kilograms", "barrels", "liters", "litres",
		"trucks", "vehicles", "cases", "times", "individuals", "militants", "prisoners", "detainees",
		"feet", "hectares", "acres", "houses", "homes", "points", "votes", "jobs", "workers", "students",
		"employees", "officers", "personnel", "rockets", "missiles", "shells", "pieces", "weapons", "rifles",
		"units", "square", "sq", "deaths", "dead", "casualties", "tourists", "pilgrims", "visitors",
		"migrants", "inmates", "percent", "per", "million", "billion", "thousand", "hundred", "m", "mm",
		"cm", "pills", "tablets", "captagon", "rounds", "bullets", "boxes", "bags", "packages", "containers",
		"displaced", "killed", "wounded", "injured", "arrested", "posts", "towers", "cameras", "guards",
		"police", "policemen", "staff", "voters", "candidates", "seats", "days", "weeks", "months", "years",
		"hours", "minutes", "km2", "mw", "bpd", "usd", "iqd", "kilos", "kilo", "grams", "g")

	// dayParts may follow a weekday ("Monday night").
	dayParts = words("morning", "afternoon", "evening", "night", "midnight", "noon")

	// pressNames after a weekday make it a name ("Sunday Times").
	pressNames = words("times", "telegraph", "post", "mail", "express", "mirror", "herald", "tribune",
		"observer", "independent", "star", "sport", "school", "service", "league", "club", "edition",
		"paper", "magazine", "prayers")

	// holidayWords before a weekday make it a name ("Good Friday").
	holidayWords = words("bloody", "good", "black", "ash", "holy", "palm", "easter", "super", "maundy",
		"cyber", "great", "clean", "orthodox", "whit", "low")

	// npStop ends the phrase naming an anchored happening.
	npStop = words("which", "that", "who", "whom", "whose", "when", "where", "while", "whereas", "as",
		"amid", "but", "and", "or", "according", "said", "says", "told", "because", "despite", "although",
		"though", "if", "after", "before", "since", "until", "during", "is", "are", "was", "were", "has",
		"have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "so", "than",
		"following", "ago", "in", "at", "along", "near", "across", "within", "inside", "outside")

	// npTrim is dropped from the end of such a phrase.
	npTrim = words("of", "the", "a", "an", "in", "on", "at", "to", "for", "by", "with", "from", "its",
		"his", "her", "their", "our", "s")

	// pronouns after "after"/"before" make the offset adverbial ("two days
	// after that").
	pronouns = words("that", "this", "it", "then", "which", "these", "those", "them")

	// durationHeads before a count make it a duration, not an offset
	// ("for two weeks after", "in the past two days").
	durationHeads = words("for", "within", "lasting", "lasted", "over", "past", "last", "next", "first",
		"recent", "coming", "following", "previous", "every", "each", "spent", "took", "takes")

	// clauseWords end a clause when looking for its tense.
	clauseWords = words("that", "which", "who", "whom", "whose", "when", "where", "while", "whereas",
		"but", "although", "though", "because", "if", "unless", "whether", "so")

	// reporting verbs end a clause when looking forward.
	reporting = words("said", "says", "say", "told", "tells", "added", "adds", "stated", "states",
		"noted", "notes", "announced", "announces", "according", "reported", "reports", "explained",
		"stressed", "confirmed", "declared", "revealed", "indicated", "emphasized", "emphasised", "warned",
		"claimed", "asserted", "wrote", "writes", "tweeted", "posted")

	// irregularPast are past-tense verb forms without -ed.
	irregularPast = words("said", "told", "met", "held", "began", "took", "gave", "made", "saw", "came",
		"went", "fell", "won", "left", "sent", "brought", "spoke", "wrote", "led", "struck", "shot",
		"fought", "sought", "broke", "built", "kept", "lost", "paid", "ran", "rose", "stood", "thought",
		"withdrew", "drew", "flew", "threw", "knew", "grew", "chose", "froze", "stole", "swore", "tore",
		"became", "overtook", "undertook", "oversaw", "caught", "taught", "bought", "felt", "found",
		"heard", "meant", "spent", "fled", "fed", "dealt", "sold", "was", "were", "did", "had", "got",
		"hit", "killed", "seized", "signed", "arrived", "launched", "underwent", "forbade", "forgave",
		"arose", "awoke", "bore", "bound", "crept", "dug", "fled", "flung", "hung", "laid", "lay", "lent",
		"lit", "rang", "rode", "sank", "shook", "shut", "slid", "spun", "sprang", "stuck", "stung", "swept",
		"swung", "understood", "upheld", "withheld", "wove", "wound", "overthrew", "foresaw", "sat", "set")

	// notPast are -ed words that are rarely past-tense verbs.
	notPast = words("armed", "alleged", "united", "based", "related", "limited", "advanced", "concerned",
		"interested", "supposed", "proposed", "unprecedented", "called", "named", "hundred", "kindred",
		"sacred", "wicked", "naked", "beloved", "aged", "unarmed", "unidentified", "unnamed",
		"unspecified", "undisclosed", "unexpected", "detailed", "qualified", "specialized",
		"specialised", "sophisticated", "scheduled", "planned", "expected", "embattled", "displaced",
		"wanted", "wounded", "injured", "crowded", "skilled", "isolated", "mixed",
		"used", "fixed", "coordinated", "joint", "organized", "organised", "tired", "worried")

	// beforeInfinitive before a participle makes it not a past tense
	// ("will be held", "to be signed").
	beforeInfinitive = words("be", "being", "to", "will", "shall", "would", "could", "should", "might",
		"must", "can", "may", "ll")

	// toVerbs after "is/are … to" make a future ("is to be held").
	toVerbs = words("be", "hold", "meet", "visit", "sign", "begin", "start", "open", "take", "travel",
		"attend", "host", "launch", "resume", "receive", "arrive", "head", "hold", "convene", "return",
		"reopen", "close", "deliver", "announce", "discuss", "lead")

	// planVerbs followed by "to" make a future ("plans to", "set to").
	planVerbs = words("plans", "plan", "planning", "intends", "intend", "intending", "aims", "aim",
		"aiming", "going", "set", "due", "preparing", "prepares", "prepare", "expects", "expect",
		"hopes", "hope", "hoping", "poised", "slated", "scheduled", "expected", "planned", "about")

	// futureWords are markers of a future clause on their own.
	futureWords = words("shall", "scheduled", "upcoming", "tomorrow", "expected", "planned", "slated",
		"forthcoming")
)

// starters are the words an expression (or its preposition) can start
// with; other words are skipped at once.
var starters = func() set {
	st := words("about", "around", "nearly", "almost", "some", "roughly", "approximately", "over",
		"under", "barely", "circa", "more", "less", "fewer", "at", "just", "only", "exactly", "precisely",
		"today", "tonight", "yesterday", "tomorrow", "overnight", "last", "this", "next", "earlier",
		"later", "the", "early", "late", "mid", "end", "beginning", "start", "middle", "close", "turn",
		"first", "second", "third", "fourth", "final", "q", "for", "hours", "minutes", "days", "several",
		"few")
	for _, m := range []map[string]bool{includePrep} {
		for w := range m {
			st[w] = true
		}
	}
	for w := range months {
		st[w] = true
	}
	for w := range weekdays {
		st[w] = true
	}
	for w := range numWords {
		st[w] = true
	}
	for w := range seasons {
		st[w] = true
	}
	return st
}()

// Bits of the word sets a word belongs to (token.sets): lex looks each word
// up once in wordSets, and the scanner's hottest set tests read the bits
// (scanner.in) instead of looking the word up in every set.
const (
	inStarters uint32 = 1 << iota
	inIncludePrep
	inBareDeictic
	inMonths
	inWeekdays
	inNumWords
	inDeterminers
	inVagueQuant
	inDurationHeads
	inFutureWords
	inPlanVerbs
	inClauseWords
	inReporting
	inIrregularPast
	inNotPast
	inBeforeInfinitive
	inToVerbs
)

// wordSetsFilter holds the words of wordSets.
var wordSetsFilter = func() *wordfilter.Filter {
	f := new(wordfilter.Filter)
	for w := range wordSets {
		f.Add(w)
	}
	return f
}()

// setsOf is wordSets[w].
func setsOf(w string) uint32 {
	if !wordSetsFilter.MayHave(w) {
		return 0
	}
	return wordSets[w]
}

// wordSets maps every word of the sets above to its bits.
var wordSets = func() map[string]uint32 {
	m := map[string]uint32{}
	add := func(bit uint32, s set) {
		for w, ok := range s {
			if ok {
				m[w] |= bit
			}
		}
	}
	add(inStarters, starters)
	add(inIncludePrep, includePrep)
	add(inBareDeictic, bareDeictic)
	for w := range months {
		m[w] |= inMonths
	}
	for w := range weekdays {
		m[w] |= inWeekdays
	}
	for w, n := range numWords {
		if n > 0 {
			m[w] |= inNumWords
		}
	}
	add(inDeterminers, determiners)
	add(inVagueQuant, vagueQuant)
	add(inDurationHeads, durationHeads)
	add(inFutureWords, futureWords)
	add(inPlanVerbs, planVerbs)
	add(inClauseWords, clauseWords)
	add(inReporting, reporting)
	add(inIrregularPast, irregularPast)
	add(inNotPast, notPast)
	add(inBeforeInfinitive, beforeInfinitive)
	add(inToVerbs, toVerbs)
	return m
}()
