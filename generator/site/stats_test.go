package site

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"disclose/generator/internal/testrecord"
	"disclose/generator/record"
	"disclose/generator/redact"
)

func tallyByID(ts []tally, id string) (tally, bool) {
	for _, t := range ts {
		if t.id == id {
			return t, true
		}
	}
	return tally{}, false
}

func sum(vs []int64) int64 {
	var n int64
	for _, v := range vs {
		n += v
	}
	return n
}

func TestMonths(t *testing.T) {
	tests := []struct {
		name, asOf, first, last string
	}{
		{"mid year", "2026-11-01", "2024-12", "2026-11"},
		{"january", "2026-01-31", "2024-02", "2026-01"},
		{"december", "2025-12-31", "2024-01", "2025-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := months(tt.asOf)
			if len(m) != statMonths || m[0] != tt.first || m[len(m)-1] != tt.last {
				t.Errorf("months(%q) = %v, want %d months %s … %s", tt.asOf, m, statMonths, tt.first, tt.last)
			}
		})
	}
}

// The counts on the statistics page must add up to the records they
// count: one per record for single-valued fields, one per listed value for
// lists.
func TestTalliesCountRecords(t *testing.T) {
	in := fixture(t, 30)
	ts := tallies(in, "zh")
	single := []struct {
		id, dataset string
	}{
		{"committees-region", "committees"},
		{"activities-category", "activities"},
		{"activities-rereview", "activities"},
	}
	for _, tt := range single {
		t.Run(tt.id, func(t *testing.T) {
			ta, ok := tallyByID(ts, tt.id)
			if !ok {
				t.Fatalf("no chart %s", tt.id)
			}
			if got, want := sum(ta.series[0].Values), int64(len(in.Records[tt.dataset])); got != want {
				t.Errorf("%s counts %d records, want %d", tt.id, got, want)
			}
		})
	}
	lists := []struct {
		id, dataset, key string
	}{
		{"committees-field", "committees", "fields"},
		{"cases-violation", "cases", "violation_types"},
		{"cases-penalty", "cases", "penalties"},
	}
	for _, tt := range lists {
		t.Run(tt.id, func(t *testing.T) {
			ta, _ := tallyByID(ts, tt.id)
			var want int64
			for _, r := range in.Records[tt.dataset] {
				want += int64(len(r.List(tt.key)))
			}
			if got := sum(ta.series[0].Values); got != want || want == 0 {
				t.Errorf("%s counts %d values, want %d (> 0)", tt.id, got, want)
			}
		})
	}
	t.Run("registrations", func(t *testing.T) {
		in := fixture(t, 30)
		in.AsOf = "2024-12-31" // the window 2023-01 … 2024-12 holds every fixture registration
		ta, _ := tallyByID(tallies(in, "en"), "registrations")
		for i, ds := range []string{"committees", "activities"} {
			if got, want := sum(ta.series[i].Values), int64(len(in.Records[ds])); got != want {
				t.Errorf("registrations of %s = %d, want %d", ds, got, want)
			}
		}
		// HR-2024-0001 was registered in February 2024.
		feb := -1
		for i, l := range ta.labels {
			if l == "2024-02" {
				feb = i
			}
		}
		if feb < 0 || ta.series[1].Values[feb] != 1 {
			t.Errorf("activities registered in 2024-02 = %v, want 1", ta.series[1].Values)
		}
	})
	t.Run("reports", func(t *testing.T) {
		ta, _ := tallyByID(ts, "reports-period")
		if len(ta.labels) != 1 || ta.labels[0] != "2024年" {
			t.Fatalf("report periods = %q, want [2024年] (periods summed by year)", ta.labels)
		}
		for _, s := range ta.series {
			if s.Name == "伦理审查项目数" && s.Values[0] != 12345 {
				t.Errorf("reviews in 2024-H1 = %d, want 12345", s.Values[0])
			}
		}
	})
}

