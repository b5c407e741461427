package export_test

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"eventgraph/graph"
	"eventgraph/graph/export"
	"eventgraph/graph/timeline"
	"eventgraph/graph/timeline/timelinetest"
)

// quad is one parsed N-Quads statement.
type quad struct {
	subject, pred string
	object        string // blank label (with _:), IRI, or the unescaped literal
	kind          byte   // 'b' blank node, 'i' IRI, 'l' literal
	datatype      string // a literal's datatype IRI, "" for a plain string
}

// parseNQuad parses one line of N-Quads (W3C RDF 1.1 N-Quads: subject,
// predicate, object, optional graph label, '.'), strictly enough to catch a
// bad escape or a stray quote.
func parseNQuad(line string) (quad, error) {
	var q quad
	s := line
	term := func() (string, byte, string, error) {
		s = strings.TrimLeft(s, " \t")
		switch {
		case strings.HasPrefix(s, "_:"):
			i := strings.IndexAny(s, " \t")
			if i < 0 {
				return "", 0, "", fmt.Errorf("blank node without end")
			}
			label := s[:i]
			if len(label) < 3 || strings.ContainsAny(label[2:], "<>\"{}|^`\\") || strings.HasSuffix(label, ".") {
				return "", 0, "", fmt.Errorf("bad blank node label %q", label)
			}
			s = s[i:]
			return label, 'b', "", nil
		case strings.HasPrefix(s, "<"):
			i := strings.IndexByte(s, '>')
			if i < 0 {
				return "", 0, "", fmt.Errorf("IRI without '>'")
			}
			iri := s[1:i]
			if strings.ContainsAny(iri, " <\"{}|^`\\") {
				return "", 0, "", fmt.Errorf("bad IRI %q", iri)
			}
			s = s[i+1:]
			return iri, 'i', "", nil
		case strings.HasPrefix(s, `"`):
			var b strings.Builder
			i := 1
			for {
				if i >= len(s) {
					return "", 0, "", fmt.Errorf("unterminated literal")
				}
				c := s[i]
				if c == '"' {
					break
				}
				if c == '\n' || c == '\r' {
					return "", 0, "", fmt.Errorf("raw line break in literal")
				}
				if c != '\\' {
					b.WriteByte(c)
					i++
					continue
				}
				if i+1 >= len(s) {
					return "", 0, "", fmt.Errorf("dangling backslash")
				}
				switch e := s[i+1]; e {
				case 't':
					b.WriteByte('\t')
				case 'b':
					b.WriteByte('\b')
				case 'n':
					b.WriteByte('\n')
				case 'r':
					b.WriteByte('\r')
				case 'f':
					b.WriteByte('\f')
				case '"', '\'', '\\':
					b.WriteByte(e)
				case 'u', 'U':
					n := 4
					if e == 'U' {
						n = 8
					}
					if i+2+n > len(s) {
						return "", 0, "", fmt.Errorf("short \\%c escape", e)
					}
					v, err := strconv.ParseUint(s[i+2:i+2+n], 16, 32)
					if err != nil {
						return "", 0, "", fmt.Errorf("bad \\%c escape: %v", e, err)
					}
					b.WriteRune(rune(v))
					i += n
				default:
					return "", 0, "", fmt.Errorf("bad escape \\%c", e)
				}
				i += 2
			}
			s = s[i+1:]
			dt := ""
			switch {
			case strings.HasPrefix(s, "^^<"):
				j := strings.IndexByte(s, '>')
				if j < 0 {
					return "", 0, "", fmt.Errorf("datatype without '>'")
				}
				dt, s = s[3:j], s[j+1:]
			case strings.HasPrefix(s, "@"):
				return "", 0, "", fmt.Errorf("unexpected language tag")
			}
			return b.String(), 'l', dt, nil
		}
		return "", 0, "", fmt.Errorf("no term at %q", s)
	}
	var err error
	var k byte
	if q.subject, k, _, err = term(); err != nil || k == 'l' {
		return q, fmt.Errorf("subject: %v", err)
	}
	if q.pred, k, _, err = term(); err != nil || k != 'i' {
		return q, fmt.Errorf("predicate: %v", err)
	}
	if q.object, q.kind, q.datatype, err = term(); err != nil {
		return q, fmt.Errorf("object: %v", err)
	}
	s = strings.TrimLeft(s, " \t")
	if !strings.HasPrefix(s, ".") {
		if _, _, _, err = term(); err != nil { // graph label
			return q, fmt.Errorf("graph label: %v", err)
		}
		s = strings.TrimLeft(s, " \t")
	}
	if s != "." {
		return q, fmt.Errorf("statement does not end with ' .': %q", s)
	}
	return q, nil
}

