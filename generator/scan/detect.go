package scan

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"disclose/generator/pii"
)

// Kinds of personal data the pattern detectors report.
const (
	KindIDNumber = "id_number" // resident identity card number, 18 or 15 digits
	KindMobile   = "mobile"    // mainland mobile number
	KindLandline = "landline"  // a person's own fixed line, after a word such as 家庭电话
	KindWeChat   = "wechat"    // WeChat id, after a word such as 微信 or vx
	KindQQ       = "qq"        // QQ number, after QQ or 扣扣
	KindEmail    = "email"     // address on a personal mail domain
	KindBankCard = "bank_card" // payment card number (Luhn-valid)
	KindNeedle   = "removed"   // a value the redactor removed or withheld
	// KindUnreadable marks an archive entry the guard could not read: the
	// build fails rather than publish what nobody checked.
	KindUnreadable = "unreadable"
)

// kindWords name each kind in a message to a data officer.
var kindWords = map[string]string{
	KindIDNumber:   "a resident ID number",
	KindMobile:     "a mobile phone number",
	KindLandline:   "a personal landline number",
	KindWeChat:     "a WeChat id",
	KindQQ:         "a QQ number",
	KindEmail:      "a personal e-mail address",
	KindBankCard:   "a bank card number",
	KindNeedle:     "a value that is never published (a person's name, a secret, or a record that is not published)",
	KindUnreadable: "a file the guard cannot read",
}

// Describe names a kind in words, for messages.
func Describe(kind string) string {
	if w, ok := kindWords[kind]; ok {
		return w
	}
	return "personal data (" + kind + ")"
}

// Mode chooses how eager the detectors are. Both modes read digits in
// ASCII, full width and Chinese numerals (一三八〇…, 壹贰叁…, 幺 and 两),
// skip invisible characters, take the separators people type inside a
// number (spaces of every width, hyphens and dashes, dots, slashes, low
// lines, a bracket around the first group, a line break) and numbers in
// E notation as spreadsheets write them (1.10108198804153E+17), and find
// landlines, WeChat ids and QQ numbers only after a word that announces
// them (家庭电话, 微信, QQ): a number after 联系电话 or 咨询电话 is an
// institution's and stays. In both, a number across a slash or low line
// is the whole run of digits, joined by that one separator and touching
// no slash, low line, letter or digit (not 2024/3/20 2024/3/21, not a
// path); a number across a line break is the whole run, in groups of
// three digits or more; a hyphen with spaces about it joins a number
// only when it joins all its groups; and a closing bracket ends the
// first group only.
type Mode int

const (
	// Guard is the leak guard's mode: it reads generated output, where
	// numbers sit next to hashes, coordinates, decimals and dates. There a
	// digit run glued to an ASCII letter is never a match; the gaps inside
	// one number are all of one form (a single space, hyphen or dash, dot,
	// slash or low line, a hyphen with a space each side, or one line
	// break), but for the gap after a country code or a bracketed first
	// group. A dot between digits is a decimal point or a version more
	// often than a separator: a window of groups never starts after or
	// ends before one. Mobile and card numbers must be grouped the way
	// people write them (138 0013 8000, 6222 0212 ..., one digit apart
	// only when the whole run is the number), a card number in one piece
	// needs a keyword before it, and E notation must be Excel's (E+).
	Guard Mode = iota
	// Eager is the redactor's mode for free text that people typed: letters
	// may touch a number, the gaps may mix separators (up to three
	// characters, or one line break with spaces about it), any grouping
	// counts, and E notation may be a program's (1.3800138e10).
	Eager
)

// Match is one detected span, as byte offsets into the scanned text.
type Match struct {
	Start, End int
	Kind       string
}

// defaultPersonalMailDomains are the public mail services whose addresses
// belong to a person rather than an institution.
var defaultPersonalMailDomains = []string{
	"qq.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn",
	"sohu.com", "139.com", "189.cn", "foxmail.com", "aliyun.com",
	"gmail.com", "hotmail.com", "outlook.com", "live.com", "yahoo.com",
	"icloud.com",
}

// PersonalMailDomains returns the default personal mail domains (a fresh
// slice each call).
func PersonalMailDomains() []string {
	return append([]string(nil), defaultPersonalMailDomains...)
}

// Detector finds the patterns of personal data in text. Its zero value is
// not usable: build one with NewDetector.
type Detector struct {
	mode    Mode
	domains []string // lower case
	// scratch recycles the digit buffers between calls; Find may run on
	// many goroutines at once.
	scratch sync.Pool
}

// NewDetector returns a detector for mode; domains are the personal mail
// domains (nil means PersonalMailDomains).
func NewDetector(mode Mode, domains []string) *Detector {
	if domains == nil {
		domains = defaultPersonalMailDomains
	}
	d := &Detector{mode: mode}
	for _, s := range domains {
		s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "@")))
		if s != "" {
			d.domains = append(d.domains, s)
		}
	}
	return d
}

// interesting marks the bytes that can start a match (1): ASCII digits,
// '@' and the first byte of full-width forms (full-width digits and ＠);
// and those that may belong to a WeChat keyword (2), which keywordAt
// looks at more closely: w and W (wechat, weixin), x and X (vx) and the
// last byte of 信 (微信, v信).
var interesting = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	t['@'] = 1
	t[0xEF] = 1
	for _, c := range []byte("wWxX\xa1") {
		t[c] = 2
	}
	return t
}()

// keywordAt is the quick test for the bytes marked 2 in interesting: the
// e of we(chat), the v of vx, the first two bytes of 信.
func keywordAt(b []byte, j int) bool {
	switch b[j] {
	case 'w', 'W':
		return j+1 < len(b) && b[j+1]|0x20 == 'e'
	case 'x', 'X':
		return j > 0 && b[j-1]|0x20 == 'v'
	}
	return j >= 2 && b[j-1] == 0xBF && b[j-2] == 0xE4
}

// probeStride is how far apart Find looks for Chinese numerals, which set
// off no byte of their own (their bytes are those of all Chinese text). A
// number spelt in them has at least eleven, 33 bytes, so one of the
// probes lands on it; a shorter stretch of them next to ASCII digits is
// found from the digits.
const probeStride = 32

