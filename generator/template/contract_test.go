package template

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/diff"

	"disclose/generator/schema"
)

var update = flag.Bool("update", false, "rewrite docs/data-contract.md from the schema")

// docs/data-contract.md is what the schema says, so it cannot drift: run
// go test ./generator/template -update after changing the schema.
func TestContractIsTheSchema(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "data-contract.md")
	got := Contract(schema.MustDefault())
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/template -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("docs/data-contract.md is not what the schema says (go test ./generator/template -update):\n%s", diff.Diff(path, want, "schema", got))
	}
}
