// Command phoenix generates countries_phoenix.tsv, more names and
// demonyms of countries, from the country blocks of the Phoenix country
// actor dictionary of PETRARCH2 (openeventdata/petrarch2,
// petrarch2/data/dictionaries/Phoenix.Countries.actors.txt, MIT License).
//
// Usage:
//
//	go run ./loader/gazetteer/gen/phoenix Phoenix.Countries.actors.txt \
//	    loader/gazetteer/data/countries.tsv loader/gazetteer/data/cities.tsv \
//	    > loader/gazetteer/data/countries_phoenix.tsv
//
// A block's header names a country ("KYRGYZSTAN_"); its "+" lines are
// other names: spellings ("KIRGHIZSTAN"), demonyms ("KYRGYZ") and cities
// (the capital, "BISHKEK") and other places of the country ("BASRA").
// Only spellings of the country's name (at most a quarter of its letters
// differ, and no plural: "KAZAKSTAN", "IRAK") and demonyms are kept: a
// name is a demonym when it is the country's name without -istan, -stan
// or -ia ("UZBEK", "CROAT") or it
// is the name's stem with a demonym ending ("ETHIOPIAN"). Places stay
// places (the mention rules decide when a capital acts for its government).
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var header = regexp.MustCompile(`^([A-Z][A-Z'-]*(?:_[A-Z'-]+)*)_\s*(?:\[[A-Z]{3}\])?\s*$`)

func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, _ := transform.String(t, s)
	return strings.ToLower(strings.Join(strings.FieldsFunc(out, func(r rune) bool { return r == '_' || r == ' ' || r == '-' }), " "))
}

func title(s string) string {
	words := strings.Fields(strings.ReplaceAll(s, "_", " "))
	for i, w := range words {
		w = strings.ToLower(w)
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

func readTSV(path string) [][]string {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			rows = append(rows, strings.Split(l, "\t"))
		}
	}
	return rows
}

func isDemonym(name, alias string) bool {
	if len(alias) >= 4 && len(alias) < len(name) && strings.HasPrefix(name, alias) {
		// "Uzbek" of Uzbekistan, "Croat" of Croatia; not a clipped stem
		// ("Switz", "Portuga")
		switch name[len(alias):] {
		case "istan", "stan", "ia", "s":
			return true
		}
		return false
	}
	stem := strings.TrimRight(name, "aeiouy")
	for _, end := range []string{"an", "ian", "ese", "i", "ish", "ic", "n"} {
		if strings.HasPrefix(alias, stem) && alias == stem+end || alias == name+end {
			return true
		}
	}
	return false
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: phoenix Phoenix.Countries.actors.txt countries.tsv cities.tsv")
		os.Exit(2)
	}
	byName := map[string]string{} // folded name -> code
	known := map[string]bool{}    // every folded name, alias and demonym we have
	for _, r := range readTSV(os.Args[2]) {
		for _, n := range append([]string{r[1], r[2]}, strings.Split(r[3], "|")...) {
			if n != "" {
				byName[fold(n)] = r[0]
			}
		}
		for _, n := range append([]string{r[1], r[2]}, append(strings.Split(r[3], "|"), strings.Split(r[4], "|")...)...) {
			known[fold(n)] = true
		}
	}
	cities := map[string]bool{}
	for _, r := range readTSV(os.Args[3]) {
		cities[fold(r[0])] = true
		if len(r) > 1 && r[1] != "" {
			cities[fold(r[1])] = true
		}
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	aliases, demonyms := map[string][]string{}, map[string][]string{}
	code, name := "", ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if m := header.FindStringSubmatch(l); m != nil {
			name = fold(m[1])
			code = byName[name]
			continue
		}
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, " ") {
			continue
		}
		if !strings.HasPrefix(l, "+") {
			code = "" // a person's block
			continue
		}
		if code == "" {
			continue
		}
		a := strings.TrimSpace(strings.TrimPrefix(l, "+"))
		if i := strings.IndexByte(a, '#'); i >= 0 {
			a = strings.TrimSpace(a[:i])
		}
		a = strings.TrimSuffix(a, "_")
		k := fold(a)
		if len(k) < 4 || strings.ContainsAny(a, "0123456789'") || known[k] || cities[k] {
			continue
		}
		if strings.ContainsAny(a, ",.()") {
			continue
		}
		switch {
		case isDemonym(name, k):
			demonyms[code] = append(demonyms[code], title(a))
		case distance(name, k) <= len(name)/4 && !strings.HasSuffix(k, "s") || strings.HasSuffix(name, "s") && distance(name, k) <= len(name)/4:
			aliases[code] = append(aliases[code], title(a))
		default:
			continue
		}
		known[k] = true
	}
	codes := map[string]bool{}
	for c := range aliases {
		codes[c] = true
	}
	for c := range demonyms {
		codes[c] = true
	}
	var sorted []string
	for c := range codes {
		sorted = append(sorted, c)
	}
	sort.Strings(sorted)
	fmt.Println("# More country names and demonyms, generated by gen/phoenix from PETRARCH2's Phoenix country actor")
	fmt.Println("# dictionary (openeventdata/petrarch2, Phoenix.Countries.actors.txt, MIT License, (c) 2014 Open Event Data")
	fmt.Println("# Alliance); names we have already and city names left out. Do not edit; regenerate.")
	fmt.Println("# code\taliases (| separated)\tdemonyms (| separated)")
	for _, c := range sorted {
		fmt.Printf("%s\t%s\t%s\n", c, strings.Join(aliases[c], "|"), strings.Join(demonyms[c], "|"))
	}
}

// distance is the Levenshtein distance of a and b (bytes).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
