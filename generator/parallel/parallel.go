// Package parallel splits work over the cores: a list of n items in
// contiguous shares, one goroutine each.
package parallel

import (
	"runtime"
	"sync"
)

// Shares is how many shares n items make: one per core, but none smaller
// than least items (and always at least one), so that small inputs are
// not spread thin.
func Shares(n, least int) int {
	return min(runtime.GOMAXPROCS(0), max(1, n/max(least, 1)))
}

// Each calls fn for each of shares contiguous shares of n items, share s
// covering [lo, hi), each on a goroutine of its own, and returns when all
// have returned. The shares cover every item once, in order of s.
func Each(shares, n int, fn func(s, lo, hi int)) {
	var wg sync.WaitGroup
	for s := range shares {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(s, s*n/shares, (s+1)*n/shares)
		}()
	}
	wg.Wait()
}
