// Package site turns the public records into the working directory of a
// Hugo site: hugo.toml, one content adapter per dataset with the JSON it
// reads, the generated list and home pages, and chunked sitemaps. Every
// string in the JSON is display-ready in its page language (vocabulary
// labels, region names, dates, numbers), so the theme's templates only
// place text; links between records are computed here, not in templates.
//
// Generate is pure: the same Input gives the same bytes. It reports no
// diagnostics; an error means the input itself is inconsistent (a record
// of a dataset the catalog does not know, two records with one slug).
package site

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"

	"golang.org/x/sync/errgroup"

	"disclose/generator/redact"
	"disclose/generator/schema"
	"disclose/generator/words"
)

// Input is everything the site is built from.
type Input struct {
	Catalog *schema.Catalog
	// Records holds the public records per dataset name, sorted by id.
	Records map[string][]*redact.Record
	// Withheld counts the records held back, per dataset and reason
	// (not_for_publication, embargoed, expired, withdrawn).
	Withheld map[string]map[string]int
	// SuppressBelow hides withheld counts smaller than this (they are
	// counts over records that are not public); 0 or 1 hides nothing.
	SuppressBelow int
	// AsOf is the build date, YYYY-MM-DD; the only date the site may show
	// as "now".
	AsOf      string
	Config    Config
	Downloads []Download
	// Changes is the changelog against the previous release, or nil.
	Changes *Changes
	// History holds each record's first and last-changed release dates,
	// by dataset and id ("dataset\x00id").
	History map[string][2]string
	// PassRecords is the number of records one Hugo pass renders (see
	// Passes); 0 means DefaultPassRecords.
	PassRecords int
	// Words are the theme's interface strings (words.Load).
	Words words.Words
}

// Config holds the site settings.
type Config struct {
	TitleZh, TitleEn         string
	PublisherZh, PublisherEn string
	BaseURL                  string
	ContactEmail             string
	// Contacts are the bodies that take reports (config.Contact).
	Contacts []Contact
	License  string
	// ContentDir is the absolute path of the hand-written content: pages
	// in content/zh/... and content/en/... with the same relative paths.
	ContentDir string
	// ThemesDir is the absolute path of the directory holding the
	// disclose theme.
	ThemesDir string
}

// Contact is a body that takes reports of ethics violations.
type Contact struct {
	BodyZh, BodyEn       string
	ScopeZh, ScopeEn     string
	AddressZh, AddressEn string
	Phone, Email, Web    string
}

// Download is one file of the data downloads.
type Download struct {
	Path    string // relative to the site root, e.g. "downloads/activities.csv"
	Dataset string
	Format  string
	Size    int64
	SHA256  string
	Records int
}

// langs are the site languages; the first is served at the root.
var langs = [...]string{"zh", "en"}

// pagerSize is the number of records per list page.
const pagerSize = 50

// sitemapChunk is the number of URLs per sitemap file (the protocol's limit).
const sitemapChunk = 50000

// rssLimit is the number of items in a feed.
const rssLimit = 50

// DefaultPassRecords is how many records one Hugo pass renders unless the
// configuration says otherwise.
const DefaultPassRecords = 20000

// Passes is the number of Hugo passes the site is rendered in. Hugo keeps
// every page of a build in memory until the build ends, so a large site is
// rendered in several passes over parts of its records and list pages:
// pass 0 renders every page that is not a record or list page, with the
// head of each dataset (its feed items), and every later pass renders only
// its own records and list pages (the "passes" segment of hugo.toml). A
// pass sees the site parameter "pass"; -1, the default, means all parts at
// once, as a preview needs. The pages are the same bytes whatever the
// number of passes.
func Passes(in Input) int {
	per := in.PassRecords
	if per <= 0 {
		per = DefaultPassRecords
	}
	n := 0
	for _, recs := range in.Records {
		n += len(recs)
	}
	return max(1, (n+per-1)/per)
}

// part returns the share of pass p of n passes and the index of its first
// item: parts are contiguous and of equal size, but at least least items
// long, so that pass 0 holds the head of the list. Every item falls in
// exactly one part.
func part[T any](s []T, p, n, least int) (int, []T) {
	size := max((len(s)+n-1)/n, least, 1)
	lo := min(p*size, len(s))
	return lo, s[lo:min(lo+size, len(s))]
}

