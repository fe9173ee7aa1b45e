package pipeline

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"disclose/generator/fold"
	"disclose/generator/parallel"
	"disclose/generator/person"
	"disclose/generator/record"
	"disclose/generator/redact"
	"disclose/generator/scan"
	"disclose/generator/schema"
)

// The leak guard is the second line of defence, not a copy of the first:
// what it looks for besides its own patterns is worked out here from the
// private records themselves, not from what the redactor says it removed,
// so that a value the redactor misses is still a needle. The redactor's own
// list (redact.Result.Removed) is added to it.

// privateNeedles returns what no output may contain, from the records read
// (published, withheld and rejected alike):
//
//   - every value of a secret field and every unknown column's text, and
//     every personal number, passport and permit number typed into any
//     text of any record, as typed;
//   - every person of a person field, in every written form (the cell as
//     typed, each name, spaced, dotted and in pinyin in the cases people
//     write it), except a name that a field publishes on purpose (policy
//     keep), which is public wherever it appears;
//   - every name found by its context in the free text and titles of any
//     record (a surname and a given name beside a role word);
//   - the id, titles, free text and every other text that does not recur
//     (schema.Field.Recurs) of every record not published.
//
// A value of a record not published is not a needle where the identical
// value is itself published as a whole, in any field of a published record
// (a unit that also has public records), nor its free text where a
// published value holds it as typed (a stock sentence): finding either
// proves nothing (redact.PublicValues, redact.PublishedAnyway). No other
// needle is ever dropped here.
func privateNeedles(l *Loaded, keep map[string]bool) []string {
	held := make([]*record.Record, 0, len(l.Withheld)+len(l.Rejected))
	for _, w := range l.Withheld {
		held = append(held, w.Record)
	}
	held = append(held, l.Rejected...)
	public := redact.PublicValues(l.Published)
	anyway := redact.PublishedAnyway(held, public)
	// A name a person field publishes on purpose (policy keep) is no
	// needle anywhere, as typed or as parsed: it is public.
	kept := map[string]bool{}
	for _, rec := range l.Published {
		for _, f := range rec.Dataset.Fields {
			if f.Type != schema.Person || !keep[rec.Dataset.Name+"."+f.Key] {
				continue
			}
			v := rec.Values[f.Key]
			for _, s := range append([]string{v.Str}, v.List...) {
				kept[strings.TrimSpace(s)] = true
				for _, name := range person.Parse(s) {
					kept[name] = true
				}
			}
		}
	}
	all := append(append([]*record.Record{}, l.Published...), held...)
	parts := make([]map[string]bool, parallel.Shares(len(all), 2000))
	parallel.Each(len(parts), len(all), func(w, lo, hi int) {
		out := map[string]bool{}
		det := scan.NewDetector(scan.Eager, nil)
		add := func(s string) {
			if s = strings.TrimSpace(s); s != "" && !kept[s] {
				out[s] = true
			}
		}
		for i, rec := range all[lo:hi] {
			withheld := lo+i >= len(l.Published)
			for _, f := range rec.Dataset.Fields {
				v, ok := rec.Values[f.Key]
				if !ok {
					continue
				}
				vals := append([]string{v.Str}, v.List...)
				switch f.Type {
				case schema.Secret:
					for _, s := range vals {
						add(s)
						for _, line := range strings.Split(s, "\n") {
							add(line)
						}
					}
				case schema.Person:
					if !withheld && keep[rec.Dataset.Name+"."+f.Key] {
						continue
					}
					for _, s := range vals {
						add(s)
						for _, name := range person.Parse(s) {
							add(name)
							for _, form := range person.Forms(name) {
								for _, c := range letterCases(form) {
									add(c)
								}
							}
						}
					}
				}
				for _, s := range vals {
					for _, m := range det.FindAll([]byte(s)) {
						add(s[m.Start:m.End])
					}
					for _, d := range redact.Documents(s) {
						add(d)
					}
					if f.Type == schema.FreeText || f.Key == rec.Dataset.TitleField || f.Key == "title_en" {
						for _, p := range person.Find(fold.Width(s)) {
							add(p.Name)
						}
					}
				}
				if withheld && (f.Type == schema.ID || f.Type == schema.FreeText || f.Type == schema.Text && !f.Recurs) {
					for _, s := range vals {
						if !public[s] && !(f.Type == schema.FreeText && anyway[s]) {
							add(s)
						}
					}
				}
			}
			for _, s := range rec.Extra {
				add(s)
			}
			if withheld && !public[rec.ID] {
				add(rec.ID)
			}
		}
		parts[w] = out
	})
	set := map[string]bool{}
	for _, p := range parts {
		maps.Copy(set, p)
	}
	return slices.Sorted(maps.Keys(set))
}

// letterCases returns a form in Latin letters as people capitalise it
// (zhang xiaoce, Zhang Xiaoce, ZHANG XIAOCE); the guard's needles match
// bytes exactly. Any other form is returned as it is.
func letterCases(s string) []string {
	if !isLatin(s) {
		return []string{s}
	}
	lower := strings.ToLower(s)
	title := []byte(lower)
	for i := range title {
		if i == 0 || title[i-1] == ' ' || title[i-1] == '-' {
			title[i] = byte(unicode.ToUpper(rune(title[i])))
		}
	}
	return []string{lower, string(title), strings.ToUpper(s)}
}

func isLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// keepPolicy lists the person fields whose names are published on purpose.
func keepPolicy(p redact.Policy) map[string]bool {
	out := map[string]bool{}
	for k, w := range p.Fields {
		if w == "keep" {
			out[k] = true
		}
	}
	return out
}

// guardRecordsStep runs the leak guard over every value of every public
// record before anything is written. A finding here names the workbook cell
// to fix, which a finding in a rendered page or a search shard cannot; the
// guard still reads every byte of the output afterwards.
func guardRecordsStep(st *state) error {
	st.sources = sources(st.redacted)
	g := st.leakGuard()
	var all []*redact.Record
	for _, ds := range st.cat.Datasets {
		all = append(all, st.redacted.Records[ds.Name]...)
	}
	parts := make([][]string, parallel.Shares(len(all), 2000))
	parallel.Each(len(parts), len(all), func(w, lo, hi int) {
		var lines []string
		for _, r := range all[lo:hi] {
			check := func(key, s string) {
				if s == "" {
					return
				}
				for _, f := range g.Bytes(key, []byte(s)) {
					lines = append(lines, fmt.Sprintf("%s: %s.%s: holds %s: %s", r.Source(key), r.Dataset().Name, key, scan.Describe(f.Kind), f.Excerpt))
				}
			}
			check("id", r.ID())
			for _, f := range r.Dataset().Fields {
				if f.Key == "id" {
					continue
				}
				v, ok := r.Value(f.Key)
				if !ok {
					continue
				}
				check(f.Key, v.Str)
				for _, s := range v.List {
					check(f.Key, s)
				}
			}
		}
		parts[w] = lines
	})
	var lines []string
	for _, p := range parts {
		lines = append(lines, p...)
	}
	if len(lines) == 0 {
		return nil
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Fprintf(st.opts.Stderr, "leak: %s\n", l)
	}
	fmt.Fprintf(st.opts.Stderr, "%d finding(s) in values that would be published; fix the cells named, nothing was written\n", len(lines))
	st.findings = &scan.Report{}
	for _, l := range lines {
		st.findings.Findings = append(st.findings.Findings, scan.Finding{Path: l, Kind: "record"})
	}
	return ErrLeak
}

// leakGuard returns the build's leak guard, made once: its needles are
// the private records' (privateNeedles) and the redactor's.
func (st *state) leakGuard() *scan.Scanner {
	if st.guard == nil {
		st.guard = scan.New(scan.Options{Needles: st.needles(), PersonalMailDomains: st.opts.Config.Redaction.PersonalMailDomains, Shields: st.cat.Words()})
	}
	return st.guard
}

// sources maps the address of each record's page and files
// (dataset/slug) to the record's row, so that a finding in a rendered page
// names the workbook row it came from.
func sources(res *redact.Result) map[string]string {
	out := map[string]string{}
	for ds, recs := range res.Records {
		for _, r := range recs {
			out[ds+"/"+r.Slug()] = r.Source("id").String()
			// and by id, for files that hold many records (CSV, search)
			out["#"+r.ID()] = r.Source("id").String()
		}
	}
	return out
}

// lineSources finds, for a finding in a file that holds many records (a
// download, a search shard, a list page), the one record whose id its line
// holds. Each file is read once, however many findings it has.
type lineSources struct {
	root  string
	ids   *scan.Set
	pos   []string // by pattern of ids: the record's workbook position
	lines map[string][]string
}

func newLineSources(src map[string]string, root string) *lineSources {
	var ids []string
	for k := range src {
		if id, ok := strings.CutPrefix(k, "#"); ok {
			ids = append(ids, id)
		}
	}
	ls := &lineSources{root: root, ids: scan.NewSet(ids), lines: map[string][]string{}}
	ls.pos = make([]string, ls.ids.Len())
	for i := range ls.pos {
		ls.pos[i] = src["#"+ls.ids.Pattern(i)]
	}
	return ls
}

// of returns the workbook position of the record on the finding's line,
// or "" when the line holds no record's id, or several. Archive entries
// are not read again.
func (ls *lineSources) of(f scan.Finding) string {
	if f.Line == 0 || strings.Contains(f.Path, "!") {
		return ""
	}
	lines, ok := ls.lines[f.Path]
	if !ok {
		data, err := os.ReadFile(filepath.Join(ls.root, filepath.FromSlash(f.Path)))
		if err == nil && len(data) <= 64<<20 {
			lines = strings.Split(string(data), "\n")
		}
		ls.lines[f.Path] = lines
	}
	if f.Line > len(lines) {
		return ""
	}
	line := []byte(lines[f.Line-1])
	found := ""
	ls.ids.All(line, func(st, end, i int) bool {
		// an id stands alone: HR-2024-0001 is not inside HR-2024-00012
		if st > 0 && idChar(line[st-1]) || end < len(line) && idChar(line[end]) {
			return true
		}
		if found != "" && found != ls.pos[i] {
			found = "\x00"
			return false
		}
		found = ls.pos[i]
		return true
	})
	if found == "\x00" {
		return ""
	}
	return found
}

func idChar(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// sourceOf returns the workbook position of the record an output file
// belongs to (dataset/slug/…, or en/dataset/slug/…), or "".
func sourceOf(src map[string]string, path string) string {
	p := strings.TrimPrefix(path, "en/")
	parts := strings.SplitN(p, "/", 3)
	if len(parts) < 3 {
		return ""
	}
	return src[parts[0]+"/"+parts[1]]
}
