package site

// Filtered and sorted list pages. Every list a visitor can reach is worked
// out here, page by page, so that the theme only places rows: the theme
// never filters, sorts or counts, and no template ranges over all pages.
//
// One filter at a time keeps the number of pages linear in the number of
// records: a dataset with N records and D filter dimensions has about
// (S + D·m)·N/pagerSize list pages per language, where S is the number
// of sort orders and m the mean number of values a record has in a
// dimension (1 for single values; more for lists such as fields).
//
// Addresses, relative to the language root:
//
//	<dataset>/                      newest first (the dataset's list page)
//	<dataset>/page/<n>/             its later pages
//	<dataset>/oldest/[page/<n>/]    oldest first
//	<dataset>/by-id/[page/<n>/]     by registration number
//	<dataset>/<facet>/<value>/[page/<n>/]  one filter value, newest first

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"disclose/generator/redact"
	"disclose/generator/schema"
	"disclose/generator/slug"
)

// facetSpec is one filter dimension of a dataset (schema.Dataset.Facets).
type facetSpec = schema.Facet

// sortSpec is one order of a dataset's unfiltered list; the first is the
// dataset's own list page.
type sortSpec struct {
	Key    string // URL segment; "" for the dataset's list page
	Zh, En string
}

var sortSpecs = []sortSpec{
	{Key: "", Zh: "最新在前", En: "Newest first"},
	{Key: "oldest", Zh: "最早在前", En: "Oldest first"},
	{Key: "by-id", Zh: "按编号", En: "By number"},
}

// reservedSegments are the first path segments under a dataset that list
// pages use; a record whose address is one of them would be hidden.
func reservedSegments(ds *schema.Dataset) map[string]bool {
	r := map[string]bool{"page": true}
	for _, s := range sortSpecs {
		if s.Key != "" {
			r[s.Key] = true
		}
	}
	for _, f := range ds.Facets {
		r[f.Key] = true
	}
	return r
}

// facetValue is one value of a dimension with the records that have it.
type facetValue struct {
	Code  string
	Label string
	// Pos are positions in the newest-first order of the dataset.
	Pos []int
}

// facetDim is a dimension with its values in panel order.
type facetDim struct {
	Spec   facetSpec
	Label  string
	Values []*facetValue
}

// recordValues returns the codes a record has in a dimension, each once.
func recordValues(r *redact.Record, spec facetSpec) []string {
	if spec.Year {
		s := r.Str(spec.Field)
		if len(s) >= 4 {
			if _, err := strconv.Atoi(s[:4]); err == nil {
				return []string{s[:4]}
			}
		}
		return nil
	}
	f := r.Dataset().Field(spec.Field)
	if f == nil {
		return nil
	}
	switch {
	case f.Type == schema.Bool:
		if r.Bool(spec.Field) {
			return []string{"yes"}
		}
		return []string{"no"}
	case f.List:
		var out []string
		seen := map[string]bool{}
		for _, v := range r.List(spec.Field) {
			if v != "" && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
		return out
	}
	if s := r.Str(spec.Field); s != "" {
		return []string{s}
	}
	return nil
}

// facetDims counts the values of every dimension of a dataset over its
// records in newest-first order. Values come in vocabulary order (years
// newest first, "yes" before "no"); codes outside the vocabulary follow,
// sorted.
func facetDims(cat *schema.Catalog, ds *schema.Dataset, recs []*redact.Record, lang string) []*facetDim {
	var dims []*facetDim
	for _, spec := range ds.Facets {
		f := ds.Field(spec.Field)
		if f == nil {
			continue
		}
		d := &facetDim{Spec: spec, Label: pick(lang, spec.Zh, spec.En)}
		if d.Label == "" {
			d.Label = pick(lang, f.Zh, f.En)
		}
		byCode := map[string]*facetValue{}
		for i, r := range recs {
			for _, c := range recordValues(r, spec) {
				v := byCode[c]
				if v == nil {
					v = &facetValue{Code: c}
					byCode[c] = v
					d.Values = append(d.Values, v)
				}
				v.Pos = append(v.Pos, i)
			}
		}
		rank := map[string]int{}
		if vocab := cat.Vocab(f.Vocab); vocab != nil && !spec.Year {
			for i, t := range vocab.Terms {
				rank[t.Code] = i + 1
			}
		}
		sort.SliceStable(d.Values, func(i, j int) bool {
			a, b := d.Values[i].Code, d.Values[j].Code
			switch {
			case spec.Year:
				return a > b
			case f.Type == schema.Bool:
				return a == "yes" && b != "yes"
			}
			ra, rb := rank[a], rank[b]
			if ra != rb {
				if ra == 0 || rb == 0 {
					return rb == 0
				}
				return ra < rb
			}
			return a < b
		})
		for _, v := range d.Values {
			switch {
			case spec.Year:
				v.Label = pick(lang, v.Code+"年", v.Code)
			case f.Type == schema.Bool:
				v.Label = pick(lang, map[string]string{"yes": "是", "no": "否"}[v.Code], map[string]string{"yes": "Yes", "no": "No"}[v.Code])
			default:
				v.Label = vocabLabel(cat, f.Vocab, v.Code, lang)
			}
		}
		dims = append(dims, d)
	}
	return dims
}

// segment is the URL segment of a value: vocabulary codes, years and
// yes/no are already plain; anything else goes through slug.Make.
func segment(code string) string {
	for _, c := range code {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return slug.Make(code)
		}
	}
	return code
}

