package site

import (
	"path"
	"sort"
	"strings"

	"disclose/generator/redact"
	"disclose/generator/schema"
	"disclose/generator/slug"
	"disclose/generator/words"
)

// Changes is what changed since the previous release, as the exporter
// found it by comparing manifests; nil when the build had no previous
// manifest.
type Changes struct {
	Since, Release string
	Added          []Change
	Changed        []Change
	Removed        []Change
}

// Change is one record in Changes. Title is blank for removed records,
// whose content is no longer public; Fields names the changed fields'
// keys for changed records.
type Change struct {
	Dataset, ID, Slug, Title string
	Fields                   []string
}

// dataFront is the front matter of the data page.
type dataFront struct {
	Title       string        `json:"title"`
	LinkTitle   string        `json:"linkTitle"`
	Description string        `json:"description,omitempty"`
	Layout      string        `json:"layout"`
	AsOf        string        `json:"asof"`
	Downloads   []download    `json:"downloads"`
	Bundle      *download     `json:"bundle,omitempty"`
	Sums        *download     `json:"sums,omitempty"`
	Package     *download     `json:"package,omitempty"`
	Feed        *download     `json:"feed,omitempty"`
	Separator   string        `json:"separator"`
	License     string        `json:"license,omitempty"`
	LicenseURL  string        `json:"license_url,omitempty"`
	Cite        string        `json:"cite"`
	Datasets    []dictDataset `json:"datasets"`
	Vocabs      []dictVocab   `json:"vocabs"`
	Changes     *changesFront `json:"changes,omitempty"`
}

type dictDataset struct {
	Name   string      `json:"name"`
	Title  string      `json:"title"`
	Fields []dictField `json:"fields"`
}

type dictField struct {
	Key      string `json:"key"`
	Zh       string `json:"zh"`
	En       string `json:"en"`
	Type     string `json:"type"`
	List     bool   `json:"list,omitempty"`
	Required bool   `json:"required,omitempty"`
	Vocab    string `json:"vocab,omitempty"`
	// VocabTitle is the vocabulary's name in the page language.
	VocabTitle string `json:"vocab_title,omitempty"`
	// Extra notes the region name columns that follow a region code.
	Extra string `json:"extra,omitempty"`
	// Digits marks a column a spreadsheet changes when it opens the CSV.
	Digits bool `json:"digits,omitempty"`
}

type dictVocab struct {
	Name  string     `json:"name"`
	Title string     `json:"title"`
	Terms []dictTerm `json:"terms"`
}

