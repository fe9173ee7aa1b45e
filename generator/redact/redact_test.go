package redact

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"disclose/generator/fold"
	"disclose/generator/internal/fake"
	"disclose/generator/record"
	"disclose/generator/scan"
	"disclose/generator/schema"
)

const ph = DefaultPlaceholder

func TestMask(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"two characters", "张三", "张某"},
		{"three characters", "王小明", "王某"},
		{"compound surname", "欧阳明月", "欧阳某"},
		{"compound surname three", "司马光", "司马某"},
		{"compound 诸葛", "诸葛亮", "诸葛某"},
		{"two characters that look compound", "东方", "东某"},
		{"traditional compound", "歐陽修", "歐陽某"},
		{"spaces inside", " 张 三 ", "张某"},
		{"full width latin", "Ｊｏｈｎ Ｓｍｉｔｈ", "J."},
		{"latin", "john smith", "J."},
		{"already masked", "李某", "李某"},
		{"single character", "李", "李某"},
		{"empty", "", ""},
		{"ethnic name with dot", "买买提·艾力", "买某"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Mask(tc.in); got != tc.want {
				t.Errorf("Mask(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPseudonym(t *testing.T) {
	a := Pseudonym([]byte("k1"), "张三")
	if !regexp.MustCompile(`^人员-[0-9a-f]{8}$`).MatchString(a) {
		t.Fatalf("Pseudonym(k1, 张三) = %q, want 人员- and 8 hex digits", a)
	}
	if b := Pseudonym([]byte("k1"), "张 三"); b != a {
		t.Errorf("Pseudonym(k1, %q) = %q, want %q (same name)", "张 三", b, a)
	}
	if c := Pseudonym([]byte("k2"), "张三"); c == a {
		t.Errorf("Pseudonym(k2, 张三) = %q, the same as with key k1", c)
	}
	if d := Pseudonym([]byte("k1"), "李四"); d == a {
		t.Errorf("Pseudonym(k1, 李四) = %q, the same as for 张三", d)
	}
}

func TestValidate(t *testing.T) {
	cat := schema.MustDefault()
	tests := []struct {
		name   string
		fields map[string]string
		key    string
		want   string // substring of the error; "" for none
	}{
		{"defaults", nil, "", ""},
		{"mask person", map[string]string{"cases.persons": "mask"}, "", ""},
		{"drop text", map[string]string{"cases.legal_basis": "drop"}, "", ""},
		{"keep person", map[string]string{"committees.chair": "keep"}, "", ""},
		{"pseudonym with key", map[string]string{"activities.lead": "pseudonym"}, "k", ""},
		{"pseudonym without key", map[string]string{"activities.lead": "pseudonym"}, "", "pseudonym policy needs a key in $DISCLOSE_PSEUDONYM_KEY"},
		{"unknown dataset", map[string]string{"people.name": "drop"}, "", `no dataset "people"`},
		{"unknown field", map[string]string{"cases.victim": "drop"}, "", `no field "victim"`},
		{"no dot", map[string]string{"persons": "drop"}, "", "want dataset.field"},
		{"unknown word", map[string]string{"cases.persons": "hide"}, "", `unknown policy "hide"`},
		{"mask on text", map[string]string{"cases.title": "mask"}, "", "person fields only"},
		{"pseudonym on text", map[string]string{"cases.unit": "pseudonym"}, "k", "person fields only"},
		{"keep on secret", map[string]string{"activities.lead_id_number": "keep"}, "", "never published"},
		{"drop on secret", map[string]string{"activities.lead_id_number": "drop"}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Policy{Fields: tc.fields, Key: []byte(tc.key)}.Validate(cat)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Validate(%v) = %v, want no error", tc.fields, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Validate(%v) = %v, want an error with %q", tc.fields, err, tc.want)
			}
		})
	}
}

