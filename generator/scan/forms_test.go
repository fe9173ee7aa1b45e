package scan

import (
	"fmt"
	"strings"
	"testing"

	"disclose/generator/pii"
)

// synthID builds a checksum-valid resident ID number for the synthetic
// district 110101 and an invented birth date and sequence.
func synthID(birth, seq string) string {
	d := "110101" + birth + seq
	c, _ := pii.IDCheck(d)
	return d + string(c)
}

// numerals spells the ASCII digits of s in the Chinese numerals of set,
// indexed by digit; other characters stay.
func numerals(s string, set [10]string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteString(set[r-'0'])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	plainNumerals     = [10]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	telephoneNumerals = [10]string{"零", "幺", "两", "三", "四", "五", "六", "七", "八", "九"}
	financialNumerals = [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	circleNumerals    = [10]string{"○", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
)

// typedForm is a personal number as people type it: in the text, the
// span a detector must report and its kind.
type typedForm struct {
	name, text, want, kind string
}

// typedForms are the ways people write personal numbers into free text
// that both modes must catch. Every number is synthetic.
func typedForms() []typedForm {
	id := synthID("19800101", "001") // 110101198001010011 or with another check
	idX := "11010119900307002X"
	idE := synthID("19880415", "300")
	mob := "13800138000"
	sp := func(s string, sep string, cuts ...int) string {
		var parts []string
		last := 0
		for _, c := range cuts {
			parts = append(parts, s[last:c])
			last = c
		}
		return strings.Join(append(parts, s[last:]), sep)
	}
	spaced := func(s, sep string) string { return strings.Join(strings.Split(s, ""), sep) }
	idParts := func(sep string) string { return sp(id, sep, 6, 14) }
	mobParts := func(sep string) string { return sp(mob, sep, 3, 7) }
	forms := []typedForm{
		{"id spaced hyphen", "身份证号：" + idParts(" - ") + "。", idParts(" - "), KindIDNumber},
		{"id em dash", "证件号" + idParts("—") + "，", idParts("—"), KindIDNumber},
		{"id slash", "号码 " + idParts("/") + " 止", idParts("/"), KindIDNumber},
		{"id full-width slash", "号码" + idParts("／") + "止", idParts("／"), KindIDNumber},
		{"id low line", "号码 " + idParts("_") + " 止", idParts("_"), KindIDNumber},
		{"id dots", "号码 " + idParts(".") + " 止", idParts("."), KindIDNumber},
		{"id line break", "身份证号：" + sp(id, "\n", 6) + "\n电话", sp(id, "\n", 6), KindIDNumber},
		{"id CR LF", "身份证号：" + sp(id, "\r\n", 6) + "\r\n", sp(id, "\r\n", 6), KindIDNumber},
		{"id line break and indent", "身份证号：" + sp(id, "\n    ", 6) + "\n", sp(id, "\n    ", 6), KindIDNumber},
		{"id ideographic space", "号码" + idParts("\u3000") + "。", idParts("\u3000"), KindIDNumber},
		{"id no-break space", "号码" + idParts("\u00a0") + "。", idParts("\u00a0"), KindIDNumber},
		{"id every digit spaced", "号码 " + spaced(id, " ") + " 止", spaced(id, " "), KindIDNumber},
		{"id full width with X", "号码" + "１１０１０１１９９００３０７００２Ｘ" + "。", "１１０１０１１９９００３０７００２Ｘ", KindIDNumber},
		{"id in numerals", "身份证" + numerals(id, plainNumerals) + "。", numerals(id, plainNumerals), KindIDNumber},
		{"id in numerals with X", "身份证" + numerals(idX, plainNumerals) + "。", numerals(idX, plainNumerals), KindIDNumber},
		{"id in financial numerals", "身份证" + numerals(id, financialNumerals) + "。", numerals(id, financialNumerals), KindIDNumber},
		{"id numerals and digits", "身份证" + numerals(id[:10], plainNumerals) + id[10:] + "。", numerals(id[:10], plainNumerals) + id[10:], KindIDNumber},
		{"id digits and numerals", "身份证" + id[:8] + numerals(id[8:], plainNumerals) + "。", id[:8] + numerals(id[8:], plainNumerals), KindIDNumber},
		{"id in E notation", "身份证号 " + "1." + idE[1:15] + "E+17" + " 。", "1." + idE[1:15] + "E+17", KindIDNumber},
		{"id then mobile after a slash", "身份证/电话：" + id + "/" + mob + "。", id, KindIDNumber},
		{"mobile after an id and a slash", "身份证/电话：" + id + "/" + mob + "。", mob, KindMobile},
		{"two mobiles with a slash", "电话 13800138000/13900139000 联系", "13900139000", KindMobile},

		{"mobile spaced hyphen", "电话 " + mobParts(" - ") + "。", mobParts(" - "), KindMobile},
		{"mobile em dash", "电话" + mobParts("—") + "，", mobParts("—"), KindMobile},
		{"mobile en dash", "电话" + mobParts("–") + "，", mobParts("–"), KindMobile},
		{"mobile horizontal bar", "电话" + mobParts("―") + "，", mobParts("―"), KindMobile},
		{"mobile minus sign", "电话" + mobParts("−") + "，", mobParts("−"), KindMobile},
		{"mobile full-width hyphen", "电话" + mobParts("－") + "，", mobParts("－"), KindMobile},
		{"mobile slash", "电话 " + mobParts("/") + " 联系", mobParts("/"), KindMobile},
		{"mobile full-width slash", "电话" + mobParts("／") + "联系", mobParts("／"), KindMobile},
		{"mobile low line", "电话 " + mobParts("_") + " 联系", mobParts("_"), KindMobile},
		{"mobile dots", "电话 " + mobParts(".") + " 联系", mobParts("."), KindMobile},
		{"mobile round brackets", "电话(138)0013-8000。", "(138)0013-8000", KindMobile},
		{"mobile round brackets and space", "电话 (138) 0013 8000。", "(138) 0013 8000", KindMobile},
		{"mobile full-width brackets", "电话（138）0013 8000。", "（138）0013 8000", KindMobile},
		{"mobile lenticular brackets", "电话【138】0013 8000。", "【138】0013 8000", KindMobile},
		{"mobile square brackets", "电话 [138]0013-8000。", "[138]0013-8000", KindMobile},
		{"mobile every digit spaced", "电话 " + spaced(mob, " ") + " 联系", spaced(mob, " "), KindMobile},
		{"mobile line break", "电话：\n" + sp(mob, "\n", 3) + "\n", sp(mob, "\n", 3), KindMobile},
		{"mobile CR LF", "电话：" + sp(mob, "\r\n", 7) + "\r\n", sp(mob, "\r\n", 7), KindMobile},
		{"mobile ideographic space", "电话" + mobParts("\u3000") + "。", mobParts("\u3000"), KindMobile},
		{"mobile no-break space", "电话" + mobParts("\u00a0") + "。", mobParts("\u00a0"), KindMobile},
		{"mobile thin space", "电话" + mobParts("\u2009") + "。", mobParts("\u2009"), KindMobile},
		{"mobile full width", "电话１３８－００１３－８０００。", "１３８－００１３－８０００", KindMobile},
		{"mobile +86 hyphens", "电话 +86-138-0013-8000。", "+86-138-0013-8000", KindMobile},
		{"mobile +86 space then hyphens", "电话 +86 138-0013-8000。", "+86 138-0013-8000", KindMobile},
		{"mobile 0086", "电话 0086 138 0013 8000。", "0086 138 0013 8000", KindMobile},
		{"mobile (+86)", "电话(+86)138 0013 8000。", "(+86)138 0013 8000", KindMobile},
		{"mobile full-width (+86)", "电话（+86）13800138000。", "（+86）13800138000", KindMobile},
		{"mobile full-width plus", "电话＋86 13800138000。", "＋86 13800138000", KindMobile},
		{"mobile +86 every digit spaced", "电话 +86 " + spaced(mob, " ") + "。", "+86 " + spaced(mob, " "), KindMobile},
		{"mobile in numerals", "手机一三九〇〇一三九〇〇〇。", "一三九〇〇一三九〇〇〇", KindMobile},
		{"mobile telephone numerals", "手机幺三八零零幺三八零零零。", "幺三八零零幺三八零零零", KindMobile},
		{"mobile financial numerals", "手机壹叁捌零零壹叁捌零零零。", "壹叁捌零零壹叁捌零零零", KindMobile},
		{"mobile circle zeros", "手机" + numerals(mob, circleNumerals) + "。", numerals(mob, circleNumerals), KindMobile},
		{"mobile liang", "手机一五两〇〇一五两〇〇〇。", "一五两〇〇一五两〇〇〇", KindMobile},
		{"mobile numerals grouped", "手机 一三八 〇〇一三 八〇〇〇 联系", "一三八 〇〇一三 八〇〇〇", KindMobile},
		{"mobile numerals spaced", "手机 " + spaced(numerals(mob, plainNumerals), " ") + " 联系", spaced(numerals(mob, plainNumerals), " "), KindMobile},
		{"mobile digits then numerals", "手机139〇〇一三九〇〇〇。", "139〇〇一三九〇〇〇", KindMobile},
		{"mobile numerals then digits", "手机一三九00139000。", "一三九00139000", KindMobile},
		{"mobile numerals then digits apart", "手机 一三九 0013 9000 联系", "一三九 0013 9000", KindMobile},
		{"mobile alternating", "手机1三8〇0一3八0〇0。", "1三8〇0一3八0〇0", KindMobile},
		{"mobile after a numeral word", "陆13800138000。", "13800138000", KindMobile},
		{"mobile after numerals and an odd gap", "手机：一三八-/13800138000。", "13800138000", KindMobile},
		{"mobile in numerals after a surname", "联系人陆一三八〇〇一三八〇〇〇。", "一三八〇〇一三八〇〇〇", KindMobile},
		{"mobile in E notation", "手机 1.3800138E+10 。", "1.3800138E+10", KindMobile},
		{"mobile after WeChat", "微信：13800138000。", "13800138000", KindMobile},
		{"mobile after home phone", "家庭电话：13800138000。", "13800138000", KindMobile},

		{"landline area code in brackets", "家庭电话：(010)6234 5678。", "(010)6234 5678", KindLandline},
		{"landline full-width brackets", "个人电话（010）62345678，", "（010）62345678", KindLandline},
		{"landline four-digit area code", "住宅电话 0571-8888 6666。", "0571-8888 6666", KindLandline},
		{"landline local only", "宅电62345678。", "62345678", KindLandline},
		{"landline seven digits", "宅电：6234567。", "6234567", KindLandline},
		{"landline local apart", "家中电话: 6234 5678，", "6234 5678", KindLandline},
		{"landline hyphen", "家里电话：010-62345678；", "010-62345678", KindLandline},
		{"landline in one piece", "私人电话 02062345678 ", "02062345678", KindLandline},
		{"landline number word", "本人电话号码：8765 4321。", "8765 4321", KindLandline},
		{"landline fixed-line word", "家庭座机：0755-2345 6789。", "0755-2345 6789", KindLandline},
		{"landline english", "Home phone: 010 6234 5678.", "010 6234 5678", KindLandline},
		{"landline end of markup", "<dd>宅电:62345678</dd>", "62345678", KindLandline},

		{"wechat", "微信：zhang_san88。", "zhang_san88", KindWeChat},
		{"wechat number word", "微信号：wxid_abc123，", "wxid_abc123", KindWeChat},
		{"wechat glued", "微信zhangsan1990，", "zhangsan1990", KindWeChat},
		{"wechat english", "wechat: li-si-2020", "li-si-2020", KindWeChat},
		{"wechat english capital", "WeChat ID: wangwu_1990.", "wangwu_1990", KindWeChat},
		{"wechat vx", "vx：zhaoliu888", "zhaoliu888", KindWeChat},
		{"wechat VX", "加VX zhaoliu888 联系", "zhaoliu888", KindWeChat},
		{"wechat v xin", "v信：abc12345。", "abc12345", KindWeChat},
		{"wechat weixin", "weixin:abcdefg", "abcdefg", KindWeChat},
		{"wechat letters only", "微信：zhangsanfeng。", "zhangsanfeng", KindWeChat},
		{"wechat letters only glued", "微信zhangsanfeng。", "zhangsanfeng", KindWeChat},
		{"wechat number word then letters", "微信号 zhangsanfeng", "zhangsanfeng", KindWeChat},

		{"qq", "QQ：12345678。", "12345678", KindQQ},
		{"qq number word", "QQ号：123456789，", "123456789", KindQQ},
		{"qq lower case", "qq 10001234 ", "10001234", KindQQ},
		{"qq glued", "QQ2345678901。", "2345678901", KindQQ},
		{"qq number and code word", "QQ号码: 2345678901", "2345678901", KindQQ},
		{"qq kou kou", "扣扣：87654321", "87654321", KindQQ},
		{"qq five digits", "QQ:10001", "10001", KindQQ},

		{"email glued to digits", "邮箱wang7656@sina.com6272电话", "wang7656@sina.com", KindEmail},
		{"email glued to text", "li@qq.com电话", "li@qq.com", KindEmail},
		{"email glued to a mobile", "zhao@163.com13800138000", "zhao@163.com", KindEmail},
		{"email digits after qq", "QQ邮箱：12345678@qq.com。", "12345678@qq.com", KindEmail},
		{"email after QQ keyword", "QQ：12345678@qq.com。", "12345678@qq.com", KindEmail},
	}
	return forms
}

// findKinds renders what mode finds in text as kind:text items.
func findKinds(mode Mode, text string) []string {
	var out []string
	NewDetector(mode, nil).Find([]byte(text), func(m Match) {
		out = append(out, m.Kind+":"+text[m.Start:m.End])
	})
	return out
}

// eagerForms are typed forms that only the redactor takes: in generated
// output they are what programs write (a float in E notation with a
// small e).
var eagerForms = []typedForm{
	{"id in E notation lower case", "证件号码：1.10101198804153e+17，", "1.10101198804153e+17", KindIDNumber},
	{"mobile in E notation lower case", "手机 1.3800138e10 。", "1.3800138e10", KindMobile},
}

func TestTypedForms(t *testing.T) {
	for _, tc := range eagerForms {
		t.Run(tc.name+"/eager", func(t *testing.T) {
			got := findKinds(Eager, tc.text)
			want := tc.kind + ":" + tc.want
			for _, g := range got {
				if g == want {
					return
				}
			}
			t.Errorf("Find(%q) = %q, want %q among them", tc.text, got, want)
		})
	}
	for _, tc := range typedForms() {
		for _, mode := range []Mode{Guard, Eager} {
			t.Run(fmt.Sprintf("%s/%s", tc.name, modeName(mode)), func(t *testing.T) {
				got := findKinds(mode, tc.text)
				want := tc.kind + ":" + tc.want
				for _, g := range got {
					if g == want {
						return
					}
				}
				t.Errorf("Find(%q) = %q, want %q among them", tc.text, got, want)
			})
		}
	}
}

func modeName(m Mode) string {
	if m == Guard {
		return "guard"
	}
	return "eager"
}

// lookAlike is public text that looks like a personal number; eager says
// whether Eager mode must leave it alone too (it may be more eager on
// what is only markup).
type lookAlike struct {
	name, text string
	eager      bool
}

var lookAlikes = []lookAlike{
	{"date slash", "日期 2024/3/20 结束", true},
	{"date iso", "日期 2024-03-20 结束", true},
	{"date dots", "日期 2024.3.20 结束", true},
	{"date chinese", "2024年3月20日", true},
	{"dates slash in a row", "2024/3/20 2024/3/21 2024/3/22", true},
	{"dates iso in a row", "2023-11-15 2024-03-21 2024-05-06", true},
	{"dates on lines", "2024-03-20\n2024-03-21\n2024-03-22\n", true},
	{"timestamp", "2024-03-20T10:30:00+08:00", true},
	{"fraction", "比例 1/3，12/35，138/1000", true},
	{"ratio", "1:3 与 13:80", true},
	{"page of pages", "第 1/12 页", true},
	{"decimal", "3.14159265358979", true},
	{"decimal mobile shape", `{"x":0.13800138000}`, false},
	{"amount in E notation", `{"amount":1.35E+10}`, true},
	{"small E notation", "1.380013E+05", true},
	{"svg path", `<path d="M 138 13 L 80 0.5 138 0.2 L 3800 138"/>`, false},
	{"svg path glued", `<path d="M10 190L138 13 80 0.5Z"/>`, false},
	{"svg polyline", `<polyline points="0,0 1,3 8,0 0,1 3,8 0,0 0"/>`, false},
	{"svg single digits", `<path d="M 1 3 L 8 0 0 1 3 8 0 0 0 5"/>`, false},
	{"coordinates", "116.397128,39.916527", true},
	{"css", "margin:0 0 1.5rem;font:14px/1.5 sans-serif;color:rgba(0, 0, 0, 0.5)", false},
	{"css grid", "grid-template-columns:repeat(3, 1fr);gap:1.38rem 0.138rem", false},
	{"hex hash", "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", false},
	{"hex in a path", "/css/main.13800138000abcd.css", false},
	{"version", "Hugo v0.165.0, excelize v2.11.1, 1.10.108", true},
	{"credit code letters", "统一社会信用代码 91110108MA0000001D", true},
	{"credit code digits", "代码 121100004000000001。", true},
	{"credit code check W", "代码12100000400000000W", true},
	{"decision number", "京科监〔2023〕12号", true},
	{"decision number long", "国科金监处〔2021〕134号", true},
	{"grant number", "项目编号 82071234", true},
	{"grant number letters", "课题 2021YFA1300400", true},
	{"institutional phone consult", "咨询电话：010-68598000", true},
	{"institutional phone contact", "联系电话：0571-87654321", true},
	{"institutional phone office brackets", "办公电话（010）6859 8000", true},
	{"institutional phone on duty", "值班电话：010 6859 8000", true},
	{"institutional phone report", "举报电话：010-68598000", true},
	{"institutional +86", "+86 10 6859 8000", true},
	{"institutional email", "ethics@zju.edu.cn", true},
	{"public account", "微信公众号：kejilunli", true},
	{"qq group", "QQ群：123456789", true},
	{"wechat word", "分享到微信 WeChat", true},
	{"wechat short", "微信：abc", true},
	{"slug with vx", "/activities/2026-1-vxbzjjwq/", true},
	{"slug with qq", "/reports/2025-2-fcwmqqrt/", true},
	{"url path digits", "/cases/2024/03/20/aj-13800/", true},
	{"case number", "AJ-2024-001，HD-2024-0091", true},
	{"counts", "共 12 家，13 人，800 项", true},
	{"year range", "2019—2024", true},
	{"quarter", "2025年第二季度", true},
	{"chinese numerals in words", "一五一十，三三两两，第一二三四五六七八九批", true},
	{"numeral date", "二〇二四年三月二十日", true},
	{"anonymised name", "○○○大学○○○○○○○○○○○学院", true},
	{"url path of numbers", "https://example.org/assets/6460392/21101956/bbc7b356-c0a1.png", true},
	{"url path with a mobile shape", "/news/304-171/79206000/jpg/_79206789_02.jpg", true},
	{"numbers one to a line", "-- new --\n1\n2\n3\n4\n5\n6\n8\n9\n10\n11\n12\n13\n14\n", false},
	{"grouped literal", "C = 912_345_678_901_234_567_890_123_456_789_012", true},
	{"float in E notation", "80,80,1.3979697e+10,7.556001431015456e+00", false},
	{"wechat in prose", "In WeChat embedded browsers, requestAnimationFrame stops", true},
	{"wechat icon class", `.fa-weixin:before{content:"\f1d7"}.fa-wechat:before{content:"\f1d7"}`, true},
	{"vx variable", "vx = nextCpx0 - x; vX version range; draw VX parallel", true},
	{"wechat in a query", "/share?wechat=abcdef123&lang=zh", true},
}

func TestLookAlikes(t *testing.T) {
	for _, tc := range lookAlikes {
		modes := []Mode{Guard}
		if tc.eager {
			modes = append(modes, Eager)
		}
		for _, mode := range modes {
			t.Run(fmt.Sprintf("%s/%s", tc.name, modeName(mode)), func(t *testing.T) {
				if got := findKinds(mode, tc.text); len(got) > 0 {
					t.Errorf("Find(%q) = %q, want nothing", tc.text, got)
				}
			})
		}
	}
}

// TestTypedFormsInMarkup puts every typed form into the places generated
// output holds text: the guard must find it there too.
func TestTypedFormsInMarkup(t *testing.T) {
	wrap := []struct{ name, before, after string }{
		{"html", `<p class="facts">`, `</p>`},
		{"json", `{"facts":"`, `"}`},
		{"csv", "AJ-2024-001,某某大学,\"", "\"\n"},
	}
	for _, tc := range typedForms() {
		for _, w := range wrap {
			t.Run(tc.name+"/"+w.name, func(t *testing.T) {
				text := w.before + tc.text + w.after
				want := tc.kind + ":" + tc.want
				got := findKinds(Guard, text)
				for _, g := range got {
					if g == want {
						return
					}
				}
				t.Errorf("Find(%q) = %q, want %q among them", text, got, want)
			})
		}
	}
}

// TestShortRunIsExactOnTypedForms checks the fast path against the full
// detector on random strings built from the pieces of the forms people
// type: numerals, dashes, brackets, line breaks, keywords and filler.
func TestShortRunIsExactOnTypedForms(t *testing.T) {
	pieces := []string{"0", "1", "3", "8", "12", "138", "0013", "8000", "110101", "1.38", "E+10", "e+17", "X",
		"-", " - ", "—", "−", "/", "／", "_", ".", " ", "\n", "\r\n", "(", ")", "（", "）", "【", "】", "[", "]", "+", "＋86",
		"\u3000", "\u00a0", "\u200b", "一", "三", "八", "〇", "零", "幺", "两", "陆", "壹", "捌", "十", "年",
		"QQ", "qq", "扣扣", "宅电", "家庭电话", "联系电话", "home tel", "微信", "v信", "vx", "wechat", "abcdef", "号", "码", "：", ":", "=",
		"<", ">", "\"", ",", "，", "。", "@", "qq.com", "a", "Z", "１", "８"}
	r := uint64(7)
	next := func(n int) int {
		r ^= r << 13
		r ^= r >> 7
		r ^= r << 17
		return int(r % uint64(n))
	}
	for range 40000 {
		var b strings.Builder
		for range 1 + next(20) {
			b.WriteString(pieces[next(len(pieces))])
		}
		sameWithoutFastPath(t, []byte(b.String()))
	}
}
