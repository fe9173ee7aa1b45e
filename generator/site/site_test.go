package site

import (
	"encoding/json"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"disclose/generator/schema"
	"disclose/generator/slug"
)

// passParts reads the JSON array that name gives for pass 0, 1, … up to
// the first pass without a file, one slice per pass.
func passParts[T any](t *testing.T, files map[string][]byte, name func(pass int) string) [][]T {
	t.Helper()
	var parts [][]T
	for pass := 0; ; pass++ {
		b, ok := files[name(pass)]
		if !ok {
			return parts
		}
		var part []T
		if err := json.Unmarshal(b, &part); err != nil {
			t.Fatalf("%s: %v", name(pass), err)
		}
		parts = append(parts, part)
	}
}

// recordsOf reads the record pages of a dataset in a language from the
// files of every pass.
func recordsOf(t *testing.T, files map[string][]byte, lang, dataset string) map[string]recordPage {
	t.Helper()
	parts := passParts[recordPage](t, files, func(p int) string { return dataFile(lang, dataset, p) })
	if len(parts) == 0 {
		t.Fatalf("no file %s", dataFile(lang, dataset, 0))
	}
	out := map[string]recordPage{}
	for _, part := range parts {
		for _, p := range part {
			out[p.Params.ID] = p
		}
	}
	return out
}

var (
	// one field of a record page's list, after its `\n<dt id="f-`
	fieldRe = regexp.MustCompile(`(?s)^([a-z_]+)">([^<]*)\n<dd(?: lang="([a-zA-Z-]+)")?>(.*)$`)
	itemRe  = regexp.MustCompile(`<li>(.*?)</li>`)
	aRe     = regexp.MustCompile(`^<a href="([^"]*)">(.*)</a>$`)
	hrefRe  = regexp.MustCompile(`<a href="([^"]*)"`)
)

// fieldOf reads one field back from the HTML of a record page's body, as
// a reader of the page sees it.
func fieldOf(p recordPage, key string) (field, bool) {
	list, _, _ := strings.Cut(p.Params.Body, "\n</dl>")
	for _, part := range strings.Split(list, "\n<dt id=\"f-")[1:] {
		m := fieldRe.FindStringSubmatch(part)
		if m == nil {
			continue
		}
		if m[1] != key {
			continue
		}
		f := field{Key: m[1], Label: html.UnescapeString(m[2]), Lang: m[3]}
		switch dd := m[4]; {
		case strings.HasPrefix(dd, "<ul>"):
			for _, it := range itemRe.FindAllStringSubmatch(dd, -1) {
				f.Items = append(f.Items, html.UnescapeString(it[1]))
			}
		case aRe.MatchString(dd):
			a := aRe.FindStringSubmatch(dd)
			f.Href, f.Text = html.UnescapeString(a[1]), html.UnescapeString(a[2])
		default:
			f.Text = html.UnescapeString(dd)
		}
		return f, true
	}
	return field{}, false
}

