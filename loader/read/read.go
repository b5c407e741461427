// Package read reads news articles from files, folders and streams.
//
// It understands three forms of input, sniffed from the content:
//
//   - plain text, optionally starting with a "key: value" header (title,
//     source, url, published or date, …) ended by a line "---"; a file may
//     hold several such header-and-body articles one after the other;
//   - multi-article scrapes: several articles in one file, each starting
//     with a title line that recurs a few lines later (typically after a "TT"
//     marker line and repeated photo captions);
//   - JSON Lines, one {"title","text","url","published","source"} record a
//     line (a JSON array of such records is read too).
//
// A manifest.json or manifest.tsv in the same folder as a file supplies
// metadata the file does not: it is matched by file name, and by title where
// a file holds several articles. What an article's own header or record says
// wins over the manifest.
//
// Reading cleans each article: the scrape's "TT" marker goes, each repeated
// line (photo captions, the repeated title) is kept once, and boilerplate
// such as comment-policy footers, "Powered by automated translation", share
// buttons and newsletter prompts is dropped. Words are never rewritten.
//
// Problems are reported per input as *Error values; a bad file or record
// never stops the others from loading.
package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// MaxFileSize is the largest input read, in bytes. Larger files are refused
// without being read into memory.
const MaxFileSize = 32 << 20

// MaxArticleSize is the longest text of one article, in bytes; a longer one
// is refused before extraction. The store writes an article whose facts
// do not fit in one transaction in several, published by a last one
// (graph/staged.go), so the limit is the extraction's: 4 MiB of
// event-dense synthetic prose (22,627 events) load in 7 s at a peak RSS
// of 500 MiB, 8 MiB (42,812 events) in 22 s at 630 MiB, the memory
// growing with the article's facts (`eventgraph load` of one article,
// 2026-12-07). 4 MiB is eighty times the longest news long-read. A file
// (JSON Lines, a scrape) may hold many articles, up to MaxFileSize in
// all.
const MaxArticleSize = 4 << 20

// Errors wrapped by the *Error values of bad inputs, for errors.Is.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file")
	ErrEncoding = errors.New("invalid UTF-8")
	ErrTooLarge = errors.New("file too large")
	ErrHTML     = errors.New("HTML page: save the article's text, or feed JSON Lines")
	ErrRecord   = errors.New("bad JSON record")
	ErrManifest = errors.New("bad manifest")
	ErrNoText   = errors.New("article has no text")
	ErrNotFile  = errors.New("not a regular file")
	// ErrArticleTooLarge is wrapped by the error for an article whose text
	// is over MaxArticleSize.
	ErrArticleTooLarge = errors.New("article too long")
	// ErrOutside is wrapped by the warning for a symbolic link, inside a
	// loaded folder, to a file outside it: it is not followed.
	ErrOutside = errors.New("symbolic link leads outside the loaded folder: not followed")
)

// Document is one article read from a source.
type Document struct {
	Title, Source, URL string
	Published          string // YYYY-MM-DD, or "" when unknown
	File               string // path it was read from ("-" for stdin)
	Index              int    // 0-based position of the article within its file
	Line               int    // 1-based line of the file where the article starts
	// Text is the cleaned text: the title as the first line when the source
	// gives one, a blank line, then each distinct photo caption once and the
	// body paragraphs, separated by blank lines. Line endings are \n.
	Text string
	// Warnings are problems that did not stop the article from loading
	// (a publication date given as "unknown"), each naming file and line.
	Warnings []*Error
}

// Error is a problem with one input: it names the file, and the line or
// article when known, and the reason.
type Error struct {
	File    string
	Line    int    // 1-based, 0 when not known
	Article string // the article's title, "" when not known
	Err     error
}

// Error formats the problem as `file:line: article "Title": reason`, leaving
// out the parts that are not known.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Article != "" {
		fmt.Fprintf(&b, ": article %q", e.Article)
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("unknown error")
	}
	return b.String()
}

// Unwrap returns the underlying reason.
func (e *Error) Unwrap() error { return e.Err }

