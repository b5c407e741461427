package timex

import (
	"strings"
	"testing"
	"time"

	"eventgraph/graph/model"
)

// day parses a YYYY-MM-DD test date ("" is the zero time).
func day(t testing.TB, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// refDay is a DAY-precision Ref.
func refDay(s string) model.DateSpan {
	return model.DateSpan{Value: s, Start: s, End: s, Precision: model.Day}
}

// want describes the expression a case expects. Empty fields are not
// checked; lo/hi (when set) must enclose the span.
type want struct {
	text      string // the expression's words
	prec      model.Precision
	value     string
	start     string
	end       string
	lo, hi    string // the span must lie inside lo..hi
	future    bool
	anchored  bool
	target    string
	anyFuture bool // do not check Future
}

var findCases = []struct {
	name string
	pub  string
	ref  string
	sent string
	want []want // every expression found, in order
}{
	// the brief's cases
	{"a month of last year", "2025-03-12", "",
		"In August last year, a patrol boat entered the bay.",
		[]want{{text: "In August last year", prec: model.Month, value: "2024-08", start: "2024-08-01", end: "2024-08-31"}}},
	{"a month of this year", "2025-10-12", "",
		"Talks resumed in March this year.",
		[]want{{text: "in March this year", prec: model.Month, value: "2025-03"}}},
	{"monday before tuesday", "2024-02-13", "",
		"Iraqi Minister of Interior Abdul Amir al-Shammari announced on Monday a plan to buy back weapons from citizens.",
		[]want{{text: "on Monday", prec: model.Day, value: "2024-02-12", start: "2024-02-12", end: "2024-02-12"}}},
	{"weekday is publication day", "2021-01-20", "",
		"On Wednesday, Iraq's intelligence service said it arrested three ISIS fighters.",
		[]want{{text: "On Wednesday", prec: model.Day, value: "2021-01-20"}}},
	{"this week", "2021-01-20", "",
		"This week, authorities seized drugs and unlicensed weapons belonging to smugglers.",
		// a report: the week so far, not days that have not come
		[]want{{text: "This week", prec: model.Week, value: "2021-W03", start: "2021-01-18", end: "2021-01-20"}}},
	{"this week, future", "2021-01-20", "",
		"This week, authorities will hold talks on the border.",
		[]want{{text: "This week", prec: model.Week, value: "2021-W03", start: "2021-01-18", end: "2021-01-24", future: true}}},
	// an offset set off by a comma after a day counts from that day
	{"day, a day after X", "2025-01-20", "",
		"Protesters blocked the bridge on Friday, a day after police arrested their leader.",
		[]want{{text: "on Friday", prec: model.Day, value: "2025-01-17"},
			{text: "a day after", prec: model.Day, value: "2025-01-16", anchored: true, target: "police arrested their leader"}}},
	{"day, two days after X", "2025-01-20", "2025-01-18",
		"The talks opened on 12 January, two days after the ceasefire.",
		[]want{{text: "on 12 January", prec: model.Day, value: "2025-01-12"},
			{text: "two days after", prec: model.Day, value: "2025-01-10", anchored: true, target: "the ceasefire"}}},
	{"this month in a report", "2025-10-28", "",
		"Police seized 40 kg of drugs this month.",
		[]want{{text: "this month", prec: model.Month, value: "2025-10", start: "2025-10-01", end: "2025-10-28"}}},
	{"late 2017", "2021-01-20", "",
		"In late 2017, Iraq announced the military defeat of ISIS after fighting battles that lasted about three years.",
		[]want{{text: "In late 2017", prec: model.Quarter, value: "2017-Q4", lo: "2017-09-01", hi: "2017-12-31"}}},
	{"bare month past", "2024-05-12", "",
		"The two ministers met in Amman in February.",
		[]want{{text: "in February", prec: model.Month, value: "2024-02", start: "2024-02-01", end: "2024-02-29"}}},
	{"future month day", "2024-05-12", "",
		"They will hold a comprehensive meeting on regional security cooperation on July 22.",
		[]want{{text: "on July 22", prec: model.Day, value: "2024-07-22", future: true}}},
	{"would: the future of reported speech", "2025-03-14", "",
		"He said the deal would allow the villages to be returned by the end of April.",
		[]want{{text: "by the end of April", prec: model.Month, value: "2025-04", future: true}}},
	{"would have: a past that did not happen", "2025-03-14", "",
		"Officials said the convoy would have crossed in February had the road been open.",
		[]want{{text: "in February", prec: model.Month, value: "2025-02"}}},
	{"since the fall in December", "2025-01-15", "",
		"It would mark the first visit by a senior Russian official to Damascus since the fall of Assad's regime in December.",
		[]want{{text: "in December", prec: model.Month, value: "2024-12"}}},
	{"two weeks have passed since", "2024-12-21", "",
		"Mikati has not contacted the transitional leader of Syria, even though two weeks have passed since the fall of the regime.",
		[]want{{text: "two weeks have passed since", prec: model.Week, lo: "2024-12-04", hi: "2024-12-10",
			anchored: true, target: "the fall of the regime"}}},
	{"about two weeks after, from Ref", "2024-02-13", "2024-02-12",
		"The minister's statements come about two weeks after the inauguration of a wall.",
		[]want{{text: "about two weeks after", prec: model.Week, lo: "2024-01-22", hi: "2024-02-05",
			anchored: true, target: "the inauguration of a wall"}}},
	{"overnight", "2024-12-02", "",
		"Iranian-backed militias from Iraq entered northern Syria overnight to support embattled Syrian government forces.",
		[]want{{text: "overnight", prec: model.Day, value: "2024-12-01", lo: "2024-12-01", hi: "2024-12-02"}}},
	{"photo caption date", "2021-01-20", "",
		"Picture taken January 18, 2021.",
		[]want{{text: "January 18, 2021", prec: model.Day, value: "2021-01-18"}}},
	{"in 2022", "2024-05-12", "",
		"in 2022, tribal conflicts erupted between the clans.",
		[]want{{text: "in 2022", prec: model.Year, value: "2022", start: "2022-01-01", end: "2022-12-31"}}},

	// weekdays on several publication weekdays
	{"last tuesday from sunday", "2024-05-12", "",
		"The army said last Tuesday that it had arrested five men.",
		[]want{{text: "last Tuesday", prec: model.Day, value: "2024-05-07"}}},
	{"last tuesday from tuesday", "2024-05-14", "",
		"The army said last Tuesday that it had arrested five men.",
		[]want{{text: "last Tuesday", prec: model.Day, value: "2024-05-07"}}},
	{"bare thursday", "2024-05-12", "",
		"Thursday, the ministry said the border was secure.",
		[]want{{text: "Thursday", prec: model.Day, value: "2024-05-09"}}},
	{"bare thursday on friday", "2021-12-17", "",
		"Security forces said Thursday they had dismantled a cell.",
		[]want{{text: "Thursday", prec: model.Day, value: "2021-12-16"}}},
	{"future weekday", "2024-05-12", "",
		"The delegation will meet on Tuesday in Damascus.",
		[]want{{text: "on Tuesday", prec: model.Day, value: "2024-05-14", future: true}}},
	{"future weekday on a wednesday", "2021-01-20", "",
		"The committee is scheduled to visit the crossing on Monday.",
		[]want{{text: "on Monday", prec: model.Day, value: "2021-01-25", future: true}}},
	{"future weekday fronted", "2024-05-12", "",
		"On Tuesday, the ministers will meet in Baghdad.",
		[]want{{text: "On Tuesday", prec: model.Day, value: "2024-05-14", future: true}}},
	{"next monday", "2024-05-12", "",
		"Officials plan to visit the border next Monday.",
		[]want{{text: "next Monday", prec: model.Day, value: "2024-05-13", future: true}}},
	{"possessive weekday", "2024-05-15", "",
		"Wednesday's meeting was postponed.",
		[]want{{text: "Wednesday", prec: model.Day, value: "2024-05-15"}}},
	{"weekday night", "2024-05-12", "",
		"The talks, held on Monday night, ended without agreement.",
		[]want{{text: "on Monday night", prec: model.Day, value: "2024-05-06"}}},
	{"saturday", "2021-12-19", "",
		"Iraq announced on Saturday that 80% of the plan to fortify the border with Syria has been completed.",
		[]want{{text: "on Saturday", prec: model.Day, value: "2021-12-18"}}},
	{"past and future in one sentence", "2024-05-12", "",
		"The minister said on Sunday that the committee will meet on Thursday.",
		[]want{{text: "on Sunday", value: "2024-05-12"}, {text: "on Thursday", value: "2024-05-16", future: true}}},
	{"future then reporting verb", "2024-05-12", "",
		"The meeting will be held on Thursday, the minister said on Sunday.",
		[]want{{text: "on Thursday", value: "2024-05-16", future: true}, {text: "on Sunday", value: "2024-05-12"}}},
	{"weekday with date", "2025-05-12", "",
		"The vote took place on Tuesday, March 18.",
		[]want{{text: "on Tuesday, March 18", prec: model.Day, value: "2025-03-18"}}},
	{"duration starting weekday", "2024-05-12", "",
		"The crossing will open for five days starting Wednesday.",
		[]want{{text: "for five days starting Wednesday", prec: model.Day, value: "2024-05-15",
			start: "2024-05-15", end: "2024-05-19", future: true}}},

	// deictic words
	{"deictic list", "2024-05-12", "",
		"two days ago, three weeks ago, last week, next week, this month, earlier this month, last month, this year, last year, next year, yesterday, today",
		[]want{
			{text: "two days ago", prec: model.Day, value: "2024-05-10"},
			{text: "three weeks ago", prec: model.Week, lo: "2024-04-18", hi: "2024-04-24"},
			{text: "last week", prec: model.Week, value: "2024-W18", start: "2024-04-29", end: "2024-05-05"},
			{text: "next week", prec: model.Week, value: "2024-W20", start: "2024-05-13", end: "2024-05-19", future: true},
			{text: "this month", prec: model.Month, value: "2024-05", anyFuture: true},
			{text: "earlier this month", prec: model.Month, value: "2024-05", lo: "2024-05-01", hi: "2024-05-12"},
			{text: "last month", prec: model.Month, value: "2024-04"},
			{text: "this year", prec: model.Year, value: "2024", anyFuture: true},
			{text: "last year", prec: model.Year, value: "2023"},
			{text: "next year", prec: model.Year, value: "2025", future: true},
			{text: "yesterday", prec: model.Day, value: "2024-05-11"},
			{text: "today", prec: model.Day, value: "2024-05-12", anyFuture: true},
		}},
	{"vague spans skipped", "2024-05-12", "",
		"Clashes have intensified in recent days and officials expect more in the coming weeks, as happened recently.",
		nil},
	{"vague offsets from ref", "2024-05-12", "2024-05-06",
		"Hours earlier, the envoy left.",
		[]want{{text: "Hours earlier", prec: model.Day, value: "2024-05-06", lo: "2024-05-05", hi: "2024-05-06"}}},
	{"days later from ref", "2024-05-20", "2024-05-06",
		"The talks collapsed days later.",
		[]want{{text: "days later", prec: model.Week, lo: "2024-05-08", hi: "2024-05-14"}}},
	{"the coming days", "2024-05-12", "",
		"The crossings will reopen in the coming days.",
		[]want{{text: "in the coming days", prec: model.Week, lo: "2024-05-13", hi: "2024-05-22", future: true}}},
	{"narrative offsets from ref", "2024-05-12", "2024-03-01",
		"A week earlier, the border closed; three days later it reopened, and the next day it closed again.",
		[]want{
			{text: "A week earlier", prec: model.Week, lo: "2024-02-20", hi: "2024-02-26"},
			{text: "three days later", prec: model.Day, value: "2024-03-04"},
			{text: "the next day", prec: model.Day, value: "2024-03-05"}, // the day after the reopening, told before it in the sentence
		}},
	{"an offset after a day of its sentence counts from that day", "2024-03-15", "",
		"Soldiers overthrew the president on Wednesday, and the general proclaimed himself leader two days later.",
		[]want{
			{text: "on Wednesday", prec: model.Day, value: "2024-03-13"},
			{text: "two days later", prec: model.Day, value: "2024-03-15"},
		}},
	{"parts of the same or the next day from ref", "2024-05-12", "2024-03-01",
		"Talks resumed the same evening; the guns fell silent the following morning.",
		[]want{
			{text: "the same evening", prec: model.Day, value: "2024-03-01"},
			{text: "the following morning", prec: model.Day, value: "2024-03-02"},
		}},
	{"ago ignores ref", "2024-05-12", "2024-03-01",
		"The talks began two days ago.",
		[]want{{text: "two days ago", value: "2024-05-10"}}},

	// months and days without a year
	{"day month", "2024-05-12", "",
		"The agreement was signed on 3 March in Baghdad.",
		[]want{{text: "on 3 March", prec: model.Day, value: "2024-03-03"}}},
	{"month day before publication", "2024-05-12", "",
		"The deal was reached on February 21.",
		[]want{{text: "on February 21", prec: model.Day, value: "2024-02-21"}}},
	{"month day after publication is last year", "2024-05-12", "",
		"The attack happened March 18 and the inquiry ended on December 3.",
		[]want{{text: "March 18", value: "2024-03-18"}, {text: "on December 3", value: "2023-12-03"}}},
	{"month in future clause next year", "2024-05-12", "",
		"The ministers will meet again in February.",
		[]want{{text: "in February", prec: model.Month, value: "2025-02", future: true}}},
	{"day range", "2024-05-12", "",
		"The council met on 12-14 March.",
		[]want{{text: "on 12-14 March", prec: model.Day, value: "2024-03-12", start: "2024-03-12", end: "2024-03-14"}}},

	// explicit dates
	{"explicit forms", "2024-05-12", "",
		"Dates: Jan. 18, 2021; 18 January 2021; 2021-01-18; 18/01/2021; 01/18/2021; the 3rd of March 2022.",
		[]want{
			{text: "Jan. 18, 2021", prec: model.Day, value: "2021-01-18"},
			{text: "18 January 2021", prec: model.Day, value: "2021-01-18"},
			{text: "2021-01-18", prec: model.Day, value: "2021-01-18"},
			{text: "18/01/2021", prec: model.Day, value: "2021-01-18"},
			{text: "01/18/2021", prec: model.Day, value: "2021-01-18"},
			{text: "the 3rd of March 2022", prec: model.Day, value: "2022-03-03"},
		}},
	{"ambiguous slash date skipped", "2024-05-12", "",
		"The letter is dated 03/04/2021.",
		nil},
	{"caption", "2024-05-12", "",
		"Iraqi and Syrian interior ministers sign a memorandum in Baghdad on May 12, 2024. (Photo: ministry)",
		[]want{{text: "on May 12, 2024", prec: model.Day, value: "2024-05-12"}}},
	{"month year", "2024-05-12", "",
		"He took office in May 2024 after serving since March of 2019.",
		[]want{{text: "in May 2024", prec: model.Month, value: "2024-05"}, {text: "since March of 2019", prec: model.Month, value: "2019-03"}}},

	// parts of years
	{"parts of years", "2024-05-12", "",
		"in mid-2023, the first half of 2022, Q3 2021, the third quarter of 2021, by the end of 2024, early 2020, late last year, in the summer of 2023",
		[]want{
			{text: "in mid-2023", prec: model.Quarter, start: "2023-05-01", end: "2023-08-31"},
			{text: "the first half of 2022", prec: model.Quarter, value: "2022-H1", start: "2022-01-01", end: "2022-06-30"},
			{text: "Q3 2021", prec: model.Quarter, value: "2021-Q3", start: "2021-07-01", end: "2021-09-30"},
			{text: "the third quarter of 2021", prec: model.Quarter, value: "2021-Q3"},
			{text: "by the end of 2024", prec: model.Quarter, value: "2024-Q4", lo: "2024-09-01", hi: "2024-12-31"},
			{text: "early 2020", prec: model.Quarter, value: "2020-Q1", start: "2020-01-01", end: "2020-04-30"},
			{text: "late last year", prec: model.Quarter, value: "2023-Q4", start: "2023-09-01"},
			{text: "in the summer of 2023", prec: model.Quarter, value: "2023-SU", start: "2023-06-01", end: "2023-08-31"},
		}},
	{"part of month", "2024-05-12", "",
		"The offensive began in early March and ended in mid-April.",
		[]want{{text: "in early March", prec: model.Month, value: "2024-03", start: "2024-03-01", end: "2024-03-10"},
			{text: "in mid-April", prec: model.Month, value: "2024-04", start: "2024-04-11", end: "2024-04-20"}}},

	// years and numbers that are not years
	{"years", "2024-05-12", "",
		"Iraq has been fortifying the border since 2003, after the 2018 Syrian National Dialogue Congress, and in 2014.",
		[]want{{text: "since 2003", prec: model.Year, value: "2003"}, {text: "2018", prec: model.Year, value: "2018"},
			{text: "in 2014", prec: model.Year, value: "2014"}}},
	{"year modifier at start", "2024-05-12", "",
		"2018 Syrian National Dialogue Congress delegates gathered in Sochi.",
		[]want{{text: "2018", prec: model.Year, value: "2018"}}},
	{"quantities are not years", "2024-05-12", "",
		"About 80% of the 600-kilometer border, 3,813 kilometers in all, cost one billion dinars and 7 million dollars; some 2000 fighters and 1,500 troops crossed in the 1990s under Resolution 2254.",
		nil},
	{"false friends", "2024-05-12", "",
		"We may see protesters march, the Sunday Times said of the Good Friday Agreement; the will of the people.",
		nil},

	// anchored and durations
	{"days before the vote", "2024-05-12", "",
		"The candidates withdrew three days before the vote.",
		[]want{{text: "three days before", prec: model.Day, value: "2024-05-15", anchored: true, target: "the vote"}}},
	{"a week after the attack", "2024-05-12", "",
		"The border reopened a week after the attack.",
		[]want{{text: "a week after", prec: model.Week, lo: "2024-05-02", hi: "2024-05-08", anchored: true, target: "the attack"}}},
	{"vague weeks after", "2024-05-12", "",
		"The border reopened weeks after the attack.",
		nil},
	{"offset from explicit date", "2024-05-12", "",
		"The truce collapsed two days after January 5, 2024.",
		[]want{{text: "two days after January 5, 2024", prec: model.Day, value: "2024-01-07"}}},
	{"durations are not dates", "2024-05-12", "",
		"The siege lasted about three years, and the crossing will be closed for 25 days; the talks ran for five days.",
		nil},
	{"present perfect duration dates the start", "2024-05-12", "",
		"The crossing has been closed for 25 days, and the siege lasted about three years.",
		[]want{{text: "for 25 days", prec: model.Day, value: "2024-04-17", start: "2024-04-17", end: "2024-04-17"}}},

	{"the day before the vote", "2024-05-12", "2024-05-10",
		"The attack came the day before the vote.",
		[]want{{text: "the day before", prec: model.Day, value: "2024-05-11", anchored: true, target: "the vote"}}},
	{"anchored in a future clause is unknown", "2024-05-12", "",
		"The ministers will meet two days before the summit.",
		[]want{{text: "two days before", prec: model.Unknown, future: true, anchored: true, target: "the summit"}}},
	{"seasons and the fall of", "2024-05-12", "",
		"Talks resumed in the fall of 2023 and last summer, after the fall of the regime.",
		[]want{{text: "in the fall of 2023", prec: model.Quarter, value: "2023-FA", start: "2023-09-01", end: "2023-11-30"},
			{text: "last summer", prec: model.Quarter, value: "2023-SU"}}},
	{"weekend", "2024-05-13", "",
		"Clashes erupted over the weekend.",
		[]want{{text: "the weekend", prec: model.Week, start: "2024-05-11", end: "2024-05-12"}}},

	// future clauses: the expression's own clause decides
	{"future clause across a dash insert", "2016-06-28", "",
		"The Egyptian authorities will open the Rafah border crossing between Egypt and the Gaza Strip — in both directions — for five days starting Wednesday, the Gaza Strip's Interior Ministry said Monday, Anadolu Agency reported.",
		[]want{
			{text: "for five days starting Wednesday", prec: model.Day, value: "2016-06-29", start: "2016-06-29", end: "2016-07-03", future: true},
			{text: "Monday", prec: model.Day, value: "2016-06-27"},
		}},
	{"future clause across inserts, variant", "2024-05-12", "",
		"The authorities will reopen the gate – closed since the clashes – for three days beginning Friday, and the envoys will meet (in Baghdad) on Thursday, the ministry said Sunday.",
		[]want{
			{text: "for three days beginning Friday", prec: model.Day, value: "2024-05-17", start: "2024-05-17", end: "2024-05-19", future: true},
			{text: "on Thursday", prec: model.Day, value: "2024-05-16", future: true},
			{text: "Sunday", prec: model.Day, value: "2024-05-12"},
		}},
	{"relative clause insert", "2024-05-12", "",
		"The envoys will open the crossing, which was shut in the war, on Tuesday.",
		[]want{{text: "on Tuesday", prec: model.Day, value: "2024-05-14", future: true}}},
	{"past clause after a dash pair stays past", "2024-05-12", "",
		"The envoys met — in secret — on Tuesday.",
		[]want{{text: "on Tuesday", prec: model.Day, value: "2024-05-07"}}},

	// weekday with a month and day: the year whose calendar agrees
	{"weekday month day starting", "2016-08-26", "",
		"I have ordered a definitive ceasefire with the FARC starting at midnight on Monday, August 29,",
		[]want{{text: "on Monday, August 29", prec: model.Day, value: "2016-08-29", future: true}}},
	{"weekday month day picks next year", "2016-12-30", "",
		"The government announced a curfew on Monday, January 2.",
		[]want{{text: "on Monday, January 2", prec: model.Day, value: "2017-01-02"}}},
	{"weekday month day picks last year", "2017-01-03", "",
		"The vote was held on Friday, December 30.",
		[]want{{text: "on Friday, December 30", prec: model.Day, value: "2016-12-30"}}},
	{"from midnight on points forward", "2024-05-10", "",
		"The ministry has suspended flights from midnight on Sunday.",
		[]want{{text: "on Sunday", prec: model.Day, value: "2024-05-12", future: true}}},
	{"from midnight on in an insert of a past clause", "2024-05-12", "",
		"The curfew, in force from midnight on Friday, was lifted.",
		[]want{{text: "on Friday", prec: model.Day, value: "2024-05-10"}}},
	{"starting in a past clause stays past", "2024-05-12", "",
		"A curfew was imposed starting Monday.",
		[]want{{text: "Monday", prec: model.Day, value: "2024-05-06"}}},

	// more future markers
	{"must be", "2016-08-26", "",
		"The accord must now be ratified in a referendum on October 2 to take effect.",
		[]want{{text: "on October 2", prec: model.Day, value: "2016-10-02", future: true}}},
	{"future markers", "2024-05-12", "",
		"The law must pass in March; the deal is to be signed on 3 April; talks are due to resume in February; the vote is expected to take place on January 9; and the envoy is set to arrive on Wednesday.",
		[]want{
			{text: "in March", prec: model.Month, value: "2025-03", future: true},
			{text: "on 3 April", prec: model.Day, value: "2025-04-03", future: true},
			{text: "in February", prec: model.Month, value: "2025-02", future: true},
			{text: "on January 9", prec: model.Day, value: "2025-01-09", future: true},
			{text: "on Wednesday", prec: model.Day, value: "2024-05-15", future: true},
		}},
	{"must have is past", "2024-05-12", "",
		"The convoy must have crossed on Tuesday.",
		[]want{{text: "on Tuesday", prec: model.Day, value: "2024-05-07"}}},

	// present perfect with a duration
	{"present perfect duration", "2025-03-18", "",
		"The Torkham crossing, a key trade and travel route, has been closed for 25 days.",
		[]want{{text: "for 25 days", prec: model.Day, value: "2025-02-21", start: "2025-02-21", end: "2025-02-21"}}},
	{"present perfect weeks and months", "2024-05-12", "",
		"Hundreds of protesters have been detained for three weeks, and the road has remained shut for two months.",
		[]want{
			{text: "for three weeks", prec: model.Week, value: "2024-04-18/2024-04-24", lo: "2024-04-18", hi: "2024-04-24"}, // not one ISO week: the interval
			{text: "for two months", prec: model.Month, value: "2024-03"},
		}},
	{"durations that are not present perfect", "2024-05-12", "",
		"The road had been closed for 25 days, will have been shut for two weeks, has not been open for a month and has been closed for five days starting Wednesday.",
		[]want{{text: "for five days starting Wednesday", prec: model.Day, value: "2024-05-08", end: "2024-05-12"}}},

	// vague and approximate anchored offsets
	{"nearly a week after a clause", "2021-08-25", "2021-08-24",
		"It came nearly a week after President Tebboune told a security council meeting that Morocco's hostile acts required a review of relations.",
		[]want{{text: "nearly a week after", prec: model.Week, value: "2021-W33", lo: "2021-08-16", hi: "2021-08-20",
			anchored: true, target: "President Tebboune told a security council meeting"}}},
	{"hours after a clause", "2016-06-28", "2016-06-27",
		"The announcement came hours after Israel and Turkey officially established normalization of diplomatic relations",
		[]want{{text: "hours after", prec: model.Day, start: "2016-06-26", end: "2016-06-27",
			anchored: true, target: "Israel and Turkey officially established normalization of diplomatic relations"}}},
	{"a count of hours after a clause", "2020-12-16", "2020-12-15",
		"The strike came some 30 hours after Minister Kofi Mensah met the rebels in Tamale.",
		[]want{{text: "some 30 hours after", prec: model.Day, start: "2020-12-14", end: "2020-12-15",
			anchored: true, target: "Minister Kofi Mensah met the rebels in Tamale"}}},
	{"a count of hours held is no date", "2020-12-16", "2020-12-15",
		"Police held him for 24 hours after the raid.", nil},
	{"the same day as a happening named", "2024-05-12", "2024-05-10",
		"On the same day as the raids, officials deported 200 migrants; the same day, police left.",
		[]want{
			{text: "On the same day as", prec: model.Day, value: "2024-05-10", anchored: true, target: "the raids"},
			{text: "the same day", prec: model.Day, value: "2024-05-10"},
		}},
	{"almost a week and days after", "2024-05-12", "2024-05-10",
		"The strike came almost a week after the army seized the town, and protests erupted only days after the government raised fuel prices.",
		[]want{
			{text: "almost a week after", prec: model.Week, lo: "2024-05-02", hi: "2024-05-06", anchored: true, target: "the army seized the town"},
			{text: "only days after", prec: model.Week, lo: "2024-04-30", hi: "2024-05-09", anchored: true, target: "the government raised fuel prices"},
		}},
	{"days after it was announced", "2024-05-12", "2024-05-10",
		"The deal collapsed two days after it was announced, and fighting went on for days after the attack.",
		[]want{{text: "two days after", prec: model.Day, value: "2024-05-08", anchored: true, target: "it was announced"}}},
	{"hours before a noun phrase", "2024-05-12", "2024-05-09",
		"The rockets fell just hours before the vote.",
		[]want{{text: "just hours before", prec: model.Day, start: "2024-05-09", end: "2024-05-10", anchored: true, target: "the vote"}}},

	// no publication date
	{"no publication date", "", "",
		"The talks were held on Monday, on March 3, 2024, in February and two days ago.",
		[]want{
			{text: "on Monday", prec: model.Unknown},
			{text: "on March 3, 2024", prec: model.Day, value: "2024-03-03"},
			{text: "in February", prec: model.Unknown},
			{text: "two days ago", prec: model.Unknown},
		}},
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		t.Run(c.name, func(t *testing.T) {
			ctx := Context{Published: day(t, c.pub)}
			if c.ref != "" {
				ctx.Ref = refDay(c.ref)
			}
			got := Find(c.sent, ctx)
			if len(got) != len(c.want) {
				t.Fatalf("Find(%q) found %d expressions, want %d:\n%s", c.sent, len(got), len(c.want), dump(got))
			}
			for k, w := range c.want {
				checkExpr(t, c.sent, got[k], w)
			}
		})
	}
}

