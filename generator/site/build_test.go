package site

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"disclose/generator/hugo"
)

var (
	siteOut  = flag.String("site.out", "", "also build the test site into this directory, to look at it")
	siteWork = flag.String("site.work", "", "also write the generated working site into this directory")
)

// writeSite writes the generated files under dir.
func writeSite(t testing.TB, files map[string][]byte, dir string) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func buildInput(t testing.TB, extra int) Input {
	in := fixture(t, extra)
	themes, err := filepath.Abs("../../themes")
	if err != nil {
		t.Fatal(err)
	}
	content, err := filepath.Abs("testdata/content")
	if err != nil {
		t.Fatal(err)
	}
	in.Config.ThemesDir = themes
	in.Config.ContentDir = content
	return in
}

func build(t *testing.T, in Input, out string) {
	t.Helper()
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	writeSite(t, files, work)
	var stderr bytes.Buffer
	if _, err := hugo.Build(hugo.Options{SiteDir: work, OutDir: out, Stderr: &stderr}); err != nil {
		t.Fatalf("hugo.Build: %v\n%s", err, stderr.String())
	}
	if s := stderr.String(); s != "" {
		t.Errorf("hugo wrote to stderr:\n%s", s)
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBuildSite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo")
	}
	in := buildInput(t, 60)
	in.Downloads = []Download{{Path: "downloads/activities.csv", Dataset: "activities", Format: "csv", Size: 1536, SHA256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Records: 63}}
	out1, out2 := t.TempDir(), t.TempDir()
	if *siteOut != "" {
		build(t, in, *siteOut)
	}
	if *siteWork != "" {
		files, err := Generate(in)
		if err != nil {
			t.Fatal(err)
		}
		writeSite(t, files, *siteWork)
	}
	build(t, in, out1)
	build(t, in, out2)
	a, b := readTree(t, out1), readTree(t, out2)

	tests := []struct {
		name, path string
		want       []string
		notWant    []string
	}{
		{"zh record", "activities/hr-2024-0001/index.html",
			[]string{`<html lang="zh-CN">`, "侵入式脑机接口用于神经、精神类疾病治疗的临床研究", `href="/committees/kjll-2023-0001/"`, `href="/en/activities/hr-2024-0001/"`, "李某"},
			[]string{"李四", "110101199001011234"}},
		{"en record", "en/activities/hr-2024-0001/index.html",
			[]string{`<html lang="en">`, "Clinical research using invasive brain-computer interfaces", `href="/en/committees/kjll-2023-0001/"`, `href="/activities/hr-2024-0001/"`},
			[]string{"侵入式脑机接口用于神经、精神类疾病治疗的临床研究"}},
		{"committee back-links", "committees/kjll-2023-0001/index.html",
			[]string{`href="/activities/hr-2024-0001/"`, `href="/cases/aj-2025-0001/"`, "本委员会审查的高风险科技活动"}, nil},
		{"list page 1 newest first", "activities/index.html",
			[]string{"HR-2024-0003", `href="/activities/page/2/"`, "共公开 63 条记录"}, []string{"HR-2023-0001<"}},
		{"list page 2", "activities/page/2/index.html", []string{"第 2 页，共 2 页"}, nil},
		{"withheld counts", "en/cases/index.html", []string{"Records not published: 3 (2 not yet due for publication; 1 withdrawn)."}, nil},
		{"downloads", "en/data/index.html", []string{`href="/downloads/activities.csv"`, "Registered high-risk activities", "1.5 KB", "<td class=\"n\" data-label=\"Records\">63</td>", `id="vocab-violation_type"`}, nil},
		{"home links the data page", "en/index.html", []string{`href="/en/data/"`}, []string{`href="/downloads/activities.csv"`}},
		{"statistics", "statistics/index.html", []string{`<svg class="chart-svg"`, `aria-labelledby="chart-activities-category-cap"`, `<figcaption id="chart-activities-category-cap">`, "只计入已公开的记录"}, nil},
		{"record json", "en/activities/hr-2024-0001/index.html", []string{`<link rel="alternate" type="application/json" href="/activities/hr-2024-0001/index.json">`, `<a href="/activities/hr-2024-0001/index.json" type="application/json">`}, nil},
		{"typical case principles", "cases/aj-2025-0001/index.html", []string{"涉及的科技伦理原则", "合理控制风险"}, nil},
		{"withheld on about", "en/about/index.html", []string{`id="withheld-h"`, "2 not yet due for publication"}, nil},
		{"home", "index.html", []string{"最新公开", `href="/cases/aj-2025-0001/"`, "数据截至 2025-12-31"}, nil},
		{"hand-written page", "en/about/index.html", []string{"A placeholder page for tests.", `href="/about/"`}, nil},
		{"rss limit", "activities/index.xml", []string{"<pubDate>Sat, 20 Apr 2024 00:00:00 +0800</pubDate>"}, nil},
		{"404", "404.html", []string{"页面不存在"}, nil},
		{"en 404", "en/404.html", []string{"Page not found"}, nil},
		{"robots", "robots.txt", []string{"Sitemap: https://ethics.example.org/sitemap.xml"}, nil},
		{"sitemap pages", "sitemap-pages.xml", []string{"<loc>https://ethics.example.org/activities/</loc>", "<loc>https://ethics.example.org/about/</loc>"}, []string{"hr-2024-0001"}},
		{"sitemap index", "sitemap.xml", []string{"https://ethics.example.org/sitemaps/records-1.xml"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := a[tt.path]
			if !ok {
				t.Fatalf("no page %s", tt.path)
			}
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("%s lacks %q", tt.path, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(s, w) {
					t.Errorf("%s contains %q", tt.path, w)
				}
			}
		})
	}
	if n := strings.Count(a["activities/index.xml"], "<item>"); n != 50 {
		t.Errorf("activities feed has %d items, want 50", n)
	}
	if len(a) != len(b) {
		t.Errorf("second build has %d files, first %d", len(b), len(a))
	}
	for p, s := range a {
		if b[p] != s {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func TestBuildEmptySite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo")
	}
	in := buildInput(t, 0)
	in.Records = nil
	in.Config.ContentDir = t.TempDir() // no hand-written pages
	out := t.TempDir()
	build(t, in, out)
	for _, p := range []string{"index.html", "en/index.html", "activities/index.html", "en/reports/index.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("empty site: %v", err)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "activities/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "暂无公开记录") {
		t.Errorf("empty list page does not say that nothing is published")
	}
}

var cpuProfile = flag.String("site.cpuprofile", "", "write a CPU profile of the large build here")

var scaleThemes = flag.String("site.themes", "", "themes directory for the large build (to compare templates)")

var scale = flag.Int("site.scale", 0, "build a site with this many extra activities and report the time")

func TestBuildScale(t *testing.T) {
	if *scale == 0 {
		t.Skip("set -site.scale=N to build a large site")
	}
	in := buildInput(t, *scale)
	if *scaleThemes != "" {
		in.Config.ThemesDir = *scaleThemes
	}
	start := time.Now()
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	gen := time.Since(start)
	work := t.TempDir()
	writeSite(t, files, work)
	out := t.TempDir()
	if *siteOut != "" {
		out = *siteOut
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	start = time.Now()
	st, err := hugo.Build(hugo.Options{SiteDir: work, OutDir: out, Stderr: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records: Generate %v, Hugo %v for %d pages", *scale+7, gen, time.Since(start), st.Pages)
}
