package export

import (
	"reflect"
	"testing"
)

// TestSafeRow: cells a spreadsheet would run as formulas are escaped;
// numbers, dates and ordinary text are not.
func TestSafeRow(t *testing.T) {
	in := []string{"=HYPERLINK(\"http://x.example\",\"click\")", "+1 call", "-cmd|' /C calc'!A0", "@SUM(A1:A9)", "\tTab", "-33.51", "+44", "2024-05-12", "Talks in Baghdad", "", "<[2024-05-12, 2024-05-12]>"}
	want := []string{"'=HYPERLINK(\"http://x.example\",\"click\")", "'+1 call", "'-cmd|' /C calc'!A0", "'@SUM(A1:A9)", "'\tTab", "-33.51", "+44", "2024-05-12", "Talks in Baghdad", "", "<[2024-05-12, 2024-05-12]>"}
	if got := safeRow(in); !reflect.DeepEqual(got, want) {
		t.Errorf("safeRow:\n got %q\nwant %q", got, want)
	}
}
