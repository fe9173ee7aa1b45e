package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// hugoConfig writes hugo.toml. The theme and the hand-written content are
// used in place through absolute paths (themesDir and content mounts), so
// nothing is copied and an edit to them shows up on the next build. The
// hand-written content lives in ContentDir/zh and ContentDir/en with the
// same relative paths; Hugo pairs equal paths as translations.
func hugoConfig(in Input) []byte {
	c := in.Config
	var b bytes.Buffer
	kv := func(k string, v any) { fmt.Fprintf(&b, "%s = %s\n", k, tomlValue(v)) }
	kv("baseURL", baseURL(c.BaseURL))
	kv("defaultContentLanguage", langs[0])
	kv("defaultContentLanguageInSubdir", false)
	kv("themesDir", c.ThemesDir)
	kv("theme", "disclose")
	kv("enableRobotsTXT", true)
	// Sitemaps are written by the generator in chunks (see sitemap.go);
	// taxonomies are not used.
	kv("disableKinds", []string{"taxonomy", "term", "sitemap"})
	kv("enableGitInfo", false)
	kv("disableHugoGeneratorInject", true)
	// The Chinese home is the root; no /zh/ redirect page.
	kv("disableDefaultLanguageRedirect", true)
	b.WriteString("\n[pagination]\n")
	kv("pagerSize", pagerSize)
	b.WriteString("\n[services.rss]\n")
	kv("limit", rssLimit)
	b.WriteString("\n[outputs]\n")
	kv("home", []string{"html", "sitemappages"})
	kv("section", []string{"html", "rss"})
	kv("page", []string{"html"})
	b.WriteString("\n[outputFormats.sitemappages]\n")
	kv("mediaType", "application/xml")
	kv("baseName", "sitemap-pages")
	kv("rel", "sitemap")
	kv("noUgly", true)
	// What a pass after the first renders (see Passes): records and list
	// pages, which live under the datasets' folders.
	var under []string
	for _, d := range in.Catalog.Datasets {
		under = append(under, "/"+d.Name+"/**")
	}
	b.WriteString("\n[segments.passes]\n")
	b.WriteString("[[segments.passes.includes]]\n")
	kv("kind", "page")
	kv("path", "{"+strings.Join(under, ",")+"}")
	b.WriteString("\n[params]\n")
	// -1: every pass's records at once (see Passes).
	kv("pass", -1)
	kv("asOf", in.AsOf)
	kv("contactEmail", c.ContactEmail)
	kv("license", c.License)
	for i, lang := range langs {
		fmt.Fprintf(&b, "\n[languages.%s]\n", lang)
		kv("weight", i+1)
		kv("locale", locale(lang))
		kv("label", in.Words.T(lang, "lang_name"))
		kv("title", pick(lang, c.TitleZh, c.TitleEn))
		fmt.Fprintf(&b, "[languages.%s.params]\n", lang)
		kv("publisher", pick(lang, c.PublisherZh, c.PublisherEn))
		// The site's chrome (menu, breadcrumbs, feeds) reads the datasets
		// and the generated pages from here rather than from those pages,
		// which change with the data: a preview then renders again only
		// the pages a change reaches.
		var ds, nav []string
		for _, d := range in.Catalog.Datasets {
			t := pick(lang, d.Zh, d.En)
			ds = append(ds, fmt.Sprintf("{name = %s, href = %s, title = %s}", tomlValue(d.Name), tomlValue(d.Name+"/"), tomlValue(t)))
			short := pick(lang, d.ShortZh, d.ShortEn)
			if short == "" {
				short = t
			}
			nav = append(nav, fmt.Sprintf("{href = %s, title = %s, section = %s}", tomlValue(d.Name+"/"), tomlValue(short), tomlValue(d.Name)))
		}
		for _, g := range []struct{ href, zh, en string }{{"statistics/", "统计", "Statistics"}, {"data/", "数据", "Data"}} {
			nav = append(nav, fmt.Sprintf("{href = %s, title = %s, section = %s}", tomlValue(g.href), tomlValue(pick(lang, g.zh, g.en)), tomlValue(strings.TrimSuffix(g.href, "/"))))
		}
		fmt.Fprintf(&b, "datasets = [%s]\n", strings.Join(ds, ", "))
		var contacts []string
		for _, k := range c.Contacts {
			either := func(zh, en string) string {
				if v := pick(lang, zh, en); v != "" {
					return v
				}
				return pick(lang, en, zh)
			}
			contacts = append(contacts, fmt.Sprintf("{body = %s, scope = %s, address = %s, phone = %s, email = %s, web = %s}",
				tomlValue(either(k.BodyZh, k.BodyEn)), tomlValue(either(k.ScopeZh, k.ScopeEn)), tomlValue(either(k.AddressZh, k.AddressEn)),
				tomlValue(k.Phone), tomlValue(k.Email), tomlValue(k.Web)))
		}
		fmt.Fprintf(&b, "contacts = [%s]\n", strings.Join(contacts, ", "))
		fmt.Fprintf(&b, "nav = [%s]\n", strings.Join(nav, ", "))
	}
	// Defining any content mount replaces the default one, so the working
	// directory's own content (adapters, list pages) is mounted first.
	b.WriteString("\n[[module.mounts]]\n")
	kv("source", "content")
	kv("target", "content")
	if c.ContentDir != "" {
		for _, lang := range langs {
			dir := filepath.Join(c.ContentDir, lang)
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				continue
			}
			b.WriteString("\n[[module.mounts]]\n")
			kv("source", dir)
			kv("target", "content")
			b.WriteString("[module.mounts.sites.matrix]\n")
			kv("languages", []string{lang})
		}
	}
	return b.Bytes()
}

// locale is a language's locale, as <html lang> and hreflang give it.
func locale(lang string) string { return pick(lang, "zh-CN", "en") }

func baseURL(u string) string {
	if u == "" {
		return "/"
	}
	return strings.TrimSuffix(u, "/") + "/"
}

// tomlValue writes a string, bool, int or string list as TOML. JSON
// string escapes are valid TOML basic-string escapes.
func tomlValue(v any) string {
	switch v := v.(type) {
	case string:
		b, _ := json.Marshal(v)
		return string(b)
	case []string:
		parts := make([]string, len(v))
		for i, s := range v {
			parts[i] = tomlValue(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	default:
		return fmt.Sprint(v)
	}
}
