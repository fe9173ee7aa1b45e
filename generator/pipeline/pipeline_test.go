package pipeline

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"disclose/generator/config"
	"disclose/generator/schema"
	"disclose/generator/template"
)

// A data officer fills in the blank templates: the filled-in workbooks pass
// check and every row is read.
func TestFilledTemplatePassesCheck(t *testing.T) {
	cat := schema.MustDefault()
	files, err := template.Generate(cat)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]map[string]string{
		"committees": {
			"id": "KJLL-2024-0001", "name": "测试医院医学伦理委员会", "institution": "测试医院",
			"institution_type": "医疗卫生机构", "region": "浙江省", "fields": "医学、生命科学",
			"registered_on": "2024-03-20", "status": "有效", "chair": "测试某", "publish": "是",
		},
		"activities": {
			"id": "HR-2024-0001", "title": "侵入式脑机接口临床研究", "unit": "测试医院", "region": "浙江省",
			"field": "医学", "category": "侵入式脑机接口用于神经、精神类疾病治疗的临床研究",
			"committee_id": "KJLL-2024-0001", "approved_on": "2024-04-01", "rereview_result": "同意",
			"registered_on": "2024-05-01", "status": "进行中",
		},
		"cases": {
			"id": "AJ-2024-0001", "title": "某单位未经审查开展研究案", "region": "浙江省", "unit": "测试公司",
			"investigated_by": "浙江省科学技术厅", "closed_on": "2026-06-01", "violation_types": "未按规定开展伦理审查",
			"facts": "该单位未经伦理审查开展研究。", "penalties": "责令改正",
		},
		"reports": {
			"body": "浙江省科学技术厅", "body_type": "地方", "region": "浙江省", "period": "2024年上半年",
			"submitted_on": "2024-07-10", "trainings": "12",
		},
	}
	dir := t.TempDir()
	for name, data := range files {
		ds := cat.Dataset(strings.TrimSuffix(name, ".xlsx"))
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetList()[0]
		// The Chinese header row is row 2: fill row 4 under it, by header.
		header, err := f.GetRows(sheet)
		if err != nil || len(header) < 2 {
			t.Fatalf("%s: no header rows (%v)", name, err)
		}
		for col, h := range header[1] {
			fld, ok := ds.MatchHeader(h)
			if !ok {
				t.Fatalf("%s: template header %q matches no field", name, h)
			}
			if v, ok := rows[ds.Name][fld.Key]; ok {
				cell, _ := excelize.CoordinatesToCellName(col+1, 4)
				f.SetCellStr(sheet, cell, v)
			}
		}
		if err := f.SaveAs(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	res, err := Check(context.Background(), Options{Config: config.Default(), DataDir: dir, AsOf: "2026-11-01", Stdout: &stdout, Stderr: &stderr})
	if err != nil {
		t.Fatalf("Check: %v\n%s", err, stderr.String())
	}
	for _, c := range res.Loaded.Accounting() {
		if c.Read != 1 || c.Published != 1 {
			t.Errorf("%s: read %d, published %d; want 1 and 1\n%s", c.Dataset, c.Read, c.Published, stderr.String())
		}
	}
	if got := res.Loaded.Diags.Errors(); got != 0 {
		t.Errorf("%d errors:\n%s", got, stderr.String())
	}
}
