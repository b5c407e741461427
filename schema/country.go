package schema

import "eventgraph/loader/gazetteer"

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