func TestApplyRefusesPseudonymWithoutKey(t *testing.T) {
	cat := schema.MustDefault()
	_, err := Apply(cat, nil, nil, Policy{Fields: map[string]string{"cases.persons": "pseudonym"}})
	if !errors.Is(err, ErrNoKey) {
		t.Fatalf("Apply with pseudonym and no key = %v, want %v", err, ErrNoKey)
	}
}

// scrubWith cleans free text with a scrubber that knows the given names,
// as one record's text would be cleaned.
func scrubWith(names []string, text string) (string, []string) {
	forms := map[string]string{}
	for _, n := range names {
		addForms(forms, n)
	}
	s := newScrubber(ph, nil, newPeople(forms), nil, nil)
	var kinds []string
	out := s.scrub(text, newRecordNames(), func(kind, _ string) { kinds = append(kinds, kind) })
	return out, kinds
}

func TestScrub(t *testing.T) {
	id := fake.ID("19900307", "123")
	names := []string{"张三", "欧阳明月", "Alice Wong", "Li Na", "赵六（组长）", "张四"}
	tests := []struct {
		name, in, want string
		kinds          []string
	}{
		{"name", "张三未经审查开展试验。", "张某未经审查开展试验。", []string{"name"}},
		{"name with zero width", "张\u200b三签字", "张某签字", []string{"name"}},
		{"name with inner space", "张 三签字", "张某签字", []string{"name"}},
		{"name in pinyin", "Zhang San signed; SAN ZHANG too", "Zhang Mou signed; Zhang Mou too", []string{"name", "name"}},
		{"name with a note", "赵六负责", "赵某负责", []string{"name"}},
		{"compound name", "欧阳明月与欧阳某", "欧阳某与欧阳某", []string{"name"}},
		{"latin name", "reported by Alice Wong today", "reported by A. today", []string{"name"}},
		{"short latin name on word edges", "Li Na and Li Nan", "L. and Li Nan", []string{"name"}},
		{"id number", "身份证号" + id + "。", "身份证号" + ph + "。", []string{"id_number"}},
		{"id full width and spaces", "号码：１１０１０１ １９９００３０７ １２３４", "号码：" + ph, []string{"id_number"}},
		{"id bad checksum", "号码110101199003071230", "号码" + ph, []string{"id_number"}},
		{"mobile", "联系人电话 +86 138-0013-8000。", "联系人电话 " + ph + "。", []string{"mobile"}},
		{"personal email", "邮箱 zhang.san@163.com。", "邮箱 " + ph + "。", []string{"email"}},
		{"full width email", "邮箱 ｚｓ＠ｑｑ．ｃｏｍ。", "邮箱 " + ph + "。", []string{"email"}},
		{"bank card", "经费转入6222021234567890128账户", "经费转入" + ph + "账户", []string{"bank_card"}},
		{"passport anywhere", "持E12345678入境", "持" + ph + "入境", []string{"passport"}},
		{"passport EA form", "持EA1234567入境", "持" + ph + "入境", []string{"passport"}},
		{"permit after keyword", "往来港澳通行证C12345678", "往来港澳通行证" + ph, []string{"permit"}},
		{"diplomatic passport after keyword", "passport no. D1234567", "passport no. " + ph, []string{"passport"}},
		{"permit with letters after keyword", "台胞证CAB1234567", "台胞证" + ph, []string{"permit"}},
		{"permit shape without keyword", "批号H12345678", "批号H12345678", nil},
		{"permit word after keyword", "permit Technology", "permit Technology", nil},

		{"credit code kept", "统一社会信用代码91110108MA0000001D", "统一社会信用代码91110108MA0000001D", nil},
		{"document number kept", "依据国科金监处〔2021〕134号决定", "依据国科金监处〔2021〕134号决定", nil},
		{"grant numbers kept", "项目81971234、2022YFA1234500", "项目81971234、2022YFA1234500", nil},
		{"dates kept", "2023年3月20日至2024-05-06", "2023年3月20日至2024-05-06", nil},
		{"institutional phone kept", "电话010-68598000、0571-87654321", "电话010-68598000、0571-87654321", nil},
		{"institutional email kept", "ethics@zju.edu.cn", "ethics@zju.edu.cn", nil},
		{"masked name kept", "张某等人", "张某等人", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, kinds := scrubWith(names, tc.in)
			if got != tc.want {
				t.Errorf("scrub(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if !slices.Equal(kinds, tc.kinds) {
				t.Errorf("scrub(%q) kinds = %q, want %q", tc.in, kinds, tc.kinds)
			}
		})
	}
}