func TestStatsPage(t *testing.T) {
	b, err := statsPage(fixture(t, 3), "en")
	if err != nil {
		t.Fatal(err)
	}
	var front statsFront
	if err := json.Unmarshal(b, &front); err != nil {
		t.Fatal(err)
	}
	if front.Layout != "statistics" || len(front.Charts) != 15 {
		t.Fatalf("statistics page: layout %q with %d charts, want statistics with 15", front.Layout, len(front.Charts))
	}
	for _, c := range front.Charts {
		t.Run(c.ID, func(t *testing.T) {
			if c.Empty {
				return
			}
			if want := `role="img" aria-labelledby="` + c.ID + `-cap"`; !strings.Contains(c.SVG, want) {
				t.Errorf("svg of %s lacks %q", c.ID, want)
			}
			if !strings.Contains(c.SVG, `viewBox="0 0 400 `) {
				t.Errorf("svg of %s has no scalable viewBox", c.ID)
			}
			if len(c.Rows) == 0 || len(c.Head) != len(c.Rows[0].Cells)+1 {
				t.Errorf("table of %s: %d columns for %d cells", c.ID, len(c.Head), len(c.Rows[0].Cells))
			}
			// Every number in the table is drawn in a horizontal chart.
			if c.ID != "chart-registrations" {
				for _, r := range c.Rows {
					for _, cell := range r.Cells {
						if cell != "not reported" && !strings.Contains(c.SVG, ">"+cell+"</text>") {
							t.Errorf("svg of %s lacks the value %s of %q", c.ID, cell, r.Label)
						}
					}
				}
			}
		})
	}
}

func TestNiceStep(t *testing.T) {
	tests := []struct {
		max, want int64
	}{{0, 1}, {5, 1}, {6, 2}, {22, 5}, {99, 20}, {12345, 5000}}
	for _, tt := range tests {
		t.Run(strconv.FormatInt(tt.max, 10), func(t *testing.T) {
			if got := niceStep(tt.max); got != tt.want {
				t.Errorf("niceStep(%d) = %d, want %d", tt.max, got, tt.want)
			}
		})
	}
}

// The statistics take one pass over the records: ten times the records
// may not take a hundred times as long.
func BenchmarkTallies(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		in := fixture(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				tallies(in, "zh")
			}
		})
	}
}

