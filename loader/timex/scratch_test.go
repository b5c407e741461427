package timex

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	cases := []struct{ pub, ref, s string }{
		{"2021-08-25", "2021-08-24", "It came nearly a week after President Tebboune told a security council meeting that …"},
		{"2016-06-28", "2016-06-27", "The announcement came hours after Israel and Turkey officially established normalization of diplomatic relations."},
		{"2024-05-12", "2024-05-10", "The border reopened a week after the failed coup in Turkey, officials said."},
		{"2024-05-12", "2024-05-10", "The deal came two days after it was announced."},
		{"2024-05-12", "2024-05-10", "Fighting continued for days after the attack."},
		{"2024-05-12", "2024-05-10", "In the days after the attack, hours of talks were held."},
		{"2024-05-12", "2024-05-10", "It has been two weeks since the government was formed in Baghdad."},
		{"2024-05-12", "", "Imports from Turkey on Monday rose, and the strike, starting Monday, was called off."},
		{"2024-05-12", "", "The curfew, in force from midnight on Friday, was lifted; visitors must register on Mondays."},
		{"2024-05-12", "", "The man has been held for 25 days, and the road has been closed to traffic for 25 days."},
		{"2024-05-12", "", "The crossing has been closed for about 25 days and has now been completely shut for nearly two weeks."},
		{"2024-05-12", "", "He said the talks - which began in March - will end in June."},
		{"2024-05-12", "", "Prices rose 5 - 10 percent on Monday."},
	}
	for _, c := range cases {
		ctx := Context{Published: day(t, c.pub)}
		if c.ref != "" {
			ctx.Ref = refDay(c.ref)
		}
		fmt.Println(c.s)
		for _, e := range Find(c.s, ctx) {
			fmt.Printf("   %q %s %s %s..%s fut=%v", e.Text, e.Span.Precision, e.Span.Value, e.Span.Start, e.Span.End, e.Future)
			if e.Anchored {
				fmt.Printf(" target=%q", c.s[e.TargetStart:e.TargetEnd])
			}
			fmt.Println()
		}
	}
}