// ReadPath reads a file, a folder (recursively, in lexical order, skipping
// hidden files and folders and manifest.json/manifest.tsv), or "-" for
// stdin. It returns every good article and one error per bad input; a bad
// file or record never stops the others. It holds the whole folder in
// memory; WalkPath hands it over file by file.
func ReadPath(path string) ([]Document, []error) {
	var docs []Document
	var errs []error
	_ = WalkPath(context.Background(), path, func(ds []Document, es []error) error {
		docs = append(docs, ds...)
		errs = append(errs, es...)
		return nil
	})
	return docs, errs
}

// WalkPath reads what ReadPath reads, one file at a time: fn gets each
// file's articles and errors (and, alone, the errors of what is not a
// readable file) as soon as the file is read, so a folder is never held in
// memory whole. A JSON Lines file is handed over record by record, each
// call one record's document or error, so it is never held whole either
// (unless it is not UTF-8 text throughout: then it is read whole, and
// refused whole as before; a manifest describing it is applied as to the
// file read whole). Before each file it checks ctx; once ctx is done, or fn
// returns an error, the walk stops and WalkPath returns that error (ctx's
// unwrapped, so errors.Is(err, context.Canceled) holds). It returns nil
// when every file was visited, whatever errors fn was given.
func WalkPath(ctx context.Context, path string, fn func(docs []Document, errs []error) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if path == "-" {
		return fn(Read("-", os.Stdin))
	}
	fail := func(err error) error { return fn(nil, []error{err}) }
	fi, err := os.Stat(path)
	if err != nil {
		return fail(&Error{File: path, Err: unwrapPath(err)})
	}
	ms := manifests{}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			return fail(&Error{File: path, Err: fmt.Errorf("%w (%s): only files and folders are read", ErrNotFile, kindOf(fi.Mode()))})
		}
		return walkFile(ctx, path, fi, ms, fn)
	}
	root, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fail(&Error{File: path, Err: unwrapPath(err)})
	}
	if root, err = filepath.Abs(root); err != nil {
		return fail(&Error{File: path, Err: err})
	}
	var stopped error // fn's error or ctx's, which ends the walk
	walkErr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if stopped = fail(&Error{File: p, Err: unwrapPath(err)}); stopped != nil {
				return stopped
			}
			if d != nil && d.IsDir() && p != path {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != path && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || isManifestName(name) {
			return nil
		}
		if stopped = ctx.Err(); stopped != nil {
			return stopped
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// a link is followed only when it stays inside the folder
			// (a link to /etc/passwd in a downloaded folder is not read)
			target, err := filepath.EvalSymlinks(p)
			if err == nil {
				target, err = filepath.Abs(target)
			}
			if err != nil {
				stopped = fail(&Error{File: p, Err: unwrapPath(err)})
				return stopped
			}
			if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				stopped = fail(&Error{File: p, Err: fmt.Errorf("%w (it leads to %s)", ErrOutside, target)})
				return stopped
			}
		}
		info, err := os.Stat(p) // follows symbolic links
		if err != nil {
			stopped = fail(&Error{File: p, Err: unwrapPath(err)})
			return stopped
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		stopped = walkFile(ctx, p, info, ms, fn)
		return stopped
	})
	if stopped != nil {
		return stopped
	}
	if walkErr != nil {
		return fail(&Error{File: path, Err: unwrapPath(walkErr)})
	}
	return nil
}

// kindOf names a file mode that is not a regular file, for errors.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// Read reads one stream named name (used in documents and errors). The
// format is sniffed: JSON Lines, plain text with an optional header, or a
// multi-article scrape. No manifest applies.
func Read(name string, r io.Reader) ([]Document, []error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, []error{&Error{File: name, Err: fmt.Errorf("read: %w", err)}}
	}
	if len(data) > MaxFileSize {
		return nil, []error{&Error{File: name, Err: fmt.Errorf("%w: over the %d MiB limit", ErrTooLarge, MaxFileSize>>20)}}
	}
	raws, errs := parse(name, data)
	docs, ferrs := finalize(name, raws, nil)
	return docs, byLine(append(errs, ferrs...))
}