// Bars must stand out from the white page: WCAG 1.4.11 asks for 3:1.
func TestPaletteContrast(t *testing.T) {
	lum := func(hex string) float64 {
		var rgb [3]float64
		for i := range rgb {
			v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			if err != nil {
				t.Fatalf("colour %q: %v", hex, err)
			}
			c := float64(v) / 255
			if c <= 0.03928 {
				rgb[i] = c / 12.92
			} else {
				rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	}
	for _, c := range palette {
		t.Run(c, func(t *testing.T) {
			if ratio := 1.05 / (lum(c) + 0.05); ratio < 3 {
				t.Errorf("contrast of %s on white = %.2f, want at least 3", c, ratio)
			}
		})
	}
}

// reportsInput is the fixture with supervision reports written for the
// statistics rules: body A gives an annual report for 2024 and all four
// quarters of the same year; body B only two half years of 2024 and
// nothing about training; body C (an industry department) one annual
// report for 2025, the year of the build date, without any figure but
// reviews.
func reportsInput(t *testing.T) Input {
	t.Helper()
	in := fixture(t, 0)
	in.AsOf = "2025-11-01"
	cat := in.Catalog
	rep := func(id, body, typ, period string, kv ...any) *record.Record {
		args := append([]any{"body", body, "body_type", typ, "period", period, "submitted_on", "2025-10-01"}, kv...)
		if typ == "locality" {
			args = append(args, "region", "110000")
		}
		return testrecord.New(cat, "reports", id, args...)
	}
	recs := []*record.Record{
		rep("A-2024", "甲省科学技术厅", "locality", "2024", "reviews", int64(100), "trainees", int64(40)),
		rep("B-2024-H1", "乙省科学技术厅", "locality", "2024-H1", "reviews", int64(7)),
		rep("B-2024-H2", "乙省科学技术厅", "locality", "2024-H2", "reviews", int64(8)),
		rep("C-2025", "丙部科技司", "industry", "2025", "reviews", int64(5)),
	}
	for q := 1; q <= 4; q++ {
		recs = append(recs, rep(fmt.Sprintf("A-2024-Q%d", q), "甲省科学技术厅", "locality", fmt.Sprintf("2024-Q%d", q), "reviews", int64(25), "trainees", int64(10)))
	}
	res, err := redact.Apply(cat, recs, nil, redact.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	in.Records["reports"] = res.Records["reports"]
	return in
}

func seriesNamed(t *testing.T, ta tally, name string) series {
	t.Helper()
	for _, s := range ta.series {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("%s has no series %q", ta.id, name)
	return series{}
}

func labelIndex(t *testing.T, ta tally, label string) int {
	t.Helper()
	for i, l := range ta.labels {
		if l == label {
			return i
		}
	}
	t.Fatalf("%s has no row %q (rows %q)", ta.id, label, ta.labels)
	return -1
}

// An annual report and the quarters of the same body and year are not
// added up: the year counts the annual report (100 reviews, not 200), the
// other body's two half years (15), and nothing twice.
func TestStatsNoPeriodCountedTwice(t *testing.T) {
	ta, _ := tallyByID(tallies(reportsInput(t), "en"), "reports-period")
	reviews := seriesNamed(t, ta, "Reviews conducted")
	if got := reviews.Values[labelIndex(t, ta, "2024")]; got != 115 {
		t.Errorf("reviews in 2024 = %d, want 115 (A's annual 100 + B's halves 15; not A's quarters too)", got)
	}
	byBody, _ := tallyByID(tallies(reportsInput(t), "en"), "reports-body")
	if got := seriesNamed(t, byBody, "Reviews conducted").Values[labelIndex(t, byBody, "Locality")]; got != 115 {
		t.Errorf("reviews of localities = %d, want 115", got)
	}
}

// The reports are counted by year and kind of period, never as one sum.
func TestStatsReportsByPeriodKind(t *testing.T) {
	ta, ok := tallyByID(tallies(reportsInput(t), "en"), "reports-count")
	if !ok {
		t.Fatal("no chart of reports by year and period")
	}
	i := labelIndex(t, ta, "2024")
	for name, want := range map[string]int64{"Annual reports": 1, "Half-year reports": 2, "Quarterly reports": 4} {
		if got := seriesNamed(t, ta, name).Values[i]; got != want {
			t.Errorf("%s in 2024 = %d, want %d", name, got, want)
		}
	}
}

// A figure that no counted report gave is "not reported" in the table and
// drawn as such, never 0; one that was given as 0 stays 0.
func TestStatsNotReportedIsNotZero(t *testing.T) {
	in := reportsInput(t)
	var ta tally
	for _, tt := range tallies(in, "en") {
		if tt.id == "reports-body" {
			ta = tt
		}
	}
	c := ta.chart(in.Words, "en")
	col := -1
	for i, h := range c.Head {
		if h == "People trained" {
			col = i - 1
		}
	}
	if col < 0 {
		t.Fatalf("no trainees column in %q", c.Head)
	}
	for _, r := range c.Rows {
		want := map[string]string{"Locality": "40", "Industry authority": "not reported"}[r.Label]
		if want != "" && r.Cells[col] != want {
			t.Errorf("trainees of %s = %q, want %q", r.Label, r.Cells[col], want)
		}
	}
	if !strings.Contains(c.SVG, ">not reported</text>") {
		t.Error("the chart does not say not reported")
	}
}

// The year of the build date is labelled partial: up to the build date in
// the table, shortly in the chart.
func TestStatsPartialYear(t *testing.T) {
	in := reportsInput(t)
	for _, lang := range []string{"en", "zh"} {
		ta, _ := tallyByID(tallies(in, lang), "reports-count")
		want := map[string]string{"en": "2025 (partial, to 2025-11-01)", "zh": "2025年（截至 2025-11-01，不完整）"}[lang]
		labelIndex(t, ta, want)
		labelIndex(t, ta, map[string]string{"en": "2024", "zh": "2024年"}[lang])
		c := ta.chart(in.Words, lang)
		if short := map[string]string{"en": "2025 (partial)", "zh": "2025年（不完整）"}[lang]; !strings.Contains(c.SVG, ">"+short+"</text>") {
			t.Errorf("%s chart lacks %q", lang, short)
		}
	}
}

// The cuts people ask for exist: activities by field, region and year;
// cases by region, year and violation type; and each counts every record.
func TestStatsCuts(t *testing.T) {
	in := fixture(t, 10)
	ts := tallies(in, "en")
	for id, ds := range map[string]string{"activities-field": "activities", "activities-region": "activities", "activities-year": "activities",
		"cases-region": "cases", "cases-year": "cases"} {
		ta, ok := tallyByID(ts, id)
		if !ok {
			t.Errorf("no chart %s", id)
			continue
		}
		if got, want := sum(ta.series[0].Values), int64(len(in.Records[ds])); got != want {
			t.Errorf("%s counts %d records, want %d", id, got, want)
		}
	}
	if _, ok := tallyByID(ts, "cases-violation"); !ok {
		t.Error("no chart of cases by violation type")
	}
}
