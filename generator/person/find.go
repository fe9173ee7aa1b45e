package person

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Span is a personal name found in text.
type Span struct {
	Start, End int    // byte offsets of the name in the text
	Name       string // the name in canonical form
}

// Find returns the likely personal names in running Chinese text, by
// context, sorted and not overlapping: a surname and one or two
// characters (or a compound surname and one or two) beside a role word or
// title (研究生张三, 负责人：李四, 王五教授, 赵六等人, 孙七擅自…, 周八于2023年…,
// 吴九，男，…), each name of an enumeration around one (张三、李四和王五等人),
// and every transliterated name with a middle dot (阿依努尔·买买提). Only
// the name is returned, not the role word. Names already masked (张某,
// 李某某, 王某甲) are not found again, and neither are words, places and
// bodies that start with a surname character (高等学校, 王府井, 安全, 于是,
// 华山医院). The text should be folded first (fold.Width); spans are byte
// offsets into it.
func Find(text string) []Span {
	f := finder{s: text}
	s := text
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			switch {
			case c == '.' && i > 0:
				f.dotted(i, 1)
			case c == '(':
				f.bracket(i, 1)
			}
			i++
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xB7: // ·
			f.dotted(i, 2)
			i += 2
		case c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			fl := tables.flags[r]
			if fl&fAnchor != 0 {
				if n := f.anchor(i, r); n > 0 {
					i += n
					continue
				}
			}
			if fl&fDot != 0 {
				f.dotted(i, 3)
			}
			switch r {
			case '男', '女':
				f.sex(i)
			case '（':
				f.bracket(i, 3)
			}
			i += 3
		default:
			i++
		}
	}
	return f.result()
}

// Rune flags.
const (
	fSurname  = 1 << iota // a single-character surname
	fWeak                 // a surname that starts many more words than names
	fNotGiven             // never in a given name
	fStop                 // ends a name when it would be its last character
	fLeftStop             // a surname that is more often a function word before a name
	fAnchor               // starts a role word or title
	fDot                  // a middle dot
	fCommon               // common in given names
)

// Anchor kinds.
const (
	aPrefix       = 1 << iota // a name follows
	aPrefixStrong             // and the word alone is evidence enough
	aSuffix                   // a name comes before
	aSuffixStrong
	aDate // 于, a name before it when a date follows
	aVerb // a verb whose object is a person (约谈, 指使): 了 may follow
)

// findTables are the lookup tables of Find, built once.
type findTables struct {
	flags *[0x10000]uint8
	// anchors lists the role words and titles by their first character,
	// longest first: anchorIdx[r] is the index in anchors of r's list.
	anchorIdx *[0x10000]uint16
	anchors   [][]anchorWord
	left      wordList // leftContext and the role words
	nonNames  map[string]bool
	inst      wordList
	preds     wordList
}

var tables = buildTables()

func buildTables() findTables {
	t := findTables{flags: new([0x10000]uint8), anchorIdx: new([0x10000]uint16), anchors: [][]anchorWord{nil}, nonNames: map[string]bool{}}
	set := func(list string, fl uint8) {
		for _, w := range strings.Fields(list) {
			for _, r := range w {
				if r < 0x10000 {
					t.flags[r] |= fl
				}
				break
			}
		}
	}
	for r := range surnames.single {
		if r < 0x10000 {
			t.flags[r] |= fSurname
		}
	}
	set(weakSurnames, fWeak)
	set(notGiven, fNotGiven)
	set(stopChars, fStop)
	set(leftStop, fLeftStop)
	set(commonGiven, fCommon)
	for _, r := range "·•・･‧∙⋅⸱﹒．" {
		t.flags[r] |= fDot
	}
	kinds := map[string]uint8{}
	addAnchors := func(list string, kind uint8) {
		for _, w := range strings.Fields(list) {
			kinds[w] |= kind
		}
	}
	addAnchors(strongPrefixWords, aPrefix|aPrefixStrong)
	addAnchors(weakPrefixWords, aPrefix)
	addAnchors(strongSuffixWords, aSuffix|aSuffixStrong)
	addAnchors(weakSuffixWords, aSuffix)
	addAnchors("于", aDate)
	addAnchors(personVerbs, aVerb)
	ws := make([]string, 0, len(kinds))
	for w := range kinds {
		ws = append(ws, w)
	}
	// longest first, and in a fixed order
	sort.Slice(ws, func(a, b int) bool {
		if len(ws[a]) != len(ws[b]) {
			return len(ws[a]) > len(ws[b])
		}
		return ws[a] < ws[b]
	})
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if t.anchorIdx[r] == 0 {
			t.anchorIdx[r] = uint16(len(t.anchors))
			t.anchors = append(t.anchors, nil)
		}
		t.anchors[t.anchorIdx[r]] = append(t.anchors[t.anchorIdx[r]], anchorWord{w, kinds[w]})
		set(w, fAnchor)
	}
	t.left = words(leftContext + strongPrefixWords + weakPrefixWords)
	for _, w := range strings.Fields(nonNames) {
		t.nonNames[w] = true
	}
	t.inst = words(instFollow)
	t.preds = words(predicates)
	return t
}

