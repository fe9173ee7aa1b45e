package schema_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"disclose/generator/fold"
	"disclose/generator/schema"
)

// toFullWidth writes the ASCII of s in full width, as Chinese input methods
// often do.
func toFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '\u3000'
		case r > ' ' && r < 0x7f:
			return r + 0xfee0
		}
		return r
	}, s)
}

// Every header of every field, in Chinese and English, matches its field
// however a data officer writes it.
func TestMatchHeaderEveryField(t *testing.T) {
	c := schema.MustDefault()
	for _, d := range c.Datasets {
		for _, f := range d.Fields {
			variants := map[string]string{
				"zh":                    f.Zh,
				"en":                    f.En,
				"key":                   f.Key,
				"zh required note":      f.Zh + "（必填）",
				"zh leading star":       "*" + f.Zh,
				"zh trailing star":      f.Zh + "*",
				"zh full-width star":    "＊" + f.Zh,
				"zh spaced":             "  " + strings.Join(strings.Split(f.Zh, ""), " ") + " ",
				"zh ideographic spaces": "\u3000" + f.Zh + "\u3000",
				"zh line break":         f.Zh + "\n（必填）",
				"en upper case":         strings.ToUpper(f.En),
				"en lower case":         strings.ToLower(f.En),
				"en note":               f.En + " (see instructions)",
				"en bracket note":       f.En + " [required]",
				"en full-width":         toFullWidth(strings.ToUpper(f.En)),
				"en star and note":      "*" + f.En + " (required)",
			}
			for name, h := range variants {
				got, ok := d.MatchHeader(h)
				if !ok || got != f {
					key := "<none>"
					if got != nil {
						key = got.Key
					}
					t.Errorf("%s %s (%s): MatchHeader(%q) = %s, want %s", d.Name, f.Key, name, h, key, f.Key)
				}
			}
		}
	}
}

func TestMatchHeader(t *testing.T) {
	c := schema.MustDefault()
	tests := []struct {
		name, dataset, header, want string // want "" means no match
	}{
		{"required note", "committees", "登记日期（必填）", "registered_on"},
		{"leading star", "committees", "*登记编号", "id"},
		{"english date note", "committees", "Registered on (yyyy-mm-dd)", "registered_on"},
		{"full-width english", "committees", "ＲＥＧＩＳＴＲＡＴＩＯＮ　ＮＯ．", "id"},
		{"inner spaces", "committees", "  委员会 名称 ", "name"},
		{"alias", "committees", "Registration number", "id"},
		{"header with its own note", "activities", "合作国家（地区）", "partner_countries"},
		{"header without its own note", "activities", "合作国家", "partner_countries"},
		{"own note and required note", "cases", "限制期限（年）（选填）", "ban_years"},
		{"square brackets", "cases", "结案日期【必填】", "closed_on"},
		{"reports period", "reports", "报告期", "period"},
		{"same header in another dataset", "reports", "Summary", "summary"},

		{"prefix of a header", "committees", "登记", ""},
		{"header with more words", "committees", "备注说明", ""},
		{"note only", "committees", "（必填）", ""},
		{"star only", "committees", "*", ""},
		{"empty", "committees", "", ""},
		{"field of another dataset", "committees", "案件编号", ""},
		{"note in the middle", "committees", "登记（必填）日期", ""},
		{"english prefix", "committees", "Registration", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := c.Dataset(tt.dataset).MatchHeader(tt.header)
			got := ""
			if ok {
				got = f.Key
			}
			if got != tt.want {
				t.Errorf("%s.MatchHeader(%q) = %q, want %q", tt.dataset, tt.header, got, tt.want)
			}
		})
	}
}

func TestHeaderKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "登记编号", "登记编号"},
		{"note", "登记日期（必填）", "登记日期"},
		{"two notes", "限制期限（年）（必填）", "限制期限"},
		{"star then note", "*登记日期（必填）*", "登记日期"},
		{"english", " Registered On (yyyy-mm-dd) ", "registeredon"},
		{"bracket only kept", "（必填）", "(必填)"},
		{"stars only", "**", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := schema.HeaderKey(tt.in); got != tt.want {
				t.Errorf("HeaderKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzHeaderKey(f *testing.F) {
	for _, s := range []string{
		"登记日期（必填）", "*登记编号", "Registered on (yyyy-mm-dd)", "ＲＥＧＩＳＴＲＡＴＩＯＮ　ＮＯ．",
		"  委员会 名称 ", "（必填）", "*(a)*", "a(b)*(c)", "限制期限（年）（必填）", "Ａ\u0301", "e \u0301",
	} {
		f.Add(s)
	}
	c := schema.MustDefault()
	f.Fuzz(func(t *testing.T, s string) {
		k := schema.HeaderKey(s)
		if again := schema.HeaderKey(k); again != k {
			t.Fatalf("HeaderKey(%q) = %q, but HeaderKey(%q) = %q", s, k, k, again)
		}
		for _, d := range c.Datasets {
			f1, ok1 := d.MatchHeader(s)
			f2, ok2 := d.MatchHeader(k)
			if ok1 != ok2 || f1 != f2 {
				t.Fatalf("%s: MatchHeader(%q) and MatchHeader(%q) disagree", d.Name, s, k)
			}
		}
	})
}

func TestVocabularies(t *testing.T) {
	c := schema.MustDefault()
	for _, name := range []string{"institution_type", "field", "committee_status", "high_risk_category", "rereview_result", "activity_status", "violation_type", "penalty", "body_type", "principle", "region"} {
		if c.Vocab(name) == nil {
			t.Errorf("vocabulary %s is missing", name)
		}
	}
	for name, v := range c.Vocabs {
		if v.Zh == "" || v.En == "" {
			t.Errorf("vocabulary %s has no title in zh or en", name)
		}
		if len(v.Terms) == 0 {
			t.Errorf("vocabulary %s has no terms", name)
		}
		owner := map[string]string{} // label key → code
		for _, term := range v.Terms {
			if term.Code == "" || term.Zh == "" || term.En == "" {
				t.Errorf("%s: term %+v lacks a code, zh or en", name, term)
			}
			if term.Code != strings.TrimSpace(term.Code) || term.Zh != strings.TrimSpace(term.Zh) || term.En != strings.TrimSpace(term.En) {
				t.Errorf("%s: term %q has surrounding spaces", name, term.Code)
			}
			for _, label := range append([]string{term.Code, term.Zh, term.En}, term.Synonyms...) {
				k := fold.Key(label)
				if other, ok := owner[k]; ok && other != term.Code {
					t.Errorf("%s: %q names both %s and %s", name, label, other, term.Code)
				}
				owner[k] = term.Code
				if got, ok := v.Lookup(label); !ok || got != term {
					t.Errorf("%s: Lookup(%q) does not find %s", name, label, term.Code)
				}
			}
			if v.Term(term.Code) != term {
				t.Errorf("%s: Term(%q) does not find its term", name, term.Code)
			}
		}
	}
}

// Violation types name the ethics principles they breach; every one must
// exist, or the education pages link to nothing.
func TestViolationPrinciples(t *testing.T) {
	c := schema.MustDefault()
	principles := c.Vocab("principle")
	for _, term := range c.Vocab("violation_type").Terms {
		for _, p := range term.Principles {
			if principles.Term(p) == nil {
				t.Errorf("violation type %s names unknown principle %q", term.Code, p)
			}
		}
	}
}

func TestLabelsLongestFirst(t *testing.T) {
	v := schema.MustDefault().Vocab("penalty")
	labels := v.Labels()
	for i := 1; i < len(labels); i++ {
		if len(labels[i]) > len(labels[i-1]) {
			t.Fatalf("Labels(): %q comes after the shorter %q", labels[i], labels[i-1])
		}
	}
	found := false
	for _, l := range labels {
		if l != fold.Key(l) {
			t.Errorf("Labels(): %q is not in key form", l)
		}
		if l == fold.Key("撤销获得的奖励、荣誉") {
			found = true
		}
	}
	if !found {
		t.Errorf("Labels() lacks 撤销获得的奖励、荣誉")
	}
}

func TestDatasets(t *testing.T) {
	c := schema.MustDefault()
	var names []string
	for _, d := range c.Datasets {
		names = append(names, d.Name)
		if d.Field("id") == nil || d.Field(d.TitleField) == nil || d.Field(d.DateField) == nil {
			t.Errorf("%s: id, title field %q or date field %q missing", d.Name, d.TitleField, d.DateField)
		}
		if d.Zh == "" || d.En == "" || d.ItemZh == "" || d.ItemEn == "" {
			t.Errorf("%s: a title is missing", d.Name)
		}
		if len(d.Required()) == 0 {
			t.Errorf("%s: no required fields", d.Name)
		}
		for _, f := range d.Fields {
			if f.Zh == "" || f.En == "" || f.Key == "" {
				t.Errorf("%s: field %+v lacks a header or key", d.Name, f)
			}
			if (f.Type == schema.Enum || f.Type == schema.Region) && c.Vocab(f.Vocab) == nil {
				t.Errorf("%s.%s: unknown vocabulary %q", d.Name, f.Key, f.Vocab)
			}
			if f.Ref != "" && c.Dataset(f.Ref) == nil {
				t.Errorf("%s.%s: refers to unknown dataset %q", d.Name, f.Key, f.Ref)
			}
			if f.Type == schema.Secret && f.Public() {
				t.Errorf("%s.%s: a secret field is public", d.Name, f.Key)
			}
			if !utf8.ValidString(f.Zh) || f.Type.String() == "" {
				t.Errorf("%s.%s: bad header or type", d.Name, f.Key)
			}
		}
	}
	if got := strings.Join(names, ","); got != "committees,activities,cases,reports" {
		t.Errorf("datasets = %s, want committees,activities,cases,reports", got)
	}
}

func TestNewOverrides(t *testing.T) {
	tests := []struct {
		name    string
		file    schema.VocabFile
		wantErr string // "" means success
		check   func(*schema.Catalog) string
	}{
		{
			name: "extend",
			file: schema.VocabFile{"field": {Terms: []*schema.Term{{Code: "quantum", Zh: "量子科技", En: "Quantum technology"}}}},
			check: func(c *schema.Catalog) string {
				if t, ok := c.Vocab("field").Lookup("量子科技"); !ok || t.Code != "quantum" {
					return "added term not found"
				}
				if c.Vocab("field").Term("ai") == nil {
					return "existing term lost"
				}
				return ""
			},
		},
		{
			name: "replace",
			file: schema.VocabFile{"body_type": {Replace: true, Terms: []*schema.Term{{Code: "ministry", Zh: "部委", En: "Ministry"}}}},
			check: func(c *schema.Catalog) string {
				if len(c.Vocab("body_type").Terms) != 1 || c.Vocab("body_type").Term("locality") != nil {
					return "old terms kept"
				}
				return ""
			},
		},
		{
			name: "change a label",
			file: schema.VocabFile{"field": {Terms: []*schema.Term{{Code: "ai", Zh: "人工智能技术", En: "AI"}}}},
			check: func(c *schema.Catalog) string {
				if t, ok := c.Vocab("field").Lookup("人工智能技术"); !ok || t.Code != "ai" {
					return "new label not found"
				}
				return ""
			},
		},
		{name: "unknown vocabulary", file: schema.VocabFile{"colour": {}}, wantErr: `vocabulary "colour" does not exist`},
		{name: "term without label", file: schema.VocabFile{"field": {Terms: []*schema.Term{{Code: "x", Zh: "某"}}}}, wantErr: "needs a code, zh and en"},
		{name: "label taken", file: schema.VocabFile{"field": {Terms: []*schema.Term{{Code: "x", Zh: "医学", En: "X"}}}}, wantErr: "names both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := schema.New(tt.file)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("New() error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("New() error = %v", err)
			}
			if msg := tt.check(c); msg != "" {
				t.Error(msg)
			}
		})
	}
	// Overrides must not leak into the next catalog.
	if schema.MustDefault().Vocab("body_type").Term("locality") == nil {
		t.Error("an override changed the built-in catalog")
	}
}
