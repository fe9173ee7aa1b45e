package site

// The explorer's data: what a dataset's list page needs to filter, count,
// sort and page through every record in the browser, without the server.
// One file per dataset, for both languages, fetched only when a visitor
// first uses the filter panel (themes/disclose/assets/js/explore.js).
//
// The file is columnar and dictionary-coded, so that it stays small at
// 100,000 records:
//
//	{
//	  "v": 1, "dataset": "cases", "release": "2026-11-01", "n": 3,
//	  "s": ["...", ...],        one table of the strings that recur, each once
//	  "id": ["...", ...],       per record (newest first, as the list pages)
//	  "slug": [s | -1, ...],    its address below the dataset's folder;
//	                            -1: the id in lower case
//	  "title": {"zh": ["...", ...], "en": [s | -1, ...]},  -1: as in Chinese
//	  "date": [20240131, ...],  the dataset's main date as YYYYMMDD, 0 if none
//	  "dims": [{"key", "label": [zh, en], "values": [[segment, zh, en], ...],
//	            "rec": [i | [i, j] | -1, ...]}],  value indexes per record
//	  "cols": [{"key", "label": [zh, en], "date",
//	            "zh": [s | -1, ...], "en": [s | -1, ...]}],
//	  "labels": {"id": [zh, en], "title": [...], "date": [...]},
//	  "words": {"zh": {"x_count": "...", ...}, "en": {...}}
//	}
//
// Ids and Chinese titles, which are unique, are written out; every other
// string is an index into "s", and -1 is an empty cell. A column whose
// English cells equal its Chinese ones has no "en" (the reader falls back),
// and the column of the main date has no cells ("date": true): the reader
// writes them from "date".
// Titles and cells are exactly what the list pages show; dims are the list
// pages' filter dimensions, each value named by its address segment, so a
// filter can be written as a query string that means the same thing in
// both languages.

import (
	"path"
	"strconv"
	"strings"

	"disclose/generator/schema"
)

// exploreFile is the explorer's data of one dataset.
type exploreFile struct {
	V       int                  `json:"v"`
	Dataset string               `json:"dataset"`
	Release string               `json:"release"`
	N       int                  `json:"n"`
	S       []string             `json:"s"`
	ID      []string             `json:"id"`
	Slug    []int                `json:"slug"`
	Title   exploreTitles        `json:"title"`
	Date    []int                `json:"date"`
	Dims    []exploreDim         `json:"dims"`
	Cols    []exploreCol         `json:"cols"`
	Labels  map[string][2]string `json:"labels"`
	// Words are the explorer's interface strings per language, with the
	// placeholders {n}, {total} and {field}.
	Words map[string]map[string]string `json:"words"`
}

// exploreWords are the theme's strings the explorer shows.
var exploreWords = []string{"x_text", "x_text_hint", "x_dates", "x_from", "x_to", "x_count", "x_count_of", "x_none",
	"x_clear", "x_sort", "x_newest", "x_oldest", "x_asc", "x_desc", "x_download", "x_download_note", "x_loading",
	"x_failed", "filters", "prev_page", "next_page", "page_of", "page_n", "pagination", "list_sep"}

type exploreTitles struct {
	Zh []string `json:"zh"`
	En []int    `json:"en"`
}

type exploreDim struct {
	Key    string      `json:"key"`
	Label  [2]string   `json:"label"`
	Values [][3]string `json:"values"`
	// Rec holds, per record, the index of its value, a list of indexes
	// (a list field), or -1 (none).
	Rec []any `json:"rec"`
}

type exploreCol struct {
	Key   string    `json:"key"`
	Label [2]string `json:"label"`
	// Date marks the column of the main date, which has no cells.
	Date bool  `json:"date,omitempty"`
	Zh   []int `json:"zh,omitempty"`
	En   []int `json:"en,omitempty"`
}

// exploreAsset is where the theme finds a dataset's explorer data; it
// publishes it under a fingerprinted name.
func exploreAsset(dataset string) string {
	return path.Join("assets", "explore", dataset+".json")
}

// strtab is a string table: each distinct string once, in order of first
// use (so that the file is the same bytes for the same records).
type strtab struct {
	list []string
	at   map[string]int
}

func (t *strtab) add(s string) int {
	if i, ok := t.at[s]; ok {
		return i
	}
	t.at[s] = len(t.list)
	t.list = append(t.list, s)
	return len(t.list) - 1
}

