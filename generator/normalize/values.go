package normalize

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"disclose/generator/fold"
	"disclose/generator/pii"
	"disclose/generator/schema"
)

// The value parsers below read one non-blank cell each. Their errors speak to
// the data officer who typed the cell; the caller puts the position and the
// field in front ("FILE:SHEET!CELL: field: "). They define no other names in
// the package, so helpers live inside them.

// Date reads a date cell and returns it as YYYY-MM-DD. It accepts Excel
// serial numbers (as date cells arrive when read raw), 2023-03-20,
// 2023/3/20, 2023.3.20, 20230320 and 2023年3月20日, in full or half width,
// with a time of day after the date ignored. Years outside 1900–2200 are
// typing mistakes in these registers, not history.
func Date(raw string, date1904 bool) (string, error) {
	const minYear, maxYear = 1900, 2200
	s := strings.TrimSpace(fold.Width(raw))
	bad := func() error { return fmt.Errorf("cannot read %q as a date", strings.TrimSpace(raw)) }
	yearRange := func() error {
		return fmt.Errorf("cannot read %q as a date: the year must be between %d and %d", strings.TrimSpace(raw), minYear, maxYear)
	}

	// Split into runs of digits and the text between them: "2023年3月20日"
	// is 2023 年 3 月 20 日.
	var nums, seps []string
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i {
			nums = append(nums, s[i:j])
		} else {
			for j < len(s) && (s[j] < '0' || s[j] > '9') {
				j++
			}
			if len(nums) == 0 {
				return "", bad() // starts with text
			}
			seps = append(seps, s[i:j])
		}
		i = j
	}
	if len(nums) == 0 {
		return "", bad()
	}
	sepAt := func(i int) string { // the text after nums[i], "" at the end
		if i < len(seps) {
			return seps[i]
		}
		return ""
	}

	// An Excel serial number: whole days since the epoch, a fraction for
	// the time of day. Eight digits are read as YYYYMMDD instead.
	if len(nums[0]) <= 7 && (len(nums) == 1 || len(nums) == 2 && sepAt(0) == "." && len(seps) == 1) {
		if len(nums[0]) == 4 {
			if y, _ := strconv.Atoi(nums[0]); y >= minYear && y <= maxYear {
				// Excel would show 2023 as 1905-07-15: this is a year
				// typed without the rest of the date, never a date
				// anyone in these registers meant.
				return "", fmt.Errorf("cannot read %q as a date: it looks like a year only, write the whole date such as %s-03-20", strings.TrimSpace(raw), nums[0])
			}
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return "", bad()
		}
		t, err := excelize.ExcelDateToTime(f, date1904)
		if err != nil {
			return "", bad()
		}
		if t.Year() < minYear || t.Year() > maxYear {
			return "", yearRange()
		}
		return t.Format(time.DateOnly), nil
	}

	var y, m, d string
	rest := 0 // index of the first number after the date
	switch {
	case len(nums[0]) == 8:
		y, m, d, rest = nums[0][:4], nums[0][4:6], nums[0][6:], 1
	case len(nums) >= 3 && len(nums[0]) == 4:
		y, m, d, rest = nums[0], nums[1], nums[2], 3
		s0, s1 := strings.TrimSpace(sepAt(0)), strings.TrimSpace(sepAt(1))
		switch {
		case s0 == s1 && (s0 == "-" || s0 == "/" || s0 == "."):
		case s0 == "年" && s1 == "月":
		default:
			return "", bad()
		}
	default:
		return "", bad()
	}
	if len(m) > 2 || len(d) > 2 {
		return "", bad()
	}
	// What follows the date may only be 日 or 号 (after 年…月) and a time
	// of day: H:MM, H:MM:SS or H:MM:SS.fff, after a space, a T or 日.
	after := strings.TrimSpace(sepAt(rest - 1))
	if rest == 3 && strings.TrimSpace(sepAt(1)) == "月" {
		if t, ok := strings.CutPrefix(after, "日"); ok {
			after = strings.TrimSpace(t)
		} else if t, ok := strings.CutPrefix(after, "号"); ok {
			after = strings.TrimSpace(t)
		}
	}
	if rest == len(nums) && after != "" {
		return "", bad()
	}
	if rest < len(nums) {
		times := nums[rest:]
		if after != "" && after != "T" || len(times) < 2 || len(times) > 4 ||
			len(times[0]) > 2 || len(times[1]) != 2 || len(times) > 2 && len(times[2]) != 2 {
			return "", bad()
		}
		for i := range times[1:] {
			want := ":"
			if i == 2 {
				want = "."
			}
			if sepAt(rest+i) != want {
				return "", bad()
			}
		}
		if sepAt(rest+len(times)-1) != "" {
			return "", bad()
		}
	}
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	day, _ := strconv.Atoi(d)
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 {
		return "", fmt.Errorf("cannot read %q as a date: there is no month %d", strings.TrimSpace(raw), month)
	}
	if t.Year() != year || int(t.Month()) != month || t.Day() != day {
		last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return "", fmt.Errorf("cannot read %q as a date: %d-%02d has %d days", strings.TrimSpace(raw), year, month, last)
	}
	if year < minYear || year > maxYear {
		return "", yearRange()
	}
	return t.Format(time.DateOnly), nil
}

