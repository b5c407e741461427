package extract_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"eventgraph/graph/model"
	"eventgraph/loader/extract"
	"eventgraph/loader/read"
)

// A rule case file, testdata/rules/<rule>.txt, holds short made-up
// articles that exercise one rule of the Rules table, each with the facts
// it must give. The format is line based and parsed strictly (an unknown
// directive or key, a missing text or date, a repeated single key is an
// error):
//
//	# a comment
//	case: what the case shows             starts a case
//	published: 2025-03-14                 the publication day (required)
//	text: A sentence. Another one.        a paragraph (repeat for more)
//	events: 2                             exactly this many events
//	event: root=17 date=2025-03-11 source=Police
//	                                      some event has all of these
//	no-event: root=04                     no event has all of these
//	agreements: 1                         exactly this many agreements
//	agreement: kind=treaty party=Norway party=Finland
//	no-agreement: name="Oslo Accord" party=Norway
//	                                      no agreement has all of these
//	absent: Reuters                       no participant, party or signatory has this name
//
// Event keys: title, type, cameo (the code), root (its first two digits),
// date (the ISO value), precision, status, place, and a role (source,
// target, participant, signatory, mediator, host, witness) whose value is
// an actor's name; roles may repeat. Agreement keys: name, kind, date,
// place, and party and signatory, which may repeat. A value with spaces
// is written in double quotes, Go-style. In every case, every event has a
// title of at most 90 bytes.
const rulesDir = "testdata/rules"

// ruleCase is one case of a rule file.
type ruleCase struct {
	name, published string
	line            int
	text            []string
	events          int // -1 when not checked
	agreements      int
	want            []match // event:, no-event:, agreement:, no-agreement:
	absent          []string
}

// match is one event: or agreement: line: keys with their values (roles
// and parties may have several).
type match struct {
	kind string // "event", "no-event", "agreement" or "no-agreement"
	line int
	keys map[string][]string
}

var (
	eventKeys     = []string{"title", "type", "cameo", "root", "date", "precision", "status", "place"}
	roleKeys      = []string{"source", "target", "participant", "signatory", "mediator", "host", "witness", "speaker"}
	agreementKeys = []string{"name", "kind", "date", "place"}
	partyKeys     = []string{"party", "signatory"}
	isoDay        = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// parseKeys reads `key=value key="a value"` pairs.
func parseKeys(s string, single, multi []string) (map[string][]string, error) {
	out := map[string][]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return nil, fmt.Errorf("want key=value at %q", s)
		}
		key := s[:eq]
		s = s[eq+1:]
		var val string
		if strings.HasPrefix(s, `"`) {
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, fmt.Errorf("key %s: bad quoted value %q", key, s)
			}
			val, _ = strconv.Unquote(q)
			s = s[len(q):]
			if s != "" && s[0] != ' ' {
				return nil, fmt.Errorf("key %s: want a space after the quoted value", key)
			}
		} else {
			end := strings.IndexByte(s, ' ')
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		switch {
		case slices.Contains(single, key):
			if len(out[key]) > 0 {
				return nil, fmt.Errorf("key %s given twice", key)
			}
		case slices.Contains(multi, key):
		default:
			return nil, fmt.Errorf("unknown key %q (want one of %s)", key, strings.Join(append(slices.Clone(single), multi...), ", "))
		}
		if val == "" {
			return nil, fmt.Errorf("key %s has no value", key)
		}
		out[key] = append(out[key], val)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no key=value")
	}
	return out, nil
}

