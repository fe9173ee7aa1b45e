package pipeline_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"disclose/generator/config"
	"disclose/generator/pipeline"
	"disclose/generator/scan"
)

// A site rendered by Hugo in several passes, each holding a part of the
// records and list pages, is the same site, byte for byte, as one pass
// renders: the same files, the same pages and the same page count.
func TestPassesGiveTheSameSite(t *testing.T) {
	one := t.TempDir()
	if err := os.CopyFS(filepath.Join(one, "data"), os.DirFS(filepath.Join(project(t), "data"))); err != nil {
		t.Fatal(err)
	}
	many := t.TempDir()
	if err := os.CopyFS(filepath.Join(many, "data"), os.DirFS(filepath.Join(project(t), "data"))); err != nil {
		t.Fatal(err)
	}
	a := build(t, one, nil, "")
	b := build(t, many, nil, "", func(c *config.Config) { c.Build.RecordsPerPass = 120 })
	for _, x := range []*built{a, b} {
		if x.err != nil {
			t.Fatalf("build: %v\n%s", x.err, x.stderr)
		}
	}
	// The sample holds about 400 public records: four passes of 120.
	passes, err := filepath.Glob(filepath.Join(many, "work", "assets", "records", "zh", "activities.*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(passes) < 3 {
		t.Fatalf("records_per_pass = 120 wrote %d pass files of activities, want at least 3: %v", len(passes), passes)
	}
	if a.res.Pages != b.res.Pages {
		t.Errorf("one pass built %d pages, several passes %d", a.res.Pages, b.res.Pages)
	}
	sa, sb := snapshot(t, a.out), snapshot(t, b.out)
	var missing, extra, differ []string
	for name, data := range sa {
		other, ok := sb[name]
		switch {
		case !ok:
			missing = append(missing, name)
		case other != data:
			differ = append(differ, name)
		}
	}
	for name := range sb {
		if _, ok := sa[name]; !ok {
			extra = append(extra, name)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	sort.Strings(differ)
	if len(missing)+len(extra)+len(differ) > 0 {
		t.Errorf("several passes: %d files missing %v, %d extra %v, %d different %v",
			len(missing), head(missing), len(extra), head(extra), len(differ), head(differ))
	}
	// What the build says the output holds is what is on disk.
	for _, x := range []*built{a, b} {
		if want := walkTree(t, x.out); x.res.Output != want {
			t.Errorf("the build reports its output as %+v; on disk it is %+v", x.res.Output, want)
		}
	}

	// The preview renders every part at once, in one Hugo.
	cfg := testConfig(many, "")
	cfg.Build.RecordsPerPass = 120
	preview := filepath.Join(many, "preview")
	p := pipeline.NewPreview(pipeline.Options{Config: cfg, DataDir: filepath.Join(many, "data"), OutDir: preview, AsOf: asOf, Stderr: b.stderr})
	defer p.Close()
	res, err := p.Build(context.Background())
	if err != nil {
		t.Fatalf("preview: %v\n%s", err, b.stderr)
	}
	if res.Pages != a.res.Pages {
		t.Errorf("the preview rendered %d pages, the build %d", res.Pages, a.res.Pages)
	}
	for name := range sa {
		if _, err := os.Stat(filepath.Join(preview, name)); err != nil {
			t.Errorf("the preview has no %s", name)
		}
	}
}

// walkTree counts what a folder holds, as a host would.
func walkTree(t *testing.T, dir string) scan.Tree {
	t.Helper()
	var tr scan.Tree
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p == dir:
		case d.IsDir():
			tr.Folders++
		default:
			tr.Files++
			info, err := d.Info()
			if err != nil {
				return err
			}
			tr.Bytes += info.Size()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func head(s []string) []string {
	if len(s) > 5 {
		return s[:5]
	}
	return s
}
