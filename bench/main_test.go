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
		{"stages in order", "timing read 0.050\ntiming hugo 1.5\n", []stageTime{{"read", 0.05, 0}, {"hugo", 1.5, 0}}},
		{"other lines ignored", "3 warning(s)\ntiming scan 0.092\nleak: x\n", []stageTime{{"scan", 0.092, 0}}},
		{"malformed seconds dropped", "timing read fast\n", nil},
		{"nothing", "", nil},
		{"a stage run twice is summed in its first place", "timing downloads 1.25\ntiming prescan 0.5\ntiming search 2\ntiming downloads 0.25\ntiming prescan 0.25\n",
			[]stageTime{{"downloads", 1.5, 0}, {"prescan", 0.75, 0}, {"search", 2, 0}}},
		{"cpu time after the wall time", "timing hugo 12.500 cpu=20.250\ntiming scan downloads 0.5 cpu=0.9\ntiming hugo 0.5 cpu=0.75\n",
			[]stageTime{{"hugo", 13, 21}, {"scan downloads", 0.5, 0.9}}},
		{"malformed cpu dropped", "timing read 1 cpu=fast\n", nil},
		{"a name with spaces", "timing scan downloads 0.5\ntiming guard records 0.25\n", []stageTime{{"scan downloads", 0.5, 0}, {"guard records", 0.25, 0}}},
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

// The one-line theme cuts the page templates and nothing else, and the
// build that uses it keeps a working site of its own.
func TestFloorConfig(t *testing.T) {
	dir := t.TempDir()
	cfg, err := configCopy("../disclose.toml", dir)
	if err != nil {
		t.Fatal(err)
	}
	floorTheme(t, cfg, dir)
}

// A configuration without a themes folder uses the theme built into the
// program: the one-line theme is made from that.
func TestFloorConfigBuiltinTheme(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "disclose.toml"), []byte("[site]\ntitle_en = \"T\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := configCopy(filepath.Join(src, "disclose.toml"), dir)
	if err != nil {
		t.Fatal(err)
	}
	floorTheme(t, cfg, dir)
}

// floorTheme makes the one-line theme of cfg and checks it against the
// project's theme, which is also the one built into the program.
func floorTheme(t *testing.T, cfg, dir string) {
	t.Helper()
	p, err := floorConfig(cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Paths map[string]string }
	if _, err := toml.DecodeFile(p, &got); err != nil {
		t.Fatal(err)
	}
	themes := filepath.Join(dir, "floor-themes")
	if got.Paths["themes"] != themes {
		t.Errorf("paths.themes = %q, want %q", got.Paths["themes"], themes)
	}
	if got.Paths["work"] == filepath.Join(dir, "work", "site") {
		t.Errorf("paths.work is the main build's")
	}
	read := func(root, name string) string {
		b, err := os.ReadFile(filepath.Join(root, "disclose", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, name := range []string{"layouts/page.html", "layouts/baseof.html", "layouts/listpage.html"} {
		if s := read(themes, name); s != "{{ .Title }}\n" {
			t.Errorf("%s = %q, want one line", name, s)
		}
	}
	for _, name := range []string{"layouts/_partials/pager.html", "layouts/rss.xml", "i18n/en.toml"} {
		if read(themes, name) != read("../themes", name) {
			t.Errorf("%s differs from the theme's", name)
		}
	}
}