// Find calls fn for every match in b, in order, without overlaps. Offsets
// refer to b as given: full-width digits and zero-width characters are
// folded on the fly, never copied.
func (d *Detector) Find(b []byte, fn func(Match)) {
	s, _ := d.scratch.Get().(*seqScratch)
	if s == nil {
		s = new(seqScratch)
	}
	defer d.scratch.Put(s)
	n := len(b)
	i := 0
	// from is where the text that no reading has taken begins: a number
	// found from its digits may reach back to there, not further.
	from := 0
	// probe is where the next look for numerals goes (see nextNumeral)
	probe := 0
	lastEnd := 0
	emit := func(m Match) {
		lastEnd = m.End
		fn(m)
	}
	for i < n {
		j := i
		for j < n {
			// four at a time while none is of interest: most bytes are not
			for j+4 <= n {
				w := b[j : j+4 : j+4]
				if interesting[w[0]]|interesting[w[1]]|interesting[w[2]]|interesting[w[3]] != 0 {
					break
				}
				j += 4
			}
			if j >= n {
				break
			}
			if t := interesting[b[j]]; t == 0 || t == 2 && !keywordAt(b, j) {
				j++
				continue
			}
			break
		}
		if probe < from {
			probe = from
		}
		if probe < j {
			if probe = nextNumeral(b, probe, j); probe < j {
				if q := numeralNear(b, probe); q >= from {
					i = d.digits(b, numeralsBefore(b, q, from), from, s, emit)
					from = i
				}
				probe += probeStride
				continue
			}
		}
		if j >= n {
			return
		}
		i = j
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			if end, ok := shortRun(b, i); ok && fastRuns && quietBefore(b, i) {
				i, from = end, end
				continue
			}
			i = d.digits(b, i, from, s, emit)
			from = i
		case c == '@':
			if m, ok := d.email(b, lastEnd, i, 1); ok {
				emit(m)
				i, from = m.End, m.End
				continue
			}
			i++
		case c == 0xEF:
			if i+2 < n && b[i+1] == 0xBC && b[i+2] >= 0x90 && b[i+2] <= 0x99 {
				i = d.digits(b, i, from, s, emit)
				from = i
				continue
			}
			if i+2 < n && b[i+1] == 0xBC && b[i+2] == 0xA0 { // ＠
				if m, ok := d.email(b, lastEnd, i, 3); ok {
					emit(m)
					i, from = m.End, m.End
					continue
				}
			}
			i++
		default: // a byte of a WeChat keyword
			if m, ok := wechat(b, i); ok && m.Start >= lastEnd {
				emit(m)
				i, from = m.End, m.End
				continue
			}
			i++
		}
	}
}

// fastRuns turns shortRun on; tests turn it off to check that it changes
// no result.
var fastRuns = true

// minDigits is the fewest digits a match holds when no keyword comes
// before it (a mobile number).
const minDigits = 11

// shortRun is the fast path for the numbers that fill generated pages
// (dates, counts, page numbers, ids in addresses): a run of ASCII digits
// and ASCII separators with fewer than minDigits digits in all, followed
// by a byte that can neither continue it (a digit, a separator, an
// invisible character or X) nor make it part of an alphanumeric token
// (ASCII punctuation, or a Chinese character that is not a numeral), can
// be no match, nor part of one, unless something before it says
// otherwise (see quietBefore). It returns the end of such a run; ok is
// false whenever digits must look closer.
func shortRun(b []byte, i int) (end int, ok bool) {
	digits := 0
	for j := i; j < len(b); j++ {
		switch c := b[j]; {
		case c >= '0' && c <= '9':
			if digits++; digits >= minDigits {
				return 0, false
			}
		case asciiSep[c]:
		case c >= 0xE4 && c <= 0xE9:
			_, w := pii.NumeralAt(b[j:])
			return j, w == 0
		case asciiLetter(c):
			// a letter after a separator ends the run (SVG path data:
			// 12 34.5 L); one glued to a digit may make a token
			return j, asciiSep[b[j-1]]
		default:
			return j, runEnds[c]
		}
	}
	return len(b), true
}

// runEnds marks the ASCII bytes after which a digit run cannot go on:
// punctuation and controls other than the separators.
var runEnds = func() (t [256]bool) {
	for c := 0; c < 0x80; c++ {
		t[c] = !asciiAlnum(byte(c)) && !asciiSep[c]
	}
	return t
}()

// quietBefore reports that nothing before the digits at b[i] can make
// them part of a match: no Chinese numeral that the number begins with,
// and no keyword (QQ, 家庭电话) that a short number follows. Most digit
// runs follow markup, a letter or a Chinese character that is neither,
// perhaps across a space or a separator, which a look or two tells.
func quietBefore(b []byte, i int) bool {
	p := i
	for k := 0; p > 0 && quietSkip[b[p-1]]; k++ {
		if k == 4 {
			return slowQuiet(b, i)
		}
		p--
	}
	if p == 0 {
		return true
	}
	if c := b[p-1]; c < 0x80 {
		// markup, a digit or a letter other than the last of QQ,
		// phone or tel
		if l := c | 0x20; l != 'q' && l != 'e' && l != 'l' {
			return true
		}
	} else if p >= 3 && b[p-3] >= 0xE0 && b[p-3] < 0xF0 && b[p-2]&0xC0 == 0x80 {
		// a character of three bytes: Chinese, CJK or full-width
		// punctuation, which calls for a closer look only when it is a
		// numeral, filler, the end of a keyword, a plus sign, a
		// separator or invisible
		r := rune(b[p-3]&0x0F)<<12 | rune(b[p-2]&0x3F)<<6 | rune(c&0x3F)
		if !pii.IsNumeral(r) && !filler(r) && !keywordTail(r) && r != '＋' {
			if b[p-3] >= 0xE4 && b[p-3] <= 0xE9 {
				return true // no separator nor invisible character is here
			}
			if k, _ := pii.SeparatorAt(b[p-3 : p]); k == 0 && pii.ZeroWidthAt(b[p-3:p]) == 0 {
				return true
			}
		}
	}
	return slowQuiet(b, i)
}

// quietSkip marks the ASCII separators, filler and plus sign that
// quietBefore looks past.
var quietSkip = func() (t [256]bool) {
	for c := range 0x80 {
		t[c] = asciiSep[c] || c == ':' || c == '+'
	}
	return t
}()

// slowQuiet is quietBefore the long way, with the readers digits uses.
func slowQuiet(b []byte, i int) bool {
	if numeralsBefore(b, i, 0) != i || keywordBefore(b, i) != "" {
		return false
	}
	plus, open := leadBefore(b, i, 0)
	return (plus < 0 || keywordBefore(b, plus) == "") && (open < 0 || keywordBefore(b, open) == "")
}

// FindAll returns every match in b.
func (d *Detector) FindAll(b []byte) []Match {
	var out []Match
	d.Find(b, func(m Match) { out = append(out, m) })
	return out
}

