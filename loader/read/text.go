package read

import (
	"eventgraph/loader/sentence"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// raw is an article as parsed, before manifest metadata is merged in and its
// text is assembled.
type raw struct {
	kind          string // "header", "json" or "scrape": where explicit fields came from
	index, line   int
	title         string // the article's own title (header, record, or a scrape's recurring title line)
	source, url   string
	published     string // as written
	publishedLine int
	paras         []string // cleaned paragraphs, the title line removed
}

// line is one line of an input with its 1-based number, trimmed of
// surrounding space.
type line struct {
	s string
	n int
}

// splitLines splits text into trimmed, numbered lines.
func splitLines(text string, first int) []line {
	parts := strings.Split(text, "\n")
	ls := make([]line, len(parts))
	for i, p := range parts {
		ls[i] = line{strings.TrimFunc(p, isSpace), first + i}
	}
	return ls
}

// isSpace reports white space, including no-break and zero-width spaces.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

// parseText reads plain text: header-and-body articles, or else a scrape of
// one or more articles.
func parseText(text string) []raw {
	ls := splitLines(text, 1)
	if hs := findHeaders(ls); len(hs) > 0 {
		raws := make([]raw, 0, len(hs))
		for k, h := range hs {
			end := len(ls)
			if k+1 < len(hs) {
				end = hs[k+1].open
			}
			if end < h.close+1 {
				// the next header opens on this one's closing line
				// ("---" between two headers): this one has no body
				end = h.close + 1
			}
			r := h.raw
			r.kind, r.index = "header", k
			r.paras = clean(ls[h.close+1:end], r.title)
			raws = append(raws, r)
		}
		return raws
	}
	segs := segments(ls)
	raws := make([]raw, 0, len(segs))
	for _, s := range segs {
		paras := clean(ls[s.start:s.end], s.title)
		if len(paras) == 0 && s.title == "" {
			continue
		}
		raws = append(raws, raw{kind: "scrape", index: len(raws), line: ls[s.start].n, title: s.title, paras: paras})
	}
	return raws
}

// header is one "key: value" block ended by "---".
type header struct {
	open, close int // index of the first line (or opening "---") and of the closing "---"
	raw
}

var keyValue = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_ -]{0,39}?)\s*:\s*(.*)$`)

// fieldOf maps header and record keys to the field they fill.
func fieldOf(key string) string {
	k := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(key)))
	switch k {
	case "title", "headline", "head", "name":
		return "title"
	case "source", "outlet", "publisher", "publication", "site", "site_name", "newspaper", "agency":
		return "source"
	case "url", "link", "address", "href", "permalink", "canonical", "canonical_url":
		return "url"
	case "published", "date", "published_at", "published_on", "publication_date", "pubdate", "pub_date", "publish_date", "datetime", "time":
		return "published"
	}
	return ""
}

// headerAt parses a header whose first key line is ls[i].
func headerAt(ls []line, i int) (header, bool) {
	var h header
	known := 0
	for j := i; j < len(ls) && j < i+40; j++ {
		s := ls[j].s
		if s == "---" {
			if j == i || known == 0 {
				return h, false
			}
			h.close = j
			return h, true
		}
		m := keyValue.FindStringSubmatch(s)
		if m == nil {
			return h, false
		}
		v := unquote(strings.TrimSpace(m[2]))
		switch fieldOf(m[1]) {
		case "title":
			h.title = v
		case "source":
			h.source = v
		case "url":
			h.url = v
		case "published":
			h.published, h.publishedLine = v, ls[j].n
		default:
			continue
		}
		known++
	}
	return h, false
}

// unquote strips matching straight quotes around a header value.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// findHeaders finds the header blocks of a file. The first must open the
// file (after blank lines, optionally behind a "---" line); later ones must
// carry a title and follow a blank line or a "---" separator.
func findHeaders(ls []line) []header {
	i := 0
	for i < len(ls) && ls[i].s == "" {
		i++
	}
	if i == len(ls) {
		return nil
	}
	open := i
	if ls[i].s == "---" {
		i++
	}
	h, ok := headerAt(ls, i)
	if !ok {
		return nil
	}
	h.open, h.line = open, ls[open].n
	hs := []header{h}
	for j := h.close + 1; j < len(ls); j++ {
		if ls[j].s == "" || j == 0 || (ls[j-1].s != "" && ls[j-1].s != "---") {
			continue
		}
		if keyValue.MatchString(ls[j].s) && fieldOf(keyValue.FindStringSubmatch(ls[j].s)[1]) != "" {
			h, ok := headerAt(ls, j)
			if !ok || h.title == "" {
				continue
			}
			h.open = j
			if ls[j-1].s == "---" {
				h.open = j - 1
			}
			h.line = ls[h.open].n
			hs = append(hs, h)
			j = h.close
		}
	}
	return hs
}

// segment is one article's span of lines in a scrape.
type segment struct {
	start, end int
	title      string
}

// isMarker reports a scrape's section marker line ("TT").
func isMarker(s string) bool { return s == "TT" }

// segments splits a scrape into articles. An article starts at a title-like
// line that recurs a few lines later with only repeated lines (photo
// captions) and marker lines between; or, failing a recurring title, at the
// block of repeated lines just before a marker line.
func segments(ls []line) []segment {
	var nb []int // indexes of non-blank lines
	keys := make([]string, len(ls))
	for i, l := range ls {
		if l.s != "" {
			nb = append(nb, i)
			keys[i] = loose(l.s)
		}
	}
	// repeated reports whether the line at nb[k] recurs within nb[lo:hi].
	repeated := func(k, lo, hi int) bool {
		for x := max(lo, 0); x < hi && x < len(nb); x++ {
			if x != k && keys[nb[x]] == keys[nb[k]] {
				return true
			}
		}
		return false
	}
	type start struct {
		at, through int // nb positions of the start and of the last header line
		title       string
	}
	var starts []start
	for p := 0; p < len(nb); p++ {
		i := nb[p]
		if isMarker(ls[i].s) || !titleLike(ls[i].s) {
			continue
		}
		if p+1 < len(nb) && keys[nb[p+1]] == keys[i] { // a caption pair, not a title
			continue
		}
		for q := p + 2; q <= p+10 && q < len(nb); q++ {
			if keys[nb[q]] != keys[i] {
				continue
			}
			ok := true
			for k := p + 1; k < q && ok; k++ {
				ok = isMarker(ls[nb[k]].s) || repeated(k, p+1, q+10)
			}
			if ok {
				starts = append(starts, start{p, q, ls[i].s})
				p = q
			}
			break
		}
	}
	// Markers not explained by a recurring title start an article at the
	// run of repeated lines (captions) before them. Spans of the starts
	// found so far are marked, in one pass since they do not overlap.
	covered := make([]bool, len(nb))
	floorAt := make([]int, len(nb)) // the last header line before each position
	for k := range floorAt {
		floorAt[k] = -1
	}
	for _, s := range starts {
		for k := s.at + 1; k < s.through; k++ {
			covered[k] = true
		}
		if s.through+1 < len(nb) {
			floorAt[s.through+1] = s.through
		}
	}
	floor := -1
	for p := 0; p < len(nb); p++ {
		floor = max(floor, floorAt[p])
		if !isMarker(ls[nb[p]].s) || covered[p] {
			continue
		}
		at := p
		for at-1 > floor && at > p-12 && !isMarker(ls[nb[at-1]].s) && repeated(at-1, at-1, p+12) {
			at--
		}
		title := ""
		if at-1 > floor && titleLike(ls[nb[at-1]].s) && !repeated(at-1, at-1, p+12) {
			at--
			title = ls[nb[at]].s
		} else if p+1 < len(nb) && titleLike(ls[nb[p+1]].s) && !repeated(p+1, at, p+1) {
			title = ls[nb[p+1]].s
		}
		starts = append(starts, start{at, p, title})
		floor = p
	}
	if len(starts) == 0 {
		return []segment{{0, len(ls), ""}}
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].at < starts[j].at })
	var segs []segment
	if first := nb[starts[0].at]; first > 0 && hasProse(ls[:first]) {
		segs = append(segs, segment{0, first, ""})
	}
	for k, s := range starts {
		end := len(ls)
		if k+1 < len(starts) {
			end = nb[starts[k+1].at]
		}
		segs = append(segs, segment{nb[s.at], end, s.title})
	}
	return segs
}

// hasProse reports whether some line reads like a sentence of prose (a
// stretch before the first article worth keeping as an article of its own).
func hasProse(ls []line) bool {
	for _, l := range ls {
		if len(strings.Fields(l.s)) >= 8 && !isBoilerplate(l.s) {
			return true
		}
	}
	return false
}

// titleLike reports whether s could be a headline: a few words, not too
// long, not ending in a full stop.
func titleLike(s string) bool {
	if len(s) > 250 || strings.HasSuffix(s, ".") || isBoilerplate(s) {
		return false
	}
	return len(strings.Fields(s)) >= 2
}

// loose is the comparison key of a line or title: case, curly versus straight
// quotes and dashes, and white space do not count, nor a final full stop.
func loose(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isSpace(r):
			space = true
			continue
		case r == '‘' || r == '’' || r == '‚' || r == '‛' || r == '′' || r == '`' || r == '´':
			r = '\''
		case r == '“' || r == '”' || r == '„' || r == '‟' || r == '″' || r == '«' || r == '»':
			r = '"'
		case r == '–' || r == '—' || r == '‐' || r == '‑' || r == '−':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), ".")
}

