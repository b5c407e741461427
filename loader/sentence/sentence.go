// Package sentence splits article text into sentences with byte offsets.
//
// The splitter is a small rule-based one tuned for news copy: it first splits
// on line breaks (a headline, a photo caption, a dateline and each body
// paragraph are separate lines), then splits each line after '.', '!', '?' and
// '…' when what follows looks like the start of a new sentence. It keeps news
// abbreviations whole (titles such as "Brig. Gen.", "Lt.", "Gov.", "Dr.";
// acronyms such as "U.S." and "U.N."; month abbreviations before a day;
// "No." before a number; initials as in "John F. Kennedy"), and it does split
// after a sentence-final number ("…in 2014. The"). A closing quotation mark or
// bracket after the final stop stays with its sentence ("…at its best.”").
//
// Split works on bytes, allocates only the result, and is safe on any input,
// including invalid UTF-8: every Sentence it returns lies inside the text.
package sentence

import (
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text. Start and End are byte offsets into the
// text that was split, and Text == text[Start:End], trimmed of surrounding
// space (including no-break spaces).
type Sentence struct {
	Start, End int
	Text       string
}

// Split splits text into sentences, in order, without overlaps. Blank lines
// and whitespace between sentences belong to no sentence.
func Split(text string) []Sentence {
	out := make([]Sentence, 0, len(text)/120+1)
	lineStart := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' || text[i] == '\r' {
			if i > lineStart {
				out = splitLine(text, lineStart, i, out)
			}
			lineStart = i + 1
		}
	}
	return out
}

// splitLine appends the sentences of text[start:end], a single line.
func splitLine(text string, start, end int, out []Sentence) []Sentence {
	sentStart := start
	i := start
	for i < end {
		c := text[i]
		var stopLen int
		switch {
		case c == '.' || c == '!' || c == '?':
			stopLen = 1
		case c == 0xE2 && i+2 < end && text[i+1] == 0x80 && text[i+2] == 0xA6: // …
			stopLen = 3
		default:
			i++
			continue
		}
		stop := i
		// Take the whole run of stops ("?!", "...", "…").
		j := i + stopLen
		for j < end {
			if text[j] == '.' || text[j] == '!' || text[j] == '?' {
				j++
			} else if text[j] == 0xE2 && j+2 < end && text[j+1] == 0x80 && text[j+2] == 0xA6 {
				j += 3
			} else {
				break
			}
		}
		// Closing quotes and brackets stay with the sentence.
		for j < end {
			if n := closerLen(text, j, end); n > 0 {
				j += n
			} else {
				break
			}
		}
		// A boundary needs space after it (or the end of the line).
		next, spaced := skipSpace(text, j, end)
		if !spaced && j < end {
			i = j
			continue
		}
		if next < end && !creditFollows(text, next, end) &&
			boundary(text, start, stop, j-stop == 1 && c == '.', next, end) {
			out = appendTrimmed(text, sentStart, j, out)
			sentStart = next
		}
		i = next
	}
	return appendTrimmed(text, sentStart, end, out)
}

// boundary reports whether a sentence ends at the stop at text[stop] (within
// the line starting at lineStart) given that the next sentence would start at
// text[next]. singleDot says the stop is one '.', not "?", "!" or "...".
func boundary(text string, lineStart, stop int, singleDot bool, next, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[next:end])
	// A lower-case continuation never starts a sentence ("approx. five",
	// "“Why?” he asked").
	if unicode.IsLower(r) {
		return false
	}
	if !singleDot {
		return true
	}
	// Find the word before the dot.
	ws := stop
	for ws > lineStart {
		b := text[ws-1]
		if b == ' ' || b == '\t' {
			break
		}
		if b == 0xA0 && ws-2 >= lineStart && text[ws-2] == 0xC2 { // no-break space
			break
		}
		ws--
	}
	word := trimOpeners(text[ws:stop])
	if word == "" {
		return true
	}
	nextDigit := r >= '0' && r <= '9'
	if isTitleAbbrev(word) {
		return false
	}
	if isMonthAbbrev(word) || word == "No" || word == "Nos" || word == "no" || word == "Art" || word == "Fig" || word == "p" || word == "pp" || word == "vol" || word == "Vol" {
		return !nextDigit
	}
	// A single capital letter is an initial: "John F. Kennedy".
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return false
	}
	// Dotted acronyms ("U.S.", "U.N.", "a.m.", "e.g."): a sentence ends
	// after one only when a usual sentence opener follows.
	if isDotted(word) {
		if word == "e.g" || word == "i.e" || word == "cf" {
			return false
		}
		return isOpener(text, next, end)
	}
	return true
}

// creditFollows reports whether the rest of the line, from text[i], is a
// short parenthetical such as a photo credit "(AFP)", which stays with the
// sentence before it.
func creditFollows(text string, i, end int) bool {
	if text[i] != '(' || end-i > 48 {
		return false
	}
	e := end
	for e > i && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '.') {
		e--
	}
	return e > i+1 && text[e-1] == ')'
}