func checkExpr(t *testing.T, sent string, e Expr, w want) {
	t.Helper()
	if e.Text != w.text {
		t.Errorf("text %q, want %q", e.Text, w.text)
	}
	if sent[e.Start:e.End] != e.Text || e.Span.Text != e.Text {
		t.Errorf("%q: offsets %d..%d or span text %q disagree", e.Text, e.Start, e.End, e.Span.Text)
	}
	if w.prec != "" && e.Span.Precision != w.prec {
		t.Errorf("%q: precision %s, want %s", e.Text, e.Span.Precision, w.prec)
	}
	if w.value != "" && e.Span.Value != w.value {
		t.Errorf("%q: value %q, want %q", e.Text, e.Span.Value, w.value)
	}
	if w.start != "" && e.Span.Start != w.start {
		t.Errorf("%q: start %q, want %q", e.Text, e.Span.Start, w.start)
	}
	if w.end != "" && e.Span.End != w.end {
		t.Errorf("%q: end %q, want %q", e.Text, e.Span.End, w.end)
	}
	if w.lo != "" && (e.Span.Start < w.lo || e.Span.End > w.hi || !e.Span.Known()) {
		t.Errorf("%q: span %s..%s not inside %s..%s", e.Text, e.Span.Start, e.Span.End, w.lo, w.hi)
	}
	if !w.anyFuture && e.Future != w.future {
		t.Errorf("%q: future %v, want %v", e.Text, e.Future, w.future)
	}
	if e.Anchored != w.anchored {
		t.Errorf("%q: anchored %v, want %v", e.Text, e.Anchored, w.anchored)
	}
	if w.anchored && sent[e.TargetStart:e.TargetEnd] != w.target {
		t.Errorf("%q: target %q, want %q", e.Text, sent[e.TargetStart:e.TargetEnd], w.target)
	}
	if e.Span.Precision == model.Unknown && (e.Span.Start != "" || e.Span.Value != "") {
		t.Errorf("%q: unknown span with bounds %+v", e.Text, e.Span)
	}
}

