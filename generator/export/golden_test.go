package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"

	"disclose/generator/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden compares the text outputs of the fixture with the files in
// testdata/golden; run with -update to refresh them, then read the diff.
func TestGolden(t *testing.T) {
	cat := schema.MustDefault()
	out := generate(t, input(t, cat, fixture(t, cat)))
	for _, p := range []string{
		"downloads/committees.csv",
		"downloads/cases.json",
		"downloads/datapackage.json",
		"downloads/data-dictionary.json",
		"downloads/manifest.json",
		"committees/007/index.json",
	} {
		t.Run(p, func(t *testing.T) {
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "__"))
			got := out.Files[p]
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run go test -update if the change is meant):\n%s", p, golden, diff.Diff(golden, want, p, got))
			}
		})
	}
}