// evidence says how much the context of a would-be name proves.
type evidence int

const (
	// a role word or title that is seldom anything but a person's: the
	// name may stand anywhere, unless its surname is a common word start
	strong evidence = iota
	// a verb or a word that follows many things (表示, 负责, 因): the name
	// must stand clear on its other side, and its given name must read
	// like one (see likelyGiven)
	weak
	// a name listed beside a found one (张三、李四): it must stand clear
	// on both sides
	listed
)

// anchorWord is a role word or title and what it says.
type anchorWord struct {
	word string
	kind uint8
}

// anchorsAt returns the role words and titles that start with r.
func anchorsAt(r rune) []anchorWord {
	if r >= 0x10000 {
		return nil
	}
	return tables.anchors[tables.anchorIdx[r]]
}

// finder holds one Find's text and what it found.
type finder struct {
	s     string
	spans []Span
}

// han returns the Chinese character of three bytes at i.
func (f *finder) han(i int) (rune, bool) {
	s := f.s
	if i < 0 || i+3 > len(s) {
		return 0, false
	}
	c := s[i]
	if c < 0xE0 || c >= 0xF0 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	return r, isHan(r)
}

func (f *finder) flag(r rune) uint8 {
	if r >= 0x10000 {
		return 0
	}
	return tables.flags[r]
}

// anchor handles the role word or title at i, which starts with r, if
// any, and returns how far to move on.
func (f *finder) anchor(i int, r rune) int {
	for _, a := range anchorsAt(r) {
		if !strings.HasPrefix(f.s[i:], a.word) {
			continue
		}
		if a.kind&aDate != 0 {
			if f.dateAt(i + len(a.word)) {
				f.before(i, strong)
			}
			return 0
		}
		if a.kind&aPrefix != 0 {
			f.after(i+len(a.word), level(a.kind&aPrefixStrong != 0), a.kind&aVerb != 0)
		}
		if a.kind&aSuffix != 0 {
			f.before(i, level(a.kind&aSuffixStrong != 0))
		}
		// a shorter role word may start inside this one (的导师张三)
		return 3
	}
	return 0
}

// dateAt reports a date or number starting at i (于2023年, 于二〇二三年).
func (f *finder) dateAt(i int) bool {
	if i >= len(f.s) {
		return false
	}
	if c := f.s[i]; c >= '0' && c <= '9' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(f.s[i:])
	return r >= '０' && r <= '９' || strings.ContainsRune("〇一二", r)
}

// sex handles 男 or 女 between commas or in brackets after a name
// (张三，男，…; 李四（女）).
func (f *finder) sex(i int) {
	s := f.s
	end := i + 3
	next, _ := utf8.DecodeRuneInString(s[end:])
	if end >= len(s) || !strings.ContainsRune(",，)）、;；", next) {
		return
	}
	prev, w := utf8.DecodeLastRuneInString(s[:i])
	if !strings.ContainsRune(",，(（", prev) {
		return
	}
	f.before(i-w, strong)
}

// bracket handles a bracket of width w at i that holds a role or title
// after a name: 张三（副研究员）, 李四(项目负责人).
func (f *finder) bracket(i, w int) {
	rest := f.s[i+w:]
	if n := titles.prefix(rest); n > 0 {
		if next, _ := utf8.DecodeRuneInString(rest[n:]); strings.ContainsRune(")）,，、;；", next) {
			f.before(i, strong)
		}
	}
}

