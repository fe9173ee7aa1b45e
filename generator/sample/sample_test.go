package sample

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"disclose/generator/fold"
	"disclose/generator/pii"
	"disclose/generator/schema"
)

// sheetInfo is what a test learns from one data sheet.
type sheetInfo struct {
	file, sheet string
	headerRow   int      // 1-based
	headers     []string // as written
	unknown     []string // headers that match no field
	records     []map[string]string
}

type parsed struct {
	sheets  []sheetInfo
	hidden  []string // file!sheet of hidden sheets
	skipped []string // instruction sheets
	byDS    map[string][]map[string]string
}

var instructionSheets = map[string]bool{"说明": true, "填表说明": true, "readme": true, "instructions": true}

// parse reads the workbooks the way the contract describes: the header row
// is the first row holding every required header; rows above it are
// skipped, blank rows are skipped.
func parse(t *testing.T, cat *schema.Catalog, files map[string][]byte) *parsed {
	t.Helper()
	p := &parsed{byDS: map[string][]map[string]string{}}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		ds, _, _ := strings.Cut(strings.TrimSuffix(name, ".xlsx"), "/")
		d := cat.Dataset(ds)
		if d == nil {
			t.Fatalf("file %s belongs to no dataset", name)
		}
		f, err := excelize.OpenReader(bytes.NewReader(files[name]))
		if err != nil {
			t.Fatalf("open %s: %v", name, err)
		}
		for _, sheet := range f.GetSheetList() {
			if visible, _ := f.GetSheetVisible(sheet); !visible {
				p.hidden = append(p.hidden, name+"!"+sheet)
				continue
			}
			if instructionSheets[strings.ToLower(sheet)] {
				p.skipped = append(p.skipped, name+"!"+sheet)
				continue
			}
			rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			info := sheetInfo{file: name, sheet: sheet}
			var cols []*schema.Field
			for i, r := range rows {
				cols = cols[:0]
				found := map[string]bool{}
				for _, c := range r {
					fd, _ := d.MatchHeader(c)
					cols = append(cols, fd)
					if fd != nil {
						found[fd.Key] = true
					}
				}
				all := true
				for _, req := range d.Required() {
					all = all && found[req.Key]
				}
				if all {
					info.headerRow = i + 1
					info.headers = r
					for k, fd := range cols {
						if fd == nil {
							info.unknown = append(info.unknown, r[k])
						}
					}
					break
				}
			}
			if info.headerRow == 0 {
				t.Fatalf("%s!%s: no row holds every required header of %s", name, sheet, ds)
			}
			for _, r := range rows[info.headerRow:] {
				rec := map[string]string{}
				for k, c := range r {
					if k < len(cols) && cols[k] != nil && strings.TrimSpace(c) != "" {
						rec[cols[k].Key] = c
					}
				}
				if len(rec) == 0 {
					continue
				}
				info.records = append(info.records, rec)
				p.byDS[ds] = append(p.byDS[ds], rec)
			}
			p.sheets = append(p.sheets, info)
		}
		f.Close()
	}
	return p
}

func generate(t *testing.T, opts Options) (*schema.Catalog, map[string][]byte, *parsed) {
	t.Helper()
	cat := schema.MustDefault()
	files, err := Generate(cat, opts)
	if err != nil {
		t.Fatal(err)
	}
	return cat, files, parse(t, cat, files)
}

