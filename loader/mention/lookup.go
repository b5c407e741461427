package mention

import "eventgraph/loader/gazetteer"

// The helpers of this file answer the gazetteer lookups of a token's text
// from the folded key the tokenizer computed (token.Key), and for a
// capitalized word from what it looked up once (token.gz), instead of
// folding the text again in every lookup. Tokens other than words take the
// plain lookups.

// names is gazetteer.LookupNames for a word's text.
func names(t *token) gazetteer.Names {
	if t.gzSet {
		return t.gz
	}
	return gazetteer.LookupNames(t.Text, t.Key)
}

// countryByName is gazetteer.CountryByName(t.Text).
func countryByName(t *token) (gazetteer.CountryInfo, bool) {
	if t.Word {
		return names(t).Country()
	}
	return gazetteer.CountryByName(t.Text)
}

// demonym is gazetteer.Demonym(t.Text).
func demonym(t *token) (gazetteer.CountryInfo, bool) {
	if t.Word {
		return names(t).Demonym()
	}
	return gazetteer.Demonym(t.Text)
}

// lookupPlace is gazetteer.LookupPlace(t.Text).
func lookupPlace(t *token) (gazetteer.Place, bool) {
	if t.Word {
		return names(t).Place()
	}
	return gazetteer.LookupPlace(t.Text)
}

// isCountryName reports whether gazetteer.CountryByName(t.Text) finds a
// country.
func isCountryName(t *token) bool {
	if t.Word {
		return names(t).IsCountry()
	}
	_, ok := gazetteer.CountryByName(t.Text)
	return ok
}

// isDemonym reports whether gazetteer.Demonym(t.Text) finds a country.
func isDemonym(t *token) bool {
	if t.Word {
		return names(t).IsDemonym()
	}
	_, ok := gazetteer.Demonym(t.Text)
	return ok
}
