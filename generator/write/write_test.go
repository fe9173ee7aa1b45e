package write

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFiles: every file lands at its path with its bytes, at any depth,
// beside folders that are already there.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "activities", "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"index.html":                       []byte("home"),
		"downloads/cases.csv":              []byte("id\nAJ-1\n"),
		"search/zh/meta.json":              []byte(`{"docs":1}`),
		"activities/old/index.json":        []byte(`{"id":"old"}`),
		"en/activities/a/b/c/d/index.html": []byte("deep"),
	}
	for i := range 500 {
		files[fmt.Sprintf("activities/r%03d/index.json", i)] = fmt.Appendf(nil, `{"n":%d}`, i)
	}
	if err := Files(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// TestFilesRefusesUnsafePaths: one path that would leave the folder and
// nothing at all is written.
func TestFilesRefusesUnsafePaths(t *testing.T) {
	for _, bad := range []string{"../x", "a/../../x", "/etc/x", `a\b`, "a/./b", "a:b", ""} {
		dir := t.TempDir()
		err := Files(context.Background(), dir, map[string][]byte{"ok/index.html": []byte("x"), bad: []byte("x")})
		if err == nil || !strings.Contains(err.Error(), "unsafe output path") {
			t.Errorf("%q: err = %v, want an unsafe path error", bad, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%q: %d entries written, want none", bad, len(entries))
		}
	}
}

// TestFilesReportsAFileInTheWay: a file where a folder must go is an
// error, not a silent skip.
func TestFilesReportsAFileInTheWay(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cases"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Files(context.Background(), dir, map[string][]byte{"cases/aj-1/index.json": []byte("{}")}); err == nil {
		t.Fatal("no error with a file where the folder cases must go")
	}
}

// A build told to stop writes no more files.
func TestFilesStopsWhenTold(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	files := map[string][]byte{}
	for i := range 100 {
		files[fmt.Sprintf("r%03d/index.html", i)] = []byte("x")
	}
	err := Files(ctx, dir, files)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Files after cancel = %v, want context.Canceled", err)
	}
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, _ error) error {
		if d != nil && !d.IsDir() {
			n++
		}
		return nil
	})
	if n != 0 {
		t.Errorf("%d files written after the build was told to stop", n)
	}
}
