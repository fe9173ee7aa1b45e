package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path"

	"disclose/generator/slug"
)

// sitemaps writes the sitemap index and the record sitemaps as assets that
// the theme's home page publishes unchanged (Hugo run in-process does not
// copy static/), each with at most chunk URLs (Hugo's own sitemap does not split
// at the protocol's 50,000). The pages that are not records (home, lists,
// hand-written pages) are listed by the theme in sitemap-pages.xml, one
// per language.
func sitemaps(in Input, chunk int) map[string][]byte {
	base := slug.Base(in.Config.BaseURL)
	var urls []string
	for _, ds := range in.Catalog.Datasets {
		for _, r := range in.Records[ds.Name] {
			href := recordHref(r)
			urls = append(urls, base+href, base+"en/"+href)
		}
	}
	files := map[string][]byte{}
	index := []string{base + "sitemap-pages.xml", base + "en/sitemap-pages.xml"}
	for i := 0; i*chunk < len(urls); i++ {
		end := min((i+1)*chunk, len(urls))
		name := fmt.Sprintf("sitemaps/records-%d.xml", i+1)
		files[path.Join("assets", name)] = urlset(urls[i*chunk : end])
		index = append(index, base+name)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range index {
		b.WriteString("<sitemap><loc>")
		xml.EscapeText(&b, []byte(u))
		b.WriteString("</loc></sitemap>\n")
	}
	b.WriteString("</sitemapindex>\n")
	files["assets/sitemap.xml"] = b.Bytes()
	return files
}

func urlset(urls []string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(u))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