// Two people of one surname in a record are told apart everywhere in it,
// the first as 张某甲 from the start, when the record names both.
func TestNamesakesInOneRecord(t *testing.T) {
	cat := schema.MustDefault()
	rec := &record.Record{Dataset: cat.Dataset("cases"), ID: "AJ-1", Values: map[string]record.Value{
		"persons": {List: []string{"张三教授、张四"}},
		"facts":   {Str: "张三授意张四伪造数据，Zhang San 未申报。"},
	}}
	res, err := Apply(cat, []*record.Record{rec}, nil, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Records["cases"][0]
	if got := r.List("persons"); !slices.Equal(got, []string{"张某甲", "张某乙"}) {
		t.Errorf("persons = %q, want [张某甲 张某乙]", got)
	}
	if got, want := r.Str("facts"), "张某甲授意张某乙伪造数据，Zhang Mou A 未申报。"; got != want {
		t.Errorf("facts = %q, want %q", got, want)
	}
}

func TestApply(t *testing.T) {
	cat := schema.MustDefault()
	cases := cat.Dataset("cases")
	acts := cat.Dataset("activities")
	id := fake.ID("19850612", "031")
	pub := &record.Record{Dataset: cases, ID: "AJ-2024-001", Values: map[string]record.Value{
		"id":                {Str: "AJ-2024-001"},
		"title":             {Str: "某大学未经审查开展试验案"},
		"unit":              {Str: "某某大学"},
		"unit_credit_code":  {Str: "91110108MA0000001D"},
		"persons":           {List: []string{"张三", "欧阳明月"}},
		"person_id_numbers": {Str: id},
		"document_no":       {Str: "国科金监处〔2021〕134号"},
		"facts":             {Str: "张三、欧阳明月未经审查；另查，王五（身份证" + id + "）参与。联系电话13800138000。"},
	}, Extra: []string{"内部备注：勿外传"}}
	held := &record.Record{Dataset: acts, ID: "HD-2024-009", Values: map[string]record.Value{
		"id":      {Str: "HD-2024-009"},
		"title":   {Str: "一项被撤回的登记活动"},
		"lead":    {Str: "王五"},
		"summary": {Str: "撤回的活动简介"},
		"field":   {Str: "medicine"},
	}}
	res, err := Apply(cat, []*record.Record{pub}, []*record.Record{held}, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Records["cases"][0]
	if got := r.List("persons"); !slices.Equal(got, []string{"张某", "欧阳某"}) {
		t.Errorf("persons = %q, want [张某 欧阳某]", got)
	}
	if _, ok := r.Value("person_id_numbers"); ok {
		t.Errorf("secret person_id_numbers was published")
	}
	wantFacts := "张某、欧阳某未经审查；另查，王某（身份证" + ph + "）参与。联系电话" + ph + "。"
	if got := r.Str("facts"); got != wantFacts {
		t.Errorf("facts = %q, want %q", got, wantFacts)
	}
	for _, k := range []string{"unit_credit_code", "document_no", "title", "unit"} {
		if got := r.Str(k); got != pub.Values[k].Str {
			t.Errorf("%s = %q, want it kept as %q", k, got, pub.Values[k].Str)
		}
	}
	wantCounts := map[string]map[string]int{
		"cases.persons":           {"mask": 2},
		"cases.person_id_numbers": {"secret": 1},
		"cases.facts":             {"name": 3, "id_number": 1, "mobile": 1},
		"cases.*":                 {"extra": 1},
	}
	for k, kinds := range wantCounts {
		for kind, n := range kinds {
			if got := res.Counts[k][kind]; got != n {
				t.Errorf("Counts[%q][%q] = %d, want %d", k, kind, got, n)
			}
		}
	}
	// whatever the leak guard would flag must already be gone
	guard := scan.NewDetector(scan.Guard, nil)
	for _, f := range cases.Fields {
		v, _ := r.Value(f.Key)
		for _, s := range append([]string{v.Str}, v.List...) {
			if ms := guard.FindAll([]byte(s)); len(ms) > 0 {
				t.Errorf("%s = %q still holds a %s", f.Key, s, ms[0].Kind)
			}
		}
	}
	for _, s := range []string{"张三", "欧阳明月", "王五", id, "13800138000", "内部备注：勿外传", "HD-2024-009", "一项被撤回的登记活动", "撤回的活动简介"} {
		if !slices.Contains(res.Removed, s) {
			t.Errorf("Removed lacks %q", s)
		}
	}
	for _, s := range []string{"medicine", "AJ-2024-001", "某某大学"} {
		if slices.Contains(res.Removed, s) {
			t.Errorf("Removed holds %q, which is public or says nothing", s)
		}
	}
}

func TestRemovedLeavesOutPublicText(t *testing.T) {
	cat := schema.MustDefault()
	acts := cat.Dataset("activities")
	stock := "本项目在伦理审查批准范围内开展研究。"
	pub := &record.Record{Dataset: acts, ID: "HD-2024-0091", Values: map[string]record.Value{
		"id":      {Str: "HD-2024-0091"},
		"summary": {Str: stock + "另有说明。"},
	}}
	held := &record.Record{Dataset: acts, ID: "HD-2024-009", Values: map[string]record.Value{
		"id":      {Str: "HD-2024-009"},
		"summary": {Str: stock},
		"title":   {Str: "被撤回的活动名称"},
	}}
	res, err := Apply(cat, []*record.Record{pub}, []*record.Record{held}, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"HD-2024-009", "被撤回的活动名称"}
	if !slices.Equal(res.Removed, want) {
		t.Errorf("Removed = %q, want %q (the stock sentence is public anyway; the id is not, HD-2024-0091 is another id)", res.Removed, want)
	}
}

func TestApplyPolicies(t *testing.T) {
	cat := schema.MustDefault()
	acts := cat.Dataset("activities")
	rec := &record.Record{Dataset: acts, ID: "HD-1", Values: map[string]record.Value{
		"lead":    {Str: "赵六"},
		"funding": {Str: "国家自然科学基金"},
		"summary": {Str: "由赵六负责"},
	}}
	tests := []struct {
		name             string
		fields           map[string]string
		lead, summary    string
		fundingPublished bool
	}{
		{"default mask", nil, "赵某", "由赵某负责", true},
		{"drop", map[string]string{"activities.lead": "drop", "activities.funding": "drop"}, "", "由" + ph + "负责", false},
		{"keep", map[string]string{"activities.lead": "keep"}, "赵六", "由赵六负责", true},
		{"pseudonym", map[string]string{"activities.lead": "pseudonym"}, Pseudonym([]byte("key"), "赵六"), "由" + Pseudonym([]byte("key"), "赵六") + "负责", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Apply(cat, []*record.Record{rec}, nil, Policy{Fields: tc.fields, Key: []byte("key")})
			if err != nil {
				t.Fatal(err)
			}
			r := res.Records["activities"][0]
			if got := r.Str("lead"); got != tc.lead {
				t.Errorf("lead = %q, want %q", got, tc.lead)
			}
			if got := r.Str("summary"); got != tc.summary {
				t.Errorf("summary = %q, want %q", got, tc.summary)
			}
			if _, ok := r.Value("funding"); ok != tc.fundingPublished {
				t.Errorf("funding published = %v, want %v", ok, tc.fundingPublished)
			}
		})
	}
}

// digitsOnly folds text and keeps its digits (and X), so that an ID number
// cannot hide behind separators, widths or invisible characters.
func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range fold.Width(s) {
		if r >= '0' && r <= '9' || r == 'X' || r == 'x' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func FuzzScrub(f *testing.F) {
	f.Add(uint64(0), uint32(19900307), uint16(123), "号码", "。")
	f.Add(uint64(0x123456789abcdef), uint32(20011231), uint16(7), "ID ", " end")
	f.Add(^uint64(0), uint32(19700101), uint16(999), "", "")
	seps := []string{"", "", "", " ", "-", ".", "\u3000", "－", "．", "\u00a0", "\u200b", "\ufeff", "\u200d", " -", "\u200b "}
	s := newScrubber(ph, nil, nil, nil, nil)
	f.Fuzz(func(t *testing.T, noise uint64, birth uint32, seq uint16, before, after string) {
		// a plausible birth date from the fuzzer's number
		y := 1900 + int(birth/10000)%200
		m := 1 + int(birth/100)%12
		d := 1 + int(birth)%28
		date := strings.Join([]string{pad(y, 4), pad(m, 2), pad(d, 2)}, "")
		id := fake.ID(date, pad(int(seq)%1000, 3))
		// surrounding text must not carry digits, or it would make a
		// different number
		clean := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == 'x' || r == 'X' || r == 'ｘ' || r == 'Ｘ' {
					return '字'
				}
				return r
			}, s)
		}
		var b strings.Builder
		b.WriteString(clean(before))
		b.WriteString(seps[noise%uint64(len(seps))])
		n := noise
		for i, c := range id {
			if n&1 == 1 && c >= '0' && c <= '9' {
				b.WriteRune('０' + (c - '0'))
			} else if c == 'X' && n&2 == 2 {
				b.WriteByte('x')
			} else {
				b.WriteRune(c)
			}
			n >>= 2
			if i < len(id)-1 {
				b.WriteString(seps[(noise>>(i*3%61))%uint64(len(seps))])
			}
		}
		b.WriteString(seps[(noise>>7)%uint64(len(seps))])
		b.WriteString(clean(after))
		in := b.String()
		out := s.scrub(in, nil, func(string, string) {})
		if strings.Contains(digitsOnly(out), id[:17]) {
			t.Fatalf("scrub(%q) = %q, still holds the ID number %s", in, out, id)
		}
		if !strings.Contains(out, ph) {
			t.Fatalf("scrub(%q) = %q, no placeholder", in, out)
		}
	})
}