func dump(es []Expr) string {
	s := ""
	for _, e := range es {
		s += "  " + e.Text + " → " + string(e.Span.Precision) + " " + e.Span.Value + " " + e.Span.Start + ".." + e.Span.End + "\n"
	}
	return s
}

// TestWeekdaysEveryPublicationDay checks "on Sunday" (past) and "will …
// on Sunday" (future) from each day of a week.
func TestWeekdaysEveryPublicationDay(t *testing.T) {
	// 2024-05-13 is a Monday.
	for k := 0; k < 7; k++ {
		pub := day(t, "2024-05-13").AddDate(0, 0, k)
		ctx := Context{Published: pub}
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			past := Find("The ministers met on "+wd.String()+".", ctx)
			fut := Find("The ministers will meet on "+wd.String()+".", ctx)
			if len(past) != 1 || len(fut) != 1 {
				t.Fatalf("%s from %s: %d and %d expressions", wd, pub.Weekday(), len(past), len(fut))
			}
			p, _ := time.Parse(time.DateOnly, past[0].Span.Value)
			f, _ := time.Parse(time.DateOnly, fut[0].Span.Value)
			if p.Weekday() != wd || p.After(pub) || pub.Sub(p) >= 7*24*time.Hour {
				t.Errorf("past %s from %s %s: %s", wd, pub.Weekday(), isoDay(pub), isoDay(p))
			}
			if f.Weekday() != wd || f.Before(pub) || f.Sub(pub) >= 7*24*time.Hour || !fut[0].Future {
				t.Errorf("future %s from %s %s: %s", wd, pub.Weekday(), isoDay(pub), isoDay(f))
			}
		}
	}
}

