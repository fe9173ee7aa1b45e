package person

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// givenTitleList are the titles of given-name forms, in a fixed order.
var givenTitleList = givenTitles.sorted()

// maxForms bounds the forms of one name.
const maxForms = 64

// dotForms are the dots people type in a transliterated name.
var dotForms = []string{"·", "•", "・", "･", "‧", "∙", "⋅", ".", "．"}

// Forms returns every written form of a name that must not appear in
// published text and titles, sorted, without duplicates, at most 64 (the
// most important kept):
//
//   - the name itself, and with one or two spaces or an ideographic space
//     between its characters or between surname and given name (张 小 测,
//     张  小测);
//   - for a dotted name, each dot people type (· • ・ ･ ‧ ∙ ⋅ . ．), no dot
//     and a space, and its first part alone when it has three characters
//     or more (the person's own name: 阿依努尔);
//   - the given name followed by a title, when it has two characters or
//     more (小测老师, 测明主任, 小测同学);
//   - the pinyin, surname first or last, joined, spaced or hyphenated
//     (zhang xiaoce, zhangxiaoce, xiaoce zhang, zhang-xiaoce, xiao-ce
//     zhang, zhang, xiaoce, …), with the surname's readings as a surname
//     (单 shan, 曾 zeng, 尉迟 yuchi, 乐 yue or le) and ü written lv, lu,
//     lyu and ü;
//   - for a Latin name, the name, its words turned round (fakename testa),
//     with a comma (fakename, testa), joined, and with the first word as
//     an initial (t. fakename).
//
// Forms in Latin letters are lower case: match them case-insensitively,
// on word boundaries. Full-width letters are not listed: fold the text
// (fold.Width; it also turns the ideographic space into a space) before
// matching. Forms shorter than two Chinese characters
// or four letters are left out, as they would match everywhere, and so is
// a name already masked (张某).
func Forms(name string) []string {
	s := canonical(name)
	if masked(s) || !longEnough(s) || hasHan(s) && utf8.RuneCountInString(s) < 2 {
		return nil
	}
	var fs formSet
	switch {
	case !hasHan(s):
		latinForms(&fs, s)
	case strings.ContainsRune(s, '·'):
		dottedForms(&fs, s)
	default:
		hanForms(&fs, s)
	}
	return fs.sorted()
}

// formSet collects forms in order of importance, up to maxForms.
type formSet struct {
	seen map[string]bool
	list []string
}

func (fs *formSet) add(f string) {
	if fs.seen == nil {
		fs.seen = map[string]bool{}
	}
	if len(fs.list) >= maxForms || fs.seen[f] || !longEnough(f) {
		return
	}
	fs.seen[f] = true
	fs.list = append(fs.list, f)
}

func (fs *formSet) sorted() []string {
	sort.Strings(fs.list)
	return fs.list
}

// longEnough reports a form of two Chinese characters or four letters at
// least.
func longEnough(f string) bool {
	han, lat := 0, 0
	for _, r := range f {
		switch {
		case isHan(r):
			han++
		case isLetter(r):
			lat++
		}
	}
	return han >= 2 || han == 0 && lat >= 4
}

func hanForms(fs *formSet, s string) {
	fs.add(s)
	sn := len(string(firstRune(s)))
	if n, ok := compoundAt(s); ok && utf8.RuneCountInString(s) >= 3 {
		sn = n
	}
	sur, given := s[:sn], s[sn:]
	chars := strings.Split(s, "")
	for _, sep := range []string{" ", "  ", "\u3000"} {
		fs.add(strings.Join(chars, sep))
		fs.add(sur + sep + given)
	}
	if utf8.RuneCountInString(given) >= 2 {
		for _, t := range givenTitleList {
			fs.add(given + t)
		}
	}
	surs := surnamePinyin(sur)
	var gs [][]string
	for _, r := range given {
		sy := syllables(r)
		if len(sy) == 0 {
			return // no reading known: no pinyin forms
		}
		gs = append(gs, sy)
	}
	for i, sp := range spellings(sur, surs, gs) {
		pinyinLayouts(fs, sp.sur, sp.given, i == 0)
	}
}

type spelling struct {
	sur   []string // the surname's syllables (two for a compound one)
	given []string
}

// spellings returns the spellings of a name in pinyin, the usual one
// first: each reading of the surname, the second reading of each given
// character, and ü written v, u, yu and ü.
func spellings(han string, surs []string, gs [][]string) []spelling {
	primary := make([]string, len(gs))
	for i, g := range gs {
		primary[i] = g[0]
	}
	var out []spelling
	add := func(sur string, given []string) {
		out = append(out, spelling{splitSurname(han, sur), append([]string(nil), given...)})
	}
	add(surs[0], primary)
	for _, v := range []string{"u", "yu", "ü"} {
		sur := umlaut(surs[0], v)
		given := make([]string, len(primary))
		for i, g := range primary {
			given[i] = umlaut(g, v)
		}
		add(sur, given)
	}
	for _, sur := range surs[1:] {
		add(sur, primary)
	}
	for i, g := range gs {
		if len(g) > 1 {
			alt := append([]string(nil), primary...)
			alt[i] = g[1]
			add(surs[0], alt)
		}
	}
	return out
}

// umlaut writes the ü of a syllable (lv, nve in go-pinyin's plain style)
// as v.
func umlaut(syl, v string) string {
	if !strings.ContainsRune(syl, 'v') {
		return syl
	}
	if v == "yu" {
		// lv → lyu, nve → nyue
		return strings.ReplaceAll(syl, "v", "yu")
	}
	return strings.ReplaceAll(syl, "v", v)
}

