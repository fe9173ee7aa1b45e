package person

import (
	"slices"
	"sort"
	"testing"
)

func TestForms(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string // among the forms
		wantNot []string // not among them
	}{
		{"the name", "张小测", []string{"张小测"}, nil},
		{"spaced", "张小测", []string{"张 小 测", "张  小  测", "张\u3000小\u3000测", "张 小测", "张  小测", "张\u3000小测"}, nil},
		{"pinyin surname first", "张小测", []string{"zhang xiaoce", "zhangxiaoce", "zhang xiao ce", "zhang-xiaoce", "zhang, xiaoce", "zhang xiao-ce"}, nil},
		{"pinyin surname last", "张小测", []string{"xiaoce zhang", "xiao-ce zhang", "xiao ce zhang", "xiaoce, zhang"}, nil},
		{"given name with a title", "张小测", []string{"小测老师", "小测教授", "小测主任", "小测同学", "小测同志"}, nil},
		{"nothing shorter than two characters", "张小测", nil, []string{"张", "小测", "zhang", "测"}},
		{"two-character name", "张三", []string{"张三", "张 三", "zhang san", "zhang-san", "san zhang"}, []string{"三老师", "zhang", "san", "zhangsan", "sanzhang"}},
		// joined, two syllables are a place: 何飞 is no reason to hide Hefei
		{"two syllables never joined", "何飞", []string{"he fei", "fei he"}, []string{"hefei", "feihe"}},
		{"compound surname", "欧阳测明", []string{"欧阳 测明", "ouyang ceming", "ouyangceming", "ceming ouyang", "ou yang ceming", "测明主任"}, []string{"阳测明", "yang ceming"}},
		{"compound surname reading", "尉迟测明", []string{"yuchi ceming"}, nil},
		{"moqi", "万俟测明", []string{"moqi ceming"}, []string{"wansi ceming"}},
		{"surname readings", "单小测", []string{"shan xiaoce"}, []string{"dan xiaoce"}},
		{"zeng", "曾小测", []string{"zeng xiaoce"}, nil},
		{"ou", "区小测", []string{"ou xiaoce"}, nil},
		{"qiu", "仇小测", []string{"qiu xiaoce"}, nil},
		{"xie", "解小测", []string{"xie xiaoce"}, nil},
		{"zha", "查小测", []string{"zha xiaoce"}, nil},
		{"piao", "朴小测", []string{"piao xiaoce"}, nil},
		{"ge or gai", "盖小测", []string{"ge xiaoce", "gai xiaoce"}, nil},
		{"yue or le", "乐小测", []string{"yue xiaoce", "le xiaoce"}, nil},
		{"traditional", "單小測", []string{"shan xiaoce"}, nil},
		{"surname reading only", "冯测辉", []string{"feng cehui", "cehui feng"}, []string{"ping cehui"}},
		{"umlaut", "吕小测", []string{"lv xiaoce", "lu xiaoce", "lyu xiaoce", "lü xiaoce"}, nil},
		{"spaced input", "张  小 测", []string{"张小测", "zhang xiaoce"}, nil},
		{"dotted", "阿依努尔·测试提", []string{"阿依努尔·测试提", "阿依努尔•测试提", "阿依努尔・测试提", "阿依努尔･测试提", "阿依努尔‧测试提", "阿依努尔∙测试提", "阿依努尔⋅测试提", "阿依努尔.测试提", "阿依努尔．测试提", "阿依努尔测试提", "阿依努尔 测试提", "阿依努尔", "ayinuer ceshiti"}, []string{"测试提"}},
		{"dotted input with another dot", "阿依努尔•测试提", []string{"阿依努尔·测试提"}, nil},
		{"latin", "Testa Fakename", []string{"testa fakename", "fakename testa", "fakename, testa", "testafakename", "t. fakename"}, []string{"Testa Fakename", "testa", "fakename"}},
		{"latin hyphenated", "Testa Fake-Name", []string{"testa fake-name", "testa fake name", "testa fakename"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Forms(tt.in)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Forms(%q) = %q, want %q among them", tt.in, got, w)
				}
			}
			for _, w := range tt.wantNot {
				if slices.Contains(got, w) {
					t.Errorf("Forms(%q) = %q, want no %q", tt.in, got, w)
				}
			}
		})
	}
}

func TestFormsNone(t *testing.T) {
	for _, in := range []string{"", "张", "张某", "欧阳某", "李某某", "王某甲", "T.", "Li"} {
		if got := Forms(in); got != nil {
			t.Errorf("Forms(%q) = %q, want none", in, got)
		}
	}
}

// Forms are bounded, sorted, unique and long enough, whatever the name.
func TestFormsBounded(t *testing.T) {
	for _, in := range []string{"张小测", "欧阳测明", "吕女乐", "乐行长", "司马测远", "隐藏测名", "阿依努尔·测试提·买买江", "Testa Fake-Name O'Brien", "盖和行", "单于测明"} {
		got := Forms(in)
		if len(got) == 0 || len(got) > 64 {
			t.Errorf("Forms(%q) gives %d forms, want 1 to 64", in, len(got))
		}
		if !sort.StringsAreSorted(got) {
			t.Errorf("Forms(%q) = %q, not sorted", in, got)
		}
		for i, f := range got {
			if i > 0 && got[i-1] == f {
				t.Errorf("Forms(%q) has %q twice", in, f)
			}
			if !longEnough(f) {
				t.Errorf("Forms(%q) has %q, shorter than two characters or four letters", in, f)
			}
		}
		if again := Forms(in); !slices.Equal(again, got) {
			t.Errorf("Forms(%q) differs from one call to the next", in)
		}
	}
}

func BenchmarkForms(b *testing.B) {
	names := []string{"张小测", "欧阳测明", "阿依努尔·测试提", "Testa Fakename", "吕小测"}
	for b.Loop() {
		for _, n := range names {
			Forms(n)
		}
	}
}
