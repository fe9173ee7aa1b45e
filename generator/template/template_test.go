package template

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"disclose/generator/schema"
)

func open(t *testing.T, files map[string][]byte, name string) *excelize.File {
	t.Helper()
	b, ok := files[name]
	if !ok {
		t.Fatalf("Generate made no %s", name)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestGenerate(t *testing.T) {
	cat := schema.MustDefault()
	files, err := Generate(cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 {
		t.Errorf("Generate made %d files, want 4", len(files))
	}
	for _, d := range cat.Datasets {
		t.Run(d.Name, func(t *testing.T) {
			f := open(t, files, d.Name+".xlsx")
			sheets := f.GetSheetList()
			if want := []string{sheetName(d), instructionsSheet}; strings.Join(sheets, "|") != strings.Join(want, "|") {
				t.Fatalf("sheets = %q, want %q", sheets, want)
			}
			sheet := sheets[0]
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < englishRow {
				t.Fatalf("data sheet has %d rows, want at least %d", len(rows), englishRow)
			}
			if !strings.Contains(rows[0][0], d.Zh) || !strings.Contains(rows[0][0], d.En) {
				t.Errorf("title = %q, want both titles", rows[0][0])
			}
			merged, err := f.GetMergeCells(sheet)
			if err != nil {
				t.Fatal(err)
			}
			last, _ := excelize.ColumnNumberToName(len(d.Fields))
			if len(merged) != 1 || merged[0].GetStartAxis() != "A1" || merged[0].GetEndAxis() != last+"1" {
				t.Errorf("merged cells = %v, want the title banner A1:%s1 only", merged, last)
			}
			zh, en := rows[headerRow-1], rows[englishRow-1]
			if len(zh) != len(d.Fields) || len(en) != len(d.Fields) {
				t.Fatalf("header rows have %d and %d cells, want %d", len(zh), len(en), len(d.Fields))
			}
			for i, fd := range d.Fields {
				if got, ok := d.MatchHeader(zh[i]); !ok || got != fd {
					t.Errorf("Chinese header %q does not match field %s", zh[i], fd.Key)
				}
				if fd.Required != strings.HasPrefix(zh[i], "*") {
					t.Errorf("header %q: required = %v, but the star says otherwise", zh[i], fd.Required)
				}
				if en[i] != fd.En {
					t.Errorf("English header = %q, want %q", en[i], fd.En)
				}
			}

			dvs, err := f.GetDataValidations(sheet)
			if err != nil {
				t.Fatal(err)
			}
			bySqref := map[string]*excelize.DataValidation{}
			for _, dv := range dvs {
				bySqref[dv.Sqref] = dv
			}
			for i, fd := range d.Fields {
				col, _ := excelize.ColumnNumberToName(i + 1)
				sqref := fmt.Sprintf("%s%d:%s%d", col, firstData, col, lastRow)
				dv, has := bySqref[sqref]
				want := fd.Type == schema.Enum || fd.Type == schema.Region || fd.Type == schema.Bool
				if has != want {
					t.Errorf("%s (%s): dropdown = %v, want %v", fd.Key, sqref, has, want)
					continue
				}
				if !has {
					continue
				}
				labels := listValues(t, f, dv.Formula1)
				wantLabels := dropdown(cat, fd)
				if strings.Join(labels, "|") != strings.Join(wantLabels, "|") {
					t.Errorf("%s: dropdown = %q, want %q", fd.Key, labels, wantLabels)
				}
			}

			panes, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != englishRow || panes.XSplit != 1 {
				t.Errorf("panes = %+v, want frozen below row %d and after column A", panes, englishRow)
			}

			for i, fd := range d.Fields {
				col, _ := excelize.ColumnNumberToName(i + 1)
				cell := fmt.Sprintf("%s%d", col, firstData+10)
				id, err := f.GetCellStyle(sheet, cell)
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				var format string
				if st.CustomNumFmt != nil {
					format = *st.CustomNumFmt
				}
				want := ""
				switch fd.Type {
				case schema.Date:
					want = "yyyy-mm-dd"
				case schema.ID, schema.USCC, schema.Phone, schema.Secret:
					want = "@"
				}
				if format != want {
					t.Errorf("%s: number format of %s = %q, want %q", fd.Key, cell, format, want)
				}
			}

			inst, err := f.GetRows(instructionsSheet)
			if err != nil {
				t.Fatal(err)
			}
			explained := map[string]bool{}
			for _, r := range inst {
				if len(r) >= 3 && d.Field(r[2]) != nil {
					explained[r[2]] = r[0] == d.Field(r[2]).Zh && r[1] == d.Field(r[2]).En
				}
			}
			for _, fd := range d.Fields {
				if !explained[fd.Key] {
					t.Errorf("instructions sheet does not explain %s with both headers", fd.Key)
				}
			}
		})
	}
}

// listValues resolves a dropdown source such as '填表说明'!$AA$2:$AA$5.
func listValues(t *testing.T, f *excelize.File, formula string) []string {
	t.Helper()
	sheet, rng, ok := strings.Cut(formula, "!")
	if !ok {
		t.Fatalf("dropdown source %q is not a range", formula)
	}
	sheet = strings.Trim(sheet, "'")
	from, to, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
	c1, r1, err := excelize.CellNameToCoordinates(from)
	if err != nil {
		t.Fatal(err)
	}
	_, r2, err := excelize.CellNameToCoordinates(to)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for r := r1; r <= r2; r++ {
		cell, _ := excelize.CoordinatesToCellName(c1, r)
		v, err := f.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

func TestGenerateIsReproducible(t *testing.T) {
	cat := schema.MustDefault()
	a, err := Generate(cat)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(cat)
	if err != nil {
		t.Fatal(err)
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}
