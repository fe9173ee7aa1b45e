package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"disclose/generator/pipeline"
	"disclose/generator/schema"
	"disclose/generator/template"
)

// inspections is a small fifth register, defined through the schema alone.
func inspections(t *testing.T) *schema.Catalog {
	t.Helper()
	cat := schema.MustDefault()
	if err := cat.AddVocab(&schema.Vocab{Name: "inspection_result", Zh: "检查结论", En: "Inspection result", Terms: []*schema.Term{
		{Code: "compliant", Zh: "合规", En: "Compliant"},
		{Code: "rectify", Zh: "限期整改", En: "Rectification ordered"},
	}}); err != nil {
		t.Fatal(err)
	}
	err := cat.Add(&schema.Dataset{
		Name: "inspections", Zh: "伦理监督检查", En: "Ethics inspections",
		ItemZh: "监督检查", ItemEn: "Inspection",
		TitleField: "title", DateField: "inspected_on", KindField: "result",
		Publication: schema.Publication{Switch: "publish"},
		Facets: []schema.Facet{
			{Key: "region", Field: "region", Zh: "地区", En: "Region"},
			{Key: "result", Field: "result"},
			{Key: "year", Field: "inspected_on", Year: true, Zh: "检查年份", En: "Year inspected"},
		},
		Stats: schema.Stats{Counts: []schema.Count{{Chart: "result", Field: "result"}}},
		Fields: []*schema.Field{
			{Key: "id", Zh: "检查编号", En: "Inspection No.", Type: schema.ID, Required: true},
			{Key: "title", Zh: "检查名称", En: "Inspection title", Type: schema.Text, Required: true},
			{Key: "unit", Zh: "被检查单位", En: "Unit inspected", Type: schema.Text, Recurs: true, Required: true},
			{Key: "region", Zh: "所在地区", En: "Region", Type: schema.Region, Vocab: "region", Required: true},
			{Key: "committee_id", Zh: "委员会登记编号", En: "Committee No.", Type: schema.ID, Ref: "committees"},
			{Key: "result", Zh: "检查结论", En: "Result", Type: schema.Enum, Vocab: "inspection_result", Required: true},
			{Key: "inspected_on", Zh: "检查日期", En: "Inspected on", Type: schema.Date, Required: true, Past: true},
			{Key: "findings", Zh: "检查发现", En: "Findings", Type: schema.FreeText},
			{Key: "publish", Zh: "是否公开", En: "Publish", Type: schema.Bool, DefaultTrue: true, Control: true},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// A fifth register added through the schema alone is in the officers'
// template, is checked, and reaches every download, the data package, the
// dictionary, its record pages, its list pages and its facets, in both
// languages.
func TestFifthRegisterThroughTheSchemaAlone(t *testing.T) {
	cat := inspections(t)

	// the blank workbook data officers start from has the column
	if h := templateHeaders(t, cat, "inspections"); !slices.Contains(h, "*检查结论") {
		t.Errorf("the template's header row of the fifth register = %q, want *检查结论 (required) among them", h)
	}

	books2 := seeded().books
	head := "| 检查编号 | 检查名称 | 被检查单位 | 所在地区 | 委员会登记编号 | 检查结论 | 检查日期 | 检查发现 |\n"
	good := "| JC-2025-001 | 甲测试医院伦理审查工作检查 | 甲测试医院 | 北京 | KJLL-2024-0001 | 限期整改 | 2025-06-01 | 档案不全，已责令整改。 |\n"
	bad := "| JC-2025-002 | 乙测试医院伦理审查工作检查 | 乙测试医院 | 北京 | KJLL-2024-9999 | 待定 | 2025-06-02 | |\n"

	// validation names the cells to fix
	books2["inspections.xlsx"] = "== 检查\n" + head + good + bad
	b := buildWith(t, books2, cat)
	if !errors.Is(b.err, pipeline.ErrData) {
		t.Fatalf("Build with a bad row = %v, want ErrData\n%s", b.err, b.stderr)
	}
	for _, want := range []string{"inspections.xlsx:检查!F3: result", "inspections.xlsx:检查!E3: committee_id"} {
		if !strings.Contains(b.stderr.String(), want) {
			t.Errorf("the errors do not name %q:\n%s", want, b.stderr)
		}
	}

	books2["inspections.xlsx"] = "== 检查\n" + head + good
	b = buildWith(t, books2, cat)
	if b.err != nil {
		t.Fatalf("Build: %v\n%s", b.err, b.stderr)
	}
	read := func(rel string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(b.out, rel))
		if err != nil {
			t.Errorf("no %s in the output", rel)
		}
		return string(data)
	}
	for _, c := range []struct{ file, want string }{
		{"downloads/inspections.csv", "result"},
		{"downloads/inspections.csv", "rectify"},
		{"downloads/inspections.json", "JC-2025-001"},
		{"downloads/datapackage.json", "inspections"},
		{"downloads/data-dictionary.json", "inspection_result"},
		{"data/index.html", "检查结论"},
		{"en/data/index.html", "Inspection result"},
		{"inspections/jc-2025-001/index.html", "甲测试医院伦理审查工作检查"},
		{"inspections/jc-2025-001/index.html", "限期整改"},
		{"en/inspections/jc-2025-001/index.html", "Rectification ordered"},
		{"inspections/index.html", "甲测试医院伦理审查工作检查"},
		{"en/inspections/index.html", "Ethics inspections"},
		{"inspections/result/rectify/index.html", "甲测试医院伦理审查工作检查"},
		{"inspections/region/110000/index.html", "甲测试医院伦理审查工作检查"},
		{"statistics/index.html", "伦理监督检查"},
	} {
		if s := read(c.file); s != "" && !strings.Contains(s, c.want) {
			t.Errorf("%s does not contain %q", c.file, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(b.out, "downloads", "inspections.xlsx")); err != nil {
		t.Errorf("no inspections.xlsx download: %v", err)
	}
}

// A field added to a register through the schema alone is in the template,
// read from the workbook, and published in the downloads and on the
// record page.
func TestNewFieldThroughTheSchemaAlone(t *testing.T) {
	cat := schema.MustDefault()
	if err := cat.AddField("committees", &schema.Field{Key: "website", Zh: "网站", En: "Website", Type: schema.Text}); err != nil {
		t.Fatal(err)
	}
	if h := templateHeaders(t, cat, "committees"); !slices.Contains(h, "网站") {
		t.Errorf("the committees template's header row = %q, want 网站 among them", h)
	}

	fx := seeded()
	books2 := fx.books
	c := books2["committees.xlsx"]
	lines := strings.Split(c, "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "| 登记编号"):
			lines[i] = l + " 网站 |"
		case strings.HasPrefix(l, "| KJLL-2024-0001 "):
			lines[i] = l + " https://ethics.jiaceshi.example |"
		case strings.HasPrefix(l, "| "):
			lines[i] = l + " |"
		}
	}
	books2["committees.xlsx"] = strings.Join(lines, "\n")
	b := buildWith(t, books2, cat)
	if b.err != nil {
		t.Fatalf("Build: %v\n%s", b.err, b.stderr)
	}
	for _, c := range []struct{ file, want string }{
		{"downloads/committees.csv", "website"},
		{"downloads/committees.csv", "https://ethics.jiaceshi.example"},
		{"committees/kjll-2024-0001/index.html", "https://ethics.jiaceshi.example"},
		{"en/committees/kjll-2024-0001/index.html", "Website"},
		{"downloads/data-dictionary.json", "website"},
	} {
		data, err := os.ReadFile(filepath.Join(b.out, c.file))
		if err != nil || !strings.Contains(string(data), c.want) {
			t.Errorf("%s does not contain %q (%v)", c.file, c.want, err)
		}
	}
}

// templateHeaders returns the Chinese header row of a register's blank
// workbook, as data officers see it.
func templateHeaders(t *testing.T, cat *schema.Catalog, dataset string) []string {
	t.Helper()
	books, err := template.Generate(cat)
	if err != nil {
		t.Fatal(err)
	}
	b, ok := books[dataset+".xlsx"]
	if !ok {
		t.Fatalf("template.Generate made no workbook for %s", dataset)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil || len(rows) < 2 {
		t.Fatalf("%s template: rows %v, %v", dataset, rows, err)
	}
	return rows[1]
}

// buildWith builds books with a catalog of its own.
func buildWith(t *testing.T, books map[string]string, cat *schema.Catalog) *built {
	t.Helper()
	root := t.TempDir()
	b := &built{root: root, data: filepath.Join(root, "data"), out: filepath.Join(root, "site", "public"), report: filepath.Join(root, "private", "report.json")}
	writeBooks(t, b.data, books)
	b.stdout, b.stderr = &bytes.Buffer{}, &bytes.Buffer{}
	b.res, b.err = pipeline.Build(context.Background(), pipeline.Options{
		Config: testConfig(root, ""), DataDir: b.data, OutDir: b.out, AsOf: asOf,
		Stdout: b.stdout, Stderr: b.stderr, Catalog: cat,
	})
	return b
}

// A build told to stop publishes nothing, leaves the previous output as it
// was and no staging folder behind, and says so.
func TestBuildStopsWhenTold(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "site", "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("the previous release"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(root, "data")
	writeBooks(t, data, seeded().books)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stderr bytes.Buffer
	_, err := pipeline.Build(ctx, pipeline.Options{Config: testConfig(root, ""), DataDir: data, OutDir: out, AsOf: asOf, Stderr: &stderr})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "as told") {
		t.Fatalf("Build after cancel = %v, want a stop that says so", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "the previous release" {
		t.Errorf("the previous output was changed: %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("%s left beside the output", e.Name())
		}
	}
}