// boilerplate lines, compared with loose(); a final colon is ignored.
var boilerplate = map[string]bool{}

func init() {
	for _, s := range []string{
		"powered by automated translation", "automated translation", "post a comment", "leave a comment",
		"add a comment", "add comment", "write a comment", "show comments", "view comments", "hide comments",
		"read more", "read also", "also read", "see also", "more on this", "related", "related articles",
		"related stories", "related news", "related content", "recommended", "most read", "most popular",
		"advertisement", "advertising", "sponsored", "sponsored content", "scroll to continue",
		"share", "share this", "share this article", "share this story", "share this page", "share article",
		"share on facebook", "share on twitter", "share on x", "share on whatsapp", "share on linkedin",
		"share via email", "share via", "facebook", "twitter", "whatsapp", "linkedin", "telegram", "reddit",
		"pinterest", "email", "e-mail", "print", "copy link", "link copied", "copied", "tweet", "send",
		"sign up for our newsletter", "subscribe to our newsletter", "subscribe", "subscribe now", "sign up",
		"newsletter", "skip to content", "skip to main content", "back to top", "listen to this article",
		"download app", "download our app", "follow us", "font size", "comments", "comment",
	} {
		boilerplate[s] = true
	}
}

// boilerPrefixes start short boilerplate lines.
var boilerPrefixes = []string{
	"read more:", "read also:", "also read:", "see also:", "related:", "sign up for our",
	"sign up to our", "subscribe to our", "subscribe for", "follow us on", "share on ", "click here to",
	"join our", "download the app", "get our newsletter", "get the latest news", "you may also like",
	"this article was automatically translated", "translated by automated",
}

