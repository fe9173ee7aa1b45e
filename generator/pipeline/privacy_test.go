package pipeline_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"disclose/generator/cli"
	"disclose/generator/config"
	"disclose/generator/fold"
	"disclose/generator/internal/fake"
	"disclose/generator/pipeline"
	"disclose/generator/publish"
	"disclose/generator/xlsxtext"
)

// The privacy tests build workbooks seeded with synthetic personal data in
// every place a data officer could put it, run the whole build, and read
// every byte of the output (archives opened, escapes undone) to prove that
// none of it was published while the public facts were.

const asOf = "2026-11-01"

// published is the readable text of every file of a build's output (see
// outputText), for the searches the privacy tests make.
type published struct {
	files              map[string]string
	all, lower, digits string
}

func readOutput(t *testing.T, dir string, atLeast int) *published {
	t.Helper()
	o := &published{files: outputText(t, dir, atLeast)}
	var all strings.Builder
	for _, s := range o.files {
		all.WriteString(s)
		all.WriteByte('\n')
	}
	o.all = all.String()
	o.lower = strings.ToLower(o.all)
	o.digits = digitsOnly(o.all)
	return o
}

// nowhere reports every canary found in any output file, as typed (any
// case) or, for a number, by its digits once separators are removed.
func (o *published) nowhere(t *testing.T, canaries []canary) {
	t.Helper()
	for _, c := range canaries {
		want := strings.ToLower(readable(strings.ReplaceAll(c.text, `\n`, "\n")))
		if strings.Contains(o.lower, want) {
			for name, s := range o.files {
				if l := strings.ToLower(s); strings.Contains(l, want) {
					t.Errorf("%s: %q found in %s: %s", c.name, c.text, name, excerptAround(l, want))
					break
				}
			}
		}
		if c.digits != "" && strings.Contains(o.digits, c.digits) {
			for name, s := range o.files {
				if strings.Contains(digitsOnly(s), c.digits) {
					t.Errorf("%s: the digits of %q found in %s once separators are removed", c.name, c.text, name)
					break
				}
			}
		}
	}
}

// kept reports every public fact missing from the output.
func (o *published) kept(t *testing.T, facts []string) {
	t.Helper()
	for _, p := range facts {
		if !strings.Contains(o.all, p) {
			t.Errorf("public fact %q is missing from the output", p)
		}
	}
}

// page returns the text of one output file.
func (o *published) page(t *testing.T, rel string) string {
	t.Helper()
	s, ok := o.files[rel]
	if !ok {
		t.Fatalf("no %s in the output", rel)
	}
	return s
}

// canary is a value that must not be published in any form.
type canary struct {
	name string
	// text is the value as typed into the workbook
	text string
	// digits, when set, must not occur in the output's digits either (the
	// output with every non-digit removed)
	digits string
}

// fixture is the seeded data: workbook descriptions and what the build
// must and must not publish.
type fixture struct {
	books  map[string]string // path under data/ → xlsxtext description
	canary []canary
	public []string // must occur somewhere in the output
}

