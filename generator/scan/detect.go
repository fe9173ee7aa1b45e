package scan

import (
	"bytes"
	"strings"
	"sync"
)

// Kinds of personal data the pattern detectors report.
const (
	KindIDNumber = "id_number" // resident identity card number, 18 or 15 digits
	KindMobile   = "mobile"    // mainland mobile number
	KindEmail    = "email"     // address on a personal mail domain
	KindBankCard = "bank_card" // payment card number (Luhn-valid)
	KindNeedle   = "removed"   // a value the redactor removed or withheld
	// KindUnreadable marks an archive entry the guard could not read: the
	// build fails rather than publish what nobody checked.
	KindUnreadable = "unreadable"
)

// Mode chooses how eager the detectors are.
type Mode int

const (
	// Guard is the leak guard's mode: it reads generated output, where
	// numbers sit next to hashes, coordinates, decimals and dates, so a
	// digit run glued to an ASCII letter is never a match, separators
	// inside one number are single and all the same character, a dot
	// between digits is a decimal point unless the whole dotted number
	// matches, mobile and card numbers must be grouped the way people
	// write them (138 0013 8000, 6222 0212 ...), and a card number in one
	// piece needs a keyword before it.
	Guard Mode = iota
	// Eager is the redactor's mode for free text that people typed: letters
	// may touch a number, separators may be mixed (up to two characters
	// between digits) and any grouping counts.
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

// interesting marks the bytes that can start a match: ASCII digits, '@'
// and the first byte of full-width forms (full-width digits and ＠).
var interesting = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['@'] = true
	t[0xEF] = true
	return t
}()

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
	lastEnd := 0
	emit := func(m Match) {
		lastEnd = m.End
		fn(m)
	}
	for i < n {
		for i < n && !interesting[b[i]] {
			i++
		}
		if i >= n {
			return
		}
		c := b[i]
		switch {
		case c == '@':
			if m, ok := d.email(b, lastEnd, i, 1); ok {
				emit(m)
				i = m.End
				continue
			}
			i++
		case c == 0xEF:
			if i+2 < n && b[i+1] == 0xBC && b[i+2] >= 0x90 && b[i+2] <= 0x99 {
				i = d.digits(b, i, s, emit)
				continue
			}
			if i+2 < n && b[i+1] == 0xBC && b[i+2] == 0xA0 { // ＠
				if m, ok := d.email(b, lastEnd, i, 3); ok {
					emit(m)
					i = m.End
					continue
				}
			}
			i++
		default:
			if end, ok := shortRun(b, i); ok && fastRuns {
				i = end
				continue
			}
			i = d.digits(b, i, s, emit)
		}
	}
}

// fastRuns turns shortRun on; tests turn it off to check that it changes
// no result.
var fastRuns = true

// minDigits is the fewest digits any match holds (a mobile number).
const minDigits = 11

// shortRun is the fast path for the digit runs that fill generated pages
// (dates, counts, page numbers, ids in addresses): a run of fewer than
// minDigits ASCII digits followed by a byte that can neither continue it
// (a digit, separator, invisible character or X) nor make it part of an
// alphanumeric token can be no match, nor part of one. It returns the end
// of such a run; ok is false whenever digits must look closer.
func shortRun(b []byte, i int) (end int, ok bool) {
	j := i
	for j < len(b) && j-i < minDigits && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j-i >= minDigits {
		return 0, false
	}
	if j == len(b) {
		return j, true
	}
	return j, runEnds[b[j]]
}

// runEnds marks the bytes after which a digit run cannot go on: ASCII
// punctuation and controls other than the separators, and none of the
// lead bytes of full-width digits, separators or invisible characters.
var runEnds = func() (t [256]bool) {
	for c := 0; c < 0x80; c++ {
		t[c] = !asciiAlnum(byte(c))
	}
	for _, c := range " \t-." {
		t[c] = false
	}
	return t
}()

// FindAll returns every match in b.
func (d *Detector) FindAll(b []byte) []Match {
	var out []Match
	d.Find(b, func(m Match) { out = append(out, m) })
	return out
}

// digitAt returns the digit at b[i] (ASCII or full-width) and its width.
func digitAt(b []byte, i int) (byte, int) {
	c := b[i]
	if c >= '0' && c <= '9' {
		return c, 1
	}
	if c == 0xEF && i+2 < len(b) && b[i+1] == 0xBC && b[i+2] >= 0x90 && b[i+2] <= 0x99 {
		return '0' + b[i+2] - 0x90, 3
	}
	return 0, 0
}

