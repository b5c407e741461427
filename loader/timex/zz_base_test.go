package timex

import (
	"strings"
	"testing"
)

var sinkS []string

func BenchmarkBaselineFields(b *testing.B) {
	s := "Iraqi Minister of Interior Abdul Amir al-Shammari announced on Monday a plan to buy back weapons from citizens, describing security control on the borders, especially in the central and southern regions of the country, as “at its best.”"
	for b.Loop() {
		sinkS = strings.Fields(strings.ToLower(s))
	}
}
