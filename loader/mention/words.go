package mention

import (
	"eventgraph/loader/wordfilter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// set builds a lookup set of lower-case words.
func set(words string) *wordSet {
	ws := &wordSet{m: map[string]bool{}}
	for _, w := range strings.Fields(words) {
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

// speechVerbs follow the subject of a report ("X said").
var speechVerbs = set(`said says say told tells stated states noted notes added adds explained explains announced
announces commented comments warned warns stressed stresses emphasized emphasised emphasizes confirmed confirms
denied denies remarked remarks wrote writes argued argues tweeted claimed claims insisted insists urged urges
declared declares revealed reveals indicated indicates described describes asserted asserts acknowledged
underscored underlined pointed highlighted reiterated affirmed reaffirmed disclosed replied responded answered
admitted suggested believes believed called calls`)

// notName are capitalized words that never start or make a person's name.
var notName = set(`the a an this that these those there here he she it they we i you his her its their our my
in on at by for from with of to and or but as if when while after before since during despite although though
however meanwhile moreover furthermore also yet so then thus still now today yesterday tomorrow according
speaking asked earlier later recently last next photo picture video reuters afp ap source sources officials
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
government ministry minister army military police security forces force command council committee agency
authority authorities office department service services directorate institute parliament cabinet court
president prime state states republic kingdom region province governorate city border crossing port valley
north south east west northern southern eastern western central middle
comments comment post share read more related tags topics advertisement subscribe
western european african asian
gulf levant international national federal regional local joint general special deputy senior former
constitutional democratic popular revolutionary`)

// notNameStart are capitalized words that never start a person's name but
// may stand inside one between two name words ("Mohammed Shia al-X").
var notNameStart = set(`islamic arab arabic kurdish kurds sunni shia shiite muslim christian jewish`)

// pastVerbs are irregular past tenses that follow an untitled person as
// the subject of a happening ("X met", "X led"); regular ones end in -ed.
var pastVerbs = set(`met held made took went gave led won left sent spoke became began fled flew came saw
swore sought brought fought struck hit beat wrote read ran rode drove bought sold paid kept lost broke chose
froze shot slew stole tore threw withdrew undertook oversaw upheld overthrew`)

// orgHeads end an organization's name ("Border Guard Command").
var orgHeads = set(`ministry ministries command police force forces directorate institute agency council committee
congress authority office department service guard army navy corps court bank university
commission parliament assembly cabinet government party movement front brigade brigades battalion battalions
union organization organisation foundation center centre company corporation group network academy
administration bureau division mission coalition league association federation fund programme program
units unit militia militias intelligence gendarmerie judiciary presidency embassy studies affairs`)

// groupHeads make an organization an armed group.
var groupHeads = set(`militia militias brigade brigades battalion battalions front units resistance jihad mobilization mobilisation`)

// lowerOrgHeads are the lower-case heads a nationality turns into an
// organization: "Iraqi army", "Iraq's intelligence service".
var lowerOrgHeads = map[string]string{
	"army":                      "Army",
	"military":                  "Armed Forces",
	"armed forces":              "Armed Forces",
	"navy":                      "Navy",
	"air force":                 "Air Force",
	"police":                    "Police",
	"federal police":            "Federal Police",
	"intelligence service":      "Intelligence Service",
	"intelligence agency":       "Intelligence Service",
	"intelligence":              "Intelligence Service",
	"interior ministry":         "Ministry of Interior",
	"foreign ministry":          "Ministry of Foreign Affairs",
	"defense ministry":          "Ministry of Defense",
	"defence ministry":          "Ministry of Defense",
	"justice ministry":          "Ministry of Justice",
	"health ministry":           "Ministry of Health",
	"finance ministry":          "Ministry of Finance",
	"oil ministry":              "Ministry of Oil",
	"parliament":                "Parliament",
	"cabinet":                   "Cabinet",
	"central bank":              "Central Bank",
	"border guards":             "Border Guard",
	"border guard":              "Border Guard",
	"coast guard":               "Coast Guard",
	"judiciary":                 "Judiciary",
	"embassy":                   "Embassy",
	"security forces":           "Security Forces",
	"counter-terrorism service": "Counter-Terrorism Service",
}

// countryHeads make the nationality phrase stand for the country itself:
// "the Iraqi government", "Syrian authorities".
var countryHeads = set(`government authorities state`)

// titleModifiers may stand before a title ("caretaker Prime Minister").
var titleModifiers = set(`former caretaker acting interim transitional deputy senior top then new outgoing
incoming late ex vice chief first second assistant`)

// isNameWord reports whether a token can be part of a person's name: a
// capitalized word, or a particle-prefixed capitalized word ("al-Karimi").
func isNameWord(t *token) bool {
	if !t.Word {
		return false
	}
	if t.Cap {
		return !allDigits(t.Text)
	}
	if i := strings.IndexByte(t.Text, '-'); i > 0 && i+1 < len(t.Text) {
		r, _ := utf8.DecodeRuneInString(t.Text[i+1:])
		return unicode.IsUpper(r) && isParticle(&token{Lower: t.Lower[:i]})
	}
	return false
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// allCaps reports whether a word is an acronym ("HTS", "PMF").
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}