func seeded() fixture {
	var (
		// names in person fields, compound surnames included
		nameZhang    = "张小测"
		nameOuyang   = "欧阳测明"
		nameSima     = "司马测远"
		nameZhuge    = "诸葛测亮"
		nameHidden   = "隐藏测名"
		nameWithheld = "钱测隐"

		idSecret1  = fake.ID("19800101", "011")
		idSecret2  = fake.ID("19810202", "022")
		idLead     = fake.ID("19820303", "033")
		idUnknown  = fake.ID("19830404", "044")
		idHidden   = fake.ID("19840505", "055")
		idPlain    = fake.ID("19850606", "066")
		idSpaced   = fake.ID("19860707", "077")
		idHyphen   = fake.ID("19870808", "088")
		idLowerX   = fake.IDWithX("19880909")
		idFull     = fake.ID("19891010", "101")
		idZW       = fake.ID("19901111", "112")
		id15       = "110101" + "911212" + "123"
		idBad      = fake.BadCheck(fake.ID("19920113", "134"))
		idReport   = fake.ID("19930214", "145")
		idWithheld = fake.ID("19940315", "156")

		mobileSecret = "13900139000"
		idStart      = fake.ID("19950416", "167")
		idTitleEn    = fake.ID("19960517", "178")
		idGlued      = fake.ID("19970618", "189")
		idIdeoSpace  = fake.ID("19980719", "190")
		idFullHyphen = fake.ID("19990820", "201")
		card16       = fake.Card("622202123456789")
		card19       = fake.Card("621700123456789012")
		card16b      = fake.Card("625800987654321")

		creditCode = fake.USCC("91110108MA01C7PQ5")
		docNo      = "国科金监处〔2021〕134号"
		grantNo    = "82071234"
		keyRDNo    = "2021YFA1300400"
		instPhone  = "010-68598000"
		instEmail  = "lunli@jiaceshi.edu.cn"
	)
	spaced := func(id string) string { return id[:6] + " " + id[6:14] + " " + id[14:] }
	hyphen := func(id string) string { return id[:6] + "-" + id[6:14] + "-" + id[14:] }
	zw := func(id string) string { return id[:6] + "\u200b" + id[6:14] + "\u200c" + id[14:] }

	// every form of personal data people type into free text
	forms := []canary{
		{"plain ID number", idPlain, idPlain},
		{"ID number with spaces", spaced(idSpaced), idSpaced},
		{"ID number with hyphens", hyphen(idHyphen), idHyphen},
		{"ID number with ideographic spaces", idIdeoSpace[:6] + "\u3000" + idIdeoSpace[6:14] + "\u3000" + idIdeoSpace[14:], idIdeoSpace},
		{"ID number with full-width hyphens", idFullHyphen[:6] + "－" + idFullHyphen[6:14] + "－" + idFullHyphen[14:], idFullHyphen},
		{"mobile with mixed separators", "(+86) 138-0013 8009", "13800138009"},
		{"upper-case personal address", "Ce.Shi.Upper@QQ.COM", ""},
		{"address on a subdomain of a personal mail service", "ceshi.vip@vip.163.com", ""},
		{"full-width passport", "Ｅ２３４５６７８９", ""},
		{"Hong Kong and Macao permit after 通行证", "C87654321", ""},
		{"passport with a space", "E3456 7890", ""},
		{"Latin name", "Testa Fakename", ""},
		{"bank card with hyphens", card16b[:4] + "-" + card16b[4:8] + "-" + card16b[8:12] + "-" + card16b[12:], card16b},
		{"ID number with lower-case x", strings.ToLower(idLowerX), idLowerX[:17]},
		{"ID number in full-width digits", fake.FullWidth(idFull), idFull},
		{"ID number with zero-width characters", zw(idZW), idZW},
		{"15-digit ID number", id15, id15},
		{"ID number with a failing checksum", idBad, idBad},
		{"mobile after +86", "+86 13800138001", "13800138001"},
		{"mobile after 0086", "0086 138 0013 8002", "13800138002"},
		{"mobile with spaces", "138 0013 8003", "13800138003"},
		{"mobile with hyphens", "138-0013-8004", "13800138004"},
		{"qq.com address", "xiaoce.zhang@qq.com", ""},
		{"163.com address", "cemingouyang@163.com", ""},
		{"gmail.com address", "fake.person2024@gmail.com", ""},
		{"bank card in fours", card16[:4] + " " + card16[4:8] + " " + card16[8:12] + " " + card16[12:], card16},
		{"bank card in one piece", card19, card19},
		{"ordinary passport", "E12345678", ""},
		{"passport after 护照", "P7654321", ""},
	}
	text := func(intro string) string {
		var b strings.Builder
		b.WriteString(intro)
		for i, f := range forms {
			switch f.name {
			case "Hong Kong and Macao permit after 通行证":
				fmt.Fprintf(&b, "往来港澳通行证%s；", f.text)
			case "passport with a space":
				fmt.Fprintf(&b, "护照号码%s；", f.text)
			case "passport after 护照":
				fmt.Fprintf(&b, "持护照%s出境；", f.text)
			case "bank card in one piece":
				fmt.Fprintf(&b, "银行卡号%s；", f.text)
			default:
				fmt.Fprintf(&b, "第%d项：%s；", i+1, f.text)
			}
		}
		return b.String()
	}
	names := "涉事人员" + nameZhang + "、" + nameOuyang + "、" + nameSima + "、" + nameZhuge + "与" + nameWithheld + "均已谈话。"
	publicText := "决定文号" + docNo + "，项目批准号：" + grantNo + "，国家重点研发计划" + keyRDNo + "，咨询电话" + instPhone + "，邮箱" + instEmail + "。"

	committees := `== 登记表
| 登记编号 | 委员会名称 | 设立单位 | 统一社会信用代码 | 单位类型 | 所在地区 | 涉及领域 | 登记日期 | 状态 | 主任委员 | 联系电话 | 联系邮箱 | 备注 | 是否公开 | 紧急联系人证件 | 受委托审查单位 |
| KJLL-2024-0001 | 甲测试医院医学伦理委员会 | 甲测试医院 | ` + creditCode + ` | 医疗卫生机构 | 北京 | 医学 | 2024-03-20 | 有效 | ` + nameZhang + ` | ` + instPhone + ` | ` + instEmail + ` | ` + text("主任委员"+nameZhang+"联系方式：") + ` | 是 | ` + idUnknown + ` | 丁测试医院、联系人` + nameOuyang + `电话13800138006 |
| KJLL-2024-0002 | 乙测试大学科技伦理委员会 | 乙测试大学 | | 高等学校 | 北京 | 人工智能 | 2024-03-21 | 有效 | ` + nameOuyang + ` | 138 0013 8005 | ceshi.person@126.com | ` + names + publicText + ` | 是 | |
| KJLL-2024-0003 | 戊测试研究所伦理委员会 | 戊测试研究所 | | 科研机构 | 北京 | 生命科学 | 2024-03-23 | 有效 | Testa Fakename | {num:13800138011} | | 主任委员Testa Fakename负责。 | 是 | | |
| KJLL-2024-0901 | 金丝雀不公开委员会一 | 金丝雀单位一 | | 企业 | 北京 | 医学 | 2024-03-22 | 有效 | | | | 金丝雀备注一 | 否 | |
| KJLL-2024-0902 | 金丝雀不公开委员会二 | 金丝雀单位二 | | 企业 | 北京 | 医学 | 2024-03-22 | 有效 | | | | 金丝雀备注二 | 否 | |
| KJLL-2024-0903 | 金丝雀不公开委员会三 | 金丝雀单位三 | | 企业 | 北京 | 医学 | 2024-03-22 | 有效 | | | | 金丝雀备注三 | 否 | |
== 人员名单 hidden
| 姓名 | 身份证号 |
| ` + nameHidden + ` | ` + idHidden + ` |
`
	activities := `== Sheet1
| 登记编号 | 活动名称 | 英文名称 | 合作国家（地区） | 承担单位 | 承担单位统一社会信用代码 | 所在地区 | 负责人 | 负责人身份证号 | 负责人电话 | 领域 | 高风险类别 | 审查委员会登记编号 | 伦理审查批准日期 | 专家复核结论 | 登记日期 | 状态 | 经费来源 | 活动简介 | 是否公开 |
| HR-2024-0001 | ` + nameSima + `团队侵入式脑机接口临床研究 | Invasive BCI study, contact ID ` + idTitleEn + ` or sima.ceyuan@outlook.com | 新加坡、联系人` + nameZhuge + ` | 甲测试医院 | ` + creditCode + ` | 北京 | ` + nameSima + ` | ` + idLead + ` | ` + mobileSecret + ` | 医学 | invasive_bci | KJLL-2024-0001 | 2024-04-01 | 同意 | 2024-05-01 | 进行中 | 国家自然科学基金（批准号：` + grantNo + `） | ` + text("负责人"+nameSima+"（身份证号"+idLead+"，电话"+mobileSecret+"）。") + publicText + ` | 是 |
| HR-2024-0902 | 金丝雀活动不公开 | | | 金丝雀单位四 | | 北京 | ` + nameWithheld + ` | ` + idWithheld + ` | | 医学 | invasive_bci | KJLL-2024-0001 | 2024-04-01 | 同意 | 2024-05-01 | 进行中 | | 金丝雀简介不公开 | 否 |
`
	caseHead := `| 案件编号 | 案件名称 | 所在地区 | 涉事单位 | 涉事单位统一社会信用代码 | 涉事人员 | 涉事人员身份证号 | 调查处理单位 | 处理决定文号 | 结案日期 | 违规类型 | 违规事实 | 处理措施 | 处理依据 | 公开日期 | 公开截止日期 | 撤回日期 | 撤回原因 | 是否公开 |`
	cases := `== 2025
` + caseHead + `
| AJ-2025-0001 | ` + nameZhuge + `未经审查开展研究案 | 北京 | 丙测试公司 | ` + creditCode + ` | ` + nameZhang + `、` + nameZhuge + ` | ` + idSecret1 + `；` + idSecret2 + ` | 北京市科学技术委员会 | ` + docNo + ` | 2026-06-01 | 未按规定开展伦理审查 | ` + text(names+"身份证号"+idSecret1+"、"+idSecret2+"。") + publicText + ` | 责令改正 | 《科技伦理审查办法（试行）》；经办人手机139-0013-9001 | | | | | 是 |
| AJ-2025-0902 | 金丝雀案件不公开 | 北京 | 金丝雀单位五 | | ` + nameWithheld + ` | | 北京市科学技术委员会 | | 2026-06-01 | 未按规定开展伦理审查 | 金丝雀事实不公开 | 责令改正 | | | | | | 否 |
| AJ-2025-0903 | 金丝雀案件未到期 | 北京 | 金丝雀单位六 | | | | 北京市科学技术委员会 | | 2026-06-01 | 未按规定开展伦理审查 | 金丝雀事实未到期 | 责令改正 | | 2027-01-01 | | | | 是 |
| AJ-2025-0904 | 金丝雀案件已过期 | 北京 | 金丝雀单位七 | | | | 北京市科学技术委员会 | | 2020-01-10 | 未按规定开展伦理审查 | 金丝雀事实已过期 | 责令改正 | | | 2023-01-10 | | | 是 |
| AJ-2025-0905 | 金丝雀案件已撤回 | 北京 | 金丝雀单位八 | | | | 北京市科学技术委员会 | | 2026-01-10 | 未按规定开展伦理审查 | 金丝雀事实已撤回 | 责令改正 | | | | 2026-03-01 | 金丝雀撤回原因 | 是 |
`
	reports := `== 报告
| 报告编号 | 报告单位 | 单位类别 | 所在地区 | 报告期 | 报告日期 | 培训场次 | 履职情况摘要 |
| RPT-2024-H1-BJ | 北京市科学技术委员会 | 地方 | 北京 | 2024年上半年 | 2024-07-10 | 12 | ` + idStart + `为联系人证件。` + text(names+"联系人身份证号"+idReport+"。") + publicText + `IDNO` + idGlued + `tel13800138007 |
`

	fx := fixture{
		books: map[string]string{
			"committees.xlsx":         committees,
			"activities/beijing.xlsx": activities,
			"cases.xlsx":              cases,
			"reports.xlsx":            reports,
		},
		public: []string{
			creditCode, docNo, grantNo, keyRDNo, instPhone, instEmail,
			"甲测试医院", "乙测试大学", "丁测试医院", "新加坡", "丙测试公司", "北京市科学技术委员会",
			"张某", "欧阳某", "司马某", "诸葛某", "戊测试研究所",
			"〔已隐去〕",
		},
	}
	fx.canary = append(fx.canary, forms...)
	fx.canary = append(fx.canary,
		canary{"name in a person field", nameZhang, ""},
		canary{"compound surname 欧阳", nameOuyang, ""},
		canary{"compound surname 司马", nameSima, ""},
		canary{"compound surname 诸葛", nameZhuge, ""},
		canary{"name of a withheld record's person", nameWithheld, ""},
		canary{"name on a hidden sheet", nameHidden, ""},
		canary{"ID number in a secret field", idSecret1, idSecret1},
		canary{"second ID number in a secret field", idSecret2, idSecret2},
		canary{"lead's ID number", idLead, idLead},
		canary{"ID number in an unknown column", idUnknown, idUnknown},
		canary{"ID number on a hidden sheet", idHidden, idHidden},
		canary{"ID number in a report summary", idReport, idReport},
		canary{"ID number of a withheld record", idWithheld, idWithheld},
		canary{"mobile in a secret field", mobileSecret, mobileSecret},
		canary{"mobile in a list of units", "13800138006", "13800138006"},
		canary{"mobile in a number cell of a contact phone field", "13800138011", "13800138011"},
		canary{"mobile in a contact phone field", "138 0013 8005", "13800138005"},
		canary{"personal address in a contact e-mail field", "ceshi.person@126.com", ""},
		canary{"ID number in an English title", idTitleEn, idTitleEn},
		canary{"personal address in an English title", "sima.ceyuan@outlook.com", ""},
		canary{"mobile in the legal basis", "139-0013-9001", "13900139001"},
		canary{"ID number at the start of a text", idStart, idStart},
		canary{"ID number glued to letters", idGlued, idGlued},
		canary{"mobile glued to letters at the end of a text", "13800138007", "13800138007"},
	)
	for _, w := range []string{
		"金丝雀不公开委员会一", "金丝雀单位一", "金丝雀备注一", "金丝雀不公开委员会二", "金丝雀不公开委员会三",
		"金丝雀活动不公开", "金丝雀简介不公开", "HR-2024-0902",
		"金丝雀案件不公开", "金丝雀事实不公开", "AJ-2025-0902",
		"金丝雀案件未到期", "金丝雀事实未到期", "AJ-2025-0903",
		"金丝雀案件已过期", "金丝雀事实已过期", "AJ-2025-0904",
		"金丝雀案件已撤回", "金丝雀事实已撤回", "金丝雀撤回原因", "AJ-2025-0905",
		"KJLL-2024-0901", "KJLL-2024-0902", "KJLL-2024-0903",
	} {
		fx.canary = append(fx.canary, canary{"withheld record " + w, w, ""})
	}
	return fx
}

