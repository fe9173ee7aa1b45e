package fold

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// safeRanges are the characters stable accepts when there is nothing to
// fold.
var safeRanges = [][2]rune{{0, 0x2ff}, {0x2010, 0x205e}, {0x3001, 0x303f}, {0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xff01, 0xffef}}

// TestStableIsExact: wherever stable says width has nothing to do, the
// full folding and normalisation leave the text as it is, for every
// character it accepts, alone and between others.
func TestStableIsExact(t *testing.T) {
	var accepted []rune
	for _, rg := range safeRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			for _, all := range []bool{false, true} {
				for _, s := range []string{string(r), "a" + string(r) + "e", "中" + string(r) + "，", string(r) + string(r)} {
					if stable(s, all) && fold(s, all) != s {
						t.Fatalf("stable(%q, %v) but fold gives %q", s, all, fold(s, all))
					}
				}
			}
			if stable(string(r), false) {
				accepted = append(accepted, r)
			}
		}
	}
	// random text from the accepted characters
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteRune(accepted[rng.IntN(len(accepted))])
		}
		s := b.String()
		if fold(s, false) != s {
			t.Fatalf("fold(%q) = %q, but stable accepts it", s, fold(s, false))
		}
	}
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"经查，该院于2023年未经审查开展研究。", true},
		{"２０２３年", false},              // full-width digits fold
		{"登\u200b记", false},           // zero-width space goes
		{"e\u0301", false},            // a combining mark composes
		{"\u212a", false},             // Kelvin sign becomes K
		{"\uf900", false},             // a compatibility ideograph decomposes
		{"（一）依法依规", true},             // full-width punctuation is kept
		{"A\u3000B", false},           // ideographic space folds
		{"脑机接口 Brain–computer", true}, // en dash
	} {
		if got := stable(tt.s, false); got != tt.want {
			t.Errorf("stable(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func FuzzStable(f *testing.F) {
	for _, s := range []string{"经查，该院", "ＡＢ", "e\u0301", "\uf900中", "¨\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, all := range []bool{false, true} {
			if stable(s, all) && fold(s, all) != s {
				t.Errorf("stable(%q, %v) but fold gives %q", s, all, fold(s, all))
			}
		}
	})
}
