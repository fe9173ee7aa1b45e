package search

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// queryCase is one row of testdata/query-tokens.json, the table the Go
// tokeniser and the browser's (themes/disclose/assets/js/search.js) must
// both pass: they index and look up the same tokens and shards.
type queryCase struct {
	Q      string   `json:"q"`
	Tokens []string `json:"tokens"`
	Short  bool     `json:"short"`
}

func queryCases(t *testing.T) []queryCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "query-tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []queryCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestQueryTokensTable(t *testing.T) {
	for _, c := range queryCases(t) {
		got, short := QueryTokens(c.Q)
		if !slices.Equal(got, c.Tokens) && !(len(got) == 0 && len(c.Tokens) == 0) || short != c.Short {
			t.Errorf("QueryTokens(%q) = %q, %v; want %q, %v", c.Q, got, short, c.Tokens, c.Short)
		}
	}
}

// The browser's tokeniser passes the same table and puts each token in the
// same shard; run with Node when it is installed (CI's end-to-end run has
// it).
func TestBrowserTokeniserAgrees(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("DISCLOSE_CI") != "" {
			t.Fatal("node is needed in CI")
		}
		t.Skip("node is not installed")
	}
	shards := map[string][2]any{}
	for _, c := range queryCases(t) {
		for _, tok := range c.Tokens {
			shards[tok] = [2]any{Shard(tok, 97), Key(tok)}
		}
	}
	want, _ := json.Marshal(shards)
	cmd := exec.Command(node, filepath.Join("testdata", "query-tokens.js"),
		filepath.Join("..", "..", "themes", "disclose", "assets", "js", "search.js"),
		filepath.Join("testdata", "query-tokens.json"), string(want), strconv.Itoa(maxPrefix))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the browser's tokeniser disagrees: %v\n%s", err, out)
	}
}
