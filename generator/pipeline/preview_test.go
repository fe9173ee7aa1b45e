package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/internal/fake"
	"disclose/generator/pipeline"
)

// TestPreviewRebuild edits a workbook under a running preview, as a data
// officer does: the page open in the browser shows the change after the
// rebuild, a page not visited shows it when it is next requested, and
// redaction holds as in a build.
func TestPreviewRebuild(t *testing.T) {
	fx := seeded()
	root := t.TempDir()
	data, out := filepath.Join(root, "data"), filepath.Join(root, "preview")
	writeBooks(t, data, fx.books)
	var stderr bytes.Buffer
	p := pipeline.NewPreview(pipeline.Options{Config: testConfig(root, ""), DataDir: data, OutDir: out, AsOf: asOf, Stderr: &stderr})
	defer p.Close()

	page := func(url string) string {
		t.Helper()
		if err := p.Visit(url); err != nil {
			t.Fatalf("Visit(%s): %v", url, err)
		}
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(url), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const (
		open   = "/committees/kjll-2024-0002/"
		list   = "/en/committees/"
		before = "乙测试大学科技伦理委员会"
		after  = "乙测试大学科技伦理委员会（更名）"
	)
	res, err := p.Build(context.Background())
	if err != nil {
		t.Fatalf("first Build: %v\n%s", err, stderr.String())
	}
	if res.Pages == 0 {
		t.Fatal("first Build rendered no pages")
	}
	if s := page(open); !strings.Contains(s, before) || strings.Contains(s, after) {
		t.Fatalf("%s before the edit lacks %q", open, before)
	}

	books := map[string]string{}
	for name, desc := range fx.books {
		books[name] = strings.ReplaceAll(desc, before, after)
	}
	writeBooks(t, data, books)
	if _, err := p.Build(context.Background()); err != nil {
		t.Fatalf("second Build: %v\n%s", err, stderr.String())
	}
	// The open page was rendered by the rebuild itself.
	b, err := os.ReadFile(filepath.Join(out, "committees", "kjll-2024-0002", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), after) {
		t.Errorf("%s after the rebuild lacks the new name %q", open, after)
	}
	if s := page(list); !strings.Contains(s, after) {
		t.Errorf("%s, requested after the rebuild, lacks the new name %q", list, after)
	}

	// Redaction is the same as in a build.
	err = filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) == ".zip" || filepath.Ext(path) == ".xlsx" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, c := range []string{"张小测", "金丝雀不公开委员会一", "13900139000"} {
			if strings.Contains(string(b), c) {
				t.Errorf("%s holds %q", path, c)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPreviewLeakGuard: a preview runs the leak guard too. A hand-written
// page with a fake ID number fails the preview build, the page is deleted
// from the preview and the report does not repeat the number.
func TestPreviewLeakGuard(t *testing.T) {
	fx := seeded()
	root := t.TempDir()
	data, out := filepath.Join(root, "data"), filepath.Join(root, "preview")
	writeBooks(t, data, fx.books)
	fake := fake.ID("19700303", "777")
	content := leakingContent(t, root, fake)
	var stderr bytes.Buffer
	p := pipeline.NewPreview(pipeline.Options{Config: testConfig(root, content), DataDir: data, OutDir: out, AsOf: asOf, Stderr: &stderr})
	defer p.Close()
	if _, err := p.Build(context.Background()); !errors.Is(err, pipeline.ErrLeak) {
		t.Fatalf("preview with a leaking page = %v, want ErrLeak\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "contact-us") {
		t.Errorf("the leak report does not name the page:\n%s", stderr.String())
	}
	if strings.Contains(stderr.String(), fake) {
		t.Errorf("the leak report repeats the ID number")
	}
	if _, err := os.Stat(filepath.Join(out, "contact-us", "index.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the leaking page is still in the preview (%v)", err)
	}
}

// TestPreviewRecordLeaves: a record deleted from its workbook while the
// preview runs leaves no page behind.
func TestPreviewRecordLeaves(t *testing.T) {
	fx := seeded()
	root := t.TempDir()
	data, out := filepath.Join(root, "data"), filepath.Join(root, "preview")
	writeBooks(t, data, fx.books)
	var stdout, stderr bytes.Buffer
	p := pipeline.NewPreview(pipeline.Options{Config: testConfig(root, ""), DataDir: data, OutDir: out, AsOf: asOf, Stdout: &stdout, Stderr: &stderr})
	defer p.Close()
	if _, err := p.Build(context.Background()); err != nil {
		t.Fatalf("first Build: %v\n%s", err, stderr.String())
	}
	page := filepath.Join(out, "committees", "kjll-2024-0002", "index.html")
	if _, err := os.Stat(page); err != nil {
		t.Fatalf("the record's page before the edit: %v", err)
	}
	books := map[string]string{}
	for name, desc := range fx.books {
		var keep []string
		for _, line := range strings.Split(desc, "\n") {
			if !strings.Contains(line, "| KJLL-2024-0002 |") {
				keep = append(keep, line)
			}
		}
		books[name] = strings.Join(keep, "\n")
	}
	if err := os.RemoveAll(data); err != nil {
		t.Fatal(err)
	}
	writeBooks(t, data, books)
	if _, err := p.Build(context.Background()); err != nil {
		t.Fatalf("second Build: %v\n%s", err, stderr.String())
	}
	for _, f := range []string{page, filepath.Join(out, "en", "committees", "kjll-2024-0002", "index.html"), filepath.Join(out, "committees", "kjll-2024-0002", "index.json")} {
		if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still in the preview after the record was deleted (%v)", f, err)
		}
	}
	if !strings.Contains(stdout.String(), "starts afresh") {
		t.Errorf("the preview does not say it starts afresh:\n%s", stdout.String())
	}
}
