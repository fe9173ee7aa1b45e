package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// listFileOf reads the list file of a dataset in a language with the list
// pages of every pass.
func listFileOf(t *testing.T, files map[string][]byte, lang, dataset string) listFile {
	t.Helper()
	var lf listFile
	if err := json.Unmarshal(files[listsFile(lang, dataset)], &lf); err != nil {
		t.Fatalf("%s: %v", listsFile(lang, dataset), err)
	}
	for _, pages := range passParts[listPage](t, files, func(p int) string { return passFile(lang, dataset, p) }) {
		lf.Pages = append(lf.Pages, pages...)
	}
	return lf
}

// TestFacetCounts checks every count in the filter panel against the
// records that have the value, and that the value's pages list exactly
// those records, newest first.
func TestFacetCounts(t *testing.T) {
	in := fixture(t, 60)
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, lang, dataset, facet, value string
		want                              int
	}{
		{"activities in Beijing", "zh", "activities", "region", "110000", 62},
		{"activities in Shanghai", "en", "activities", "region", "310000", 1},
		{"activities registered 2024", "zh", "activities", "year", "2024", 3},
		{"pending re-review", "zh", "activities", "rereview_result", "pending", 1},
		{"committees in the AI field (a list field)", "zh", "committees", "fields", "ai", 1},
		{"cases without review", "zh", "cases", "violation_types", "no_review", 1},
		{"typical cases", "en", "cases", "typical", "yes", 1},
		{"reports of 2024", "zh", "reports", "year", "2024", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lf := listFileOf(t, files, tt.lang, tt.dataset)
			var got string
			for _, d := range lf.Facets {
				for _, v := range d.Values {
					if d.Key == tt.facet && v.Key == tt.value {
						got = v.Count
					}
				}
			}
			if got != strconv.Itoa(tt.want) {
				t.Errorf("count(%s=%s) = %q, want %q", tt.facet, tt.value, got, strconv.Itoa(tt.want))
			}
			// Walk the value's pages: together they list the matching
			// records once each.
			n := 0
			for _, p := range lf.Pages {
				if p.Params.Facet != tt.facet || p.Params.Value != tt.value {
					continue
				}
				n += len(p.Params.Rows)
			}
			if n != tt.want {
				t.Errorf("pages of %s=%s list %d rows, want %d", tt.facet, tt.value, n, tt.want)
			}
		})
	}
}

