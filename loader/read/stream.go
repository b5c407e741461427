package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
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
// before the first, so a file is never held whole. Line numbers, record
// indexes, documents and errors are those reading the file whole gives.
// It stops at ctx's or fn's error and returns it. When the first record's
// line is not a JSON value (a record spread over several lines, or a bad
// first line), it returns handled == false having called fn for nothing:
// the file is then read whole.
func streamJSONLines(ctx context.Context, name string, r io.Reader, pre []error, fn func([]Document, []error) error) (handled bool, err error) {
	br := bufio.NewReaderSize(r, streamChunk)
	if b, _ := br.Peek(len(utf8BOM)); bytes.Equal(b, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
	}
	started := false
	line, index, size := 0, 0, 0
	for {
		piece, rerr := readPiece(br)
		size += len(piece)
		if rerr != nil && rerr != io.EOF {
			if !started {
				return false, nil
			}
			return true, fn(nil, []error{&Error{File: name, Line: line + 1, Err: fmt.Errorf("read: %w", rerr)}})
		}
		if size > MaxFileSize { // grew since it was checked
			if !started {
				return false, nil
			}
			return true, fn(nil, []error{&Error{File: name, Err: fmt.Errorf("%w: over the %d MiB limit", ErrTooLarge, MaxFileSize>>20)}})
		}
		if len(piece) == 0 && rerr == io.EOF {
			return started, nil
		}
		// line endings as decode reads them: \n, \r\n and a lone \r
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
			if !started {
				if !json.Valid(l) {
					return false, nil
				}
				started = true
				if len(pre) > 0 {
					if err := fn(nil, pre); err != nil {
						return true, err
					}
				}
			}
			if err := ctx.Err(); err != nil {
				return true, err
			}
			if err := fn(jsonLine(name, l, line, &index)); err != nil {
				return true, err
			}
		}
		if rerr == io.EOF {
			return started, nil
		}
	}
}

// jsonLine reads the record of one line, numbered line; index counts the
// records of the file read so far.
func jsonLine(name string, l []byte, line int, index *int) ([]Document, []error) {
	r, err := record(l, line)
	if err != nil {
		err.File = name
		return nil, []error{err}
	}
	r.index = *index
	*index++
	d, berr := build(name, &r, nil, nil)
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