func TestSameSeedSameBytes(t *testing.T) {
	cat := schema.MustDefault()
	opts := Options{Scale: 600, Seed: 42}
	a, err := Generate(cat, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(cat, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("two runs made %d and %d files", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	c, err := Generate(cat, Options{Scale: 600, Seed: 43})
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for name := range a {
		if bytes.Equal(a[name], c[name]) {
			same++
		}
	}
	if same == len(a) {
		t.Errorf("seeds 42 and 43 made identical workbooks")
	}
}

func TestProportions(t *testing.T) {
	tests := []struct {
		name  string
		scale int
	}{
		{"tiny", 10},
		{"small", 40},
		{"default", 0},
		{"split over workbooks", 2000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, files, p := generate(t, Options{Scale: tt.scale, Seed: 1})
			want := counts(tt.scale)
			total := 0
			for ds, n := range want {
				if got := len(p.byDS[ds]); got != n {
					t.Errorf("%s: %d records, want %d", ds, got, n)
				}
				if n < 4 {
					t.Errorf("%s: only %d records", ds, n)
				}
				total += n
			}
			scale := tt.scale
			if scale == 0 {
				scale = DefaultScale
			}
			if scale >= 100 {
				if total != scale {
					t.Errorf("total = %d records, want %d", total, scale)
				}
				for ds, share := range map[string]float64{"committees": .10, "activities": .45, "cases": .15, "reports": .30} {
					if got := float64(want[ds]) / float64(total); got < share-0.02 || got > share+0.02 {
						t.Errorf("%s share = %.2f, want about %.2f", ds, got, share)
					}
				}
			}
			if scale >= 2000 {
				for _, ds := range []string{"committees", "activities", "cases", "reports"} {
					n := 0
					for name := range files {
						if strings.HasPrefix(name, ds+"/") {
							n++
						}
					}
					if n < 2 {
						t.Errorf("%s: %d workbooks in %s/, want several", ds, n, ds)
					}
				}
			}
		})
	}
}

// key normalises an id the way the contract says ids are compared.
func key(s string) string { return strings.ToUpper(strings.TrimSpace(fold.Width(s))) }

func TestReferencesAndUniqueIDs(t *testing.T) {
	_, _, p := generate(t, Options{Scale: 3000, Seed: 5})
	committees := map[string]bool{}
	for _, r := range p.byDS["committees"] {
		committees[key(r["id"])] = true
	}
	for _, r := range p.byDS["activities"] {
		if id := r["committee_id"]; !committees[key(id)] {
			t.Errorf("activity %s: committee_id %q is not a committee id", r["id"], id)
		}
	}
	for ds, recs := range p.byDS {
		seen := map[string]bool{}
		for _, r := range recs {
			id := r["id"]
			if id == "" {
				if ds != "reports" {
					t.Errorf("%s: a record has no id", ds)
				}
				continue
			}
			if seen[key(id)] {
				t.Errorf("%s: id %q appears twice", ds, id)
			}
			seen[key(id)] = true
		}
	}
	pairs := map[string]bool{}
	blank := 0
	for _, r := range p.byDS["reports"] {
		k := r["body"] + "|" + canonicalPeriod(r["period"])
		if pairs[k] {
			t.Errorf("reports: body and period %q appear twice", k)
		}
		pairs[k] = true
		if r["id"] == "" {
			blank++
		}
	}
	if blank == 0 {
		t.Errorf("reports: no report without an id")
	}
}

func canonicalPeriod(s string) string {
	r := strings.NewReplacer("年第一季度", "-Q1", "年第二季度", "-Q2", "年第三季度", "-Q3", "年第四季度", "-Q4",
		"年上半年", "-H1", "年下半年", "-H2", "年", "", "H", "-H", "Q", "-Q")
	return r.Replace(s)
}

var idPattern = regexp.MustCompile(`\d{6} ?\d{8} ?\d{3}[\dX]`)

func TestChecksums(t *testing.T) {
	cat, _, p := generate(t, Options{Scale: 3000, Seed: 9})
	var usccs, ids, inText int
	for _, d := range cat.Datasets {
		for _, r := range p.byDS[d.Name] {
			for _, fd := range d.Fields {
				v := fold.Width(r[fd.Key])
				switch {
				case v == "":
				case fd.Type == schema.USCC:
					usccs++
					if !pii.USCCValid(strings.ToUpper(strings.TrimSpace(v))) {
						t.Errorf("%s %s: %s = %q has a bad check character", d.Name, r["id"], fd.Key, v)
					}
				case fd.Key == "lead_id_number" || fd.Key == "person_id_numbers":
					for _, id := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '；' || r == '\n' }) {
						ids++
						if !pii.IDValid(id) {
							t.Errorf("%s %s: %s = %q is not a valid identity number", d.Name, r["id"], fd.Key, id)
						}
					}
				case fd.Type == schema.FreeText:
					for _, m := range idPattern.FindAllString(v, -1) {
						inText++
						if id := strings.ReplaceAll(m, " ", ""); !pii.IDValid(id) {
							t.Errorf("%s %s: identity number %q in %s is not valid", d.Name, r["id"], m, fd.Key)
						}
					}
				}
			}
		}
	}
	if usccs < 100 || ids < 100 || inText == 0 {
		t.Errorf("checked %d credit codes, %d identity numbers in secret columns and %d in free text; want many of each", usccs, ids, inText)
	}
}