// TestFacetPagesMatch checks, for every filter value of every dataset,
// that its pages list only records with that value, newest first.
func TestFacetPagesMatch(t *testing.T) {
	in := fixture(t, 60)
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := newIndex(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range in.Catalog.Datasets {
		lf := listFileOf(t, files, "zh", ds.Name)
		recs := idx.sorted[ds.Name]
		specs := map[string]facetSpec{}
		for _, s := range ds.Facets {
			specs[s.Key] = s
		}
		for _, p := range lf.Pages {
			if p.Params.Facet == "" {
				continue
			}
			last := -1
			for _, i := range p.Params.Rows {
				r := recs[i]
				if !contains(recordValues(r, specs[p.Params.Facet]), p.Params.Value) {
					t.Errorf("%s lists %s, whose %s is %v, not %q", p.Path, r.ID(), p.Params.Facet, recordValues(r, specs[p.Params.Facet]), p.Params.Value)
				}
				if i <= last {
					t.Errorf("%s: rows not newest first", p.Path)
				}
				last = i
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestPager(t *testing.T) {
	tests := []struct {
		name     string
		n, total int
		want     string
	}{
		{"single page", 1, 1, ""},
		{"first of three", 1, 3, "[1] 2 3"},
		{"middle of many", 10, 20, "1 … 8 9 [10] 11 12 … 20"},
		{"near the start", 3, 20, "1 2 [3] 4 5 … 20"},
		{"last", 20, 20, "1 … 18 19 [20]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := makePager("activities/", tt.n, tt.total)
			var parts []string
			for _, it := range p.Items {
				switch {
				case it.Gap:
					parts = append(parts, "…")
				case it.Current:
					parts = append(parts, "["+strconv.Itoa(it.N)+"]")
				default:
					parts = append(parts, strconv.Itoa(it.N))
				}
			}
			if got := strings.Join(parts, " "); got != tt.want {
				t.Errorf("makePager(%d, %d) = %q, want %q", tt.n, tt.total, got, tt.want)
			}
		})
	}
	p := makePager("activities/region/110000/", 2, 3)
	if p.Prev != "activities/region/110000/" || p.Next != "activities/region/110000/page/3/" {
		t.Errorf("makePager(2, 3) prev, next = %q, %q, want the value page and its page 3", p.Prev, p.Next)
	}
}

// TestFacetLinksBuilt builds the site and follows every link of every
// filter panel and pager: each must lead to a page that was written, and
// a filtered page names its filter and marks it.
func TestFacetLinksBuilt(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo")
	}
	in := buildInput(t, 60)
	out := t.TempDir()
	build(t, in, out)
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	exists := func(lang, href string) bool {
		p := filepath.Join(out, filepath.FromSlash(href), "index.html")
		if lang == "en" {
			p = filepath.Join(out, "en", filepath.FromSlash(href), "index.html")
		}
		_, err := os.Stat(p)
		return err == nil
	}
	pages := 0
	for _, ds := range in.Catalog.Datasets {
		for _, lang := range langs {
			lf := listFileOf(t, files, lang, ds.Name)
			for _, d := range lf.Facets {
				for _, v := range d.Values {
					if !exists(lang, v.Href) {
						t.Errorf("%s %s: filter link %s leads nowhere", lang, ds.Name, v.Href)
					}
				}
			}
			for _, s := range lf.Sorts {
				if !exists(lang, s.Href) {
					t.Errorf("%s %s: sort link %s leads nowhere", lang, ds.Name, s.Href)
				}
			}
			for _, p := range append(lf.Pages, listPage{Params: lf.First}) {
				pages++
				for _, it := range p.Params.Pager.Items {
					if it.Href != "" && !exists(lang, it.Href) {
						t.Errorf("%s %s: pager link %s leads nowhere", lang, p.Path, it.Href)
					}
				}
			}
		}
	}
	if pages == 0 {
		t.Fatal("no list pages")
	}
	b, err := os.ReadFile(filepath.Join(out, "en/activities/region/310000/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		"<h1 id=\"list-title\">Registered high-risk activities · Region: Shanghai</h1>",
		`<a href="/en/activities/region/310000/" aria-current="true">`,
		`href="/en/activities/">Clear filter</a>`,
		`href="/en/activities/hr-2024-0003/"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("Shanghai activities page lacks %q", want)
		}
	}
	if n := len(regexp.MustCompile(`<tr><td>`).FindAllString(s, -1)); n != 1 {
		t.Errorf("Shanghai activities page lists %d records, want 1", n)
	}
	b, err = os.ReadFile(filepath.Join(out, "activities/region/110000/page/2/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`rel="prev"`, `href="/activities/region/110000/"`, "第 2 页，共 2 页",
		// the filter values and their counts are on the first page only,
		// which page 2 links to
		`<p class="more-filters"><a href="/activities/region/110000/">全部筛选项及其记录数见第 1 页</a></p>`,
		`当前筛选：<strong>地区：北京市</strong>`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("page 2 of Beijing activities lacks %q", want)
		}
	}
	if strings.Contains(string(b), `<details class="facet"`) {
		t.Errorf("page 2 of Beijing activities repeats the filter values of page 1")
	}
	first, err := os.ReadFile(filepath.Join(out, "activities/region/110000/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(first), `<details class="facet" open>`) || strings.Contains(string(first), `more-filters`) {
		t.Errorf("page 1 of Beijing activities lacks its filter values")
	}
}
