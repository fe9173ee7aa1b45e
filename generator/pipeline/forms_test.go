package pipeline_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"disclose/generator/internal/fake"
	"disclose/generator/pipeline"
)

// The forms tests write the workbooks a hurried data officer writes: several
// people in one cell, names with titles, spaced, dotted and in pinyin,
// people named only in the facts, numbers broken by every separator people
// type or written in Chinese numerals, a hidden row, a public record that
// cites a withheld one. Nothing of it may reach any output byte, and the
// cases must still read as stories.

// formsFixture returns the workbooks and the canaries. Every value is
// synthetic.
func formsFixture() fixture {
	var (
		idBroken  = fake.ID("19800214", "311")
		idNewline = fake.ID("19810315", "322")
		idHidden  = fake.ID("19820416", "333")
		idSplit   = fake.ID("19830517", "344")
		idChinese = fake.ID("19840618", "355")
	)
	chinese := func(digits string) string {
		const zh = "〇一二三四五六七八九"
		var b strings.Builder
		for _, c := range digits {
			b.WriteString(string([]rune(zh)[c-'0']))
		}
		return b.String()
	}
	forms := []canary{
		{"ID number broken by a line break", idNewline[:10] + `\n` + idNewline[10:], idNewline},
		{"ID number split after its region code", idSplit[:6] + " " + idSplit[6:], idSplit},
		{"ID number with spaces around hyphens", idBroken[:6] + " - " + idBroken[6:14] + " - " + idBroken[14:], idBroken},
		{"ID number in Chinese numerals", chinese(idChinese[:17]) + string(idChinese[17]), ""},
		{"mobile with spaces around hyphens", "138 - 0013 - 8101", "13800138101"},
		{"mobile with em dashes", "138—0013—8102", "13800138102"},
		{"mobile with slashes", "138/0013/8103", "13800138103"},
		{"mobile with underscores", "138_0013_8104", "13800138104"},
		{"mobile with brackets", "(138)0013-8105", "13800138105"},
		{"mobile with a space between every digit", "1 3 8 0 0 1 3 8 1 0 6", "13800138106"},
		{"mobile in Chinese numerals", chinese("13900139107"), ""},
		{"mobile in financial numerals", "壹叁玖零零壹叁玖壹零捌", ""},
		{"personal landline after its keyword", "家庭电话010-62345109", "01062345109"},
		{"WeChat id after its keyword", "微信号wxid_ceshi0110", ""},
		{"QQ number after its keyword", "QQ号：3456789111", "3456789111"},
		{"e-mail glued to the digits after it", "wang7656@sina.com6272", ""},
	}
	numbers := ""
	for _, f := range forms {
		numbers += f.text + "；"
	}
	committees := `== 登记表
| 登记编号 | 委员会名称 | 设立单位 | 单位类型 | 所在地区 | 涉及领域 | 登记日期 | 状态 | 主任委员 | 联系电话 | 备注 | 是否公开 |
| KJLL-2024-0001 | 甲测试医院医学伦理委员会 | 甲测试医院 | 医疗卫生机构 | 北京 | 医学 | 2024-03-20 | 有效 | 张小测、李小验 | 010-68598000 | 主任委员张小测与李小验共同签字，咨询电话010-68598000。参见KJLL-2024-0901（金丝雀不公开委员会一）。 | 是 |
| KJLL-2024-0002 | 乙测试大学科技伦理委员会 | 乙测试大学 | 高等学校 | 北京 | 人工智能 | 2024-03-21 | 有效 | 王测明和赵验华 | | 王 测 明、赵验华二人负责。 | 是 |
| KJLL-2024-0003 | 丙测试研究所伦理委员会 | 丙测试研究所 | 科研机构 | 北京 | 生命科学 | 2024-03-22 | 有效 | 孙测伟等 | | 由孙测伟牵头。 | 是 |
| KJLL-2024-0004 | 丁测试医院伦理委员会 | 丁测试医院 | 医疗卫生机构 | 北京 | 医学 | 2024-03-23 | 有效 | 周测强教授 | | 测强教授与周测强同志均已到会。 | 是 |
| KJLL-2024-0005 | 戊测试大学伦理委员会 | 戊测试大学 | 高等学校 | 北京 | 医学 | 2024-03-24 | 有效 | 吴测刚 13900139123 | | 联系吴测刚。 | 是 |
hidden | KJLL-2024-0006 | 己测试单位委员会 | 己测试单位 | 企业 | 北京 | 医学 | 2024-03-25 | 有效 | 隐测行 | | 隐藏行证件` + idHidden + ` | 是 |
| KJLL-2024-0901 | 金丝雀不公开委员会一 | 金丝雀单位一 | 企业 | 北京 | 医学 | 2024-03-22 | 有效 | | | 金丝雀备注一 | 否 |
`
	activities := `== Sheet1
| 登记编号 | 活动名称 | 英文名称 | 承担单位 | 所在地区 | 负责人 | 领域 | 高风险类别 | 审查委员会登记编号 | 伦理审查批准日期 | 专家复核结论 | 登记日期 | 状态 | 活动简介 | 是否公开 |
| HR-2024-0001 | 冯测辉团队脑机接口研究 | BCI study led by Feng Cehui (FENG Cehui, Cehui Feng) | 甲测试医院 | 北京 | 冯测辉 | 医学 | invasive_bci | KJLL-2024-0001 | 2024-04-01 | 同意 | 2024-05-01 | 进行中 | 冯测辉负责，冯 测辉签字。 | 是 |
| HR-2024-0002 | 民族医学研究 | | 乙测试大学 | 北京 | 阿依努尔·测试提 | 医学 | invasive_bci | KJLL-2024-0002 | 2024-04-01 | 同意 | 2024-05-01 | 进行中 | 阿依努尔•测试提、阿依努尔・测试提与阿依努尔测试提是同一人。 | 是 |
| HR-2024-0003 | 郑测英课题 | | 丙测试研究所 | 北京 | 郑 测 英 | 医学 | invasive_bci | KJLL-2024-0003 | 2024-04-01 | 同意 | 2024-05-01 | 进行中 | 郑测英、郑 测英 | 是 |
`
	cases := `== 2025
| 案件编号 | 案件名称 | 所在地区 | 涉事单位 | 涉事人员 | 调查处理单位 | 处理决定文号 | 结案日期 | 违规类型 | 违规事实 | 处理措施 | 是否公开 |
| AJ-2025-0001 | 张测甲、张测乙未经审查开展研究案 | 北京 | 丙测试公司 | 张测甲、张测乙 | 北京市科学技术委员会 | 京科监〔2023〕12号 | 2026-06-01 | 未按规定开展伦理审查 | 张测甲指使张测乙未经审查开展试验。项目负责人陈测东擅自扩大样本，研究生何测西等人参与录入。` + numbers + `项目批准号82071234，国家重点研发计划2021YFA1300400，2023年3月20日立案。 | 责令改正 | 是 |
`
	fx := fixture{
		books: map[string]string{
			"committees.xlsx": committees,
			"activities.xlsx": activities,
			"cases.xlsx":      cases,
		},
		public: []string{
			"京科监〔2023〕12号", "82071234", "2021YFA1300400", "2023年3月20日", "010-68598000",
			"甲测试医院", "北京市科学技术委员会",
		},
	}
	fx.canary = append(fx.canary, forms...)
	for _, c := range []struct{ name, text string }{
		{"first of two names in a cell", "张小测"},
		{"second of two names in a cell", "李小验"},
		{"first of two names joined by 和", "王测明"},
		{"second of two names joined by 和", "赵验华"},
		{"a name written with inner spaces", "王 测 明"},
		{"a name before 等", "孙测伟"},
		{"a name with a title", "周测强"},
		{"a given name with a title", "测强教授"},
		{"a name with a phone after it", "吴测刚"},
		{"the phone after a name", "13900139123"},
		{"a name on a hidden row", "隐测行"},
		{"an ID number on a hidden row", idHidden},
		{"a name in a title", "冯测辉"},
		{"a name in pinyin", "Feng Cehui"},
		{"a name in pinyin, given name first", "Cehui Feng"},
		{"a name with a middle dot", "阿依努尔·测试提"},
		{"a name with a bullet", "阿依努尔•测试提"},
		{"a name with a katakana dot", "阿依努尔・测试提"},
		{"a dotted name without its dot", "阿依努尔测试提"},
		{"a spaced name", "郑测英"},
		{"two people of one surname", "张测甲"},
		{"two people of one surname, second", "张测乙"},
		{"a person in no person field, after a role word", "陈测东"},
		{"a person in no person field, before 等人", "何测西"},
		{"a withheld record's id cited by a public one", "KJLL-2024-0901"},
		{"a withheld record's title cited by a public one", "金丝雀不公开委员会一"},
		{"a withheld record's notes", "金丝雀备注一"},
	} {
		fx.canary = append(fx.canary, canary{name: c.name, text: c.text})
	}
	return fx
}