func (t *strtab) cell(s string) int {
	if s == "" {
		return -1
	}
	return t.add(s)
}

// exploreFor builds the explorer's data of a dataset.
func (idx *index) exploreFor(ds *schema.Dataset) exploreFile {
	cat := idx.in.Catalog
	recs := idx.sorted[ds.Name]
	t := &strtab{at: map[string]int{}}
	ef := exploreFile{
		V: 1, Dataset: ds.Name, Release: idx.in.AsOf, N: len(recs),
		ID: make([]string, len(recs)), Slug: make([]int, len(recs)), Date: make([]int, len(recs)),
		Title:  exploreTitles{Zh: make([]string, len(recs)), En: make([]int, len(recs))},
		Labels: map[string][2]string{},
	}
	label := func(key string) [2]string {
		if f := ds.Field(key); f != nil {
			return [2]string{f.Zh, f.En}
		}
		return [2]string{}
	}
	ef.Labels["id"] = label("id")
	ef.Labels["title"] = label(ds.TitleField)
	ef.Labels["date"] = label(ds.DateField)
	for i, r := range recs {
		ef.ID[i] = r.ID()
		ef.Slug[i] = -1
		if r.Slug() != strings.ToLower(r.ID()) {
			ef.Slug[i] = t.add(r.Slug())
		}
		ef.Title.Zh[i] = r.Title("zh")
		ef.Title.En[i] = -1
		if en := r.Title("en"); en != ef.Title.Zh[i] {
			ef.Title.En[i] = t.add(en)
		}
		if d := strings.ReplaceAll(r.Str(ds.DateField), "-", ""); len(d) == 8 {
			ef.Date[i], _ = strconv.Atoi(d)
		}
	}
	zh, en := facetDims(cat, ds, recs, "zh"), facetDims(cat, ds, recs, "en")
	for k, d := range zh {
		xd := exploreDim{Key: d.Spec.Key, Label: [2]string{d.Label, en[k].Label}, Rec: make([]any, len(recs))}
		for i := range xd.Rec {
			xd.Rec[i] = -1
		}
		for j, v := range d.Values {
			// the value's address segment, as in the list pages' addresses
			xd.Values = append(xd.Values, [3]string{segment(v.Code), v.Label, en[k].Values[j].Label})
			for _, p := range v.Pos {
				switch cur := xd.Rec[p].(type) {
				case int:
					if cur < 0 {
						xd.Rec[p] = j
					} else {
						xd.Rec[p] = []int{cur, j}
					}
				case []int:
					xd.Rec[p] = append(cur, j)
				}
			}
		}
		ef.Dims = append(ef.Dims, xd)
	}
	for _, key := range ds.ListColumns {
		f := ds.Field(key)
		c := exploreCol{Key: key, Label: [2]string{f.Zh, f.En}, Zh: make([]int, len(recs)), En: make([]int, len(recs))}
		if key == ds.DateField && f.Type == schema.Date {
			c.Date, c.Zh, c.En = true, nil, nil
			ef.Cols = append(ef.Cols, c)
			continue
		}
		if ref := cat.Dataset(f.Ref); ref != nil {
			c.Label = [2]string{ref.ItemZh, ref.ItemEn}
		}
		same := true
		for i, r := range recs {
			c.Zh[i] = t.cell(idx.cell(r, f, "zh").Text)
			c.En[i] = t.cell(idx.cell(r, f, "en").Text)
			same = same && c.Zh[i] == c.En[i]
		}
		if same {
			c.En = nil
		}
		ef.Cols = append(ef.Cols, c)
	}
	ef.Words = map[string]map[string]string{}
	for _, lang := range langs {
		ef.Words[lang] = map[string]string{}
		for _, k := range exploreWords {
			ef.Words[lang][k] = idx.in.Words.T(lang, k, "n", "{n}", "total", "{total}", "field", "{field}")
		}
	}
	ef.S = t.list
	return ef
}

// exploreJobs returns the jobs that write the explorer's data of every
// dataset.
func exploreJobs(idx *index) []job {
	var jobs []job
	for _, ds := range idx.in.Catalog.Datasets {
		jobs = append(jobs, func(out map[string][]byte) error {
			b, err := marshal(idx.exploreFor(ds))
			if err != nil {
				return err
			}
			out[exploreAsset(ds.Name)] = b
			return nil
		})
	}
	return jobs
}