// zeroWidthAt returns the length of the invisible character at b[i], or 0:
// U+200B..U+200D, U+2060, U+FEFF, U+00AD, U+180E (as in package fold).
func zeroWidthAt(b []byte, i int) int {
	switch b[i] {
	case 0xE2:
		if i+2 < len(b) && ((b[i+1] == 0x80 && b[i+2] >= 0x8B && b[i+2] <= 0x8D) || (b[i+1] == 0x81 && b[i+2] == 0xA0)) {
			return 3
		}
	case 0xEF:
		if i+2 < len(b) && b[i+1] == 0xBB && b[i+2] == 0xBF {
			return 3
		}
	case 0xC2:
		if i+1 < len(b) && b[i+1] == 0xAD {
			return 2
		}
	case 0xE1:
		if i+2 < len(b) && b[i+1] == 0xA0 && b[i+2] == 0x8E {
			return 3
		}
	}
	return 0
}

// sepAt returns the kind and length of a separator people put inside
// numbers: space, no-break space, ideographic space (all kind ' '), ASCII,
// full-width and dash hyphens (kind '-'), ASCII and full-width full stops
// (kind '.').
func sepAt(b []byte, i int) (byte, int) {
	switch b[i] {
	case ' ', '\t':
		return ' ', 1
	case '-':
		return '-', 1
	case '.':
		return '.', 1
	case 0xC2:
		if i+1 < len(b) && b[i+1] == 0xA0 {
			return ' ', 2
		}
	case 0xE3:
		if i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0x80 {
			return ' ', 3
		}
	case 0xEF:
		if i+2 < len(b) && b[i+1] == 0xBC && (b[i+2] == 0x8D || b[i+2] == 0x8E) {
			return "-."[b[i+2]-0x8D], 3
		}
	case 0xE2:
		// U+2010 hyphen, U+2011, U+2012 figure dash, U+2013 en dash
		if i+2 < len(b) && b[i+1] == 0x80 && b[i+2] >= 0x90 && b[i+2] <= 0x93 {
			return '-', 3
		}
	}
	return 0, 0
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
		if zeroWidthAt(b, j) == i-j {
			i = j
			continue
		}
		return j
	}
	return -1
}

type group struct {
	start, end int // bytes of the group in the text
	lo, hi     int // its digits in seqScratch.digits
	sep        byte
	gap        int // separator characters before this group
}

type seqScratch struct {
	digits []byte
	groups []group
}

// digits reads the run of digit groups that starts at i, joined by short
// separator gaps, reports the matches it contains and returns the offset
// where scanning goes on.
func (d *Detector) digits(b []byte, i int, s *seqScratch, fn func(Match)) int {
	n := len(b)
	maxGap := 1
	if d.mode == Eager {
		maxGap = 2
	}
	if end := creditToken(b, i); end > 0 {
		return end
	}
	s.digits = s.digits[:0]
	s.groups = s.groups[:0]
	startBound := true
	if p := prevRuneStart(b, i); p >= 0 {
		if _, w := digitAt(b, p); w > 0 {
			startBound = false // cannot happen from Find, kept for safety
		} else if d.mode == Guard && letterAt(b, p) {
			startBound = false
		}
	}
	pos := i
	var sep byte
	gap := 0
	xEnd := -1
	for {
		g := group{start: pos, lo: len(s.digits), sep: sep, gap: gap}
		for pos < n {
			if c, w := digitAt(b, pos); w > 0 {
				s.digits = append(s.digits, c)
				pos += w
				g.end = pos
				continue
			}
			if w := zeroWidthAt(b, pos); w > 0 {
				pos += w
				continue
			}
			break
		}
		g.hi = len(s.digits)
		s.groups = append(s.groups, g)
		// A gap of separators (zero-width ones are free) followed by a
		// digit continues the run; followed by X it may end an ID number.
		p := g.end
		gap, sep = 0, 0
		mixed := false
		for p < n {
			if w := zeroWidthAt(b, p); w > 0 {
				p += w
				continue
			}
			k, w := sepAt(b, p)
			if w == 0 {
				break
			}
			if sep != 0 && k != sep {
				mixed = true
			}
			sep = k
			gap++
			p += w
			if gap > maxGap {
				break
			}
		}
		if gap > maxGap || (mixed && d.mode == Guard) || p >= n {
			pos = g.end
			break
		}
		if w := xAt(b, p); w > 0 && (gap == 0 || d.mode == Eager) {
			if p+w >= n || d.mode == Eager || !letterAt(b, p+w) {
				xEnd = p + w
			}
			pos = g.end
			break
		}
		if gap == 0 {
			pos = p
			break
		}
		if _, w := digitAt(b, p); w == 0 {
			pos = g.end
			break
		}
		pos = p
	}
	endBound := true
	if pos < n && xEnd < 0 && d.mode == Guard && letterAt(b, pos) {
		endBound = false
	}
	d.evaluate(b, s, startBound, endBound, xEnd, fn)
	if xEnd > pos {
		// the X is consumed only when it was part of a match; skipping
		// it otherwise does no harm either
		return xEnd
	}
	if pos == i {
		pos++
	}
	return pos
}

