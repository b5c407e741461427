package read

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// entry is one manifest row: metadata for one article of one file.
type entry struct {
	File      string `json:"file"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Date      string `json:"date"`
}

// manifest is the metadata of one folder, from its manifest.json and/or
// manifest.tsv.
type manifest struct {
	paths   []string
	entries []entry
	// broken names the manifests of the folder that could not be read or
	// parsed: the folder's files are then refused, not loaded without
	// their metadata (a corrected manifest would store them again under
	// other identifiers).
	broken []string
}

// name names the manifest file(s) in errors.
func (m *manifest) name() string { return strings.Join(m.paths, ", ") }

// manifests caches the manifest of each folder seen, so that each is read
// and reported once.
type manifests map[string]*manifest

// isManifestName reports whether a file name is a manifest's.
func isManifestName(name string) bool {
	return name == "manifest.json" || name == "manifest.tsv"
}

// brokenManifest records that the folder's manifest name is unusable.
func brokenManifest(m *manifest, name string) *manifest {
	if m == nil {
		m = &manifest{}
	}
	m.broken = append(m.broken, name)
	return m
}

// forFile returns the manifest of the folder holding path (nil if none) and,
// the first time that folder is seen, the errors reading it.
func (ms manifests) forFile(path string) (*manifest, []error) {
	dir := filepath.Dir(path)
	if m, ok := ms[dir]; ok {
		return m, nil
	}
	var m *manifest
	var errs []error
	for _, name := range []string{"manifest.json", "manifest.tsv"} {
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs = append(errs, &Error{File: p, Err: fmt.Errorf("%w: %v", ErrManifest, unwrapPath(err))})
			m = brokenManifest(m, name)
			continue
		}
		var es []entry
		if name == "manifest.json" {
			es, err = parseManifestJSON(data)
		} else {
			es, err = parseManifestTSV(data)
		}
		if err != nil {
			errs = append(errs, &Error{File: p, Line: lineOf(err), Err: err})
			m = brokenManifest(m, name)
			continue
		}
		if m == nil {
			m = &manifest{}
		}
		m.paths = append(m.paths, p)
		m.entries = append(m.entries, es...)
	}
	ms[dir] = m
	return m, errs
}

// parseManifestJSON reads {"articles":[{file,title,source,url,published}]}
// or a bare array of such entries.
func parseManifestJSON(data []byte) ([]entry, error) {
	var es []entry
	t := strings.TrimLeft(string(data), " \t\r\n\ufeff")
	if strings.HasPrefix(t, "[") {
		if err := json.Unmarshal([]byte(t), &es); err != nil {
			return nil, manifestJSONError(t, err)
		}
	} else {
		var doc struct {
			Articles *[]entry `json:"articles"`
		}
		if err := json.Unmarshal([]byte(t), &doc); err != nil {
			return nil, manifestJSONError(t, err)
		}
		if doc.Articles == nil {
			return nil, fmt.Errorf("%w: no \"articles\" list", ErrManifest)
		}
		es = *doc.Articles
	}
	for i := range es {
		if es[i].Published == "" {
			es[i].Published = es[i].Date
		}
		if strings.TrimSpace(es[i].File) == "" {
			return nil, fmt.Errorf("%w: entry %d has no \"file\"", ErrManifest, i+1)
		}
	}
	return es, nil
}

// manifestJSONError words a JSON error with the line it happened on.
func manifestJSONError(text string, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(text)) {
		return fmt.Errorf("%w: %v", ErrManifest, err)
	}
	line := strings.Count(text[:off], "\n") + 1
	return &lineError{line, fmt.Errorf("%w: %v", ErrManifest, err)}
}

// parseManifestTSV reads a tab-separated manifest whose header row names the
// columns (file, title, source, url, published or date; others ignored).
func parseManifestTSV(data []byte) ([]entry, error) {
	text := strings.TrimPrefix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\ufeff")
	rows := strings.Split(text, "\n")
	hi := 0
	for hi < len(rows) && strings.TrimSpace(rows[hi]) == "" {
		hi++
	}
	if hi == len(rows) {
		return nil, fmt.Errorf("%w: empty", ErrManifest)
	}
	cols := strings.Split(rows[hi], "\t")
	idx := map[string]int{}
	for i, c := range cols {
		k := strings.ToLower(strings.TrimSpace(c))
		if k == "file" || k == "filename" || k == "path" {
			k = "file"
		} else if f := fieldOf(k); f != "" && k != "name" {
			k = f
		}
		if _, dup := idx[k]; !dup {
			idx[k] = i
		}
	}
	if _, ok := idx["file"]; !ok {
		return nil, &lineError{hi + 1, fmt.Errorf("%w: the header row has no \"file\" column (want file, title, source, url, published separated by tabs)", ErrManifest)}
	}
	var es []entry
	for n := hi + 1; n < len(rows); n++ {
		if strings.TrimSpace(rows[n]) == "" {
			continue
		}
		f := strings.Split(rows[n], "\t")
		if len(f) > len(cols) {
			return nil, &lineError{n + 1, fmt.Errorf("%w: line %d has %d fields, the header %d", ErrManifest, n+1, len(f), len(cols))}
		}
		get := func(k string) string {
			if i, ok := idx[k]; ok && i < len(f) {
				return strings.TrimSpace(f[i])
			}
			return ""
		}
		e := entry{File: get("file"), Title: get("title"), Source: get("source"), URL: get("url"), Published: get("published")}
		if e.File == "" {
			return nil, &lineError{n + 1, fmt.Errorf("%w: line %d has no file", ErrManifest, n+1)}
		}
		es = append(es, e)
	}
	return es, nil
}

// match pairs the articles of the file named base with manifest entries:
// first by title (compared loosely), then the remaining ones in order when
// as many entries as articles remain, or the only entry to the only article.
// The result has one entry (or nil) per article.
func (m *manifest) match(base string, raws []raw) []*entry {
	cands := m.candidates(base)
	longest := 0
	for _, e := range cands {
		longest = max(longest, len(loose(e.Title)))
	}
	keys := make([]matchKey, len(raws))
	for i := range raws {
		keys[i] = keyOf(&raws[i], longest)
	}
	return m.matchKeys(cands, keys)
}

// candidates are the manifest's entries for the file named base.
func (m *manifest) candidates(base string) []*entry {
	var cands []*entry
	for i := range m.entries {
		e := &m.entries[i]
		if filepath.Base(filepath.FromSlash(e.File)) == base {
			cands = append(cands, e)
		}
	}
	return cands
}

// matchKey is what match compares of an article: its title and, for an
// untitled one, the loose forms of its first three paragraphs (lead;
// one longer than every entry's title, which no title can be, is kept as
// a string of that length).
type matchKey struct {
	title string
	lead  []string
}

// keyOf is the matchKey of r, for entries whose loose titles are at most
// longest bytes long.
func keyOf(r *raw, longest int) matchKey {
	k := matchKey{title: r.title}
	if r.title != "" {
		return k
	}
	for i := 0; i < len(r.paras) && i < 3; i++ {
		l := loose(r.paras[i])
		if len(l) > longest {
			l = strings.Repeat("\x00", longest+1)
		}
		k.lead = append(k.lead, l)
	}
	return k
}

// matchKeys is match over the articles' keys, with the file's entries
// (candidates).
func (m *manifest) matchKeys(cands []*entry, keys []matchKey) []*entry {
	out := make([]*entry, len(keys))
	if len(cands) == 0 {
		return out
	}
	used := make([]bool, len(cands))
	for i, r := range keys {
		if r.title == "" {
			continue
		}
		for j, e := range cands {
			if !used[j] && e.Title != "" && loose(e.Title) == loose(r.title) {
				out[i], used[j] = e, true
				break
			}
		}
	}
	// An untitled article whose first lines show an entry's title.
	for i, r := range keys {
		if out[i] != nil || r.title != "" {
			continue
		}
		for j, e := range cands {
			if used[j] || e.Title == "" {
				continue
			}
			for _, l := range r.lead {
				if l == loose(e.Title) {
					out[i], used[j] = e, true
				}
			}
			if out[i] != nil {
				break
			}
		}
	}
	var freeRaws, freeEntries []int
	for i := range keys {
		if out[i] == nil {
			freeRaws = append(freeRaws, i)
		}
	}
	for j := range cands {
		if !used[j] {
			freeEntries = append(freeEntries, j)
		}
	}
	if len(freeRaws) == len(freeEntries) {
		for k, i := range freeRaws {
			out[i] = cands[freeEntries[k]]
		}
	}
	return out
}
