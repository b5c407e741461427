package extract

import (
	"fmt"
	"strings"
	"testing"

	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

// sizedDoc returns a synthetic article of about n bytes. With flat, the
// text is one line without full stops (sentence ends become commas and
// paragraph breaks spaces), the worst case for sentence-level loops: one
// sentence, and the title line, as long as the article.
func sizedDoc(n int, flat bool) read.Document {
	paras := n/350 + 1 // a paragraph holds about 400 bytes
	d := synth.GenerateWith(1, 7, synth.Options{Paragraphs: paras})[0]
	text := d.Text
	if len(text) > n {
		cut := strings.LastIndexByte(text[:n], ' ')
		if cut <= 0 {
			cut = n
		}
		text = text[:cut]
	}
	if flat {
		text = strings.NewReplacer(". ", ", ", ".\n", ", ", "\n", " ").Replace(text)
	}
	d.Text = text
	d.Title = text[:strings.IndexByte(text+"\n", '\n')]
	return d
}

// BenchmarkExtractSize extracts one generated article of 10 KB, 100 KB
// and 1 MB, as prose and flat (one line without full stops), and reports
// the time per byte, which stays about the same across sizes when every
// stage is linear. make bench-size runs it.
func BenchmarkExtractSize(b *testing.B) {
	Article(sizedDoc(1000, false)) // build the lexicons outside the timing
	for _, flat := range []bool{false, true} {
		shape := "prose"
		if flat {
			shape = "flat"
		}
		for _, n := range []int{10_000, 100_000, 1_000_000} {
			d := sizedDoc(n, flat)
			b.Run(fmt.Sprintf("%s/%dKB", shape, n/1000), func(b *testing.B) {
				b.SetBytes(int64(len(d.Text)))
				for i := 0; i < b.N; i++ {
					Article(d)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.Text)), "ns/byte")
			})
		}
	}
}
