package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"unicode/utf8"
)

// streamChunk is how much of a file is read at a time when a JSON Lines
// file is checked and read record by record.
const streamChunk = 64 << 10

// utf8BOM is the UTF-8 byte-order mark, dropped from an input's start.
var utf8BOM = []byte("\xef\xbb\xbf")

// describes reports whether the manifest has an entry for the file named
// base (m may be nil).
func (m *manifest) describes(base string) bool {
	if m == nil {
		return false
	}
	for i := range m.entries {
		if filepath.Base(filepath.FromSlash(m.entries[i].File)) == base {
			return true
		}
	}
	return false
}

// jsonLinesText reports whether r holds what reading it whole would take as
// text starting with a JSON object: at most MaxFileSize bytes of UTF-8
// without a NUL byte, not mostly control characters, not UTF-16, whose
// first character other than white space is "{". Such a file is refused
// or accepted whole by decode alone, so its records can then be read one
// at a time with the same outcome. r is read in chunks of streamChunk
// bytes; nothing of it is kept.
func jsonLinesText(r io.Reader) bool {
	buf := make([]byte, streamChunk)
	carry, total := 0, 0 // carry: bytes of a rune cut at the previous chunk's end
	for first := true; ; first = false {
		n, err := io.ReadFull(r, buf[carry:])
		total += n
		end := err == io.EOF || err == io.ErrUnexpectedEOF
		if (err != nil && !end) || total > MaxFileSize || total == 0 {
			return false
		}
		chunk := buf[:carry+n]
		if first {
			if len(chunk) >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF)) {
				return false // UTF-16
			}
			chunk = bytes.TrimPrefix(chunk, utf8BOM)
			// decode samples the first sampleSize bytes: ReadFull gave
			// all of them, or the whole input
			if mostlyBinary(chunk) {
				return false
			}
			if t := bytes.TrimLeft(chunk, " \t\n\r"); len(t) == 0 || t[0] != '{' {
				return false
			}
		}
		if bytes.IndexByte(chunk, 0) >= 0 {
			return false
		}
		cut := len(chunk)
		if !end {
			for i := len(chunk) - 1; i >= 0 && i >= len(chunk)-utf8.UTFMax+1; i-- {
				if utf8.RuneStart(chunk[i]) {
					if !utf8.FullRune(chunk[i:]) {
						cut = i
					}
					break
				}
			}
		}
		if !utf8.Valid(chunk[:cut]) {
			return false
		}
		if end {
			return true
		}
		carry = copy(buf, chunk[cut:])
	}
}

// streamJSONLines reads the JSON Lines of r (checked by jsonLinesText) one
// record at a time: fn gets each record's document, or its error, as soon
// as its line is read, with pre (the errors of the folder's manifest)
// before the first, so a file is never held whole. entries are the
// manifest's entries of the file's records in order (nil without a
// manifest; see jsonLinesEntries), m the manifest. Line numbers, record
// indexes, documents and errors are those reading the file whole gives.
// It stops at ctx's or fn's error and returns it. When the first record's
// line is not a JSON value (a record spread over several lines, or a bad
// first line), it returns handled == false having called fn for nothing:
// the file is then read whole.
func streamJSONLines(ctx context.Context, name string, r io.Reader, pre []error, entries []*entry, m *manifest, fn func([]Document, []error) error) (handled bool, err error) {
	started := false
	index := 0
	var stopped error // ctx's or fn's
	line, err := jsonLines(r, func(line int, l []byte) error {
		if !started {
			if !json.Valid(l) {
				return errNotLines
			}
			started = true
			if len(pre) > 0 {
				if stopped = fn(nil, pre); stopped != nil {
					return stopped
				}
			}
		}
		if stopped = ctx.Err(); stopped != nil {
			return stopped
		}
		stopped = fn(jsonLine(name, l, line, &index, entries, m))
		return stopped
	})
	switch {
	case stopped != nil:
		return true, stopped
	case err == nil || errors.Is(err, errNotLines) || !started:
		return started, nil
	case errors.Is(err, ErrTooLarge): // grew since it was checked
		return true, fn(nil, []error{&Error{File: name, Err: fmt.Errorf("%w: over the %d MiB limit", ErrTooLarge, MaxFileSize>>20)}})
	}
	return true, fn(nil, []error{&Error{File: name, Line: line + 1, Err: fmt.Errorf("read: %w", err)}})
}

