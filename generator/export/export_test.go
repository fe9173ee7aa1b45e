package export

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"disclose/generator/record"
	"disclose/generator/redact"
	"disclose/generator/schema"
)

// want is the value a reader of the downloads should get back for a
// column: what the public record holds, typed.
func want(c column, r *redact.Record) record.Value {
	if c.Field.Type == schema.Bool {
		return record.Value{Bool: r.Bool(c.Field.Key)}
	}
	v, ok := r.Value(c.Field.Key)
	if !ok {
		return record.Value{}
	}
	if c.Label != "" {
		return record.Value{Str: c.vocab.Term(v.Str).Label(c.Label)}
	}
	return v
}

// parseText reads cell text back the way the data dictionary tells users
// to: lists split on "|", one added apostrophe removed from CSV text.
func parseText(t *testing.T, c column, cell string, fromCSV bool) record.Value {
	t.Helper()
	if fromCSV && c.textual() && strings.HasPrefix(cell, "'") {
		cell = cell[1:]
	}
	switch {
	case cell == "":
		return record.Value{}
	case c.Field.List && c.Label == "":
		return record.Value{List: strings.Split(strings.ReplaceAll(cell, listSeparatorStandIn, "\x00"), listSeparator)}
	case c.Field.Type == schema.Int:
		i, err := strconv.ParseInt(cell, 10, 64)
		if err != nil {
			t.Fatalf("%s: integer cell %q: %v", c.Key, cell, err)
		}
		return record.Value{Int: i}
	case c.Field.Type == schema.Bool:
		v, err := strconv.ParseBool(cell)
		if err != nil {
			t.Fatalf("%s: boolean cell %q: %v", c.Key, cell, err)
		}
		return record.Value{Bool: v}
	}
	return record.Value{Str: cell}
}

// sameValue compares a parsed value with the public one; an item's "|" is
// published as "｜", which parseText marked with NUL.
func sameValue(got, want record.Value) bool {
	for i := range got.List {
		got.List[i] = strings.ReplaceAll(got.List[i], "\x00", listSeparator)
	}
	return reflect.DeepEqual(got, want)
}

func TestRoundTrip(t *testing.T) {
	cat := schema.MustDefault()
	in := input(t, cat, fixture(t, cat))
	out := generate(t, in)
	for _, d := range cat.Datasets {
		cols := columns(cat, d)
		recs := in.Records[d.Name]
		t.Run(d.Name+".csv", func(t *testing.T) {
			body := out.Files["downloads/"+d.Name+".csv"]
			if !bytes.HasPrefix(body, []byte(bom)) {
				t.Fatalf("%s.csv does not start with a UTF-8 BOM", d.Name)
			}
			if ends, bare := recordEnds(body); ends != len(recs)+1 || bare != 0 {
				t.Errorf("%s.csv has %d CRLF record ends and %d bare LF, want %d and 0", d.Name, ends, bare, len(recs)+1)
			}
			rows, err := csv.NewReader(bytes.NewReader(body[len(bom):])).ReadAll()
			if err != nil {
				t.Fatalf("read %s.csv: %v", d.Name, err)
			}
			checkRows(t, cols, recs, rows, 1, true)
		})
		t.Run(d.Name+".xlsx", func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(out.Files["downloads/"+d.Name+".xlsx"]))
			if err != nil {
				t.Fatalf("open %s.xlsx: %v", d.Name, err)
			}
			defer f.Close()
			if got := f.GetSheetList(); !slices.Equal(got, []string{d.Name, fieldsSheet}) {
				t.Fatalf("sheets = %q, want %q", got, []string{d.Name, fieldsSheet})
			}
			rows, err := f.GetRows(d.Name)
			if err != nil {
				t.Fatal(err)
			}
			comments, err := f.GetComments(d.Name)
			if err != nil {
				t.Fatal(err)
			}
			note := map[string]string{}
			for _, c := range comments {
				var b strings.Builder
				for _, p := range c.Paragraph {
					b.WriteString(p.Text)
				}
				note[c.Cell] = b.String()
			}
			fields, err := f.GetRows(fieldsSheet)
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range cols {
				// one header row: the keys, as in the CSV and JSON
				if got := cellAt(rows, 0, i); got != c.Key {
					t.Errorf("header column %d = %q, want %q", i+1, got, c.Key)
				}
				// the labels one hover away, and on the fields sheet
				if got, want := note[cellName(i+1, 1)], c.Zh+"\n"+c.En; !strings.Contains(got, want) {
					t.Errorf("note of %s = %q, want %q", c.Key, got, want)
				}
				if got := strings.Join(fields[i+1][:3], "|"); got != c.Key+"|"+c.Zh+"|"+c.En {
					t.Errorf("fields sheet row %d = %q, want %q", i+2, got, c.Key+"|"+c.Zh+"|"+c.En)
				}
			}
			for _, row := range rows[xlsxHeaderRows:] {
				for i, c := range cols {
					if c.Field.Type == schema.Bool && i < len(row) {
						row[i] = strings.ToLower(row[i]) // Excel shows TRUE/FALSE
					}
				}
			}
			checkRows(t, cols, recs, rows, xlsxHeaderRows, false)
		})
		t.Run(d.Name+".json", func(t *testing.T) {
			var doc struct {
				Dataset, Release string
				Count            int
				Fields           []string
				Records          []map[string]any
			}
			dec := json.NewDecoder(bytes.NewReader(out.Files["downloads/"+d.Name+".json"]))
			dec.UseNumber()
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("decode %s.json: %v", d.Name, err)
			}
			if doc.Dataset != d.Name || doc.Release != in.AsOf || doc.Count != len(recs) || len(doc.Records) != len(recs) {
				t.Fatalf("%s.json header = %q %q %d (%d records), want %q %q %d", d.Name, doc.Dataset, doc.Release, doc.Count, len(doc.Records), d.Name, in.AsOf, len(recs))
			}
			for j, r := range recs {
				for _, c := range cols {
					got := fromJSON(t, c, doc.Records[j][c.Key])
					if w := want(c, r); !sameValue(got, w) {
						t.Errorf("%s.json record %s field %s = %+v, want %+v", d.Name, r.ID(), c.Key, got, w)
					}
				}
			}
		})
	}
}

