package scan

import (
	"math/rand/v2"
	"syscall"
	"testing"
	"time"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func cpuMBs(b *testing.B, n int, f func()) {
	b.SetBytes(int64(n))
	b.ResetTimer()
	c := cpuTime()
	for i := 0; i < b.N; i++ {
		f()
	}
	b.ReportMetric(float64(n)*float64(b.N)/1e6/(cpuTime()-c).Seconds(), "MB/cpu-s")
}

func microData() ([]byte, []string) {
	r := rand.New(rand.NewPCG(1, 2))
	var data []byte
	for i := 0; len(data) < 8<<20; i++ {
		data = append(data, benchPage(r, i)...)
	}
	var needles []string
	for i := 0; i < 150000; i++ {
		needles = append(needles, benchName(r))
	}
	return data, needles
}

func BenchmarkDetect(b *testing.B) {
	data, _ := microData()
	d := NewDetector(Guard, nil)
	cpuMBs(b, len(data), func() { d.Find(data, func(Match) {}) })
}

func BenchmarkNeedles(b *testing.B) {
	data, needles := microData()
	s := NewSet(needles)
	cpuMBs(b, len(data), func() { s.Find(data, func(int, int, int) bool { return true }) })
}

func BenchmarkDecode(b *testing.B) {
	data, _ := microData()
	cpuMBs(b, len(data), func() { decode(data) })
}

// BenchmarkNumeralProbe measures the look for Chinese numerals alone,
// the part of Detect that runs whatever the bytes are.
func BenchmarkNumeralProbe(b *testing.B) {
	data, _ := microData()
	cpuMBs(b, len(data), func() {
		for p := nextNumeral(data, 0, len(data)); p < len(data); p = nextNumeral(data, p+probeStride, len(data)) {
		}
	})
}

// BenchmarkNeedlesTexts is the guard of a large build: besides names, the
// needles are withheld records' titles and texts, which start with any
// character, so most Chinese characters of a page begin some needle.
func BenchmarkNeedlesTexts(b *testing.B) {
	data, needles := microData()
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 100000; i++ {
		t := []rune(benchText(r, 40))
		k := r.IntN(len(t) - 8)
		needles = append(needles, string(t[k:k+8+r.IntN(len(t)-k-8)]))
	}
	s := NewSet(needles)
	cpuMBs(b, len(data), func() { s.Find(data, func(int, int, int) bool { return true }) })
}
