package scan

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"disclose/generator/internal/fake"
)

// kinds runs the detector and renders what it found as "kind:text" items.
func kinds(mode Mode, text string) []string {
	var out []string
	NewDetector(mode, nil).Find([]byte(text), func(m Match) {
		out = append(out, m.Kind+":"+text[m.Start:m.End])
	})
	return out
}

func TestDetect(t *testing.T) {
	id := fake.ID("19900307", "123") // 11010119900307123?
	idx := "11010119800101002"       // checksum X for this one? computed below
	idx += string(IDChecksum(idx))   // may or may not be X
	badSum := id[:17] + string("0123456789"[(strings.IndexByte("0123456789", id[17])+1)%10])
	if id[17] == 'X' {
		badSum = id[:17] + "0"
	}
	tests := []struct {
		name string
		mode Mode
		in   string
		want []string
	}{
		{"id plain", Guard, "身份证号" + id + "。", []string{"id_number:" + id}},
		{"id checksum fails", Guard, "证件 " + badSum + " 结束", []string{"id_number:" + badSum}},
		{"id with spaces", Guard, "号码 " + id[:6] + " " + id[6:14] + " " + id[14:], []string{"id_number:" + id[:6] + " " + id[6:14] + " " + id[14:]}},
		{"id with hyphens", Guard, "号码" + id[:6] + "-" + id[6:14] + "-" + id[14:] + "，", []string{"id_number:" + id[:6] + "-" + id[6:14] + "-" + id[14:]}},
		{"id lower x", Guard, "号码11010119900307002x。", []string{"id_number:11010119900307002x"}},
		{"id full width", Guard, "号码１１０１０１１９９００３０７１２３４。", []string{"id_number:１１０１０１１９９００３０７１２３４"}},
		{"id zero width inside", Guard, "号码110101\u200b19900307\u200b1234。", []string{"id_number:110101\u200b19900307\u200b1234"}},
		{"id 15 digits", Guard, "旧证 110101900307123 止", []string{"id_number:110101900307123"}},
		{"id checksum x", Guard, "号" + idx + "号", []string{"id_number:" + idx}},
		{"mobile plain", Guard, "电话13800138000。", []string{"mobile:13800138000"}},
		{"mobile spaced", Guard, "电话 138 0013 8000 联系", []string{"mobile:138 0013 8000"}},
		{"mobile hyphens", Guard, "电话138-0013-8000", []string{"mobile:138-0013-8000"}},
		{"mobile +86", Guard, "call +86 138 0013 8000 now", []string{"mobile:+86 138 0013 8000"}},
		{"mobile 0086 glued", Guard, "tel 008613800138000", []string{"mobile:008613800138000"}},
		{"mobile full width", Guard, "电话１３９１２３４５６７８", []string{"mobile:１３９１２３４５６７８"}},
		{"email qq", Guard, "邮箱 zhangsan123@qq.com 。", []string{"email:zhangsan123@qq.com"}},
		{"email 163 upper", Guard, "mail: Test.User@163.COM", []string{"email:Test.User@163.COM"}},
		{"email subdomain vip", Guard, "a.b@vip.qq.com", []string{"email:a.b@vip.qq.com"}},
		{"bank card", Guard, "卡号6222021234567890128止", []string{"bank_card:6222021234567890128"}},
		{"bank card grouped", Guard, "卡号 6222 0212 3456 7890 128 止", []string{"bank_card:6222 0212 3456 7890 128"}},
		{"visa 16", Guard, "card 4111111111111111.", []string{"bank_card:4111111111111111"}},
		{"card without keyword in output", Guard, `"title":"4111111111111111"`, nil},
		{"card without keyword in free text", Eager, "转入4111111111111111。", []string{"bank_card:4111111111111111"}},
		{"credit code digits then X and digit", Guard, "<dd>1211000010002300X7</dd>", nil},

		// kept
		{"credit code", Guard, "统一社会信用代码 91110108MA0000001D", nil},
		{"credit code eager", Eager, "代码91110108MA0000001D", nil},
		{"credit code digits", Guard, "代码12100000400000000W", nil},
		{"credit code all digits luhn", Guard, "<dd>121100001000230004</dd>", nil},
		{"credit code all digits eager", Eager, "代码121100001000230004。", nil},
		{"document number", Guard, "国科金监处〔2021〕134号", nil},
		{"grant number", Guard, "项目编号81971234，2022YFA1234500", nil},
		{"date iso", Guard, "2023-03-20 至 2024-05-06", nil},
		{"dates in a row", Guard, "2023-03-20 2024-05-06", nil},
		{"institutional phone", Guard, "电话 010-68598000 或 0571-87654321", nil},
		{"institutional phone +86", Guard, "+86 10 6859 8000", nil},
		{"institutional email", Guard, "ethics@zju.edu.cn", nil},
		{"not qq lookalike", Guard, "x@notqq.com", nil},
		{"bank card luhn fails", Guard, "卡号6222021234567890127止", nil},
		{"card inside longer run", Guard, "序列 62220212345678901280000", nil},
		{"hex hash", Guard, "sha256 a3f5110101199003071234bc9", nil},
		{"id bad date", Guard, "号码110101199013071234", nil},
		{"id bad province", Guard, "号码990101199003071234", nil},
		{"svg numbers", Guard, `<path d="M 138 13 L 80 0.5 138 0.2"/>`, nil},
		{"counts", Guard, "共 12 家，13 人，800 项", nil},
		{"timestamp ms", Guard, "1700000000000", nil},
		{"float fraction", Guard, `{"ratio":0.6222021234567890128}`, nil},
		{"float fraction mobile shape", Guard, `{"x":0.13800138000}`, nil},
		{"float integer part", Guard, `{"x":6222021234567890128.25}`, nil},
		{"dotted mobile", Guard, "电话138.0013.8000", []string{"mobile:138.0013.8000"}},

		// eager mode for typed free text
		{"eager letters touch", Eager, "ID110101199003071234号", []string{"id_number:110101199003071234"}},
		{"eager mixed separators", Eager, "号 1101 01-1990.0307 12 34", []string{"id_number:1101 01-1990.0307 12 34"}},
		{"eager x after space", Eager, "号 11010119900307002 X 止", []string{"id_number:11010119900307002 X"}},
		{"eager mobile odd grouping", Eager, "电话1 3800 138 000", []string{"mobile:1 3800 138 000"}},
		{"guard mobile odd grouping", Guard, "电话1 3800 138 000", nil},
		{"eager keeps credit code", Eager, "代码91110108MA0000001D", nil},
		{"eager keeps institutional phone", Eager, "电话010-68598000", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := kinds(tc.mode, tc.in)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Find(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSet(t *testing.T) {
	s := NewSet([]string{"张三丰", "张三", "李四", "Alice Smith", "ab", "欧阳明月"})
	tests := []struct {
		name, in string
		want     []string
	}{
		{"longest wins", "会见张三丰和张三", []string{"张三丰", "张三"}},
		{"none", "张某和李某", nil},
		{"ascii", "by Alice Smith.", []string{"Alice Smith"}},
		{"short pattern dropped", "ab ab", nil},
		{"at end", "欧阳明月", []string{"欧阳明月"}},
		{"adjacent", "李四张三", []string{"李四", "张三"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			s.Find([]byte(tc.in), func(st, end, _ int) bool {
				got = append(got, tc.in[st:end])
				return true
			})
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Find(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSetAll(t *testing.T) {
	s := NewSet([]string{"张三丰", "张三", "三丰山", "李四"})
	in := "张三丰山李四"
	var got []string
	s.All([]byte(in), func(st, end, _ int) bool {
		got = append(got, in[st:end])
		return true
	})
	want := []string{"张三丰", "张三", "三丰山", "李四"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("All(%q) = %q, want %q", in, got, want)
	}
}

func FuzzFind(f *testing.F) {
	f.Add([]byte("号码110101199003071234，电话+86 138 0013 8000，a@qq.com"))
	f.Add([]byte("１３８\u200b００１３８０００ 6222 0212 3456 7890 128 x"))
	f.Add([]byte("0.6222021234567890128 11010119900307002X"))
	f.Add([]byte("电话(+86)138 - 0013 - 8000，手机一三九〇〇一三九〇〇〇，110101\r\n19900307002X"))
	f.Add([]byte(`\u5f20&middot;%E4%B8%89&#x20;&amp;&#0;&lt%4`))
	f.Add([]byte("宅电：（010）6234 5678 QQ号：12345678 微信：zhang_san88 vx abc123 1.10101198804153E+17 li@qq.com6272"))
	set := NewSet([]string{"张三丰", "欧阳明月", "AJ-2023-099"})
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, mode := range []Mode{Guard, Eager} {
			last := 0
			NewDetector(mode, nil).Find(b, func(m Match) {
				if m.Start < last || m.End <= m.Start || m.End > len(b) {
					t.Fatalf("Find(%q) gave span [%d,%d) after %d", b, m.Start, m.End, last)
				}
				last = m.End
			})
		}
		last := 0
		set.Find(b, func(st, end, p int) bool {
			if st < last || end > len(b) || string(b[st:end]) != set.Pattern(p) {
				t.Fatalf("Set.Find(%q) gave [%d,%d) for %q", b, st, end, set.Pattern(p))
			}
			last = end
			return true
		})
		in := string(b)
		got := decode(b)
		if string(b) != in {
			t.Fatalf("decode(%q) changed its input to %q", in, b)
		}
		if want := decodeCopying([]byte(in)); string(got) != string(want) {
			t.Fatalf("decode(%q) = %q, but pass after pass with copies gives %q", in, got, want)
		}
	})
}

// decodeCopying is decode with a copy for each pass.
func decodeCopying(b []byte) []byte {
	if strings.Contains(string(b), `\u`) || strings.Contains(string(b), `\U`) {
		b = unescapeJSON(b)
	}
	if strings.IndexByte(string(b), '&') >= 0 {
		b = unescapeEntities(b, false)
	}
	if strings.IndexByte(string(b), '%') >= 0 {
		b = unescapePercent(b, false)
	}
	return b
}

// findWith runs Find with the short-run fast path on or off.
func findWith(fast bool, mode Mode, b []byte) []Match {
	defer func(old bool) { fastRuns = old }(fastRuns)
	fastRuns = fast
	return NewDetector(mode, nil).FindAll(b)
}

// sameWithoutFastPath fails when the short-run fast path changes what
// Find reports for b.
func sameWithoutFastPath(t *testing.T, b []byte) {
	t.Helper()
	for _, mode := range []Mode{Guard, Eager} {
		fast, slow := findWith(true, mode, b), findWith(false, mode, b)
		if !slices.Equal(fast, slow) {
			t.Fatalf("mode %d, %q: with the fast path %v, without %v", mode, b, fast, slow)
		}
	}
}

// TestShortRunIsExact checks the fast path for short digit runs against
// the full detector on pieces of generated pages and on random strings
// built from digits, separators, letters, markup and the full-width and
// invisible characters the detector knows.
func TestShortRunIsExact(t *testing.T) {
	id := fake.ID("19900307", "123")
	for _, s := range []string{
		`<td class="date">2023-11-01</td><a href="/cases/2023-12-nrcgkmds/">`,
		"电话：13800138000<", "138 0013 8000<", "13800138000", "1380013800<0",
		id + "<", id[:17] + "X<", id[:10] + "<" + id[10:], "6222021234567890128<",
		"91110000MA01ABCD3X<", "a@b 123@qq.com 1234567890@163.com<",
		"page 2 of 12,345; 1,234,567 (2026)", "1234567890_", "1234567890X", "１２３4567890<",
		"123\u200b45678901<", "0086-138-0013-8000", "+86 13800138000\"",
	} {
		sameWithoutFastPath(t, []byte(s))
	}
	pieces := []string{"0", "1", "3", "8", "9", "12", "138", "2023", "0013", "8000", "110101", "X", "x", "-", ".", " ", "\t",
		"<", ">", "\"", "/", ",", ":", "@", "_", "a", "Z", "号", "，", "１", "８", "－", "．", "\u00a0", "\u3000", "\u200b", "\ufeff", "Ｘ", "qq.com", "卡号"}
	r := uint64(1)
	next := func(n int) int {
		r ^= r << 13
		r ^= r >> 7
		r ^= r << 17
		return int(r % uint64(n))
	}
	for range 30000 {
		var b strings.Builder
		for range 1 + next(24) {
			b.WriteString(pieces[next(len(pieces))])
		}
		sameWithoutFastPath(t, []byte(b.String()))
	}
}

func FuzzShortRun(f *testing.F) {
	f.Add([]byte("<td>2023-11-01</td> 13800138000< 138 0013 8000"))
	f.Add([]byte("1234567890_ 1234567890X １２３4567890<"))
	f.Add([]byte("陆13800 一三八 0013/8000 QQ 12345< 宅电:6234 5678\"（+86）138\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		sameWithoutFastPath(t, b)
	})
}

// TestSetMatchesNaive compares Find and All with a plain search over many
// random sets whose patterns share anchors and long prefixes, as the
// texts of withheld records do.
func TestSetMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	alphabet := []string{"本", "项", "目", "张", "三", "a", "b", "。"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := range 300 {
		var pats []string
		for range 1 + r.IntN(60) {
			pats = append(pats, word(2+r.IntN(7)))
		}
		s := NewSet(pats)
		text := []byte(word(200))
		longestAt := func(i int) string {
			best := ""
			for _, p := range pats {
				if len(p) >= MinPatternLen && len(p) > len(best) && bytes.HasPrefix(text[i:], []byte(p)) {
					best = p
				}
			}
			return best
		}
		var want, got []string
		for i := 0; i < len(text); i++ {
			if p := longestAt(i); p != "" {
				want = append(want, fmt.Sprintf("%d:%s", i, p))
				i += len(p) - 1
			}
		}
		s.Find(text, func(st, end, p int) bool {
			got = append(got, fmt.Sprintf("%d:%s", st, text[st:end]))
			if s.Pattern(p) != string(text[st:end]) {
				t.Fatalf("round %d: pattern %d is %q, the span %q", round, p, s.Pattern(p), text[st:end])
			}
			return true
		})
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("round %d: Find = %v, want %v (patterns %q)", round, got, want, pats)
		}
		var all, wantAll []string
		for i := range text {
			seen := map[string]bool{}
			var here []string
			for _, p := range pats {
				if len(p) >= MinPatternLen && !seen[p] && bytes.HasPrefix(text[i:], []byte(p)) {
					seen[p] = true
					here = append(here, p)
				}
			}
			sort.Slice(here, func(a, b int) bool { return len(here[a]) > len(here[b]) })
			for _, p := range here {
				wantAll = append(wantAll, fmt.Sprintf("%d:%s", i, p))
			}
		}
		s.All(text, func(st, end, _ int) bool {
			all = append(all, fmt.Sprintf("%d:%s", st, text[st:end]))
			return true
		})
		if strings.Join(all, " ") != strings.Join(wantAll, " ") {
			t.Fatalf("round %d: All = %v, want %v (patterns %q)", round, all, wantAll, pats)
		}
	}
}
