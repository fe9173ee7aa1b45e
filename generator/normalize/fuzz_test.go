package normalize_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"disclose/generator/normalize"
	"disclose/generator/schema"
)

// The parsers must never panic, and whatever they accept they must accept
// again unchanged: a stored value read back is the same value.

func FuzzDate(f *testing.F) {
	for _, s := range []string{
		"2023-03-20", "2023/3/20", "2023.3.20", "20230320", "2023年3月20日",
		"２０２３年３月２０日", "2023-03-20 00:00:00", "2023/3/20 14:05", "45005",
		"45005.5", "2023-02-30", "2024-13-45", "2023", "9999999", "2023年3月20日 14:05",
		"2023-03-20T14:05:09.250",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	iso := regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	f.Fuzz(func(t *testing.T, raw string, date1904 bool) {
		out, err := normalize.Date(raw, date1904)
		if err != nil {
			return
		}
		if !iso.MatchString(out) {
			t.Fatalf("Date(%q) = %q, not YYYY-MM-DD", raw, out)
		}
		if y, _ := strconv.Atoi(out[:4]); y < 1900 || y > 2200 {
			t.Fatalf("Date(%q) = %q, year out of range", raw, out)
		}
		again, err := normalize.Date(out, !date1904)
		if err != nil || again != out {
			t.Fatalf("Date(%q) = %q, but Date(%q) = %q, %v", raw, out, out, again, err)
		}
		// The same day written the other accepted ways reads the same.
		y, m, d := out[:4], strings.TrimLeft(out[5:7], "0"), strings.TrimLeft(out[8:], "0")
		for _, alt := range []string{y + "/" + m + "/" + d, y + "." + m + "." + d, y + "年" + m + "月" + d + "日", strings.ReplaceAll(out, "-", ""), out + " 00:00:00"} {
			if got, err := normalize.Date(alt, date1904); err != nil || got != out {
				t.Fatalf("Date(%q) = %q, but Date(%q) = %q, %v", raw, out, alt, got, err)
			}
		}
	})
}

func FuzzInt(f *testing.F) {
	for _, s := range []string{"35", "３５", "1,234", "1，234", "12.0", "35人", "1,200人次", "-1", "1.5", "abc", "9223372036854775808"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		n, err := normalize.Int(raw)
		if err != nil {
			return
		}
		if n < 0 {
			t.Fatalf("Int(%q) = %d, negative", raw, n)
		}
		s := strconv.FormatInt(n, 10)
		// The same number with thousands separators, as Excel shows it.
		grouped := s
		for i := len(s) - 3; i > 0; i -= 3 {
			grouped = grouped[:i] + "," + grouped[i:]
		}
		for _, alt := range []string{s, grouped, s + ".0", s + "人"} {
			again, err := normalize.Int(alt)
			if err != nil || again != n {
				t.Fatalf("Int(%q) = %d, but Int(%q) = %d, %v", raw, n, alt, again, err)
			}
		}
	})
}

func FuzzPeriod(f *testing.F) {
	for _, s := range []string{"2024", "2024年", "2024年度", "2024H1", "2024 H2", "2024年上半年", "2024年下半年", "2024Q3", "2024-Q3", "2024年第三季度", "2024年第3季度", "2024 Q1", "2024Q5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		out, err := normalize.Period(raw)
		if err != nil {
			return
		}
		again, err := normalize.Period(out)
		if err != nil || again != out {
			t.Fatalf("Period(%q) = %q, but Period(%q) = %q, %v", raw, out, out, again, err)
		}
		// The Chinese form of the same period reads the same.
		zh := out[:4] + "年"
		switch out[4:] {
		case "-H1":
			zh += "上半年"
		case "-H2":
			zh += "下半年"
		case "":
		default:
			zh += "第" + out[6:] + "季度"
		}
		if got, err := normalize.Period(zh); err != nil || got != out {
			t.Fatalf("Period(%q) = %q, but Period(%q) = %q, %v", raw, out, zh, got, err)
		}
	})
}