// Int reads a whole number ≥ 0: full-width digits, thousands separators in
// groups of three (1,234 or 1，234), the ".0" Excel puts after whole
// numbers, and a unit after the number (35人, 12场, 3年).
func Int(raw string) (int64, error) {
	shown := strings.TrimSpace(raw)
	s := strings.TrimSpace(fold.Width(raw))
	for _, unit := range []string{"人次", "人", "次", "个", "场", "项", "年"} {
		if t, ok := strings.CutSuffix(s, unit); ok {
			s = strings.TrimSpace(t)
			break
		}
	}
	bad := func() error { return fmt.Errorf("cannot read %q as a whole number", shown) }
	allDigits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	if t, ok := strings.CutPrefix(s, "-"); ok || strings.HasPrefix(s, "−") {
		if !ok {
			t = strings.TrimPrefix(s, "−")
		}
		if t = strings.TrimSpace(t); t != "" && t[0] >= '0' && t[0] <= '9' {
			return 0, fmt.Errorf("cannot read %q as a whole number: it is negative", shown)
		}
		return 0, bad()
	}
	whole, frac, dot := strings.Cut(s, ".")
	if dot {
		if !allDigits(frac) {
			return 0, bad()
		}
		if strings.Trim(frac, "0") != "" {
			if allDigits(strings.ReplaceAll(whole, ",", "")) {
				return 0, fmt.Errorf("cannot read %q as a whole number: it has a fraction", shown)
			}
			return 0, bad()
		}
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) > 3 {
			return 0, bad()
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, bad()
			}
		}
		whole = strings.Join(groups, "")
	}
	if !allDigits(whole) {
		return 0, bad()
	}
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("cannot read %q as a whole number: it is too large", shown)
	}
	return n, nil
}

// Bool reads a yes/no cell in the ways Chinese and English workbooks write it.
func Bool(raw string) (bool, error) {
	switch fold.Key(raw) {
	case "是", "y", "yes", "true", "1", "√", "✓", "✔", "有", "对":
		return true, nil
	case "否", "n", "no", "false", "0", "×", "✗", "✘", "无", "没有":
		return false, nil
	}
	return false, fmt.Errorf("cannot read %q as yes or no (expected 是/否, Y/N, yes/no, true/false, 1/0, √/×)", strings.TrimSpace(raw))
}

// Period reads a reporting period, a year, a half year or a quarter in
// Chinese or English, and returns 2024, 2024-H1 or 2024-Q3.
func Period(raw string) (string, error) {
	shown := strings.TrimSpace(raw)
	bad := func() error {
		return fmt.Errorf("cannot read %q as a period (expected a year such as 2024, a half year such as 2024-H1 or 2024年上半年, or a quarter such as 2024-Q3 or 2024年第三季度)", shown)
	}
	k := fold.Key(raw)
	if len(k) < 4 {
		return "", bad()
	}
	y := k[:4]
	for i := 0; i < 4; i++ {
		if y[i] < '0' || y[i] > '9' {
			return "", bad()
		}
	}
	year, _ := strconv.Atoi(y)
	rest, ok := strings.CutPrefix(k[4:], "年度")
	if !ok {
		rest = strings.TrimPrefix(rest, "年")
	}
	if len(rest) > 1 && strings.ContainsRune("-/_.", rune(rest[0])) {
		rest = rest[1:]
	}
	rest, ordinal := strings.CutPrefix(rest, "第")
	if ordinal && !strings.HasSuffix(rest, "季度") {
		return "", bad()
	}
	var part string
	switch rest {
	case "":
	case "h1", "上半年":
		part = "-H1"
	case "h2", "下半年":
		part = "-H2"
	case "q1", "一季度", "1季度":
		part = "-Q1"
	case "q2", "二季度", "2季度":
		part = "-Q2"
	case "q3", "三季度", "3季度":
		part = "-Q3"
	case "q4", "四季度", "4季度":
		part = "-Q4"
	default:
		return "", bad()
	}
	if year < 1900 || year > 2200 {
		return "", fmt.Errorf("cannot read %q as a period: the year must be between 1900 and 2200", shown)
	}
	return y + part, nil
}

