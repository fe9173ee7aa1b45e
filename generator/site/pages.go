package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"

	"disclose/generator/person"
	"disclose/generator/redact"
	"disclose/generator/schema"
	"disclose/generator/words"
)

// recordPage is one entry of the JSON a content adapter reads: one record
// in one language. Hugo lower-cases parameter keys, so every key is lower
// case here too.
// recordPage is one record page as its content adapter adds it: the
// adapter passes each object to AddPage as it is.
type recordPage struct {
	Kind   string `json:"kind"`
	Path   string `json:"path"`
	Title  string `json:"title"`
	Weight int    `json:"weight"`
	// Description is the page's meta description: what it is, its id,
	// region and status.
	Description string       `json:"description"`
	Params      recordParams `json:"params"`
}

type recordParams struct {
	Record  bool   `json:"record"`
	Dataset string `json:"dataset"`
	Item    string `json:"item"`
	ID      string `json:"id"`
	// Cells of the list table.
	Region string `json:"region,omitempty"`
	Date   string `json:"date,omitempty"`
	Kind   string `json:"kind,omitempty"`
	// TitleLang is set when the title is not in the page language.
	TitleLang string `json:"title_lang,omitempty"`
	// PubDate is the RSS date (RFC 1123 with numeric zone).
	PubDate string `json:"pubdate,omitempty"`
	// JSON is the address of the record's JSON document, which both
	// languages share.
	JSON string `json:"json"`
	// Permalink is the page's full address; Head its link elements
	// (canonical, one alternate per language, the JSON document) and
	// Other the link to the page in the other language, as HTML. The
	// templates print them as they are: working them out there costs
	// more than the rest of the page's chrome.
	Permalink string `json:"permalink"`
	Head      string `json:"head"`
	Other     string `json:"other"`
	// History says when the record was first published and last
	// changed, with a link to its entry in this release's changelog when
	// it has one, as HTML.
	History string `json:"history,omitempty"`
	// Body is the field list as HTML, written from Fields (fieldsHTML).
	Body    string    `json:"body"`
	Fields  []field   `json:"-"`
	Related []related `json:"related,omitempty"`
}

// field is one public field, ready to print: exactly one of Text, Items,
// Paras is set; Href makes Text a link.
type field struct {
	Key   string   `json:"key"`
	Label string   `json:"label"`
	Text  string   `json:"text,omitempty"`
	Href  string   `json:"href,omitempty"`
	Items []string `json:"items,omitempty"`
	Paras []string `json:"paras,omitempty"`
	// Lang marks text that is not in the page language.
	Lang string `json:"lang,omitempty"`
}

// related is a list of links to other records; Kind names the relation
// for the theme's i18n ("reviewed", "cases").
type related struct {
	Kind  string `json:"kind"`
	Count string `json:"count"`
	// Shown is set when only the newest relatedLimit links are listed.
	Shown string `json:"shown,omitempty"`
	// List is the list of links as HTML, written from Links (linksHTML).
	List  string `json:"list"`
	Links []link `json:"-"`
}

// relatedLimit caps the links listed under a record: a committee may have
// reviewed thousands of activities, and its page must stay small.
const relatedLimit = 100

func (idx *index) related(kind string, recs []*redact.Record, lang string) related {
	rel := related{Kind: kind, Count: formatInt(int64(len(recs)))}
	if len(recs) > relatedLimit {
		recs = recs[:relatedLimit]
		rel.Shown = formatInt(relatedLimit)
	}
	rel.Links = idx.links(recs, lang)
	rel.List = linksHTML(rel.Links, lang, idx.link)
	return rel
}

type link struct {
	Href  string `json:"href"`
	Text  string `json:"text"`
	Date  string `json:"date,omitempty"`
	Lang  string `json:"lang,omitempty"`
	Label string `json:"label,omitempty"`
}

