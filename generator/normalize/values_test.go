package normalize_test

import (
	"slices"
	"strings"
	"testing"

	"disclose/generator/normalize"
	"disclose/generator/schema"
)

func TestDate(t *testing.T) {
	tests := []struct {
		name     string
		raw      string
		date1904 bool
		want     string // "" means an error is expected
	}{
		{name: "iso", raw: "2023-03-20", want: "2023-03-20"},
		{name: "iso single digits", raw: "2023-3-2", want: "2023-03-02"},
		{name: "slashes", raw: "2023/3/20", want: "2023-03-20"},
		{name: "dots", raw: "2023.3.20", want: "2023-03-20"},
		{name: "compact", raw: "20230320", want: "2023-03-20"},
		{name: "chinese", raw: "2023年3月20日", want: "2023-03-20"},
		{name: "chinese padded", raw: "2023年03月20日", want: "2023-03-20"},
		{name: "chinese with spaces", raw: "2023 年 3 月 20 日", want: "2023-03-20"},
		{name: "chinese without day mark", raw: "2023年3月20", want: "2023-03-20"},
		{name: "chinese hao", raw: "2023年3月20号", want: "2023-03-20"},
		{name: "full-width digits", raw: "２０２３－０３－２０", want: "2023-03-20"},
		{name: "full-width chinese", raw: "２０２３年３月２０日", want: "2023-03-20"},
		{name: "surrounding spaces", raw: "  2023-03-20\u3000", want: "2023-03-20"},
		{name: "midnight time", raw: "2023-03-20 00:00:00", want: "2023-03-20"},
		{name: "short time", raw: "2023/3/20 14:05", want: "2023-03-20"},
		{name: "iso T time", raw: "2023-03-20T14:05:09", want: "2023-03-20"},
		{name: "fractional seconds", raw: "2023-03-20 14:05:09.250", want: "2023-03-20"},
		{name: "chinese with time", raw: "2023年3月20日 14:05", want: "2023-03-20"},
		{name: "serial", raw: "45005", want: "2023-03-20"},
		{name: "serial with time", raw: "45005.5", want: "2023-03-20"},
		{name: "serial 1904", raw: "43543", date1904: true, want: "2023-03-20"},
		{name: "serial day one", raw: "1", want: "1900-01-01"},
		{name: "leap day", raw: "2024-02-29", want: "2024-02-29"},
		{name: "last year allowed", raw: "2200-12-31", want: "2200-12-31"},
		{name: "first year allowed", raw: "1900-01-01", want: "1900-01-01"},

		{name: "month 13", raw: "2024-13-45"},
		{name: "february 30", raw: "2023-02-30"},
		{name: "not a leap year", raw: "2023-02-29"},
		{name: "day zero", raw: "2023-03-00"},
		{name: "compact month 13", raw: "20231301"},
		{name: "year before 1900", raw: "1899-12-31"},
		{name: "year after 2200", raw: "2201-01-01"},
		{name: "serial zero", raw: "0"},
		{name: "serial too far", raw: "9999999"},
		{name: "eight digit serial-like", raw: "12345678"},
		{name: "year only", raw: "2023"},
		{name: "year and month", raw: "2023-03"},
		{name: "mixed separators", raw: "2023-03/20"},
		{name: "two-digit year", raw: "23-03-20"},
		{name: "day first", raw: "20/03/2023"},
		{name: "text", raw: "三月二十日"},
		{name: "trailing text", raw: "2023-03-20 左右"},
		{name: "bad time", raw: "2023-03-20 1:5"},
		{name: "time only", raw: "14:05"},
		{name: "negative serial", raw: "-45005"},
		{name: "three-digit month", raw: "2023-003-20"},
		{name: "day mark on iso", raw: "2023-03-20日"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalize.Date(tt.raw, tt.date1904)
			if tt.want == "" {
				if err == nil {
					t.Errorf("Date(%q) = %q, want an error", tt.raw, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Date(%q) = %q, %v, want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestDateMessages(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"impossible month", "2024-13-45", `cannot read "2024-13-45" as a date: there is no month 13`},
		{"impossible day", "2023-02-30", `cannot read "2023-02-30" as a date: 2023-02 has 28 days`},
		{"leap day in a common year", "2023年2月29日", `cannot read "2023年2月29日" as a date: 2023-02 has 28 days`},
		{"text", " 下周一 ", `cannot read "下周一" as a date`},
		{"out of range", "1800-01-01", `cannot read "1800-01-01" as a date: the year must be between 1900 and 2200`},
		{"year only", "2023", `cannot read "2023" as a date: it looks like a year only, write the whole date such as 2023-03-20`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := normalize.Date(tt.raw, false)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Date(%q) error = %v, want %q", tt.raw, err, tt.want)
			}
		})
	}
}

func TestInt(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want int64
		bad  bool
	}{
		{name: "plain", raw: "35", want: 35},
		{name: "zero", raw: "0", want: 0},
		{name: "leading zeros", raw: "007", want: 7},
		{name: "full-width", raw: "３５", want: 35},
		{name: "spaces", raw: " 35 ", want: 35},
		{name: "thousands", raw: "1,234", want: 1234},
		{name: "millions", raw: "12,345,678", want: 12345678},
		{name: "full-width comma", raw: "1，234", want: 1234},
		{name: "excel float", raw: "12.0", want: 12},
		{name: "excel float zeros", raw: "12.000", want: 12},
		{name: "grouped and float", raw: "1,234.0", want: 1234},
		{name: "people", raw: "35人", want: 35},
		{name: "times", raw: "4次", want: 4},
		{name: "items", raw: "6个", want: 6},
		{name: "sessions", raw: "12场", want: 12},
		{name: "projects", raw: "8项", want: 8},
		{name: "years", raw: "3年", want: 3},
		{name: "person-times", raw: "1,200人次", want: 1200},
		{name: "unit after space", raw: "35 人", want: 35},
		{name: "largest", raw: "9223372036854775807", want: 9223372036854775807},

		{name: "negative", raw: "-1", bad: true},
		{name: "full-width negative", raw: "－５", bad: true},
		{name: "fraction", raw: "1.5", bad: true},
		{name: "text", raw: "abc", bad: true},
		{name: "chinese numeral", raw: "三十五", bad: true},
		{name: "bad group", raw: "1,23", bad: true},
		{name: "long first group", raw: "1234,567", bad: true},
		{name: "comma only", raw: ",", bad: true},
		{name: "overflow", raw: "9223372036854775808", bad: true},
		{name: "unit only", raw: "人", bad: true},
		{name: "two units", raw: "3人人", bad: true},
		{name: "unknown unit", raw: "3元", bad: true},
		{name: "trailing dot", raw: "12.", bad: true},
		{name: "plus sign", raw: "+3", bad: true},
		{name: "inner space", raw: "1 234", bad: true},
		{name: "exponent", raw: "1E3", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalize.Int(tt.raw)
			if tt.bad {
				if err == nil {
					t.Errorf("Int(%q) = %d, want an error", tt.raw, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Int(%q) = %d, %v, want %d", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestIntMessages(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"text", "abc", `cannot read "abc" as a whole number`},
		{"negative", "-3", `cannot read "-3" as a whole number: it is negative`},
		{"fraction", "1.5", `cannot read "1.5" as a whole number: it has a fraction`},
		{"overflow", "99999999999999999999", `cannot read "99999999999999999999" as a whole number: it is too large`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := normalize.Int(tt.raw)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Int(%q) error = %v, want %q", tt.raw, err, tt.want)
			}
		})
	}
}

func TestBool(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want bool
		bad  bool
	}{
		{name: "shi", raw: "是", want: true},
		{name: "fou", raw: "否", want: false},
		{name: "Y", raw: "Y", want: true},
		{name: "n lower", raw: "n", want: false},
		{name: "yes", raw: "yes", want: true},
		{name: "No mixed case", raw: "No", want: false},
		{name: "true", raw: "true", want: true},
		{name: "excel TRUE", raw: "TRUE", want: true},
		{name: "excel FALSE", raw: "FALSE", want: false},
		{name: "one", raw: "1", want: true},
		{name: "zero", raw: "0", want: false},
		{name: "full-width one", raw: "１", want: true},
		{name: "full-width YES", raw: "ＹＥＳ", want: true},
		{name: "check mark", raw: "√", want: true},
		{name: "cross", raw: "×", want: false},
		{name: "ballot x", raw: "✗", want: false},
		{name: "you", raw: "有", want: true},
		{name: "wu", raw: "无", want: false},
		{name: "spaces", raw: " 是 ", want: true},

		{name: "maybe", raw: "maybe", bad: true},
		{name: "two", raw: "2", bad: true},
		{name: "both", raw: "是否", bad: true},
		{name: "pending", raw: "待定", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalize.Bool(tt.raw)
			if tt.bad {
				if err == nil {
					t.Errorf("Bool(%q) = %v, want an error", tt.raw, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Bool(%q) = %v, %v, want %v", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestPeriod(t *testing.T) {
	tests := []struct {
		name, raw, want string // want "" means an error is expected
	}{
		{"year", "2024", "2024"},
		{"year nian", "2024年", "2024"},
		{"year niandu", "2024年度", "2024"},
		{"H1", "2024H1", "2024-H1"},
		{"h2 lower with space", "2024 h2", "2024-H2"},
		{"H1 hyphen", "2024-H1", "2024-H1"},
		{"first half", "2024年上半年", "2024-H1"},
		{"second half", "2024年下半年", "2024-H2"},
		{"Q3", "2024Q3", "2024-Q3"},
		{"Q3 hyphen", "2024-Q3", "2024-Q3"},
		{"Q1 space", "2024 Q1", "2024-Q1"},
		{"third quarter", "2024年第三季度", "2024-Q3"},
		{"quarter digit", "2024年第3季度", "2024-Q3"},
		{"quarter without di", "2024年四季度", "2024-Q4"},
		{"niandu quarter", "2024年度第一季度", "2024-Q1"},
		{"full-width", "２０２４Ｑ２", "2024-Q2"},
		{"surrounding spaces", " 2024 ", "2024"},

		{"quarter five", "2024Q5", ""},
		{"H3", "2024H3", ""},
		{"third half", "2024年第三半年", ""},
		{"year before 1900", "1899", ""},
		{"year after 2200", "2201", ""},
		{"two-digit year", "24", ""},
		{"five-digit year", "20245", ""},
		{"month", "2024-03", ""},
		{"text", "上半年", ""},
		{"trailing hyphen", "2024-", ""},
		{"di without quarter", "2024年第H1", ""},
		{"quarter first", "Q3 2024", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalize.Period(tt.raw)
			if tt.want == "" {
				if err == nil {
					t.Errorf("Period(%q) = %q, want an error", tt.raw, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Period(%q) = %q, %v, want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestEnum(t *testing.T) {
	c := schema.MustDefault()
	tests := []struct {
		name, vocab, raw, want string // want "" means an error is expected
	}{
		{"code", "institution_type", "university", "university"},
		{"zh label", "institution_type", "高等学校", "university"},
		{"en label", "institution_type", "Higher education institution", "university"},
		{"en label any case and spaces", "institution_type", "  higher   EDUCATION institution ", "university"},
		{"synonym", "institution_type", "高校", "university"},
		{"full-width en", "field", "ＡＩ", "ai"},
		{"long zh label", "high_risk_category", "侵入式脑机接口用于神经、精神类疾病治疗的临床研究", "invasive_bci"},
		{"status", "committee_status", "已撤销", "revoked"},
		{"rereview no", "rereview_result", "不同意", "rejected"},
		{"rereview yes", "rereview_result", "同意", "approved"},
		{"body type", "body_type", "地方", "locality"},

		{"unknown", "institution_type", "国家级", ""},
		{"partial label", "penalty", "撤销获得的奖励", ""},
		{"code of another vocabulary", "field", "university", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalize.Enum(c.Vocab(tt.vocab), tt.raw)
			if tt.want == "" {
				if err == nil {
					t.Errorf("Enum(%s, %q) = %q, want an error", tt.vocab, tt.raw, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Enum(%s, %q) = %q, %v, want %q", tt.vocab, tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestEnumMessages(t *testing.T) {
	c := schema.MustDefault()
	tests := []struct {
		name, vocab, raw, want string
	}{
		{"short vocabulary", "institution_type", "国家级",
			`unknown value "国家级" (expected one of: 高等学校, 科研机构, 医疗卫生机构, 企业, 社会团体, 其他)`},
		{"long vocabulary is cut", "region", "火星",
			`unknown value "火星" (expected one of: 全国, 北京市, 天津市, 河北省, 山西省, 内蒙古自治区, 辽宁省, 吉林省, 黑龙江省, 上海市, …)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := normalize.Enum(c.Vocab(tt.vocab), tt.raw)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Enum(%s, %q) error = %v, want %q", tt.vocab, tt.raw, err, tt.want)
			}
		})
	}
}

func TestRegion(t *testing.T) {
	v := schema.MustDefault().Vocab("region")
	tests := []struct {
		name, raw, want string // want "" means an error is expected
	}{
		{"short", "北京", "110000"},
		{"full", "北京市", "110000"},
		{"autonomous short", "广西", "450000"},
		{"autonomous full", "广西壮族自治区", "450000"},
		{"autonomous without ethnic name", "广西自治区", "450000"},
		{"inner mongolia", "内蒙古自治区", "150000"},
		{"xinjiang", "新疆维吾尔自治区", "650000"},
		{"ningxia without ethnic name", "宁夏自治区", "640000"},
		{"hong kong", "香港特别行政区", "810000"},
		{"province suffix", "四川省", "510000"},
		{"en", "Beijing", "110000"},
		{"en lower", "beijing", "110000"},
		{"en two words", "Inner Mongolia", "150000"},
		{"en zhuang", "Guangxi Zhuang Autonomous Region", "450000"},
		{"en uygur", "Xinjiang Uygur Autonomous Region", "650000"},
		{"en uyghur", "Xinjiang Uyghur Autonomous Region", "650000"},
		{"en hui", "Ningxia Hui Autonomous Region", "640000"},
		{"en autonomous", "Tibet Autonomous Region", "540000"},
		{"en municipality", "Beijing Municipality", "110000"},
		{"en province", "Sichuan Province", "510000"},
		{"en sar", "Macao SAR", "820000"},
		{"en special administrative region", "Hong Kong Special Administrative Region", "810000"},
		{"code", "110000", "110000"},
		{"full-width code", "１１００００", "110000"},
		{"county code", "110101", "110000"},
		{"prefecture code", "440300", "440000"},
		{"national zh", "全国", "000000"},
		{"national en", "National", "000000"},
		{"spaces", " 北京 市 ", "110000"},

		{"unknown", "火星", ""},
		{"city", "深圳市", ""},
		{"unknown province code", "990000", ""},
		{"five digits", "11000", ""},
		{"suffix only", "省", ""},
		{"suffix only en", "Province", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalize.Region(v, tt.raw)
			if tt.want == "" {
				if err == nil {
					t.Errorf("Region(%q) = %q, want an error", tt.raw, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Region(%q) = %q, %v, want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}

// Every province-level division and the whole country answer to their
// Chinese name, its short form, their English name and their code.
func TestRegionEveryDivision(t *testing.T) {
	v := schema.MustDefault().Vocab("region")
	if len(v.Terms) != 35 {
		t.Fatalf("region vocabulary has %d terms, want 34 divisions and 全国", len(v.Terms))
	}
	suffixes := []string{"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"}
	for _, term := range v.Terms {
		short := term.Zh
		for _, s := range suffixes {
			if t, ok := strings.CutSuffix(short, s); ok {
				short = t
				break
			}
		}
		for _, raw := range []string{term.Zh, short, term.En, strings.ToUpper(term.En), term.Code} {
			got, err := normalize.Region(v, raw)
			if err != nil || got != term.Code {
				t.Errorf("Region(%q) = %q, %v, want %q", raw, got, err, term.Code)
			}
		}
	}
}

// A vocabulary replaced from the configuration may drop the short
// synonyms; the bare names still resolve.
func TestRegionWithoutSynonyms(t *testing.T) {
	c, err := schema.New(schema.VocabFile{"region": {Replace: true, Terms: []*schema.Term{
		{Code: "110000", Zh: "北京市", En: "Beijing"},
		{Code: "450000", Zh: "广西壮族自治区", En: "Guangxi"},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	v := c.Vocab("region")
	for raw, want := range map[string]string{"北京": "110000", "广西": "450000", "广西自治区": "450000", "110105": "110000"} {
		if got, err := normalize.Region(v, raw); err != nil || got != want {
			t.Errorf("Region(%q) = %q, %v, want %q", raw, got, err, want)
		}
	}
}

func TestList(t *testing.T) {
	c := schema.MustDefault()
	tests := []struct {
		name  string
		vocab string // "" for a text list
		raw   string
		want  []string // nil means an error is expected
	}{
		{"text enumeration comma", "", "北京大学、清华大学", []string{"北京大学", "清华大学"}},
		{"text every separator", "", "甲,乙，丙；丁;戊/己／庚\n辛\r\n壬", []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬"}},
		{"text trims and drops empty", "", " 美国 、、 英国 ,", []string{"美国", "英国"}},
		{"text de-duplicates", "", "美国、英国、美国", []string{"美国", "英国"}},
		{"text folds width and spaces", "", "Ｕｎｉｔ  Ａ；Unit B", []string{"Unit A", "Unit B"}},
		{"text single item", "", "中国科学院", []string{"中国科学院"}},
		{"text separators only", "", "、、", nil},

		{"penalties with a separator inside a label", "penalty", "责令改正、撤销获得的奖励、荣誉；追回资助经费",
			[]string{"correction", "revoke_awards", "recover_funds"}},
		{"label with separator last", "penalty", "追回资助经费;撤销获得的奖励、荣誉", []string{"recover_funds", "revoke_awards"}},
		{"synonyms and codes", "penalty", "撤销奖励、stop、Funds recovered", []string{"revoke_awards", "stop", "recover_funds"}},
		{"synonyms de-duplicate to one code", "penalty", "撤销奖励、撤销荣誉", []string{"revoke_awards"}},
		{"line breaks", "field", "医学\n人工智能\r\n生命科学", []string{"medicine", "ai", "life_sciences"}},
		{"english labels with spaces", "field", "Life sciences, Artificial intelligence", []string{"life_sciences", "ai"}},
		{"english label with comma inside", "high_risk_category",
			"Synthesis of new species with a major impact on human life and health, values or the ecological environment; 侵入式脑机接口",
			[]string{"new_species", "invasive_bci"}},
		{"long labels with inner separators", "high_risk_category",
			"改变人类生殖细胞、受精卵和着床前胚胎细胞核遗传物质或遗传规律的基础研究、侵入式脑机接口用于神经、精神类疾病治疗的临床研究",
			[]string{"germline_editing", "invasive_bci"}},
		{"full-width separators", "field", "医学，人工智能／其他", []string{"medicine", "ai", "other"}},
		{"label broken by a line break", "penalty", "撤销获得的奖励、\n荣誉", []string{"revoke_awards"}},
		{"label spaced out", "violation_type", "侵犯知情同意权 ； 伪造、篡改伦理审查材料", []string{"consent", "falsified_review"}},
		{"no prefix match inside a word", "rereview_result", "不同意", []string{"rejected"}},

		{"unknown item", "penalty", "责令改正、罚款", nil},
		{"half a label", "penalty", "撤销获得的奖励", nil},
		{"label glued to text", "penalty", "责令改正罚款", nil},
		{"separators only", "penalty", "；", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v *schema.Vocab
			if tt.vocab != "" {
				v = c.Vocab(tt.vocab)
			}
			got, err := normalize.List(tt.raw, v)
			if tt.want == nil {
				if err == nil {
					t.Errorf("List(%q, %s) = %q, want an error", tt.raw, tt.vocab, got)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("List(%q, %s) = %q, %v, want %q", tt.raw, tt.vocab, got, err, tt.want)
			}
		})
	}
}

func TestListMessages(t *testing.T) {
	v := schema.MustDefault().Vocab("penalty")
	tests := []struct {
		name, raw, want string
	}{
		{"names the unknown item as written", "责令改正、罚 款、追回经费",
			`unknown value "罚 款" (expected one of: 责令改正, 停止相关科技活动, 追回资助经费, 撤销获得的奖励、荣誉, 取消相关从业资格, 一定期限内禁止承担或参与财政性资金支持的科技活动, 依法依规给予处分, 移送司法机关, 其他)`},
		{"separators only", "、；", `cannot read "、；" as a list: it holds no items`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := normalize.List(tt.raw, v)
			if err == nil || err.Error() != tt.want {
				t.Errorf("List(%q) error = %v, want %q", tt.raw, err, tt.want)
			}
		})
	}
}

func TestID(t *testing.T) {
	tests := []struct {
		name, raw, want string // want "" means an error is expected
	}{
		{"plain", "KJLL-2023-0012", "KJLL-2023-0012"},
		{"lower case", "kjll-2023-0012", "KJLL-2023-0012"},
		{"trimmed", "  KJLL-1 ", "KJLL-1"},
		{"full-width", "ＫＪＬＬ－２０２３", "KJLL-2023"},
		{"slashes kept", "kjll/2023/0012", "KJLL/2023/0012"},
		{"chinese document number", "国科伦审〔2023〕12号", "国科伦审〔2023〕12号"},
		{"inner spaces collapsed", "京伦审  2023\u3000 12", "京伦审 2023 12"},
		{"zero-width removed", "KJLL\u200b-1", "KJLL-1"},
		{"non-ascii letters keep case", "ÄBC-1", "ÄBC-1"},
		{"100 characters", strings.Repeat("A", 100), strings.Repeat("A", 100)},

		{"tab inside", "KJLL\t1", ""},
		{"line break inside", "KJLL\n1", ""},
		{"bidi override", "KJLL\u202e1", ""},
		{"too long", strings.Repeat("A", 101), ""},
		{"invalid utf-8", "KJLL\xff1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalize.ID(tt.raw)
			if tt.want == "" {
				if err == nil {
					t.Errorf("ID(%q) = %q, want an error", tt.raw, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ID(%q) = %q, %v, want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestUSCC(t *testing.T) {
	tests := []struct {
		name       string
		raw        string
		want       string // "" means an error is expected
		checksumOK bool
	}{
		{name: "example of the standard", raw: "91350100M000100Y43", want: "91350100M000100Y43", checksumOK: true},
		{name: "letters", raw: "91110108MA01A2B3CF", want: "91110108MA01A2B3CF", checksumOK: true},
		{name: "check character W", raw: "12100000400000000W", want: "12100000400000000W", checksumOK: true},
		{name: "lower case", raw: "91110108ma01a2b3cf", want: "91110108MA01A2B3CF", checksumOK: true},
		{name: "full-width and spaces", raw: " ９１３５０１００Ｍ０００１００Ｙ４３ ", want: "91350100M000100Y43", checksumOK: true},
		{name: "wrong check character", raw: "91350100M000100Y44", want: "91350100M000100Y44", checksumOK: false},
		{name: "transposed digits", raw: "91351000M000100Y43", want: "91351000M000100Y43", checksumOK: false},

		{name: "17 characters", raw: "91350100M000100Y4"},
		{name: "19 characters", raw: "91350100M000100Y433"},
		{name: "letter I", raw: "91350100I000100Y43"},
		{name: "letter O", raw: "91350100O000100Y43"},
		{name: "letter Z", raw: "91350100Z000100Y43"},
		{name: "letter S", raw: "91350100S000100Y43"},
		{name: "letter V", raw: "91350100V000100Y43"},
		{name: "inner space", raw: "91350100 M000100Y4"},
		{name: "chinese", raw: "统一社会信用代码统一社会信用代码统一"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := normalize.USCC(tt.raw)
			if tt.want == "" {
				if err == nil {
					t.Errorf("USCC(%q) = %q, %v, want an error", tt.raw, got, ok)
				}
				return
			}
			if err != nil || got != tt.want || ok != tt.checksumOK {
				t.Errorf("USCC(%q) = %q, %v, %v, want %q, %v", tt.raw, got, ok, err, tt.want, tt.checksumOK)
			}
			if valid := normalize.USCCValid(got); valid != tt.checksumOK {
				t.Errorf("USCCValid(%q) = %v, want %v", got, valid, tt.checksumOK)
			}
		})
	}
}

func TestUSCCMessages(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"length", "9135010", `cannot read "9135010" as a unified social credit code: it has 7 characters, not 18`},
		{"alphabet", "91350100O000100Y43", `cannot read "91350100O000100Y43" as a unified social credit code: 'O' is not allowed (the letters I, O, S, V and Z are never used)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := normalize.USCC(tt.raw)
			if err == nil || err.Error() != tt.want {
				t.Errorf("USCC(%q) error = %v, want %q", tt.raw, err, tt.want)
			}
		})
	}
}

func TestUSCCValid(t *testing.T) {
	tests := []struct {
		name, code string
		want       bool
	}{
		{"valid", "91350100M000100Y43", true},
		{"lower case is not normalised", "91110108ma01a2b3cf", false},
		{"surrounding space is not normalised", " 91350100M000100Y43", false},
		{"bad check", "91350100M000100Y40", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalize.USCCValid(tt.code); got != tt.want {
				t.Errorf("USCCValid(%q) = %v, want %v", tt.code, got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"collapses", "  中国  科学院\n 研究所 ", "中国 科学院 研究所"},
		{"full-width ascii", "ＡＢＣ１２３", "ABC123"},
		{"keeps chinese punctuation", "甲、乙〔2023〕", "甲、乙〔2023〕"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalize.Text(tt.raw); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestFreeText(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"keeps line breaks", "第一段\r\n第二段", "第一段\n第二段"},
		{"one blank line at most", "甲\n\n\n\n乙\n\n", "甲\n\n乙"},
		{"trims lines", "  甲  \n  乙  ", "甲\n乙"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalize.FreeText(tt.raw); got != tt.want {
				t.Errorf("FreeText(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func BenchmarkDate(b *testing.B) {
	for b.Loop() {
		for _, raw := range []string{"45005", "2023-03-20", "2023年3月20日", "2023/3/20 14:05"} {
			if _, err := normalize.Date(raw, false); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkList(b *testing.B) {
	v := schema.MustDefault().Vocab("penalty")
	for b.Loop() {
		if _, err := normalize.List("责令改正、撤销获得的奖励、荣誉；追回资助经费", v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRegion(b *testing.B) {
	v := schema.MustDefault().Vocab("region")
	for b.Loop() {
		for _, raw := range []string{"北京市", "广西", "Sichuan Province", "110101"} {
			if _, err := normalize.Region(v, raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}
