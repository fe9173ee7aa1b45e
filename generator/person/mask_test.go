package person

import "testing"

func TestMask(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"two characters", "张三", "张某"},
		{"three characters", "张小测", "张某"},
		{"compound surname", "欧阳测明", "欧阳某"},
		{"compound surname and one", "欧阳明", "欧阳某"},
		{"compound surname characters only", "欧阳", "欧某"},
		{"traditional compound", "歐陽測明", "歐陽某"},
		{"spaced", "张 小 测", "张某"},
		{"dotted minority name", "阿依努尔·测试提", "阿某"},
		{"dotted with a bullet", "阿依努尔•测试提", "阿某"},
		{"latin", "Testa Fakename", "T."},
		{"latin lower case", "testa fakename", "T."},
		{"full-width latin", "Ｔｅｓｔａ", "T."},
		{"already masked", "张某", "张某"},
		{"already masked twice", "李某某", "李某某"},
		{"already masked with a stem", "王某甲", "王某甲"},
		{"surname alone", "张", "张某"},
		{"blank", " ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mask(tt.in); got != tt.want {
				t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMasker(t *testing.T) {
	tests := []struct {
		name  string
		add   []string // added first, in order
		masks []string // then masked, pairwise with want
		want  []string
	}{
		{"one person", []string{"张小测"}, []string{"张小测"}, []string{"张某"}},
		{"two surnames", []string{"张小测", "李小验"}, []string{"张小测", "李小验"}, []string{"张某", "李某"}},
		{"two people of one surname", []string{"张测甲", "张测乙"}, []string{"张测乙", "张测甲"}, []string{"张某乙", "张某甲"}},
		{"three of one surname", []string{"张一测", "张二测", "张三测"}, []string{"张三测"}, []string{"张某丙"}},
		{"same person written twice", []string{"张小测", "张 小测"}, []string{"张  小测"}, []string{"张某"}},
		{"latin case", []string{"Testa Fakename", "TESTA FAKENAME"}, []string{"testa fakename"}, []string{"T."}},
		{"two latin names of one letter", []string{"Testa Fakename", "Tosta Fakename"}, []string{"Tosta Fakename"}, []string{"T.乙"}},
		{"compound and single surname apart", []string{"欧阳测明", "欧测明"}, []string{"欧阳测明", "欧测明"}, []string{"欧阳某", "欧某"}},
		{"masked name keeps its form", []string{"张某", "张小测"}, []string{"张某", "张小测"}, []string{"张某", "张某乙"}},
		{"masked name with a stem is skipped", []string{"张某甲", "张小测"}, []string{"张小测", "张某甲"}, []string{"张某乙", "张某甲"}},
		{"a name first seen when masking", nil, []string{"张小测", "李小验"}, []string{"张某", "李某"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMasker()
			m.Add(tt.add...)
			for i, in := range tt.masks {
				if got := m.Mask(in); got != tt.want[i] {
					t.Errorf("Mask(%q) after adding %q = %q, want %q", in, tt.add, got, tt.want[i])
				}
			}
		})
	}
}

// A namesake added later tells the two apart from then on.
func TestMaskerLaterNamesake(t *testing.T) {
	m := NewMasker()
	if got := m.Mask("张测甲"); got != "张某" {
		t.Errorf("Mask(%q) = %q, want %q", "张测甲", got, "张某")
	}
	m.Add("张测乙")
	if got := m.Mask("张测甲"); got != "张某甲" {
		t.Errorf("Mask(%q) after a namesake = %q, want %q", "张测甲", got, "张某甲")
	}
}

func TestSurname(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"single", "张小测", "张"},
		{"compound", "欧阳测明", "欧阳"},
		{"compound characters in a name of two", "欧阳", "欧"},
		{"traditional", "張小測", "張"},
		{"no surname", "阿小测", ""},
		{"dotted", "阿依努尔·测试提", ""},
		{"latin", "Testa Fakename", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Surname(tt.in); got != tt.want {
				t.Errorf("Surname(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRomanize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"surname", "张某", "Zhang Mou"},
		{"compound surname", "欧阳某", "Ouyang Mou"},
		{"surname reading", "单某", "Shan Mou"},
		{"two mou", "李某某", "Li Moumou"},
		{"stem", "张某乙", "Zhang Mou B"},
		{"minority name", "阿某", "A Mou"},
		{"latin", "T.", "T."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Romanize(tt.in); got != tt.want {
				t.Errorf("Romanize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsMask(t *testing.T) {
	for s, want := range map[string]bool{
		"张某": true, "欧阳某": true, "张某甲": true, "司马某乙": true,
		"张三": false, "人员-4d97c50a": false, "张某某": false, "某": false, "": false, "Zhang Mou": false,
	} {
		if got := IsMask(s); got != want {
			t.Errorf("IsMask(%q) = %v, want %v", s, got, want)
		}
	}
}
