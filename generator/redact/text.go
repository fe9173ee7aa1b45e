package redact

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"disclose/generator/fold"
	"disclose/generator/scan"
)

// scrubber cleans one text value at a time. The patterns are built once
// per Apply and shared; each goroutine has a clone with scratch of its own.
type scrubber struct {
	placeholder string
	det         *scan.Detector
	people      *people
	// withheld are the ids and titles of records that are not published:
	// a public record's text that cites one of them loses the citation.
	withheld *scan.Set
	// shields are the code lists' words, lower-cased: a name strictly
	// inside one (龙江 in 黑龙江省) is not a name there.
	shields *scan.Set
	// scratch reused from one value to the next
	buf   []byte
	lower []byte
	obuf  []int32
	spans []span
}

// clone returns a scrubber that shares the patterns of s and has scratch
// of its own, for another goroutine.
func (s *scrubber) clone() *scrubber {
	return &scrubber{placeholder: s.placeholder, det: s.det, people: s.people, withheld: s.withheld, shields: s.shields}
}

func newScrubber(placeholder string, domains []string, pp *people, withheld, shields []string) *scrubber {
	if pp == nil {
		pp = newPeople(nil)
	}
	lower := make([]string, len(shields))
	for i, w := range shields {
		lower[i] = string(lowerASCII(nil, []byte(fold.Width(w))))
	}
	return &scrubber{placeholder: placeholder, det: scan.NewDetector(scan.Eager, domains), people: pp,
		withheld: scan.NewSet(withheld), shields: scan.NewSet(lower)}
}

// A kind of span that is a person's name: it is replaced by the person's
// masked name, not the placeholder.
const kindName = "name"

// kindWithheld is the kind of a span that cites a record not published.
const kindWithheld = "withheld"

type span struct {
	start, end int
	kind       string
	// name is the person a name span stands for (its canonical form).
	name string
	// latin is set when the span is the name written in Latin letters.
	latin bool
}

// namer says what a person's name becomes in one record's text.
type namer interface {
	replace(name string, latin bool) string
	// kept reports a name the record publishes on purpose (policy keep):
	// its text keeps it too.
	kept(name string) bool
}

// unshielded drops the name spans from spans[from:] that lie strictly
// inside one of the code lists' words in s.lower: 龙江 in 黑龙江省 is a
// place, whoever else is called 龙江.
func (s *scrubber) unshielded(spans []span, from int) []span {
	if len(spans) == from || s.shields == nil {
		return spans
	}
	var words [][2]int
	s.shields.All(s.lower, func(st, end, _ int) bool {
		words = append(words, [2]int{st, end})
		return true
	})
	if len(words) == 0 {
		return spans
	}
	kept := spans[:from]
	for _, sp := range spans[from:] {
		inside := false
		for _, w := range words {
			if w[0] <= sp.start && sp.end <= w[1] && w[1]-w[0] > sp.end-sp.start {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, sp)
		}
	}
	return kept
}

