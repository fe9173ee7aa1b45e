package export

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"disclose/generator/record"
	"disclose/generator/redact"
	"disclose/generator/schema"
)

// uscc completes a 17-character body with the GB 32100-2015 check
// character, so that the test codes are valid but obviously made up.
func uscc(body string) string {
	const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	weights := []int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	if len(body) != 17 {
		panic("uscc: body " + body + " is not 17 characters")
	}
	sum := 0
	for i, c := range body {
		v := strings.IndexRune(chars, c)
		if v < 0 {
			panic("uscc: " + string(c) + " is not a credit-code character")
		}
		sum += v * weights[i]
	}
	return body + string(chars[(31-sum%31)%31])
}

func s(v string) record.Value    { return record.Value{Str: v} }
func l(v ...string) record.Value { return record.Value{List: v} }
func n(v int64) record.Value     { return record.Value{Int: v} }
func b(v bool) record.Value      { return record.Value{Bool: v} }
func rec(cat *schema.Catalog, ds, id string, vals map[string]record.Value) *record.Record {
	vals["id"] = s(id)
	return &record.Record{Dataset: cat.Dataset(ds), ID: id, Values: vals}
}

// fakeCreditCode is a checksum-valid made-up credit code.
var fakeCreditCode = uscc("91110108MA01W8XK3")

// fixture is a small register with the awkward values the downloads must
// carry unchanged: formula-like text, leading zeros, an 18-character
// credit code, lists with separators, line breaks, Chinese text.
func fixture(t testing.TB, cat *schema.Catalog) []*record.Record {
	t.Helper()
	return []*record.Record{
		rec(cat, "committees", "007", map[string]record.Value{
			"name":             s(`=HYPERLINK("http://evil.example/","点击")`),
			"institution":      s("+1 示例大学"),
			"credit_code":      s(fakeCreditCode),
			"institution_type": s("university"),
			"region":           s("110000"),
			"fields":           l("ai", "medicine"),
			"established_on":   s("2019-03-01"),
			"registered_on":    s("2023-03-20"),
			"status":           s("active"),
			"members":          n(0),
			"chair":            s("张三"),
			"contact_phone":    s("010-6000 0000"),
			"contact_email":    s("ethics@univ.example.edu.cn"),
			"entrusting_units": l("甲|乙 研究所", "示例医院"),
			"notes":            s("-2+3\n第二行, \"引号\""),
		}),
		rec(cat, "committees", "KJLL-2023-0012", map[string]record.Value{
			"name":             s("@SUM(A1:A9)"),
			"institution":      s("\t示例研究院"),
			"institution_type": s("research_institute"),
			"region":           s("440000"),
			"fields":           l("life_sciences"),
			"registered_on":    s("2023-05-06"),
			"status":           s("suspended"),
			"members":          n(15),
			"notes":            s("\r开头的备注"),
		}),
		rec(cat, "activities", "HR-2024-0001", map[string]record.Value{
			"title":             s("侵入式脑机接口临床研究（示例）"),
			"title_en":          s("Example BCI study"),
			"unit":              s("示例大学附属医院"),
			"unit_credit_code":  s(uscc("12100000MB0W8XK05")),
			"region":            s("110000"),
			"lead":              s("李四"),
			"lead_id_number":    s("110101199003071234"),
			"field":             s("medicine"),
			"category":          s("invasive_bci"),
			"committee_id":      s("007"),
			"approved_on":       s("2024-01-15"),
			"rereview_result":   s("conditional"),
			"registered_on":     s("2024-02-01"),
			"international":     b(true),
			"partner_countries": l("德国", "新加坡"),
			"status":            s("ongoing"),
			"summary":           s("研究摘要 & <说明>"),
		}),
		rec(cat, "cases", "AJ-2024-003", map[string]record.Value{
			"title":           s("未经伦理审查开展研究案"),
			"region":          s("000000"),
			"unit":            s("示例公司"),
			"persons":         l("王五", "赵六"),
			"investigated_by": s("示例省科学技术厅"),
			"document_no":     s("示科伦〔2024〕3号"),
			"closed_on":       s("2024-06-30"),
			"violation_types": l("no_review", "privacy"),
			"facts":           s("涉事单位未经伦理审查开展研究。"),
			"penalties":       l("correction", "revoke_awards"),
			"ban_years":       n(3),
			"typical":         b(true),
			"publish_from":    s("2024-07-01"),
		}),
		rec(cat, "reports", "BG-2024-H1-001", map[string]record.Value{
			"body":         s("示例省科学技术厅"),
			"body_type":    s("locality"),
			"region":       s("330000"),
			"period":       s("2024-H1"),
			"submitted_on": s("2024-07-10"),
			"reviews":      n(1234),
			"trainees":     n(0),
		}),
	}
}