// recordEnds counts the line ends outside quoted values: CRLF ones and
// bare LF ones.
func recordEnds(body []byte) (crlf, bare int) {
	quoted := false
	for i, c := range body {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n' && !quoted && i > 0 && body[i-1] == '\r':
			crlf++
		case c == '\n' && !quoted:
			bare++
		}
	}
	return crlf, bare
}

func cellAt(rows [][]string, r, c int) string {
	if r >= len(rows) || c >= len(rows[r]) {
		return ""
	}
	return rows[r][c]
}

func checkRows(t *testing.T, cols []column, recs []*redact.Record, rows [][]string, header int, fromCSV bool) {
	t.Helper()
	if fromCSV {
		var keys []string
		for _, c := range cols {
			keys = append(keys, c.Key)
		}
		if !slices.Equal(rows[0], keys) {
			t.Errorf("header = %q, want %q", rows[0], keys)
		}
	}
	if len(rows)-header != len(recs) {
		t.Fatalf("%d data rows, want %d", len(rows)-header, len(recs))
	}
	for j, r := range recs {
		for i, c := range cols {
			got := parseText(t, c, cellAt(rows, header+j, i), fromCSV)
			if w := want(c, r); !sameValue(got, w) {
				t.Errorf("record %s field %s = %+v, want %+v", r.ID(), c.Key, got, w)
			}
		}
	}
}

func fromJSON(t *testing.T, c column, v any) record.Value {
	t.Helper()
	switch v := v.(type) {
	case nil:
		return record.Value{}
	case string:
		return record.Value{Str: v}
	case bool:
		return record.Value{Bool: v}
	case json.Number:
		i, err := v.Int64()
		if err != nil {
			t.Fatalf("%s: %v", c.Key, err)
		}
		return record.Value{Int: i}
	case []any:
		var out record.Value
		for _, item := range v {
			out.List = append(out.List, item.(string))
		}
		return out
	}
	t.Fatalf("%s: unexpected JSON value %#v", c.Key, v)
	return record.Value{}
}

