package read

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// lineError is a decoding error that knows its line.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }
func (e *lineError) Unwrap() error { return e.err }

// lineOf returns the line a decoding error names, or 0.
func lineOf(err error) int {
	var le *lineError
	if errors.As(err, &le) {
		return le.line
	}
	return 0
}

// decode checks that data is text and returns it as a string with \n line
// endings and without a byte-order mark. UTF-16 with a byte-order mark is
// converted. Empty, binary, non-UTF-8 and HTML inputs are errors.
func decode(data []byte) (string, error) {
	if len(data) == 0 {
		return "", ErrEmpty
	}
	if len(data) >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)) {
		data = fromUTF16(data)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if mostlyBinary(data) {
		return "", fmt.Errorf("%w: mostly non-text bytes", ErrBinary)
	}
	if !utf8.Valid(data) {
		off := invalidOffset(data)
		line := bytes.Count(data[:off], []byte{'\n'}) + 1
		return "", &lineError{line, fmt.Errorf("%w at byte offset %d (line %d): save the file as UTF-8", ErrEncoding, off, line)}
	}
	text := string(data)
	if strings.Contains(text, "\r") {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	if strings.TrimSpace(text) == "" {
		return "", fmt.Errorf("%w: only white space", ErrEmpty)
	}
	if isHTML(text) {
		return "", ErrHTML
	}
	return text, nil
}

// sampleSize is how much of an input's start mostlyBinary looks at.
const sampleSize = 8192

// mostlyBinary reports whether the first sampleSize bytes of data are
// more than one tenth control characters and bytes that are not UTF-8.
func mostlyBinary(data []byte) bool {
	sample := data
	if len(sample) > sampleSize {
		sample = sample[:sampleSize]
	}
	control, invalid := 0, 0
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F {
				control++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && n == 1 && i+4 <= len(sample) { // a cut rune at the end is fine
			invalid++
		}
		i += n
	}
	return (control+invalid)*10 > len(sample)
}

// invalidOffset returns the offset of the first byte that is not UTF-8.
func invalidOffset(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// fromUTF16 converts UTF-16 with a byte-order mark to UTF-8.
func fromUTF16(data []byte) []byte {
	big := data[0] == 0xFE
	data = data[2:]
	u := make([]uint16, len(data)/2)
	for i := range u {
		if big {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// isHTML reports whether text looks like an HTML page rather than article
// text.
func isHTML(text string) bool {
	head := strings.TrimLeft(text, " \t\n")
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = strings.ToLower(head)
	if !strings.HasPrefix(head, "<") {
		return false
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"} {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	if strings.HasPrefix(head, "<?xml") && strings.Contains(head, "<html") {
		return true
	}
	for _, tag := range []string{"<p>", "<p ", "<div", "<article", "<span", "<br"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}
