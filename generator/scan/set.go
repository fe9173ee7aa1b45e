package scan

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"unsafe"
)

// keyLen is the length of the anchor every pattern of a Set starts with.
// Six bytes hold two Chinese characters, the shortest name worth finding.
const keyLen = 6

// MinPatternLen is the shortest pattern, in bytes, that a Set accepts;
// shorter ones are left out by NewSet.
const MinPatternLen = keyLen

// Set finds many literal byte strings at once. Each pattern is anchored on
// its first six bytes: a 128 Ki-bit filter on a hash of the first three
// bytes (one Chinese character; it fits in the first-level cache) rules
// out most positions, a larger filter on the six-byte anchor rules out
// most of the rest, an open-addressing table on the anchor picks the
// patterns that start with it, and a binary-search walk over the
// sorted patterns finds the longest one that matches. The cost per byte
// does not grow with the number of patterns, and memory is the patterns
// themselves plus a small index; it suits hundreds of thousands of names
// and record texts.
type Set struct {
	// start marks the bytes that begin a pattern: most bytes of a page
	// (markup, the second and third bytes of a Chinese character) are
	// passed over on one load.
	start [256]bool
	pats  []string
	first []uint64 // filter bits, by hash3
	// second is a filter on the whole anchor, with about sixteen bits an
	// anchor: with hundreds of thousands of names and texts beginning with
	// every Chinese character, first passes almost every character of a
	// Chinese text, and second keeps most of them from the table, whose
	// slots are far apart in memory.
	second     []uint64
	secondBits uint
	slots      []slot // open addressing on the anchor
	shift      uint
	// parent is the longest other pattern that is a prefix of each
	// pattern, or -1.
	parent []int32
}

// slot is an anchor and the range of the patterns that begin with it, in
// one place so that a probe touches one cache line.
type slot struct {
	key    uint64 // anchor+1; 0 is empty
	lo, hi int32
}

const filterBits = 17

func hash3(b0, b1, b2 byte) uint32 {
	return (uint32(b0)<<16 | uint32(b1)<<8 | uint32(b2)) * 0x9E3779B1 >> (32 - filterBits)
}

// NewSet builds a Set; patterns shorter than MinPatternLen bytes and
// duplicates are dropped.
func NewSet(patterns []string) *Set {
	s := &Set{first: make([]uint64, 1<<filterBits/64)}
	for _, p := range patterns {
		if len(p) >= keyLen {
			s.pats = append(s.pats, p)
		}
	}
	sort.Strings(s.pats)
	out := s.pats[:0]
	for i, p := range s.pats {
		if i == 0 || p != s.pats[i-1] {
			out = append(out, p)
			s.start[p[0]] = true
		}
	}
	s.pats = out
	s.parent = make([]int32, len(s.pats))
	var stack []int32
	for i, p := range s.pats {
		for len(stack) > 0 && !strings.HasPrefix(p, s.pats[stack[len(stack)-1]]) {
			stack = stack[:len(stack)-1]
		}
		s.parent[i] = -1
		if len(stack) > 0 {
			s.parent[i] = stack[len(stack)-1]
		}
		stack = append(stack, int32(i))
	}
	type grp struct {
		key    uint64
		lo, hi int32
	}
	var groups []grp
	for i := 0; i < len(s.pats); {
		k := anchor(s.pats[i])
		j := i + 1
		for j < len(s.pats) && anchor(s.pats[j]) == k {
			j++
		}
		groups = append(groups, grp{k, int32(i), int32(j)})
		h := hash3(s.pats[i][0], s.pats[i][1], s.pats[i][2])
		s.first[h/64] |= 1 << (h % 64)
		i = j
	}
	size := 1
	for size < 2*len(groups) {
		size <<= 1
	}
	s.shift = 64
	for x := size; x > 1; x >>= 1 {
		s.shift--
	}
	s.slots = make([]slot, size)
	s.secondBits = 16
	for 1<<s.secondBits < 16*len(groups) && s.secondBits < 26 {
		s.secondBits++
	}
	s.second = make([]uint64, 1<<s.secondBits/64)
	for _, g := range groups {
		i := s.slot(g.key)
		for s.slots[i].key != 0 {
			i = (i + 1) & (len(s.slots) - 1)
		}
		s.slots[i] = slot{g.key + 1, g.lo, g.hi}
		h := s.hash6(g.key)
		s.second[h/64] |= 1 << (h % 64)
	}
	return s
}

func (s *Set) slot(key uint64) int {
	if s.shift >= 64 {
		return 0
	}
	return int((key * 0x9E3779B97F4A7C15) >> s.shift)
}

func (s *Set) hash6(key uint64) uint64 {
	return (key * 0xD6E8FEB86659FD93) >> (64 - s.secondBits)
}

