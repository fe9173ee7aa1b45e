package person

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"one name", "张小测", []string{"张小测"}},
		{"blank", "  ", nil},
		{"enumeration comma", "张小测、李小验", []string{"张小测", "李小验"}},
		{"full-width comma", "张小测，李小验", []string{"张小测", "李小验"}},
		{"ascii comma", "张小测,李小验", []string{"张小测", "李小验"}},
		{"semicolons", "张小测；李小验;王测明", []string{"张小测", "李小验", "王测明"}},
		{"slashes", "张小测/李小验／王测明", []string{"张小测", "李小验", "王测明"}},
		{"latin name ending like a placeholder", "Li Na", []string{"Li Na"}},
		{"latin placeholder alone", "NA", nil},
		{"latin placeholder after a name", "Li Na; N/A", []string{"Li Na"}},
		{"line breaks", "张小测\n李小验\r\n王测明", []string{"张小测", "李小验", "王测明"}},
		{"he between two names", "王测明和赵验华", []string{"王测明", "赵验华"}},
		{"ji and yu", "张小测及李小验与王测明", []string{"张小测", "李小验", "王测明"}},
		{"yiji", "张小测以及李小验", []string{"张小测", "李小验"}},
		{"he inside a name", "张和平", []string{"张和平"}},
		{"he as surname after a conjunction", "张小测与和平", []string{"张小测", "和平"}},
		{"he with one character after it", "张小测和平", []string{"张小测和平"}},
		{"earlier split wins", "张小测和王和平", []string{"张小测", "王和平"}},
		{"conjunction between compound surnames", "欧阳测明与司马测远", []string{"欧阳测明", "司马测远"}},
		{"conjunction spaced", "张小测 和 李小验", []string{"张小测", "李小验"}},
		{"trailing deng", "孙测伟等", []string{"孙测伟"}},
		{"trailing deng ren", "孙测伟等人", []string{"孙测伟"}},
		{"deng with a number", "孙测伟等3人", []string{"孙测伟"}},
		{"deng with a Chinese number", "孙测伟等三人", []string{"孙测伟"}},
		{"deng with a title", "孙测伟等同志", []string{"孙测伟"}},
		{"list then deng", "张小测、李小验等", []string{"张小测", "李小验"}},
		{"title after", "周测强教授", []string{"周测强"}},
		{"long title after", "周测强副主任医师", []string{"周测强"}},
		{"title before", "教授周测强", []string{"周测强"}},
		{"role before", "项目负责人：王测明", []string{"王测明"}},
		{"role before without colon", "项目负责人王测明", []string{"王测明"}},
		{"titles on every name", "李小验同学、王测明老师和赵验华副主任医师等人", []string{"李小验", "王测明", "赵验华"}},
		{"title spaced", "周测强 教授", []string{"周测强"}},
		{"title only", "教授", nil},
		{"surname and title", "张教授", []string{"张"}},
		{"bracket note", "张小测（组长）", []string{"张小测"}},
		{"ascii bracket note", "张小测(PI)、李小验", []string{"张小测", "李小验"}},
		{"other brackets", "张小测【负责人】〔主任〕", []string{"张小测"}},
		{"bracket with separators inside", "张小测（组长、PI）、李小验", []string{"张小测", "李小验"}},
		{"bracket never closed", "张小测（组长", []string{"张小测"}},
		{"bracket never opened", "张小测）李小验", []string{"张小测", "李小验"}},
		{"phone after", "吴测刚 13900139123", []string{"吴测刚"}},
		{"phone glued", "吴测刚13900139123", []string{"吴测刚"}},
		{"phone in brackets", "吴测刚（电话：13900139123）", []string{"吴测刚"}},
		{"phone with its word", "吴测刚 电话：139-0013-9123，李小验", []string{"吴测刚", "李小验"}},
		{"mobile word", "吴测刚手机13900139123", []string{"吴测刚"}},
		{"ID number", "吴测刚 身份证号 11010519491231002X", []string{"吴测刚"}},
		{"contact word then name", "吴测刚 联系方式：微信wxid_ceshi、李小验", []string{"吴测刚", "李小验"}},
		{"e-mail", "张小测 zhangxiaoce@example.com", []string{"张小测"}},
		{"address", "张小测 住址：测试省测试市测试路1号", []string{"张小测"}},
		{"phone in Chinese numerals", "张小测 一三九〇〇一三九一二三", []string{"张小测"}},
		{"sex after", "张小测，男，电话138", []string{"张小测"}},
		{"inner spaces", "张  三", []string{"张三"}},
		{"inner spaces every character", "王 测 明", []string{"王测明"}},
		{"compound surname spaced", "欧阳 测明", []string{"欧阳测明"}},
		{"ideographic space", "张\u3000小测", []string{"张小测"}},
		{"two names a space apart", "张小测 李小验", []string{"张小测", "李小验"}},
		{"spaced names in a list", "王 测 明、赵验华", []string{"王测明", "赵验华"}},
		{"zero-width space", "张\u200b小测", []string{"张小测"}},
		{"middle dot", "阿依努尔·测试提", []string{"阿依努尔·测试提"}},
		{"bullet", "阿依努尔•测试提", []string{"阿依努尔·测试提"}},
		{"katakana dot", "阿依努尔・测试提", []string{"阿依努尔·测试提"}},
		{"half-width katakana dot", "阿依努尔･测试提", []string{"阿依努尔·测试提"}},
		{"hyphenation point", "阿依努尔‧测试提", []string{"阿依努尔·测试提"}},
		{"bullet operator", "阿依努尔∙测试提", []string{"阿依努尔·测试提"}},
		{"dot operator", "阿依努尔⋅测试提", []string{"阿依努尔·测试提"}},
		{"full-width full stop", "阿依努尔．测试提", []string{"阿依努尔·测试提"}},
		{"ascii full stop", "阿依努尔.测试提", []string{"阿依努尔·测试提"}},
		{"dot with spaces", "阿依努尔 · 测试提", []string{"阿依努尔·测试提"}},
		{"dotted name with title", "阿依努尔·测试提教授", []string{"阿依努尔·测试提"}},
		{"dotted name and another", "阿依努尔·测试提和张小测", []string{"阿依努尔·测试提", "张小测"}},
		{"chinese full stop separates", "张小测。李小验", []string{"张小测", "李小验"}},
		{"latin name", "Testa Fakename", []string{"Testa Fakename"}},
		{"latin name spaces collapsed", "  Testa   Fakename ", []string{"Testa Fakename"}},
		{"latin surname first with comma", "Fakename, Testa", []string{"Testa Fakename"}},
		{"latin names in a list", "Dr. Testa Fakename; Alia Fakename", []string{"Testa Fakename", "Alia Fakename"}},
		{"latin and", "Testa Fakename and Alia Fakename", []string{"Testa Fakename", "Alia Fakename"}},
		{"latin three single words", "Fakename, Testa, Alia", []string{"Fakename", "Testa", "Alia"}},
		{"latin initial", "T. Fakename", []string{"T. Fakename"}},
		{"latin apostrophe and hyphen", "Testa O'Fake-Name", []string{"Testa O'Fake-Name"}},
		{"latin title after", "Testa Fakename PhD", []string{"Testa Fakename"}},
		{"full-width latin", "Ｔｅｓｔａ　Ｆａｋｅｎａｍｅ", []string{"Testa Fakename"}},
		{"han then pinyin", "张小测 Zhang Xiaoce", []string{"张小测", "Zhang Xiaoce"}},
		{"traditional characters", "張小測、歐陽測明", []string{"張小測", "歐陽測明"}},
		{"already masked", "张某、李某某", []string{"张某", "李某某"}},
		{"each person once", "张小测、张 小测、张小测教授", []string{"张小测"}},
		{"placeholder", "无", nil},
		{"placeholder among names", "张小测、暂无", []string{"张小测"}},
		{"latin placeholder", "N/A", nil},
		{"a name that ends in a stem", "张测甲、张测乙", []string{"张测甲", "张测乙"}},
		{"four characters", "隐藏测名", []string{"隐藏测名"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Parse(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkParsed reports what Parse must never return: an empty name, a
// separator, a digit, a bracket, or a title.
func checkParsed(t *testing.T, cell string, names []string) {
	t.Helper()
	for _, n := range names {
		switch {
		case n == "", strings.TrimSpace(n) != n:
			t.Errorf("Parse(%q) returned %q: blank or untrimmed", cell, n)
		case strings.ContainsAny(n, "、，,;；/／|\n\r()（）[]【】"):
			t.Errorf("Parse(%q) returned %q, which holds a separator or bracket", cell, n)
		case strings.ContainsFunc(n, unicode.IsDigit):
			t.Errorf("Parse(%q) returned %q, which holds a digit", cell, n)
		case titles.set[n] || latinTitles[strings.ToLower(n)]:
			t.Errorf("Parse(%q) returned the title %q", cell, n)
		case hasHan(n) && (titles.suffix(n) > 0 || titles.prefix(n) > 0):
			t.Errorf("Parse(%q) returned %q, which holds a title", cell, n)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"张小测、李小验和王测明等人", "周测强教授（组长）13900139123", "阿依努尔 • 测试提", "Fakename, Testa",
		"张和平与和平", "欧阳 测明；Dr. Testa Fakename", "吴测刚 电话：139-0013-9123", "教授教授", "(((", "等等等",
		"张\xff小测", "·", "张小测.", "a.b.c", "以及以及和",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		names := Parse(cell)
		checkParsed(t, cell, names)
		seen := map[string]bool{}
		for _, n := range names {
			if seen[n] {
				t.Errorf("Parse(%q) returned %q twice", cell, n)
			}
			seen[n] = true
			// a canonical name is its own canonical form
			if c := canonical(n); c != n && hasHan(n) {
				t.Errorf("Parse(%q) returned %q, whose canonical form is %q", cell, n, c)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	cells := []string{"张小测", "李小验同学、王测明老师和赵验华副主任医师等人", "吴测刚 电话：139-0013-9123", "Dr. Testa Fakename; Alia Fakename", "阿依努尔 • 测试提"}
	for b.Loop() {
		for _, c := range cells {
			Parse(c)
		}
	}
}
