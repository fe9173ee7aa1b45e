// Package fold normalises text the way every stage compares it: Unicode NFC,
// full-width ASCII folded to half-width, the ideographic space to a space, and
// zero-width characters removed. Key goes further and produces a comparison
// key (lower case, no spaces) for headers and vocabulary labels.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"disclose/generator/pii"
)

// Width returns s in NFC with full-width ASCII letters, digits and
// punctuation folded to their half-width forms, the ideographic space turned
// into a space and zero-width characters removed. CJK punctuation such as
// 、，〔〕 is left alone: it carries meaning in Chinese text.
func Width(s string) string { return width(s, true) }

// width folds every full-width ASCII form when all is true, and otherwise
// only letters, digits and symbols that are not punctuation: Chinese text
// keeps its full-width ，。：；（）！？ and quotes.
func width(s string, all bool) string {
	if isPlainASCII(s) || stable(s, all) {
		return s
	}
	return fold(s, all)
}

// fold is width without the shortcuts.
func fold(s string, all bool) string {
	var b strings.Builder
	b.Grow(len(s))
	// Fold first and compose after: removing a zero-width character or
	// folding Ａ can leave a base and a combining mark side by side, and
	// the result must already be NFC so that folding twice changes nothing.
	for _, r := range s {
		switch {
		case pii.ZeroWidth(r):
			continue
		case r == '\u3000':
			b.WriteByte(' ')
		case r >= '\uff01' && r <= '\uff5e' && (all || !punctuation(r-0xfee0)):
			b.WriteRune(r - 0xfee0)
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// stable reports whether width(s, all) is s itself: nothing to fold, and
// only characters that NFC leaves as they are whatever surrounds them
// (Latin below the combining marks, general punctuation after U+200F, CJK
// punctuation, unified ideographs and width forms), which is most Chinese
// text. It saves width a copy and a normalisation pass per cell.
func stable(s string, all bool) bool {
	for _, r := range s {
		switch {
		case pii.ZeroWidth(r), r == '\u3000':
			return false
		case r >= '\uff01' && r <= '\uff5e' && (all || !punctuation(r-0xfee0)):
			return false
		case r < 0x300, r >= 0x2010 && r <= 0x205e, r >= 0x3001 && r <= 0x303f,
			r >= 0x3400 && r <= 0x4dbf, r >= 0x4e00 && r <= 0x9fff, r >= 0xff01 && r <= 0xffef:
		default:
			return false
		}
	}
	return true
}

// Text folds widths (keeping Chinese full-width punctuation) and collapses every run of white space (including line
// breaks) into a single space, trimming both ends.
func Text(s string) string {
	return strings.Join(strings.Fields(width(s, false)), " ")
}

// punctuation reports the ASCII punctuation whose full-width form is the
// normal one in Chinese text.
func punctuation(r rune) bool {
	return strings.ContainsRune(`,;:!?()[]{}"'~`+"`", r)
}

// Lines folds widths and trims each line, keeping line breaks but at most one
// blank line in a row; used for free text.
func Lines(s string) string {
	s = strings.ReplaceAll(width(s, false), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			if blank || len(out) == 0 {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// Key returns the comparison key of a label: folded width, lower case, with
// all white space removed.
func Key(s string) string {
	s = Width(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if isPlainASCII(b.String()) {
		return b.String()
	}
	// Dropping a space can bring a combining mark next to a letter it
	// composes with; compose again so a key of a key is the same key.
	return norm.NFC.String(b.String())
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