func TestCheckCharacters(t *testing.T) {
	tests := []struct {
		name string
		in   string
		ok   bool
		fn   func(string) bool
	}{
		{"uscc valid", "91110101MA00000018", true, pii.USCCValid[string]},
		{"uscc public institution", "121100004000000001", true, pii.USCCValid[string]},
		{"uscc bad check", "91110101MA00000019", false, pii.USCCValid[string]},
		{"uscc letter outside the alphabet", "91110101MA0000I018", false, pii.USCCValid[string]},
		{"uscc short", "91110101MA0000001", false, pii.USCCValid[string]},
		{"id valid", "110101198001011232", true, pii.IDValid[string]},
		{"id check X", "11010119900307002X", true, pii.IDValid[string]},
		{"id bad check", "110101198001011233", false, pii.IDValid[string]},
		{"id letters", "11010119800101A232", false, pii.IDValid[string]},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); got != tt.ok {
			t.Errorf("%s: valid(%q) = %v, want %v", tt.name, tt.in, got, tt.ok)
		}
	}
}

// parseDate reads every date form the generator writes.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(fold.Width(s))
	for _, layout := range []string{"2006-01-02", "2006/1/2", "2006.1.2", "20060102", "2006年1月2日"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 20000 && n < 80000 {
		return excelEpoch.AddDate(0, 0, int(n)), nil
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a date", s)
}

func TestDatesAreConsistent(t *testing.T) {
	asOf := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
	cat, _, p := generate(t, Options{Scale: 3000, Seed: 3, AsOf: asOf})
	forms := map[string]bool{}
	date := func(d, id, key string, r map[string]string) (time.Time, bool) {
		v, ok := r[key]
		if !ok {
			return time.Time{}, false
		}
		tm, err := parseDate(v)
		if err != nil {
			t.Errorf("%s %s: %s: %v", d, id, key, err)
			return time.Time{}, false
		}
		return tm, true
	}
	ordered := []struct {
		ds, early, late string
		strict          bool
	}{
		{"committees", "established_on", "registered_on", false},
		{"activities", "approved_on", "registered_on", false},
		{"activities", "approved_on", "rereview_on", false},
		{"activities", "start_on", "end_on", true},
		{"cases", "opened_on", "closed_on", true},
		{"cases", "closed_on", "publish_from", false},
		{"cases", "publish_from", "withdrawn_on", false},
	}
	for _, o := range ordered {
		for _, r := range p.byDS[o.ds] {
			a, okA := date(o.ds, r["id"], o.early, r)
			b, okB := date(o.ds, r["id"], o.late, r)
			if okA && okB && (b.Before(a) || (o.strict && !b.After(a))) {
				t.Errorf("%s %s: %s %s is after %s %s", o.ds, r["id"], o.early, r[o.early], o.late, r[o.late])
			}
		}
	}
	for _, d := range cat.Datasets {
		for _, r := range p.byDS[d.Name] {
			for _, fd := range d.Fields {
				if fd.Type != schema.Date {
					continue
				}
				tm, ok := date(d.Name, r["id"], fd.Key, r)
				if !ok {
					continue
				}
				forms[dateForm(r[fd.Key])] = true
				switch fd.Key {
				case "end_on", "start_on", "publish_from", "publish_until":
				default:
					if tm.After(asOf) {
						t.Errorf("%s %s: %s %s is after the as-of date", d.Name, r["id"], fd.Key, r[fd.Key])
					}
				}
			}
		}
	}
	for _, f := range []string{"serial", "2006-01-02", "2006/1/2", "2006.1.2", "20060102", "年月日", "full-width"} {
		if !forms[f] {
			t.Errorf("no date written as %s", f)
		}
	}
}

func dateForm(s string) string {
	switch {
	case s != fold.Width(s):
		return "full-width"
	case strings.Contains(s, "年"):
		return "年月日"
	case strings.Contains(s, "-"):
		return "2006-01-02"
	case strings.Contains(s, "/"):
		return "2006/1/2"
	case strings.Contains(s, "."):
		return "2006.1.2"
	case len(s) == 8:
		return "20060102"
	}
	return "serial"
}

func TestPublicationCases(t *testing.T) {
	asOf := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	_, _, p := generate(t, Options{Scale: 1000, Seed: 11, AsOf: asOf})
	counts := map[string]int{}
	for _, r := range p.byDS["cases"] {
		if v := r["publish"]; v == "否" || v == "N" || v == "no" || v == "FALSE" || v == "0" {
			counts["not public"]++
		}
		if r["withdrawn_on"] != "" {
			counts["withdrawn"]++
		}
		if v, ok := r["publish_from"]; ok {
			if tm, err := parseDate(v); err == nil && tm.After(asOf) {
				counts["embargoed"]++
			}
		}
		if v, ok := r["publish_until"]; ok {
			if tm, err := parseDate(v); err == nil && tm.Before(asOf) {
				counts["expired"]++
			}
		}
		if v := r["typical"]; v == "是" || v == "Y" || v == "yes" || v == "TRUE" || v == "1" || v == "√" {
			counts["typical"]++
		}
	}
	for _, k := range []string{"not public", "withdrawn", "embargoed", "expired", "typical"} {
		if counts[k] == 0 {
			t.Errorf("no %s case among %d", k, len(p.byDS["cases"]))
		}
	}
}

// TestMessiness checks that the workbooks exercise what the ingest must
// cope with, at the default scale.
func TestMessiness(t *testing.T) {
	cat, _, p := generate(t, Options{Seed: 1})
	has := map[string]bool{}
	for _, s := range p.sheets {
		d := cat.Dataset(strings.Split(strings.TrimSuffix(s.file, ".xlsx"), "/")[0])
		if s.headerRow > 1 {
			has["title rows"] = true
		}
		for _, h := range s.headers {
			fd, ok := d.MatchHeader(h)
			switch {
			case !ok:
			case h == fd.En:
				has["English headers"] = true
			case h == fd.Zh:
				has["Chinese headers"] = true
			case strings.HasPrefix(h, "*"):
				has["starred headers"] = true
			case strings.HasSuffix(h, "）") || strings.HasSuffix(h, ")"):
				has["headers with notes"] = true
			}
		}
		if len(s.unknown) > 0 {
			has["unknown column"] = true
			for _, u := range s.unknown {
				if u != "备注2" && u != "身份证复印件" {
					t.Errorf("%s!%s: header %q matches no field", s.file, s.sheet, u)
				}
			}
		}
	}
	perFile := map[string]int{}
	for _, s := range p.sheets {
		perFile[s.file]++
		if perFile[s.file] > 1 {
			has["two data sheets"] = true
		}
	}
	if len(p.hidden) > 0 {
		has["hidden sheet"] = true
	}
	if len(p.skipped) > 0 {
		has["instructions sheet"] = true
	}
	region := cat.Vocab("region")
	for _, d := range cat.Datasets {
		for _, r := range p.byDS[d.Name] {
			for _, fd := range d.Fields {
				v := strings.TrimSpace(r[fd.Key])
				if v == "" {
					continue
				}
				switch {
				case fd.Type == schema.Region:
					term, ok := region.Lookup(v)
					switch {
					case !ok:
						t.Errorf("%s %s: region %q is not in the vocabulary", d.Name, r["id"], v)
					case v == term.Code:
						has["region code"] = true
					case v == term.En:
						has["region in English"] = true
					case v == term.Zh:
						has["region full name"] = true
					default:
						has["region short name"] = true
					}
				case fd.Type == schema.Enum && !fd.List:
					term, ok := cat.Vocab(fd.Vocab).Lookup(v)
					switch {
					case !ok:
						t.Errorf("%s %s: %s %q is not in the vocabulary", d.Name, r["id"], fd.Key, v)
					case v == term.Code:
						has["enum code"] = true
					case v == term.En:
						has["enum English label"] = true
					case v == term.Zh:
						has["enum Chinese label"] = true
					default:
						has["enum synonym"] = true
					}
				case fd.Type == schema.Bool:
					has["bool "+v] = true
				}
			}
		}
	}
	for _, want := range []string{"title rows", "English headers", "Chinese headers", "headers with notes", "unknown column", "hidden sheet", "instructions sheet", "two data sheets",
		"region code", "region in English", "region full name", "region short name",
		"enum code", "enum English label", "enum Chinese label", "enum synonym",
		"bool 是", "bool 否", "bool Y", "bool N", "bool √"} {
		if !has[want] {
			t.Errorf("no workbook shows %s", want)
		}
	}
}

// TestScale100k measures the generator at 100,000 records.
func TestScale100k(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	stop := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var max uint64
		var m runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				peak <- max
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				if m.HeapInuse > max {
					max = m.HeapInuse
				}
			}
		}
	}()
	start := time.Now()
	files, err := Generate(schema.MustDefault(), Options{Scale: 100000, Seed: 1})
	took := time.Since(start)
	close(stop)
	heap := <-peak
	if err != nil {
		t.Fatal(err)
	}
	size := 0
	for _, b := range files {
		size += len(b)
	}
	t.Logf("100,000 records: %d workbooks, %.1f MB, %v, peak heap in use %.0f MB", len(files), float64(size)/1e6, took.Round(time.Millisecond), float64(heap)/1e6)
}

func BenchmarkGenerate(b *testing.B) {
	cat := schema.MustDefault()
	for _, scale := range []int{1000, 10000} {
		b.Run(strconv.Itoa(scale), func(b *testing.B) {
			for b.Loop() {
				if _, err := Generate(cat, Options{Scale: scale, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