// readRDF parses an RDF export, failing the test on a bad line.
func readRDF(t *testing.T, b []byte) []quad {
	t.Helper()
	var out []quad
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<24)
	for n := 1; sc.Scan(); n++ {
		if !utf8.Valid(sc.Bytes()) {
			t.Fatalf("line %d: invalid UTF-8", n)
		}
		q, err := parseNQuad(sc.Text())
		if err != nil {
			t.Fatalf("line %d %q: %v", n, sc.Text(), err)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func writeRDF(t *testing.T, s graph.Storage, q timeline.Query) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.View(func(r graph.Snapshot) error { return export.WriteRDF(&buf, r, q) }); err != nil {
		t.Fatalf("rdf: %v", err)
	}
	return buf.Bytes()
}

// datatypes are the literal datatypes of each DQL scalar type.
var datatypes = map[string]string{
	"string": "", "[string]": "", "datetime": "xs:dateTime", "int": "xs:int",
	"float": "xs:float", "bool": "xs:boolean", "geo": "geo:geojson",
}

func TestRDFFixture(t *testing.T) {
	s := timelinetest.Open(t)
	tests := []struct {
		name string
		q    timeline.Query
		want map[string]int // nodes by dgraph.type
	}{
		{"whole graph", timeline.Query{}, map[string]int{
			export.DgraphArticle: timelinetest.NumArticles, export.DgraphEvent: timelinetest.NumEvents,
			export.DgraphActor: timelinetest.NumActors, export.DgraphPlace: timelinetest.NumPlaces,
			export.DgraphAgreement: timelinetest.NumAgreements,
		}},
		{"one actor", shammari, map[string]int{export.DgraphEvent: len(timelinetest.ShammariEvents)}},
	}
	preds := export.SchemaPredicates()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			quads := readRDF(t, writeRDF(t, s, tc.q))
			types := map[string]string{} // subject -> dgraph.type
			xids := map[string]string{}
			for _, q := range quads {
				typ, ok := preds[q.pred]
				if !ok {
					t.Fatalf("predicate %q is not in the schema", q.pred)
				}
				if !strings.HasPrefix(q.subject, export.XIDPrefix) {
					t.Errorf("subject %q is not a urn:uuid IRI", q.subject)
				}
				switch {
				case typ == "uid" || typ == "[uid]":
					if q.kind != 'i' || !strings.HasPrefix(q.object, export.XIDPrefix) {
						t.Errorf("%s: uid predicate with a %c object", q.pred, q.kind)
					}
				default:
					if q.kind != 'l' {
						t.Errorf("%s: scalar predicate with a %c object", q.pred, q.kind)
					}
					if want := datatypes[typ]; q.datatype != want {
						t.Errorf("%s %q: datatype %q, want %q", q.pred, q.object, q.datatype, want)
					}
				}
				switch q.pred {
				case "dgraph.type":
					if old, dup := types[q.subject]; dup {
						t.Errorf("%s has two types %s and %s", q.subject, old, q.object)
					}
					types[q.subject] = q.object
				case export.XID:
					xids[q.subject] = q.object
				}
			}
			count := map[string]int{}
			for subj, typ := range types {
				count[typ]++
				if xids[subj] != subj {
					t.Errorf("%s: xid %q is not its IRI", subj, xids[subj])
				}
			}
			for typ, n := range tc.want {
				if count[typ] != n {
					t.Errorf("%d %s nodes, want %d (all: %v)", count[typ], typ, n, count)
				}
			}
			// every edge ends at a node of the export, with a type
			for _, q := range quads {
				if q.kind == 'i' && types[q.object] == "" {
					t.Errorf("%s %s → %s: no such node", q.subject, q.pred, q.object)
				}
			}
			if tc.q == (timeline.Query{}) {
				// every dated event has its start and end as datetimes
				spans := 0
				for _, q := range quads {
					if q.pred == "event.start" && types[q.subject] == export.DgraphEvent {
						spans++
					}
				}
				if spans != timelinetest.NumDated {
					t.Errorf("%d events with a start, want %d", spans, timelinetest.NumDated)
				}
			}
		})
	}
}