// evaluate looks at every window of whole groups in the run and reports the
// best match per window start, ID numbers first.
func (d *Detector) evaluate(b []byte, s *seqScratch, startBound, endBound bool, xEnd int, fn func(Match)) {
	gs := s.groups
	last := len(gs) - 1
	for a := 0; a <= last; a++ {
		if a == 0 && !startBound {
			continue
		}
		// In generated output a dot between digits is a decimal point
		// more often than a separator: a fraction or an integer part
		// alone is never a match there, only the whole dotted number.
		if d.mode == Guard && a > 0 && gs[a].sep == '.' {
			continue
		}
		var best Match
		bestRank := 0
		total := 0
		for e := a; e <= last; e++ {
			if e > a && d.mode == Guard && (gs[e].sep != gs[a+1].sep || gs[e].gap != 1) {
				break
			}
			total += gs[e].hi - gs[e].lo
			if total > 21 {
				break
			}
			if e == last && !endBound {
				break
			}
			if d.mode == Guard && e < last && gs[e+1].sep == '.' {
				continue
			}
			dg := s.digits[gs[a].lo:gs[e].hi]
			end := gs[e].end
			// a unified social credit code is an organisation's and is
			// published on purpose: 18 digits, or 17 and a letter
			if len(dg) == 18 && creditCode(dg[:17], dg[17]) {
				continue
			}
			if len(dg) == 17 && e == last && end < len(b) && creditCode(dg, upper(b[end])) {
				continue
			}
			switch {
			case len(dg) == 17 && e == last && xEnd > 0 && id18Shape(dg):
				best, bestRank = Match{gs[a].start, xEnd, KindIDNumber}, 4
			case len(dg) == 18 && id18Shape(dg):
				best, bestRank = Match{gs[a].start, end, KindIDNumber}, 4
			case len(dg) == 15 && bestRank < 3 && id15Shape(dg):
				best, bestRank = Match{gs[a].start, end, KindIDNumber}, 3
			case len(dg) >= 16 && len(dg) <= 19 && bestRank < 2 && d.cardGrouping(gs[a:e+1]) && cardShape(dg) && d.cardContext(b, gs[a:e+1]):
				best, bestRank = Match{gs[a].start, end, KindBankCard}, 2
			}
			if bestRank < 1 {
				if st, ok := d.mobile(b, s, a, e); ok {
					best, bestRank = Match{st, end, KindMobile}, 1
				}
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

// mobile reports whether groups a..e hold a mobile number, with an optional
// 86 or 0086 country code (in its own group or glued on); it returns where
// the match starts (a leading + is included).
func (d *Detector) mobile(b []byte, s *seqScratch, a, e int) (int, bool) {
	gs := s.groups
	dg := s.digits[gs[a].lo:gs[e].hi]
	var lens [8]int
	k := 0
	for g := a; g <= e && k < len(lens); g++ {
		lens[k] = gs[g].hi - gs[g].lo
		k++
	}
	if e-a+1 > len(lens) {
		return 0, false
	}
	ls := lens[:k]
	switch {
	case len(dg) == 11:
	case len(dg) == 13 && dg[0] == '8' && dg[1] == '6':
		dg = dg[2:]
		ls = trimLeading(ls, 2)
	case len(dg) == 15 && string(dg[:4]) == "0086":
		dg = dg[4:]
		ls = trimLeading(ls, 4)
	default:
		return 0, false
	}
	if ls == nil || dg[0] != '1' || dg[1] < '3' || dg[1] > '9' {
		return 0, false
	}
	if d.mode == Guard && !mobileGrouping(ls) {
		return 0, false
	}
	st := gs[a].start
	if p := prevRuneStart(b, st); p >= 0 && (b[p] == '+' || (b[p] == 0xEF && p+2 < len(b) && b[p+1] == 0xBC && b[p+2] == 0x8B)) {
		st = p
	}
	return st, true
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
		out := append([]int(nil), ls...)
		out[0] -= n
		return out
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
func (d *Detector) cardGrouping(gs []group) bool {
	if len(gs) == 1 || d.mode == Eager {
		return true
	}
	for i, g := range gs {
		l := g.hi - g.lo
		if i < len(gs)-1 && l != 4 || i == len(gs)-1 && (l < 1 || l > 4) {
			return false
		}
	}
	return true
}

// provinces are the first two digits of GB/T 2260 province-level codes.
var provinces = func() (t [100]bool) {
	for _, p := range []int{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83} {
		t[p] = true
	}
	return t
}()

func num(d []byte) int {
	v := 0
	for _, c := range d {
		v = v*10 + int(c-'0')
	}
	return v
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

// id18Shape reports the shape of an 18-digit resident ID number (the first
// 17 digits are enough): a province code and a birth date between 1900 and
// 2099. The checksum is deliberately not required.
func id18Shape(d []byte) bool {
	if !provinces[num(d[:2])] {
		return false
	}
	y := num(d[6:10])
	return y >= 1900 && y <= 2099 && validDate(y, num(d[10:12]), num(d[12:14]))
}

// id15Shape reports the shape of a first-generation 15-digit ID number:
// province code and a YYMMDD birth date.
func id15Shape(d []byte) bool {
	return provinces[num(d[:2])] && validDate(1900+num(d[6:8]), num(d[8:10]), num(d[10:12]))
}

// creditCode reports whether 17 digits and a check character form a
// checksum-valid unified social credit code (GB 32100) that is not also a
// checksum-valid ID number: when both checksums hold, the number is
// treated as a person's, since hiding a code costs little and
// publishing an ID number costs everything.
func creditCode(d17 []byte, check byte) bool {
	if IDChecksum(string(d17)) == check {
		return false
	}
	const cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	w := [...]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(d17[i]-'0') * w[i]
	}
	return cs[(31-sum%31)%31] == check
}

func asciiAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// creditToken returns the end of the 18-character unified social credit
// code that starts at b[i] (digits and upper-case letters, checksum valid,
// not a checksum-valid ID number), or -1.
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
	const cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	w := [...]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	digits := true
	for k := 0; k < 17; k++ {
		c := upper(b[i+k])
		v := strings.IndexByte(cs, c)
		if v < 0 {
			return -1
		}
		digits = digits && c <= '9'
		sum += v * w[k]
	}
	check := upper(b[i+17])
	if cs[(31-sum%31)%31] != check {
		return -1
	}
	if digits && IDChecksum(string(b[i:i+17])) == check && id18Shape(b[i:i+17]) {
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
// 18-digit ID number (GB 11643).
func IDChecksum(d17 string) byte {
	weights := [...]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17 && i < len(d17); i++ {
		sum += int(d17[i]-'0') * weights[i]
	}
	return "10X98765432"[sum%11]
}

// cardShape: a plausible issuer prefix and a valid Luhn check digit.
func cardShape(d []byte) bool {
	switch d[0] {
	case '3', '4', '5', '6', '8', '9':
	default:
		return false
	}
	return luhn(d)
}

func luhn(d []byte) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
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

func emailLocal(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func emailDomain(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
}

// email checks for an address on a personal mail domain around the @ at
// b[at] (w bytes wide); the local part does not reach back before from,
// where the previous match ended.
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
	for _, p := range d.domains {
		if len(dom) < len(p) {
			continue
		}
		tail := dom[len(dom)-len(p):]
		if bytes.EqualFold(tail, []byte(p)) && (len(dom) == len(p) || dom[len(dom)-len(p)-1] == '.') {
			return Match{st, end, KindEmail}, true
		}
	}
	return Match{}, false
}
