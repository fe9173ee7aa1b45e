package site

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"disclose/generator/schema"
	"disclose/generator/slug"
)

// Record pages are the bulk of the site (two per record), so the parts of
// them that are plain data — the field list and the lists of related
// records — are written here as HTML once, instead of being walked field
// by field by Hugo's template engine on every page. At 100,000 records
// that walk was most of Hugo's time, and the decoded field maps most of
// its memory. The markup is exactly what the theme wrote before; the
// theme keeps everything that needs its i18n strings.

// htmlEscaper escapes text as Hugo's html/template does, in element
// content and in quoted attribute values alike.
var htmlEscaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

func esc(b *strings.Builder, s string) { htmlEscaper.WriteString(b, s) }

// attr writes ` name="value"`, escaped; nothing when value is empty.
func attr(b *strings.Builder, name, value string) {
	if value == "" {
		return
	}
	b.WriteString(" ")
	b.WriteString(name)
	b.WriteString(`="`)
	esc(b, value)
	b.WriteString(`"`)
}

// linker turns a site-relative href ("committees/x/") into the path a page
// of one language links to, as the theme's relLangURL does: the base URL's
// path, then the language's folder (none for Chinese, the default
// language), then the href. A base path that is not ASCII is
// percent-encoded in upper-case hex, as .Permalink writes it (relLangURL
// writes lower case; both are the same address).
type linker struct{ zh, en, base string }

func newLinker(base string) linker {
	b := slug.Base(base)
	p := "/"
	if u, err := url.Parse(b); err == nil && u.EscapedPath() != "" {
		p = u.EscapedPath()
	}
	return linker{zh: p, en: p + "en/", base: b}
}

// permalink is the full address of a page of one language, as the theme's
// .Permalink gives it: the base URL, the language's folder, the href.
func (l linker) permalink(lang, href string) string {
	return l.base + pick(lang, "", "en/") + href
}

func (l linker) href(lang, href string) string {
	if lang == "en" {
		return l.en + href
	}
	return l.zh + href
}

// fieldsHTML writes a record's public fields as the definition list of its
// page. Each term has the field's key as its anchor (#f-<key>), so a field
// of a record can be cited by address; the list is laid out as a grid
// (site.css), with no wrapper per field. Terms and values leave out the end
// tags HTML makes optional, as list rows do (rowHTML).
func fieldsHTML(fields []field, lang string, l linker) string {
	var b strings.Builder
	b.Grow(160 * len(fields))
	b.WriteString(`<dl class="fields">`)
	for _, f := range fields {
		b.WriteString("\n<dt id=\"f-")
		esc(&b, f.Key)
		b.WriteString("\">")
		esc(&b, f.Label)
		b.WriteString("\n<dd")
		attr(&b, "lang", f.Lang)
		b.WriteString(">")
		switch {
		case len(f.Items) > 0:
			b.WriteString("<ul>")
			for _, it := range f.Items {
				b.WriteString("<li>")
				esc(&b, it)
				b.WriteString("</li>")
			}
			b.WriteString("</ul>")
		case len(f.Paras) > 0:
			for _, p := range f.Paras {
				b.WriteString("<p>")
				esc(&b, p)
				b.WriteString("</p>")
			}
		case f.Href != "":
			b.WriteString("<a")
			attr(&b, "href", l.href(lang, f.Href))
			b.WriteString(">")
			esc(&b, f.Text)
			b.WriteString("</a>")
		default:
			esc(&b, f.Text)
		}
	}
	b.WriteString("\n</dl>")
	return b.String()
}

// linksHTML writes links to records, each with its date, as the list under
// a related-records heading.
func linksHTML(links []link, lang string, l linker) string {
	var b strings.Builder
	b.Grow(120 * len(links))
	b.WriteString(`<ul class="links">`)
	for _, k := range links {
		b.WriteString("\n<li><a")
		attr(&b, "href", l.href(lang, k.Href))
		attr(&b, "lang", k.Lang)
		b.WriteString(">")
		esc(&b, k.Text)
		b.WriteString(`</a> <span class="date">`)
		esc(&b, k.Date)
		b.WriteString("</span></li>")
	}
	b.WriteString("\n</ul>")
	return b.String()
}

