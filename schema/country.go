package schema

import "strings"

// TODO(gazetteer): when eventgraph/loader/gazetteer lands, make these two
// call gazetteer.CountryName and gazetteer.Country. Until then a country is
// shown by its stored ISO code and a country argument must be a code or a
// name the graph itself knows (an actor of kind COUNTRY or a place of kind
// country; see request.countryCode).

// countryName is the display name of an ISO 3166-1 alpha-2 code.
var countryName = func(code string) string { return code }

// lookupCountryCode resolves a country code or name without the graph.
var lookupCountryCode = func(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 2 && isASCIILetters(s) {
		return strings.ToUpper(s), true
	}
	return "", false
}

func isASCIILetters(s string) bool {
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}