// listFile is what the theme reads for a dataset in a language:
// assets/lists/<lang>/<dataset>.json. Rows are the table rows of every
// record once, newest first, as HTML (rowHTML); a list page names its rows
// by position.
type listFile struct {
	// Columns name the id, title and date columns (the summary line
	// speaks of them); Heads are the columns after the title.
	Columns map[string]string `json:"columns"`
	Heads   []listHead        `json:"heads"`
	Rows    []string          `json:"rows"`
	Facets  []panelDim        `json:"facets"`
	Sorts   []panelLink       `json:"sorts"`
	// First is the dataset's own list page (page 1, newest first).
	First listParams `json:"first"`
	// Pages are the other list pages, for the content adapter; they are
	// written into one file per pass (passFile).
	Pages []listPage `json:"-"`
}

type panelDim struct {
	Key    string      `json:"key"`
	Label  string      `json:"label"`
	Count  string      `json:"count"` // number of values
	Values []panelLink `json:"values"`
}

type panelLink struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Count string `json:"count,omitempty"`
	Href  string `json:"href"`
}

// listPage is one list page as the list adapter adds it: the adapter
// passes each object to AddPage as it is. List pages stay out of page
// collections (build.list never): they are not records, feeds or sitemap
// entries.
type listPage struct {
	Kind   string     `json:"kind"`
	Path   string     `json:"path"`
	Title  string     `json:"title"`
	Layout string     `json:"layout"`
	Build  listBuild  `json:"build"`
	Params listParams `json:"params"`
}

type listBuild struct {
	List   string `json:"list"`
	Render string `json:"render"`
}

// listParams are the parameters of one list page.
type listParams struct {
	List    bool   `json:"list"`
	Dataset string `json:"dataset"`
	H1      string `json:"h1"`
	// Sort is the order key of an unfiltered list ("newest", "oldest",
	// "by-id"); Facet and Value name the filter of a filtered one.
	Sort       string `json:"sort"`
	Facet      string `json:"facet,omitempty"`
	FacetLabel string `json:"facet_label,omitempty"`
	Value      string `json:"value,omitempty"`
	ValueLabel string `json:"value_label,omitempty"`
	// Clear is the address of the unfiltered list.
	Clear string `json:"clear"`
	Total string `json:"total"`
	Rows  []int  `json:"rows"`
	Pager pager  `json:"pager"`
}

// pager is the page navigation of a list: a window of page numbers around
// the current one, always with the first and the last.
type pager struct {
	N     int         `json:"n"`
	Total int         `json:"total"`
	Prev  string      `json:"prev,omitempty"`
	Next  string      `json:"next,omitempty"`
	Items []pagerItem `json:"items,omitempty"`
}

type pagerItem struct {
	N       int    `json:"n,omitempty"`
	Href    string `json:"href,omitempty"`
	Current bool   `json:"current,omitempty"`
	// Gap stands for the page numbers left out.
	Gap bool `json:"gap,omitempty"`
}

// pagerWindow is how many page numbers are shown on each side of the
// current one.
const pagerWindow = 2