// TestFormulasStayText checks the cells a spreadsheet could run: the CSV
// cell gets an apostrophe, the XLSX cell is a text cell with the exact
// value and no formula.
func TestFormulasStayText(t *testing.T) {
	cat := schema.MustDefault()
	out := generate(t, input(t, cat, fixture(t, cat)))
	csvRows := readCSV(t, out.Files["downloads/committees.csv"])
	f, err := excelize.OpenReader(bytes.NewReader(out.Files["downloads/committees.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cols := columns(cat, cat.Dataset("committees"))
	colOf := func(key string) int {
		return slices.IndexFunc(cols, func(c column) bool { return c.Key == key })
	}
	tests := []struct {
		name     string
		row      int // data row, 0-based, records sorted by id
		key      string
		value    string
		wantCSV  string
		wantXLSX string
	}{
		{"hyperlink", 0, "name", "", `'=HYPERLINK("http://evil.example/","点击")`, `=HYPERLINK("http://evil.example/","点击")`},
		{"plus", 0, "institution", "", "'+1 示例大学", "+1 示例大学"},
		{"minus", 0, "notes", "", "'-2+3\n第二行, \"引号\"", "-2+3\n第二行, \"引号\""},
		{"at", 1, "name", "", "'@SUM(A1:A9)", "@SUM(A1:A9)"},
		{"tab", 1, "institution", "", "'\t示例研究院", "\t示例研究院"},
		{"carriage return", 1, "notes", "", "'\r开头的备注", "\r开头的备注"},
		{"plain text untouched", 0, "contact_email", "", "ethics@univ.example.edu.cn", "ethics@univ.example.edu.cn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col := colOf(tt.key)
			if got := csvRows[tt.row+1][col]; got != tt.wantCSV {
				t.Errorf("CSV %s = %q, want %q", tt.key, got, tt.wantCSV)
			}
			cell := cellName(col+1, tt.row+xlsxHeaderRows+1)
			got, err := f.GetCellValue("committees", cell)
			if err != nil || got != tt.wantXLSX {
				t.Errorf("XLSX %s %s = %q, %v, want %q", cell, tt.key, got, err, tt.wantXLSX)
			}
			if formula, _ := f.GetCellFormula("committees", cell); formula != "" {
				t.Errorf("XLSX %s has formula %q, want none", cell, formula)
			}
		})
	}
	for _, name := range []string{"committees", "activities", "cases", "reports"} {
		for _, e := range zipEntries(t, out.Files["downloads/"+name+".xlsx"]) {
			if strings.HasPrefix(e.name, "xl/worksheets/") && (bytes.Contains(e.body, []byte("<f>")) || bytes.Contains(e.body, []byte("<f "))) {
				t.Errorf("%s.xlsx %s holds a formula", name, e.name)
			}
		}
	}
}

func TestNeutralize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"equals", "=1+1", "'=1+1"},
		{"plus", "+1", "'+1"},
		{"minus", "-2+3", "'-2+3"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\tx", "'\tx"},
		{"carriage return", "\rx", "'\rx"},
		{"apostrophe", "'quoted'", "''quoted'"},
		{"inner equals", "a=b", "a=b"},
		{"chinese", "示例", "示例"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := neutralize(tt.in); got != tt.want {
				t.Errorf("neutralize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestXLSXKeepsCodesAsText checks that ids with leading zeros and
// 18-character credit codes are text cells, not numbers that a
// spreadsheet would round or strip.
func TestXLSXKeepsCodesAsText(t *testing.T) {
	cat := schema.MustDefault()
	out := generate(t, input(t, cat, fixture(t, cat)))
	tests := []struct {
		name, dataset, key, want string
	}{
		{"leading zeros", "committees", "id", "007"},
		{"credit code", "committees", "credit_code", fakeCreditCode},
		{"date", "committees", "registered_on", "2023-03-20"},
		{"region code", "committees", "region", "110000"},
		{"reference with leading zeros", "activities", "committee_id", "007"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(out.Files["downloads/"+tt.dataset+".xlsx"]))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cols := columns(cat, cat.Dataset(tt.dataset))
			cell := cellName(slices.IndexFunc(cols, func(c column) bool { return c.Key == tt.key })+1, xlsxHeaderRows+1)
			got, _ := f.GetCellValue(tt.dataset, cell)
			typ, _ := f.GetCellType(tt.dataset, cell)
			if got != tt.want || typ != excelize.CellTypeInlineString {
				t.Errorf("%s!%s (%s) = %q (type %v), want %q as text", tt.dataset, cell, tt.key, got, typ, tt.want)
			}
		})
	}
	if !strings.HasPrefix(fakeCreditCode, "91110108MA01W8XK3") || len(fakeCreditCode) != 18 {
		t.Fatalf("fake credit code %q is malformed", fakeCreditCode)
	}
}

func TestDeterministic(t *testing.T) {
	cat := schema.MustDefault()
	recs := append(fixture(t, cat), synthetic(cat, 40)...)
	first := generate(t, input(t, cat, recs))
	run := func() *Output {
		// Fresh input each time, so that nothing is shared between runs.
		in := input(t, cat, recs)
		in.Previous = first.Manifest
		in.AsOf = "2026-11-25"
		return generate(t, in)
	}
	a, again := run(), run()
	if len(a.Files) != len(again.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(again.Files))
	}
	for p, body := range a.Files {
		if !bytes.Equal(body, again.Files[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
	if !reflect.DeepEqual(a.Downloads, again.Downloads) {
		t.Errorf("Downloads differ between two runs")
	}
	for _, p := range []string{"downloads/committees.xlsx", "downloads/disclose-data-2026-11-25.zip"} {
		for _, e := range zipEntries(t, a.Files[p]) {
			if got := e.modified.Format("2006-01-02 15:04:05"); got != "2026-11-25 00:00:00" {
				t.Errorf("%s: entry %s modified %s, want 2026-11-25 00:00:00", p, e.name, got)
			}
		}
	}
}

func TestSHA256SUMS(t *testing.T) {
	cat := schema.MustDefault()
	out := generate(t, input(t, cat, fixture(t, cat)))
	check := func(t *testing.T, sums []byte, files map[string][]byte) {
		t.Helper()
		lines := strings.Split(strings.TrimSuffix(string(sums), "\n"), "\n")
		if len(lines) != len(files) {
			t.Errorf("%d lines, want %d (one per file)", len(lines), len(files))
		}
		for _, line := range lines {
			sum, name, ok := strings.Cut(line, "  ")
			body, exists := files[name]
			if !ok || !exists {
				t.Errorf("line %q names no file", line)
				continue
			}
			h := sha256.Sum256(body)
			if got := hex.EncodeToString(h[:]); got != sum {
				t.Errorf("%s: SHA256SUMS says %s, the file hashes to %s", name, sum, got)
			}
		}
	}
	published := map[string][]byte{}
	for p, body := range out.Files {
		if strings.HasPrefix(p, Dir) && p != Dir+"SHA256SUMS" {
			published[strings.TrimPrefix(p, Dir)] = body
		}
	}
	t.Run("downloads", func(t *testing.T) { check(t, out.Files[Dir+"SHA256SUMS"], published) })
	t.Run("zip", func(t *testing.T) {
		inside := map[string][]byte{}
		var sums []byte
		for _, e := range zipEntries(t, out.Files[Dir+"disclose-data-2026-11-24.zip"]) {
			name := strings.TrimPrefix(e.name, "disclose-data-2026-11-24/")
			if name == "SHA256SUMS" {
				sums = e.body
				continue
			}
			inside[name] = e.body
			if !bytes.Equal(e.body, published[name]) {
				t.Errorf("zip entry %s differs from downloads/%s", name, name)
			}
		}
		if len(inside) != len(published)-1 {
			t.Errorf("zip holds %d files, want every download but the zip (%d)", len(inside), len(published)-1)
		}
		check(t, sums, inside)
	})
	for _, f := range out.Downloads {
		h := sha256.Sum256(out.Files[f.Path])
		if f.SHA256 != hex.EncodeToString(h[:]) || f.Size != int64(len(out.Files[f.Path])) {
			t.Errorf("Downloads entry %s: size %d hash %s do not match the file", f.Path, f.Size, f.SHA256)
		}
	}
}

func TestChangelog(t *testing.T) {
	cat := schema.MustDefault()
	base := fixture(t, cat)
	first := generate(t, input(t, cat, base))
	prev, err := ReadManifest(bytes.NewReader(first.Files[Dir+"manifest.json"]))
	if err != nil {
		t.Fatalf("ReadManifest: %v", err)
	}
	if !reflect.DeepEqual(prev, first.Manifest) {
		t.Fatalf("ReadManifest(manifest.json) differs from Output.Manifest")
	}
	if first.Changes != nil || first.Files[Dir+"changes.json"] != nil {
		t.Errorf("first release has a changelog, want none")
	}

	next := fixture(t, cat)
	// Change two fields of one committee, drop a case, add a report.
	next[0].Values["status"] = s("revoked")
	next[0].Values["members"] = n(9)
	next = slices.DeleteFunc(next, func(r *record.Record) bool { return r.ID == "AJ-2024-003" })
	next = append(next, rec(cat, "reports", "BG-2025-001", map[string]record.Value{
		"body": s("示例市科学技术局"), "body_type": s("locality"), "region": s("330000"),
		"period": s("2025"), "submitted_on": s("2026-01-05"),
	}))
	in := input(t, cat, next)
	in.AsOf = "2026-11-25"
	in.Previous = prev
	out := generate(t, in)
	cl := out.Changes
	if cl == nil {
		t.Fatal("Changes = nil, want a changelog")
	}
	got := map[string][]string{}
	for kind, list := range map[string][]Change{"added": cl.Added, "changed": cl.Changed, "removed": cl.Removed} {
		for _, c := range list {
			got[kind] = append(got[kind], c.Dataset+"/"+c.ID+" "+strings.Join(c.Fields, ","))
		}
	}
	want := map[string][]string{
		"added":   {"reports/BG-2025-001 "},
		"changed": {"committees/007 status,members"},
		"removed": {"cases/AJ-2024-003 "},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changes = %q, want %q", got, want)
	}
	if cl.Since != "2026-11-24" || cl.Release != "2026-11-25" {
		t.Errorf("changelog covers %s → %s, want 2026-11-24 → 2026-11-25", cl.Since, cl.Release)
	}
	if r := cl.Removed[0]; r.Title != "" || r.URL != "" {
		t.Errorf("removed record carries title %q and URL %q, want neither", r.Title, r.URL)
	}
	if a := cl.Added[0]; a.URL != "https://example.org/ethics/reports/bg-2025-001/" || a.URLEn != "https://example.org/ethics/en/reports/bg-2025-001/" {
		t.Errorf("added record URLs = %q, %q", a.URL, a.URLEn)
	}

	feed := string(out.Files[Dir+"changes.xml"])
	for _, w := range []string{
		`<feed xmlns="http://www.w3.org/2005/Atom"`,
		"<updated>2026-11-25T00:00:00Z</updated>",
		"<id>tag:example.org,2026-11-25:/ethics/committees/007/changed</id>",
		"<id>tag:example.org,2026-11-25:/ethics/cases/aj-2024-003/removed</id>",
		"状态 Status, 委员人数 Members",
	} {
		if !strings.Contains(feed, w) {
			t.Errorf("changes.xml lacks %q", w)
		}
	}
	if n, c := strings.Count(feed, "<entry>"), strings.Count(feed, `<content type="text">`); n != 3 || c != 3 {
		t.Errorf("changes.xml has %d entries and %d contents, want 3 of each", n, c)
	}
	var decoded Changelog
	if err := json.Unmarshal(out.Files[Dir+"changes.json"], &decoded); err != nil || !reflect.DeepEqual(&decoded, cl) {
		t.Errorf("changes.json does not decode to Output.Changes (%v)", err)
	}

	// The same data again: nothing changed.
	in.Previous = out.Manifest
	in.AsOf = "2026-11-26"
	third := generate(t, in)
	same := third.Changes
	if len(same.Added)+len(same.Changed)+len(same.Removed) != 0 {
		t.Errorf("unchanged data gives changes %+v, want none", same)
	}

	// Each record's history across the three releases: first published,
	// last changed.
	history := map[string]string{}
	for _, r := range third.Manifest.Records {
		history[r.Dataset+"/"+r.ID] = r.First + " " + r.Changed
	}
	for id, want := range map[string]string{
		"committees/007":            "2026-11-24 2026-11-25", // changed in the second release
		"committees/KJLL-2023-0012": "2026-11-24 2026-11-24",
		"reports/BG-2025-001":       "2026-11-25 2026-11-25", // added in the second
	} {
		if history[id] != want {
			t.Errorf("%s: first and last changed %q, want %q", id, history[id], want)
		}
	}

	// A manifest of the first layout (no history) dates its records by
	// its release.
	v1 := strings.NewReplacer(`"disclose-manifest/2"`, `"disclose-manifest/1"`, `,"first":"2026-11-24","changed":"2026-11-24"`, "").Replace(string(first.Files[Dir+"manifest.json"]))
	// which kept sixteen digits of each field's hash
	v1 = regexp.MustCompile(`":"([0-9a-f]{8})"`).ReplaceAllString(v1, `":"${1}5eed5eed"`)
	old, err := ReadManifest(strings.NewReader(v1))
	if err != nil {
		t.Fatalf("ReadManifest(version 1): %v", err)
	}
	if old.Records[0].First != "" {
		t.Fatalf("the version 1 manifest still has history: %+v", old.Records[0])
	}
	in.Previous = old
	after := generate(t, in)
	if c := after.Changes; len(c.Changed) != 1 || strings.Join(c.Changed[0].Fields, ",") != "status,members" {
		t.Errorf("after a version 1 manifest, changed = %+v, want committees/007 with status and members only", c.Changed)
	}
	for _, r := range after.Manifest.Records {
		if r.Dataset+"/"+r.ID == "committees/KJLL-2023-0012" && (r.First != "2026-11-24" || r.Changed != "2026-11-24") {
			t.Errorf("after a version 1 manifest: %+v, want first and changed 2026-11-24", r)
		}
	}
}

func TestReadManifestRejects(t *testing.T) {
	tests := []struct{ name, in string }{
		{"not json", "release: 2026-01-01"},
		{"wrong format", `{"format":"other/1","release":"2026-01-01","records":[]}`},
		{"bad date", `{"format":"disclose-manifest/1","release":"2026/01/01","records":[]}`},
		{"unknown key", `{"format":"disclose-manifest/1","release":"2026-01-01","records":[],"extra":1}`},
		{"duplicate", `{"format":"disclose-manifest/1","release":"2026-01-01","records":[{"dataset":"cases","id":"A"},{"dataset":"cases","id":"A"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ReadManifest(strings.NewReader(tt.in)); err == nil {
				t.Errorf("ReadManifest(%q) = nil error, want an error", tt.in)
			}
		})
	}
}

func TestRecordJSON(t *testing.T) {
	cat := schema.MustDefault()
	out := generate(t, input(t, cat, fixture(t, cat)))
	var doc struct {
		Dataset, ID, Slug, Title, URL string
		URLEn                         string `json:"url_en"`
		Values                        map[string]json.RawMessage
	}
	body := out.Files["committees/007/index.json"]
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("committees/007/index.json: %v", err)
	}
	tests := []struct{ name, got, want string }{
		{"url", doc.URL, "https://example.org/ethics/committees/007/"},
		{"url_en", doc.URLEn, "https://example.org/ethics/en/committees/007/"},
		{"title", doc.Title, `=HYPERLINK("http://evil.example/","点击")`},
		{"region", string(doc.Values["region"]), `{"code":"110000","zh":"北京市","en":"Beijing"}`},
		{"fields", string(doc.Values["fields"]), `[{"code":"ai","zh":"人工智能","en":"Artificial intelligence"},{"code":"medicine","zh":"医学","en":"Medicine"}]`},
		{"masked chair", string(doc.Values["chair"]), `"张某"`},
		{"blank", string(doc.Values["established_on"]), `"2019-03-01"`},
		{"int zero", string(doc.Values["members"]), `0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := json.Compact(&got, []byte(tt.got)); err != nil {
				got.WriteString(tt.got)
			}
			if got.String() != tt.want {
				t.Errorf("%s = %s, want %s", tt.name, got.String(), tt.want)
			}
		})
	}
	for p, body := range out.Files {
		for _, secret := range []string{"张三", "李四", "110101199003071234", "lead_id_number", "王五"} {
			if bytes.Contains(body, []byte(secret)) {
				t.Errorf("%s contains %q, which redaction removed", p, secret)
			}
		}
	}
}

func TestDatapackage(t *testing.T) {
	cat := schema.MustDefault()
	out := generate(t, input(t, cat, fixture(t, cat)))
	var dp struct {
		Created   string
		Licenses  []struct{ Name, Path string }
		Resources []struct {
			Name, Path, Hash string
			Bytes            int
			Schema           struct {
				Fields []struct {
					Name, Type  string
					Constraints struct {
						Required bool
						Enum     []string
						Pattern  string
					}
				}
				PrimaryKey  []string
				ForeignKeys []struct {
					Fields    []string
					Reference struct {
						Resource string
						Fields   []string
					}
				}
			}
		}
	}
	if err := json.Unmarshal(out.Files[Dir+"datapackage.json"], &dp); err != nil {
		t.Fatal(err)
	}
	if dp.Created != "2026-11-24T00:00:00Z" || len(dp.Licenses) != 1 || dp.Licenses[0].Name != "CC-BY-4.0" {
		t.Errorf("created %q licences %+v", dp.Created, dp.Licenses)
	}
	if len(dp.Resources) != len(cat.Datasets) {
		t.Fatalf("%d resources, want %d", len(dp.Resources), len(cat.Datasets))
	}
	for _, r := range dp.Resources {
		body := out.Files[Dir+r.Path]
		h := sha256.Sum256(body)
		if r.Hash != "sha256:"+hex.EncodeToString(h[:]) || r.Bytes != len(body) {
			t.Errorf("resource %s: hash %s bytes %d do not match %s", r.Name, r.Hash, r.Bytes, r.Path)
		}
		header := readCSV(t, body)[0]
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
		}
		if !slices.Equal(names, header) {
			t.Errorf("resource %s: schema fields %q, CSV header %q", r.Name, names, header)
		}
		if !slices.Equal(r.Schema.PrimaryKey, []string{"id"}) {
			t.Errorf("resource %s: primary key %q, want id", r.Name, r.Schema.PrimaryKey)
		}
		if r.Name == "activities" {
			if len(r.Schema.ForeignKeys) != 1 || r.Schema.ForeignKeys[0].Fields[0] != "committee_id" || r.Schema.ForeignKeys[0].Reference.Resource != "committees" {
				t.Errorf("activities foreign keys = %+v, want committee_id → committees.id", r.Schema.ForeignKeys)
			}
		}
		for _, f := range r.Schema.Fields {
			if f.Name == "status" && r.Name == "committees" && !slices.Equal(f.Constraints.Enum, []string{"active", "suspended", "revoked", "deregistered"}) {
				t.Errorf("committees.status enum = %q", f.Constraints.Enum)
			}
			if f.Name == "registered_on" && (f.Type != "date" || !f.Constraints.Required) {
				t.Errorf("%s.registered_on type %q required %v, want a required date", r.Name, f.Type, f.Constraints.Required)
			}
		}
	}
}

func TestGenerateRejects(t *testing.T) {
	cat := schema.MustDefault()
	tests := []struct {
		name string
		edit func(*Input)
	}{
		{"no catalog", func(in *Input) { in.Catalog = nil }},
		{"bad date", func(in *Input) { in.AsOf = "24.11.2026" }},
		{"unknown dataset", func(in *Input) { in.Records["other"] = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(t, cat, fixture(t, cat))
			tt.edit(&in)
			if _, err := Generate(context.Background(), in); err == nil {
				t.Errorf("Generate with %s = nil error, want an error", tt.name)
			}
		})
	}
}

func readCSV(t *testing.T, body []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte(bom)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

type entry struct {
	name     string
	body     []byte
	modified interface{ Format(string) string }
}

func zipEntries(t *testing.T, b []byte) []entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, entry{f.Name, body, f.Modified})
		names = append(names, f.Name)
	}
	if !slices.IsSorted(names) {
		t.Errorf("zip entries are not sorted: %q", names)
	}
	return out
}

func TestForeignKeyOnlyWhenItHolds(t *testing.T) {
	cat := schema.MustDefault()
	recs := slices.DeleteFunc(fixture(t, cat), func(r *record.Record) bool { return r.ID == "007" })
	out := generate(t, input(t, cat, recs))
	if bytes.Contains(out.Files[Dir+"datapackage.json"], []byte("foreignKeys")) {
		t.Errorf("datapackage.json declares a foreign key although committee 007 is not published")
	}
	out = generate(t, input(t, cat, fixture(t, cat)))
	if !bytes.Contains(out.Files[Dir+"datapackage.json"], []byte("foreignKeys")) {
		t.Errorf("datapackage.json lacks the foreign key activities.committee_id → committees.id")
	}
}

func TestEmptyRelease(t *testing.T) {
	cat := schema.MustDefault()
	in := input(t, cat, nil)
	in.BaseURL = "/"
	in.Previous = &Manifest{Format: ManifestFormat, Release: "2026-11-23", Records: []ManifestRecord{{Dataset: "cases", ID: "AJ-1", Slug: "aj-1"}}}
	out := generate(t, in)
	if got := readCSV(t, out.Files[Dir+"cases.csv"]); len(got) != 1 {
		t.Errorf("cases.csv of an empty release has %d rows, want the header only", len(got))
	}
	if !bytes.Contains(out.Files[Dir+"cases.json"], []byte(`"count":0`)) {
		t.Errorf("cases.json of an empty release does not say count 0")
	}
	if len(out.Changes.Removed) != 1 || out.Changes.Removed[0].ID != "AJ-1" {
		t.Errorf("removed = %+v, want AJ-1", out.Changes.Removed)
	}
	if feed := string(out.Files[Dir+"changes.xml"]); !strings.Contains(feed, "<id>urn:disclose:2026-11-24:cases:aj-1:removed</id>") {
		t.Errorf("changes.xml without a host lacks the URN entry id:\n%s", feed)
	}
}

// TestMarshalMatchesEncodingJSON guards the fast path of marshal.
func TestMarshalMatchesEncodingJSON(t *testing.T) {
	tests := []struct {
		name string
		in   any
	}{
		{"plain", "示例 text"},
		{"quotes and backslash", `a "b" \c`},
		{"controls", "a\nb\rc\td\x00e\x1f\b\f"},
		{"html stays", "<a href=\"x\">&</a>"},
		{"invalid utf-8", "a\xffb"},
		{"line separators", "a\u2028b\u2029c"},
		{"list", []string{"甲", "b\"c"}},
		{"empty list", []string{}},
		{"int", int64(-12)},
		{"bool", true},
		{"nil", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(tt.in); err != nil {
				t.Fatal(err)
			}
			if got := string(marshal(tt.in)); got != strings.TrimSuffix(want.String(), "\n") {
				t.Errorf("marshal(%q) = %s, want %s", tt.in, got, want.String())
			}
		})
	}
}