// recordsJSON returns the record pages of a pass, or nil when a pass after
// the first has none. Weights count from the newest record of the whole
// dataset, so every pass orders its pages as one build would.
func recordsJSON(idx *index, ds *schema.Dataset, lang string, pass, passes int) ([]byte, error) {
	lo, recs := part(idx.sorted[ds.Name], pass, passes, rssLimit)
	if len(recs) == 0 && pass > 0 {
		return nil, nil
	}
	pages := make([]recordPage, 0, len(recs))
	for i, r := range recs {
		pages = append(pages, idx.recordPage(r, lang, lo+i+1))
	}
	return marshal(pages)
}

func (idx *index) recordPage(r *redact.Record, lang string, weight int) recordPage {
	ds := r.Dataset()
	cat := idx.in.Catalog
	title := r.Title(lang)
	p := recordPage{
		Kind:   "page",
		Path:   r.Slug(),
		Title:  title,
		Weight: weight,
		Params: recordParams{
			Record:    true,
			Dataset:   ds.Name,
			Item:      pick(lang, ds.ItemZh, ds.ItemEn),
			ID:        r.ID(),
			Region:    vocabLabel(cat, "region", r.Str("region"), lang),
			Date:      r.Str(ds.DateField),
			Kind:      kindCell(cat, idx.in.Words, r, lang),
			TitleLang: textLang(title, lang),
			PubDate:   rssDate(r.Str(ds.DateField)),
			JSON:      idx.link.href("zh", recordHref(r)+"index.json"),
		},
	}
	p.Params.Permalink, p.Params.Head, p.Params.Other = idx.recordLinks(r, lang, p.Params.JSON)
	p.Params.History = idx.historyHTML(r, lang)
	p.Description = p.Params.Item + " " + p.Params.ID
	for _, s := range []string{p.Params.Region, p.Params.Kind} {
		if s != "" {
			p.Description += " · " + s
		}
	}
	for _, f := range ds.Fields {
		if !f.Published() {
			continue
		}
		v, ok := r.Value(f.Key)
		if !ok {
			continue
		}
		out := field{Key: f.Key, Label: pick(lang, f.Zh, f.En)}
		switch {
		case f.List:
			for _, s := range v.List {
				out.Items = append(out.Items, idx.display(f, s, lang))
			}
			if len(out.Items) == 0 {
				continue
			}
			if f.Type != schema.Enum && f.Type != schema.Region {
				out.Lang = textLang(strings.Join(out.Items, ""), lang)
			}
		case f.Type == schema.FreeText:
			for _, line := range strings.Split(v.Str, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					out.Paras = append(out.Paras, line)
				}
			}
			if len(out.Paras) == 0 {
				continue
			}
			out.Lang = textLang(v.Str, lang)
		case f.Type == schema.Int:
			out.Text = formatInt(v.Int)
		case f.Type == schema.Bool:
			out.Text = idx.in.Words.T(lang, "no")
			if v.Bool {
				out.Text = idx.in.Words.T(lang, "yes")
			}
		case f.Ref != "":
			out.Text = v.Str
			if c, ok := idx.byID[f.Ref][v.Str]; ok {
				out.Href = recordHref(c)
				out.Text = c.Title(lang) + "（" + v.Str + "）"
				if lang == "en" {
					out.Text = c.Title(lang) + " (" + v.Str + ")"
				}
				out.Lang = textLang(c.Title(lang), lang)
			}
		default:
			out.Text = idx.display(f, v.Str, lang)
			if out.Text == "" {
				continue
			}
			if f.Type == schema.Text || f.Type == schema.Person {
				out.Lang = textLang(out.Text, lang)
			}
		}
		p.Params.Fields = append(p.Params.Fields, out)
	}
	// the records that refer to this one, then those it is linked with
	for _, other := range idx.in.Catalog.Datasets {
		for _, f := range other.Fields {
			if f.Ref != ds.Name || f.Backlink == "" {
				continue
			}
			if recs := idx.refs[other.Name+"."+f.Key][r.ID()]; len(recs) > 0 {
				p.Params.Related = append(p.Params.Related, idx.related(f.Backlink, recs, lang))
			}
		}
	}
	for _, l := range ds.Links {
		if v := r.Str(l.Match); v != "" {
			if recs := idx.joins[l.Dataset+"."+l.Field][v]; len(recs) > 0 {
				p.Params.Related = append(p.Params.Related, idx.related(l.Key, recs, lang))
			}
		}
	}
	p.Params.Body = fieldsHTML(p.Params.Fields, lang, idx.link)
	return p
}

