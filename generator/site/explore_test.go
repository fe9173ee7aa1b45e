package site

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// decodedRecord is one record of an explorer file as the browser decodes
// it.
type decodedRecord struct {
	id, href, titleZh, titleEn string
	date                       int
	dims                       map[string][]string // value segments
	cells                      map[string][2]string
}

func decodeExplore(t *testing.T, b []byte) (exploreFile, []decodedRecord) {
	t.Helper()
	var ef struct {
		exploreFile
		Dims []struct {
			Key    string      `json:"key"`
			Values [][3]string `json:"values"`
			Rec    []any       `json:"rec"`
		} `json:"dims"`
	}
	if err := json.Unmarshal(b, &ef); err != nil {
		t.Fatal(err)
	}
	str := func(i int) string {
		if i < 0 {
			return ""
		}
		return ef.S[i]
	}
	out := make([]decodedRecord, ef.N)
	for i := range out {
		r := decodedRecord{id: ef.ID[i], href: str(ef.Slug[i]), titleZh: ef.Title.Zh[i], titleEn: str(ef.Title.En[i]),
			date: ef.Date[i], dims: map[string][]string{}, cells: map[string][2]string{}}
		if r.href == "" {
			r.href = strings.ToLower(r.id)
		}
		if r.titleEn == "" {
			r.titleEn = r.titleZh
		}
		for _, d := range ef.Dims {
			switch v := d.Rec[i].(type) {
			case float64:
				if v >= 0 {
					r.dims[d.Key] = []string{d.Values[int(v)][0]}
				}
			case []any:
				for _, j := range v {
					r.dims[d.Key] = append(r.dims[d.Key], d.Values[int(j.(float64))][0])
				}
			}
		}
		for _, c := range ef.Cols {
			if c.Date {
				d := ""
				if r.date != 0 {
					d = fmt.Sprintf("%04d-%02d-%02d", r.date/10000, r.date/100%100, r.date%100)
				}
				r.cells[c.Key] = [2]string{d, d}
				continue
			}
			en := c.En
			if en == nil {
				en = c.Zh
			}
			r.cells[c.Key] = [2]string{str(c.Zh[i]), str(en[i])}
		}
		out[i] = r
	}
	return ef.exploreFile, out
}

// TestExploreMatchesLists checks the explorer's data against the list
// pages that work without it: the same records in the same order, each
// value of each dimension on exactly the records of that value's page, and
// the same cells as the list rows in both languages.
func TestExploreMatchesLists(t *testing.T) {
	in := fixture(t, 60)
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range in.Catalog.Datasets {
		t.Run(ds.Name, func(t *testing.T) {
			b := files[exploreAsset(ds.Name)]
			ef, recs := decodeExplore(t, b)
			if ef.N != len(in.Records[ds.Name]) || ef.Release != in.AsOf {
				t.Fatalf("n = %d, release %q; want %d records of %s", ef.N, ef.Release, len(in.Records[ds.Name]), in.AsOf)
			}
			// every string once
			seen := map[string]bool{}
			for _, s := range ef.S {
				if seen[s] {
					t.Errorf("the string table holds %q twice", s)
				}
				seen[s] = true
			}
			for _, lang := range langs {
				lf := listFileOf(t, files, lang, ds.Name)
				for i, row := range lf.Rows {
					r := recs[i]
					title := map[string]string{"zh": r.titleZh, "en": r.titleEn}[lang]
					if !strings.HasPrefix(row, "\n<tr><td>"+htmlText(r.id)+"<td>") || !strings.Contains(row, "/"+ds.Name+"/"+r.href+"/\"") || !strings.Contains(row, ">"+htmlText(title)+"</a>") {
						t.Fatalf("%s row %d is %s; the explorer has %s at %s", lang, i, row, r.id, r.href)
					}
					for _, c := range ef.Cols {
						cell := r.cells[c.Key][map[string]int{"zh": 0, "en": 1}[lang]]
						if !strings.Contains(row+"<td", ">"+htmlText(cell)+"<td") {
							t.Errorf("%s row %d: column %s is %q in the explorer, not in %s", lang, i, c.Key, cell, row)
						}
					}
				}
				// a value's list page names the records the explorer gives it
				for _, p := range lf.Pages {
					if p.Params.Facet == "" || p.Params.Pager.N != 1 {
						continue
					}
					want := 0
					for _, r := range recs {
						for _, v := range r.dims[p.Params.Facet] {
							if v == segment(p.Params.Value) {
								want++
							}
						}
					}
					if p.Params.Total != formatInt(int64(want)) {
						t.Errorf("%s %s=%s: the list page counts %s, the explorer %d", lang, p.Params.Facet, p.Params.Value, p.Params.Total, want)
					}
					for _, pos := range p.Params.Rows {
						found := false
						for _, v := range recs[pos].dims[p.Params.Facet] {
							found = found || v == segment(p.Params.Value)
						}
						if !found {
							t.Errorf("%s %s=%s lists %s, which the explorer does not give that value", lang, p.Params.Facet, p.Params.Value, recs[pos].id)
						}
					}
				}
			}
			byID := map[string]string{}
			for _, r := range in.Records[ds.Name] {
				byID[r.ID()] = strings.ReplaceAll(r.Str(ds.DateField), "-", "")
			}
			for _, r := range recs {
				want, ok := byID[r.id]
				if !ok {
					t.Errorf("the explorer has %s, which is not a public record", r.id)
				}
				if got := strconv.Itoa(r.date); r.date == 0 && want != "" || r.date != 0 && got != want {
					t.Errorf("%s: date %d, want %q", r.id, r.date, want)
				}
			}
		})
	}
}

func htmlText(s string) string {
	var b strings.Builder
	esc(&b, s)
	return b.String()
}