// digitAt returns the digit at b[i] (ASCII, full-width or a Chinese
// numeral), its width, and its script: 'a' for Arabic digits of either
// width, 'c' for the plain numerals (一 二 三), 'f' for the financial ones
// (壹 贰 叁) and 'n' for 零, 幺 and 两, which go with either.
func digitAt(b []byte, i int) (digit byte, width int, script byte) {
	c := b[i]
	if c >= '0' && c <= '9' {
		return c, 1, 'a'
	}
	if c == 0xEF && i+2 < len(b) && b[i+1] == 0xBC && b[i+2] >= 0x90 && b[i+2] <= 0x99 {
		return '0' + b[i+2] - 0x90, 3, 'a'
	}
	if c >= 0xE2 && c <= 0xE9 {
		if d, w := pii.NumeralAt(b[i:]); w > 0 {
			switch r, _ := utf8.DecodeRune(b[i : i+w]); {
			case pii.Financial(r):
				return d, w, 'f'
			case r == '零' || r == '幺' || r == '两' || r == '兩':
				return d, w, 'n'
			}
			return d, w, 'c'
		}
	}
	return 0, 0, 0
}

// joins reports whether a digit of script next goes on a group written so
// far in script cur (0 at its start): Arabic digits and numerals are
// separate groups, and so are plain and financial numerals.
func joins(cur, next byte) bool {
	switch {
	case cur == 0 || cur == next:
		return true
	case cur == 'a' || next == 'a':
		return false
	}
	return cur == 'n' || next == 'n'
}

// letterAt reports an ASCII or full-width letter (or underscore) at b[i].
func letterAt(b []byte, i int) bool {
	c := b[i]
	if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' {
		return true
	}
	if c == 0xEF && i+2 < len(b) {
		if b[i+1] == 0xBC && b[i+2] >= 0xA1 && b[i+2] <= 0xBA {
			return true
		}
		if b[i+1] == 0xBD && b[i+2] >= 0x81 && b[i+2] <= 0x9A {
			return true
		}
	}
	return false
}

// xAt reports an upper- or lower-case X (ASCII or full-width) at b[i].
func xAt(b []byte, i int) int {
	switch b[i] {
	case 'X', 'x':
		return 1
	case 0xEF:
		if i+2 < len(b) && ((b[i+1] == 0xBC && b[i+2] == 0xB8) || (b[i+1] == 0xBD && b[i+2] == 0x98)) {
			return 3
		}
	}
	return 0
}

// prevRuneStart returns the start of the rune before i, skipping
// zero-width characters; -1 at the start.
func prevRuneStart(b []byte, i int) int {
	for i > 0 {
		j := i - 1
		for j > 0 && b[j]&0xC0 == 0x80 && i-j < 4 {
			j--
		}
		if pii.ZeroWidthAt(b[j:i]) == i-j {
			i = j
			continue
		}
		return j
	}
	return -1
}

// nextNumeral returns the first of the probes at from, from+probeStride
// ... before to that lands on a Chinese numeral or next to one (see
// numeralNear), or else the first probe at or after to. Most probes land in other Chinese text or in markup; the
// loop rules them out by table lookups alone, without a branch on what
// kind of character the probe landed in, or where in it.
func nextNumeral(b []byte, from, to int) int {
	p := from
	for ; p < 2 && p < to; p += probeStride {
		if numeralNear(b, p) >= 0 {
			return p
		}
	}
	for ; p < to && p+3 <= len(b); p += probeStride {
		q := p - int(continuation[b[p]])
		q -= int(continuation[b[q]])
		t := probeLead[b[q]]
		r := uint32(b[q]&0x0F)<<12 | uint32(b[q+1]&0x3F)<<6 | uint32(b[q+2]&0x3F)
		if t&1|t>>1&uint8(probeBits[r>>6]>>(r&63)) != 0 && numeralNear(b, p) >= 0 {
			return p
		}
	}
	for ; p < to; p += probeStride {
		if numeralNear(b, p) >= 0 {
			return p
		}
	}
	return p
}

// continuation marks the bytes that go on a character (10xxxxxx).
var continuation = func() (t [256]uint8) {
	for c := 0x80; c < 0xC0; c++ {
		t[c] = 1
	}
	return t
}()

// probeLead tells nextNumeral what a character's first byte needs: 1, a
// closer look (ASCII separators, characters of two or four bytes); 2, a
// look at probeBits (characters of three bytes); 0, nothing.
var probeLead = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c < 0x80:
			t[c] = b2u(asciiSep[c])
		case c >= 0xC0 && c < 0xE0 || c >= 0xF0:
			t[c] = 1
		case c >= 0xE0:
			t[c] = 2
		}
	}
	return t
}()