// trimOpeners strips opening quotes and brackets from the front of a word.
func trimOpeners(w string) string {
	for len(w) > 0 {
		switch {
		case w[0] == '(' || w[0] == '[' || w[0] == '"' || w[0] == '\'':
			w = w[1:]
		case len(w) >= 3 && w[0] == 0xE2 && w[1] == 0x80 && (w[2] == 0x9C || w[2] == 0x98): // “ ‘
			w = w[3:]
		default:
			return w
		}
	}
	return w
}

// closerLen returns the byte length of a closing quote or bracket at text[i].
func closerLen(text string, i, end int) int {
	switch text[i] {
	case '"', '\'', ')', ']':
		return 1
	case 0xE2: // ” ’
		if i+2 < end && text[i+1] == 0x80 && (text[i+2] == 0x9D || text[i+2] == 0x99) {
			return 3
		}
	case 0xC2: // »
		if i+1 < end && text[i+1] == 0xBB {
			return 2
		}
	}
	return 0
}

// skipSpace skips spaces from text[i] and reports where the next non-space
// byte is and whether any space was skipped.
func skipSpace(text string, i, end int) (int, bool) {
	j := i
	for j < end {
		b := text[j]
		if b == ' ' || b == '\t' || b == '\f' || b == '\v' {
			j++
			continue
		}
		if b < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(text[j:end])
		if r == utf8.RuneError || !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	return j, j > i
}

// appendTrimmed appends text[s:e] trimmed of space, unless it is empty.
func appendTrimmed(text string, s, e int, out []Sentence) []Sentence {
	for s < e {
		if b := text[s]; b == ' ' || b == '\t' || b == '\f' || b == '\v' || b == '\n' || b == '\r' {
			s++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[s:e])
		if r == utf8.RuneError || !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		if b := text[e-1]; b == ' ' || b == '\t' || b == '\f' || b == '\v' || b == '\n' || b == '\r' {
			e--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if r == utf8.RuneError || !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	if e > s {
		out = append(out, Sentence{Start: s, End: e, Text: text[s:e]})
	}
	return out
}

// isDotted reports whether w is a dotted abbreviation such as "U.S" or "a.m"
// (the final dot already removed): short letter groups joined by dots.
func isDotted(w string) bool {
	dots, run := 0, 0
	for i := 0; i < len(w); i++ {
		b := w[i]
		switch {
		case b == '.':
			if run == 0 {
				return false
			}
			dots++
			run = 0
		case (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'):
			run++
			if run > 2 {
				return false
			}
		default:
			return false
		}
	}
	return dots > 0 && run > 0
}

// titleAbbrevs are abbreviations that stand before a name or a number and
// so never end a sentence.
var titleAbbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Mx": true, "Dr": true, "Prof": true,
	"Messrs": true, "Mme": true, "Mlle": true, "Rev": true, "Hon": true,
	"Gen": true, "Gens": true, "Lt": true, "Lieut": true, "Col": true, "Maj": true,
	"Brig": true, "Capt": true, "Cpt": true, "Cmdr": true, "Cdr": true, "Adm": true,
	"Sgt": true, "Cpl": true, "Pvt": true, "Pte": true, "Gov": true, "Sen": true,
	"Rep": true, "Reps": true, "Sens": true, "Pres": true, "Amb": true, "Supt": true,
	"Insp": true, "Det": true, "Cmdt": true, "St": true, "Mt": true,
	"Ft": true, "vs": true, "Vs": true, "Atty": true, "Gov-Gen": true, "Lt-Gen": true,
	"Maj-Gen": true, "Brig-Gen": true, "Lt-Col": true,
}

func isTitleAbbrev(w string) bool { return titleAbbrevs[w] }

// isMonthAbbrev reports whether w is a month abbreviation such as "Jan".
func isMonthAbbrev(w string) bool {
	switch w {
	case "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// openers are words that commonly start a sentence; after a dotted acronym
// ("in the U.S. The …") they signal a new sentence.
var openers = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true,
	"They": true, "We": true, "I": true, "His": true, "Her": true, "Its": true,
	"Their": true, "Our": true, "This": true, "That": true, "These": true,
	"Those": true, "There": true, "But": true, "And": true, "However": true,
	"In": true, "On": true, "At": true, "As": true, "After": true, "Before": true,
	"When": true, "While": true, "Meanwhile": true, "Also": true, "According": true,
	"Some": true, "Many": true, "Most": true, "If": true, "Earlier": true,
	"Later": true, "Last": true, "Since": true, "So": true, "Yet": true,
	"Officials": true, "Both": true, "Such": true, "No": true, "Now": true,
}

// isOpener reports whether the word at text[i:] is a usual sentence opener.
func isOpener(text string, i, end int) bool {
	j := i
	for j < end {
		b := text[j]
		if (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') {
			j++
			continue
		}
		break
	}
	return openers[text[i:j]]
}