func TestFitCell(t *testing.T) {
	long := strings.Repeat("事", excelize.TotalCellChars+10)
	tests := []struct {
		name      string
		in        string
		truncated bool
	}{
		{"short", "示例", false},
		{"exactly full", strings.Repeat("a", excelize.TotalCellChars), false},
		{"too long", long, true},
		{"too long with surrogate pairs", strings.Repeat("𠀀", excelize.TotalCellChars/2+1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitCell(tt.in)
			units := len(utf16.Encode([]rune(got)))
			if units > excelize.TotalCellChars || strings.HasSuffix(got, xlsxTruncated) != tt.truncated || (!tt.truncated && got != tt.in) {
				t.Errorf("fitCell(%d runes) = %d UTF-16 units, truncated %v, want truncated %v", len([]rune(tt.in)), units, strings.HasSuffix(got, xlsxTruncated), tt.truncated)
			}
		})
	}
}

func TestDuplicateRecordIsAnError(t *testing.T) {
	cat := schema.MustDefault()
	recs := fixture(t, cat)
	recs = append(recs, rec(cat, "reports", "BG-2024-H1-001", map[string]record.Value{"body": s("重复")}))
	if _, err := Generate(context.Background(), input(t, cat, recs)); err == nil {
		t.Errorf("Generate with two records at reports/bg-2024-h1-001 = nil error, want an error")
	}
}

