package names

import "strings"

// WordKey is the transliteration-insensitive key of one word of a person's
// name, folded (see Fold). It reduces the word to its consonants, as
// Arabic, Persian and Hebrew script do, with the letters that
// transliterations spell differently made one:
//
//   - doubled letters count once ("Hassan" = "Hasan", "Tebboune");
//   - vowels are dropped, but a word's first vowel counts as one mark
//     ("Ahmed" = "Ahmad" ≠ "Hamed") and a diphthong or a y between vowels
//     as the consonant y ("Hussein" = "Husayn" ≠ "Hassan", "Said" = "Sayed");
//     a y after a consonant but h is a vowel ("Avetisyan" =
//     "Avetisian", "Kyiv" = "Kiev"), and a y after an i inside the word
//     is its glide ("Guliyev" = "Guliev");
//   - q = k = c (not in ch), kh = h, gh = g, dh = z = d ("Nadhem" =
//     "Nazem", "Kadhem" = "Kadem"),
//     th = t, ph = f, w = v, x = ks, and zh = dj = dzh = j ("Zhanibek" =
//     "Janibek", "Abdelmadjid" = "Abdelmajid"), tch = ch;
//   - a final h after a vowel is silent ("Abdullah" = "Abdulla", "Hamzah");
//   - Abdul-, Abdel-, Abdal-, Abdol- and Abd al- are one prefix, and a
//     Russian word-initial Ye- before a consonant is E- ("Yevgeny" =
//     "Evgeny").
//
// Words in other scripts are kept as folded.
func WordKey(w string) string {
	if w == "" || !isASCII(w) {
		return w
	}
	var buf [48]byte
	return string(AppendWordKey(buf[:0], w))
}

// AppendWordKey appends WordKey(w) to dst and returns the extended slice:
// with a buffer of the caller's, a key is made and looked up
// (m[string(key)]) without allocating.
func AppendWordKey(dst []byte, w string) []byte {
	if w == "" || !isASCII(w) {
		return append(dst, w...)
	}
	w = normWord(w)
	// doubled letters count once
	if hasDoubled(w) {
		b := make([]byte, 0, len(w))
		for i := 0; i < len(w); i++ {
			if i > 0 && w[i] == w[i-1] {
				continue
			}
			b = append(b, w[i])
		}
		w = string(b)
	}
	out, start := dst, len(dst)
	emit := func(c byte) {
		if n := len(out); n > start && out[n-1] == c {
			return // "kq", "ck": one consonant
		}
		out = append(out, c)
	}
	for i := 0; i < len(w); {
		c := w[i]
		if isVowel(c) || c == 'y' && (!vowelAt(w, i+1) || i > 0 && !isVowel(w[i-1]) && w[i-1] != 'y' && w[i-1] != 'h') {
			// a vowel run; a y before no vowel is one ("Dmitry", "Husayn"),
			// and so is a y after a consonant other than h, the i of Slavic
			// and Armenian transliterations ("Avetisyan" = "Avetisian",
			// "Kyiv"; but "Yahya")
			j := i + 1
			for j < len(w) && (isVowel(w[j]) || w[j] == 'y' && !vowelAt(w, j+1) || w[j] == 'y' && w[j-1] == 'i' && j > 1) {
				// (a y after an i inside the word is its glide: "Guliyev" =
				// "Guliev", "Diyab" = "Diab")
				j++
			}
			run := w[i:j]
			if i == 0 {
				out = append(out, 'A')
			}
			if diphthong(run) {
				emit('Y')
			}
			if j < len(w) && w[j] == 'h' && j+1 == len(w) && i > 0 {
				j++ // a final h after a vowel is silent
			}
			i = j
			continue
		}
		two, three := "", ""
		if i+2 <= len(w) {
			two = w[i : i+2]
		}
		if i+3 <= len(w) {
			three = w[i : i+3]
		}
		switch {
		case three == "tch":
			emit('C')
			i += 3
		case three == "dzh":
			emit('j')
			i += 3
		case two == "dj" || two == "zh":
			emit('j')
			i += 2
		case two == "kh":
			emit('h')
			i += 2
		case two == "gh":
			emit('g')
			i += 2
		case two == "dh":
			emit('d') // dh = z = d: "Kadhem", "Kazem", "Kadem"
			i += 2
		case c == 'z':
			emit('d')
			i++
		case two == "th":
			emit('t')
			i += 2
		case two == "ph":
			emit('f')
			i += 2
		case two == "sh":
			emit('S')
			i += 2
		case two == "ch":
			emit('C')
			i += 2
		case c == 'q' || c == 'c':
			emit('k')
			i++
		case c == 'x':
			emit('k')
			emit('s')
			i++
		case c == 'w':
			emit('v')
			i++
		case c == 'y':
			emit('Y') // a consonant y: "Yahya", "Sayed"
			i++
		default:
			emit(c)
			i++
		}
	}
	return out
}

// hasDoubled reports whether w has a letter twice in a row.
func hasDoubled(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			return true
		}
	}
	return false
}

