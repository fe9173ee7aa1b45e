package export

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"disclose/generator/schema"
)

// TestWriteSample writes the output for the fixture plus synthetic records
// to $EXPORT_SAMPLE_DIR, for the external validators (testdata/validate.js,
// LibreOffice, sha256sum -c). EXPORT_SAMPLE_RECORDS sets how many synthetic
// records (default 1000). Without the variable the test is skipped.
func TestWriteSample(t *testing.T) {
	dir := os.Getenv("EXPORT_SAMPLE_DIR")
	if dir == "" {
		t.Skip("EXPORT_SAMPLE_DIR not set")
	}
	count := 1000
	if v := os.Getenv("EXPORT_SAMPLE_RECORDS"); v != "" {
		var err error
		if count, err = strconv.Atoi(v); err != nil {
			t.Fatalf("EXPORT_SAMPLE_RECORDS=%q: %v", v, err)
		}
	}
	cat := schema.MustDefault()
	in := input(t, cat, append(fixture(t, cat), synthetic(cat, count)...))
	start := time.Now()
	out := generate(t, in)
	t.Logf("Generate: %d records, %d files in %v", count+len(fixture(t, cat)), len(out.Files), time.Since(start))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, p := range sortedKeys(out.Files) {
		if err := root.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := root.WriteFile(p, out.Files[p], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range out.Downloads {
		t.Logf("%-45s %10d bytes  %5d records", f.Path, f.Size, f.Records)
	}
}

func BenchmarkGenerate1000(b *testing.B) {
	cat := schema.MustDefault()
	in := input(b, cat, synthetic(cat, 1000))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Generate(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
}
