package extract

// Rule "characterization": calling something something ("Guyana called
// the decree an assault on its territory", "Japan called the accord a
// significant step") is a statement about it, not a phone call
// (CAMEO's "call", 041): criticism (111, criticize or denounce) when the
// words it is called are pejorative, praise (051) when they praise, a
// statement (010) otherwise. "describe … as", "brand … as" and "label …
// as" are the same.

// characterVerbs are the verbs of characterization.
var characterVerbs = set("call describe brand label term dub regard")

// pejoratives and praises are the words that make a characterization a
// criticism or a praise (general English vocabulary of news statements).
var (
	pejoratives = set("attack assault aggression aggressive terrorism terrorist terrorists terror crime crimes criminal illegal illegitimate unlawful violation violations provocation provocative piracy invasion occupation genocide massacre threat lie lies farce sham unacceptable outrageous hostile irresponsible betrayal interference blackmail escalation barbaric cowardly heinous dangerous absurd baseless fabricated propaganda coup annexation aggressor enemy hypocrisy hypocritical shameful disgraceful reckless destabilizing destabilising null void worthless racist fascist")
	praises     = set("historic important milestone breakthrough success successful positive contribution victory achievement landmark welcome constructive fruitful excellent good great significant")
)

// characterization returns the CAMEO code of a characterization made with
// verb hit h — "called X a Y", "called X \"Y\"", "described X as Y" — or ""
// when the verb is not used so ("called on", "called for", "called X on
// Sunday").
func characterization(x *sent, h hit, cl [][2]int) string {
	end := len(x.toks)
	if h.clause < len(cl) {
		end = max(cl[h.clause][1], h.j)
	}
	k := h.j
	if k >= end {
		return ""
	}
	switch x.toks[k].lw {
	case "on", "for", "upon", "off", "in", "at", "back", "up":
		return ""
	}
	// the object: a pronoun or a short noun phrase
	obj := 0
	for k < end && obj < 5 && !x.toks[k].punct {
		lw := x.toks[k].lw
		if obj > 0 && (lw == "a" || lw == "an" || lw == "another" || lw == "as" || lw == "the" && obj > 1) {
			break
		}
		obj++
		k++
		if pronouns.has(lw) || lw == "this" || lw == "that" {
			break
		}
	}
	if obj == 0 || k >= end {
		return ""
	}
	// the complement: "as", an article or a quotation
	switch {
	case x.toks[k].lw == "as":
	case h.e.lemma == "call" && (x.toks[k].lw == "a" || x.toks[k].lw == "an" || x.toks[k].lw == "another" || isQuoteMark(x.toks[k].w)):
	case h.e.lemma == "call" && x.toks[k].lw == "the" && obj > 0:
	default:
		return ""
	}
	code := "010"
	for q := k; q < end && q < k+12; q++ {
		switch lw := x.toks[q].lw; {
		case pejoratives.has(lw):
			return "111"
		case praises.has(lw):
			code = "051"
		}
	}
	return code
}
