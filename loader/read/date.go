package read

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ErrDate is wrapped by every error about a publication date that is not a
// real day.
var ErrDate = errors.New("not a date")

// ErrUnknownDate is wrapped by the warning given for a publication date that
// says it is not known ("unknown", "n/a", "none", "-"): the article loads
// without a publication date.
var ErrUnknownDate = errors.New("publication date not known: the article loads undated, its relative dates stay UNKNOWN")

// unknownDates are the values scrapes write where they do not know the
// publication date, compared lower-cased with spaces, dots and slashes gone.
var unknownDates = map[string]bool{
	"unknown": true, "na": true, "none": true, "null": true, "nil": true,
	"undated": true, "nodate": true, "unknowndate": true, "notknown": true,
	"-": true, "--": true, "?": true, "tbd": true, "notavailable": true,
}

// isUnknownDate reports whether s is one of the words that stand for a
// publication date nobody knows.
func isUnknownDate(s string) bool {
	k := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '/', '_', '\t':
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}, strings.TrimSpace(s))
	return unknownDates[k]
}

// dateLayouts are the publication-date forms accepted besides YYYY-MM-DD,
// tried in order after normalizeDateText.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02",
	"2006.01.02",
	"January 2 2006",
	"Jan 2 2006",
	"2 January 2006",
	"2 Jan 2006",
	"January 2 2006 15:04",
	"2 January 2006 15:04",
	"Jan 2 2006 15:04",
	"2 Jan 2006 15:04",
	"January 2 2006 3:04 PM",
	"Jan 2 2006 3:04 PM",
	"02 Jan 2006 15:04:05 MST",
	"02 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
}

var (
	isoLike    = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})`)
	ordinal    = regexp.MustCompile(`\b(\d{1,2})(st|nd|rd|th)\b`)
	weekday    = regexp.MustCompile(`(?i)^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+`)
	monthDot   = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.`)
	septAbbrev = regexp.MustCompile(`(?i)\bsept\b`)
	spaces     = regexp.MustCompile(`\s+`)
)

// normalizeDate turns a publication date in any accepted form into
// YYYY-MM-DD. It accepts 2024-05-12, RFC 3339 timestamps (the day is the one
// written, in its own offset), "May 12, 2024", "12 May 2024", "Sunday, May
// 12th, 2024", "Mon, 13 May 2024 10:00:00 GMT" and the like. An empty value
// gives "". Anything else, including an impossible day such as 2024-13-45, is
// an error wrapping ErrDate.
func normalizeDate(s string) (string, error) {
	day, err := parseDate(s)
	if err != nil || day == "" {
		return day, err
	}
	if y, _ := strconv.Atoi(day[:4]); y < MinYear || y > MaxYear {
		return "", fmt.Errorf("%q is %w: the year %s is outside %d–%d", s, ErrDate, day[:4], MinYear, MaxYear)
	}
	return day, nil
}

// MinYear and MaxYear bound the publication years accepted: a year outside
// them (0000, 9999) is a typing or scraping error, and would date relative
// expressions absurdly.
const (
	MinYear = 1800
	MaxYear = 2200
)

// parseDate is normalizeDate without the range check.
func parseDate(s string) (string, error) {
	v := strings.TrimSpace(s)
	if v == "" {
		return "", nil
	}
	bad := fmt.Errorf("%q is %w (want YYYY-MM-DD)", s, ErrDate)
	if m := isoLike.FindStringSubmatch(v); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
			return "", bad
		}
		day := t.Format("2006-01-02")
		if len(v) == len(m[0]) {
			return day, nil
		}
	}
	n := weekday.ReplaceAllString(v, "")
	n = monthDot.ReplaceAllString(n, "$1")
	n = septAbbrev.ReplaceAllString(n, "Sep")
	n = ordinal.ReplaceAllString(n, "$1")
	n = strings.ReplaceAll(n, ",", " ")
	n = strings.TrimSpace(spaces.ReplaceAllString(n, " "))
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, n); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	// RFC 3339 keeps its comma-free form; try the original too.
	for _, layout := range []string{time.RFC1123, time.RFC1123Z, time.RFC850, time.RFC822Z, time.RFC822} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", bad
}
