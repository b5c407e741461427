package timex

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestSeedsDbg(t *testing.T) {
	if os.Getenv("SEEDS") == "" {
		t.Skip()
	}
	pubs := map[string]string{"000": "2024-02-13", "001": "2021-01-20", "002": "2021-12-19", "003": "2024-05-12", "004": "2024-12-02"}
	files, _ := os.ReadDir("../../seeds")
	split := regexp.MustCompile(`[.!?]["”]?\s+|\n+`)
	for _, f := range files {
		p, ok := pubs[f.Name()[:3]]
		if !ok {
			continue
		}
		data, _ := os.ReadFile("../../seeds/" + f.Name())
		pub, _ := time.Parse("2006-01-02", p)
		for _, s := range split.Split(string(data), -1) {
			es := Find(s, Context{Published: pub})
			if len(es) == 0 {
				continue
			}
			fmt.Printf("%s %s\n", f.Name()[:3], strings.TrimSpace(s))
			for _, e := range es {
				tg := ""
				if e.Anchored {
					tg = " target=" + s[e.TargetStart:e.TargetEnd]
				}
				fmt.Printf("    %-28q %-8s %-10s %s..%s fut=%v%s\n", e.Text, e.Span.Precision, e.Span.Value, e.Span.Start, e.Span.End, e.Future, tg)
			}
		}
	}
}
