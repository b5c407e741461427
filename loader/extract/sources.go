package extract

import (
	"strings"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
	"eventgraph/loader/gazetteer"
	"eventgraph/loader/mention"
)

// Sources are not participants. A news outlet named in a dateline
// ("BAGHDAD (Reuters) -", "Shafaq News/"), a byline, a photo credit
// ("Photo: AFP") or an attribution ("Anadolu Agency reported") reports an
// event; it takes no part in it. Outlets are the gazetteer's media list
// (loader/gazetteer/data/media.tsv) and organizations whose name ends in a
// word that names an outlet ("… News", "… Times", "… Tribune").

// outletWords end the names of news outlets.
var outletWords = set("news times post tribune gazette herald daily journal observer chronicle tv television radio newswire wire")

// isOutlet reports whether an actor is a news outlet.
func isOutlet(a *graph.Actor) bool {
	if a == nil || a.Kind == graph.Person || a.Kind == graph.Country {
		return false
	}
	if gazetteer.IsMedia(a.ID) {
		return true
	}
	f := strings.Fields(a.Name)
	if len(f) < 2 {
		return false
	}
	last := strings.ToLower(strings.Trim(f[len(f)-1], ".,"))
	if outletWords.has(last) {
		return true
	}
	low := strings.ToLower(a.Name)
	return strings.HasSuffix(low, " news agency") || strings.HasSuffix(low, " press agency")
}

// sourceWords are the nouns that make an unnamed informant of the word
// before them: "army sources", "security sources", "a military source".
var sourceWords = set("source sources")

// dropOutlets unlinks the mentions of news outlets from their actors, so
// that no rule takes them for a participant, a speaker or a party; the
// mention keeps its span (its words are no trigger), and the outlet stays
// an actor of the article. A mention followed by "source(s)" ("army
// sources said") is an informant, not the body it names, and is unlinked
// too.
func dropOutlets(text string, ms []mention.Mention, actors map[string]*graph.Actor) {
	for i := range ms {
		m := &ms[i]
		if m.ActorID == "" {
			continue
		}
		if isOutlet(actors[m.ActorID]) || m.Kind != mention.Kind("COUNTRY") && m.Kind != mention.Kind("DEMONYM") && sourceWords.has(nextWordLower(text, m.End)) {
			m.ActorID = ""
		}
	}
}

// nextWordLower is the lower-cased word that starts after offset i (after
// white space), or "".
func nextWordLower(text string, i int) string {
	if i > len(text) {
		return "" // a mention running past the sentence's end
	}
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	j := i
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		j++
	}
	return strings.ToLower(text[i:j])
}

// creditOpenings open a wire story's credit line, which names who reported,
// wrote, edited or photographed the story: "(Reporting by A; Editing by
// B)", "Photo: AFP".
var creditOpenings = []string{"reporting by", "additional reporting by", "writing by", "editing by", "compiled by", "photo:", "photo by", "photos by", "photograph:", "photograph by", "file photo"}

// creditLine reports whether a sentence is a credit line (creditOpenings,
// after an opening parenthesis or bracket): it reports no happening, and
// its names are no participants.
func creditLine(s string) bool {
	s = strings.TrimLeft(s, " \t([")
	if len(s) < 8 {
		return false
	}
	head := strings.ToLower(s[:min(len(s), 24)])
	for _, o := range creditOpenings {
		if strings.HasPrefix(head, o) {
			return true
		}
	}
	return false
}