func level(isStrong bool) evidence {
	if isStrong {
		return strong
	}
	return weak
}

// after reads a name that starts at i, after a role word or, when verb is
// set, a verb whose object is a person.
func (f *finder) after(i int, ev evidence, verb bool) {
	s := f.s
	for i < len(s) && (s[i] == ':' || s[i] == ' ') {
		i++
	}
	// 负责人：张三, 负责人为张三, 联系人是张三, 约谈了张三
	skip := []string{"：", "为", "是", "系"}
	if verb {
		skip = []string{"了"}
	}
	for _, w := range skip {
		if strings.HasPrefix(s[i:], w) {
			i += len(w)
			break
		}
	}
	if sp, ok := f.readAfter(i, ev); ok {
		f.add(sp)
		f.enumerateAfter(sp.End)
	}
}

// before reads a name that ends at i, before a title or verb.
func (f *finder) before(i int, ev evidence) {
	if sp, ok := f.readBefore(i, ev); ok {
		f.add(sp)
		f.enumerateBefore(sp.Start)
	}
}

// enumSep returns the length of an enumeration separator at i (、 和 与 及
// 以及 or), or 0.
func enumSepAt(s string, i int) int {
	for _, sep := range []string{"、", "以及", "和", "与", "及", "或", "/"} {
		if strings.HasPrefix(s[i:], sep) {
			return len(sep)
		}
	}
	return 0
}

// enumSepBefore returns the length of an enumeration separator ending at i.
func enumSepBefore(s string, i int) int {
	for _, sep := range []string{"、", "以及", "和", "与", "及", "或", "/"} {
		if strings.HasSuffix(s[:i], sep) {
			return len(sep)
		}
	}
	return 0
}

// enumerateAfter reads the names listed after a found one (研究生张三、李四和王五…).
func (f *finder) enumerateAfter(i int) {
	for k := 0; k < 32; k++ {
		n := enumSepAt(f.s, i)
		if n == 0 {
			return
		}
		sp, ok := f.readAfter(i+n, listed)
		if !ok {
			return
		}
		f.add(sp)
		i = sp.End
	}
}

// enumerateBefore reads the names listed before a found one (张三、李四和王五等人).
func (f *finder) enumerateBefore(i int) {
	for k := 0; k < 32; k++ {
		n := enumSepBefore(f.s, i)
		if n == 0 {
			return
		}
		sp, ok := f.readBefore(i-n, listed)
		if !ok {
			return
		}
		f.add(sp)
		i = sp.Start
	}
}

// leftOK reports whether a name may start at i: at the start of the text,
// after a character that is not Chinese, after a conjunction, or after a
// word that introduces a person.
func (f *finder) leftOK(i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(f.s[:i])
	if !isHan(r) || strings.ContainsRune("和与及或同跟", r) {
		return true
	}
	return tables.left.suffix(f.s[:i]) > 0
}

// rightOK reports whether a name may end at i: at the end of the text,
// before a character that is not Chinese, before a character that seldom
// ends a name, or before a title, a verb or a conjunction.
func (f *finder) rightOK(i int) bool {
	r, ok := f.han(i)
	if !ok {
		return true
	}
	if f.flag(r)&fStop != 0 {
		return true
	}
	return f.suffixAnchorAt(i) || tables.preds.prefix(f.s[i:]) > 0
}

// suffixAnchorAt reports a title or verb that can follow a name at i.
func (f *finder) suffixAnchorAt(i int) bool {
	r, ok := f.han(i)
	if !ok {
		return false
	}
	for _, a := range anchorsAt(r) {
		if a.kind&aSuffix != 0 && strings.HasPrefix(f.s[i:], a.word) {
			return true
		}
	}
	return false
}

// blocked reports a would-be name that is a word, a place or a body, or
// starts with one.
func blocked(name string, surnameLen int) bool {
	if tables.nonNames[name] {
		return true
	}
	if len(name) > surnameLen+3 && tables.nonNames[name[:surnameLen+3]] {
		return true
	}
	return titles.prefix(name) > 0 || titles.suffix(name) > 0
}