// hrefsOf lists the link targets in a piece of HTML.
func hrefsOf(s string) []string {
	var out []string
	for _, m := range hrefRe.FindAllStringSubmatch(s, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

func TestGenerateFiles(t *testing.T) {
	files, err := Generate(fixture(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"hugo.toml", "content/_index.md", "content/_index.en.md",
		"content/activities/_content.gotmpl", "content/activities/_index.md", "content/activities/_index.en.md",
		"assets/records/zh/committees.0.json", "assets/records/en/reports.0.json",
		"assets/sitemap.xml", "assets/sitemaps/records-1.xml",
	} {
		if _, ok := files[name]; !ok {
			t.Errorf("Generate: no %s", name)
		}
	}
}

func TestRecordFields(t *testing.T) {
	files, err := Generate(fixture(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	zh := recordsOf(t, files, "zh", "activities")
	en := recordsOf(t, files, "en", "activities")
	tests := []struct {
		name  string
		lang  string
		page  recordPage
		key   string
		text  string
		items string
		href  string
	}{
		{"category label zh", "zh", zh["HR-2024-0001"], "category", "侵入式脑机接口用于神经、精神类疾病治疗的临床研究", "", ""},
		{"category label en", "en", en["HR-2024-0001"], "category", "Clinical research using invasive brain-computer interfaces to treat neurological or mental disorders", "", ""},
		{"region zh", "zh", zh["HR-2024-0001"], "region", "北京市", "", ""},
		{"region en", "en", en["HR-2024-0001"], "region", "Beijing", "", ""},
		{"bool zh", "zh", zh["HR-2024-0001"], "international", "是", "", ""},
		{"bool en", "en", en["HR-2024-0001"], "international", "Yes", "", ""},
		{"person masked", "zh", zh["HR-2024-0001"], "lead", "李某", "", ""},
		{"person masked, in pinyin on English pages", "en", en["HR-2024-0001"], "lead", "Li Mou", "", ""},
		{"list stays list", "en", en["HR-2024-0001"], "partner_countries", "", "新加坡", ""},
		{"committee link", "zh", zh["HR-2024-0001"], "committee_id", "示例大学科技伦理委员会（KJLL-2023-0001）", "", "/committees/kjll-2023-0001/"},
		{"committee link hashed slug", "en", en["HR-2024-0003"], "committee_id", "示例医院医学伦理委员会 (国科伦审〔2023〕12号)", "", "/en/committees/" + slug.Make("国科伦审〔2023〕12号") + "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := fieldOf(tt.page, tt.key)
			if !ok {
				t.Fatalf("%s: no field %q", tt.page.Params.ID, tt.key)
			}
			if f.Text != tt.text {
				t.Errorf("field %q text = %q, want %q", tt.key, f.Text, tt.text)
			}
			if got := strings.Join(f.Items, "|"); got != tt.items {
				t.Errorf("field %q items = %q, want %q", tt.key, got, tt.items)
			}
			if f.Href != tt.href {
				t.Errorf("field %q href = %q, want %q", tt.key, f.Href, tt.href)
			}
		})
	}
	if _, ok := fieldOf(zh["HR-2024-0001"], "lead_id_number"); ok {
		t.Errorf("secret field lead_id_number reached the site")
	}
	if strings.Contains(string(files[dataFile("zh", "activities", 0)]), "110101199001011234") {
		t.Errorf("an ID number reached the site data")
	}
	if got, want := en["HR-2024-0001"].Title, "Invasive BCI for refractory epilepsy"; got != want {
		t.Errorf("English title = %q, want %q", got, want)
	}
	if got, want := zh["HR-2024-0001"].Title, "侵入式脑机接口治疗难治性癫痫的临床研究"; got != want {
		t.Errorf("Chinese title = %q, want %q", got, want)
	}
}

func TestCommitteeBackLinks(t *testing.T) {
	files, err := Generate(fixture(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	c := recordsOf(t, files, "zh", "committees")["KJLL-2023-0001"]
	got := map[string][]string{}
	for _, r := range c.Params.Related {
		got[r.Kind] = append(got[r.Kind], hrefsOf(r.List)...)
	}
	want := map[string]string{
		"reviewed": "/activities/hr-2024-0002/ /activities/hr-2024-0001/",
		"cases":    "/cases/aj-2025-0001/",
	}
	for kind, w := range want {
		if g := strings.Join(got[kind], " "); g != w {
			t.Errorf("committee related %s = %q, want %q", kind, g, w)
		}
	}
}

func TestListOrderNewestFirst(t *testing.T) {
	files, err := Generate(fixture(t, 3))
	if err != nil {
		t.Fatal(err)
	}
	var pages []recordPage
	if err := json.Unmarshal(files[dataFile("zh", "activities", 0)], &pages); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i, p := range pages {
		if p.Weight != i+1 {
			t.Errorf("page %s weight = %d, want %d", p.Params.ID, p.Weight, i+1)
		}
		ids = append(ids, p.Params.ID)
	}
	want := "HR-2024-0003 HR-2024-0002 HR-2024-0001 HR-2023-0003 HR-2023-0002 HR-2023-0001"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("activities order = %q, want %q", got, want)
	}
}

func TestHomeAndSection(t *testing.T) {
	files, err := Generate(fixture(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	var home homeFront
	if err := json.Unmarshal(files["content/_index.en.md"], &home); err != nil {
		t.Fatal(err)
	}
	var latest []string
	for _, l := range home.Latest {
		latest = append(latest, l.Href)
	}
	if got, want := strings.Join(latest[:3], " "), "cases/aj-2025-0001/ reports/bg-2024-h1-001/ activities/hr-2024-0003/"; got != want {
		t.Errorf("latest = %q, want %q", got, want)
	}
	if got, want := home.Datasets[1].Count, "3"; got != want {
		t.Errorf("activities count = %q, want %q", got, want)
	}
	var sec sectionFront
	if err := json.Unmarshal(files["content/cases/_index.md"], &sec); err != nil {
		t.Fatal(err)
	}
	if sec.WithheldTotal != "3" || len(sec.Withheld) != 2 || sec.Withheld[0].Reason != "embargoed" || sec.Withheld[1].Reason != "withdrawn" {
		t.Errorf("cases withheld = %q %+v, want 3 embargoed then withdrawn", sec.WithheldTotal, sec.Withheld)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"int small", formatInt(7), "7"},
		{"int thousands", formatInt(12345), "12,345"},
		{"int millions", formatInt(1234567), "1,234,567"},
		{"period year zh", schema.PeriodLabel("2024", "zh"), "2024年"},
		{"period half zh", schema.PeriodLabel("2024-H1", "zh"), "2024年上半年"},
		{"period quarter zh", schema.PeriodLabel("2024-Q3", "zh"), "2024年第三季度"},
		{"period quarter en", schema.PeriodLabel("2024-Q3", "en"), "2024 Q3"},
		{"rss date", rssDate("2024-02-01"), "Thu, 01 Feb 2024 00:00:00 +0800"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestSitemapChunks(t *testing.T) {
	in := fixture(t, 4) // 11 records → 22 URLs
	files, err := generate(in, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"assets/sitemaps/records-1.xml", "assets/sitemaps/records-2.xml", "assets/sitemaps/records-3.xml"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if n := strings.Count(string(files["assets/sitemaps/records-1.xml"]), "<url>"); n != 10 {
		t.Errorf("records-1.xml has %d URLs, want 10", n)
	}
	if n := strings.Count(string(files["assets/sitemaps/records-3.xml"]), "<url>"); n != 2 {
		t.Errorf("records-3.xml has %d URLs, want 2", n)
	}
	idx := string(files["assets/sitemap.xml"])
	for _, want := range []string{"https://ethics.example.org/sitemap-pages.xml", "https://ethics.example.org/en/sitemap-pages.xml", "https://ethics.example.org/sitemaps/records-3.xml"} {
		if !strings.Contains(idx, want) {
			t.Errorf("sitemap index lacks %s", want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, err := Generate(fixture(t, 5))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(fixture(t, 5))
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("file count %d then %d", len(a), len(b))
	}
	for name, x := range a {
		if string(x) != string(b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestRelatedLimit(t *testing.T) {
	files, err := Generate(fixture(t, relatedLimit+5))
	if err != nil {
		t.Fatal(err)
	}
	c := recordsOf(t, files, "en", "committees")["KJLL-2023-0001"]
	r := c.Params.Related[0]
	if n := len(hrefsOf(r.List)); r.Count != "107" || r.Shown != "100" || n != relatedLimit {
		t.Errorf("related = count %q shown %q with %d links, want 107, 100 and %d", r.Count, r.Shown, n, relatedLimit)
	}
}

func TestTextLang(t *testing.T) {
	tests := []struct {
		name, text, lang, want string
	}{
		{"chinese on english page", "示例大学", "en", "zh-CN"},
		{"english on english page", "Example University", "en", ""},
		{"english title on chinese page", "Invasive BCI for refractory epilepsy", "zh", "en"},
		{"id on chinese page", "HR-2024-0001", "zh", ""},
		{"chinese on chinese page", "示例大学 附属医院", "zh", ""},
	}
	for _, tt := range tests {
		if got := textLang(tt.text, tt.lang); got != tt.want {
			t.Errorf("%s: textLang(%q, %q) = %q, want %q", tt.name, tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestContentConflict(t *testing.T) {
	tests := []struct {
		name, file string
		wantErr    bool
	}{
		{"home page", "zh/_index.md", true},
		{"dataset list", "en/cases/_index.md", true},
		{"education page", "zh/education/_index.md", false},
		{"page inside a dataset folder", "zh/cases/howto.md", true},
		{"page beside the home page", "en/about.md", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, filepath.FromSlash(tt.file))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("---\ntitle: x\n---\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			in := fixture(t, 0)
			in.Config.ContentDir = dir
			_, err := Generate(in)
			if gotErr := err != nil; gotErr != tt.wantErr {
				t.Errorf("Generate with %s: error %v, want error %v", tt.file, err, tt.wantErr)
			}
		})
	}
}

// Counts over withheld records below the threshold show only as "fewer
// than N", and the total then becomes a lower bound so the small count
// cannot be worked out by subtraction.
func TestWithheldSuppression(t *testing.T) {
	tests := []struct {
		name      string
		counts    map[string]int
		lang      string
		wantTotal string
		wantN     []string
	}{
		{"all large", map[string]int{"embargoed": 4, "withdrawn": 5}, "en", "9", []string{"4", "5"}},
		{"one small", map[string]int{"embargoed": 4, "withdrawn": 1}, "en", "at least 5", []string{"4", "fewer than 3"}},
		{"one small zh", map[string]int{"expired": 7, "withdrawn": 2}, "zh", "至少 8", []string{"7", "少于 3"}},
		{"total small", map[string]int{"withdrawn": 2}, "en", "fewer than 3", []string{"fewer than 3"}},
		{"none", map[string]int{}, "en", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total := withheldList(themeWords(t), tt.counts, tt.lang, 3)
			if total != tt.wantTotal {
				t.Errorf("total = %q, want %q", total, tt.wantTotal)
			}
			var got []string
			for _, w := range list {
				got = append(got, w.N)
			}
			if strings.Join(got, "|") != strings.Join(tt.wantN, "|") {
				t.Errorf("counts = %q, want %q", got, tt.wantN)
			}
		})
	}
}

// A site split into Hugo passes puts every record in exactly one pass, in
// order and with the weights of one pass, the newest records (the feed
// items) in the first pass, and every list page in exactly one pass.
func TestPasses(t *testing.T) {
	in := fixture(t, 60)
	whole, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	in.PassRecords = 20
	passes := Passes(in)
	if passes < 3 {
		t.Fatalf("Passes = %d with %d records per pass, want at least 3", passes, in.PassRecords)
	}
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["hugo.toml"]), "pass = -1") || !strings.Contains(string(files["hugo.toml"]), "[segments.passes]") {
		t.Errorf("hugo.toml has no pass parameter or passes segment:\n%s", files["hugo.toml"])
	}
	for _, ds := range in.Catalog.Datasets {
		for _, lang := range langs {
			var want []recordPage
			if err := json.Unmarshal(whole[dataFile(lang, ds.Name, 0)], &want); err != nil {
				t.Fatal(err)
			}
			var got []recordPage
			for p, part := range passParts[recordPage](t, files, func(p int) string { return dataFile(lang, ds.Name, p) }) {
				if p == 0 && len(part) < min(len(want), rssLimit) {
					t.Errorf("%s %s: pass 0 holds %d records, want the first %d (the feed)", ds.Name, lang, len(part), min(len(want), rssLimit))
				}
				got = append(got, part...)
			}
			if len(got) != len(want) {
				t.Fatalf("%s %s: the passes hold %d records, one pass %d", ds.Name, lang, len(got), len(want))
			}
			for i := range want {
				if got[i].Path != want[i].Path || got[i].Weight != want[i].Weight || got[i].Weight != i+1 {
					t.Errorf("%s %s: record %d is %s (weight %d) in the passes, %s (weight %d) in one", ds.Name, lang, i, got[i].Path, got[i].Weight, want[i].Path, want[i].Weight)
				}
			}
			lw, lg := listFileOf(t, whole, lang, ds.Name), listFileOf(t, files, lang, ds.Name)
			if len(lw.Pages) == 0 || len(lg.Pages) != len(lw.Pages) {
				t.Fatalf("%s %s: the passes hold %d list pages, one pass %d", ds.Name, lang, len(lg.Pages), len(lw.Pages))
			}
			for i := range lw.Pages {
				if lg.Pages[i].Path != lw.Pages[i].Path {
					t.Errorf("%s %s: list page %d is %s in the passes, %s in one", ds.Name, lang, i, lg.Pages[i].Path, lw.Pages[i].Path)
				}
			}
		}
	}
	activities, ok := files[path.Join("content", "activities", "_content.gotmpl")]
	if !ok || !strings.Contains(string(activities), "slice 0 1 2") {
		t.Errorf("the adapter of activities does not read every pass:\n%s", activities)
	}
}

// TestRecordLinks: a record page's own address, its head links and the
// link to the other language follow the base URL, as Hugo's .Permalink
// and .RelPermalink do for other pages.
func TestRecordLinks(t *testing.T) {
	for _, tc := range []struct {
		base string
		// abs and rel are what the links start with: the base URL and
		// its path, a path in Chinese percent-encoded as Hugo writes it.
		abs, rel string
	}{
		{"", "/", "/"},
		{"https://example.org/ethics", "https://example.org/ethics/", "/ethics/"},
		{"https://example.org/伦理/", "https://example.org/%E4%BC%A6%E7%90%86/", "/%E4%BC%A6%E7%90%86/"},
	} {
		in := fixture(t, 0)
		in.Config.BaseURL = tc.base
		files, err := Generate(in)
		if err != nil {
			t.Fatal(err)
		}
		p := recordsOf(t, files, "en", "activities")["HR-2024-0001"].Params
		const page = "activities/hr-2024-0001/"
		if want := tc.abs + "en/" + page; p.Permalink != want {
			t.Errorf("base %q: permalink %q, want %q", tc.base, p.Permalink, want)
		}
		head := `<link rel="canonical" href="` + tc.abs + "en/" + page + `">
<link rel="alternate" hreflang="zh-CN" href="` + tc.abs + page + `">
<link rel="alternate" hreflang="en" href="` + tc.abs + "en/" + page + `">
<link rel="alternate" type="application/json" href="` + tc.rel + page + `index.json">`
		if p.Head != head {
			t.Errorf("base %q: head\n%s\nwant\n%s", tc.base, p.Head, head)
		}
		other := `<a class="lang-switch" href="` + tc.rel + page + `" hreflang="zh-CN" lang="zh-CN">中文</a>`
		if p.Other != other {
			t.Errorf("base %q: other %s, want %s", tc.base, p.Other, other)
		}
	}
}
