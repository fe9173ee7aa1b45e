package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"disclose/generator/schema"
)

// pandas reads the XLSX with its defaults into the right columns: the keys
// as column names, one row per record, whole numbers as numbers, and
// identifiers with their leading zeros. Runs where python3 has pandas and
// openpyxl (CI's end-to-end run installs them).
func TestPandasReadsTheXLSXWithDefaults(t *testing.T) {
	// the first Python that has both: the one on PATH, or Debian's
	python := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import pandas, openpyxl").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		if os.Getenv("DISCLOSE_CI") != "" {
			t.Fatal("python3 with pandas and openpyxl is needed in CI")
		}
		t.Skip("python3 with pandas and openpyxl is not installed")
	}
	cat := schema.MustDefault()
	recs := fixture(t, cat)
	out := generate(t, input(t, cat, recs))
	dir := t.TempDir()
	path := filepath.Join(dir, "committees.xlsx")
	if err := os.WriteFile(path, out.Files["downloads/committees.xlsx"], 0o644); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range columns(cat, cat.Dataset("committees")) {
		keys = append(keys, c.Key)
	}
	n := 0
	for _, r := range recs {
		if r.Dataset.Name == "committees" {
			n++
		}
	}
	script := `
import sys, pandas
df = pandas.read_excel(sys.argv[1])
keys = sys.argv[2].split(",")
assert list(df.columns) == keys, ("columns", list(df.columns))
assert len(df) == int(sys.argv[3]), ("rows", len(df))
assert str(df["members"].dtype) in ("int64", "float64"), ("members", df["members"].dtype)
assert "007" in set(df["id"]), ("ids", list(df["id"]))
`
	cmd := exec.Command(python, "-c", script, path, strings.Join(keys, ","), strconv.Itoa(n))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pandas.read_excel with its defaults: %v\n%s", err, b)
	}
}
