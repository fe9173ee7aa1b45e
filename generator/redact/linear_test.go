package redact

import (
	"strings"
	"testing"
	"time"
)

// TestScrubLinearTime feeds inputs that would take minutes if any part of
// the cleaner were quadratic.
func TestScrubLinearTime(t *testing.T) {
	s := newScrubber(ph, nil, nil, nil, nil)
	for _, in := range []string{
		strings.Repeat("1 ", 100000),
		strings.Repeat("1", 200000),
		strings.Repeat("a@", 100000),
		strings.Repeat("a", 100000) + "@qq.com",
		strings.Repeat("p", 100000),
		strings.Repeat("证E12345678 ", 10000),
		strings.Repeat("１\u200b", 100000),
		strings.Repeat("0A", 100000),
		strings.Repeat("X1", 100000),
		strings.Repeat("1-", 100000),
		strings.Repeat("\xe2", 100000),
	} {
		t0 := time.Now()
		s.scrub(in, newRecordNames(), func(string, string) {})
		if d := time.Since(t0); d > 2*time.Second {
			t.Errorf("scrub(%q...) took %v, want well under a second", in[:10], d)
		}
	}
}