// Personal data written as real workbooks carry it reaches no output byte;
// the cases still read as stories, with each person's masked name the same
// in the fields and the text, and two people of one surname told apart.
func TestRealWorkbookFormsArePublishedNowhere(t *testing.T) {
	fx := formsFixture()
	b := build(t, t.TempDir(), fx.books, "")
	if b.err != nil {
		t.Fatalf("Build: %v\nstdout:\n%s\nstderr:\n%s", b.err, b.stdout, b.stderr)
	}
	out := readOutput(t, b.out, 50)
	out.nowhere(t, fx.canary)
	out.kept(t, fx.public)
	for _, c := range []struct{ file, want string }{
		// every person of a cell is masked, the same in text and field
		{"committees/kjll-2024-0001/index.html", "主任委员张某与李某共同签字"},
		{"committees/kjll-2024-0002/index.html", "王某、赵某二人负责"},
		{"committees/kjll-2024-0003/index.html", "由孙某牵头"},
		{"committees/kjll-2024-0005/index.html", "联系吴某"},
		// the citation of a withheld record is gone, the sentence stays
		{"committees/kjll-2024-0001/index.html", "参见〔已隐去〕(〔已隐去〕)"},
		// two people of one surname stay two people
		{"cases/aj-2025-0001/index.html", "张某甲指使张某乙未经审查开展试验"},
		{"cases/aj-2025-0001/index.html", "张某甲、张某乙"},
		// people in no person field are masked as judgments do
		{"cases/aj-2025-0001/index.html", "项目负责人陈某擅自扩大样本"},
		{"cases/aj-2025-0001/index.html", "研究生何某等人参与录入"},
		{"activities/hr-2024-0001/index.html", "冯某团队脑机接口研究"},
		{"activities/hr-2024-0002/index.html", "是同一人"},
	} {
		if s := out.page(t, c.file); !strings.Contains(s, c.want) {
			t.Errorf("%s does not contain %q:\n%s", c.file, c.want, excerptAround(s, "<main"))
		}
	}
	// The hidden row is withheld, and said to be; the officer is told.
	for _, c := range b.res.Loaded.Accounting() {
		if c.Dataset == "committees" && c.Withheld["hidden_row"] != 1 {
			t.Errorf("committees withheld as hidden_row: %d, want 1 (%v)", c.Withheld["hidden_row"], c.Withheld)
		}
	}
	if !strings.Contains(b.stderr.String(), "committees.xlsx:登记表!7: warning: hidden row not published") {
		t.Errorf("no warning at the hidden row:\n%s", b.stderr)
	}
	// The private report lists what was redacted by cell and kind, never
	// the values.
	rep, err := os.ReadFile(b.report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"cases.xlsx:2025!J2: cases.facts: mobile", "cases.xlsx:2025!J2: cases.facts: name", "committees.xlsx:登记表!I6: committees.chair: mask"} {
		if !strings.Contains(string(rep), want) {
			t.Errorf("the build report does not list %q", want)
		}
	}
	for _, c := range fx.canary {
		if c.digits != "" && strings.Contains(digitsOnly(string(rep)), c.digits) {
			t.Errorf("the build report holds the digits of %s", c.name)
		}
	}
}