// parseRuleFile reads a rule case file strictly.
func parseRuleFile(path string) ([]*ruleCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []*ruleCase
	var c *ruleCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		dir, val, ok := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		if !ok || val == "" {
			return nil, fmt.Errorf("%s:%d: want `directive: value`, got %q", path, n, line)
		}
		if dir == "case" {
			c = &ruleCase{name: val, line: n, events: -1, agreements: -1}
			cases = append(cases, c)
			continue
		}
		if c == nil {
			return nil, fmt.Errorf("%s:%d: %s before the first case:", path, n, dir)
		}
		bad := func(err error) error { return fmt.Errorf("%s:%d: %s: %w", path, n, dir, err) }
		switch dir {
		case "published":
			if c.published != "" || !isoDay.MatchString(val) {
				return nil, bad(fmt.Errorf("want one YYYY-MM-DD, got %q", val))
			}
			c.published = val
		case "text":
			c.text = append(c.text, val)
		case "events", "agreements":
			k, err := strconv.Atoi(val)
			if err != nil || k < 0 {
				return nil, bad(fmt.Errorf("want a count, got %q", val))
			}
			p := &c.events
			if dir == "agreements" {
				p = &c.agreements
			}
			if *p >= 0 {
				return nil, bad(fmt.Errorf("given twice"))
			}
			*p = k
		case "event", "no-event":
			keys, err := parseKeys(val, eventKeys, roleKeys)
			if err != nil {
				return nil, bad(err)
			}
			c.want = append(c.want, match{dir, n, keys})
		case "agreement", "no-agreement":
			keys, err := parseKeys(val, agreementKeys, partyKeys)
			if err != nil {
				return nil, bad(err)
			}
			c.want = append(c.want, match{dir, n, keys})
		case "absent":
			c.absent = append(c.absent, val)
		default:
			return nil, bad(fmt.Errorf("unknown directive (want case, published, text, events, event, no-event, agreements, agreement, no-agreement, absent)"))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, c := range cases {
		switch {
		case c.published == "" || len(c.text) == 0:
			return nil, fmt.Errorf("%s:%d: case %q needs published: and text:", path, c.line, c.name)
		case c.events < 0 && c.agreements < 0 && len(c.want) == 0 && len(c.absent) == 0:
			return nil, fmt.Errorf("%s:%d: case %q expects nothing", path, c.line, c.name)
		}
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s: no case", path)
	}
	return cases, nil
}

// names maps the actors and places of an article's facts to their names.
type factNames struct{ actor, place map[string]string }

func namesOf(f *model.Facts) factNames {
	n := factNames{map[string]string{}, map[string]string{}}
	for _, a := range f.Actors {
		n.actor[a.ID] = a.Name
	}
	for _, p := range f.Places {
		n.place[p.ID] = p.Name
	}
	return n
}

// eventHas reports whether e has every key of m.
func (n factNames) eventHas(e model.Event, m map[string][]string) bool {
	field := map[string]string{"title": e.Title, "type": e.Type, "cameo": e.CAMEO, "date": e.Date.Value,
		"precision": string(e.Date.Precision), "status": e.Status, "place": n.place[e.PlaceID]}
	field["root"] = e.CAMEO[:min(2, len(e.CAMEO))]
	for k, vs := range m {
		if f, ok := field[k]; ok {
			if f != vs[0] {
				return false
			}
			continue
		}
		for _, v := range vs { // a role
			if !slices.ContainsFunc(e.Participants, func(p model.Participation) bool {
				return p.Role == k && n.actor[p.ActorID] == v
			}) {
				return false
			}
		}
	}
	return true
}

// agreementHas reports whether g has every key of m.
func (n factNames) agreementHas(g model.Agreement, m map[string][]string) bool {
	field := map[string]string{"name": g.Name, "kind": g.Kind, "date": g.Date.Value, "place": n.place[g.PlaceID]}
	for k, vs := range m {
		if f, ok := field[k]; ok {
			if f != vs[0] {
				return false
			}
			continue
		}
		ids := g.Parties
		if k == "signatory" {
			ids = g.Signatories
		}
		for _, v := range vs {
			if !slices.ContainsFunc(ids, func(id string) bool { return n.actor[id] == v }) {
				return false
			}
		}
	}
	return true
}

// describe shows an article's facts as the case format names them, for
// failure messages.
func (n factNames) describe(f *model.Facts) string {
	var b strings.Builder
	for _, e := range f.Events {
		fmt.Fprintf(&b, "\tevent: title=%q type=%q cameo=%s date=%s precision=%s status=%s", e.Title, e.Type, e.CAMEO, e.Date.Value, e.Date.Precision, e.Status)
		if p := n.place[e.PlaceID]; p != "" {
			fmt.Fprintf(&b, " place=%q", p)
		}
		for _, p := range e.Participants {
			fmt.Fprintf(&b, " %s=%q", p.Role, n.actor[p.ActorID])
		}
		b.WriteByte('\n')
	}
	for _, g := range f.Agreements {
		fmt.Fprintf(&b, "\tagreement: name=%q kind=%q date=%s", g.Name, g.Kind, g.Date.Value)
		for _, id := range g.Parties {
			fmt.Fprintf(&b, " party=%q", n.actor[id])
		}
		for _, id := range g.Signatories {
			fmt.Fprintf(&b, " signatory=%q", n.actor[id])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// check returns what the facts miss of the case.
func (c *ruleCase) check(f *model.Facts) []string {
	n := namesOf(f)
	var out []string
	if c.events >= 0 && len(f.Events) != c.events {
		out = append(out, fmt.Sprintf("%d events, want %d", len(f.Events), c.events))
	}
	if c.agreements >= 0 && len(f.Agreements) != c.agreements {
		out = append(out, fmt.Sprintf("%d agreements, want %d", len(f.Agreements), c.agreements))
	}
	for _, m := range c.want {
		var found bool
		switch m.kind {
		case "agreement", "no-agreement":
			found = slices.ContainsFunc(f.Agreements, func(g model.Agreement) bool { return n.agreementHas(g, m.keys) })
		default:
			found = slices.ContainsFunc(f.Events, func(e model.Event) bool { return n.eventHas(e, m.keys) })
		}
		if found != (m.kind != "no-event" && m.kind != "no-agreement") {
			out = append(out, fmt.Sprintf("line %d: %s %v not met", m.line, m.kind, m.keys))
		}
	}
	for _, name := range c.absent {
		for _, e := range f.Events {
			for _, p := range e.Participants {
				if n.actor[p.ActorID] == name {
					out = append(out, fmt.Sprintf("%s is %s of %q", name, p.Role, e.Title))
				}
			}
		}
		for _, g := range f.Agreements {
			if slices.ContainsFunc(append(slices.Clone(g.Parties), g.Signatories...), func(id string) bool { return n.actor[id] == name }) {
				out = append(out, fmt.Sprintf("%s is a side of %q", name, g.Name))
			}
		}
	}
	for _, e := range f.Events {
		if e.Title == "" || len(e.Title) > 90 {
			out = append(out, fmt.Sprintf("title of %d bytes (want 1 to 90): %q", len(e.Title), e.Title))
		}
	}
	return out
}

// TestRules runs every case of testdata/rules: each made-up article must
// give the facts its case names.
func TestRules(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(rulesDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule case files in %s: %v", rulesDir, err)
	}
	for _, path := range files {
		rule := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(rule, func(t *testing.T) {
			cases, err := parseRuleFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cases {
				d := read.Document{File: path, Published: c.published, Text: strings.Join(c.text, "\n\n")}
				f := extract.Article(d)
				if miss := c.check(f); len(miss) > 0 {
					t.Errorf("%s:%d: case %q:\n\t%s\ngot:\n%s", path, c.line, c.name, strings.Join(miss, "\n\t"), namesOf(f).describe(f))
				}
			}
		})
	}
}

// TestRuleIndex: every case file names a rule of the table, and every rule
// has a case file.
func TestRuleIndex(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(rulesDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, p := range files {
		have[strings.TrimSuffix(filepath.Base(p), ".txt")] = true
	}
	seen := map[string]bool{}
	for _, r := range extract.Rules {
		if seen[r.Name] {
			t.Errorf("rule %s is in the table twice", r.Name)
		}
		seen[r.Name] = true
		if r.Doc == "" || r.Phase == "" {
			t.Errorf("rule %s has no doc or no phase", r.Name)
		}
		if _, err := os.Stat(r.Phase + ".go"); err != nil {
			t.Errorf("rule %s: its phase's file: %v", r.Name, err)
		}
		if !have[r.Name] {
			t.Errorf("rule %s has no case file %s/%s.txt", r.Name, rulesDir, r.Name)
		}
	}
	for name := range have {
		if !seen[name] {
			t.Errorf("%s/%s.txt names no rule of extract.Rules", rulesDir, name)
		}
	}
}

// TestRuleFileParser: the case format is parsed strictly.
func TestRuleFileParser(t *testing.T) {
	for _, c := range []struct{ name, text, err string }{
		{"good", "case: a\npublished: 2025-01-02\ntext: X.\nevents: 1\nevent: root=17 source=\"A B\" source=C\n", ""},
		{"unknown directive", "case: a\npublished: 2025-01-02\ntext: X.\nevnts: 1\n", "unknown directive"},
		{"unknown key", "case: a\npublished: 2025-01-02\ntext: X.\nevent: colour=red\n", "unknown key"},
		{"repeated single key", "case: a\npublished: 2025-01-02\ntext: X.\nevent: root=17 root=18\n", "twice"},
		{"bad date", "case: a\npublished: 2 Jan 2025\ntext: X.\nevents: 1\n", "YYYY-MM-DD"},
		{"no text", "case: a\npublished: 2025-01-02\nevents: 1\n", "needs published: and text:"},
		{"no expectation", "case: a\npublished: 2025-01-02\ntext: X.\n", "expects nothing"},
		{"before case", "published: 2025-01-02\n", "before the first case"},
		{"unquoted end", "case: a\npublished: 2025-01-02\ntext: X.\nevent: title=\"open\n", "bad quoted value"},
		{"bad count", "case: a\npublished: 2025-01-02\ntext: X.\nevents: two\n", "want a count"},
		{"empty", "# nothing\n", "no case"},
	} {
		p := filepath.Join(t.TempDir(), "r.txt")
		if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := parseRuleFile(p)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.err)
		}
	}
}