// listHead is one column of a list table after the id and the title.
type listHead struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Class string `json:"class,omitempty"`
}

// listCell is what a record shows in one column: its text, and the
// language of the text when it is not the page's.
type listCell struct {
	Text, Lang string
}

// rowHTML writes one record's row of a list table: its id, its title
// linked to its page (in titleLang when that differs from the page's), and
// its cells under heads. On phones each row is a card with every value
// labelled by its column: the labels, like the look of the id, title and
// date columns, come from listCSS by column position, once for the site,
// not from an attribute on every cell of every row. The row leaves out the
// end tags HTML makes optional (a cell ends at the next cell, a row at the
// next row or the table body's end): a tenth of a list page's bytes.
func rowHTML(heads []listHead, href, id, title, titleLang string, cells []listCell) string {
	var b strings.Builder
	b.Grow(300)
	b.WriteString("\n<tr><td>")
	esc(&b, id)
	b.WriteString("<td><a")
	attr(&b, "href", href)
	attr(&b, "lang", titleLang)
	b.WriteString(">")
	esc(&b, title)
	b.WriteString("</a>")
	for i := range heads {
		b.WriteString("<td")
		attr(&b, "lang", cells[i].Lang)
		b.WriteString(">")
		esc(&b, cells[i].Text)
	}
	return b.String()
}

// listCSS labels the cells of every dataset's list table when it is shown
// as cards (on phones): one rule per column and language, for the table
// class list-<dataset>.
func listCSS(idx *index) []byte {
	var b strings.Builder
	b.WriteString("/* Generated by disclose: the column labels of list cards. */\n@media (max-width: 40rem) {\n")
	for _, ds := range idx.in.Catalog.Datasets {
		for _, lang := range langs {
			cols, heads := listColumns(idx.in.Catalog, ds, lang)
			labels := []string{cols["id"], cols["title"]}
			for _, h := range heads {
				labels = append(labels, h.Label)
			}
			for i, l := range labels {
				fmt.Fprintf(&b, "  html[lang=%s] .list-%s td:nth-child(%d)::before { content: %s; }\n", locale(lang), ds.Name, i+1, cssString(l))
			}
		}
	}
	b.WriteString("}\n")
	// Dates keep to one line, in figures of one width; so do the short
	// Chinese words of a code list (进行中), which a narrow column would
	// otherwise stack a character a line. The columns are the same in both
	// languages.
	for _, ds := range idx.in.Catalog.Datasets {
		_, heads := listColumns(idx.in.Catalog, ds, "zh")
		for i, h := range heads {
			switch {
			case h.Class == "date":
				fmt.Fprintf(&b, ".list-%s td:nth-child(%d) { white-space: nowrap; font-variant-numeric: tabular-nums; }\n", ds.Name, i+3)
			case shortWords(idx.in.Catalog, ds.Field(h.Key)):
				fmt.Fprintf(&b, "html[lang=zh-CN] .list-%[1]s td:nth-child(%[2]d), html[lang=zh-CN] .list-%[1]s th:nth-child(%[2]d) { white-space: nowrap; }\n", ds.Name, i+3)
			}
		}
	}
	return []byte(b.String())
}

// cssString quotes s as a CSS string.
func cssString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\a `).Replace(s) + `"`
}

// shortWords tells whether f is a single-valued field of a code list whose
// Chinese words are all short enough to keep to one line.
func shortWords(cat *schema.Catalog, f *schema.Field) bool {
	if f == nil || f.Type != schema.Enum || f.List {
		return false
	}
	v := cat.Vocab(f.Vocab)
	if v == nil {
		return false
	}
	for _, t := range v.Terms {
		if utf8.RuneCountInString(t.Zh) > 4 {
			return false
		}
	}
	return true
}