// isBoilerplate reports whether a whole line is site furniture rather than
// article text.
func isBoilerplate(s string) bool {
	k := strings.TrimRight(loose(s), ": ")
	if boilerplate[k] {
		return true
	}
	if len(k) > 100 {
		return false
	}
	for _, p := range boilerPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

var commentsHead = regexp.MustCompile(`(?i)^(\d+\s+)?(comments?|reader comments|join the (discussion|conversation))\s*(\(\d+\))?:?$`)

// isCommentsFooter reports whether ls[i] opens a comment-policy block: a
// "Comments" line followed, within a few lines, by text about comments.
func isCommentsFooter(ls []line, i int) bool {
	if !commentsHead.MatchString(ls[i].s) {
		return false
	}
	seen := 0
	for j := i + 1; j < len(ls) && j < i+200 && seen < 8; j++ {
		if ls[j].s == "" {
			continue
		}
		seen++
		if strings.Contains(strings.ToLower(ls[j].s), "comment") || strings.Contains(strings.ToLower(ls[j].s), "moderat") {
			return true
		}
	}
	return seen == 0 // a bare "Comments" at the very end
}

// clean turns an article's lines into paragraphs: it drops marker lines,
// boilerplate and a trailing comment-policy block, joins hard-wrapped lines,
// and keeps each repeated line (photo captions) once. Lines equal to the
// title are dropped: the title leads the text on its own.
func clean(ls []line, title string) []string {
	var paras []string
	var cur []string // lines of the last paragraph, when hard-wrapped
	flush := func() {
		if len(cur) > 1 {
			paras[len(paras)-1] = strings.Join(cur, " ")
		}
		cur = cur[:0]
	}
	seen := map[string]bool{}
	if title != "" {
		seen[loose(title)] = true
	}
	prevBlank := true
	for i := 0; i < len(ls); i++ {
		s := ls[i].s
		if s == "" || isMarker(s) {
			prevBlank = true
			continue
		}
		if isCommentsFooter(ls, i) {
			break
		}
		if isBoilerplate(s) {
			continue
		}
		// A hard-wrapped line continues the previous one when that one
		// stops mid-sentence and this one starts in lower case.
		if !prevBlank && len(cur) > 0 && continues(cur[len(cur)-1], s) {
			cur = append(cur, s)
			continue
		}
		flush()
		prevBlank = false
		k := loose(s)
		if seen[k] {
			prevBlank = true
			continue
		}
		seen[k] = true
		paras = append(paras, s)
		cur = append(cur, s)
	}
	flush()
	return paras
}

// continues reports whether next carries on the sentence prev stopped in.
func continues(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(first) {
		return false
	}
	return unicode.IsLetter(last) || unicode.IsDigit(last) || last == ',' || last == ';' || last == '-' || last == '–'
}

// deriveTitle makes a title for an article that has none: its first line
// when that reads like a headline, else its first sentence-like line cut to
// about 120 bytes at a word boundary.
func deriveTitle(paras []string) string {
	if len(paras) == 0 {
		return ""
	}
	if titleLike(paras[0]) && len(paras[0]) <= 150 {
		return paras[0]
	}
	p := paras[0]
	for _, q := range paras {
		if len(strings.Fields(q)) >= 4 {
			p = q
			break
		}
	}
	if ss := sentence.Split(p); len(ss) > 0 && len(ss[0].Text) <= 120 && len(strings.Fields(ss[0].Text)) >= 4 {
		return ss[0].Text
	}
	if len(p) <= 120 {
		return p
	}
	cut := strings.LastIndexAny(p[:120], " \u00a0")
	if cut < 40 {
		cut = 120
		for cut > 0 && !utf8.RuneStart(p[cut]) {
			cut--
		}
	}
	return strings.TrimRightFunc(p[:cut], func(r rune) bool { return isSpace(r) || r == ',' || r == ';' || r == ':' })
}