// recordLinks returns a record page's permalink, the link elements of its
// head and the link to it in the other language, as the theme's base
// template and language switch write them for other pages.
func (idx *index) recordLinks(r *redact.Record, lang, json string) (permalink, head, other string) {
	href := recordHref(r)
	permalink = idx.link.permalink(lang, href)
	var h, o strings.Builder
	h.WriteString(`<link rel="canonical"`)
	attr(&h, "href", permalink)
	h.WriteString(">")
	for _, l := range langs {
		h.WriteString("\n<link rel=\"alternate\"")
		attr(&h, "hreflang", locale(l))
		attr(&h, "href", idx.link.permalink(l, href))
		h.WriteString(">")
		if l != lang {
			o.WriteString(`<a class="lang-switch"`)
			attr(&o, "href", idx.link.href(l, href))
			attr(&o, "hreflang", locale(l))
			attr(&o, "lang", locale(l))
			o.WriteString(">")
			esc(&o, idx.in.Words.T(l, "lang_name"))
			o.WriteString("</a>")
		}
	}
	h.WriteString("\n<link rel=\"alternate\" type=\"application/json\"")
	attr(&h, "href", json)
	h.WriteString(">")
	return permalink, h.String(), o.String()
}

func (idx *index) links(recs []*redact.Record, lang string) []link {
	out := make([]link, 0, len(recs))
	for _, r := range recs {
		t := r.Title(lang)
		out = append(out, link{Href: recordHref(r), Text: t, Date: r.Str(r.Dataset().DateField), Lang: textLang(t, lang)})
	}
	return out
}

// display turns one scalar value into the text shown in lang. A masked
// name reads as English pages write Chinese names (张某 → Zhang Mou, 张某甲
// → Zhang Mou A); pseudonyms and names kept on purpose stay as they are.
func (idx *index) display(f *schema.Field, s, lang string) string {
	switch f.Type {
	case schema.Person:
		if lang == "en" && person.IsMask(s) {
			return person.Romanize(s)
		}
		return s
	case schema.Enum, schema.Region:
		return vocabLabel(idx.in.Catalog, f.Vocab, s, lang)
	case schema.Period:
		return schema.PeriodLabel(s, lang)
	}
	return s
}

// recordHref is a record's address relative to its language root; the
// theme passes it through relLangURL.
func recordHref(r *redact.Record) string {
	return r.Dataset().Name + "/" + r.Slug() + "/"
}

// kindCell is the status or category column of a list.
func kindCell(cat *schema.Catalog, w words.Words, r *redact.Record, lang string) string {
	key := kindKey(r.Dataset())
	f := r.Dataset().Field(key)
	if f == nil {
		return ""
	}
	if f.List {
		var labels []string
		for _, c := range r.List(key) {
			labels = append(labels, vocabLabel(cat, f.Vocab, c, lang))
		}
		return strings.Join(labels, w.T(lang, "list_sep"))
	}
	return vocabLabel(cat, f.Vocab, r.Str(key), lang)
}

// kindKey is the field shown in a list's status or category column.
func kindKey(ds *schema.Dataset) string { return ds.KindField }

func vocabLabel(cat *schema.Catalog, vocab, code, lang string) string {
	if code == "" {
		return ""
	}
	if v := cat.Vocab(vocab); v != nil {
		if t := v.Term(code); t != nil {
			return t.Label(lang)
		}
	}
	return code
}