// scrub returns text with every detected span replaced: names by what nm
// makes of them, everything else by the placeholder. found is told each
// kind and original span. Detection runs on a folded copy (full-width
// forms folded, zero-width characters removed, and for names ASCII
// lower-cased) whose offsets map back to the original, and the
// replacement is made in the original.
func (s *scrubber) scrub(text string, nm namer, found func(kind, orig string)) string {
	folded, offs := foldMap(text, s.buf, s.obuf)
	s.buf = folded
	if offs != nil {
		s.obuf = offs
	}
	at := func(i int) int {
		if offs == nil {
			return i
		}
		return int(offs[i])
	}
	spans := s.spans[:0]
	defer func() { s.spans = spans[:0] }()
	s.det.Find(folded, func(m scan.Match) { spans = append(spans, span{start: m.Start, end: m.End, kind: m.Kind}) })
	s.lower = lowerASCII(s.lower, folded)
	n := len(spans)
	spans = s.unshielded(s.people.find(s.lower, spans), n)
	s.withheld.All(folded, func(st, end, _ int) bool {
		if idEdge(folded, st, end) {
			spans = append(spans, span{start: st, end: end, kind: kindWithheld})
		}
		return true
	})
	documents(folded, func(st, end int, kind string) { spans = append(spans, span{start: st, end: end, kind: kind}) })
	if len(spans) == 0 {
		return text
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	var b strings.Builder
	last := 0 // in text
	for i := 0; i < len(spans); {
		sp := spans[i]
		end := sp.end
		j := i + 1
		// Overlapping spans become one. The first (longest) names the
		// kind, except that anything but a name wins over a name: a
		// number is never half replaced by a masked name.
		for j < len(spans) && spans[j].start < end {
			end = max(end, spans[j].end)
			if sp.kind == kindName && spans[j].kind != kindName {
				sp.kind = spans[j].kind
			}
			j++
		}
		os, oe := at(sp.start), at(end)
		if sp.kind == kindName && nm != nil && end == sp.end && nm.kept(sp.name) {
			i = j
			continue
		}
		found(sp.kind, text[os:oe])
		b.WriteString(text[last:os])
		if sp.kind == kindName && nm != nil && end == sp.end {
			b.WriteString(nm.replace(sp.name, sp.latin))
		} else {
			b.WriteString(s.placeholder)
		}
		last = oe
		i = j
	}
	b.WriteString(text[last:])
	return b.String()
}

// documents calls fn with each passport and permit number in b.
func documents(b []byte, fn func(start, end int, kind string)) {
	passports(b, func(st, end int) { fn(st, end, "passport") })
	if !gatedShape(b) || !hasKeyword(b) {
		return
	}
	for _, k := range keywordRE.FindAllIndex(b, -1) {
		win := b[k[1]:min(len(b), k[1]+40)]
		for _, m := range gatedRE.FindAllSubmatchIndex(win, -1) {
			tok := win[m[2]:m[3]]
			if digitCount(tok) >= 7 {
				fn(k[1]+m[2], k[1]+m[3], permitKind(tok))
			}
		}
		for _, m := range spacedRE.FindAllSubmatchIndex(win, -1) {
			tok := win[m[2]:m[3]]
			fn(k[1]+m[2], k[1]+m[3], permitKind(tok))
		}
	}
}

// Documents returns the passport and permit numbers in text as typed, as
// the cleaner finds them. The leak guard takes them as needles from the
// private records.
func Documents(text string) []string {
	b, offs := foldMap(text, nil, nil)
	at := func(i int) int {
		if offs == nil {
			return i
		}
		return int(offs[i])
	}
	var out []string
	documents(b, func(st, end int, _ string) { out = append(out, text[at(st):at(end)]) })
	return out
}

// lowerASCII returns b with ASCII letters in lower case, in buf; offsets
// are unchanged.
func lowerASCII(buf, b []byte) []byte {
	buf = append(buf[:0], b...)
	for i, c := range buf {
		if c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return buf
}

// idEdge reports whether b[st:end] stands alone where it starts or ends
// with a letter or digit: HR-2024-0001 is not cited by HR-2024-00012.
func idEdge(b []byte, st, end int) bool {
	if isAlnum(b[st]) && st > 0 && isAlnum(b[st-1]) {
		return false
	}
	if isAlnum(b[end-1]) && end < len(b) && isAlnum(b[end]) {
		return false
	}
	return true
}

func permitKind(tok []byte) string {
	if bytes.ContainsAny(tok[:1], "CcHhMmTt") {
		return "permit"
	}
	return "passport"
}

// Passport and permit numbers. A Chinese ordinary passport (E + 8 digits,
// or E + letter + 7 digits; G + 8 digits for older ones) is distinctive
// enough to be removed anywhere it stands alone. Other passports (P, S, D
// + 7 or 8 digits) and the permits for Hong Kong, Macao and Taiwan (C, H,
// M, T + 8 to 10 letters or digits, at least 7 of them digits) look like
// model or batch numbers, so they are removed only within 40 bytes after a
// keyword such as 护照, 通行证 or passport.
var (
	keywordRE = regexp.MustCompile(`(?i)护照|通行证|回乡证|台胞证|往来港澳|往来台湾|居民来往|passport|permit`)
	gatedRE   = regexp.MustCompile(`(?:^|[^0-9A-Za-z])((?:[PpSsDd][0-9]{7,8})|(?:[CcHhMmTt][0-9A-Za-z]{8,10}))(?:$|[^0-9A-Za-z])`)
	// After a keyword, a number may also be typed with spaces or hyphens
	// inside (E1234 5678, C12-345-678).
	spacedRE = regexp.MustCompile(`(?:^|[^0-9A-Za-z])([EeGgPpSsDdCcHhMmTt][A-Za-z]?(?:[ -]?[0-9]){7,10})(?:$|[^0-9A-Za-z])`)
)

// gatedShape reports whether b has a letter that can start a gated
// passport or permit number followed by a digit: most text has none, and
// then the keywords need no search.
func gatedShape(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		switch b[i] | 0x20 {
		case 'e', 'g', 'p', 's', 'd', 'c', 'h', 'm', 't':
			for k := i + 1; k < len(b) && k <= i+4; k++ {
				if b[k] >= '0' && b[k] <= '9' {
					return true
				}
			}
		}
	}
	return false
}

// hasKeyword is a quick test before the keyword regexp runs: every
// Chinese keyword holds 证, 护照 or 往来, every English one a p.
func hasKeyword(b []byte) bool {
	if bytes.Contains(b, []byte("证")) || bytes.Contains(b, []byte("护照")) || bytes.Contains(b, []byte("往来")) {
		return true
	}
	for _, p := range []byte("pP") {
		for at := 0; ; {
			i := bytes.IndexByte(b[at:], p)
			if i < 0 {
				break
			}
			i += at
			if i+6 <= len(b) && bytes.EqualFold(b[i:i+6], []byte("permit")) || i+8 <= len(b) && bytes.EqualFold(b[i:i+8], []byte("passport")) {
				return true
			}
			at = i + 1
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// passports finds ordinary passport numbers standing alone: E or G and 8
// digits, or E, a letter other than I and O, and 7 digits.
func passports(b []byte, fn func(start, end int)) {
	for i := 0; i+9 <= len(b); i++ {
		c := b[i] | 0x20
		if c != 'e' && c != 'g' || i > 0 && isAlnum(b[i-1]) {
			continue
		}
		if i+9 < len(b) && isAlnum(b[i+9]) {
			continue
		}
		from := 1
		if c == 'e' {
			if l := b[i+1] | 0x20; l >= 'a' && l <= 'z' && l != 'i' && l != 'o' {
				from = 2
			}
		}
		if digitCount(b[i+from:i+9]) == 9-from {
			fn(i, i+9)
			i += 8
		}
	}
}

func digitCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}

// wordEdge reports whether position i of b is outside a Latin word.
func wordEdge(b []byte, i int) bool {
	if i < 0 || i >= len(b) {
		return true
	}
	c := b[i]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}

// needsFold reports a rune that foldMap changes.
func needsFold(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u3000':
		return true
	}
	return r >= '\uff01' && r <= '\uff5e'
}

// foldMap folds full-width ASCII to half-width, the ideographic space to a
// space, and removes zero-width characters, returning the folded bytes and,
// for each folded byte (and one past the end), the offset of the original
// byte it came from. offs is nil when nothing changed (offsets are then
// the same). buf and obuf are reused.
func foldMap(s string, buf []byte, obuf []int32) (out []byte, offs []int32) {
	change := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xEF || c == 0xE2 || c == 0xC2 || c == 0xE1 || c == 0xE3 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); needsFold(r) {
				change = true
				break
			}
		}
	}
	if !change {
		return append(buf[:0], s...), nil
	}
	out = slices.Grow(buf[:0], len(s))
	offs = slices.Grow(obuf[:0], len(s)+1)
	for i := 0; i < len(s); {
		c := s[i]
		if c != 0xEF && c != 0xE2 && c != 0xC2 && c != 0xE1 && c != 0xE3 {
			out = append(out, c)
			offs = append(offs, int32(i))
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff', r == '\u00ad', r == '\u180e':
		case r == '\u3000':
			out = append(out, ' ')
			offs = append(offs, int32(i))
		case r >= '\uff01' && r <= '\uff5e':
			out = append(out, byte(r-0xfee0))
			offs = append(offs, int32(i))
		default:
			for k := 0; k < w; k++ {
				out = append(out, s[i+k])
				offs = append(offs, int32(i+k))
			}
		}
		i += w
	}
	offs = append(offs, int32(len(s)))
	return out, offs
}