// errNotLines stops jsonLines at a first line that is not a JSON value.
var errNotLines = errors.New("not JSON Lines")

// jsonLines calls each with every line of r that is not blank, trimmed,
// and its number, line endings as decode reads them (\n, \r\n and a lone
// \r) and a leading byte-order mark dropped; the line is valid during the
// call only. It stops at each's error and returns it, or a read error
// (with the number of the last line read), or ErrTooLarge once more than
// MaxFileSize bytes were read; nil at the end.
func jsonLines(r io.Reader, each func(line int, l []byte) error) (int, error) {
	br := bufio.NewReaderSize(r, streamChunk)
	if b, _ := br.Peek(len(utf8BOM)); bytes.Equal(b, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
	}
	line, size := 0, 0
	for {
		piece, rerr := readPiece(br)
		size += len(piece)
		if rerr != nil && rerr != io.EOF {
			return line, rerr
		}
		if size > MaxFileSize {
			return line, ErrTooLarge
		}
		if len(piece) == 0 && rerr == io.EOF {
			return line, nil
		}
		if p, ok := bytes.CutSuffix(piece, []byte{'\n'}); ok {
			piece, _ = bytes.CutSuffix(p, []byte{'\r'})
		}
		for more := true; more; {
			var part []byte
			part, piece, more = bytes.Cut(piece, []byte{'\r'})
			line++
			l := bytes.TrimSpace(part)
			if len(l) == 0 {
				continue
			}
			if err := each(line, l); err != nil {
				return line, err
			}
		}
		if rerr == io.EOF {
			return line, nil
		}
	}
}

// jsonLinesEntries reads the JSON Lines of r (checked by jsonLinesText)
// once to pair their records with the entries of the manifest m for the
// file named base, as reading the file whole pairs them (manifest.match),
// keeping of each record only what the pairing compares: its title, and
// for an untitled one its first paragraphs that could be an entry's
// title. ok is false when streamJSONLines would not read the file.
func jsonLinesEntries(r io.Reader, m *manifest, base string) (entries []*entry, ok bool) {
	cands := m.candidates(base)
	longest := 0
	for _, e := range cands {
		longest = max(longest, len(loose(e.Title)))
	}
	var keys []matchKey
	started := false
	_, err := jsonLines(r, func(line int, l []byte) error {
		if !started {
			if !json.Valid(l) {
				return errNotLines
			}
			started = true
		}
		rec, rerr := record(l, line)
		if rerr != nil {
			return nil // not an article: paired with nothing
		}
		keys = append(keys, keyOf(&rec, longest))
		return nil
	})
	if err != nil || !started {
		return nil, false
	}
	return m.matchKeys(cands, keys), true
}

// jsonLine reads the record of one line, numbered line; index counts the
// records of the file read so far; entries are the manifest's entries of
// the file's records (or nil), m the manifest.
func jsonLine(name string, l []byte, line int, index *int, entries []*entry, m *manifest) ([]Document, []error) {
	r, err := record(l, line)
	if err != nil {
		err.File = name
		return nil, []error{err}
	}
	r.index = *index
	var e *entry
	if *index < len(entries) {
		e = entries[*index]
	}
	*index++
	d, berr := build(name, &r, e, m)
	if berr != nil {
		return nil, []error{berr}
	}
	return []Document{d}, nil
}

// readPiece reads up to and including the next "\n" (or to the end), of
// any length: a line longer than br's buffer is gathered in a new slice.
// The result is valid until the next read.
func readPiece(br *bufio.Reader) ([]byte, error) {
	s, err := br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return s, err
	}
	long := append([]byte(nil), s...)
	for {
		s, err = br.ReadSlice('\n')
		long = append(long, s...)
		if err != bufio.ErrBufferFull {
			return long, err
		}
	}
}