func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// textLang returns the language of record text when it differs from the
// page language, so screen readers pronounce it right: Chinese text on an
// English page is marked zh-CN, and on a Chinese page a text without any
// Chinese that reads as words (letters and a space, such as an English
// title) is marked en. Record text is never translated.
func textLang(s, lang string) string {
	han, letter := false, false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han = true
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			letter = true
		}
	}
	switch {
	case lang == "en" && han:
		return "zh-CN"
	case lang == "zh" && !han && letter && strings.Contains(s, " "):
		return "en"
	}
	return ""
}

// formatInt groups thousands with commas, as both languages print them.
func formatInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// rssDate turns an ISO date into an RSS date at midnight China time.
func rssDate(iso string) string {
	t, err := time.ParseInLocation("2006-01-02", iso, time.FixedZone("CST", 8*3600))
	if err != nil {
		return ""
	}
	return t.Format(time.RFC1123Z)
}

// marshal writes JSON without HTML escaping (the templates escape) and
// with a final newline.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// sectionFront is the front matter of a dataset's list page.
type sectionFront struct {
	Title         string            `json:"title"`
	Description   string            `json:"description,omitempty"`
	Dataset       string            `json:"dataset"`
	Total         string            `json:"total"`
	WithheldTotal string            `json:"withheld_total,omitempty"`
	Withheld      []withheld        `json:"withheld,omitempty"`
	Columns       map[string]string `json:"columns"`
}

type withheld struct {
	Reason string `json:"reason"`
	N      string `json:"n"`
}

// reasons are the withholding reasons in the order the site states them.
var reasons = []string{"not_for_publication", "embargoed", "expired", "withdrawn", "hidden_row"}

// withheldList returns the withheld counts by reason, display-ready, and
// the total. Counts below the suppression threshold are shown only as
// "fewer than N", and then the total is shown as a lower bound, so that no
// small count can be worked out from the others.
func withheldList(w words.Words, counts map[string]int, lang string, threshold int) ([]withheld, string) {
	var out []withheld
	known := map[string]bool{}
	for _, r := range reasons {
		known[r] = true
	}
	extra := []string{}
	for r := range counts {
		if !known[r] {
			extra = append(extra, r)
		}
	}
	sort.Strings(extra)
	total, shown, hidden := 0, 0, 0
	small := w.T(lang, "fewer_than", "n", formatInt(int64(threshold)))
	for _, r := range append(append([]string{}, reasons...), extra...) {
		n := counts[r]
		if n <= 0 {
			continue
		}
		total += n
		if n < threshold {
			hidden++
			out = append(out, withheld{Reason: r, N: small})
			continue
		}
		shown += n
		out = append(out, withheld{Reason: r, N: formatInt(int64(n))})
	}
	switch {
	case total == 0:
		return out, ""
	case total < threshold:
		return out, small
	case hidden > 0:
		return out, w.T(lang, "at_least", "n", formatInt(int64(shown+hidden)))
	}
	return out, formatInt(int64(total))
}

func sectionPage(in Input, ds *schema.Dataset, lang string) ([]byte, error) {
	label := func(key string) string {
		if f := ds.Field(key); f != nil {
			return pick(lang, f.Zh, f.En)
		}
		return ""
	}
	w, total := withheldList(in.Words, in.Withheld[ds.Name], lang, in.SuppressBelow)
	front := sectionFront{
		Title:    pick(lang, ds.Zh, ds.En),
		Dataset:  ds.Name,
		Total:    formatInt(int64(len(in.Records[ds.Name]))),
		Withheld: w,
		Columns: map[string]string{
			"id":     label("id"),
			"title":  label(ds.TitleField),
			"region": label("region"),
			"date":   label(ds.DateField),
			"kind":   label(kindKey(ds)),
		},
	}
	front.WithheldTotal = total
	return frontMatter(front)
}