func publicRecords(t testing.TB, cat *schema.Catalog, recs []*record.Record) map[string][]*redact.Record {
	t.Helper()
	res, err := redact.Apply(cat, recs, nil, redact.Policy{})
	if err != nil {
		t.Fatalf("redact.Apply: %v", err)
	}
	return res.Records
}

func input(t testing.TB, cat *schema.Catalog, recs []*record.Record) Input {
	return Input{
		Catalog: cat, Records: publicRecords(t, cat, recs), AsOf: "2026-11-24",
		BaseURL: "https://example.org/ethics", Title: "科技伦理公开数据（示例）", Publisher: "示例省科学技术厅",
		License: "CC-BY-4.0",
	}
}

func generate(t testing.TB, in Input) *Output {
	t.Helper()
	out, err := Generate(context.Background(), in)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return out
}

// synthetic makes n made-up records spread over the four registers, for
// size, speed and validator runs.
func synthetic(cat *schema.Catalog, count int) []*record.Record {
	regions := cat.Vocab("region").Terms
	var out []*record.Record
	for i := range count {
		region := regions[i%len(regions)].Code
		day := fmt.Sprintf("2024-%02d-%02d", i%12+1, i%28+1)
		switch i % 4 {
		case 0:
			out = append(out, rec(cat, "committees", fmt.Sprintf("KJLL-%06d", i), map[string]record.Value{
				"name": s(fmt.Sprintf("示例大学第%d科技伦理委员会", i)), "institution": s(fmt.Sprintf("示例大学%d", i)),
				"credit_code": s(uscc(fmt.Sprintf("1210000%010d", i))), "institution_type": s("university"),
				"region": s(region), "fields": l("ai", "life_sciences"), "registered_on": s(day), "status": s("active"),
				"members": n(int64(7 + i%9)), "chair": s("张三"), "contact_email": s("ethics@example.edu.cn"),
				"notes": s("委员会备注：按季度召开审查会议。\n第二行"),
			}))
		case 1:
			out = append(out, rec(cat, "activities", fmt.Sprintf("HR-%06d", i), map[string]record.Value{
				"title": s(fmt.Sprintf("人机融合系统研发项目%d", i)), "unit": s("示例科技有限公司"), "region": s(region),
				"lead": s("李四"), "field": s("ai"), "category": s("human_machine_fusion"),
				"committee_id": s(fmt.Sprintf("KJLL-%06d", i-1)), "approved_on": s(day), "rereview_result": s("approved"),
				"registered_on": s(day), "international": b(i%3 == 0), "partner_countries": l("德国"), "status": s("ongoing"),
				"summary": s("项目简介：研究人机协同决策的伦理风险。"),
			}))
		case 2:
			out = append(out, rec(cat, "cases", fmt.Sprintf("AJ-%06d", i), map[string]record.Value{
				"title": s(fmt.Sprintf("违规案件%d", i)), "region": s(region), "unit": s("示例研究所"), "persons": l("王五"),
				"investigated_by": s("示例省科学技术厅"), "document_no": s(fmt.Sprintf("示科伦〔2024〕%d号", i)),
				"closed_on": s(day), "violation_types": l("no_review", "consent"), "facts": s("未按规定开展伦理审查。"),
				"penalties": l("correction", "funding_ban"), "ban_years": n(int64(i % 5)), "typical": b(i%7 == 0),
			}))
		default:
			out = append(out, rec(cat, "reports", fmt.Sprintf("BG-%06d", i), map[string]record.Value{
				"body": s(fmt.Sprintf("示例部门%d", i)), "body_type": s("industry_authority"), "period": s("2024-Q3"),
				"submitted_on": s(day), "reviews": n(int64(i)), "trainings": n(4), "nothing_to_report": b(false),
			}))
		}
	}
	return out
}
