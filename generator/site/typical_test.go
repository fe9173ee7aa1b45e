package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/internal/testrecord"
	"disclose/generator/record"
	"disclose/generator/redact"
)

// principleContent writes hand-written principle pages as the education
// section has them: one file per principle naming its code.
func principleContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	pages := map[string]string{
		"risk-control.md":  "+++\ntitle = \"合理控制风险\"\n\n[params]\nprinciple = \"risk_control\"\n+++\n",
		"openness.md":      "+++\ntitle = \"保持公开透明\"\n\n[params]\nprinciple = \"openness\"\n+++\n",
		"right-to-life.md": "+++\ntitle = \"尊重生命权利\"\n[params]\n  principle = 'right_to_life'\n+++\n",
		"_index.md":        "+++\ntitle = \"原则\"\n+++\n",
	}
	for _, lang := range langs {
		d := filepath.Join(dir, lang, "education", "principles")
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, body := range pages {
			if err := os.WriteFile(filepath.Join(d, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func typicalInput(t *testing.T) Input {
	in := fixture(t, 0)
	in.Config.ContentDir = principleContent(t)
	cat := in.Catalog
	// A second, non-typical case breaching privacy: it must appear nowhere.
	extra := testrecord.New(cat, "cases", "AJ-2025-0002", "title", "示例研究所泄露个人信息案", "region", "110000",
		"unit", "示例研究所", "investigated_by", "北京市科学技术委员会", "closed_on", "2025-07-01",
		"violation_types", []string{"privacy"}, "facts", "经查属实。", "penalties", []string{"correction"})
	res, err := redact.Apply(cat, []*record.Record{extra}, nil, redact.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	in.Records["cases"] = append(append([]*redact.Record(nil), in.Records["cases"]...), res.Records["cases"]...)
	return in
}

// AJ-2025-0001 is typical and breaches no_review (risk_control, openness)
// and consent (right_to_life, well_being).
func TestTypicalPrinciples(t *testing.T) {
	in := typicalInput(t)
	idx, err := newIndex(in)
	if err != nil {
		t.Fatal(err)
	}
	data := typicalData(in, idx)
	zh, en := data["zh"], data["en"]
	if len(zh.Cases) != 1 || zh.Cases[0].Href != "cases/aj-2025-0001/" {
		t.Fatalf("typical cases = %+v, want only AJ-2025-0001", zh.Cases)
	}
	var got []string
	for _, p := range en.PrinciplesOf["AJ-2025-0001"] {
		got = append(got, p.Code+"="+p.Text+"@"+p.Href)
	}
	want := []string{
		"well_being=Improving human well-being@",
		"right_to_life=Respecting the right to life@education/principles/right-to-life/",
		"risk_control=Controlling risks reasonably@education/principles/risk-control/",
		"openness=Maintaining openness and transparency@education/principles/openness/",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("principles of AJ-2025-0001 =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	tests := []struct {
		principle string
		want      int
	}{{"risk_control", 1}, {"openness", 1}, {"right_to_life", 1}, {"well_being", 1}, {"fairness", 0}}
	for _, tt := range tests {
		t.Run(tt.principle, func(t *testing.T) {
			l := zh.ByPrinciple[tt.principle]
			if len(l) != tt.want {
				t.Fatalf("typical cases under %s = %+v, want %d", tt.principle, l, tt.want)
			}
			if tt.want > 0 && (l[0].Href != "cases/aj-2025-0001/" || l[0].Text != "示例大学未经伦理审查开展研究案") {
				t.Errorf("link under %s = %+v, want the AJ-2025-0001 case", tt.principle, l[0])
			}
		})
	}
}

func TestGeneratedPagesAndData(t *testing.T) {
	in := typicalInput(t)
	in.SuppressBelow = 3
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"content/statistics.md", "content/statistics.en.md", "content/data.md", "content/data.en.md", "data/typical.json", "data/withheld.json"} {
		if _, ok := files[name]; !ok {
			t.Errorf("Generate: no %s", name)
		}
	}
	var w map[string][]withheldSummary
	if err := json.Unmarshal(files["data/withheld.json"], &w); err != nil {
		t.Fatal(err)
	}
	var cases withheldSummary
	for _, s := range w["en"] {
		if s.Dataset == "cases" {
			cases = s
		}
	}
	// 2 embargoed and 1 withdrawn: both below the threshold of 3.
	if cases.Total != "at least 2" || len(cases.Reasons) != 2 || cases.Reasons[0].N != "fewer than 3" {
		t.Errorf("withheld cases = %+v, want the suppressed counts of the list page", cases)
	}
	if len(w["zh"]) != len(in.Catalog.Datasets) {
		t.Errorf("withheld summary lists %d datasets, want %d", len(w["zh"]), len(in.Catalog.Datasets))
	}
}

// A hand-written page where the generator writes the statistics or data
// page would silently lose to one of the two; the build refuses it.
func TestRefusesHandWrittenGeneratedPages(t *testing.T) {
	for _, name := range []string{"statistics.md", "data.md", "data"} {
		t.Run(name, func(t *testing.T) {
			in := fixture(t, 0)
			in.Config.ContentDir = t.TempDir()
			p := filepath.Join(in.Config.ContentDir, "en", name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("+++\n+++\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := Generate(in); err == nil || !strings.Contains(err.Error(), "generator writes") {
				t.Errorf("Generate with content/en/%s: error %v, want a refusal", name, err)
			}
		})
	}
}