// likelyGiven reports a given name that reads like one where the context
// is weak: a single character common in given names after a surname that
// is no common word start, or two characters of which one is common.
func (f *finder) likelyGiven(given string, weakSur bool) bool {
	n := 0
	for _, r := range given {
		if f.flag(r)&fCommon != 0 {
			n++
		}
	}
	if len(given) == 3 {
		return n == 1 && !weakSur
	}
	return n >= 1
}

// givenOK reports a character that can stand in a given name.
func (f *finder) givenOK(r rune) bool {
	return r != '某' && f.flag(r)&fNotGiven == 0
}

// readAfter reads a name that starts at i.
func (f *finder) readAfter(i int, ev evidence) (Span, bool) {
	s := f.s
	r0, ok := f.han(i)
	if !ok {
		return Span{}, false
	}
	sn, weakSur := 0, false
	if _, ok := compoundAt(s[i:]); ok {
		sn = 6
	} else if fl := f.flag(r0); fl&fSurname != 0 {
		sn, weakSur = 3, fl&fWeak != 0
	} else {
		return Span{}, false
	}
	g1, ok := f.han(i + sn)
	if !ok || !f.givenOK(g1) {
		return Span{}, false
	}
	end := i + sn + 3
	if g2, ok := f.han(end); ok && f.givenOK(g2) && f.flag(g2)&fStop == 0 &&
		!f.suffixAnchorAt(end) && tables.preds.prefix(s[end:]) == 0 {
		end += 3
	}
	if blocked(s[i:end], sn) {
		if end-i == sn+6 && !blocked(s[i:end-3], sn) {
			end -= 3
		} else {
			return Span{}, false
		}
	}
	if tables.inst.prefix(s[end:]) > 0 {
		return Span{}, false
	}
	if (weakSur || ev != strong) && !f.rightOK(end) &&
		!(ev == listed && end-i == sn+6 && f.likelyGiven(s[i+sn:end], weakSur)) {
		return Span{}, false
	}
	if ev == weak && !f.likelyGiven(s[i+sn:end], weakSur) {
		return Span{}, false
	}
	return Span{i, end, s[i:end]}, true
}

// readBefore reads a name that ends at i.
func (f *finder) readBefore(i int, ev evidence) (Span, bool) {
	s := f.s
	// rs[k] is the k-th character before i, at[k+1] where it starts
	var rs [4]rune
	var at [5]int
	at[0] = i
	k := 0
	for ; k < 4; k++ {
		r, ok := f.han(at[k] - 3)
		if !ok {
			break
		}
		rs[k], at[k+1] = r, at[k]-3
	}
	if k < 2 {
		return Span{}, false
	}
	for j := 0; j < min(k, 3); j++ {
		if rs[j] == '某' {
			return Span{}, false // already masked
		}
	}
	valid := func(start, sn int, weakSur bool) bool {
		name := s[start:i]
		for _, r := range name[sn:] {
			if !f.givenOK(r) {
				return false
			}
		}
		if blocked(name, sn) || tables.inst.prefix(name[sn:]) > 0 {
			return false
		}
		// the surname ends a word (华东师范大学, 和田玉)
		if start >= 3 && tables.nonNames[s[start-3:start+3]] {
			return false
		}
		if ev == weak && !f.likelyGiven(name[sn:], weakSur) {
			return false
		}
		return !(weakSur || ev != strong) || f.leftOK(start)
	}
	// a compound surname and two characters, or one
	if k >= 4 && surnames.compound[s[at[4]:at[2]]] && valid(at[4], 6, false) {
		return Span{at[4], i, s[at[4]:i]}, true
	}
	if k >= 3 && surnames.compound[s[at[3]:at[1]]] && valid(at[3], 6, false) {
		return Span{at[3], i, s[at[3]:i]}, true
	}
	two := f.flag(rs[1])&fSurname != 0 && valid(at[2], 3, f.flag(rs[1])&fWeak != 0)
	if k >= 3 {
		fl := f.flag(rs[2])
		if fl&fSurname != 0 && !(fl&fLeftStop != 0 && two) && valid(at[3], 3, fl&fWeak != 0) {
			return Span{at[3], i, s[at[3]:i]}, true
		}
	}
	if two {
		return Span{at[2], i, s[at[2]:i]}, true
	}
	return Span{}, false
}

