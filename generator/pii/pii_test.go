package pii

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

// The numbers below are synthetic: district 110101, invented birth dates
// and sequences; the credit codes are the example of GB 32100 and codes
// made up for tests; the card numbers are issuers' published test numbers
// or made-up prefixes with a computed check digit.

func TestIDCheck(t *testing.T) {
	tests := []struct {
		name  string
		d17   string
		check byte
		ok    bool
	}{
		{"digit", "11010119800101123", '2', true},
		{"ten is X", "11010119900307002", 'X', true},
		{"another digit", "11010119900307003", '8', true},
		{"short", "1101011990030700", 0, false},
		{"long", "110101199003070021", 0, false},
		{"letter", "1101011990030700A", 0, false},
		{"full-width digit", "1101011990030700２", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := IDCheck(tt.d17)
			if c != tt.check || ok != tt.ok {
				t.Errorf("IDCheck(%q) = %q, %v, want %q, %v", tt.d17, c, ok, tt.check, tt.ok)
			}
			if cb, okb := IDCheck([]byte(tt.d17)); cb != c || okb != ok {
				t.Errorf("IDCheck([]byte(%q)) = %q, %v, but IDCheck(string) = %q, %v", tt.d17, cb, okb, c, ok)
			}
		})
	}
}

func TestIDValid(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"valid", "110101198001011232", true},
		{"check X", "11010119900307002X", true},
		{"lower-case x is not the check character", "11010119900307002x", false},
		{"bad check", "110101198001011233", false},
		{"letter inside", "11010119800101A232", false},
		{"17 characters", "11010119800101123", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IDValid(tt.in); got != tt.want {
				t.Errorf("IDValid(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestIDShape(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		shape  func(string) bool
		want   bool
		fnName string
	}{
		{"18 plain", "110101198001011232", IDShape18[string], true, "IDShape18"},
		{"18 checksum not looked at", "110101198001011230", IDShape18[string], true, "IDShape18"},
		{"18 first 14 are enough", "11010119800101", IDShape18[string], true, "IDShape18"},
		{"18 leap day", "11010120000229123", IDShape18[string], true, "IDShape18"},
		{"18 no leap day in 1900", "11010119000229123", IDShape18[string], false, "IDShape18"},
		{"18 month 13", "110101198013011232", IDShape18[string], false, "IDShape18"},
		{"18 day 0", "110101198001001232", IDShape18[string], false, "IDShape18"},
		{"18 year 1899", "110101189912311232", IDShape18[string], false, "IDShape18"},
		{"18 year 2100", "110101210001011232", IDShape18[string], false, "IDShape18"},
		{"18 province 99", "990101198001011232", IDShape18[string], false, "IDShape18"},
		{"18 province 10", "100101198001011232", IDShape18[string], false, "IDShape18"},
		{"18 too short", "1101011980010", IDShape18[string], false, "IDShape18"},
		{"18 letter", "1101011980O101", IDShape18[string], false, "IDShape18"},
		{"15 plain", "110101800101123", IDShape15[string], true, "IDShape15"},
		{"15 bad date", "110101800231123", IDShape15[string], false, "IDShape15"},
		{"15 bad province", "900101800101123", IDShape15[string], false, "IDShape15"},
		{"15 too short", "11010180010", IDShape15[string], false, "IDShape15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.shape(tt.in); got != tt.want {
				t.Errorf("%s(%q) = %v, want %v", tt.fnName, tt.in, got, tt.want)
			}
		})
	}
}

func TestUSCC(t *testing.T) {
	tests := []struct {
		name  string
		code  string
		valid bool
	}{
		{"example of the standard", "91350100M000100Y43", true},
		{"public institution", "12100000400000000W", true},
		{"letters", "91110108MA01A2B3CF", true},
		{"association", "121100004000000001", true},
		{"wrong check", "91350100M000100Y44", false},
		{"transposed", "91351000M000100Y43", false},
		{"lower case", "91110108ma01a2b3cf", false},
		{"letter I", "91350100I000100Y43", false},
		{"17 characters", "91350100M000100Y4", false},
		{"19 characters", "91350100M000100Y433", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := USCCValid(tt.code); got != tt.valid {
				t.Errorf("USCCValid(%q) = %v, want %v", tt.code, got, tt.valid)
			}
			if len(tt.code) != 18 {
				return
			}
			c, ok := USCCCheck(tt.code[:17])
			if ok && (c == tt.code[17]) != tt.valid {
				t.Errorf("USCCCheck(%q) = %q, but USCCValid(%q) = %v", tt.code[:17], c, tt.code, tt.valid)
			}
		})
	}
}