func TestParse(t *testing.T) {
	ctx := Context{Published: day(t, "2024-05-12")}
	cases := []struct {
		phrase string
		ok     bool
		prec   model.Precision
		value  string
		start  string
		end    string
	}{
		{"in late 2017", true, model.Quarter, "2017-Q4", "2017-09-01", "2017-12-31"},
		{"February", true, model.Month, "2024-02", "", ""},
		{"2017", true, model.Year, "2017", "2017-01-01", "2017-12-31"},
		{"2024-05-12", true, model.Day, "2024-05-12", "2024-05-12", "2024-05-12"},
		{"2024-05-12T23:10:00+03:00", true, model.Day, "2024-05-12", "", ""},
		{"Sun, 12 May 2024 10:00:00 GMT", true, model.Day, "2024-05-12", "", ""},
		{"May 12, 2024", true, model.Day, "2024-05-12", "", ""},
		{"on Sunday", true, model.Day, "2024-05-12", "", ""},
		{"mid-2023", true, model.Quarter, "2023-Q3", "2023-05-01", "2023-08-31"},
		{"the end of 2024", true, model.Quarter, "2024-Q4", "", ""},
		{"earlier this month", true, model.Month, "2024-05", "2024-05-01", "2024-05-12"},
		{"no date here", false, model.Unknown, "", "", ""},
	}
	for _, c := range cases {
		sp, ok := Parse(c.phrase, ctx)
		if ok != c.ok || sp.Precision != c.prec || sp.Value != c.value ||
			(c.start != "" && sp.Start != c.start) || (c.end != "" && sp.End != c.end) {
			t.Errorf("Parse(%q) = %+v, %v", c.phrase, sp, ok)
		}
	}
	if sp, ok := Parse("on Sunday", Context{}); ok || sp.Precision != model.Unknown {
		t.Errorf("Parse without publication date = %+v, %v", sp, ok)
	}
}

