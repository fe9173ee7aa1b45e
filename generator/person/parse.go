package person

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"disclose/generator/fold"
)

// Parse returns the people named in one person-field cell, each once, in
// the order written. People are separated by 、，,;；/／| and line breaks,
// and by 和 及 与 以及 或 where both sides are plausible names (张和平 is
// one person). Trailing 等, 等人, 等三人 go, and so do titles and roles
// before or after a name (教授, 主任医师, 项目负责人, Dr.), anything in
// brackets, numbers (a phone or ID after the name) and contact words with
// what follows them (电话：…, 身份证号…, an e-mail address). Names come back
// in canonical form: Chinese without inner spaces (张 三 → 张三), dotted
// names with · (阿依努尔•买买提 → 阿依努尔·买买提), Latin names with single
// spaces and a "Surname, Given" pair turned round (Fakename, Testa → Testa
// Fakename). A surname alone (from 张教授) is returned as 张.
func Parse(cell string) []string {
	s := dropBrackets(fold.Width(cell))
	s = dropContacts(s)
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	for _, seg := range strings.Split(classify(s), "\n") {
		pieces := strings.Split(seg, ",")
		if len(pieces) == 2 {
			if a, b := latinWord(pieces[0]), latinWord(pieces[1]); a != "" && b != "" {
				// Fakename, Testa: surname first, as in a citation
				add(b + " " + a)
				continue
			}
		}
		for _, p := range pieces {
			for _, name := range parsePiece(p) {
				add(name)
			}
		}
	}
	return out
}

// canonical returns the canonical form of one name, as Parse returns it:
// folded, Chinese without inner spaces, dots as ·, Latin with single
// spaces. Titles and the rest are not removed.
func canonical(name string) string {
	s := strings.TrimSpace(fold.Text(name))
	if !hasHan(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == ' ':
			// a space between two Latin letters stays
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if isLetter(prev) && isLetter(next) {
				b.WriteRune(r)
			}
		case isDot(r) || r == '.':
			b.WriteRune('·')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), "·")
}

// Brackets of every kind; what is inside them is a note, never a name.
const (
	openers = "([{【〔〈《「『<﹝〖"
	closers = ")]}】〕〉》」』>﹞〗"
)

// dropBrackets removes every bracketed part of s, brackets included, and
// leaves a line break in its place. A bracket that is never closed (or
// never opened) counts as a separator only, so a typing slip loses no name.
func dropBrackets(s string) string {
	if !strings.ContainsAny(s, openers+closers) {
		return s
	}
	rs := []rune(s)
	// depth[i] counts the bracket pairs around rune i, from the start and
	// end marks of each pair
	depth := make([]int, len(rs)+1)
	var stack []int
	for i, r := range rs {
		switch {
		case strings.ContainsRune(openers, r):
			stack = append(stack, i)
		case strings.ContainsRune(closers, r):
			if len(stack) == 0 {
				rs[i] = '\n'
				continue
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			depth[open]++
			depth[i+1]--
		}
	}
	for _, open := range stack {
		rs[open] = '\n'
	}
	var b strings.Builder
	in, was := 0, false
	for i, r := range rs {
		in += depth[i]
		if in > 0 {
			if !was {
				b.WriteByte('\n')
			}
			was = true
			continue
		}
		was = false
		b.WriteRune(r)
	}
	return b.String()
}

// stopsContact reports the runes where a contact detail ends.
func stopsContact(r rune) bool {
	return isHan(r) || strings.ContainsRune("、,;/|\n；，", r)
}

// dropContacts removes contact words and what follows them, and every run
// of Latin letters, digits and address punctuation that holds a digit or
// an @ (a phone, an ID number, an e-mail address, a WeChat id).
func dropContacts(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		rest := s[i:]
		if n := contactWords.prefix(rest); n > 0 {
			i += n
			for i < len(s) {
				r, w := utf8.DecodeRuneInString(s[i:])
				if stopsContact(r) {
					break
				}
				i += w
			}
			b.WriteByte('\n')
			continue
		}
		if n := addressWords.prefix(rest); n > 0 {
			i += n
			for i < len(s) {
				r, w := utf8.DecodeRuneInString(s[i:])
				if strings.ContainsRune("、,;/|\n；，", r) {
					break
				}
				i += w
			}
			b.WriteByte('\n')
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf && isWordByte(c) && (i == 0 || !isWordByte(s[i-1])) {
			end := i
			digit := false
			for end < len(s) && isWordByte(s[end]) {
				digit = digit || s[end] >= '0' && s[end] <= '9' || s[end] == '@'
				end++
			}
			word := strings.ToLower(strings.TrimRight(s[i:end], ".-_"))
			if digit || word == "e-mail" {
				b.WriteByte('\n')
				i = end
				continue
			}
			if latinContactWords[word] || latinContactWords[strings.TrimRight(word, ":")] {
				i = end
				for i < len(s) {
					r, w := utf8.DecodeRuneInString(s[i:])
					if stopsContact(r) {
						break
					}
					i += w
				}
				b.WriteByte('\n')
				continue
			}
			b.WriteString(s[i:end])
			i = end
			continue
		}
		_, w := utf8.DecodeRuneInString(rest)
		b.WriteString(rest[:w])
		i += w
	}
	return b.String()
}

// isWordByte reports the bytes of phones, IDs, e-mail addresses and
// Latin words.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '-' || c == '_' || c == '@' || c == '+' || c == '%'
}

