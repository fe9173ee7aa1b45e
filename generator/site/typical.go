package site

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"disclose/generator/redact"
	"disclose/generator/schema"
)

// Typical cases and the ethics principles they breach. The mapping from a
// violation type to principles is vocabulary data (violation_type terms
// carry principles); the principle pages are hand-written and name their
// principle in params.principle. The result is data/typical.json, which
// the layouts of the typical-cases page, the principle pages and the
// typical case records read.

// typicalLang is the typical-case data of one language.
type typicalLang struct {
	// Cases lists the typical cases, newest first.
	Cases []typicalCase `json:"cases"`
	// ByPrinciple maps a principle code to the typical cases breaching it.
	ByPrinciple map[string][]link `json:"by_principle"`
	// PrinciplesOf maps a typical case's id to the principles it breaches.
	PrinciplesOf map[string][]principleLink `json:"principles_of"`
}

type typicalCase struct {
	link
	Principles []principleLink `json:"principles,omitempty"`
}

type principleLink struct {
	Code string `json:"code"`
	Text string `json:"text"`
	Href string `json:"href,omitempty"`
}

var principleParam = regexp.MustCompile(`(?m)^\s*principle\s*[=:]\s*["']?([A-Za-z0-9_-]+)`)

// principlePages finds the hand-written principle pages of a language:
// principle code → address relative to the language root.
func principlePages(contentDir, lang string) map[string]string {
	out := map[string]string{}
	if contentDir == "" {
		return out
	}
	dir := filepath.Join(contentDir, lang, "education", "principles")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return out
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, "_") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		if m := principleParam.FindSubmatch(b); m != nil {
			out[string(m[1])] = "education/principles/" + strings.TrimSuffix(name, ".md") + "/"
		}
	}
	return out
}

// principlesOf returns the principle codes a record's terms breach (the
// principles of its violation types), in the principle vocabulary's order,
// each once.
func principlesOf(in Input, r *redact.Record) []string {
	found := map[string]bool{}
	for _, f := range r.Dataset().Fields {
		if f.Type != schema.Enum {
			continue
		}
		v := in.Catalog.Vocab(f.Vocab)
		if v == nil {
			continue
		}
		for _, code := range append([]string{r.Str(f.Key)}, r.List(f.Key)...) {
			if t := v.Term(code); t != nil {
				for _, p := range t.Principles {
					found[p] = true
				}
			}
		}
	}
	var out []string
	if pv := in.Catalog.Vocab("principle"); pv != nil {
		for _, t := range pv.Terms {
			if found[t.Code] {
				out = append(out, t.Code)
				delete(found, t.Code)
			}
		}
	}
	rest := make([]string, 0, len(found))
	for p := range found {
		rest = append(rest, p)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// typicalData computes the typical-case data of every language in one
// pass over the cases.
func typicalData(in Input, idx *index) map[string]typicalLang {
	out := map[string]typicalLang{}
	for _, lang := range langs {
		pages := principlePages(in.Config.ContentDir, lang)
		tl := typicalLang{Cases: []typicalCase{}, ByPrinciple: map[string][]link{}, PrinciplesOf: map[string][]principleLink{}}
		var typical []*redact.Record
		for _, ds := range in.Catalog.Datasets {
			if ds.Typical == "" {
				continue
			}
			for _, r := range idx.sorted[ds.Name] {
				if r.Bool(ds.Typical) {
					typical = append(typical, r)
				}
			}
		}
		for _, r := range typical {
			l := idx.links([]*redact.Record{r}, lang)[0]
			tc := typicalCase{link: l}
			for _, p := range principlesOf(in, r) {
				tc.Principles = append(tc.Principles, principleLink{Code: p, Text: vocabLabel(in.Catalog, "principle", p, lang), Href: pages[p]})
				tl.ByPrinciple[p] = append(tl.ByPrinciple[p], l)
			}
			tl.PrinciplesOf[r.ID()] = tc.Principles
			tl.Cases = append(tl.Cases, tc)
		}
		out[lang] = tl
	}
	return out
}

// withheldSummary is one dataset's withheld counts for the about page.
type withheldSummary struct {
	Dataset string     `json:"dataset"`
	Title   string     `json:"title"`
	Total   string     `json:"total"`
	Reasons []withheld `json:"reasons"`
}

// withheldData lists the withheld counts per dataset and reason in every
// language, suppressed as on the list pages.
func withheldData(in Input) map[string][]withheldSummary {
	out := map[string][]withheldSummary{}
	for _, lang := range langs {
		list := []withheldSummary{}
		for _, ds := range in.Catalog.Datasets {
			w, total := withheldList(in.Words, in.Withheld[ds.Name], lang, in.SuppressBelow)
			if w == nil {
				w = []withheld{}
			}
			if total == "" {
				total = "0"
			}
			list = append(list, withheldSummary{Dataset: ds.Name, Title: pick(lang, ds.Zh, ds.En), Total: total, Reasons: w})
		}
		out[lang] = list
	}
	return out
}

// generatedPages are the pages besides the datasets' that the generator
// writes at the root of the site.
var generatedPages = [...]string{"statistics", "data"}

// extraPages adds the statistics and data pages and the data files that
// the typical-case, principle and about layouts read.
func extraPages(in Input, idx *index, files map[string][]byte) error {
	for _, lang := range langs {
		suffix := ".md"
		if lang != langs[0] {
			suffix = "." + lang + ".md"
		}
		b, err := statsPage(in, lang)
		if err != nil {
			return err
		}
		files["content/"+generatedPages[0]+suffix] = b
		if b, err = dataPage(in, lang); err != nil {
			return err
		}
		files["content/"+generatedPages[1]+suffix] = b
	}
	b, err := marshal(typicalData(in, idx))
	if err != nil {
		return err
	}
	files["data/typical.json"] = b
	if b, err = marshal(withheldData(in)); err != nil {
		return err
	}
	files["data/withheld.json"] = b
	return nil
}
