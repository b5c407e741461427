package names

import "strings"

// titleWords are the folded words of the ranks, offices and honorifics
// written before a person's name in English news (general English usage;
// the gazetteer's titles.tsv lists the titles the mention finder reads, and
// its TestTitleWordsStripped checks that each word of its ranks, offices
// and honorifics is here). A lookup drops them from
// the front of a name: "Lt Gen Abdul Karim Al Rawi", "Mr Al Rawi",
// "President X", "Sheikh X", "Dr X".
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		the his her their former late acting caretaker interim outgoing incoming new
		mr mrs ms miss mx dr prof professor sir dame lord lady hon honourable honorable excellency
		sheikh sheik shaikh shaykh sayyed sayyid syed mullah ayatollah grand imam pope cardinal
		bishop archbishop rabbi father
		king queen prince princess crown emir sultan
		field marshal lieutenant lt general gen major maj brigadier brig colonel col captain capt
		sergeant sgt admiral adm vice rear commander cmdr cdr corporal cpl private pte staff
		chief officer
		president vice prime minister deputy foreign interior defense defence justice finance oil
		culture health trade economy energy information transport education home affairs
		secretary undersecretary under-secretary under permanent state premier pm fm chancellor speaker parliament governor mayor senator sen rep
		representative ambassador envoy special presidential director army military government
		leader supreme head judge mp lawmaker spokesman spokeswoman spokesperson of
		chairman chairwoman chairperson congressman congresswoman commissioner prefect sub
		county district regional provincial warrant lance commodore cdre agent
		inspector superintendent constable detective commandant assistant senior administrator
		mawlawi mawlavi mowlavi mowlawi molavi maulvi molvi maulana mawlana mufti qari haji hajji alhaji
		havildar hav naik naib subedar sepoy
		almirante vicealmirante contralmirante capitan corbeta fragata navio comandante coronel
		teniente sargento brigada division ejercito
	`) {
		m[w] = true
	}
	return m
}()

// IsTitleWord reports whether a folded word is a rank, office or
// honorific word (see StripTitles).
func IsTitleWord(w string) bool { return titleWords[w] }

// StripTitles drops the ranks, offices and honorifics written before a
// name ("lt gen", "mr", "president", "foreign minister"), keeping at
// least the last word: it takes and returns folded words.
func StripTitles(words []string) []string {
	i := 0
	for i < len(words)-1 && titleWords[words[i]] {
		i++
	}
	return words[i:]
}

// RoleKey folds a person's role title so that the spellings of one office
// are one role: "Minister of Interior", "Minister of the Interior" and
// "Interior Minister"; "Minister of Foreign Affairs" and "Foreign
// Minister"; "Defence" and "Defense"; "spokesman", "spokeswoman" and
// "spokesperson". A title "<office> of <body>" is read as "<body>
// <office>".
func RoleKey(title string) string {
	var w []string
	for _, x := range Fields(title) {
		switch x {
		case "the", "affairs":
			continue
		case "defence":
			x = "defense"
		case "spokesman", "spokeswoman":
			x = "spokesperson"
		}
		w = append(w, x)
	}
	for i, x := range w {
		if x == "of" && i > 0 && i+1 < len(w) {
			w = append(append([]string{}, w[i+1:]...), w[:i]...)
			break
		}
	}
	return strings.Join(w, " ")
}
