package parallel

import (
	"runtime"
	"testing"
)

// TestEach: every item falls in exactly one share, the shares are
// contiguous and in order, whatever the number of items and shares.
func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000, 1001, 99999} {
		for shares := 1; shares <= 5; shares++ {
			seen := make([]int, n)
			bounds := make([][2]int, shares)
			Each(shares, n, func(s, lo, hi int) {
				bounds[s] = [2]int{lo, hi}
				for i := lo; i < hi; i++ {
					seen[i]++ // shares never overlap, so no race
				}
			})
			for i, c := range seen {
				if c != 1 {
					t.Fatalf("n=%d shares=%d: item %d seen %d times", n, shares, i, c)
				}
			}
			for s := 1; s < shares; s++ {
				if bounds[s][0] != bounds[s-1][1] {
					t.Fatalf("n=%d shares=%d: share %d starts at %d, the one before ends at %d", n, shares, s, bounds[s][0], bounds[s-1][1])
				}
			}
		}
	}
}

// TestShares: one share per core for large inputs, never a share below
// the least size, and always one.
func TestShares(t *testing.T) {
	cores := runtime.GOMAXPROCS(0)
	if got := Shares(0, 1000); got != 1 {
		t.Errorf("Shares(0) = %d, want 1", got)
	}
	if got := Shares(1500, 1000); got != 1 {
		t.Errorf("Shares(1500, 1000) = %d, want 1", got)
	}
	if got := Shares(1000*cores*3, 1000); got != cores {
		t.Errorf("Shares(%d, 1000) = %d, want %d (the cores)", 1000*cores*3, got, cores)
	}
}