func TestLuhn(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"visa test number", "4111111111111111", true},
		{"19 digits", "6222021234567890128", true},
		{"off by one", "6222021234567890127", false},
		{"single zero", "0", true},
		{"empty", "", false},
		{"letter", "41111111111111A1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Luhn(tt.in); got != tt.want {
				t.Errorf("Luhn(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestMobile(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"138", "13800138000", true},
		{"199", "19900138000", true},
		{"12 is no mobile prefix", "12800138000", false},
		{"landline", "01068598000", false},
		{"10 digits", "1380013800", false},
		{"12 digits", "138001380001", false},
		{"letter", "1380013800O", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mobile(tt.in); got != tt.want {
				t.Errorf("Mobile(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestZeroWidthAt checks the byte-level reader against ZeroWidth for every
// character of the Basic Multilingual Plane.
func TestZeroWidthAt(t *testing.T) {
	n := 0
	for r := rune(0); r < 0x10000; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b := utf8.AppendRune(nil, r)
		want := 0
		if ZeroWidth(r) {
			want = len(b)
			n++
		}
		if got := ZeroWidthAt(append(b, 'x')); got != want {
			t.Errorf("ZeroWidthAt(%q) = %d, want %d", b, got, want)
		}
	}
	if n != 7 {
		t.Errorf("ZeroWidth holds %d characters, want 7", n)
	}
	if got := ZeroWidthAt([]byte("\u200b")[:2]); got != 0 {
		t.Errorf("ZeroWidthAt of a cut character = %d, want 0", got)
	}
}

func TestSeparatorAt(t *testing.T) {
	tests := []struct {
		in   string
		kind byte
		n    int
	}{
		{" ", ' ', 1}, {"\t", ' ', 1}, {"\u00a0", ' ', 2}, {"\u3000", ' ', 3}, {"\u2009", ' ', 3}, {"\u202f", ' ', 3},
		{"-", '-', 1}, {"\u2010", '-', 3}, {"\u2013", '-', 3}, {"—", '-', 3}, {"\u2015", '-', 3}, {"\u2212", '-', 3}, {"－", '-', 3},
		{".", '.', 1}, {"．", '.', 3},
		{"/", '/', 1}, {"／", '/', 3},
		{"_", '_', 1}, {"＿", '_', 3},
		{"\n", '\n', 1}, {"\r\n", '\n', 2}, {"\r", '\n', 1}, {"\u2028", '\n', 3},
		{"(", '(', 1}, {"[", '(', 1}, {"（", '(', 3}, {"【", '(', 3}, {"［", '(', 3},
		{")", ')', 1}, {"]", ')', 1}, {"）", ')', 3}, {"】", ')', 3}, {"］", ')', 3},
		{"〔", 0, 0}, {"〕", 0, 0}, {"·", 0, 0}, {",", 0, 0}, {"，", 0, 0}, {"。", 0, 0}, {"+", 0, 0}, {"x", 0, 0}, {"", 0, 0},
		{"\u200b", 0, 0}, {"\xe2\x80", 0, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%U", []rune(tt.in + "\x00")[0]), func(t *testing.T) {
			if k, n := SeparatorAt([]byte(tt.in)); k != tt.kind || n != tt.n {
				t.Errorf("SeparatorAt(%q) = %q, %d, want %q, %d", tt.in, k, n, tt.kind, tt.n)
			}
		})
	}
}

func TestNumeral(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "一二三四五六七八九〇", "1234567890"},
		{"zero forms", "零○◯〇", "0000"},
		{"telephone one", "幺", "1"},
		{"two as liang", "两兩", "22"},
		{"financial", "壹贰叁肆伍陆柒捌玖零", "1234567890"},
		{"traditional financial", "貳參叄陸", "2336"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []byte
			b := []byte(tt.in)
			for len(b) > 0 {
				d, n := NumeralAt(b)
				if n == 0 {
					t.Fatalf("NumeralAt(%q) = 0, 0, want a digit", b)
				}
				r, _ := utf8.DecodeRune(b)
				if !IsNumeral(r) {
					t.Errorf("IsNumeral(%q) = false, want true", r)
				}
				if d2, ok := Numeral(r); !ok || d2 != d {
					t.Errorf("Numeral(%q) = %q, %v, but NumeralAt gives %q", r, d2, ok, d)
				}
				got = append(got, d)
				b = b[n:]
			}
			if string(got) != tt.want {
				t.Errorf("NumeralAt over %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	for _, tt := range []struct {
		r    rune
		want bool
	}{{'壹', true}, {'陆', true}, {'陸', true}, {'玖', true}, {'零', false}, {'一', false}, {'六', false}, {'两', false}, {'幺', false}} {
		if got := Financial(tt.r); got != tt.want {
			t.Errorf("Financial(%q) = %v, want %v", tt.r, got, tt.want)
		}
	}
	for _, s := range []string{"十", "百", "万", "亿", "第", "号", "1", "a", "Ｏ", "O", "〔"} {
		r, _ := utf8.DecodeRuneInString(s)
		if d, ok := Numeral(r); ok || IsNumeral(r) {
			t.Errorf("Numeral(%q) = %q, %v, IsNumeral = %v, want none", s, d, ok, IsNumeral(r))
		}
		if d, n := NumeralAt([]byte(s)); n != 0 {
			t.Errorf("NumeralAt(%q) = %q, %d, want none", s, d, n)
		}
	}
}

func FuzzChecks(f *testing.F) {
	f.Add("110101198001011232")
	f.Add("91350100M000100Y43")
	f.Add("一三八〇〇一三八〇〇〇")
	f.Fuzz(func(t *testing.T, s string) {
		if IDValid(s) != IDValid([]byte(s)) || USCCValid(s) != USCCValid([]byte(s)) || Luhn(s) != Luhn([]byte(s)) {
			t.Fatalf("string and bytes disagree on %q", s)
		}
		if IDValid(s) && !IDShape18(s) && IDShape18(s[:14]) {
			t.Fatalf("IDShape18(%q) reads past 14 characters", s)
		}
		b := []byte(s)
		for len(b) > 0 {
			_, n := SeparatorAt(b)
			z := ZeroWidthAt(b)
			_, m := NumeralAt(b)
			if n > len(b) || z > len(b) || m > len(b) {
				t.Fatalf("a reader ran past %q", b)
			}
			b = b[1:]
		}
	})
}