// frontMatter writes a content file whose front matter is JSON, so no
// value ever needs YAML or TOML escaping.
func frontMatter(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

type homeFront struct {
	Title    string        `json:"title"`
	AsOf     string        `json:"asof"`
	Datasets []homeDataset `json:"datasets"`
	Latest   []link        `json:"latest"`
}

type homeDataset struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Count    string `json:"count"`
	Withheld string `json:"withheld,omitempty"`
	Href     string `json:"href"`
}

type download struct {
	Href    string `json:"href"`
	Dataset string `json:"dataset"`
	Format  string `json:"format"`
	Size    string `json:"size"`
	SHA256  string `json:"sha256"`
	Records string `json:"records"`
}

func homePage(in Input, idx *index, lang string) ([]byte, error) {
	front := homeFront{Title: pick(lang, in.Config.TitleZh, in.Config.TitleEn), AsOf: in.AsOf}
	for _, ds := range in.Catalog.Datasets {
		hd := homeDataset{
			Name:  ds.Name,
			Title: pick(lang, ds.Zh, ds.En),
			Count: formatInt(int64(len(in.Records[ds.Name]))),
			Href:  ds.Name + "/",
		}
		_, hd.Withheld = withheldList(in.Words, in.Withheld[ds.Name], lang, in.SuppressBelow)
		front.Datasets = append(front.Datasets, hd)
	}
	front.Latest = []link{}
	for _, r := range idx.latest(10) {
		t := r.Title(lang)
		ds := r.Dataset()
		front.Latest = append(front.Latest, link{Href: recordHref(r), Text: t, Date: r.Str(ds.DateField), Lang: textLang(t, lang), Label: pick(lang, ds.ItemZh, ds.ItemEn)})
	}
	return frontMatter(front)
}

func formatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

var adapterTmpl = template.Must(template.New("adapter").Delims("[[", "]]").Parse(`{{- /* Generated by disclose: one page per public record of [[ .Dataset ]], in every language, from the file of each pass (site.Params.pass; -1 reads them all). */ -}}
{{- .EnableAllLanguages -}}
{{- $lang := .Site.Language.Lang -}}
{{- $pass := site.Params.pass -}}
{{- range slice[[ range .Passes ]] [[ . ]][[ end ]] -}}
  {{- if or (lt $pass 0) (eq $pass .) -}}
    {{- with resources.Get (printf "records/%s/[[ .Dataset ]].%d.json" $lang .) -}}
      {{- range transform.Unmarshal . -}}
        {{- $.AddPage . -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
{{- end -}}
`))

// adapter is the content adapter of a dataset.
func adapter(dataset string, passes int) []byte {
	var b bytes.Buffer
	data := struct {
		Dataset string
		Passes  []int
	}{dataset, make([]int, passes)}
	for i := range data.Passes {
		data.Passes[i] = i
	}
	if err := adapterTmpl.Execute(&b, data); err != nil {
		panic(err) // the template is fixed and the data a plain string
	}
	return b.Bytes()
}

// historyHTML is the line of a record page that dates it: first published,
// last changed, and the link to what changed when this release changed
// it. Empty without history (a preview).
func (idx *index) historyHTML(r *redact.Record, lang string) string {
	h, ok := idx.in.History[r.Dataset().Name+"\x00"+r.ID()]
	if !ok {
		return ""
	}
	w := idx.in.Words
	var b strings.Builder
	b.WriteString(`<p class="history">`)
	esc(&b, w.T(lang, "history_first", "date", h[0]))
	if h[1] != "" && h[1] != h[0] {
		esc(&b, w.T(lang, "history_sep")+w.T(lang, "history_changed", "date", h[1]))
	}
	if c := idx.in.Changes; c != nil && h[1] == c.Release {
		b.WriteString(` <a`)
		attr(&b, "href", idx.link.href(lang, "data/")+"#"+changeAnchor(r.Dataset().Name, r.Slug()))
		b.WriteString(`>`)
		esc(&b, w.T(lang, "history_link"))
		b.WriteString(`</a>`)
	}
	b.WriteString(`</p>`)
	return b.String()
}
