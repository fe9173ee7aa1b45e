package site

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"disclose/generator/internal/testrecord"
	"disclose/generator/record"
	"disclose/generator/redact"
	"disclose/generator/schema"
	"disclose/generator/words"
)

// fixture is a small register: two committees, activities reviewed by
// them, a case about the first committee's institution and a report; the
// names are invented.
func fixture(t testing.TB, extraActivities int) Input {
	t.Helper()
	cat := schema.MustDefault()
	recs := []*record.Record{
		testrecord.New(cat, "committees", "KJLL-2023-0001",
			"name", "示例大学科技伦理委员会", "institution", "示例大学",
			"credit_code", "12100000000000000X", "institution_type", "university",
			"region", "110000", "fields", []string{"life_sciences", "ai"},
			"registered_on", "2023-03-20", "status", "active", "members", int64(15),
			"chair", "张三", "entrusting_units", []string{"示例研究所", "示例医院"},
			"notes", "第一行说明。\n第二行说明。"),
		testrecord.New(cat, "committees", "国科伦审〔2023〕12号",
			"name", "示例医院医学伦理委员会", "institution", "示例医院",
			"institution_type", "medical", "region", "310000", "fields", []string{"medicine"},
			"registered_on", "2023-05-02", "status", "suspended"),
		testrecord.New(cat, "activities", "HR-2024-0001",
			"title", "侵入式脑机接口治疗难治性癫痫的临床研究", "title_en", "Invasive BCI for refractory epilepsy",
			"unit", "示例大学", "region", "110000", "lead", "李四", "lead_id_number", "110101199001011234",
			"field", "medicine", "category", "invasive_bci", "committee_id", "KJLL-2023-0001",
			"approved_on", "2024-01-10", "rereview_result", "approved", "registered_on", "2024-02-01",
			"international", true, "partner_countries", []string{"新加坡"}, "status", "ongoing",
			"summary", "研究简介。"),
		testrecord.New(cat, "activities", "HR-2024-0002",
			"title", "人机融合系统研发", "unit", "示例大学", "region", "110000",
			"field", "ai", "category", "human_machine_fusion", "committee_id", "KJLL-2023-0001",
			"approved_on", "2024-03-01", "rereview_result", "conditional", "registered_on", "2024-03-15",
			"status", "completed"),
		testrecord.New(cat, "activities", "HR-2024-0003",
			"title", "干细胞嵌合体研究", "unit", "示例医院", "region", "310000",
			"field", "life_sciences", "category", "stem_cell_chimera", "committee_id", "国科伦审〔2023〕12号",
			"approved_on", "2024-04-01", "rereview_result", "pending", "registered_on", "2024-04-20",
			"status", "suspended"),
		testrecord.New(cat, "cases", "AJ-2025-0001",
			"title", "示例大学未经伦理审查开展研究案", "region", "110000", "unit", "示例大学",
			"persons", []string{"王五"}, "investigated_by", "北京市科学技术委员会",
			"closed_on", "2025-06-30", "violation_types", []string{"no_review", "consent"},
			"facts", "经查，王某未经审查开展研究。", "penalties", []string{"correction", "funding_ban"},
			"ban_years", int64(3), "typical", true),
		testrecord.New(cat, "reports", "BG-2024-H1-001",
			"body", "北京市科学技术委员会", "body_type", "locality", "region", "110000",
			"period", "2024-H1", "submitted_on", "2024-07-15", "reviews", int64(12345)),
	}
	for i := 0; i < extraActivities; i++ {
		day := 1 + i%28
		recs = append(recs, testrecord.New(cat, "activities", fmt.Sprintf("HR-2023-%04d", i+1),
			"title", fmt.Sprintf("示例高风险科技活动第%d号", i+1), "unit", "示例大学", "region", "110000",
			"field", "ai", "category", "opinion_algorithm", "committee_id", "KJLL-2023-0001",
			"approved_on", fmt.Sprintf("2023-%02d-%02d", 1+i%12, day), "rereview_result", "approved",
			"registered_on", fmt.Sprintf("2023-%02d-%02d", 1+i%12, day), "status", "ongoing"))
	}
	res, err := redact.Apply(cat, recs, nil, redact.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	return Input{
		Catalog:  cat,
		Words:    themeWords(t),
		Records:  res.Records,
		Withheld: map[string]map[string]int{"cases": {"embargoed": 2, "withdrawn": 1}},
		AsOf:     "2025-12-31",
		Config: Config{
			TitleZh: "科技伦理信息公开平台", TitleEn: "Science and Technology Ethics Register",
			PublisherZh: "示例省科学技术厅", PublisherEn: "Example Provincial Department of Science and Technology",
			BaseURL: "https://ethics.example.org/", ContactEmail: "ethics@example.org", License: "CC BY 4.0",
		},
	}
}

// themeWords are the built-in theme's interface strings.
func themeWords(t testing.TB) words.Words {
	t.Helper()
	w, err := words.Load(os.DirFS(filepath.Join("..", "..", "themes", "disclose")))
	if err != nil {
		t.Fatal(err)
	}
	return w
}