// lookup returns the range of patterns with the given anchor.
func (s *Set) lookup(key uint64) (int, int, bool) {
	if h := s.hash6(key); s.second[h/64]&(1<<(h%64)) == 0 {
		return 0, 0, false
	}
	mask := len(s.slots) - 1
	for i := s.slot(key); ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.key == 0 {
			return 0, 0, false
		}
		if sl.key == key+1 {
			return int(sl.lo), int(sl.hi), true
		}
	}
}

// Len returns the number of patterns in the set.
func (s *Set) Len() int { return len(s.pats) }

// Pattern returns pattern i as NewSet sorted them.
func (s *Set) Pattern(i int) string { return s.pats[i] }

func anchor(p string) uint64 {
	var k uint64
	for i := 0; i < keyLen; i++ {
		k = k<<8 | uint64(p[i])
	}
	return k
}

// Find calls fn for the longest pattern that starts at each position, left
// to right, without overlaps. fn gets the span and the pattern's index and
// returns false to stop.
func (s *Set) Find(b []byte, fn func(start, end, pat int) bool) {
	if len(s.pats) == 0 {
		return
	}
	n := len(b)
	first := s.first
	for i := 0; i+keyLen <= n; i++ {
		if !s.start[b[i]] {
			continue
		}
		h := hash3(b[i], b[i+1], b[i+2])
		if first[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		lo, hi, ok := s.lookup(anchor6(b[i:]))
		if !ok {
			continue
		}
		if p := s.longest(b[i:], lo, hi); p >= 0 {
			if !fn(i, i+len(s.pats[p]), p) {
				return
			}
			i += len(s.pats[p]) - 1
		}
	}
}

// All calls fn for every occurrence of every pattern, overlapping ones
// included, in order of start (longest first at one start). fn returns
// false to stop.
func (s *Set) All(b []byte, fn func(start, end, pat int) bool) {
	if len(s.pats) == 0 {
		return
	}
	n := len(b)
	for i := 0; i+keyLen <= n; i++ {
		if !s.start[b[i]] {
			continue
		}
		h := hash3(b[i], b[i+1], b[i+2])
		if s.first[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		lo, hi, ok := s.lookup(anchor6(b[i:]))
		if !ok {
			continue
		}
		for p := s.longest(b[i:], lo, hi); p >= 0; p = int(s.parent[p]) {
			if !fn(i, i+len(s.pats[p]), p) {
				return
			}
		}
	}
}

func anchor6(b []byte) uint64 {
	if len(b) >= 8 {
		return binary.BigEndian.Uint64(b) >> 16
	}
	var k uint64
	for j := 0; j < keyLen; j++ {
		k = k<<8 | uint64(b[j])
	}
	return k
}

// longest returns the index of the longest pattern in pats[lo:hi] (which
// all share the anchor) that is a prefix of t, or -1. Every pattern that is
// a prefix of t sorts at or before the last pattern p ≤ t and is a prefix
// of p, so it is found on p's chain of prefix patterns within the common
// prefix of p and t.
func (s *Set) longest(t []byte, lo, hi int) int {
	// last pattern ≤ t; they all begin with t's anchor
	i, j := lo, hi
	if j-i > 1 {
		rest := t[keyLen:]
		for i < j {
			m := int(uint(i+j) >> 1)
			if compare(s.pats[m][keyLen:], rest) <= 0 {
				i = m + 1
			} else {
				j = m
			}
		}
	} else if compare(s.pats[i], t) <= 0 {
		i++
	}
	p := i - 1
	if p < lo {
		return -1
	}
	l := keyLen + lcp(s.pats[p][keyLen:], t[keyLen:])
	for p >= 0 && len(s.pats[p]) > l {
		p = int(s.parent[p])
	}
	return p
}

// compare orders a pattern against text the way sorted strings are
// ordered. It views the pattern's bytes in place (read only) so that the
// runtime's vectorised comparison does the work.
func compare(p string, t []byte) int {
	return bytes.Compare(unsafe.Slice(unsafe.StringData(p), len(p)), t[:min(len(t), len(p)+1)])
}

func lcp(p string, t []byte) int {
	n := min(len(p), len(t))
	k := 0
	for k < n && p[k] == t[k] {
		k++
	}
	return k
}

// Within reports which of cands occur, as typed, inside any of texts. A
// candidate shorter than MinPatternLen counts only when it equals a whole
// text. It is for values of records not published that another record
// publishes anyway, such as a stock sentence inside a published summary.
func Within(cands []string, texts []string) map[string]bool {
	out := map[string]bool{}
	var long []string
	short := map[string]bool{}
	for _, c := range cands {
		if len(c) >= MinPatternLen {
			long = append(long, c)
		} else if c != "" {
			short[c] = true
		}
	}
	if len(long) == 0 && len(short) == 0 {
		return out
	}
	set := NewSet(long)
	for _, t := range texts {
		if short[t] {
			out[t] = true
		}
		if set.Len() > 0 {
			set.All(unsafe.Slice(unsafe.StringData(t), len(t)), func(_, _, p int) bool {
				out[set.Pattern(p)] = true
				return true
			})
		}
	}
	return out
}