// TestRDFEscaping writes strings with quotes, backslashes, line breaks, tabs,
// control characters and non-ASCII letters and reads them back.
func TestRDFEscaping(t *testing.T) {
	s, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	title := "The \"Harbour\" deal: a\\b\tc\u0007 — Ústí"
	text := "Port officials signed the \"harbour\" accord.\nLine two \\ done.\r\nEnd."
	a := graph.Article{Title: title, Source: "Made-up Wire", Published: "2023-03-04", Text: text}
	a.ID = graph.ArticleID(a)
	sentence := "Port officials signed the \"harbour\" accord."
	ev := graph.Event{ID: graph.NewID("event", "test", "harbour"), Type: "sign agreement", CAMEO: "057",
		Title: "Officials sign the \"harbour\" accord", Status: graph.Reported,
		Date:     graph.DateSpan{Value: "2023-03-03", Start: "2023-03-03", End: "2023-03-03", Precision: graph.Day},
		Evidence: []graph.Evidence{{ArticleID: a.ID, Sentence: sentence, Start: 0, End: len(sentence)}}}
	f := graph.Facts{Article: a, Events: []graph.Event{ev}}
	if _, err := s.PutFacts(&f); err != nil {
		t.Fatal(err)
	}
	quads := readRDF(t, writeRDF(t, s, timeline.Query{}))
	got := map[string]string{}
	for _, q := range quads {
		got[q.pred] = q.object
	}
	for pred, want := range map[string]string{
		"article.title":     title,
		"article.text":      text,
		"event.title":       ev.Title,
		"evidence.sentence": sentence,
		"event.start":       "2023-03-03T00:00:00Z",
		"article.published": "2023-03-04T00:00:00Z",
	} {
		if got[pred] != want {
			t.Errorf("%s = %q, want %q", pred, got[pred], want)
		}
	}
}

// TestDQLSchema checks the schema's lines: every predicate declared once
// with a known type, the indexes the date-range and name queries need, and
// the types listing only declared predicates.
func TestDQLSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteDQLSchema(&buf); err != nil {
		t.Fatal(err)
	}
	declared := map[string]string{}
	inType := ""
	types := 0
	for _, line := range strings.Split(buf.String(), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "type "):
			inType = strings.TrimSuffix(strings.TrimPrefix(line, "type "), " {")
			types++
		case line == "}":
			inType = ""
		case inType != "":
			if _, ok := declared[line]; !ok {
				t.Errorf("type %s lists undeclared %q", inType, line)
			}
		default:
			name, rest, ok := strings.Cut(line, ": ")
			if !ok || !strings.HasSuffix(rest, " .") {
				t.Fatalf("bad schema line %q", line)
			}
			if _, dup := declared[name]; dup {
				t.Errorf("%s declared twice", name)
			}
			declared[name] = strings.TrimSuffix(rest, " .")
		}
	}
	if types != 10 {
		t.Errorf("%d types, want 10", types)
	}
	for pred, want := range map[string]string{
		export.XID:          "string @index(exact) @upsert",
		"event.start":       "datetime @index(day)",
		"event.end":         "datetime @index(day)",
		"actor.name":        "string @index(exact, term)",
		"actor.alias":       "[string] @index(exact, term)",
		"place.name":        "string @index(exact, term)",
		"event.actor":       "[uid] @reverse @count",
		"event.place":       "uid @reverse",
		"evidence.sentence": "string @index(fulltext)",
	} {
		if declared[pred] != want {
			t.Errorf("%s: %q, want %q", pred, declared[pred], want)
		}
	}
	for pred := range export.SchemaPredicates() {
		if _, ok := declared[pred]; !ok && pred != "dgraph.type" {
			t.Errorf("%s is not declared", pred)
		}
	}
}
