// Package slug turns record ids into URL path segments. Real registers use
// ids such as "国科伦审〔2023〕12号" or "KJLL/2023/0012": the segment must be
// safe in any URL and file system, stable from release to release (it is
// the record's permanent address) and unique.
package slug

import (
	"crypto/sha256"
	"encoding/binary"
	"net/url"
	"strings"
)

// Make returns the URL segment for an id: lower-case ASCII letters and
// digits, with every other run of characters turned into one hyphen. Ids
// made only of ASCII letters, digits and single inner hyphens map to
// themselves in lower case ("KJLL-2023-0012" → "kjll-2023-0012"); ids are
// upper-cased on input, so case loses nothing. Any other id gets the first
// eight letters of its SHA-256 appended, so no two ids share a segment:
// "国科伦审〔2023〕12号" → "2023-12-" + hash.
func Make(id string) string {
	var b strings.Builder
	lossy := false
	pendingHyphen := false
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '-':
			if pendingHyphen || b.Len() == 0 {
				lossy = true
			}
			pendingHyphen = true
			continue
		default:
			lossy = true
			pendingHyphen = true
			// skip the rest of a multi-byte character
			continue
		}
		if pendingHyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		pendingHyphen = false
		b.WriteByte(c)
	}
	if pendingHyphen {
		lossy = true
	}
	s := b.String()
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
		lossy = true
	}
	if !lossy && s != "" {
		return s
	}
	h := hash(id)
	if s == "" {
		return "r-" + h
	}
	return s + "-" + h
}

// hashLetters are the consonants that cannot be mistaken for digits (no l):
// a hash made of them never spells a word and never joins the digits of an
// id into something that looks like a phone or ID number.
const hashLetters = "bcdfghjkmnpqrstvwxz"

// hash returns eight letters derived from the SHA-256 of the id (about 34
// bits).
func hash(id string) string {
	sum := sha256.Sum256([]byte(id))
	n := binary.BigEndian.Uint64(sum[:8])
	var b [8]byte
	for i := range b {
		b[i] = hashLetters[n%uint64(len(hashLetters))]
		n /= uint64(len(hashLetters))
	}
	return string(b[:])
}

// Base returns the site's base URL as every link to a record starts with:
// with one slash at the end ("" is the root, "/") and its path
// percent-encoded as Hugo writes it (https://example.org/伦理/ gives
// https://example.org/%E4%BC%A6%E7%90%86/). Pages and downloads both use
// it, so they link to a record by the same address.
func Base(u string) string {
	if u == "" {
		return "/"
	}
	b := strings.TrimSuffix(u, "/") + "/"
	if p, err := url.Parse(b); err == nil {
		return p.String()
	}
	return b
}