// Generate returns the Hugo working site as relative path → bytes.
func Generate(in Input) (map[string][]byte, error) {
	return generate(in, sitemapChunk)
}

func generate(in Input, chunk int) (map[string][]byte, error) {
	if in.Catalog == nil {
		return nil, fmt.Errorf("site: no catalog")
	}
	if in.Words == nil {
		return nil, fmt.Errorf("site: no interface strings (the theme's i18n files)")
	}
	for name := range in.Records {
		if in.Catalog.Dataset(name) == nil {
			return nil, fmt.Errorf("site: records of unknown dataset %q", name)
		}
	}
	if err := checkContent(in); err != nil {
		return nil, err
	}
	idx, err := newIndex(in)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	passes := Passes(in)
	files["hugo.toml"] = hugoConfig(in)
	files[path.Join("assets", "css", "lists.css")] = listCSS(idx)
	// The records' and lists' files are most of the work, and each is
	// made on its own: they are made on every core.
	var jobs []job
	for _, ds := range in.Catalog.Datasets {
		files[path.Join("content", ds.Name, "_content.gotmpl")] = adapter(ds.Name, passes)
		for _, lang := range langs {
			for p := range passes {
				jobs = append(jobs, func(out map[string][]byte) error {
					b, err := recordsJSON(idx, ds, lang, p, passes)
					if b != nil {
						out[dataFile(lang, ds.Name, p)] = b
					}
					return err
				})
			}
			b, err := sectionPage(in, ds, lang)
			if err != nil {
				return nil, err
			}
			files[path.Join("content", ds.Name, indexName(lang))] = b
		}
	}
	lists, err := listJobs(idx, passes)
	if err != nil {
		return nil, err
	}
	// The list files are the largest: they go first.
	jobs = append(jobs, exploreJobs(idx)...)
	if err := runJobs(append(lists, jobs...), files); err != nil {
		return nil, err
	}
	files[path.Join("content", "_content.gotmpl")] = listAdapter(in.Catalog, passes)
	for _, lang := range langs {
		b, err := homePage(in, idx, lang)
		if err != nil {
			return nil, err
		}
		files[path.Join("content", indexName(lang))] = b
	}
	if err := extraPages(in, idx, files); err != nil {
		return nil, err
	}
	for name, b := range sitemaps(in, chunk) {
		files[name] = b
	}
	return files, nil
}

// job makes some files of the working site into out.
type job func(out map[string][]byte) error

// runJobs runs the jobs on every core and adds what they make to files;
// the first failing job stops the rest, and its error is returned.
func runJobs(jobs []job, files map[string][]byte) error {
	outs := make([]map[string][]byte, len(jobs))
	var eg errgroup.Group
	eg.SetLimit(runtime.GOMAXPROCS(0))
	for i := range jobs {
		eg.Go(func() error {
			outs[i] = map[string][]byte{}
			return jobs[i](outs[i])
		})
	}
	if err := eg.Wait(); err != nil {
		return err
	}
	for i := range jobs {
		for name, b := range outs[i] {
			files[name] = b
		}
	}
	return nil
}

// dataFile is where the adapter of a dataset finds the records of a pass
// in a language (under assets/, so Hugo parses each file once).
func dataFile(lang, dataset string, pass int) string {
	return path.Join("assets", "records", lang, fmt.Sprintf("%s.%d.json", dataset, pass))
}

// indexName is the file name of a list page in a language: the default
// language has no suffix.
func indexName(lang string) string {
	if lang == langs[0] {
		return "_index.md"
	}
	return "_index." + lang + ".md"
}

// index holds what several pages need: records in display order and the
// links between them.
type index struct {
	in Input
	// sorted holds each dataset's records newest first.
	sorted map[string][]*redact.Record
	// byID maps each dataset's ids to their records.
	byID map[string]map[string]*redact.Record
	// refs maps a referring field (dataset.field) and the id it refers to
	// to the records that refer to it, newest first (the activities a
	// committee reviewed).
	refs map[string]map[string][]*redact.Record
	// joins maps a dataset's field (dataset.field) and a value to the
	// records holding it, newest first, for schema.Link (the cases about
	// an institution).
	joins map[string]map[string][]*redact.Record
	// link makes the hrefs of the HTML written in Go.
	link linker
}