func pageHref(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

func makePager(base string, n, total int) pager {
	p := pager{N: n, Total: total}
	if total <= 1 {
		return p
	}
	if n > 1 {
		p.Prev = pageHref(base, n-1)
	}
	if n < total {
		p.Next = pageHref(base, n+1)
	}
	last := 0
	add := func(i int) {
		if i <= last || i < 1 || i > total {
			return
		}
		if i > last+1 {
			p.Items = append(p.Items, pagerItem{Gap: true})
		}
		p.Items = append(p.Items, pagerItem{N: i, Href: pageHref(base, i), Current: i == n})
		last = i
	}
	add(1)
	for i := n - pagerWindow; i <= n+pagerWindow; i++ {
		add(i)
	}
	add(total)
	return p
}

// listFileFor works out every list page of a dataset in a language.
func (idx *index) listFileFor(ds *schema.Dataset, lang string) listFile {
	cat := idx.in.Catalog
	recs := idx.sorted[ds.Name]
	cols, heads := listColumns(cat, ds, lang)
	lf := listFile{Columns: cols, Heads: heads, Rows: make([]string, len(recs))}
	cells := make([]listCell, len(ds.ListColumns))
	for i, r := range recs {
		t := r.Title(lang)
		for j, key := range ds.ListColumns {
			cells[j] = idx.cell(r, ds.Field(key), lang)
		}
		lf.Rows[i] = rowHTML(lf.Heads, idx.link.href(lang, recordHref(r)), r.ID(), t, textLang(t, lang), cells)
	}
	name := pick(lang, ds.Zh, ds.En)
	root := ds.Name + "/"
	dims := facetDims(cat, ds, recs, lang)
	for _, d := range dims {
		pd := panelDim{Key: d.Spec.Key, Label: d.Label, Count: formatInt(int64(len(d.Values)))}
		for _, v := range d.Values {
			pd.Values = append(pd.Values, panelLink{Key: v.Code, Label: v.Label, Count: formatInt(int64(len(v.Pos))),
				Href: root + d.Spec.Key + "/" + segment(v.Code) + "/"})
		}
		lf.Facets = append(lf.Facets, pd)
	}

	// pages cuts one ordered list into pages; the first page of the
	// newest-first list is the dataset's own page and is kept apart.
	pages := func(base string, pos []int, p listParams, title string) {
		total := (len(pos) + pagerSize - 1) / pagerSize
		if total == 0 {
			total = 1
		}
		p.List = true
		p.Dataset = ds.Name
		p.Clear = root
		p.Total = formatInt(int64(len(pos)))
		for n := 1; n <= total; n++ {
			q := p
			lo, hi := (n-1)*pagerSize, n*pagerSize
			if hi > len(pos) {
				hi = len(pos)
			}
			q.Rows = append([]int{}, pos[lo:hi]...)
			q.Pager = makePager(base, n, total)
			t := title
			if n > 1 {
				t += " · " + pick(lang, fmt.Sprintf("第 %d 页", n), fmt.Sprintf("page %d", n))
			}
			if base == root && n == 1 {
				lf.First = q
				continue
			}
			lf.Pages = append(lf.Pages, listPage{Kind: "page", Path: strings.TrimSuffix(pageHref(base, n), "/"), Title: t, Layout: "listpage", Build: listBuild{List: "never", Render: "always"}, Params: q})
		}
	}

	newest := make([]int, len(recs))
	for i := range newest {
		newest[i] = i
	}
	for _, s := range sortSpecs {
		pos := append([]int(nil), newest...)
		key := s.Key
		switch s.Key {
		case "":
			key = "newest"
		case "oldest":
			for i, j := 0, len(pos)-1; i < j; i, j = i+1, j-1 {
				pos[i], pos[j] = pos[j], pos[i]
			}
		case "by-id":
			sort.SliceStable(pos, func(i, j int) bool { return recs[pos[i]].ID() < recs[pos[j]].ID() })
		}
		base := root
		title := name
		if s.Key != "" {
			base = root + s.Key + "/"
			title = name + " · " + pick(lang, s.Zh, s.En)
		}
		lf.Sorts = append(lf.Sorts, panelLink{Key: key, Label: pick(lang, s.Zh, s.En), Href: base})
		pages(base, pos, listParams{Sort: key, H1: title}, title)
	}
	for _, d := range dims {
		for _, v := range d.Values {
			title := name + " · " + d.Label + idx.in.Words.T(lang, "label_sep") + v.Label
			base := root + d.Spec.Key + "/" + segment(v.Code) + "/"
			pages(base, v.Pos, listParams{Sort: "newest", H1: title, Facet: d.Spec.Key, FacetLabel: d.Label, Value: v.Code, ValueLabel: v.Label}, title)
		}
	}
	return lf
}

// listColumns names the columns of a dataset's list table: the id, title
// and date columns (the summary line speaks of them), and the columns
// after the title.
func listColumns(cat *schema.Catalog, ds *schema.Dataset, lang string) (map[string]string, []listHead) {
	label := func(key string) string {
		if f := ds.Field(key); f != nil {
			return pick(lang, f.Zh, f.En)
		}
		return ""
	}
	cols := map[string]string{"id": label("id"), "title": label(ds.TitleField), "date": label(ds.DateField)}
	var heads []listHead
	for _, key := range ds.ListColumns {
		h := listHead{Key: key, Label: label(key)}
		f := ds.Field(key)
		if f.Type == schema.Date {
			h.Class = "date"
		}
		if ref := cat.Dataset(f.Ref); ref != nil {
			// the column shows the record referred to, by its title
			h.Label = pick(lang, ref.ItemZh, ref.ItemEn)
		}
		heads = append(heads, h)
	}
	return cols, heads
}

// listsFile is where the theme finds the rows, panels and first page of
// a dataset's lists.
func listsFile(lang, dataset string) string {
	return path.Join("assets", "lists", lang, dataset+".json")
}

// passFile is where the list adapter finds the list pages of a pass.
func passFile(lang, dataset string, pass int) string {
	return path.Join("assets", "lists", lang, fmt.Sprintf("%s.pages.%d.json", dataset, pass))
}

// listAdapter is the content adapter at the content root that adds every
// list page but the datasets' own.
func listAdapter(cat *schema.Catalog, passes int) []byte {
	var b strings.Builder
	b.WriteString("{{- /* Generated by disclose: the filtered and sorted list pages of every dataset, in every language, from the file of each pass (site.Params.pass; -1 reads them all). */ -}}\n")
	b.WriteString("{{- .EnableAllLanguages -}}\n")
	b.WriteString("{{- $lang := .Site.Language.Lang -}}\n")
	b.WriteString("{{- $pass := site.Params.pass -}}\n")
	b.WriteString("{{- range $ds := slice")
	for _, ds := range cat.Datasets {
		fmt.Fprintf(&b, " %q", ds.Name)
	}
	b.WriteString(" -}}\n")
	b.WriteString("{{- range slice")
	for p := range passes {
		fmt.Fprintf(&b, " %d", p)
	}
	b.WriteString(" -}}\n")
	b.WriteString(`  {{- if or (lt $pass 0) (eq $pass .) -}}
    {{- with resources.Get (printf "lists/%s/%s.pages.%d.json" $lang $ds .) -}}
      {{- range transform.Unmarshal . -}}
        {{- $.AddPage . -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
{{- end -}}
{{- end -}}
`)
	return []byte(b.String())
}

// listJobs returns the jobs that write the list files of every dataset
// and language: the rows, panels and first page, and the list pages of
// each pass. It fails when a record's address is one that list pages use.
func listJobs(idx *index, passes int) ([]job, error) {
	var jobs []job
	for _, ds := range idx.in.Catalog.Datasets {
		reserved := reservedSegments(ds)
		for _, r := range idx.sorted[ds.Name] {
			if reserved[r.Slug()] {
				return nil, fmt.Errorf("site: %s: the address of id %q is %q, which the list pages use", ds.Name, r.ID(), r.Slug())
			}
		}
		for _, lang := range langs {
			jobs = append(jobs, func(out map[string][]byte) error {
				lf := idx.listFileFor(ds, lang)
				b, err := marshal(lf)
				if err != nil {
					return err
				}
				out[listsFile(lang, ds.Name)] = b
				for p := range passes {
					_, pages := part(lf.Pages, p, passes, 1)
					if len(pages) == 0 && p > 0 {
						continue
					}
					if pages == nil {
						pages = []listPage{}
					}
					if out[passFile(lang, ds.Name, p)], err = marshal(pages); err != nil {
						return err
					}
				}
				return nil
			})
		}
	}
	return jobs, nil
}

// cell is what a record shows in a list column: vocabulary terms by their
// labels, a reference by the title of the record it names, yes or no, a
// number or a period as people read them, and text as it is (with its
// language when that is not the page's).
func (idx *index) cell(r *redact.Record, f *schema.Field, lang string) listCell {
	v, ok := r.Value(f.Key)
	if !ok {
		return listCell{}
	}
	w := idx.in.Words
	switch {
	case f.List:
		items := make([]string, 0, len(v.List))
		for _, s := range v.List {
			items = append(items, idx.display(f, s, lang))
		}
		t := strings.Join(items, w.T(lang, "list_sep"))
		if f.Type == schema.Text || f.Type == schema.Person {
			return listCell{t, textLang(t, lang)}
		}
		return listCell{Text: t}
	case f.Ref != "":
		if c, ok := idx.byID[f.Ref][v.Str]; ok {
			t := c.Title(lang)
			return listCell{t, textLang(t, lang)}
		}
		return listCell{Text: v.Str}
	case f.Type == schema.Bool:
		if v.Bool {
			return listCell{Text: w.T(lang, "yes")}
		}
		return listCell{Text: w.T(lang, "no")}
	case f.Type == schema.Int:
		return listCell{Text: formatInt(v.Int)}
	case f.Type == schema.Text || f.Type == schema.Person:
		t := idx.display(f, v.Str, lang)
		return listCell{t, textLang(t, lang)}
	}
	return listCell{Text: idx.display(f, v.Str, lang)}
}
