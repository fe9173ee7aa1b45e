package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/diag"
	"disclose/generator/ingest"
	"disclose/generator/schema"
	"disclose/generator/xlsxtext"
)

func writeBook(t *testing.T, dir, name, desc string) string {
	t.Helper()
	data, err := xlsxtext.Build(desc)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type got struct {
	rows  []ingest.Row
	diags diag.List
	cols  []string
}

func read(t *testing.T, path string, ds string) got {
	t.Helper()
	cat := schema.MustDefault()
	var g got
	g.diags = ingest.Read(ingest.File{Path: path, Dataset: cat.Dataset(ds)}, ingest.Options{}, func(sh *ingest.Sheet, r ingest.Row) {
		if g.cols == nil {
			for _, f := range sh.Columns {
				if f == nil {
					g.cols = append(g.cols, "-")
				} else {
					g.cols = append(g.cols, f.Key)
				}
			}
		}
		g.rows = append(g.rows, r)
	})
	return g
}

const reportsHeader = "| 报告单位 | 单位类别 | 报告期 | 报告日期 |"

func TestHeaderBelowTitlesAndEnglishRowSkipped(t *testing.T) {
	dir := t.TempDir()
	p := writeBook(t, dir, "reports.xlsx", `
== 报告
| 2024年履职情况报告汇总表 |
merge A1:D1
| 填报单位（盖章）： |
| *报告单位 | 单位类别（必填） | 报告期 | 报告日期（yyyy-mm-dd） | 身份证号 |
| Reporting body | Body type | Period | Submitted on | |

| 浙江省科学技术厅 | 地方 | 2024 | 2025-01-10 | 110101199001011237 |
`)
	g := read(t, p, "reports")
	if len(g.rows) != 1 || g.rows[0].Pos.Row != 6 {
		t.Fatalf("rows = %+v, want one data row at row 6 (title, note, both header rows and the blank row skipped)", g.rows)
	}
	if strings.Join(g.cols, ",") != "body,body_type,period,submitted_on,-" {
		t.Errorf("columns = %v", g.cols)
	}
	if len(g.diags) != 1 || g.diags[0].Severity != diag.Warning || !strings.Contains(g.diags[0].String(), `E3: warning: column "身份证号" matches no field`) {
		t.Errorf("diagnostics = %v, want one warning about the unknown column at E3", g.diags)
	}
}

func TestSheetsSkippedAndReported(t *testing.T) {
	dir := t.TempDir()
	p := writeBook(t, dir, "reports.xlsx", `
== 填表说明
| 这里是说明 |
== 数据
`+reportsHeader+`
| 浙江省科学技术厅 | 地方 | 2024 | 2025-01-10 |
== 联系人 hidden
`+reportsHeader+`
| 张三 | 地方 | 2024 | 2025-01-10 |
`)
	g := read(t, p, "reports")
	if len(g.rows) != 1 || g.rows[0].Pos.Sheet != "数据" {
		t.Fatalf("rows = %+v, want only the visible data sheet's row", g.rows)
	}
	if len(g.diags) != 1 || g.diags[0].String() != p+":联系人: warning: hidden sheet not read; unhide it to publish its rows, or delete it if it holds personal data" {
		t.Errorf("diagnostics = %v", g.diags)
	}
}

func TestMissingHeadersNamed(t *testing.T) {
	dir := t.TempDir()
	p := writeBook(t, dir, "reports.xlsx", `
== 数据
| 报告单位 | 报告期 | 备注 |
| 浙江省科学技术厅 | 2024 | |
`)
	g := read(t, p, "reports")
	if len(g.rows) != 0 {
		t.Errorf("rows read from a sheet without a header: %+v", g.rows)
	}
	want := p + ":数据!1: header row lacks required column(s): 单位类别/Body type, 报告日期/Submitted on"
	if len(g.diags) != 1 || g.diags[0].String() != want {
		t.Errorf("diagnostics = %v\nwant %s", g.diags, want)
	}
}

func TestDuplicateColumn(t *testing.T) {
	dir := t.TempDir()
	p := writeBook(t, dir, "reports.xlsx", `
== 数据
| 报告单位 | 单位类别 | 报告期 | 报告日期 | Period |
`)
	g := read(t, p, "reports")
	if len(g.diags) != 1 || !strings.Contains(g.diags[0].String(), "数据!E1: period: second column for this field (the first is column C)") {
		t.Errorf("diagnostics = %v", g.diags)
	}
}

func TestNotAWorkbook(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "reports.xlsx")
	os.WriteFile(p, []byte("just text"), 0o644)
	g := read(t, p, "reports")
	if len(g.diags) != 1 || g.diags[0].String() != p+": not a readable .xlsx workbook (the file is not in .xlsx format)" {
		t.Errorf("diagnostics = %v", g.diags)
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"committees.xlsx", "activities/a.xlsx", "activities/b.xlsx", "activities/~$a.xlsx", "cases/old.xls", "notes.xlsx", "budget/x.xlsx"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	files, diags := ingest.Find(dir, schema.MustDefault())
	var names []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Path)
		names = append(names, f.Dataset.Name+":"+filepath.ToSlash(rel))
	}
	if strings.Join(names, " ") != "activities:activities/a.xlsx activities:activities/b.xlsx committees:committees.xlsx" {
		t.Errorf("files = %v", names)
	}
	var msgs []string
	for _, d := range diags {
		rel, _ := filepath.Rel(dir, d.Pos.File)
		msgs = append(msgs, filepath.ToSlash(rel)+": "+d.Message)
	}
	want := []string{
		"budget: folder is not a dataset (expected one of committees, activities, cases, reports); not read",
		"cases/old.xls: old or foreign workbook format; save it as .xlsx (Excel Workbook) and run again",
		"notes.xlsx: workbook name is not a dataset (expected one of committees, activities, cases, reports); not read",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestFindMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	files, diags := ingest.Find(dir, schema.MustDefault())
	want := dir + ": no data folder here: put the workbooks in " + dir + " or name the folder with --data"
	if len(files) != 0 || len(diags) != 1 || diags[0].String() != want {
		t.Errorf("Find(missing) = %v, %v; want the message %q", files, diags, want)
	}
}

// A row hidden in a visible sheet is handed on marked hidden, with a
// warning at its row; the rows around it are read as usual.
func TestHiddenRowIsMarkedAndWarned(t *testing.T) {
	dir := t.TempDir()
	p := writeBook(t, dir, "reports.xlsx", `== 报告
`+reportsHeader+`
| 甲单位 | 地方 | 2024 | 2024-07-01 |
hidden | 乙单位 | 地方 | 2024 | 2024-07-02 |
| 丙单位 | 地方 | 2024 | 2024-07-03 |
`)
	g := read(t, p, "reports")
	if len(g.rows) != 3 {
		t.Fatalf("got %d rows, want 3", len(g.rows))
	}
	for i, want := range []bool{false, true, false} {
		if g.rows[i].Hidden != want {
			t.Errorf("row %d (%s) Hidden = %v, want %v", g.rows[i].Pos.Row, g.rows[i].Cells[0], g.rows[i].Hidden, want)
		}
	}
	if len(g.diags) != 1 || g.diags[0].Pos.Row != 3 || !strings.Contains(g.diags[0].String(), "hidden row not published") {
		t.Errorf("diagnostics = %v, want one warning at row 3 about the hidden row", g.diags)
	}
}