func FuzzRegion(f *testing.F) {
	for _, s := range []string{"北京", "北京市", "广西壮族自治区", "内蒙古自治区", "Beijing", "Inner Mongolia", "Guangxi Zhuang Autonomous Region", "Sichuan Province", "110000", "110101", "全国", "National", "Hong Kong SAR", "火星"} {
		f.Add(s)
	}
	v := schema.MustDefault().Vocab("region")
	f.Fuzz(func(t *testing.T, raw string) {
		code, err := normalize.Region(v, raw)
		if err != nil {
			return
		}
		if v.Term(code) == nil {
			t.Fatalf("Region(%q) = %q, not a code of the vocabulary", raw, code)
		}
		term := v.Term(code)
		for _, name := range []string{code, term.Zh, term.En} {
			again, err := normalize.Region(v, name)
			if err != nil || again != code {
				t.Fatalf("Region(%q) = %q, but Region(%q) = %q, %v", raw, code, name, again, err)
			}
		}
	})
}

func FuzzList(f *testing.F) {
	vocabs := []string{"", "penalty", "field", "violation_type", "high_risk_category"}
	for _, s := range []string{
		"北京大学、清华大学", "甲,乙，丙；丁;戊/己／庚\n辛", "责令改正、撤销获得的奖励、荣誉；追回资助经费",
		"撤销奖励、stop、Funds recovered", "医学\n人工智能", "Life sciences, AI", "、、", "责令改正、罚款",
	} {
		for i := range vocabs {
			f.Add(s, uint8(i))
		}
	}
	c := schema.MustDefault()
	f.Fuzz(func(t *testing.T, raw string, which uint8) {
		name := vocabs[int(which)%len(vocabs)]
		var v *schema.Vocab
		if name != "" {
			v = c.Vocab(name)
		}
		items, err := normalize.List(raw, v)
		if err != nil {
			return
		}
		if len(items) == 0 {
			t.Fatalf("List(%q, %s) accepted no items", raw, name)
		}
		for i, it := range items {
			if it == "" || slices.Contains(items[:i], it) {
				t.Fatalf("List(%q, %s) = %q: empty or repeated item", raw, name, items)
			}
			if v != nil && v.Term(it) == nil {
				t.Fatalf("List(%q, %s) = %q: %q is not a code", raw, name, items, it)
			}
		}
		joined := strings.Join(items, "、")
		again, err := normalize.List(joined, v)
		if err != nil || !slices.Equal(again, items) {
			t.Fatalf("List(%q, %s) = %q, but List(%q) = %q, %v", raw, name, items, joined, again, err)
		}
	})
}

func FuzzID(f *testing.F) {
	for _, s := range []string{"KJLL-2023-0012", "kjll/2023/0012", "国科伦审〔2023〕12号", "ＫＪＬＬ　１", "a  b", "KJLL\t1", strings.Repeat("x", 101)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		id, err := normalize.ID(raw)
		if err != nil {
			return
		}
		if n := utf8.RuneCountInString(id); n > 100 {
			t.Fatalf("ID(%q) = %q, %d characters", raw, id, n)
		}
		if !utf8.ValidString(id) || strings.TrimSpace(id) != id || strings.Contains(id, "  ") {
			t.Fatalf("ID(%q) = %q, not normalised", raw, id)
		}
		again, err := normalize.ID(id)
		if err != nil || again != id {
			t.Fatalf("ID(%q) = %q, but ID(%q) = %q, %v", raw, id, id, again, err)
		}
	})
}

func FuzzUSCC(f *testing.F) {
	for _, s := range []string{"91350100M000100Y43", "91110108ma01a2b3cf", "12100000400000000W", "91350100M000100Y44", "91350100O000100Y43", "９１３５０１００Ｍ０００１００Ｙ４３", "123"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		code, ok, err := normalize.USCC(raw)
		if err != nil {
			return
		}
		if len(code) != 18 {
			t.Fatalf("USCC(%q) = %q, not 18 characters", raw, code)
		}
		again, okAgain, err := normalize.USCC(code)
		if err != nil || again != code || okAgain != ok {
			t.Fatalf("USCC(%q) = %q, %v, but USCC(%q) = %q, %v, %v", raw, code, ok, code, again, okAgain, err)
		}
		if normalize.USCCValid(code) != ok {
			t.Fatalf("USCC(%q) checksum %v, but USCCValid(%q) = %v", raw, ok, code, !ok)
		}
	})
}