// TestFindInvariants checks sorting, non-overlap and offsets over every
// case sentence.
func TestFindInvariants(t *testing.T) {
	for _, c := range findCases {
		checkInvariants(t, c.sent, Find(c.sent, Context{Published: day(t, "2024-05-12"), Ref: refDay("2024-05-10")}))
	}
}

func checkInvariants(t *testing.T, s string, es []Expr) {
	t.Helper()
	prev := 0
	for _, e := range es {
		if e.Start < prev || e.Start > e.End || e.End > len(s) || s[e.Start:e.End] != e.Text {
			t.Fatalf("%q: bad offsets %d..%d after %d", s, e.Start, e.End, prev)
		}
		if e.Anchored && (e.TargetStart < e.End || e.TargetStart > e.TargetEnd || e.TargetEnd > len(s)) {
			t.Fatalf("%q: bad target %d..%d", s, e.TargetStart, e.TargetEnd)
		}
		prev = e.End
	}
}

// TestLongInputs checks that repeated nested constructs stay linear and
// keep the invariants.
func TestLongInputs(t *testing.T) {
	ctx := Context{Published: day(t, "2024-05-12")}
	for _, unit := range []string{"two days after the war ", "a day before a day after ", "in in on ",
		"the day after ", "two weeks since the fall of ", "on Monday, March 18, 2024 ", "12-14 March ", "will meet — x — on Monday ", "(a) — b, which c, for 3 days ",
		"hours after Israel and Turkey said ", "has been closed for 25 days "} {
		s := strings.Repeat(unit, 400)
		checkInvariants(t, s, Find(s, ctx))
	}
}

func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.sent, int64(19856))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		var pub time.Time
		if days%5 != 0 {
			pub = date(1970, 1, 1).AddDate(0, 0, int(days%40000))
		}
		ctx := Context{Published: pub, Ref: refDay(isoDay(pub.AddDate(0, 0, -3)))}
		checkInvariants(t, s, Find(s, ctx))
		Parse(s, ctx)
	})
}

var sink []Expr

func BenchmarkFind(b *testing.B) {
	ctx := Context{Published: time.Date(2024, 2, 13, 0, 0, 0, 0, time.UTC)}
	s := "Iraqi Minister of Interior Abdul Amir al-Shammari announced on Monday a plan to buy back weapons from citizens, describing security control on the borders, especially in the central and southern regions of the country, as “at its best.”"
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		sink = Find(s, ctx)
	}
}

func BenchmarkFindDense(b *testing.B) {
	ctx := Context{Published: time.Date(2024, 12, 21, 0, 0, 0, 0, time.UTC), Ref: refDay("2024-12-20")}
	s := "In late 2017, two weeks have passed since the fall of the regime in December, and on Sunday, May 12, 2024, the ministers will meet again next week."
	b.ReportAllocs()
	for b.Loop() {
		sink = Find(s, ctx)
	}
}
