package extract

// Rule names one extraction rule: what it decides, in one line, and the
// phase it belongs to. The table is an index for readers and tests: each
// rule has a case file, testdata/rules/<Name>.txt, of short made-up
// articles and the facts they must give (see rules_test.go). The code does
// not dispatch through it; Phase names the file that carries the rule
// (triggers.go, speaker.go, participants.go, agreements.go, dates.go,
// titles.go; merge.go and facts.go close the pipeline) and Where the
// functions in it.
type Rule struct {
	Name  string // the case file's name
	Phase string // triggers, speaker, participants, agreements, dates, titles
	Doc   string // what the rule decides
	Where string // the functions that carry it
}

// Rules is the index of the named extraction rules, in pipeline order.
var Rules = []Rule{
	{"finite-verbs", "triggers",
		"a dictionary verb (triggers.tsv, cameo_verbs.tsv) makes an event when it is finite; an infinitive or gerund alone makes none",
		"Article, sentence, newCand"},
	{"coordinated-clauses", "triggers",
		"each clause of a coordination with its own verb gives its own event with its own CAMEO code",
		"sentence, clauseHasEvent"},
	{"nominal-events", "triggers",
		"an event noun with a time expression of its own (the closure of the crossing on Monday) is an event dated by it",
		"sentence, nearExpr, hitBetween"},
	{"numbered-happenings", "triggers",
		"a noun with an ordinal after the (the fourth round of talks) names a happening even without a date",
		"sentence (hit.numbered), isOrdinal"},
	{"crowd-protests", "triggers",
		"a crowd (people, residents, farmers) that marches, rallies, gathers or blocks is protesting (141, 144, 145); its purpose infinitive is no event",
		"sentence (crowdCode), crowdVerbs, crowdNouns"},
	{"ordered-out", "triggers",
		"an order to leave (ordered X to leave the country) is an expulsion of X: 166 for a country's representatives, 174 for persons",
		"sentence (case order), orderedOut"},
	{"passive-objects", "triggers",
		"a passive verb no pattern codes by what follows is read with its subject as its object (the vessel was intercepted: 1711)",
		"refineVoice"},
	{"wished-happenings", "triggers",
		"what a demand or an appeal asks for (demanded his release, urged a ceasefire) and what is denied (denied that troops dug a trench; CAMEO 016) is no event of its own; a clause of its own after it still is",
		"sentence (case speech), wishable, wishedBy, denials"},
	{"performatives", "speaker",
		"a quotation opening with a first-person appeal, demand, condemnation, rejection, threat or denial (We strongly condemn …) gives the statement that verb's code",
		"sentence (case speech), performative"},
	{"characterization", "triggers",
		"calling something something (called the pact an attack; described it as a violation) is criticism (111), praise (051) or a statement (010), not a call; a participle after a comma (calling it) is no event of its own",
		"findHits, characterization"},
	{"hand-patterns", "triggers",
		"a pattern of triggers.tsv recodes a verb by its object where CAMEO's dictionary has none or a wrong one: declared X persona non grata (166), warning shots (150), a water cannon (175), summoned the ambassador (114), handed over prisoners (0841)",
		"lexicon.refine, refineHand"},
	{"speaker-source", "speaker",
		"a statement's speaker is the source of the statement, and the happening it reports is an event of its own",
		"reported, speakerOf, attributionAfterComma"},
	{"outlets-not-participants", "participants",
		"news agencies and outlets are an article's sources, never an event's participants or an agreement's sides",
		"dropOutlets, isOutlet"},
	{"implicit-subjects", "participants",
		"\"the government\", \"authorities\" are the country in the possessive before them, else the article's country; \"he\", \"she\" the last person; \"the group\" the armed group the sentence (or the one before) is about",
		"implicitSubject, possessorOf, groupAnaphor"},
	{"whom-target", "participants",
		"a relative whom before a verb stands for the actor named right before it, the verb's target (X, whom police detained); a who right before its verb, for its subject (soldiers who crossed)",
		"actorsAfter, whomAntecedent, actorsBefore, whoAntecedent"},
	{"home-forces", "participants",
		"a state's force named without a country (police, the army, security forces) acts for the country of the event's place, else the dateline's, else the article's only country; the headline keeps its words",
		"homeAgent, countryOf, titleSubject"},
	{"persons-named", "participants",
		"a person named in an apposition after a role noun (the embassy's first secretary, X; a citizen, X, 42,) or before one (X, a 54-year-old resident of), after a title with capital initials, or by a given name cut short of the full name before is a participant as the one person it is",
		"participants over loader/mention (persons: appositive, appositiveName, initialsName; resolve: shortGivenOf; references)"},
	{"agreement-parties", "agreements",
		"the sides of an agreement come from \"between A and B\" and \"A and B signed\"; a mediator is no party",
		"agreementSides, sideRoles, inBetween"},
	{"cited-agreements", "agreements",
		"an agreement named between two sides without its signing (in line with the agreement on X between A and B) is an undated agreement of its own; reaching an arrangement or a deal with words between makes one",
		"citedAgreements, triggers.tsv patterns of reach, capitalActs"},
	{"agreements-apart", "agreements",
		"reports of one agreement join, but an agreement of another kind (a protocol and the treaty it cites) stays apart, also when a definite mention names it",
		"mergeWithinArticle, sameHappening, kindsAgree"},
	{"dates-late-on", "dates",
		"\"late on Wednesday\" and \"late Thursday night\" date the happening on that day",
		"timex (weekday grammar)"},
	{"dates-day-after", "dates",
		"\"a day after X\" is counted from the day of X, not from the publication day",
		"timex (relative dates), state.ref"},
	{"dates-time-clause", "dates",
		"an undated happening in a clause of time (after, when, as) after an event dated by a week, month or year falls in that span",
		"state.date, coarseSpan, timeClauseBetween"},
	{"dates-dateline", "dates",
		"a dateline's day (ACCRA, Aug 1 (Reuters) -) is the day weekdays and tenses count from, when it is at most six days before publication",
		"ArticleContext, datelineDay"},
	{"dates-this-week", "dates",
		"\"this week\" ends at the publication day unless the verb is future",
		"timex (relative.go)"},
	{"titles", "titles",
		"every event has a headline of actor, verb and object, at most 90 bytes, never a clipped sentence",
		"headline, fitTitle"},
}