func newIndex(in Input) (*index, error) {
	idx := &index{
		in:     in,
		sorted: map[string][]*redact.Record{},
		byID:   map[string]map[string]*redact.Record{},
		refs:   map[string]map[string][]*redact.Record{},
		joins:  map[string]map[string][]*redact.Record{},
		link:   newLinker(in.Config.BaseURL),
	}
	for _, ds := range in.Catalog.Datasets {
		recs := append([]*redact.Record(nil), in.Records[ds.Name]...)
		seen := make(map[string]string, len(recs))
		for _, r := range recs {
			if other, dup := seen[r.Slug()]; dup {
				return nil, fmt.Errorf("site: %s: ids %q and %q share the address %q", ds.Name, other, r.ID(), r.Slug())
			}
			seen[r.Slug()] = r.ID()
		}
		sortNewestFirst(ds, recs)
		idx.sorted[ds.Name] = recs
	}
	// what record pages link to and list, as the schema says
	joined := map[string]bool{}
	for _, ds := range in.Catalog.Datasets {
		ids := make(map[string]*redact.Record, len(idx.sorted[ds.Name]))
		for _, r := range idx.sorted[ds.Name] {
			ids[r.ID()] = r
		}
		idx.byID[ds.Name] = ids
		for _, l := range ds.Links {
			joined[l.Dataset+"."+l.Field] = true
		}
	}
	for _, ds := range in.Catalog.Datasets {
		for _, f := range ds.Fields {
			key := ds.Name + "." + f.Key
			if f.Ref != "" && f.Backlink != "" {
				idx.refs[key] = group(idx.sorted[ds.Name], f.Key)
			}
			if joined[key] {
				idx.joins[key] = group(idx.sorted[ds.Name], f.Key)
			}
		}
	}
	return idx, nil
}

// group maps each value of a field to the records holding it, in order.
func group(recs []*redact.Record, key string) map[string][]*redact.Record {
	out := map[string][]*redact.Record{}
	for _, r := range recs {
		if v := r.Str(key); v != "" {
			out[v] = append(out[v], r)
		}
	}
	return out
}

// sortNewestFirst orders records by their dataset's date field, newest
// first, then by id, so that the order never depends on input order.
func sortNewestFirst(ds *schema.Dataset, recs []*redact.Record) {
	sort.SliceStable(recs, func(i, j int) bool {
		di, dj := recs[i].Str(ds.DateField), recs[j].Str(ds.DateField)
		if di != dj {
			return di > dj
		}
		return recs[i].ID() < recs[j].ID()
	})
}

// latest returns the n most recent records across all datasets.
func (idx *index) latest(n int) []*redact.Record {
	var all []*redact.Record
	order := map[string]int{}
	for i, ds := range idx.in.Catalog.Datasets {
		order[ds.Name] = i
		recs := idx.sorted[ds.Name]
		if len(recs) > n {
			recs = recs[:n]
		}
		all = append(all, recs...)
	}
	date := func(r *redact.Record) string { return r.Str(r.Dataset().DateField) }
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if date(a) != date(b) {
			return date(a) > date(b)
		}
		if order[a.Dataset().Name] != order[b.Dataset().Name] {
			return order[a.Dataset().Name] < order[b.Dataset().Name]
		}
		return a.ID() < b.ID()
	})
	if len(all) > n {
		all = all[:n]
	}
	return all
}

// checkContent refuses hand-written files where the generator writes
// pages: the home page and the dataset folders (a hand-written page there
// would join the record list and could take a record's address). Hugo
// would otherwise pick one of two files without saying so.
func checkContent(in Input) error {
	if in.Config.ContentDir == "" {
		return nil
	}
	for _, lang := range langs {
		root := filepath.Join(in.Config.ContentDir, lang)
		for _, name := range []string{"_index.md", "_index.html", "_content.gotmpl"} {
			if p := filepath.Join(root, name); exists(p) {
				return fmt.Errorf("site: %s: the generator writes the home page; put hand-written pages elsewhere", p)
			}
		}
		for _, ds := range in.Catalog.Datasets {
			if p := filepath.Join(root, ds.Name); exists(p) {
				return fmt.Errorf("site: %s: the generator writes the %s pages; put hand-written pages elsewhere", p, ds.Name)
			}
		}
		for _, name := range generatedPages {
			for _, p := range []string{filepath.Join(root, name+".md"), filepath.Join(root, name)} {
				if exists(p) {
					return fmt.Errorf("site: %s: the generator writes the %s page; put hand-written pages elsewhere", p, name)
				}
			}
		}
	}
	return nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