// splitSurname splits the pinyin of a compound surname into its two
// syllables where they are its characters' own readings (ouyang → ou
// yang); a reading of its own (moqi for 万俟) stays whole.
func splitSurname(han, sur string) []string {
	rs := []rune(han)
	if len(rs) != 2 {
		return []string{sur}
	}
	a, b := syllables(rs[0]), syllables(rs[1])
	if len(a) > 0 && len(b) > 0 && a[0]+b[0] == sur {
		return []string{a[0], b[0]}
	}
	return []string{sur}
}

// pinyinLayouts adds the ways a name is written in pinyin; all of them for
// the usual spelling, the three most common for the others.
func pinyinLayouts(fs *formSet, sur, given []string, all bool) {
	s := strings.Join(sur, "")
	g := strings.Join(given, "")
	// Two syllables joined are how places and words are written (Hefei,
	// Xinjiang, Lina): a two-syllable name is looked for spaced,
	// hyphenated or with a comma only.
	joined := len(sur)+len(given) >= 3
	fs.add(s + " " + g)
	if joined {
		fs.add(s + g)
	}
	fs.add(g + " " + s)
	if !all {
		return
	}
	gs := strings.Join(given, " ")
	gh := strings.Join(given, "-")
	fs.add(s + "-" + g)
	fs.add(s + ", " + g)
	fs.add(g + ", " + s)
	if joined {
		fs.add(g + s)
	}
	if len(given) > 1 {
		fs.add(s + " " + gs)
		fs.add(gs + " " + s)
		fs.add(gh + " " + s)
		fs.add(s + " " + gh)
		fs.add(s + "-" + gh)
	}
	if len(sur) > 1 {
		fs.add(strings.Join(sur, " ") + " " + g)
		fs.add(strings.Join(sur, "-") + " " + g)
		fs.add(g + " " + strings.Join(sur, "-"))
	}
}

func dottedForms(fs *formSet, s string) {
	parts := strings.Split(s, "·")
	for _, d := range dotForms {
		fs.add(strings.Join(parts, d))
	}
	fs.add(strings.Join(parts, ""))
	fs.add(strings.Join(parts, " "))
	fs.add(strings.Join(parts, " · "))
	// the first part is the person's own name, by which they are called
	if utf8.RuneCountInString(parts[0]) >= 3 {
		fs.add(parts[0])
	}
	var py []string
	for _, p := range parts {
		var b strings.Builder
		for _, r := range p {
			sy := syllables(r)
			if len(sy) == 0 {
				return
			}
			b.WriteString(sy[0])
		}
		py = append(py, b.String())
	}
	fs.add(strings.Join(py, " "))
	fs.add(strings.Join(py, ""))
	fs.add(strings.Join(py, "-"))
	fs.add(strings.Join(py, "·"))
}

func latinForms(fs *formSet, s string) {
	low := strings.ToLower(s)
	w := strings.Fields(low)
	fs.add(strings.Join(w, " "))
	if len(w) < 2 {
		return
	}
	last, rest := w[len(w)-1], strings.Join(w[:len(w)-1], " ")
	fs.add(last + " " + rest)
	fs.add(last + ", " + rest)
	fs.add(strings.Join(w, ""))
	fs.add(strings.Join(w, "-"))
	if r := firstRune(w[0]); isLetter(r) {
		init := string(r) + "."
		fs.add(init + " " + strings.Join(w[1:], " "))
		fs.add(init + strings.Join(w[1:], " "))
		fs.add(last + ", " + init)
	}
	if strings.ContainsRune(low, '-') {
		fs.add(strings.ReplaceAll(strings.Join(w, " "), "-", " "))
		fs.add(strings.ReplaceAll(strings.Join(w, " "), "-", ""))
	}
}

// pinyinArgs asks go-pinyin for every reading, without tones.
var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Heteronym = true
	return a
}()

// syllables returns the readings of a character, the usual one first, at
// most two.
func syllables(r rune) []string {
	rs := pinyin.SinglePinyin(r, pinyinArgs)
	var out []string
	for _, s := range rs {
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
		if len(out) == 2 {
			break
		}
	}
	return out
}

// surnamePinyin returns the readings of a surname, the usual one first:
// those of surnameReadings, or else the everyday reading of each
// character (the other readings go-pinyin knows are seldom surnames: 冯 is
// never ping), or both readings of a first character that is no known
// surname.
func surnamePinyin(sur string) []string {
	if ps, ok := surnameReadings[sur]; ok {
		return ps
	}
	if ps, ok := surnameReadings[simplifySurname(sur)]; ok {
		return ps
	}
	var b strings.Builder
	var alt []string
	for _, r := range sur {
		if ps, ok := surnameReadings[simplifySurname(string(r))]; ok {
			b.WriteString(ps[0])
			continue
		}
		sy := syllables(r)
		if len(sy) == 0 {
			continue
		}
		b.WriteString(sy[0])
		if len(sy) > 1 && utf8.RuneCountInString(sur) == 1 && !isSurname(r) {
			alt = sy[1:]
		}
	}
	return append([]string{b.String()}, alt...)
}

// simplifySurname writes the traditional characters of a surname in
// their simplified forms.
func simplifySurname(sur string) string {
	var b strings.Builder
	for _, r := range sur {
		if s, ok := surnames.simplified[r]; ok {
			r = s
		}
		b.WriteRune(r)
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