// dotAt returns the length of a middle dot at i, or 0; a full stop counts
// between two Chinese characters.
func (f *finder) dotAt(i int) int {
	s := f.s
	if i >= len(s) {
		return 0
	}
	if s[i] == '.' {
		if _, ok := f.han(i - 3); ok {
			if _, ok := f.han(i + 1); ok {
				return 1
			}
		}
		return 0
	}
	if strings.HasPrefix(s[i:], "·") {
		return 2
	}
	if r, ok := f.han3any(i); ok && f.flag(r)&fDot != 0 {
		return 3
	}
	return 0
}

// han3any decodes any rune of three bytes at i.
func (f *finder) han3any(i int) (rune, bool) {
	s := f.s
	if i < 0 || i+3 > len(s) || s[i] < 0xE0 || s[i] >= 0xF0 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), true
}

// Transliterated names: each part of two to six characters.
const (
	dotPartMin = 2
	dotPartMax = 6
)

// dotStop are characters that end a transliterated name part.
const dotStop = "的在和与及是对向把被将由经等因称于已未曾也都并"

// partBack returns where the part of a dotted name that ends at i starts,
// or -1: back over Chinese characters, to a function character or the end
// of a role word, at most dotPartMax.
func (f *finder) partBack(i int) int {
	start := i
	for n := 0; n < dotPartMax; n++ {
		if n >= dotPartMin && tables.left.suffix(f.s[:start]) > 0 {
			break
		}
		r, ok := f.han(start - 3)
		if !ok || strings.ContainsRune(dotStop, r) {
			break
		}
		start -= 3
	}
	if (i-start)/3 < dotPartMin {
		return -1
	}
	return start
}

// partForward returns where the part of a dotted name that starts at i
// ends, or -1.
func (f *finder) partForward(i int) int {
	end := i
	for n := 0; n < dotPartMax; n++ {
		r, ok := f.han(end)
		if !ok || strings.ContainsRune(dotStop, r) {
			break
		}
		if n >= dotPartMin && (f.suffixAnchorAt(end) || tables.preds.prefix(f.s[end:]) > 0) {
			break
		}
		end += 3
	}
	if (end-i)/3 < dotPartMin {
		return -1
	}
	return end
}

// dotted handles a middle dot at i of width w: a transliterated name
// around it is found wherever it stands.
func (f *finder) dotted(i, w int) {
	if w == 1 && f.dotAt(i) == 0 {
		return
	}
	start := f.partBack(i)
	if start < 0 {
		return
	}
	if sp, ok := f.dottedFrom(start); ok {
		f.add(sp)
	}
}

// dottedFrom reads a dotted name whose first part starts at start.
func (f *finder) dottedFrom(start int) (Span, bool) {
	var parts []string
	i, end := start, start
	for len(parts) < 4 {
		e := i
		if len(parts) == 0 {
			// the first part runs to the dot
			for e-i <= dotPartMax*3 {
				if _, ok := f.han(e); !ok {
					break
				}
				e += 3
			}
			if f.dotAt(e) == 0 {
				return Span{}, false
			}
		} else {
			e = f.partForward(i)
		}
		if e < 0 || e-i < dotPartMin*3 || e-i > dotPartMax*3 {
			break
		}
		parts = append(parts, f.s[i:e])
		end = e
		n := f.dotAt(e)
		if n == 0 {
			break
		}
		if _, ok := f.han(e + n); !ok {
			break
		}
		i = e + n
	}
	if len(parts) < 2 {
		return Span{}, false
	}
	return Span{start, end, strings.Join(parts, "·")}, true
}

func (f *finder) add(sp Span) {
	if sp.End > sp.Start {
		f.spans = append(f.spans, sp)
	}
}

// result returns the spans sorted, longest first where two start
// together, without overlaps.
func (f *finder) result() []Span {
	if len(f.spans) == 0 {
		return nil
	}
	sort.Slice(f.spans, func(a, b int) bool {
		if f.spans[a].Start != f.spans[b].Start {
			return f.spans[a].Start < f.spans[b].Start
		}
		return f.spans[a].End > f.spans[b].End
	})
	out := f.spans[:0]
	last := -1
	for _, sp := range f.spans {
		if sp.Start < last {
			continue
		}
		out = append(out, sp)
		last = sp.End
	}
	return out
}
