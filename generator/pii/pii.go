// Package pii holds the rules that tell a personal number from any other
// number: the check characters of resident identity numbers (GB 11643)
// and unified social credit codes (GB 32100), the Luhn check of card
// numbers, the shape of a mainland mobile number, and the characters
// people type inside numbers: invisible ones, separators and Chinese
// numerals. It takes strings or bytes and reports; it keeps no state.
//
// The redactor and the leak guard (package scan), the normaliser and the
// sample generator all read their rules from here, so that a change to
// one rule reaches every stage at once.
package pii

// Text is what the checks accept: a string or its bytes.
type Text interface{ ~string | ~[]byte }

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// IDCheck returns the check character ('0'–'9' or 'X') of the first 17
// digits of a resident identity number; ok is false unless d17 is 17 ASCII
// digits.
func IDCheck[T Text](d17 T) (check byte, ok bool) {
	if len(d17) != 17 {
		return 0, false
	}
	sum := 0
	for i := range 17 {
		c := d17[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11], true
}

// IDValid reports whether s is an 18-character resident identity number
// with a correct check character (an upper-case X for ten).
func IDValid[T Text](s T) bool {
	if len(s) != 18 {
		return false
	}
	c, ok := IDCheck(s[:17])
	return ok && c == s[17]
}

// provinces are the first two digits of the province-level codes of
// GB/T 2260 (with 83 of the residence permits for Taiwan residents).
var provinces = [100]bool{
	11: true, 12: true, 13: true, 14: true, 15: true,
	21: true, 22: true, 23: true,
	31: true, 32: true, 33: true, 34: true, 35: true, 36: true, 37: true,
	41: true, 42: true, 43: true, 44: true, 45: true, 46: true,
	50: true, 51: true, 52: true, 53: true, 54: true,
	61: true, 62: true, 63: true, 64: true, 65: true,
	71: true, 81: true, 82: true, 83: true,
}

// num reads ASCII digits; the callers have checked them.
func num[T Text](d T) int {
	v := 0
	for i := range len(d) {
		v = v*10 + int(d[i]-'0')
	}
	return v
}

func digitsOnly[T Text](d T) bool {
	for i := range len(d) {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

func validDate(y, m, day int) bool {
	if m < 1 || m > 12 || day < 1 {
		return false
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 28
	}
	return day <= days
}

// IDShape18 reports whether d begins the way an 18-digit identity number
// does: a province code, four digits of district, and a birth date
// between 1900 and 2099. Only the first 14 characters are read (fewer
// than 14 is false); the check character is deliberately not looked at,
// because a mistyped number is still a person's.
func IDShape18[T Text](d T) bool {
	if len(d) < 14 || !digitsOnly(d[:14]) || !provinces[num(d[:2])] {
		return false
	}
	y := num(d[6:10])
	return y >= 1900 && y <= 2099 && validDate(y, num(d[10:12]), num(d[12:14]))
}

// IDShape15 reports whether d begins the way a first-generation 15-digit
// identity number does: a province code, four digits of district and a
// YYMMDD birth date in the 1900s. Only the first 12 characters are read.
func IDShape15[T Text](d T) bool {
	if len(d) < 12 || !digitsOnly(d[:12]) || !provinces[num(d[:2])] {
		return false
	}
	return validDate(1900+num(d[6:8]), num(d[8:10]), num(d[10:12]))
}

// USCCAlphabet is the character set of unified social credit codes in
// value order: a character's index is its value in the check sum. The
// letters I, O, S, V and Z are never used.
const USCCAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccValue maps a byte to its value in USCCAlphabet plus one; 0 is not
// in the alphabet.
var usccValue = func() (t [256]byte) {
	for i := range len(USCCAlphabet) {
		t[USCCAlphabet[i]] = byte(i + 1)
	}
	return t
}()

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCCheck returns the check character of the first 17 characters of a
// unified social credit code; ok is false unless first17 is 17 characters
// of USCCAlphabet (upper case).
func USCCCheck[T Text](first17 T) (check byte, ok bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := range 17 {
		v := usccValue[first17[i]]
		if v == 0 {
			return 0, false
		}
		sum += int(v-1) * usccWeights[i]
	}
	return USCCAlphabet[(31-sum%31)%31], true
}

// USCCValid reports whether code is 18 characters of USCCAlphabet with a
// correct check character.
func USCCValid[T Text](code T) bool {
	if len(code) != 18 {
		return false
	}
	c, ok := USCCCheck(code[:17])
	return ok && c == code[17]
}

// Luhn reports whether the ASCII digits d end with a correct Luhn check
// digit, as payment card numbers do. Empty input or any other character
// is false.
func Luhn[T Text](d T) bool {
	if len(d) == 0 {
		return false
	}
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		c := d[i]
		if c < '0' || c > '9' {
			return false
		}
		v := int(c - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

// Mobile reports whether d is a mainland mobile number: 11 ASCII digits,
// a 1 and then 3 to 9.
func Mobile[T Text](d T) bool {
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' && digitsOnly(d)
}

// ZeroWidth reports the invisible characters that spreadsheets and pasted
// text carry (zero-width space, joiners, word joiner, byte order mark,
// soft hyphen, Mongolian vowel separator): they change nothing a reader
// sees, so they never count.
func ZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e':
		return true
	}
	return false
}

// ZeroWidthAt returns the length in bytes of the invisible character (see
// ZeroWidth) that b starts with, or 0.
func ZeroWidthAt(b []byte) int {
	if len(b) < 2 {
		return 0
	}
	switch b[0] {
	case 0xC2:
		if b[1] == 0xAD {
			return 2
		}
	case 0xE2:
		if len(b) > 2 && (b[1] == 0x80 && b[2] >= 0x8B && b[2] <= 0x8D || b[1] == 0x81 && b[2] == 0xA0) {
			return 3
		}
	case 0xEF:
		if len(b) > 2 && b[1] == 0xBB && b[2] == 0xBF {
			return 3
		}
	case 0xE1:
		if len(b) > 2 && b[1] == 0xA0 && b[2] == 0x8E {
			return 3
		}
	}
	return 0
}

// The kinds of separator that SeparatorAt reports.
const (
	SepSpace   = ' '  // space, tab, no-break, ideographic and the typographic spaces
	SepDash    = '-'  // hyphen-minus, the hyphens and dashes U+2010–U+2015, minus sign, full-width and small hyphens
	SepDot     = '.'  // full stop, ASCII or full-width
	SepSlash   = '/'  // slash, ASCII or full-width
	SepLow     = '_'  // low line, ASCII or full-width
	SepNewline = '\n' // line feed, carriage return (CR LF is one), line and paragraph separators
	SepOpen    = '('  // ( [ （ ［ 【 〖
	SepClose   = ')'  // ) ] ） ］ 】 〗
)

// SeparatorAt returns the kind and length in bytes of the separator that
// b starts with, or 0, 0: the characters people put between the digits of
// a number they type, from spaces and hyphens to dashes, slashes,
// brackets around a group and line breaks.
func SeparatorAt(b []byte) (kind byte, n int) {
	if len(b) == 0 {
		return 0, 0
	}
	switch c := b[0]; c {
	case ' ', '\t':
		return SepSpace, 1
	case '-', '.', '/', '_':
		return c, 1
	case '\n':
		return SepNewline, 1
	case '\r':
		if len(b) > 1 && b[1] == '\n' {
			return SepNewline, 2
		}
		return SepNewline, 1
	case '(', '[':
		return SepOpen, 1
	case ')', ']':
		return SepClose, 1
	case 0xC2:
		if len(b) > 1 && b[1] == 0xA0 {
			return SepSpace, 2
		}
		return 0, 0
	}
	if len(b) < 3 {
		return 0, 0
	}
	b1, b2 := b[1], b[2]
	switch b[0] {
	case 0xE2:
		switch {
		case b1 == 0x80 && (b2 >= 0x80 && b2 <= 0x8A || b2 == 0xAF): // U+2000–U+200A, U+202F
			return SepSpace, 3
		case b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95: // U+2010–U+2015
			return SepDash, 3
		case b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9): // U+2028, U+2029
			return SepNewline, 3
		case b1 == 0x81 && b2 == 0x9F: // U+205F
			return SepSpace, 3
		case b1 == 0x88 && b2 == 0x92: // U+2212
			return SepDash, 3
		}
	case 0xE3:
		if b1 == 0x80 {
			switch b2 {
			case 0x80: // U+3000
				return SepSpace, 3
			case 0x90, 0x96: // 【 〖
				return SepOpen, 3
			case 0x91, 0x97: // 】 〗
				return SepClose, 3
			}
		}
	case 0xEF:
		switch {
		case b1 == 0xBC:
			switch b2 {
			case 0x88, 0xBB: // （ ［
				return SepOpen, 3
			case 0x89, 0xBD: // ） ］
				return SepClose, 3
			case 0x8D:
				return SepDash, 3
			case 0x8E:
				return SepDot, 3
			case 0x8F:
				return SepSlash, 3
			case 0xBF:
				return SepLow, 3
			}
		case b1 == 0xB9 && (b2 == 0x98 || b2 == 0xA3): // U+FE58, U+FE63
			return SepDash, 3
		}
	}
	return 0, 0
}

// Numeral returns the digit ('0'–'9') that a Chinese numeral stands for
// when people spell out a number digit by digit: 〇 零 ○ for 0, 一 幺
// (as a 1 is read out on the telephone) and the financial forms 壹 贰 叁
// 肆 伍 陆 柒 捌 玖 (with their traditional forms), 两 for 2. Characters
// that are not digits in that use (十, 百, 万) are not numerals here.
func Numeral(r rune) (digit byte, ok bool) {
	if !IsNumeral(r) {
		return 0, false
	}
	return numeralDigit(r)
}

// IsNumeral reports whether Numeral has a digit for r. It is cheap enough
// to ask of every character of a text.
func IsNumeral(r rune) bool {
	return uint32(r) < 0x10000 && numeralBits[uint32(r)>>6]&(1<<(uint32(r)&63)) != 0
}

// numeralDigit is Numeral without the quick test.
func numeralDigit(r rune) (digit byte, ok bool) {
	switch r {
	case '〇', '零', '○', '◯':
		return '0', true
	case '一', '壹', '幺':
		return '1', true
	case '二', '贰', '貳', '两', '兩':
		return '2', true
	case '三', '叁', '參', '叄':
		return '3', true
	case '四', '肆':
		return '4', true
	case '五', '伍':
		return '5', true
	case '六', '陆', '陸':
		return '6', true
	case '七', '柒':
		return '7', true
	case '八', '捌':
		return '8', true
	case '九', '玖':
		return '9', true
	}
	return 0, false
}

// Financial reports the financial forms of the numerals (壹 贰 叁 肆 伍
// 陆 柒 捌 玖 and their traditional forms). One number is written in them
// or in the plain forms, not both: where the two meet, two words meet,
// as in 陆一三八… (a surname, then a number). 零 belongs to both.
func Financial(r rune) bool {
	switch r {
	case '壹', '贰', '貳', '叁', '參', '叄', '肆', '伍', '陆', '陸', '柒', '捌', '玖':
		return true
	}
	return false
}

// numeralBits marks the numerals among the three-byte characters, so that
// Numeral rules out the rest of Chinese text with one load.
var numeralBits = func() (t [1024]uint64) {
	for r := rune(0x800); r < 0x10000; r++ {
		if _, ok := numeralDigit(r); ok {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}()

// NumeralAt returns the digit of the Chinese numeral (see Numeral) that b
// starts with and its length in bytes (always 3), or 0, 0.
func NumeralAt(b []byte) (digit byte, n int) {
	if len(b) < 3 || b[0] < 0xE2 || b[0] > 0xE9 || b[1]&0xC0 != 0x80 || b[2]&0xC0 != 0x80 {
		return 0, 0
	}
	if d, ok := Numeral(rune(b[0]&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F)); ok {
		return d, 3
	}
	return 0, 0
}
