package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"disclose/generator/scan"
)

// A finding in a file that holds many records names the record of its
// line, when the line holds exactly one record's id.
func TestLineSourceNamesTheRecordOfTheLine(t *testing.T) {
	root := t.TempDir()
	csv := "id,facts\nAJ-2025-0001,见‹leak›\nAJ-2025-0002,另一案\nAJ-2025-0001 与 AJ-2025-0002 合并\n国科伦审〔2023〕12号,见‹leak›\nAJ-2025-00011,另一编号\n"
	if err := os.MkdirAll(filepath.Join(root, "downloads"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "downloads", "cases.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	src := map[string]string{"#AJ-2025-0001": "data/cases.xlsx:2025!A2", "#AJ-2025-0002": "data/cases.xlsx:2025!A3", "#国科伦审〔2023〕12号": "data/cases.xlsx:2025!A4"}
	for _, tc := range []struct {
		line int
		want string
	}{
		{2, "data/cases.xlsx:2025!A2"},
		{3, "data/cases.xlsx:2025!A3"},
		{4, ""},                        // two records: no guess
		{5, "data/cases.xlsx:2025!A4"}, // an id in Chinese characters
		{6, ""},                        // AJ-2025-0001 is not inside AJ-2025-00011
		{1, ""},                        // the header
		{0, ""},                        // the file's name
	} {
		f := scan.Finding{Path: "downloads/cases.csv", Line: tc.line, Kind: scan.KindNeedle}
		if got := newLineSources(src, root).of(f); got != tc.want {
			t.Errorf("line %d: the record of the line = %q, want %q", tc.line, got, tc.want)
		}
	}
}