// TestMarshalFastPath: objects and vocabulary terms are written as
// encoding/json writes them without HTML escaping, whatever their text.
func TestMarshalFastPath(t *testing.T) {
	texts := []string{"", "A&B <b>", "引号\"与\\反斜杠", "行一\n行二\t", "\u2028\u2029", "bad \xff utf-8", "\x01\x1f"}
	reference := func(v any) string {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		return strings.TrimRight(b.String(), "\n")
	}
	for _, s := range texts {
		tm := term{Code: s, Zh: s + "中", En: "en " + s}
		if got, want := string(marshal(tm)), reference(struct {
			Code string `json:"code"`
			Zh   string `json:"zh"`
			En   string `json:"en"`
		}{tm.Code, tm.Zh, tm.En}); got != want {
			t.Errorf("term %q: %s, want %s", s, got, want)
		}
		if got, want := string(marshal([]term(nil))), reference([]term(nil)); got != want {
			t.Errorf("nil terms: %s, want %s", got, want)
		}
		o := object{{"s", s}, {"n", nil}, {"i", int64(-7)}, {"b", true}, {"l", []string{s, "x"}}, {"t", tm}, {"ts", []term{tm, {}}}, {"empty", []term{}}, {"o", object{{s, s}}}}
		got := string(marshal(o))
		var back []any
		if err := json.Unmarshal([]byte("["+got+"]"), &back); err != nil {
			t.Errorf("object %q: not valid JSON: %v\n%s", s, err, got)
			continue
		}
		if again := reference(json.RawMessage(got)); again != got {
			t.Errorf("object %q: not compact:\n%s\n%s", s, got, again)
		}
		if !strings.HasPrefix(got, `{"s":`+reference(s)+`,"n":null,"i":-7,"b":true,"l":[`+reference(s)+`,"x"],"t":`) {
			t.Errorf("object %q: %s", s, got)
		}
	}
}