// Enum returns the code of the vocabulary term the cell names by code,
// Chinese or English label or synonym. The error lists the Chinese labels
// the cell could have used; ten are enough to show what kind of value
// belongs there.
func Enum(v *schema.Vocab, raw string) (string, error) {
	if t, ok := v.Lookup(raw); ok {
		return t.Code, nil
	}
	const shown = 10
	labels := make([]string, 0, shown+1)
	for i, t := range v.Terms {
		if i == shown {
			labels = append(labels, "…")
			break
		}
		labels = append(labels, t.Zh)
	}
	return "", fmt.Errorf("unknown value %q (expected one of: %s)", strings.TrimSpace(raw), strings.Join(labels, ", "))
}

// Region returns the GB/T 2260 code of a province-level division (or of
// the whole country) named by its Chinese or English name, with or without
// its suffix, or by its code; a prefecture or county code stands for its
// province.
func Region(v *schema.Vocab, raw string) (string, error) {
	if t, ok := v.Lookup(raw); ok {
		return t.Code, nil
	}
	k := fold.Key(raw)
	if len(k) == 6 && strings.Trim(k, "0123456789") == "" {
		if t := v.Term(k[:2] + "0000"); t != nil {
			return t.Code, nil
		}
	}
	// Suffixes in fold.Key form, longest first, so that 北京市,
	// 广西壮族自治区 and "Sichuan Province" come down to their bare name.
	bare := func(k string) string {
		for _, suf := range [...]string{
			"specialadministrativeregion", "uyghurautonomousregion",
			"zhuangautonomousregion", "uygurautonomousregion",
			"huiautonomousregion", "autonomousregion", "municipality", "province",
			"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区",
			"sar", "省", "市",
		} {
			if t, ok := strings.CutSuffix(k, suf); ok && t != "" {
				return t
			}
		}
		return k
	}
	b := bare(k)
	if t, ok := v.Lookup(b); ok {
		return t.Code, nil
	}
	// Compare bare names on both sides, so that a vocabulary listing only
	// 北京市 and Beijing still answers to 北京 and "Beijing Municipality".
	for _, t := range v.Terms {
		for _, name := range append([]string{t.Zh, t.En}, t.Synonyms...) {
			if bare(fold.Key(name)) == b {
				return t.Code, nil
			}
		}
	}
	return "", fmt.Errorf("unknown region %q (expected a province-level name such as 北京市 or 广西, its English name, its GB/T 2260 code such as 110000, or 全国)", strings.TrimSpace(raw))
}

