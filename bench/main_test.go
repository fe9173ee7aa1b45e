package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestParseTimings(t *testing.T) {
	tests := []struct {
		name, in string
		want     []stageTime
	}{
		{"stages in order", "timing read 0.050\ntiming hugo 1.5\n", []stageTime{{"read", 0.05}, {"hugo", 1.5}}},
		{"other lines ignored", "3 warning(s)\ntiming scan 0.092\nleak: x\n", []stageTime{{"scan", 0.092}}},
		{"malformed seconds dropped", "timing read fast\n", nil},
		{"nothing", "", nil},
		{"a stage run twice is summed in its first place", "timing downloads 1.25\ntiming prescan 0.5\ntiming search 2\ntiming downloads 0.25\ntiming prescan 0.25\n",
			[]stageTime{{"downloads", 1.5}, {"prescan", 0.75}, {"search", 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseTimings(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseTimings(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// The copy must keep the builds of the project and of the benchmark apart.
func TestConfigCopyRedirectsPaths(t *testing.T) {
	src := t.TempDir()
	dst := t.TempDir()
	cfg := "[site]\ntitle_en = \"T\"\n[paths]\nwork = \".disclose/site\"\ncontent = \"content\"\nthemes = \"themes\"\n"
	if err := os.WriteFile(filepath.Join(src, "disclose.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := configCopy(filepath.Join(src, "disclose.toml"), dst)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Site  map[string]string
		Paths map[string]string
	}
	if _, err := toml.DecodeFile(p, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"work":    filepath.Join(dst, "work", "site"),
		"report":  filepath.Join(dst, "work", "report.json"),
		"data":    filepath.Join(dst, "data"),
		"out":     filepath.Join(dst, "public"),
		"content": filepath.Join(src, "content"),
		"themes":  filepath.Join(src, "themes"),
	}
	for k, w := range want {
		if got.Paths[k] != w {
			t.Errorf("paths.%s = %q, want %q", k, got.Paths[k], w)
		}
	}
	if got.Site["title_en"] != "T" {
		t.Errorf("site.title_en = %q, want %q (other sections are kept)", got.Site["title_en"], "T")
	}
}