func pad(v, n int) string { return fmt.Sprintf("%0*d", n, v) }

// A person whose name is part of a place of the code lists (龙江 in
// 黑龙江) is masked where the text names them, and the place keeps its
// name everywhere, in the unit and in the text alike.
func TestApplyNameInsidePlace(t *testing.T) {
	cat := schema.MustDefault()
	pub := &record.Record{Dataset: cat.Dataset("cases"), ID: "AJ-2024-007", Values: map[string]record.Value{
		"id":      {Str: "AJ-2024-007"},
		"title":   {Str: "黑龙江某研究所违规案"},
		"unit":    {Str: "黑龙江省农业科学院"},
		"persons": {List: []string{"龙江"}},
		"facts":   {Str: "黑龙江省农业科学院研究员龙江未经审查开展试验，黑龙江省科学技术厅立案调查。"},
	}}
	res, err := Apply(cat, []*record.Record{pub}, nil, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Records["cases"][0]
	if got, want := r.Str("facts"), "黑龙江省农业科学院研究员龙某未经审查开展试验，黑龙江省科学技术厅立案调查。"; got != want {
		t.Errorf("facts = %q, want %q", got, want)
	}
	if got := r.Str("unit"); got != "黑龙江省农业科学院" {
		t.Errorf("unit = %q, want it kept", got)
	}
}