type dictTerm struct {
	Code string `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

type changesFront struct {
	Since   string        `json:"since"`
	Release string        `json:"release"`
	Groups  []changeGroup `json:"groups"`
	Total   string        `json:"total"`
}

// changeGroup is one dataset's changes of one kind (added, changed,
// removed).
type changeGroup struct {
	Kind    string       `json:"kind"`
	Dataset string       `json:"dataset"`
	Count   string       `json:"count"`
	Items   []changeItem `json:"items"`
}

type changeItem struct {
	// Anchor is the item's id on the data page, which its record page
	// links to (changeAnchor).
	Anchor string `json:"anchor"`
	ID     string `json:"id"`
	Href   string `json:"href,omitempty"`
	Text   string `json:"text,omitempty"`
	Lang   string `json:"lang,omitempty"`
	Fields string `json:"fields,omitempty"`
}

// dictionary lists every published field of every dataset and every term
// of the vocabularies those fields use, straight from the catalog: the
// same source as the exporter's datapackage.json and data-dictionary.json.
// Control fields (publish) are left out, as the downloads leave them out.
func dictionary(cat *schema.Catalog, lang string) ([]dictDataset, []dictVocab) {
	var dss []dictDataset
	used := map[string]bool{}
	for _, ds := range cat.Datasets {
		dd := dictDataset{Name: ds.Name, Title: pick(lang, ds.Zh, ds.En)}
		for _, f := range ds.Fields {
			if !f.Published() {
				continue
			}
			df := dictField{Key: f.Key, Zh: f.Zh, En: f.En, Type: f.Type.String(), List: f.List,
				Required: f.Required || f.Key == "id" || f.Type == schema.Bool, Digits: f.Digits()}
			if f.Vocab != "" {
				df.Vocab = f.Vocab
				if v := cat.Vocab(f.Vocab); v != nil {
					df.VocabTitle = pick(lang, v.Zh, v.En)
				}
				used[f.Vocab] = true
			}
			if f.Type == schema.Region {
				df.Extra = f.Key + "_zh, " + f.Key + "_en"
			}
			dd.Fields = append(dd.Fields, df)
		}
		dss = append(dss, dd)
	}
	names := make([]string, 0, len(used))
	for n := range used {
		names = append(names, n)
	}
	sort.Strings(names)
	var vs []dictVocab
	for _, n := range names {
		v := cat.Vocab(n)
		if v == nil {
			continue
		}
		dv := dictVocab{Name: n, Title: pick(lang, v.Zh, v.En)}
		for _, t := range v.Terms {
			dv.Terms = append(dv.Terms, dictTerm{Code: t.Code, Zh: t.Zh, En: t.En})
		}
		vs = append(vs, dv)
	}
	return dss, vs
}

// licenseURL gives the address of common licence ids.
func licenseURL(id string) string {
	switch strings.ReplaceAll(strings.ToUpper(id), " ", "-") {
	case "CC-BY-4.0":
		return "https://creativecommons.org/licenses/by/4.0/"
	case "CC-BY-SA-4.0":
		return "https://creativecommons.org/licenses/by-sa/4.0/"
	case "CC0-1.0":
		return "https://creativecommons.org/publicdomain/zero/1.0/"
	}
	return ""
}

func (in Input) displayDownload(d Download, lang string) download {
	title := d.Dataset
	if ds := in.Catalog.Dataset(d.Dataset); ds != nil {
		title = pick(lang, ds.Zh, ds.En)
	}
	if title == "" {
		title = in.Words.T(lang, "data_all")
	}
	out := download{Href: d.Path, Dataset: title, Format: strings.ToUpper(d.Format),
		Size: formatSize(d.Size), SHA256: d.SHA256, Records: formatInt(int64(d.Records))}
	if d.Dataset == "" && d.Records == 0 && d.Format != "atom" {
		// Descriptions and checksums hold no records.
		out.Records = "—"
	}
	return out
}

// dataPage writes the data page of a language: downloads, encodings,
// licence and citation, the data dictionary and the changelog.
func dataPage(in Input, lang string) ([]byte, error) {
	front := dataFront{
		Title:       in.Words.T(lang, "data_title"),
		LinkTitle:   in.Words.T(lang, "data_link"),
		Layout:      "data",
		AsOf:        in.AsOf,
		Description: in.Words.T(lang, "data_description"),
		Downloads:   []download{},
		Separator:   "|",
		License:     in.Config.License,
	}
	front.LicenseURL = licenseURL(in.Config.License)
	// Each dataset's files in catalog order, then the files about all of
	// them, by path.
	order := map[string]int{}
	for i, ds := range in.Catalog.Datasets {
		order[ds.Name] = i
	}
	dls := append([]Download(nil), in.Downloads...)
	sort.SliceStable(dls, func(i, j int) bool {
		oi, iok := order[dls[i].Dataset]
		oj, jok := order[dls[j].Dataset]
		switch {
		case iok && jok && oi != oj:
			return oi < oj
		case iok != jok:
			return iok
		}
		return dls[i].Path < dls[j].Path
	})
	for _, d := range dls {
		dd := in.displayDownload(d, lang)
		name := path.Base(d.Path)
		switch {
		case d.Format == "zip":
			front.Bundle = &dd
		case name == "SHA256SUMS":
			front.Sums = &dd
		case name == "datapackage.json":
			front.Package = &dd
		case name == "changes.xml":
			front.Feed = &dd
		}
		front.Downloads = append(front.Downloads, dd)
	}
	title := pick(lang, in.Config.TitleZh, in.Config.TitleEn)
	publisher := pick(lang, in.Config.PublisherZh, in.Config.PublisherEn)
	url := slug.Base(in.Config.BaseURL) + pick(lang, "data/", "en/data/")
	if lang == "en" {
		front.Cite = publisher + ". " + title + " [dataset]. Release " + in.AsOf + ". " + url
	} else {
		front.Cite = publisher + "．" + title + "［数据集］．发布日期 " + in.AsOf + "．" + url
	}
	front.Datasets, front.Vocabs = dictionary(in.Catalog, lang)
	front.Changes = changesView(in, lang)
	return frontMatter(front)
}

// changesView groups the changelog by kind and dataset, with links to the
// added and changed records and the changed fields' labels.
func changesView(in Input, lang string) *changesFront {
	c := in.Changes
	if c == nil {
		return nil
	}
	out := &changesFront{Since: c.Since, Release: c.Release, Groups: []changeGroup{}}
	out.Total = formatInt(int64(len(c.Added) + len(c.Changed) + len(c.Removed)))
	// Links go only to records that are public now, found in one pass.
	public := map[string]*redact.Record{}
	for _, ds := range in.Catalog.Datasets {
		for _, r := range in.Records[ds.Name] {
			public[ds.Name+"\x00"+r.ID()] = r
		}
	}
	kinds := []struct {
		kind string
		list []Change
	}{{"added", c.Added}, {"changed", c.Changed}, {"removed", c.Removed}}
	for _, k := range kinds {
		byDS := map[string][]Change{}
		for _, ch := range k.list {
			byDS[ch.Dataset] = append(byDS[ch.Dataset], ch)
		}
		order := make([]string, 0, len(byDS))
		for _, ds := range in.Catalog.Datasets {
			if byDS[ds.Name] != nil {
				order = append(order, ds.Name)
			}
		}
		var unknown []string
		for name := range byDS {
			if in.Catalog.Dataset(name) == nil {
				unknown = append(unknown, name)
			}
		}
		sort.Strings(unknown)
		for _, name := range append(order, unknown...) {
			list := byDS[name]
			ds := in.Catalog.Dataset(name)
			g := changeGroup{Kind: k.kind, Dataset: name, Count: formatInt(int64(len(list)))}
			if ds != nil {
				g.Dataset = pick(lang, ds.Zh, ds.En)
			}
			for _, ch := range list {
				it := changeItem{ID: ch.ID, Anchor: changeAnchor(name, ch.Slug)}
				if k.kind != "removed" {
					it.Text = ch.Title
					if r := public[name+"\x00"+ch.ID]; r != nil {
						it.Text = r.Title(lang)
						it.Href = recordHref(r)
					}
					it.Lang = textLang(it.Text, lang)
					var labels []string
					for _, key := range ch.Fields {
						labels = append(labels, fieldLabel(in.Words, ds, key, lang))
					}
					it.Fields = strings.Join(labels, in.Words.T(lang, "field_sep"))
				}
				g.Items = append(g.Items, it)
			}
			out.Groups = append(out.Groups, g)
		}
	}
	return out
}

// fieldLabel names a field key in lang; the region name columns and keys
// the schema does not know are shown as they are.
func fieldLabel(w words.Words, ds *schema.Dataset, key, lang string) string {
	if ds != nil {
		if f := ds.Field(key); f != nil {
			return pick(lang, f.Zh, f.En)
		}
	}
	if key == "*" {
		return w.T(lang, "fields_unknown")
	}
	return key
}

// changeAnchor is the id of a record's entry in the data page's changelog.
func changeAnchor(dataset, slug string) string { return "change-" + dataset + "-" + slug }