// ReadStream reads one stream named name (standard input) as Read does and
// gives fn its articles and errors; a JSON Lines stream goes record by
// record, so that its memory does not grow with its size and a stopped
// load stops between records. The stream is first copied to a temporary
// file (up to MaxFileSize), the only way to check it whole before its
// first record is handed over, as a JSON Lines file is. It returns fn's
// error, or ctx's when the load is stopped.
func ReadStream(ctx context.Context, name string, r io.Reader, fn func([]Document, []error) error) error {
	tmp, err := os.CreateTemp("", "eventgraph-stdin-*")
	if err != nil {
		return fn(Read(name, r)) // no room for a copy: read it whole
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	n, err := io.Copy(tmp, io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return fn(nil, []error{&Error{File: name, Err: fmt.Errorf("read: %w", err)}})
	}
	if n > MaxFileSize {
		return fn(nil, []error{&Error{File: name, Err: fmt.Errorf("%w: over the %d MiB limit", ErrTooLarge, MaxFileSize>>20)}})
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return fn(nil, []error{&Error{File: name, Err: fmt.Errorf("read: %w", err)}})
	}
	if jsonLinesText(tmp) {
		if _, err := tmp.Seek(0, io.SeekStart); err == nil {
			if handled, err := streamJSONLines(ctx, name, tmp, nil, nil, nil, fn); handled {
				return err
			}
		}
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return fn(nil, []error{&Error{File: name, Err: fmt.Errorf("read: %w", err)}})
	}
	return fn(Read(name, tmp))
}

// walkFile reads one file with the manifest of its folder and gives fn its
// articles and errors: a JSON Lines file record by record (see
// streamJSONLines), any other file whole. It returns fn's error, or ctx's
// when the load is stopped within a JSON Lines file.
func walkFile(ctx context.Context, path string, fi fs.FileInfo, ms manifests, fn func([]Document, []error) error) error {
	if fi.Size() > MaxFileSize {
		return fn(nil, []error{&Error{File: path, Err: fmt.Errorf("%w: %.1f MiB is over the %d MiB limit",
			ErrTooLarge, float64(fi.Size())/(1<<20), MaxFileSize>>20)}})
	}
	f, err := os.Open(path)
	if err != nil {
		return fn(nil, []error{&Error{File: path, Err: unwrapPath(err)}})
	}
	defer f.Close()
	m, merrs := ms.forFile(path)
	if m != nil && len(m.broken) > 0 {
		return fn(nil, append(merrs, &Error{File: path, Err: fmt.Errorf("%w: not loaded, because %s beside it cannot be read; fix the manifest and load again",
			ErrManifest, strings.Join(m.broken, " and "))}))
	}
	if jsonLinesText(f) {
		// A manifest's entries for the file are matched against all its
		// articles at once (by title, then in order): a first reading
		// pairs them, keeping only what the pairing compares.
		var entries []*entry
		ok := true
		if base := filepath.Base(path); m.describes(base) {
			ok = false
			if _, err := f.Seek(0, io.SeekStart); err == nil {
				entries, ok = jsonLinesEntries(f, m, base)
			}
		}
		if _, err := f.Seek(0, io.SeekStart); err == nil && ok {
			if handled, err := streamJSONLines(ctx, path, f, merrs, entries, m, fn); handled {
				return err
			}
		}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fn(nil, append(merrs, &Error{File: path, Err: fmt.Errorf("read: %w", err)}))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return fn(nil, append(merrs, &Error{File: path, Err: fmt.Errorf("read: %w", err)}))
	}
	if len(data) > MaxFileSize { // grew since Stat
		return fn(nil, append(merrs, &Error{File: path, Err: fmt.Errorf("%w: over the %d MiB limit", ErrTooLarge, MaxFileSize>>20)}))
	}
	raws, errs := parse(path, data)
	docs, ferrs := finalize(path, raws, m)
	return fn(docs, append(merrs, byLine(append(errs, ferrs...))...))
}

// byLine orders the errors of one file by line.
func byLine(errs []error) []error {
	line := func(e error) int {
		var re *Error
		if errors.As(e, &re) {
			return re.Line
		}
		return 0
	}
	sort.SliceStable(errs, func(i, j int) bool { return line(errs[i]) < line(errs[j]) })
	return errs
}

// unwrapPath drops the path from an *fs.PathError, which Error names anyway.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// parse sniffs the format of one input and splits it into raw articles.
func parse(name string, data []byte) ([]raw, []error) {
	text, err := decode(data)
	if err != nil {
		return nil, []error{&Error{File: name, Line: lineOf(err), Err: err}}
	}
	first := strings.TrimLeft(text, " \t\n\r\ufeff")
	if strings.HasPrefix(first, "{") || strings.HasPrefix(first, "[") {
		raws, errs := parseJSON(text)
		for _, e := range errs {
			e.File = name
		}
		return raws, toErrors(errs)
	}
	return parseText(text), nil
}

// toErrors converts []*Error to []error.
func toErrors(es []*Error) []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// finalize merges manifest metadata into the raw articles of one file and
// builds their documents. An article whose date is impossible is not
// returned; its error is.
func finalize(file string, raws []raw, m *manifest) ([]Document, []error) {
	var entries []*entry
	if m != nil {
		entries = m.match(filepath.Base(file), raws)
	}
	docs := make([]Document, 0, len(raws))
	var errs []error
	for i := range raws {
		var e *entry
		if entries != nil {
			e = entries[i]
		}
		d, err := build(file, &raws[i], e, m)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

// build makes the Document of one raw article.
func build(file string, r *raw, e *entry, m *manifest) (Document, error) {
	d := Document{File: file, Index: r.index, Line: r.line, Source: r.source, URL: r.url}
	paras := r.paras
	title, prepend := r.title, r.title != ""
	if title == "" && e != nil && e.Title != "" {
		title = e.Title
		// A manifest title counts as the article's own only when the text
		// shows it near the top; then that line leads the text.
		for i := 0; i < len(paras) && i < 3; i++ {
			if loose(paras[i]) == loose(title) {
				title = paras[i]
				paras = append(append([]string{}, paras[:i]...), paras[i+1:]...)
				prepend = true
				break
			}
		}
	}
	if title == "" {
		title = deriveTitle(paras)
	}
	d.Title = title
	if len(paras) == 0 {
		return d, &Error{File: file, Line: r.line, Article: title, Err: ErrNoText}
	}
	if isUnknownDate(r.published) {
		d.Warnings = append(d.Warnings, &Error{File: file, Line: r.publishedLine, Article: title, Err: fmt.Errorf("%s: published %q: %w", r.kind, r.published, ErrUnknownDate)})
	} else if r.published != "" {
		p, err := normalizeDate(r.published)
		if err != nil {
			return d, &Error{File: file, Line: r.publishedLine, Article: title, Err: fmt.Errorf("%s: published %w", r.kind, err)}
		}
		d.Published = p
	}
	if e != nil {
		if d.Source == "" {
			d.Source = e.Source
		}
		if d.URL == "" {
			d.URL = e.URL
		}
		if d.Published == "" && isUnknownDate(e.Published) {
			d.Warnings = append(d.Warnings, &Error{File: file, Line: r.line, Article: title, Err: fmt.Errorf("manifest %s: published %q: %w", m.name(), e.Published, ErrUnknownDate)})
		} else if d.Published == "" && e.Published != "" {
			p, err := normalizeDate(e.Published)
			if err != nil {
				return d, &Error{File: file, Line: r.line, Article: title, Err: fmt.Errorf("manifest %s: published %w", m.name(), err)}
			}
			d.Published = p
		}
	}
	var b strings.Builder
	if prepend {
		b.WriteString(title)
	}
	for _, p := range paras {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	d.Text = b.String()
	if len(d.Text) > MaxArticleSize {
		return Document{}, &Error{File: file, Line: r.line, Article: shortTitle(title), Err: fmt.Errorf("%w: %d KiB of text is over the %d KiB limit for one article; split it into several articles",
			ErrArticleTooLarge, len(d.Text)>>10, MaxArticleSize>>10)}
	}
	return d, nil
}

// shortTitle cuts a title for an error message.
func shortTitle(t string) string {
	if len(t) <= 120 {
		return t
	}
	cut := 120
	for cut > 0 && !utf8.RuneStart(t[cut]) {
		cut--
	}
	return t[:cut] + "…"
}
