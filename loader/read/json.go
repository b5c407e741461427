package read

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// parseJSON reads JSON Lines (one record a line), or a JSON array of records,
// or one record spread over several lines. Each bad record is one *Error with
// its line; the other records still load.
func parseJSON(text string) ([]raw, []*Error) {
	trimmed := strings.TrimLeft(text, " \t\n")
	firstLine, _, _ := strings.Cut(trimmed, "\n")
	firstLine = strings.TrimSpace(firstLine)
	if strings.HasPrefix(trimmed, "[") || (!json.Valid([]byte(firstLine)) && json.Valid([]byte(text))) {
		return parseJSONDocument(text)
	}
	var raws []raw
	var errs []*Error
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		r, err := record([]byte(l), i+1)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r.index = len(raws)
		raws = append(raws, r)
	}
	return raws, errs
}

// parseJSONDocument reads a JSON array of records or a single record.
func parseJSONDocument(text string) ([]raw, []*Error) {
	lineAt := func(off int64) int {
		o := int(off)
		for o < len(text) && strings.ContainsRune(" \t\n,[", rune(text[o])) {
			o++
		}
		return strings.Count(text[:min(o, len(text))], "\n") + 1
	}
	dec := json.NewDecoder(strings.NewReader(text))
	var items []json.RawMessage
	var lines []int
	if strings.HasPrefix(strings.TrimLeft(text, " \t\n"), "[") {
		if _, err := dec.Token(); err != nil {
			return nil, []*Error{{Line: 1, Err: fmt.Errorf("%w: %v", ErrRecord, err)}}
		}
		for dec.More() {
			line := lineAt(dec.InputOffset())
			var m json.RawMessage
			if err := dec.Decode(&m); err != nil {
				return nil, []*Error{{Line: line, Err: fmt.Errorf("%w: %v", ErrRecord, err)}}
			}
			items, lines = append(items, m), append(lines, line)
		}
	} else {
		var m json.RawMessage
		if err := dec.Decode(&m); err != nil {
			return nil, []*Error{{Line: 1, Err: fmt.Errorf("%w: %v", ErrRecord, err)}}
		}
		items, lines = append(items, m), append(lines, lineAt(0))
	}
	var raws []raw
	var errs []*Error
	for i, m := range items {
		r, err := record(m, lines[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r.index = len(raws)
		raws = append(raws, r)
	}
	return raws, errs
}

// record decodes one JSON record found at line n.
func record(data []byte, n int) (raw, *Error) {
	r := raw{kind: "json", line: n, publishedLine: n}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		if len(data) > 0 && data[0] != '{' {
			return r, &Error{Line: n, Err: fmt.Errorf("%w: not a JSON object", ErrRecord)}
		}
		return r, &Error{Line: n, Err: fmt.Errorf("%w: %v", ErrRecord, err)}
	}
	// A title, when readable, names the record in errors.
	if t, ok := m["title"]; ok {
		var s string
		if json.Unmarshal(t, &s) == nil {
			r.title = strings.TrimSpace(s)
		}
	}
	var text string
	for _, k := range sortedKeys(m) {
		field := fieldOf(k)
		switch strings.ToLower(k) {
		case "text", "body", "content", "article":
			field = "text"
		case "name", "head", "time", "datetime", "agency":
			field = "" // too vague in a record
		}
		if field == "" {
			continue
		}
		v, err := jsonString(m[k])
		if err != nil {
			return r, &Error{Line: n, Article: r.title, Err: fmt.Errorf("%w: field %q %v", ErrRecord, k, err)}
		}
		switch field {
		case "title":
			if r.title == "" || k == "title" {
				r.title = v
			}
		case "source":
			r.source = v
		case "url":
			r.url = v
		case "published":
			r.published = v
		case "text":
			text = v
		}
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	if strings.TrimSpace(text) == "" {
		return r, &Error{Line: n, Article: r.title, Err: fmt.Errorf("%w: record has no \"text\"", ErrNoText)}
	}
	r.paras = clean(splitLines(text, 1), r.title)
	return r, nil
}

// jsonString decodes a JSON string or null; any other type is an error
// naming the type found.
func jsonString(v json.RawMessage) (string, error) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return "", nil
	}
	if v[0] != '"' {
		kind := "a number"
		switch v[0] {
		case '{':
			kind = "an object"
		case '[':
			kind = "an array"
		case 't', 'f':
			kind = "a boolean"
		}
		return "", fmt.Errorf("is %s, want a string", kind)
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", fmt.Errorf("is not a string: %v", err)
	}
	return strings.TrimSpace(s), nil
}

// sortedKeys returns the keys of m in sorted order, for stable results.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
