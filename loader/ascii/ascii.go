// Package ascii holds the extraction's byte-preserving case folding: the
// lower-cased text that mention, timex and extract share must keep every
// offset of the original, which strings.ToLower does not promise outside
// ASCII.
package ascii

// Lower returns s with its ASCII letters lower-cased and every other byte
// kept, so that offsets into s hold in it; it allocates only when s has
// upper-case ASCII letters. For ASCII text it is strings.ToLower.
func Lower(s string) string {
	k := 0
	for k < len(s) && !('A' <= s[k] && s[k] <= 'Z') {
		k++
	}
	if k == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:k])
	for ; k < len(s); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return string(b)
}