// probeBits marks the characters of three bytes that call for a closer
// look: Chinese numerals, separators and invisible characters.
var probeBits = func() (t [1024]uint64) {
	for r := rune(0x800); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		c := utf8.AppendRune(nil, r)
		k, _ := pii.SeparatorAt(c)
		if pii.IsNumeral(r) || k != 0 || pii.ZeroWidth(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}()

func b2u(v bool) uint8 {
	if v {
		return 1
	}
	return 0
}

// numeralNear looks at the character at or around b[p] for a probe: it
// returns where a Chinese numeral starts when the character is one, or
// is a separator with one within three characters after it; else -1.
func numeralNear(b []byte, p int) int {
	for k := 0; k < 2 && p > 0; k++ {
		p -= int(continuation[b[p]])
	}
	c := b[p]
	if c >= 0xE4 && c <= 0xE9 && p+2 < len(b) {
		// a Chinese character is a numeral or nothing to go on from
		if pii.IsNumeral(rune(c&0x0F)<<12 | rune(b[p+1]&0x3F)<<6 | rune(b[p+2]&0x3F)) {
			return p
		}
		return -1
	}
	if c < 0x80 && !asciiSep[c] {
		return -1
	}
	for k := 0; k < 4 && p < len(b); k++ {
		if _, w := pii.NumeralAt(b[p:]); w > 0 {
			return p
		}
		if w := pii.ZeroWidthAt(b[p:]); w > 0 {
			p += w
			continue
		}
		_, w := pii.SeparatorAt(b[p:])
		if w == 0 {
			return -1
		}
		p += w
	}
	return -1
}

// numeralsBefore returns where the Chinese numerals that the number at
// b[i] begins with start: it walks back over numerals and gaps of
// separators no longer than maxGapChars, not below floor. It returns i
// when there are none.
func numeralsBefore(b []byte, i, floor int) int {
	if i <= floor || b[i-1] < 0x80 && !asciiSep[b[i-1]] {
		return i
	}
	start, p, gap := i, i, 0
	for p > floor {
		q := prevRuneStart(b, p)
		if q < floor {
			break
		}
		if _, w := pii.NumeralAt(b[q:p]); w > 0 {
			start, p, gap = q, q, 0
			continue
		}
		if _, w := pii.SeparatorAt(b[q:p]); w > 0 && gap < maxGapChars {
			p = q
			gap++
			continue
		}
		break
	}
	return start
}

// asciiSep marks the ASCII separators (see pii.SeparatorAt).
var asciiSep = func() (t [256]bool) {
	for c := range 0x80 {
		k, _ := pii.SeparatorAt([]byte{byte(c), 0})
		t[c] = k != 0
	}
	return t
}()

// maxGapChars is the most separator characters between two groups of a
// number (a line break with spaces about it); other gaps are shorter.
const maxGapChars = 8

// The forms of the gap between two groups of digits, besides the
// separator kinds of package pii (a single separator, or a line break
// with spaces about it).
const (
	gapGlued   = 0   // nothing (or only invisible characters)
	gapInvalid = 1   // a gap no number goes on across
	gapScript  = 'c' // Arabic digits meet Chinese numerals, or plain numerals financial ones
	gapSpaced  = 'D' // a hyphen or dash with a space each side
	gapMixed   = 'm' // anything else; Eager only
)

type group struct {
	start, end int  // bytes of the group in the text
	lo, hi     int  // its digits in seqScratch.digits
	gap        byte // the form of the gap before it
}

type seqScratch struct {
	digits []byte
	groups []group
	lens   [24]int
}

// run is what digits learnt about the run of groups in seqScratch.
type run struct {
	startBound, endBound bool
	xEnd                 int // end of the X after the last group, or -1
	plus, open           int // a + and an opening bracket before the first group, or -1
}

// classify returns the form of a gap of separator kinds, or gapInvalid
// when the mode does not let a number go on across it.
func (d *Detector) classify(k []byte) byte {
	nl, sp := 0, 0
	for _, c := range k {
		switch c {
		case pii.SepNewline:
			nl++
		case pii.SepSpace:
			sp++
		}
	}
	switch {
	case len(k) == 0:
		return gapGlued
	case nl == 1 && nl+sp == len(k):
		return pii.SepNewline
	case len(k) > 3 || nl > 0:
		return gapInvalid
	case len(k) == 1 && k[0] != pii.SepOpen:
		return k[0]
	case len(k) == 3 && k[0] == pii.SepSpace && k[1] == pii.SepDash && k[2] == pii.SepSpace:
		return gapSpaced
	case len(k) == 2 && k[0] == pii.SepClose && (k[1] == pii.SepSpace || k[1] == pii.SepDash):
		return pii.SepClose
	case d.mode == Eager:
		if k[0] == pii.SepClose {
			return pii.SepClose
		}
		return gapMixed
	}
	return gapInvalid
}

// digits reads the run of digit groups that starts at i (or at the
// Chinese numerals before it, down to floor), joined by short separator
// gaps, reports the matches it contains and returns the offset where
// scanning goes on.
func (d *Detector) digits(b []byte, i, floor int, s *seqScratch, fn func(Match)) int {
	n := len(b)
	if b[i] >= '0' && b[i] <= '9' {
		if m, ok := d.exponent(b, i, s); ok {
			fn(m)
			return m.End
		}
		if end := creditToken(b, i); end > 0 {
			return end
		}
	}
	start := numeralsBefore(b, i, floor)
	r := run{startBound: true, xEnd: -1}
	r.plus, r.open = leadBefore(b, start, floor)
	p := start - 1
	if p >= 0 && b[p] >= 0x80 {
		p = prevRuneStart(b, start)
	}
	if p >= 0 {
		if _, w, _ := digitAt(b, p); w > 0 {
			r.startBound = false // a number cut short behind us
		} else if d.mode == Guard && letterAt(b, p) {
			r.startBound = false
		}
	}
	s.digits = s.digits[:0]
	s.groups = s.groups[:0]
	pos := start
	var gp byte
	for {
		g := group{start: pos, lo: len(s.digits), gap: gp}
		var script byte
		for pos < n {
			if c, w, sc := digitAt(b, pos); w > 0 {
				if !joins(script, sc) {
					break
				}
				if script == 0 || script == 'n' {
					script = sc
				}
				s.digits = append(s.digits, c)
				pos += w
				g.end = pos
				continue
			}
			if w := pii.ZeroWidthAt(b[pos:]); w > 0 {
				pos += w
				continue
			}
			break
		}
		g.hi = len(s.digits)
		s.groups = append(s.groups, g)
		if pos < n {
			if _, w, sc := digitAt(b, pos); w > 0 && !joins(script, sc) {
				gp = gapScript
				continue
			}
		}
		// A gap of separators (zero-width ones are free) followed by a
		// digit continues the run; followed by X it may end an ID number.
		p := g.end
		var kinds [maxGapChars + 1]byte
		k := 0
		for p < n && k <= maxGapChars {
			if w := pii.ZeroWidthAt(b[p:]); w > 0 {
				p += w
				continue
			}
			kind, w := pii.SeparatorAt(b[p:])
			if w == 0 {
				break
			}
			kinds[k] = kind
			k++
			p += w
		}
		gp = gapInvalid
		if k <= maxGapChars {
			gp = d.classify(kinds[:k])
		}
		if gp == gapInvalid || p >= n {
			pos = g.end
			break
		}
		if w := xAt(b, p); w > 0 && (k == 0 || d.mode == Eager) {
			if p+w >= n || d.mode == Eager || !letterAt(b, p+w) {
				r.xEnd = p + w
			}
			pos = g.end
			break
		}
		if k == 0 {
			pos = p
			break
		}
		if _, w, _ := digitAt(b, p); w == 0 {
			pos = g.end
			break
		}
		pos = p
	}
	if pos < n && r.xEnd < 0 && d.mode == Guard && letterAt(b, pos) {
		r.endBound = false
	} else {
		r.endBound = true
	}
	at := start
	if r.open >= 0 {
		at = r.open
	} else if r.plus >= 0 {
		at = r.plus
	}
	switch keywordBefore(b, at) {
	case KindLandline:
		if m, ok := d.landline(b, s, r); ok {
			fn(m)
			return m.End
		}
	case KindQQ:
		if m, ok := qq(b, s); ok {
			fn(m)
			return m.End
		}
	}
	d.evaluate(b, s, r, fn)
	if r.xEnd > pos {
		// the X is consumed only when it was part of a match; skipping
		// it otherwise does no harm either
		return r.xEnd
	}
	// The run may have stopped before i, at a gap between numerals and
	// the digits at i: those are read again from there, as a run of
	// their own.
	return max(pos, start+1)
}

// leadBefore returns where a plus sign and an opening bracket before the
// first group of a number start ((+86)138…, （010）6234…), not below
// floor, or -1.
func leadBefore(b []byte, start, floor int) (plus, open int) {
	plus, open = -1, -1
	if start <= floor {
		return
	}
	if c := b[start-1]; c < 0x80 && c != '+' && c != '(' && c != '[' {
		return
	}
	p := prevRuneStart(b, start)
	if p < floor || p < 0 {
		return
	}
	if plusAt(b, p) {
		plus = p
		if p = prevRuneStart(b, p); p < floor || p < 0 {
			return
		}
	}
	if k, _ := pii.SeparatorAt(b[p:]); k == pii.SepOpen {
		open = p
	}
	return
}

// plusAt reports a plus sign, ASCII or full-width, at b[p].
func plusAt(b []byte, p int) bool {
	return b[p] == '+' || b[p] == 0xEF && p+2 < len(b) && b[p+1] == 0xBC && b[p+2] == 0x8B
}

// alone reports that the run in seqScratch is not a piece of a path, an
// address or a name: no slash, low line, ASCII letter or digit touches
// it.
func alone(b []byte, s *seqScratch, r run) bool {
	st, end := s.groups[0].start, s.groups[len(s.groups)-1].end
	if r.open >= 0 {
		st = r.open
	} else if r.plus >= 0 {
		st = r.plus
	}
	touches := func(p int) bool {
		if p < 0 || p >= len(b) {
			return false
		}
		k, _ := pii.SeparatorAt(b[p:])
		return k == pii.SepSlash || k == pii.SepLow || letterAt(b, p) || asciiAlnum(b[p])
	}
	return !touches(prevRuneStart(b, st)) && !touches(end)
}

// countryCode reports whether group a is the country code of a mobile
// number: 0086, or 86 after a plus.
func countryCode(s *seqScratch, a int, r run) bool {
	if a != 0 {
		return false
	}
	g := string(s.digits[s.groups[0].lo:s.groups[0].hi])
	return g == "0086" || g == "86" && r.plus >= 0
}

// evaluate looks at every window of whole groups in the run and reports the
// best match per window start, ID numbers first.
func (d *Detector) evaluate(b []byte, s *seqScratch, r run, fn func(Match)) {
	gs := s.groups
	last := len(gs) - 1
	guard := d.mode == Guard
	for a := 0; a <= last; a++ {
		if a == 0 && !r.startBound {
			continue
		}
		// In generated output a dot between digits is a decimal point or
		// part of a version more often than a separator: a window never
		// starts after one, nor ends before one.
		if guard && a > 0 && gs[a].gap == pii.SepDot {
			continue
		}
		var best Match
		bestRank := 0
		total := 0
		var sep byte // the gap form of the window
		// A slash or low line joins dates, fractions, paths, addresses
		// and long literals as often as the pieces of one number, and
		// people put a slash between two numbers (ID/mobile): a window
		// across one counts only when it is the whole run, joined by
		// that one separator and standing alone. A window across a line
		// break is the whole run too, in groups of three digits or
		// more, unlike a list of numbers one to a line.
		var join byte // the slash or low line in the window
		mixed, lines := false, false
	window:
		for e := a; e <= last; e++ {
			if e > a {
				switch g := gs[e].gap; g {
				case pii.SepSlash, pii.SepLow:
					mixed = mixed || join != 0 && join != g
					join = g
				case pii.SepNewline:
					lines = true
					mixed = true
				case gapScript:
				default:
					mixed = true
				}
			}
			if e > a {
				// a closing bracket ends the first group only, (010) or
				// （+86）; a hyphen with spaces about it joins the whole
				// number or separates two (2021-07-19 - 2022-01-12)
				switch g := gs[e].gap; {
				case g == gapScript:
				case g == pii.SepClose:
					if e != 1 || r.open < 0 {
						break window
					}
				case e == a+1 && countryCode(s, a, r):
				case sep == 0:
					sep = g
				case g != sep && (guard || g == gapSpaced || sep == gapSpaced):
					break window
				}
			}
			total += gs[e].hi - gs[e].lo
			if total > 21 {
				break
			}
			if e == last && !r.endBound {
				break
			}
			if guard && e < last && gs[e+1].gap == pii.SepDot {
				continue
			}
			whole := a == 0 && e == last
			if join != 0 && !(whole && !mixed && alone(b, s, r)) {
				continue
			}
			if lines && !(whole && slices.Min(s.groupLens(a, e)) >= 3) {
				continue
			}
			dg := s.digits[gs[a].lo:gs[e].hi]
			end := gs[e].end
			st := gs[a].start
			if a == 0 && r.open >= 0 && e >= 1 && gs[1].gap == pii.SepClose {
				st = r.open
			}
			// a unified social credit code is an organisation's and is
			// published on purpose: 18 digits, or 17 and a letter
			if len(dg) == 18 && creditCode(dg[:17], dg[17]) {
				continue
			}
			if len(dg) == 17 && e == last && end < len(b) && creditCode(dg, upper(b[end])) {
				continue
			}
			switch {
			case len(dg) == 17 && e == last && r.xEnd > 0 && pii.IDShape18(dg):
				best, bestRank = Match{st, r.xEnd, KindIDNumber}, 4
			case len(dg) == 18 && pii.IDShape18(dg):
				best, bestRank = Match{st, end, KindIDNumber}, 4
			case len(dg) == 15 && bestRank < 3 && pii.IDShape15(dg):
				best, bestRank = Match{st, end, KindIDNumber}, 3
			case len(dg) >= 16 && len(dg) <= 19 && bestRank < 2 && d.cardGrouping(s.groupLens(a, e)) && cardShape(dg) && d.cardContext(b, gs[a:e+1]):
				best, bestRank = Match{st, end, KindBankCard}, 2
			}
			if bestRank < 1 && d.mobile(s, a, e, r, sep) {
				if a == 0 && r.plus >= 0 && (r.open < 0 || st != r.open) {
					st = r.plus
				}
				best, bestRank = Match{st, end, KindMobile}, 1
			}
		}
		if bestRank > 0 {
			fn(best)
			// skip the groups the match covered
			for a < last && gs[a+1].start < best.End {
				a++
			}
		}
	}
}

// groupLens returns the lengths of groups a..e as a person wrote them:
// Arabic digits and Chinese numerals side by side are one group.
func (s *seqScratch) groupLens(a, e int) []int {
	ls := s.lens[:0]
	for g := a; g <= e && len(ls) < len(s.lens); g++ {
		l := s.groups[g].hi - s.groups[g].lo
		if g > a && s.groups[g].gap == gapScript {
			ls[len(ls)-1] += l
			continue
		}
		ls = append(ls, l)
	}
	return ls
}

// mobile reports whether groups a..e hold a mobile number, with an
// optional 86 or 0086 country code (in its own group or glued on); sep is
// the window's gap form in Guard mode.
func (d *Detector) mobile(s *seqScratch, a, e int, r run, sep byte) bool {
	gs := s.groups
	dg := s.digits[gs[a].lo:gs[e].hi]
	ls := s.groupLens(a, e)
	switch {
	case len(dg) == 11:
	case len(dg) == 13 && dg[0] == '8' && dg[1] == '6':
		dg = dg[2:]
		ls = trimLeading(ls, 2)
	case len(dg) == 15 && string(dg[:4]) == "0086":
		dg = dg[4:]
		ls = trimLeading(ls, 4)
	default:
		return false
	}
	if ls == nil || !pii.Mobile(dg) {
		return false
	}
	// after a plus, a short first group of other digits than 86 is
	// another country's code: +1 (949) 587-3243 is no mainland number
	if a == 0 && r.plus >= 0 && a < e {
		if g := s.digits[gs[0].lo:gs[0].hi]; len(g) <= 3 && string(g) != "86" {
			return false
		}
	}
	if d.mode == Eager || mobileGrouping(ls) {
		return true
	}
	// one digit apart (1 3 8 0 0 ...) only when the run is the number
	// and nothing else: coordinates and counts come in longer runs
	for _, l := range ls {
		if l != 1 {
			return false
		}
	}
	return a == 0 && e == len(gs)-1 && sep != pii.SepNewline
}

// trimLeading removes a country code of n digits from the group lengths; it
// must fill whole groups or be glued to the first one.
func trimLeading(ls []int, n int) []int {
	if ls[0] == n {
		if len(ls) == 1 {
			return nil
		}
		return ls[1:]
	}
	if ls[0] > n {
		ls[0] -= n
		return ls
	}
	return nil
}

func mobileGrouping(ls []int) bool {
	switch len(ls) {
	case 1:
		return ls[0] == 11
	case 2:
		return ls[0] == 3 && ls[1] == 8 || ls[0] == 7 && ls[1] == 4
	case 3:
		return ls[0] == 3 && (ls[1] == 4 && ls[2] == 4 || ls[1] == 3 && ls[2] == 5) ||
			ls[0] == 4 && ls[1] == 3 && ls[2] == 4
	}
	return false
}

// cardKeywords are the words that announce a card number.
var cardKeywords = [][]byte{[]byte("卡"), []byte("账号"), []byte("帐号"), []byte("账户"), []byte("帐户"), []byte("开户"), []byte("银行"), []byte("card"), []byte("Card"), []byte("CARD"), []byte("account"), []byte("Account")}

// cardContext: in Guard mode a card number written in one piece counts
// only after a keyword (卡号, 银行, account...) in the 48 bytes before it.
// Generated output is full of digit-only hashes and ids of 16 to 19
// digits, one in ten of which passes the Luhn check; a number grouped in
// fours is a card anywhere. The redactor (Eager mode) needs no keyword.
func (d *Detector) cardContext(b []byte, gs []group) bool {
	if d.mode == Eager || len(gs) > 1 {
		return true
	}
	win := b[max(0, gs[0].start-48):gs[0].start]
	for _, k := range cardKeywords {
		if bytes.Contains(win, k) {
			return true
		}
	}
	return false
}

// cardGrouping accepts a card number written in one piece or in groups of
// four with a shorter last group; in Eager mode any grouping.
func (d *Detector) cardGrouping(ls []int) bool {
	if len(ls) == 1 || d.mode == Eager {
		return true
	}
	for i, l := range ls {
		if i < len(ls)-1 && l != 4 || i == len(ls)-1 && (l < 1 || l > 4) {
			return false
		}
	}
	return true
}

// cardShape: a plausible issuer prefix and a valid Luhn check digit.
func cardShape(d []byte) bool {
	switch d[0] {
	case '3', '4', '5', '6', '8', '9':
	default:
		return false
	}
	return pii.Luhn(d)
}

// exponent reads a number that a spreadsheet wrote in E notation, such as
// 1.10108198804153E+17 (Excel keeps 15 significant digits), and reports
// it when its digits begin like an identity number or make a mobile
// number. A mobile number needs six significant digits: 1.35E+10 is an
// amount, not a person. In Guard mode the token must stand alone and be
// written as Excel writes it, with a capital E and a plus sign.
func (d *Detector) exponent(b []byte, i int, s *seqScratch) (Match, bool) {
	n := len(b)
	if i+3 >= n || b[i+1] != '.' || b[i] == '0' {
		return Match{}, false
	}
	j := i + 2
	for j < n && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	frac := j - i - 2
	if frac == 0 || frac > 16 || j >= n || b[j]|0x20 != 'e' {
		return Match{}, false
	}
	// Excel writes E+17; a program writes 1.3979697e+10 for a float,
	// which in generated output is a figure, not a number someone typed
	if d.mode == Guard && (b[j] != 'E' || j+1 >= n || b[j+1] != '+') {
		return Match{}, false
	}
	j++
	if j < n && b[j] == '+' {
		j++
	}
	k := j
	for j < n && j-k < 2 && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j == k || j < n && (asciiAlnum(b[j]) || b[j] == '.' && j+1 < n && b[j+1] >= '0' && b[j+1] <= '9') {
		return Match{}, false
	}
	if p := prevRuneStart(b, i); d.mode == Guard && p >= 0 && (letterAt(b, p) || b[p] == '.') {
		return Match{}, false
	}
	width := 1
	if j-k == 2 {
		width += int(b[k]-'0')*10 + int(b[k+1]-'0')
	} else {
		width += int(b[k] - '0')
	}
	sig := 1 + frac
	if width < sig || width > 19 {
		return Match{}, false
	}
	dg := append(s.digits[:0], b[i])
	dg = append(dg, b[i+2:i+2+frac]...)
	for len(dg) < width {
		dg = append(dg, '0')
	}
	s.digits = dg
	switch {
	case width == 18 && pii.IDShape18(dg), width == 15 && pii.IDShape15(dg):
		return Match{i, j, KindIDNumber}, true
	case width == 11 && pii.Mobile(dg) && sig >= 6:
		return Match{i, j, KindMobile}, true
	}
	return Match{}, false
}

// creditCode reports whether 17 digits and a check character form a
// checksum-valid unified social credit code (GB 32100) that is not also a
// checksum-valid ID number: when both checksums hold, the number is
// treated as a person's, since hiding a code costs little and
// publishing an ID number costs everything.
func creditCode(d17 []byte, check byte) bool {
	if c, _ := pii.IDCheck(d17); c == check {
		return false
	}
	c, ok := pii.USCCCheck(d17)
	return ok && c == check
}

func asciiAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

func asciiLetter(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z'
}

// creditToken returns the end of the 18-character unified social credit
// code that starts at b[i] (digits and letters, checksum valid, not a
// checksum-valid ID number), or -1.
func creditToken(b []byte, i int) int {
	if i > 0 && asciiAlnum(b[i-1]) {
		return -1
	}
	j := i
	for j < len(b) && j-i <= 18 && asciiAlnum(b[j]) {
		j++
	}
	if j-i != 18 {
		return -1
	}
	var code [18]byte
	digits := true
	for k := range code {
		code[k] = upper(b[i+k])
		digits = digits && (k == 17 || code[k] <= '9')
	}
	if !pii.USCCValid(code[:]) {
		return -1
	}
	if c, _ := pii.IDCheck(code[:17]); digits && c == code[17] && pii.IDShape18(code[:17]) {
		return -1
	}
	return j
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// IDChecksum returns the check character of the first 17 digits of an
// 18-digit ID number (GB 11643); see pii.IDCheck.
func IDChecksum(d17 string) byte {
	c, _ := pii.IDCheck(d17)
	return c
}

// Keywords. A landline, a WeChat id or a QQ number looks like any other
// number or word: only the word before it makes it a person's. The
// institution's own numbers after 联系电话, 咨询电话, 办公电话, 值班电话 or
// 举报电话 are published on purpose and are not announced by these.
var (
	landlineWords = []string{
		"家庭电话", "家庭座机", "家庭固话", "住宅电话", "住宅座机", "住宅固话", "宅电",
		"家里电话", "家里座机", "家中电话", "家中座机", "家用电话", "住家电话",
		"个人电话", "个人座机", "私人电话", "私人座机", "本人电话", "本人座机",
	}
	landlineWordsLatin = []string{"home phone", "home tel", "home telephone", "private phone", "personal phone", "residence phone"}
)

// filler reports the characters allowed between a keyword and its value:
// spaces, colons, 号 and 码 (QQ号码), 账号, 是 and 为.
func filler(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u3000', ':', '：', '号', '码', '账', '帐', '是', '为':
		return true
	}
	return false
}

// keywordTail reports the last characters of the keywords that a number
// follows (电话, 座机, 固话, 宅电, 扣扣), for a quick test before the
// words are compared.
func keywordTail(r rune) bool {
	switch r {
	case '话', '机', '电', '扣':
		return true
	}
	return false
}

// prevRune returns the character that ends at p (after invisible ones)
// and where it starts; -1 at the start of b.
func prevRune(b []byte, p int) (rune, int) {
	q := prevRuneStart(b, p)
	if q < 0 {
		return utf8.RuneError, -1
	}
	if b[q] < utf8.RuneSelf {
		return rune(b[q]), q
	}
	r, _ := utf8.DecodeRune(b[q:p])
	return r, q
}

// fillerBefore returns where the filler (at most four characters) that
// ends at p begins.
func fillerBefore(b []byte, p int) int {
	for k := 0; k < 4 && p > 0; k++ {
		r, q := prevRune(b, p)
		if q < 0 || !filler(r) {
			break
		}
		p = q
	}
	return p
}

// keywordLast marks the last bytes of the characters that can end a
// keyword or its filler, or be invisible: what keywordBefore needs to see
// before a value to look any further.
var keywordLast = func() (t [256]bool) {
	for _, s := range []string{" ", "\t", ":", "q", "Q", "l", "L", "e", "E",
		"：", "号", "码", "账", "帐", "是", "为", "\u3000", "\u00a0", "话", "机", "电", "扣"} {
		t[s[len(s)-1]] = true
	}
	return t
}()

// zeroWidthBefore reports an invisible character that ends at b[p].
func zeroWidthBefore(b []byte, p int) bool {
	return p >= 2 && pii.ZeroWidthAt(b[p-2:p]) == 2 || p >= 3 && pii.ZeroWidthAt(b[p-3:p]) == 3
}

// keywordBefore returns the kind that the keyword before the value at
// b[p] announces (KindLandline or KindQQ), or "".
func keywordBefore(b []byte, p int) string {
	if p == 0 || !keywordLast[b[p-1]] && !zeroWidthBefore(b, p) {
		return ""
	}
	p = fillerBefore(b, p)
	if p == 0 {
		return ""
	}
	switch c := b[p-1]; {
	case c|0x20 == 'q':
		if asciiWordBefore(b, p, "qq") {
			return KindQQ
		}
	case c|0x20 == 'e' || c|0x20 == 'l':
		for _, w := range landlineWordsLatin {
			if asciiWordBefore(b, p, w) {
				return KindLandline
			}
		}
	case c >= 0x80:
		switch r, _ := prevRune(b, p); r {
		case '话', '机', '电':
			for _, w := range landlineWords {
				if bytes.HasSuffix(b[:p], []byte(w)) {
					return KindLandline
				}
			}
		case '扣':
			if bytes.HasSuffix(b[:p], []byte("扣扣")) {
				return KindQQ
			}
		}
	}
	return ""
}

// asciiWordBefore reports whether the Latin word w (lower case) ends at
// b[p], in any case, and is not the end of a longer word.
func asciiWordBefore(b []byte, p int, w string) bool {
	if p < len(w) {
		return false
	}
	for k := range len(w) {
		c := b[p-len(w)+k]
		if w[k] == ' ' && c != ' ' || w[k] != ' ' && c|0x20 != w[k] {
			return false
		}
	}
	return p == len(w) || !asciiLetter(b[p-len(w)-1])
}

// landline reads a fixed-line number after a keyword: an area code (0 and
// two or three digits, in brackets or not) and a local number of seven or
// eight digits that starts with 2 to 9, or the local number alone, in at
// most three groups. A mobile number is left to the mobile rule.
func (d *Detector) landline(b []byte, s *seqScratch, r run) (Match, bool) {
	gs := s.groups
	best := -1
	for e := 0; e < len(gs) && e < 3; e++ {
		if e > 0 {
			g := gs[e].gap
			if g == pii.SepClose && (e != 1 || r.open < 0) {
				break
			}
			if d.mode == Guard && g != pii.SepClose && g != pii.SepSpace && g != pii.SepDash && g != gapSpaced {
				break
			}
		}
		dg := s.digits[:gs[e].hi]
		if len(dg) > 12 {
			break
		}
		if landlineShape(dg, gs[0].hi-gs[0].lo) {
			best = e
		}
	}
	if best < 0 {
		return Match{}, false
	}
	end := gs[best].end
	if end < len(b) && asciiAlnum(b[end]) {
		return Match{}, false
	}
	st := gs[0].start
	if r.open >= 0 && best >= 1 && gs[1].gap == pii.SepClose {
		st = r.open
	}
	return Match{st, end, KindLandline}, true
}

// landlineShape: first is the length of the first group, which is the
// area code when the number is written apart.
func landlineShape(dg []byte, first int) bool {
	if dg[0] != '0' {
		return (len(dg) == 7 || len(dg) == 8) && dg[0] >= '2'
	}
	if len(dg) < 2 || dg[1] == '0' {
		return false
	}
	for _, area := range [...]int{3, 4} {
		if first != len(dg) && first != area {
			continue
		}
		if l := len(dg) - area; (l == 7 || l == 8) && dg[area] >= '2' {
			return true
		}
	}
	return false
}

// qq reads a QQ number after its keyword: 5 to 11 digits in one piece,
// not starting with 0. A mobile number is left to the mobile rule and
// digits before an @ to the e-mail rule.
func qq(b []byte, s *seqScratch) (Match, bool) {
	g := s.groups[0]
	dg := s.digits[g.lo:g.hi]
	if len(dg) < 5 || len(dg) > 11 || dg[0] == '0' || pii.Mobile(dg) {
		return Match{}, false
	}
	if len(s.groups) > 1 && s.groups[1].gap == gapScript || g.end < len(b) && (b[g.end] == '@' || asciiAlnum(b[g.end])) {
		return Match{}, false
	}
	return Match{g.start, g.end, KindQQ}, true
}

// wechat reads a WeChat id after a keyword that the byte at b[i] may
// end or begin: 微信, 威信 or v信 (at the last byte of 信), wechat or
// weixin (at its w), vx (at its x). The id is a Latin letter and 5 to 19
// letters, digits, _ or -, standing alone; an id in digits is a mobile
// number, which the mobile rule finds.
func wechat(b []byte, i int) (Match, bool) {
	n := len(b)
	kwEnd := -1
	switch c := b[i]; {
	case c == 0xA1:
		if i < 2 || b[i-2] != 0xE4 || b[i-1] != 0xBF { // 信
			break
		}
		k := i - 2
		if k >= 3 && (string(b[k-3:k]) == "微" || string(b[k-3:k]) == "威") ||
			k >= 1 && b[k-1]|0x20 == 'v' && !codeBefore(b, k-1) {
			kwEnd = i + 1
		}
	case c|0x20 == 'w':
		if i+6 <= n && (bytes.EqualFold(b[i:i+6], []byte("wechat")) || bytes.EqualFold(b[i:i+6], []byte("weixin"))) &&
			!codeBefore(b, i) && (i+6 == n || !asciiLetter(b[i+6]) || i+8 <= n && bytes.EqualFold(b[i+6:i+8], []byte("id"))) {
			kwEnd = i + 6
		}
	case c|0x20 == 'x':
		if i >= 1 && b[i-1]|0x20 == 'v' && !codeBefore(b, i-1) && (i+1 == n || !asciiLetter(b[i+1])) {
			kwEnd = i + 1
		}
	}
	if kwEnd < 0 {
		return Match{}, false
	}
	p := kwEnd
	colon := false // a colon or 号 after the keyword
	for k := 0; k < 5 && p < n; k++ {
		if p+2 <= n && bytes.EqualFold(b[p:p+2], []byte("id")) && (p+2 == n || !asciiAlnum(b[p+2])) {
			p += 2
			continue
		}
		r, w := utf8.DecodeRune(b[p:])
		if !filler(r) {
			break
		}
		colon = colon || r == ':' || r == '：' || r == '号'
		p += w
	}
	if p >= n || !asciiLetter(b[p]) {
		return Match{}, false
	}
	q := p + 1
	plain := true // letters only
	for q < n && q-p <= 20 && wechatChar(b[q]) {
		plain = plain && asciiLetter(b[q])
		q++
	}
	if l := q - p; l < 6 || l > 20 || q < n && (b[q] == '@' || wechatChar(b[q])) {
		return Match{}, false
	}
	// An id of letters alone reads like a word (WeChat embedded browser,
	// vx facility): it counts after a colon or 号, or glued to 微信.
	if plain && !colon && !(p == kwEnd && b[i] == 0xA1) {
		return Match{}, false
	}
	if id := b[p:q]; bytes.EqualFold(id, []byte("wechat")) || bytes.EqualFold(id, []byte("weixin")) {
		return Match{}, false
	}
	return Match{p, q, KindWeChat}, true
}

// codeBefore reports a character before an ASCII keyword that makes it
// part of a name, a class, a path or a query (fa-wechat, /weixin/,
// ?vx=) rather than a word.
func codeBefore(b []byte, i int) bool {
	return i > 0 && (asciiAlnum(b[i-1]) || strings.IndexByte("-_./\\#@$&?=", b[i-1]) >= 0)
}

func wechatChar(c byte) bool { return asciiAlnum(c) || c == '_' || c == '-' }

func emailLocal(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func emailDomain(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
}

// email checks for an address on a personal mail domain around the @ at
// b[at] (w bytes wide); the local part does not reach back before from,
// where the previous match ended. The domain may be glued to digits that
// follow it (wang@sina.com6272…): the address then ends at the domain.
func (d *Detector) email(b []byte, from, at, w int) (Match, bool) {
	st := at
	for st > from && emailLocal(b[st-1]) {
		st--
	}
	for st < at && (b[st] == '.' || b[st] == '-') {
		st++
	}
	end := at + w
	for end < len(b) && emailDomain(b[end]) {
		end++
	}
	for end > at+w && (b[end-1] == '.' || b[end-1] == '-') {
		end--
	}
	if st == at || end == at+w {
		return Match{}, false
	}
	dom := b[at+w : end]
	best := -1
	for _, p := range d.domains {
		for k := 0; k+len(p) <= len(dom); k++ {
			if k > 0 && dom[k-1] != '.' || !bytes.EqualFold(dom[k:k+len(p)], []byte(p)) {
				continue
			}
			if e := k + len(p); e == len(dom) || dom[e] >= '0' && dom[e] <= '9' {
				if best < 0 || e < best {
					best = e
				}
				break
			}
		}
	}
	if best < 0 {
		return Match{}, false
	}
	return Match{st, at + w + best, KindEmail}, true
}
