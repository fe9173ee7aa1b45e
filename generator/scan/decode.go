package scan

import (
	"bytes"
	"html"
	"unicode/utf8"
)

// decode undoes the escapes that output formats put on text, so that a
// value hidden behind them is seen as it would be read: JSON \uXXXX
// escapes (with surrogate pairs), HTML and XML character references and
// named entities, and URL percent-encoding. Other bytes stay as they are,
// so line numbers still match the file. It returns b itself when nothing
// needs decoding.
//
// Only the first pass that changes anything copies b: the passes after it
// decode in place, since an escape is never shorter than what it stands
// for.
func decode(b []byte) []byte {
	owned := false
	if bytes.Contains(b, []byte(`\u`)) || bytes.Contains(b, []byte(`\U`)) {
		b, owned = unescapeJSON(b), true
	}
	if bytes.IndexByte(b, '&') >= 0 {
		b, owned = unescapeEntities(b, owned), true
	}
	if bytes.IndexByte(b, '%') >= 0 {
		b = unescapePercent(b, owned)
	}
	return b
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	v := 0
	for _, c := range b[:4] {
		h := hexVal(c)
		if h < 0 {
			return -1
		}
		v = v<<4 | h
	}
	return rune(v)
}

func unescapeJSON(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '\\')
		if j < 0 {
			out = append(out, b[i:]...)
			break
		}
		out = append(out, b[i:i+j]...)
		i += j
		if i+5 < len(b) && (b[i+1] == 'u' || b[i+1] == 'U') {
			if r := hex4(b[i+2:]); r >= 0 {
				w := 6
				if r >= 0xD800 && r < 0xDC00 && i+11 < len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
					if lo := hex4(b[i+8:]); lo >= 0xDC00 && lo < 0xE000 {
						r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
						w = 12
					}
				}
				if r == '\n' || r == '\r' {
					// keep the line count of the file
					out = append(out, ' ')
				} else {
					out = utf8.AppendRune(out, r)
				}
				i += w
				continue
			}
		}
		if i+1 < len(b) && (b[i+1] == 'n' || b[i+1] == 'r' || b[i+1] == 't') {
			// a line break or tab inside a string separates as a space
			// does: an ID number broken across lines is still one
			out = append(out, ' ')
			i += 2
			continue
		}
		if i+1 < len(b) && b[i+1] == '/' {
			out = append(out, '/')
			i += 2
			continue
		}
		if i+1 < len(b) && b[i+1] == '\\' {
			// an escaped backslash is not the start of an escape
			out = append(out, '\\', '\\')
			i += 2
			continue
		}
		out = append(out, b[i])
		i++
	}
	return out
}

// commonEntities are decoded without a call into package html.
var commonEntities = map[string]string{
	"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'",
	"&nbsp;": "\u00a0", "&middot;": "·", "&#34;": "\"", "&#39;": "'", "&#x27;": "'",
}

// unescapeEntities decodes character references and named entities;
// with inPlace it writes over b, which the caller owns.
func unescapeEntities(b []byte, inPlace bool) []byte {
	var out []byte
	if inPlace {
		out = b[:0]
	} else {
		out = make([]byte, 0, len(b))
	}
	for i := 0; i < len(b); {
		if b[i] != '&' {
			j := bytes.IndexByte(b[i:], '&')
			if j < 0 {
				out = append(out, b[i:]...)
				break
			}
			out = append(out, b[i:i+j]...)
			i += j
			continue
		}
		// an entity is at most a few dozen bytes long
		end := i + 1
		for end < len(b) && end-i < 40 && (b[end] == '#' || b[end] >= '0' && b[end] <= '9' || b[end] >= 'a' && b[end] <= 'z' || b[end] >= 'A' && b[end] <= 'Z') {
			end++
		}
		if end < len(b) && b[end] == ';' {
			end++
		}
		if end-i < 3 {
			out = append(out, '&')
			i++
			continue
		}
		ent := b[i:end]
		var s string
		if r, ok := numericEntity(ent); ok {
			if r == '\n' || r == '\r' {
				r = ' '
			}
			s = string(r)
		} else if c, ok := commonEntities[string(ent)]; ok {
			s = c
		} else {
			s = html.UnescapeString(string(ent))
			if s == "\n" || s == "\r" {
				s = " "
			}
		}
		if inPlace && len(out)+len(s) > end {
			// longer than its entity (none of package html's is, but
			// nothing promises it): go on in a copy, the bytes from
			// end on are still unread
			out = append(make([]byte, 0, len(b)+len(s)), out...)
			inPlace = false
		}
		out = append(out, s...)
		i = end
	}
	return out
}

// numericEntity decodes &#NNN; and &#xHH; (the semicolon may be missing).
func numericEntity(e []byte) (rune, bool) {
	if len(e) < 3 || e[1] != '#' {
		return 0, false
	}
	d := e[2:]
	if len(d) > 0 && d[len(d)-1] == ';' {
		d = d[:len(d)-1]
	}
	base := 10
	if len(d) > 0 && (d[0] == 'x' || d[0] == 'X') {
		base, d = 16, d[1:]
	}
	if len(d) == 0 || len(d) > 7 {
		return 0, false
	}
	v := 0
	for _, c := range d {
		h := hexVal(c)
		if h < 0 || h >= base {
			return 0, false
		}
		v = v*base + h
	}
	if v == 0 || v > utf8.MaxRune {
		return utf8.RuneError, true
	}
	return rune(v), true
}

// unescapePercent decodes URL escapes; with inPlace it writes over b,
// which the caller owns.
func unescapePercent(b []byte, inPlace bool) []byte {
	var out []byte
	last := 0
	for i := 0; i+2 < len(b); i++ {
		// jump to the next % (style sheets hold many 100% and no
		// escape at all)
		k := bytes.IndexByte(b[i:len(b)-2], '%')
		if k < 0 {
			break
		}
		i += k
		h, l := hexVal(b[i+1]), hexVal(b[i+2])
		if h < 0 || l < 0 {
			continue
		}
		if out == nil {
			if inPlace {
				out = b[:0]
			} else {
				out = make([]byte, 0, len(b))
			}
		}
		c := byte(h<<4 | l)
		if c == '\n' || c == '\r' {
			c = ' '
		}
		out = append(out, b[last:i]...)
		out = append(out, c)
		last = i + 3
		i += 2
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}