// numerals are the Chinese numerals; three or more in a row are a number
// (a phone or ID written out), not part of a name.
const numerals = "〇零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟"

// classify keeps the runes that names are written with (Han, letters,
// dots, spaces, and the apostrophes, hyphens and full stops inside Latin
// names), keeps ',' (a Latin "Surname, Given" pair is told apart later)
// and turns every other rune into a line break.
func classify(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	prevName := func(i int) rune { // the nearest non-space rune before i
		for i--; i >= 0; i-- {
			if rs[i] != ' ' && rs[i] != '\t' {
				return rs[i]
			}
		}
		return 0
	}
	nextName := func(i int) rune {
		for i++; i < len(rs); i++ {
			if rs[i] != ' ' && rs[i] != '\t' {
				return rs[i]
			}
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case strings.ContainsRune(numerals, r):
			k := i
			for k < len(rs) && strings.ContainsRune(numerals, rs[k]) {
				k++
			}
			if k-i >= 3 || r == '〇' {
				b.WriteByte('\n')
				i = k - 1
				continue
			}
			b.WriteRune(r)
		case isHan(r):
			b.WriteRune(r)
		case r == ' ' || r == '\t':
			b.WriteByte(' ')
		case isDot(r):
			b.WriteRune('·')
		case r == '.':
			p, n := prevName(i), nextName(i)
			switch {
			case isLetter(p):
				b.WriteByte('.')
			case isHan(p) && isHan(n):
				b.WriteRune('·')
			default:
				b.WriteByte('\n')
			}
		case r == '-' || r == '\'' || r == '’' || r == 'ʼ':
			if i > 0 && i+1 < len(rs) && isLetter(rs[i-1]) && isLetter(rs[i+1]) {
				b.WriteRune(r)
			} else {
				b.WriteByte('\n')
			}
		case r == ',':
			b.WriteByte(',')
		case isLetter(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		default:
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// latinWord returns the piece if it is one Latin word with no title, or "".
func latinWord(piece string) string {
	var word string
	for _, f := range strings.Fields(piece) {
		if latinTitles[strings.ToLower(f)] {
			continue
		}
		if word != "" {
			return ""
		}
		word = f
	}
	if utf8.RuneCountInString(word) < 2 {
		return ""
	}
	for _, r := range word {
		if !isLetter(r) && r != '-' && r != '\'' && r != '’' {
			return ""
		}
	}
	return word
}

// item is a part of a piece: a Chinese name or part of one, or a Latin
// word; brk says no name runs across from the item before.
type item struct {
	text  string
	latin bool
	brk   bool
}

// parsePiece returns the names in one piece of a cell (no separators left
// but spaces and the conjunctions).
func parsePiece(p string) []string {
	p = tidyDots(p)
	var items []item
	brk := true
	for _, tok := range tokens(p) {
		if r := firstRune(tok); !isHan(r) && r != '·' {
			low := strings.ToLower(tok)
			switch {
			// a placeholder (NA, none) only where a name would start:
			// the Na of Li Na is a name
			case latinTitles[low], low == "and", low == "or", low == "et", brk && placeholders[low]:
				brk = true
			default:
				tok = strings.TrimRight(tok, "-'’")
				if utf8.RuneCountInString(tok) > 2 || !strings.HasSuffix(tok, ".") {
					tok = strings.TrimSuffix(tok, ".")
				}
				if tok != "" {
					items = append(items, item{text: tok, latin: true, brk: brk})
					brk = false
				}
			}
			continue
		}
		if conjunctions.set[tok] || titles.set[tok] || placeholders[tok] {
			brk = true
			continue
		}
		added := false
		for _, part := range splitHan(cutEtc(tok)) {
			if part = stripTitles(part); part == "" || titles.set[part] || placeholders[part] {
				brk = true
				continue
			}
			items = append(items, item{text: part, brk: brk})
			brk, added = true, true
		}
		// the next token may continue a spaced name (张 三)
		if added {
			brk = false
		}
	}
	var out []string
	var cur []string
	latin := false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if latin {
			if name := strings.Join(cur, " "); letters(name) >= 2 {
				out = append(out, name)
			}
		} else {
			out = append(out, groupHan(cur)...)
		}
		cur = cur[:0]
	}
	for _, it := range items {
		if it.brk || it.latin != latin {
			flush()
		}
		latin = it.latin
		cur = append(cur, it.text)
	}
	flush()
	return out
}

// tidyDots removes spaces around dots and dots at either end or doubled.
func tidyDots(p string) string {
	if !strings.ContainsRune(p, '·') {
		return p
	}
	for strings.Contains(p, " ·") || strings.Contains(p, "· ") || strings.Contains(p, "··") {
		p = strings.NewReplacer(" ·", "·", "· ", "·", "··", "·").Replace(p)
	}
	fs := strings.Fields(p)
	for i, f := range fs {
		fs[i] = strings.Trim(f, "·")
	}
	return strings.Join(fs, " ")
}

// tokens splits a piece at spaces and where the script changes between
// Han and Latin.
func tokens(p string) []string {
	var out []string
	for _, f := range strings.Fields(p) {
		start := 0
		prevHan := false
		for i, r := range f {
			han := isHan(r) || r == '·' && prevHan
			if i > start && han != prevHan {
				out = append(out, f[start:i])
				start = i
			}
			prevHan = han
		}
		if start < len(f) {
			out = append(out, f[start:])
		}
	}
	return out
}

// cutEtc removes a trailing 等 (等, 等人, 等三人, 等同志) from a token.
func cutEtc(tok string) string {
	for at := 0; ; {
		i := strings.Index(tok[at:], "等")
		if i < 0 {
			return tok
		}
		i += at
		rest := tok[i+len("等"):]
		if i > 0 && (rest == "" || strings.ContainsRune("人名位个"+numerals+"几多数", firstRune(rest)) || titles.prefix(rest) == len(rest)) {
			return tok[:i]
		}
		at = i + len("等")
	}
}

// splitHan splits a token at the conjunctions that stand between two
// plausible names, as many as it can; when two splits give as many names,
// the one that splits earlier wins (张三和王和平 → 张三, 王和平).
func splitHan(tok string) []string {
	type conj struct{ start, end int }
	var cs []conj
	for i := 0; i < len(tok); {
		if n := conjunctions.prefix(tok[i:]); n > 0 {
			if i > 0 {
				cs = append(cs, conj{i, i + n})
			}
			i += n
			continue
		}
		_, w := utf8.DecodeRuneInString(tok[i:])
		i += w
	}
	if len(cs) == 0 || len(cs) > 16 {
		return []string{tok}
	}
	type best struct {
		n     int
		parts []string
	}
	memo := map[int]*best{}
	var solve func(at int) *best
	solve = func(at int) *best {
		if b, ok := memo[at]; ok {
			return b
		}
		var b *best
		if at == 0 || plausible(tok[at:]) {
			b = &best{1, []string{tok[at:]}}
		}
		for _, c := range cs {
			if c.start <= at || !plausible(tok[at:c.start]) {
				continue
			}
			rest := solve(c.end)
			if rest == nil {
				continue
			}
			if b == nil || 1+rest.n > b.n {
				b = &best{1 + rest.n, append([]string{tok[at:c.start]}, rest.parts...)}
			}
		}
		memo[at] = b
		return b
	}
	return solve(0).parts
}

// plausible reports whether s, less its titles, reads as a full Chinese
// name: a surname and one or two characters, a compound surname and one
// or two, or a dotted name.
func plausible(s string) bool {
	s = stripTitles(s)
	if strings.ContainsRune(s, '·') {
		for _, part := range strings.Split(s, "·") {
			if part == "" || !allHan(part) {
				return false
			}
		}
		return true
	}
	if !allHan(s) {
		return false
	}
	n := utf8.RuneCountInString(s)
	if _, ok := compoundAt(s); ok && n >= 3 && n <= 4 {
		return true
	}
	return n >= 2 && n <= 3 && isSurname(firstRune(s))
}

// stripTitles removes titles before and after a Chinese name, as long as
// something is left.
func stripTitles(s string) string {
	for {
		changed := false
		if n := titles.suffix(s); n > 0 && n < len(s) {
			s, changed = strings.TrimRight(s[:len(s)-n], "·"), true
		}
		if n := titles.prefix(s); n > 0 && n < len(s) {
			s, changed = strings.TrimLeft(s[n:], "·"), true
		}
		if !changed || s == "" {
			return s
		}
	}
}

// groupHan joins the parts of a Chinese name written with spaces (张 三,
// 欧阳 测明) and splits names written side by side with a space between
// them (张三 李四): a part starts a new name when the name so far is
// complete and the part could be a name of its own.
func groupHan(parts []string) []string {
	var out []string
	var cur strings.Builder
	n, dot := 0, false // runes in cur, and whether it has a dot
	for _, p := range parts {
		if n > 0 && complete(cur.String(), n, dot) && canStart(p) {
			if name := finishHan(cur.String()); name != "" {
				out = append(out, name)
			}
			cur.Reset()
			n, dot = 0, false
		}
		cur.WriteString(p)
		n += utf8.RuneCountInString(p)
		dot = dot || strings.ContainsRune(p, '·')
	}
	if name := finishHan(cur.String()); name != "" {
		out = append(out, name)
	}
	return out
}

// complete reports whether a name of n runes could stand by itself: it
// has a dot, or two characters that are not a compound surname alone.
func complete(s string, n int, dot bool) bool {
	if dot {
		return true
	}
	if _, ok := compoundAt(s); ok && n == 2 {
		return false
	}
	return n >= 2
}

func canStart(s string) bool {
	if strings.ContainsRune(s, '·') {
		return true
	}
	if _, ok := compoundAt(s); ok {
		return true
	}
	return utf8.RuneCountInString(s) >= 2 && isSurname(firstRune(s))
}

// finishHan returns a Chinese name as Parse gives it, or "" for what is no
// name: a lone character that is no surname, a placeholder, a title.
func finishHan(s string) string {
	s = strings.Trim(stripTitles(s), "·")
	if s == "" || placeholders[s] || titles.set[s] {
		return ""
	}
	if utf8.RuneCountInString(s) == 1 && !isSurname(firstRune(s)) {
		return ""
	}
	return s
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isHan reports a Chinese character; 〇 is a numeral and is left out.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && r != '〇' && unicode.Is(unicode.Han, r)
}

func allHan(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return s != ""
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// isLetter reports a letter of a script written with spaces (Latin,
// Cyrillic, Greek and the like).
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) && !isHan(r) && r != '·' &&
		!unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isDot reports the characters people type for the middle dot of a
// transliterated name: · • ・ ･ ‧ ∙ ⋅ ⸱ ﹒ and the full-width full stop.
func isDot(r rune) bool {
	switch r {
	case '·', '•', '・', '･', '‧', '∙', '⋅', '⸱', '﹒', '．':
		return true
	}
	return false
}