// Personal numbers typed where nothing cleans them stop the build with the
// data-error code, naming the cell, before anything is written.
func TestPersonalNumbersInPublishedFieldsStopTheBuild(t *testing.T) {
	id := fake.ID("19850101", "411")
	books := map[string]string{"committees.xlsx": `== 表
| 登记编号 | 委员会名称 | 设立单位 | 统一社会信用代码 | 单位类型 | 所在地区 | 涉及领域 | 登记日期 | 状态 | 委员人数 | 备注 |
| KJLL-1 | 甲委员会 | 甲单位 | ` + id + ` | 高等学校 | 北京 | 医学 | 2024-03-20 | 有效 | 13800138000 | {num:1.10108198804153E+17} |
`}
	b := build(t, t.TempDir(), books, "")
	if !errors.Is(b.err, pipeline.ErrData) {
		t.Fatalf("Build error = %v, want ErrData\nstderr:\n%s", b.err, b.stderr)
	}
	out := b.stderr.String()
	for _, want := range []string{"committees.xlsx:表!D2: credit_code:", "committees.xlsx:表!J2: members:", "committees.xlsx:表!K2: notes:"} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr does not name %q:\n%s", want, out)
		}
	}
	for _, secret := range []string{id, "13800138000", "10108198804153"} {
		if strings.Contains(out, secret) {
			t.Errorf("stderr repeats %s:\n%s", secret, out)
		}
	}
	if _, err := os.Stat(b.out); err == nil {
		t.Errorf("an output folder was written")
	}
}
