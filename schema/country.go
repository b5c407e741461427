package schema

import (
	"strings"

	"eventgraph/loader/gazetteer"
)

// countryName is the display name of an ISO 3166-1 alpha-2 code: the
// gazetteer's common name ("IQ" → "Iraq"), or the code itself for a code
// the gazetteer does not know.
func countryName(code string) string {
	if code == "" {
		return ""
	}
	if n := gazetteer.CountryName(code); n != "" {
		return n
	}
	return code
}

// lookupCountryCode resolves a country code or name without the graph:
// an ISO 3166-1 alpha-2 code, or a name or alias the gazetteer knows.
func lookupCountryCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 2 {
		if c, ok := gazetteer.CountryByCode(s); ok {
			return c.Code, true
		}
	}
	if c, ok := gazetteer.CountryByName(s); ok {
		return c.Code, true
	}
	return "", false
}
