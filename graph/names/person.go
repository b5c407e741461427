package names

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

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
//     is its glide ("Aliyev" = "Aliev"), as is a y between a vowel and
//     the Russian ending -ev ("Tokayev" = "Tokaev", but "Sayed" ≠ "Saed");
//   - an h between a vowel and -ullah is dropped ("Sabihullah" =
//     "Sabiullah"; not "Fahad" = "Fad");
//   - q = k = c (not in ch), kh = h, gh = g, dh = z = d ("Nadhem" =
//     "Nazem", "Kadhem" = "Kadem"),
//     th = t, ph = f, w = v, x = ks, and zh = dj = dzh = j ("Zhanibek" =
//     "Janibek", "Abdelmadjid" = "Abdelmajid"), as is a Greek inner tz
//     ("Chatzidakis" = "Hadjidakis"), tch = ch, and a Greek-looking
//     word's initial ch is h (greekCh);
//   - the Belarusian -ousk- is the Russian -ovsk- ("Zhukouski" =
//     "Zhukovsky");
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
	w = dropUllahH(w)
	out, start := dst, len(dst)
	vowel := false // a vowel since the last consonant
	emit := func(c byte) {
		if n := len(out); n > start && out[n-1] == c && !vowel {
			return // "kq", "ck": one consonant (but "Adede" keeps both d)
		}
		out = append(out, c)
		vowel = false
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c == 'o' && i+3 < len(w) && w[i+1] == 'u' && w[i+2] == 's' && w[i+3] == 'k' && i > 0 {
			// the Belarusian -ouski is the -ovsky of Russian spellings:
			// "Zhukouski" = "Zhukovsky"
			vowel = true
			emit('v')
			i += 2
			continue
		}
		if isVowel(c) || c == 'y' && (!vowelAt(w, i+1) || i > 0 && !isVowel(w[i-1]) && w[i-1] != 'y' && w[i-1] != 'h') {
			// a vowel run; a y before no vowel is one ("Dmitry", "Husayn"),
			// and so is a y after a consonant other than h, the i of Slavic
			// and Armenian transliterations ("Avetisyan" = "Avetisian",
			// "Kyiv"; but "Yahya")
			j := i + 1
			for j < len(w) && (isVowel(w[j]) || w[j] == 'y' && !vowelAt(w, j+1) || w[j] == 'y' && w[j-1] == 'i' && j > 1 || w[j] == 'y' && j > 1 && isVowel(w[j-1]) && slavicEv(w[j+1:]) ||
				w[j] == 'w' && isVowel(w[j-1]) && !vowelAt(w, j+1) && j > 1) {
				// (a y after an i inside the word is its glide: "Aliyev" =
				// "Aliev", "Diyab" = "Diab"; so is a y between a vowel and
				// the Russian surname ending -ev: "Tokayev" = "Tokaev"; a w
				// after a vowel inside the word and before no vowel is the
				// vowel's: "Dowlatabadi" = "Doulatabadi")
				j++
			}
			run := w[i:j]
			if i == 0 {
				out = append(out, 'A')
			}
			vowel = true
			if diphthong(run) && j < len(w) {
				// (a word's final -ay, -ey, -ei is its vowel: "Sesay" =
				// "Sese", "Kantey" = "Kanteh", "Sergei" = "Sergey")
				emit('Y')
			}
			if j < len(w) && w[j] == 'h' && j+1 == len(w) && i > 0 {
				j++ // a final h after a vowel is silent
			} else if i > 0 && (run == "i" || run == "y") && w[j:] == "kh" {
				j += 2 // the Russian -ykh/-ikh, written -îh in Romanian: "Zabolotnykh" = "Zabolotnîh"
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
		case two == "dj" || two == "zh" || two == "tz" && i > 0:
			// Greek and Turkish tz is the dj of other spellings:
			// "Chatzidakis" = "Hadjidakis" (not a first T: "Tzipi")
			emit('j')
			i += 2
		case i == 0 && two == "ch" && vowelAt(w, 2) && greekCh(w):
			// the Greek initial chi, ch or h: "Chatzis" = "Hatzis"
			emit('h')
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
		case two == "bh" || two == "fh" || two == "vh" || two == "jh" || two == "nh" && i > 0 && i+2 < len(w) && !isVowel(w[i+2]) && w[i+2] != 'y':
			// the h of an aspirated or breathy consonant is often left
			// out: "Prabhakar" = "Prabakar", "Ndivhuwo" = "Ndivuwo"; so is
			// the h of an inner nh before a consonant (Lao and Vietnamese
			// romanizations: "Vilanhnavong" = "Vilannavong"; a final or
			// a Portuguese nh before a vowel stays: "Minh", "Pinheiro")
			emit(c)
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
	return shortKey(out, start, w)
}

// shortKey gives the key of a word of at most one consonant (out[start:],
// of the word w) the class of its first vowel, a, e/i or o/u: such a key
// is too short to leave vowels out ("Ali" ≠ "Eli" ≠ "Ulu", "Le" ≠ "La"),
// while "Ali" = "Aly" and "Isa" = "Eisa".
func shortKey(out []byte, start int, w string) []byte {
	consonants := 0
	for _, c := range out[start:] {
		if c != 'A' {
			consonants++
		}
	}
	if consonants > 1 {
		return out
	}
	class := byte(0)
	for i := 0; i < len(w) && class == 0; i++ {
		switch w[i] {
		case 'a':
			class = 'A'
		case 'e', 'i':
			class = 'E'
		case 'o', 'u':
			class = 'O'
		}
	}
	switch {
	case class == 0:
	case len(out) > start && out[start] == 'A':
		out[start] = class // the mark of the first vowel
	default:
		out = append(out, class)
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
// more than a letter: the Abd al- prefix, a Russian initial Ye- and the
// abbreviations of Muhammad.
func normWord(w string) string {
	switch w {
	case "md", "mohd", "muhd", "mhd":
		// the abbreviations of Muhammad of South and Southeast Asian
		// names: "Md Anisur Rahman", "Mohd Hafiz"
		return "muhammad"
	}
	if strings.HasPrefix(w, "abd") { // every one of abdPrefixes
		for _, p := range abdPrefixes {
			if strings.HasPrefix(w, p) {
				// the article's l before a name in l is written once or
				// twice: "Abdellatif" = "Abdelatif" = "Abdullatif" (not
				// Allah's: "Abdullah", "Abdollahian")
				rest := w[len(p):]
				if len(rest) > 4 && rest[0] == 'l' && !strings.HasPrefix(rest, "lah") {
					rest = rest[1:]
				}
				return "abd" + rest
			}
		}
	}
	if len(w) > 3 && w[0] == 'y' && w[1] == 'e' && !isVowel(w[2]) && w[2] != 'y' {
		w = w[1:]
	}
	return glideI(w)
}

// glideI writes an i between two other vowels y, the glide other
// transliterations write so ("Oseias" = "Oseyas", "Tokaiev" = "Tokayev").
func glideI(w string) string {
	for k := 1; k+1 < len(w); k++ {
		if w[k] == 'i' && isVowel(w[k-1]) && w[k-1] != 'i' && isVowel(w[k+1]) && w[k+1] != 'i' {
			b := []byte(w)
			for ; k+1 < len(b); k++ {
				if b[k] == 'i' && isVowel(b[k-1]) && b[k-1] != 'i' && isVowel(b[k+1]) && b[k+1] != 'i' {
					b[k] = 'y'
				}
			}
			return string(b)
		}
	}
	return w
}

// generational are the suffixes after a surname that tell a father from
// his son ("Jr", "Jnr", "III"), which outlets write or leave out.
var generational = map[string]bool{"jr": true, "jnr": true, "junior": true, "sr": true, "snr": true, "senior": true,
	"ii": true, "iii": true, "iv": true}

// greekCh reports whether a word opening with ch is Greek-looking: it ends
// in one of the Greek surname endings -ou, -is, -os, -as, -des
// ("Chatzidakis", "Charalambidis", "Chalkias"), where the initial
// chi is written ch or h. Other words keep their ch ("Chavez", "Chen").
func greekCh(w string) bool {
	for _, e := range []string{"ou", "is", "os", "as", "des", "dis"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// slavicEv reports whether rest is the Russian surname ending -ev, -eva,
// -evich or -evna (after the glide y of "Tokayev", "Mirzoyeva").
func slavicEv(rest string) bool {
	switch rest {
	case "ev", "eva", "evich", "evna":
		return true
	}
	return false
}

// dropUllahH drops the h between a vowel and the -ullah of an Arabic
// compound name (doubled letters already single), which transliterations
// write or leave out: "Sabihullah" = "Sabiullah", "Ruhollah" =
// "Ruollah". Other h's between vowels stay ("Fahad" ≠ "Fad").
func dropUllahH(w string) string {
	for _, suf := range []string{"hulah", "holah", "hula", "hola"} {
		if n := len(w) - len(suf); n > 0 && strings.HasSuffix(w, suf) && isVowel(w[n-1]) {
			return w[:n] + w[n+1:]
		}
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
	// Leads are the Glued keys of the name's first two words, first three
	// and so on, each shorter than the whole (Lead is the first): a
	// Spanish name is also written without the mother's surname
	// ("Tomas Ignacio Salcedo Varela", "Tomas Ignacio Salcedo"); a name of four
	// words also has the key of its first and third words ("Tomas
	// Salcedo").
	Leads []string
	// Others are the name's other readings: with its letters of
	// two-letter sounds spelled out (see spelledOut), when it has any
	// ("Dorușin" is "Dorusin" and "Dorushin", "Vučić" "Vucic" and
	// "Vuchich"), and with a q or j read as g (see gReading; Guarded).
	Others []Name
	// Guarded marks a reading with a q or j read as g: it meets another
	// name only if both have given names and the first ones have the same
	// key in the readings compared ("Rauf Qasimov" = "Rauf Gasimov", but
	// "Qasimov" alone is not "Gasimov").
	Guarded bool
}

// Readings are the name and its Others.
func (n Name) Readings() []Name {
	if len(n.Others) == 0 {
		return []Name{n}
	}
	return append([]Name{n}, n.Others...)
}

// twoLetterSounds are the letters of Latin alphabets (Romanian, Turkish,
// Albanian, the Slavic ones) for sounds that English transliterations
// write with two letters: ș ş š = sh, ç č ć = ch, ž = zh, ț ţ = ts.
var twoLetterSounds = strings.NewReplacer(
	"ș", "sh", "ş", "sh", "š", "sh", "Ș", "Sh", "Ş", "Sh", "Š", "Sh",
	"ç", "ch", "č", "ch", "ć", "ch", "Ç", "Ch", "Č", "Ch", "Ć", "Ch",
	"ž", "zh", "Ž", "Zh", "ț", "ts", "ţ", "ts", "Ț", "Ts", "Ţ", "Ts",
)

// spelledOut is s with twoLetterSounds written with two letters, and ""
// when s has none of them.
func spelledOut(s string) string {
	if isASCII(s) {
		return ""
	}
	t := twoLetterSounds.Replace(norm.NFC.String(s))
	if t == norm.NFC.String(s) {
		return ""
	}
	return t
}

// Person reduces a person's name for matching. The name must be without
// titles (see StripTitles). A name with letters that English writes with
// two ("Dorușin", "Çelik") has both readings (Other): the letter's base
// ("Dorusin", as Fold gives) and the two letters ("Dorushin").
//
// A name with a q or a j has a reading with it read as g (gReading):
// Azerbaijani Latin writes a g sound q ("Qasimov", "Gasimov" in English),
// and Egyptian spelling writes the Arabic j g ("el-Gazzar", "al-Jazzar";
// "Gamal", "Jamal"). Such a reading is Guarded, as is a name's reading in
// Somali orthography (somaliReading: "Cabdullahi Xasan" is "Abdullahi
// Hasan").
func Person(s string) Name {
	n := person(Fields(s))
	bases := []Name{n}
	if o := spelledOut(s); o != "" {
		if p := person(Fields(o)); !p.Empty() && p.Glued != n.Glued {
			n.Others = append(n.Others, p)
			bases = append(bases, p)
		}
	}
	for _, b := range bases {
		if w, ok := gReading(b.Words); ok {
			p := person(w)
			p.Guarded = true
			n.Others = append(n.Others, p)
		}
		if w, ok := somaliReading(b.Words); ok {
			p := person(w)
			p.Guarded = true
			n.Others = append(n.Others, p)
		}
	}
	return n
}

// Reversed is a name of two words in the other order, which many outlets
// and administrations write surname first (East Asian, Central African,
// Hungarian order: "Kalombo Thierry" for "Thierry Kalombo"); ok is false
// for a longer or shorter name and for two given names that are family
// names too ("Ali Hassan", "Hassan Ali"). Only the whole name read so
// matches (SameGlued), never its single words.
func Reversed(n Name) (r Name, ok bool) {
	w := n.Words
	if len(w) != 2 || compoundParts[w[0]] || compoundParts[w[1]] || w[0] == w[1] {
		return Name{}, false
	}
	return person([]string{w[1], w[0]}), true
}

// somaliReading is words read as Somali's official Latin orthography
// writes them, when a word has its marks (a doubled vowel, or an x
// before a vowel, opening the word or after a vowel): x is the
// pharyngeal h and c the ayn, which English spellings write h and leave
// out ("Cabdullahi Xasan Nuur" is "Abdullahi Hasan Nur"); ok is false
// when nothing changes. Such a reading is Guarded.
func somaliReading(words []string) (out []string, ok bool) {
	marked := false
	for _, w := range words {
		for i := 1; i < len(w); i++ {
			if isVowel(w[i]) && w[i] == w[i-1] || w[i-1] == 'x' && isVowel(w[i]) && (i == 1 || isVowel(w[i-2])) {
				marked = true
			}
		}
	}
	if !marked {
		return nil, false
	}
	for _, w := range words {
		b := make([]byte, 0, len(w))
		for i := 0; i < len(w); i++ {
			switch {
			case w[i] == 'x':
				b = append(b, 'h')
				ok = true
			case w[i] == 'c' && (i+1 == len(w) || w[i+1] != 'h'):
				ok = true
			default:
				b = append(b, w[i])
			}
		}
		out = append(out, string(b))
	}
	return out, ok
}

// gReading is words with each q, and each j not after a d (the French
// dj), written g; ok is false when there is none.
func gReading(words []string) (out []string, ok bool) {
	for _, w := range words {
		if strings.IndexByte(w, 'q') < 0 && strings.IndexByte(w, 'j') < 0 {
			out = append(out, w)
			continue
		}
		b := []byte(w)
		for i, c := range b {
			if c == 'q' || c == 'j' && (i == 0 || b[i-1] != 'd') {
				b[i] = 'g'
				ok = true
			}
		}
		out = append(out, string(b))
	}
	return out, ok
}

func person(fields []string) Name {
	var n Name
	for i, w := range fields {
		if i > 0 && (w == "bin" || w == "ibn" || w == "bint" || w == "ben") {
			continue // the patronymic link: "Faisal bin Farhan" = "Faisal Farhan"
		}
		if w == "ould" && i+1 < len(fields) {
			// the Mauritanian "son of", also opening a short form: "Ahmed
			// Ould Sidi" = "Ahmed Sidi", "Ould Sidi" = "Sidi"
			continue
		}
		if i >= 1 && i == len(fields)-1 && generational[w] {
			continue // "Pedro Alcantara Jr" = "Pedro Alcantara"
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
		lead := normWord(n.Words[0])
		for _, w := range n.Words[1 : len(n.Words)-1] {
			lead += normWord(w)
			n.Leads = append(n.Leads, WordKey(lead))
		}
		n.Lead = n.Leads[0]
	}
	if len(n.Words) == 4 {
		// two given names, the father's surname and the mother's (the
		// Spanish and Portuguese custom) are also written as the first
		// given name and the father's surname: "Tomas Ignacio Salcedo Varela",
		// "Tomas Salcedo"
		n.Leads = append(n.Leads, WordKey(normWord(n.Words[0])+normWord(n.Words[2])))
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
// ("J. Smith"), one's given names are the last of the other's
// ("Amir Abdollahian", "Hossein Amir Abdollahian") or its first given name
// is a short form cut from the other's (shortGiven: "Alex", "Alexander");
// or a name of two words
// or more is the first words of the other ("Tesfaye Bekele", "Tesfaye Bekele Alemu": a given
// name and the father's, with or without the grandfather's; "Tomas Ignacio
// Salcedo", "Tomas Ignacio Salcedo Varela"). A Guarded reading (q or j as g)
// counts only between names with the same first given name. Two names with the
// same surname and different first names are different people ("Hassan
// X" and "Hussein X", "Ahmed X" and "Hamed X").
func Compatible(a, b Name) bool {
	if len(a.Others) > 0 || len(b.Others) > 0 {
		for _, x := range a.Readings() {
			for _, y := range b.Readings() {
				if (x.Guarded || y.Guarded) && !sameFirstGiven(x, y) {
					continue
				}
				if compatible(x, y) {
					return true
				}
			}
		}
		return false
	}
	return compatible(a, b)
}

// sameFirstGiven reports whether both readings have given names and the
// first ones have the same key.
func sameFirstGiven(x, y Name) bool {
	if len(x.Given) == 0 || len(y.Given) == 0 {
		return false
	}
	if x.Given[0] == y.Given[0] {
		return true
	}
	// a compound given name written in one word or two: "Ali-Reza",
	// "Alireza"
	return strings.Join(x.Given, "") == strings.Join(y.Given, "")
}

// SameGlued reports whether two names are written alike up to
// transliteration and word splitting, in some reading of each.
func SameGlued(a, b Name) bool {
	for _, x := range a.Readings() {
		for _, y := range b.Readings() {
			if x.Glued == y.Glued {
				return true
			}
		}
	}
	return false
}

func compatible(a, b Name) bool {
	if a.Empty() || b.Empty() {
		return false
	}
	if a.Glued == b.Glued && (len(a.Words) != len(b.Words) || a.Surname == b.Surname) {
		// split differently, or alike: not a short surname's vowel lost
		// in the glued key ("Marat Eli", "Marat Ali")
		return true
	}
	if slices.Contains(a.Leads, b.Glued) || slices.Contains(b.Leads, a.Glued) {
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
	if strings.ReplaceAll(a.Given[0], "C", "k") == strings.ReplaceAll(b.Given[0], "C", "k") {
		// the Greek chi of a given name is ch or c with one surname:
		// "Zacharias X" and "Zacarias X", "Michail X" and "Mikail X"
		return true
	}
	if shortGiven(a.Words[0], b.Words[0]) || shortGiven(b.Words[0], a.Words[0]) {
		return true // "Alex X" and "Alexander X", "Buisi X" and "Ndubuisi X"
	}
	return suffixOf(a.Given, b.Given) || suffixOf(b.Given, a.Given)
}

// compoundParts are given names that join others into one word
// ("Alireza", "Mohammadreza", "Nasreddin", "Abdullah"): a given name
// that is another with one of them added is another name, not its short
// form ("Reza" is not "Alireza").
var compoundParts = map[string]bool{
	"ali": true, "reza": true, "mohammad": true, "mohammed": true, "muhammad": true,
	"amir": true, "hossein": true, "hussein": true, "hassan": true, "javad": true,
	"abd": true, "abdul": true, "abdel": true, "abdal": true, "abdol": true, "abdoul": true,
	"abdil": true, "abdi": true, "abdu": true, "abdur": true, "abu": true, "abou": true,
	"allah": true, "ullah": true, "ollah": true,
	"din": true, "eddin": true, "eddine": true, "uddin": true, "addin": true,
	"jan": true, "bek": true, "beg": true, "khan": true,
}

// shortGiven reports whether the given name s is a short form of l made by
// cutting it (a hypocorism): l's beginning ("Alex", "Alexander") or end
// ("Buisi", "Ndubuisi"), or for a Greek name in -s its beginning before the
// -s ("Dimitris", "Dimitrios"), of four letters or more and two fewer than l
// at least, the rest no given name of compoundParts, and no woman's name
// made by adding to a man's.
func shortGiven(s, l string) bool {
	if len(s) < 4 || len(l) < len(s)+2 {
		return false
	}
	var rest string
	switch {
	case strings.HasPrefix(l, s):
		if strings.HasSuffix(l, "a") || strings.HasSuffix(l, "ine") || strings.HasSuffix(l, "ette") {
			return false // a woman's name made from a man's: "Ivanka", "Paulina", "Bernadette"
		}
		rest = l[len(s):]
	case strings.HasSuffix(l, s):
		rest = l[:len(l)-len(s)]
	case len(s) >= 5 && s[len(s)-1] == 's' && l[len(l)-1] == 's' && strings.HasPrefix(l, s[:len(s)-1]):
		// Greek names cut before their nominative -s: "Dimitris", "Dimitrios"
		rest = l[len(s)-1:]
	default:
		return false
	}
	return !compoundParts[rest]
}

// ShortGiven reports whether one of two folded given names (see Fold) is
// a short form cut from the other ("Alex" and "Alexander", "Buisi" and
// "Ndubuisi"; not "Reza" and "Alireza", nor "Ivan" and "Ivanka").
func ShortGiven(a, b string) bool { return shortGiven(a, b) || shortGiven(b, a) }

// SameGiven reports whether both names have given names and their first
// ones have the same key.
func SameGiven(a, b Name) bool {
	for _, x := range a.Readings() {
		for _, y := range b.Readings() {
			if len(x.Given) > 0 && len(y.Given) > 0 && x.Given[0] == y.Given[0] {
				return true
			}
		}
	}
	return false
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
