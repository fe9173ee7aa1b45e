package person

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mask returns a name in the form published decisions use. The rules are
// those of the Supreme People's Court for judgments published online
// (《最高人民法院关于人民法院在互联网公布裁判文书的规定》, 2016, art. 11):
// the surname is kept and the given name becomes 某 (张小测 → 张某); a
// compound surname stays whole when the name has three characters or more
// (欧阳测明 → 欧阳某); of a minority or foreign name in Chinese characters
// the first character is kept (阿依努尔·买买提 → 阿某), as its parts are no
// surname and given name; of a name in Latin letters the first letter,
// with a full stop (Testa Fakename → T.). A name already masked (it has a
// 某) is returned as it is.
func Mask(name string) string {
	s := canonical(name)
	if s == "" {
		return ""
	}
	if masked(s) {
		return s
	}
	r := firstRune(s)
	if !isHan(r) {
		if unicode.IsLetter(r) {
			return string(unicode.ToUpper(r)) + "."
		}
		return "某"
	}
	if !strings.ContainsRune(s, '·') {
		if n, ok := compoundAt(s); ok && utf8.RuneCountInString(s) >= 3 {
			return s[:n] + "某"
		}
	}
	return string(r) + "某"
}

// masked reports a name that is already masked.
func masked(s string) bool { return strings.Contains(s, "某") }

// Surname returns the surname of a name written in Chinese characters:
// a compound surname when the name has three characters or more, else its
// first character if that is a surname. It returns "" for a name in Latin
// letters, a dotted name and a name whose first character is no surname.
func Surname(name string) string {
	s := canonical(name)
	if s == "" || strings.ContainsRune(s, '·') || !isHan(firstRune(s)) {
		return ""
	}
	if n, ok := compoundAt(s); ok && utf8.RuneCountInString(s) >= 3 {
		return s[:n]
	}
	if r := firstRune(s); isSurname(r) {
		return string(r)
	}
	return ""
}

// stems tell apart people whose masked names would be the same: the ten
// heavenly stems, as decisions use them, then the twelve earthly branches.
var stems = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸",
	"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"}

// Masker masks the names of one record consistently: the same person
// (the same canonical name) gets the same mask in every field and text,
// and people whose masks would be the same are told apart in the order
// they were added (张某甲, 张某乙, …). Add every person of the record before
// masking any: a namesake added later turns 张某 into 张某甲 from then on.
// Names already masked keep their form, and no one else gets it.
type Masker struct {
	key    map[string]string   // name as given → identity
	groups map[string][]string // plain mask → identities in the order added
	fixed  map[string]bool     // identities that are masked already
}

// NewMasker returns an empty Masker.
func NewMasker() *Masker {
	return &Masker{key: map[string]string{}, groups: map[string][]string{}, fixed: map[string]bool{}}
}

// identity is what makes two written names the same person: the canonical
// form, and for Latin names its lower case.
func identity(name string) string {
	s := canonical(name)
	if !hasHan(s) {
		s = strings.ToLower(s)
	}
	return s
}

// Add registers the people of a record, in order.
func (m *Masker) Add(names ...string) {
	for _, n := range names {
		m.add(n)
	}
}

func (m *Masker) add(name string) (id, base string) {
	id, ok := m.key[name]
	if !ok {
		id = identity(name)
		m.key[name] = id
	}
	if id == "" {
		return "", ""
	}
	base = Mask(id)
	if masked(id) {
		// 张某乙 written by the officer belongs with the other 张某
		base = strings.TrimRight(id, strings.Join(stems, ""))
		m.fixed[id] = true
	}
	for _, o := range m.groups[base] {
		if o == id {
			return id, base
		}
	}
	m.groups[base] = append(m.groups[base], id)
	return id, base
}

// Mask returns the mask of a name, adding it if it is new.
func (m *Masker) Mask(name string) string {
	id, base := m.add(name)
	if id == "" {
		return ""
	}
	if m.fixed[id] {
		return id
	}
	group := m.groups[base]
	if len(group) == 1 {
		return base
	}
	taken := map[string]bool{}
	for _, o := range group {
		if m.fixed[o] {
			taken[o] = true
			if o == base {
				// the officer's 张某 is the first 张某: the next is 张某乙
				taken[base+stem(0)] = true
			}
		}
	}
	i := 0
	for _, o := range group {
		if m.fixed[o] {
			continue
		}
		for taken[base+stem(i)] {
			i++
		}
		if o == id {
			return base + stem(i)
		}
		i++
	}
	return base
}

func stem(i int) string {
	if i < len(stems) {
		return stems[i]
	}
	return strconv.Itoa(i + 1)
}

// Romanize writes a masked name for English text, as English renderings
// of Chinese decisions do: the surname in pinyin, 某 as Mou and the stems
// as letters (张某 → Zhang Mou, 欧阳某某 → Ouyang Moumou, 张某乙 → Zhang Mou
// B, 阿某 → A Mou). A mask in Latin letters (T.) is returned as it is.
func Romanize(mask string) string {
	s := canonical(mask)
	if !hasHan(s) {
		return s
	}
	var words []string
	rest := s
	if i := strings.Index(s, "某"); i > 0 {
		words = append(words, capitalize(surnamePinyin(s[:i])[0]))
		rest = s[i:]
	}
	mou := ""
	for _, r := range rest {
		switch {
		case r == '某':
			mou += "mou"
		case stemIndex(r) >= 0:
			if mou != "" {
				words = append(words, capitalize(mou))
				mou = ""
			}
			words = append(words, string(rune('A'+stemIndex(r))))
		default:
			mou += strings.Join(syllables(r), "")
		}
	}
	if mou != "" {
		words = append(words, capitalize(mou))
	}
	return strings.Join(words, " ")
}

func stemIndex(r rune) int {
	for i, s := range stems {
		if firstRune(s) == r {
			return i
		}
	}
	return -1
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, w := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[w:]
}

// IsMask reports whether s is a masked name as Mask and Masker write it:
// a surname, 某, and at most one stem (张某, 欧阳某, 张某甲).
func IsMask(s string) bool {
	sur := Surname(s)
	if sur == "" || !strings.HasPrefix(s, sur+"某") {
		return false
	}
	rest := []rune(strings.TrimPrefix(s, sur+"某"))
	return len(rest) == 0 || len(rest) == 1 && stemIndex(rest[0]) >= 0
}