// abdPrefixes are the spellings of Abd al- written as one word.
var abdPrefixes = []string{"abdoul", "abdul", "abdel", "abdal", "abdol", "abdil"}

// normWord rewrites the spellings of a word's beginning that differ by
// more than a letter: the Abd al- prefix and a Russian initial Ye-.
func normWord(w string) string {
	if strings.HasPrefix(w, "abd") { // every one of abdPrefixes
		for _, p := range abdPrefixes {
			if strings.HasPrefix(w, p) {
				return "abd" + w[len(p):]
			}
		}
	}
	if len(w) > 3 && w[0] == 'y' && w[1] == 'e' && !isVowel(w[2]) && w[2] != 'y' {
		return w[1:]
	}
	return w
}

// vowelAt reports whether w has a vowel at i.
func vowelAt(w string, i int) bool { return i < len(w) && isVowel(w[i]) }

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// diphthong reports whether a vowel run ends in a, e or o followed by i or
// y: the Arabic and Persian ay of "Hussein", "Faisal", "Husayn", the -ey
// of "Sergey".
func diphthong(run string) bool {
	n := len(run)
	if n < 2 {
		return false
	}
	last, before := run[n-1], run[n-2]
	return (last == 'i' || last == 'y') && (before == 'a' || before == 'e' || before == 'o')
}

// Name is a person's name reduced for matching (see Person).
type Name struct {
	// Words are the folded words, without the Arabic article and the
	// patronymic link (bin, ibn, bint) inside the name.
	Words []string
	// Given are the WordKeys of the words before the last.
	Given []string
	// Surname is the WordKey of the last word.
	Surname string
	// Glued is the WordKey of all words written as one: it matches names
	// that differ only in where words are split ("Amirabdollahian",
	// "Amir Abdollahian"; "Abdelmadjid", "Abdel Madjid").
	Glued string
	// Lead is the Glued key of the first two words of a name of three
	// words or more, and "" for a shorter one: "Tesfaye Bekele Alemu" (given
	// name, father's, grandfather's) is also written "Tesfaye Bekele".
	Lead string
}

// Person reduces a person's name for matching. The name must be without
// titles (see StripTitles).
func Person(s string) Name {
	var n Name
	for i, w := range Fields(s) {
		if i > 0 && (w == "bin" || w == "ibn" || w == "bint" || w == "ben") {
			continue // the patronymic link: "Faisal bin Farhan" = "Faisal Farhan"
		}
		n.Words = append(n.Words, w)
	}
	if len(n.Words) == 0 {
		return n
	}
	var glued strings.Builder
	for _, w := range n.Words {
		glued.WriteString(normWord(w))
	}
	n.Glued = WordKey(glued.String())
	if len(n.Words) >= 3 {
		n.Lead = WordKey(normWord(n.Words[0]) + normWord(n.Words[1]))
	}
	for _, w := range n.Words[:len(n.Words)-1] {
		n.Given = append(n.Given, WordKey(w))
	}
	n.Surname = WordKey(n.Words[len(n.Words)-1])
	return n
}

// Empty reports whether the name has no words.
func (n Name) Empty() bool { return len(n.Words) == 0 }

// Compatible reports whether two names may be one person's: written alike
// up to transliteration and word splitting, or the same surname key with
// given names that do not differ: one of them has none ("Novak"), their
// first given names have the same key or one is the other's initial
// ("J. Smith"), or one's given names are the last of the other's
// ("Amir Abdollahian", "Hossein Amir Abdollahian"); or a name of two words
// is the first two of the other ("Tesfaye Bekele", "Tesfaye Bekele Alemu": a given
// name and the father's, with or without the grandfather's). Two names with the
// same surname and different first names are different people ("Hassan
// X" and "Hussein X", "Ahmed X" and "Hamed X").
func Compatible(a, b Name) bool {
	if a.Empty() || b.Empty() {
		return false
	}
	if a.Glued == b.Glued {
		return true
	}
	if a.Lead != "" && a.Lead == b.Glued || b.Lead != "" && b.Lead == a.Glued {
		return true // "Tesfaye Bekele" and "Tesfaye Bekele Alemu"
	}
	if a.Surname != b.Surname {
		return false
	}
	if len(a.Given) == 0 || len(b.Given) == 0 {
		return true
	}
	if a.Given[0] == b.Given[0] || initialOf(a.Words[0], b.Words[0]) || initialOf(b.Words[0], a.Words[0]) {
		return true
	}
	return suffixOf(a.Given, b.Given) || suffixOf(b.Given, a.Given)
}

// SameGiven reports whether both names have given names and their first
// ones have the same key.
func SameGiven(a, b Name) bool {
	return len(a.Given) > 0 && len(b.Given) > 0 && a.Given[0] == b.Given[0]
}

// initialOf reports whether w is a one-letter initial of the word v.
func initialOf(w, v string) bool { return len(w) == 1 && len(v) > 1 && v[0] == w[0] }

func suffixOf(short, long []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i := range short {
		if short[i] != long[off+i] {
			return false
		}
	}
	return true
}