// List splits a list cell into items on 、，,；;/／ and line breaks. Without
// a vocabulary the items are text. With one, the labels and synonyms of its
// terms are matched first, longest first, so that a label containing a
// separator (撤销获得的奖励、荣誉) stays whole; every other item must name a
// term too, and the codes are returned. Items are de-duplicated, keeping
// the first.
func List(raw string, v *schema.Vocab) ([]string, error) {
	// Once widths are folded ，；／ have become , ; /.
	isSep := func(r rune) bool {
		switch r {
		case '、', ',', ';', '/', '\n', '\r':
			return true
		}
		return false
	}
	w := fold.Width(raw)
	var items []string
	if v == nil {
		items = strings.FieldsFunc(w, isSep)
		for i, it := range items {
			items[i] = fold.Text(it)
		}
	} else {
		// Walk the fold.Key form of the cell (the form Labels are in),
		// matching a whole label at the start of each item. White space is
		// not part of a key, but a line break still ends an item, so breaks
		// are remembered by position; off maps key bytes back to w for
		// naming an unknown item as it was written.
		var kb strings.Builder
		var off []int
		brk := map[int]bool{}
		for i, r := range w {
			if unicode.IsSpace(r) {
				if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085' {
					brk[kb.Len()] = true
				}
				continue
			}
			lr := unicode.ToLower(r)
			for range utf8.RuneLen(lr) {
				off = append(off, i)
			}
			kb.WriteRune(lr)
		}
		k := kb.String()
		boundary := func(p int) bool {
			if p >= len(k) || brk[p] {
				return true
			}
			r, _ := utf8.DecodeRuneInString(k[p:])
			return isSep(r)
		}
		// A label can only end where an item may end, so the candidates
		// are the boundaries after the item's start, farthest (longest)
		// first; there are few of them, and looking each up is cheaper
		// than trying every label of the vocabulary at every item.
		var ends []int
		for q := 1; q <= len(k); q++ {
			if (q == len(k) || utf8.RuneStart(k[q])) && boundary(q) {
				ends = append(ends, q)
			}
		}
		for p := 0; p < len(k); {
			r, size := utf8.DecodeRuneInString(k[p:])
			if isSep(r) {
				p += size
				continue
			}
			matched := false
			for i := len(ends) - 1; i >= 0 && ends[i] > p; i-- {
				if t, ok := v.Lookup(k[p:ends[i]]); ok {
					items = append(items, t.Code)
					p = ends[i]
					matched = true
					break
				}
			}
			if matched {
				continue
			}
			e := p + size
			for !boundary(e) {
				_, n := utf8.DecodeRuneInString(k[e:])
				e += n
			}
			last := off[e-1]
			_, n := utf8.DecodeRuneInString(w[last:])
			code, err := Enum(v, w[off[p]:last+n])
			if err != nil {
				return nil, err
			}
			items = append(items, code)
			p = e
		}
	}
	out := items[:0]
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		if it == "" || seen[it] {
			continue
		}
		seen[it] = true
		out = append(out, it)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("cannot read %q as a list: it holds no items", strings.TrimSpace(raw))
	}
	return out, nil
}

// ID reads an identifier: widths folded, runs of white space made one
// space, ASCII letters upper-cased. Control and formatting characters are
// refused: they hide in pasted ids and make two different ids look alike.
func ID(raw string) (string, error) {
	s := strings.TrimSpace(fold.Width(raw))
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return "", fmt.Errorf("cannot read %q as an id: it contains the invisible character %U", strings.TrimSpace(raw), r)
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, s)
	if n := utf8.RuneCountInString(s); n > 100 {
		return "", fmt.Errorf("cannot read %q… as an id: it has %d characters, at most 100 are allowed", string([]rune(s)[:20]), n)
	}
	return s, nil
}

// USCC reads a unified social credit code (GB 32100-2015). A code of the
// wrong length or with a character the standard never uses is an error; a
// wrong check character is reported through checksumOK instead, because
// the caller treats it as a warning.
func USCC(raw string) (code string, checksumOK bool, err error) {
	s := strings.ToUpper(strings.TrimSpace(fold.Width(raw)))
	if n := utf8.RuneCountInString(s); n != 18 {
		return "", false, fmt.Errorf("cannot read %q as a unified social credit code: it has %d characters, not 18", strings.TrimSpace(raw), n)
	}
	for _, r := range s {
		if !strings.ContainsRune(pii.USCCAlphabet, r) {
			return "", false, fmt.Errorf("cannot read %q as a unified social credit code: %q is not allowed (the letters I, O, S, V and Z are never used)", strings.TrimSpace(raw), r)
		}
	}
	check, _ := pii.USCCCheck(s[:17])
	return s, check == s[17], nil
}

// USCCValid reports whether code is a normalised unified social credit
// code (as USCC returns it) with a correct check character.
func USCCValid(code string) bool { return pii.USCCValid(code) }

// Text reads one line of text: widths folded, white space collapsed.
func Text(raw string) string { return fold.Text(raw) }

// FreeText reads long text: widths folded, line breaks kept.
func FreeText(raw string) string { return fold.Lines(raw) }