// writeBooks writes the fixture's workbooks under dir.
func writeBooks(t *testing.T, dir string, books map[string]string) {
	t.Helper()
	for name, desc := range books {
		data, err := xlsxtext.Build(desc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// project returns the module root.
func project(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

type built struct {
	root, data, out, report string
	stdout, stderr          *bytes.Buffer
	res                     *pipeline.Result
	err                     error
}

// testConfig is the default configuration with every path inside root;
// content, when not empty, replaces the built-in pages.
func testConfig(root, content string) *config.Config {
	cfg := config.Default()
	cfg.Dir = root
	cfg.Paths.Work = "work"
	cfg.Paths.Report = "private/report.json"
	cfg.Paths.Content = content
	return cfg
}

// leakingContent copies the built-in pages under root and adds a
// hand-written page holding the fake ID number; it returns the folder.
func leakingContent(t *testing.T, root, fake string) string {
	t.Helper()
	content := filepath.Join(root, "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join(project(t), "content"))); err != nil {
		t.Fatal(err)
	}
	page := "+++\ntitle = \"联系我们\"\n+++\n\n如有疑问请联系办公室（证件号 " + fake + "）。\n"
	if err := os.WriteFile(filepath.Join(content, "zh", "contact-us.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return content
}

// build runs pipeline.Build over books in a fresh folder; content, when
// not empty, replaces the built-in pages.
func build(t *testing.T, root string, books map[string]string, content string, configure ...func(*config.Config)) *built {
	t.Helper()
	b := &built{root: root, data: filepath.Join(root, "data"), out: filepath.Join(root, "site", "public"), report: filepath.Join(root, "private", "report.json")}
	if books != nil {
		writeBooks(t, b.data, books)
	}
	cfg := testConfig(root, content)
	for _, f := range configure {
		f(cfg)
	}
	b.stdout, b.stderr = &bytes.Buffer{}, &bytes.Buffer{}
	b.res, b.err = pipeline.Build(context.Background(), pipeline.Options{
		Config: cfg, DataDir: b.data, OutDir: b.out, AsOf: asOf,
		Stdout: b.stdout, Stderr: b.stderr,
	})
	return b
}

var (
	jsonEscape = regexp.MustCompile(`\\[uU]([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|\\[uU]([0-9a-fA-F]{4})`)
	percent    = regexp.MustCompile(`(?:%[0-9A-Fa-f]{2})+`)
	zeroWidth  = strings.NewReplacer("\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "", "\u00ad", "")
)

// readable undoes what output formats do to text: JSON \u escapes, HTML
// and XML character references, URL percent-encoding, full-width forms
// and zero-width characters.
func readable(s string) string {
	s = jsonEscape.ReplaceAllStringFunc(s, func(m string) string {
		sub := jsonEscape.FindStringSubmatch(m)
		if sub[3] != "" {
			v, _ := strconv.ParseUint(sub[3], 16, 32)
			return string(rune(v))
		}
		hi, _ := strconv.ParseUint(sub[1], 16, 32)
		lo, _ := strconv.ParseUint(sub[2], 16, 32)
		return string(utf16.DecodeRune(rune(hi), rune(lo)))
	})
	s = html.UnescapeString(html.UnescapeString(s))
	s = percent.ReplaceAllStringFunc(s, func(m string) string {
		b := make([]byte, 0, len(m)/3)
		for i := 0; i+2 < len(m); i += 3 {
			v, _ := strconv.ParseUint(m[i+1:i+3], 16, 8)
			b = append(b, byte(v))
		}
		return string(b)
	})
	return zeroWidth.Replace(fold.Width(s))
}

func digitsOnly(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// outputText returns the readable text of every file under dir, and of
// every entry of every archive (recursively) and gzip stream, by path.
func outputText(t *testing.T, dir string, atLeast int) map[string]string {
	t.Helper()
	out := map[string]string{}
	var add func(name string, data []byte)
	add = func(name string, data []byte) {
		out[name] = readable(string(data))
		if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					t.Fatalf("%s!%s: %v", name, f.Name, err)
				}
				b, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					t.Fatalf("%s!%s: %v", name, f.Name, err)
				}
				out[name+"!"+f.Name+"(name)"] = f.Name
				add(name+"!"+f.Name, b)
			}
		}
		if len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b {
			if zr, err := gzip.NewReader(bytes.NewReader(data)); err == nil {
				if b, err := io.ReadAll(zr); err == nil {
					add(name+"!gunzip", b)
				}
			}
		}
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel+"(name)"] = readable(filepath.ToSlash(rel))
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		add(filepath.ToSlash(rel), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < atLeast {
		t.Fatalf("only %d files and entries under %s", len(out), dir)
	}
	return out
}

// A build on workbooks seeded with synthetic personal data in person
// fields, secret fields, an unknown column, a hidden sheet and free text,
// in every form people type it, publishes none of it in any file, keeps
// every public fact, and withholds every record the rules withhold.
func TestSeededPersonalDataIsPublishedNowhere(t *testing.T) {
	fx := seeded()
	b := build(t, t.TempDir(), fx.books, "")
	if b.err != nil {
		t.Fatalf("Build: %v\nstdout:\n%s\nstderr:\n%s", b.err, b.stdout, b.stderr)
	}
	// The same reader finds every canary in the workbooks: the search
	// below can see what it looks for.
	input := outputText(t, b.data, 4)
	for _, c := range fx.canary {
		found := false
		for _, s := range input {
			found = found || strings.Contains(strings.ToLower(s), strings.ToLower(readable(c.text)))
		}
		if !found {
			t.Errorf("canary %s %q is not in the workbooks", c.name, c.text)
		}
	}
	t.Logf("build output:\n%s%s", b.stdout, b.stderr)

	out := readOutput(t, b.out, 50)
	out.nowhere(t, fx.canary)
	out.kept(t, fx.public)

	// The public facts reach the pages and the downloads alike.
	for _, c := range []struct{ file, want string }{
		{"committees/kjll-2024-0001/index.html", "张某"},
		{"committees/kjll-2024-0001/index.html", fx.public[0]},
		{"committees/kjll-2024-0001/index.html", "010-68598000"},
		{"committees/kjll-2024-0001/index.html", "lunli@jiaceshi.edu.cn"},
		{"committees/kjll-2024-0002/index.html", "欧阳某"},
		{"en/committees/kjll-2024-0002/index.html", "欧阳某"},
		{"cases/aj-2025-0001/index.html", "国科金监处〔2021〕134号"},
		{"cases/aj-2025-0001/index.html", "诸葛某未经审查开展研究案"},
		{"activities/hr-2024-0001/index.html", "司马某团队侵入式脑机接口临床研究"},
		{"activities/hr-2024-0001/index.html", "82071234"},
		{"reports/rpt-2024-h1-bj/index.html", "2021YFA1300400"},
	} {
		if s := out.page(t, c.file); !strings.Contains(s, c.want) {
			t.Errorf("%s does not contain %q", c.file, c.want)
		}
	}
	downloads := 0
	for name, s := range out.files {
		if strings.HasSuffix(name, ".csv") && strings.Contains(s, "国科金监处〔2021〕134号") {
			downloads++
		}
	}
	if downloads == 0 {
		t.Errorf("no CSV download holds the decision number 国科金监处〔2021〕134号")
	}

	// Every row is accounted for: published or withheld with its reason.
	wantAccounting := map[string][4]int{ // published, withheld, rejected
		"committees": {3, 3, 0},
		"activities": {1, 1, 0},
		"cases":      {1, 4, 0},
		"reports":    {1, 0, 0},
	}
	for _, c := range b.res.Loaded.Accounting() {
		w := wantAccounting[c.Dataset]
		if c.Published != w[0] || c.WithheldTotal() != w[1] || c.Rejected != w[2] {
			t.Errorf("%s: published %d, withheld %d, rejected %d; want %d, %d, %d", c.Dataset, c.Published, c.WithheldTotal(), c.Rejected, w[0], w[1], w[2])
		}
	}
	for _, c := range b.res.Loaded.Accounting() {
		if c.Dataset != "cases" {
			continue
		}
		for _, r := range []string{"not_for_publication", "embargoed", "expired", "withdrawn"} {
			if n := c.Withheld[publish.Reason(r)]; n != 1 {
				t.Errorf("cases withheld as %s: %d, want 1", r, n)
			}
		}
	}
	// The site says how many were withheld: three committees (at the
	// suppression threshold, so shown exactly), and four cases, one per
	// reason (each below the threshold, so shown only as a bound).
	if s := out.page(t, "committees/index.html"); !strings.Contains(s, "另有 3 条") {
		t.Errorf("committees/index.html does not say that 3 records were withheld:\n%s", excerptAround(s, "另有"))
	}
	if s := out.page(t, "en/committees/index.html"); !strings.Contains(s, "Records not published: 3") {
		t.Errorf("en/committees/index.html does not say that 3 records were withheld:\n%s", excerptAround(s, "not published"))
	}
	if s := out.page(t, "cases/index.html"); !strings.Contains(s, "至少 4") || !strings.Contains(s, "少于 3") {
		t.Errorf("cases/index.html does not state the withheld cases as at least 4, each fewer than 3:\n%s", excerptAround(s, "另有"))
	}

	// The private report is outside the output, has the counts and none
	// of the values.
	rep, err := os.ReadFile(b.report)
	if err != nil {
		t.Fatalf("private build report: %v", err)
	}
	if !bytes.Contains(rep, []byte(`"accounting"`)) || !bytes.Contains(rep, []byte(`"Published": 3`)) || !bytes.Contains(rep, []byte(`"redactions"`)) {
		t.Errorf("the build report lacks the counts:\n%s", rep)
	}
	repText := readable(string(rep))
	for _, c := range fx.canary {
		if strings.HasPrefix(c.name, "withheld record ") {
			// the report lists the withheld records by id and position,
			// never their content
			if strings.HasPrefix(c.text, "金丝雀") && strings.Contains(repText, c.text) {
				t.Errorf("the build report holds %q (%s)", c.text, c.name)
			}
			continue
		}
		if strings.Contains(repText, readable(c.text)) || c.digits != "" && strings.Contains(digitsOnly(repText), c.digits) {
			t.Errorf("the build report holds %q (%s)", c.text, c.name)
		}
	}
	if rel, err := filepath.Rel(b.out, b.report); err != nil || !strings.HasPrefix(rel, "..") {
		t.Errorf("the build report %s is inside the output %s", b.report, b.out)
	}
}

func excerptAround(s, w string) string {
	i := strings.Index(s, w)
	if i < 0 {
		return "(no " + w + ")"
	}
	return s[max(0, i-200):min(len(s), i+400)]
}

// A file with a fake ID number dropped into a built site makes
// `disclose scan` exit 4; the finding names the file but never repeats
// the number.
func TestScanFindsPlantedLeak(t *testing.T) {
	fx := seeded()
	b := build(t, t.TempDir(), fx.books, "")
	if b.err != nil {
		t.Fatalf("Build: %v\n%s", b.err, b.stderr)
	}
	var stdout, stderr bytes.Buffer
	if code := cli.Main(context.Background(), []string{"scan", b.out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("scan of a clean build = %d, want 0\n%s", code, stderr.String())
	}
	fake := fake.ID("19700101", "999")
	planted := filepath.Join(b.out, "committees", "notes.txt")
	if err := os.WriteFile(planted, []byte("联系人证件 "+fake+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	stderr.Reset()
	if code := cli.Main(context.Background(), []string{"scan", b.out}, nil, &stdout, &stderr); code != cli.ExitLeak {
		t.Fatalf("scan with a planted ID number = %d, want %d\n%s", code, cli.ExitLeak, stderr.String())
	}
	if !strings.Contains(stderr.String(), "committees/notes.txt") {
		t.Errorf("scan output does not name committees/notes.txt:\n%s", stderr.String())
	}
	if strings.Contains(stderr.String()+stdout.String(), fake) || strings.Contains(stderr.String()+stdout.String(), fake[6:14]) {
		t.Errorf("scan output repeats the ID number it found:\n%s", stderr.String())
	}
}

// When the leak guard finds personal data in the staged site (here: a
// hand-written page with a fake ID number), the build fails with ErrLeak,
// the previous good output stays as it was, and no staging folder is left
// behind.
func TestLeakKeepsPreviousOutput(t *testing.T) {
	root := t.TempDir()
	fx := seeded()
	b := build(t, root, fx.books, "")
	if b.err != nil {
		t.Fatalf("first Build: %v\n%s", b.err, b.stderr)
	}
	before := snapshot(t, b.out)

	fake := fake.ID("19700202", "888")
	b2 := build(t, root, nil, leakingContent(t, root, fake))
	if !errors.Is(b2.err, pipeline.ErrLeak) {
		t.Fatalf("Build with a leaking page = %v, want ErrLeak\n%s", b2.err, b2.stderr)
	}
	if !strings.Contains(b2.stderr.String(), "contact-us") {
		t.Errorf("the leak report does not name the page:\n%s", b2.stderr)
	}
	if strings.Contains(b2.stderr.String(), fake) {
		t.Errorf("the leak report repeats the ID number:\n%s", b2.stderr)
	}
	after := snapshot(t, b.out)
	if len(after) != len(before) {
		t.Errorf("the output has %d files after the failed build, %d before", len(after), len(before))
	}
	for name, sum := range before {
		if after[name] != sum {
			t.Errorf("%s changed although the build failed", name)
		}
	}
	entries, err := os.ReadDir(filepath.Dir(b.out))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != filepath.Base(b.out) {
			t.Errorf("%s left next to the output after the failed build", e.Name())
		}
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no files under %s", dir)
	}
	return out
}

// Record ids are published as they are (they are addresses and
// references), so the redactor does not clean them. A personal number
// typed into one is an error at its cell; a name is caught by the leak
// guard before anything is written, at its cell too. Either way the build
// publishes nothing, tells the officer which cell to fix, and does not
// repeat the value.
func TestPersonalDataInRecordIDStopsBuild(t *testing.T) {
	for _, tc := range []struct {
		name, from, to, value string
		want                  error
		cell                  string
	}{
		{"name in a case id", "AJ-2025-0001", "AJ-张小测-0001", "张小测", pipeline.ErrLeak, "cases.xlsx:2025!A2: cases.id"},
		{"mobile in an activity id", "HR-2024-0001", "HR-13800138010", "13800138010", pipeline.ErrData, "beijing.xlsx:Sheet1!A2: id: holds what looks like a mobile phone number"},
		{"ID number in a committee id", "| KJLL-2024-0002 |", "| " + fake.ID("19750101", "321") + " |", fake.ID("19750101", "321"), pipeline.ErrData, "committees.xlsx:登记表!A3: id: holds what looks like a resident ID number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fx := seeded()
			for k, v := range fx.books {
				fx.books[k] = strings.ReplaceAll(v, tc.from, tc.to)
			}
			b := build(t, t.TempDir(), fx.books, "")
			if !errors.Is(b.err, tc.want) {
				t.Fatalf("Build = %v, want %v\n%s", b.err, tc.want, b.stderr)
			}
			if !strings.Contains(b.stderr.String(), tc.cell) {
				t.Errorf("the report does not name the cell (%q):\n%s", tc.cell, b.stderr)
			}
			if strings.Contains(b.stderr.String(), tc.value) {
				t.Errorf("the report repeats %q:\n%s", tc.value, b.stderr.String()[:min(3000, b.stderr.Len())])
			}
			if _, err := os.Stat(b.out); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the output %s exists after the failed build (%v)", b.out, err)
			}
		})
	}
}

// With the other person-field policies (pseudonym, drop) no name is
// published either, and the pseudonyms are there instead.
func TestPseudonymAndDropPublishNoName(t *testing.T) {
	t.Setenv("DISCLOSE_TEST_PSEUDONYM_KEY", "synthetic-test-key")
	fx := seeded()
	b := build(t, t.TempDir(), fx.books, "", func(c *config.Config) {
		c.Redaction.KeyEnv = "DISCLOSE_TEST_PSEUDONYM_KEY"
		c.Redaction.Fields = map[string]string{
			"cases.persons":    "pseudonym",
			"activities.lead":  "pseudonym",
			"committees.chair": "drop",
		}
	})
	if b.err != nil {
		t.Fatalf("Build: %v\n%s", b.err, b.stderr)
	}
	texts := outputText(t, b.out, 50)
	pseudonyms := 0
	for name, s := range texts {
		for _, n := range []string{"张小测", "欧阳测明", "司马测远", "诸葛测亮", "钱测隐", "隐藏测名", "Testa Fakename"} {
			if strings.Contains(s, n) {
				t.Errorf("%q found in %s", n, name)
			}
		}
		if name == "committees/kjll-2024-0001/index.html" && strings.Contains(s, "张某") {
			t.Errorf("%s shows the dropped chair as 张某", name)
		}
		if name == "cases/aj-2025-0001/index.html" {
			pseudonyms += strings.Count(s, "人员-")
		}
	}
	if pseudonyms == 0 {
		t.Errorf("cases/aj-2025-0001/index.html shows no pseudonym (人员-…)")
	}
}

// A name shown on purpose (a person field whose policy is keep) does not
// stop the build, even when the same person is masked elsewhere; every
// other name stays unpublished.
func TestKeptNameIsNoLeak(t *testing.T) {
	fx := seeded()
	b := build(t, t.TempDir(), fx.books, "", func(c *config.Config) {
		c.Redaction.Fields = map[string]string{"committees.chair": "keep"}
	})
	if b.err != nil {
		t.Fatalf("Build: %v\n%s", b.err, b.stderr)
	}
	texts := outputText(t, b.out, 50)
	if s := texts["committees/kjll-2024-0001/index.html"]; !strings.Contains(s, "张小测") {
		t.Errorf("committees/kjll-2024-0001/index.html does not show the chair 张小测, kept on purpose")
	}
	for name, s := range texts {
		for _, n := range []string{"司马测远", "诸葛测亮", "钱测隐", "隐藏测名"} {
			if strings.Contains(s, n) {
				t.Errorf("%q found in %s", n, name)
			}
		}
	}
}
