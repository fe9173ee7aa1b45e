package redact

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"

	"disclose/generator/fold"
	"disclose/generator/parallel"
	"disclose/generator/person"
	"disclose/generator/record"
	"disclose/generator/scan"
	"disclose/generator/schema"
)

// people are the names the cleaner looks for in text: every written form
// of every person named in a person field of the build, each form tied to
// the person it stands for, so that it can be replaced by that person's
// masked name.
type people struct {
	set   *scan.Set
	owner []string // by pattern of set: the person
	latin []bool   // by pattern of set: a form in Latin letters
	// short are Latin forms shorter than the Set takes (Li Na).
	short []form
}

type form struct {
	text, name string
}

// newPeople indexes forms (written form → person); Latin forms are
// matched in lower case and on word edges.
func newPeople(forms map[string]string) *people {
	pp := &people{}
	var long []string
	for f := range forms {
		if len(f) >= scan.MinPatternLen {
			long = append(long, f)
		} else if len(f) >= 4 {
			pp.short = append(pp.short, form{f, forms[f]})
		}
	}
	pp.set = scan.NewSet(long)
	pp.owner = make([]string, pp.set.Len())
	pp.latin = make([]bool, pp.set.Len())
	for i := range pp.owner {
		p := pp.set.Pattern(i)
		pp.owner[i] = forms[p]
		pp.latin[i] = isASCII(p)
	}
	sort.Slice(pp.short, func(i, j int) bool { return pp.short[i].text < pp.short[j].text })
	return pp
}

// find appends the spans of the names in lower (folded text with ASCII in
// lower case) to spans.
func (pp *people) find(lower []byte, spans []span) []span {
	pp.set.All(lower, func(st, end, i int) bool {
		if !pp.latin[i] || wordEdge(lower, st-1) && wordEdge(lower, end) {
			spans = append(spans, span{start: st, end: end, kind: kindName, name: pp.owner[i], latin: pp.latin[i]})
		}
		return true
	})
	for _, f := range pp.short {
		for at := 0; ; {
			i := strings.Index(string(lower[at:]), f.text)
			if i < 0 {
				break
			}
			st, end := at+i, at+i+len(f.text)
			if wordEdge(lower, st-1) && wordEdge(lower, end) {
				spans = append(spans, span{start: st, end: end, kind: kindName, name: f.name, latin: true})
			}
			at = end
		}
	}
	return spans
}

// addForms adds every written form of every person in a person cell to
// forms, tied to the person's canonical name. The first person to claim a
// form keeps it.
func addForms(forms map[string]string, cell string) {
	for _, name := range person.Parse(cell) {
		for _, f := range person.Forms(name) {
			f = strings.ToLower(fold.Width(f))
			if _, ok := forms[f]; !ok {
				forms[f] = name
			}
		}
	}
}

// protectedForms collects the names the cleaner removes from text: every
// person of a person field of a withheld record, and of a published record
// unless the field's policy is keep (a name shown on purpose is not hidden
// in text either; a name that is also someone's protected name stays
// protected).
func protectedForms(published, withheld []*record.Record, p Policy) map[string]string {
	forms := map[string]string{}
	add := func(rec *record.Record, keepAllowed bool) {
		for _, f := range rec.Dataset.Fields {
			if f.Type != schema.Person {
				continue
			}
			if keepAllowed && p.word(rec.Dataset.Name, f) == policyKeep {
				continue
			}
			v := rec.Values[f.Key]
			addForms(forms, v.Str)
			for _, s := range v.List {
				addForms(forms, s)
			}
		}
	}
	for _, rec := range published {
		add(rec, true)
	}
	for _, rec := range withheld {
		add(rec, false)
	}
	for _, name := range contextNames(published, withheld, p) {
		if _, ok := forms[name]; !ok {
			forms[name] = name
		}
	}
	return forms
}

// contextNames returns the names person.Find sees by their context in the
// free text and titles of every record, less those a record publishes on
// purpose in a person field of its own (policy keep).
func contextNames(published, withheld []*record.Record, p Policy) []string {
	all := append(append([]*record.Record{}, published...), withheld...)
	parts := make([]map[string]bool, parallel.Shares(len(all), 2000))
	parallel.Each(len(parts), len(all), func(w, lo, hi int) {
		found := map[string]bool{}
		for i, rec := range all[lo:hi] {
			var kept map[string]bool
			if lo+i < len(published) {
				kept = keptNames(rec, p)
			}
			for _, f := range rec.Dataset.Fields {
				if !written(rec.Dataset, f) {
					continue
				}
				v := rec.Values[f.Key]
				for _, s := range append([]string{v.Str}, v.List...) {
					if s == "" {
						continue
					}
					for _, sp := range person.Find(fold.Width(s)) {
						if !kept[sp.Name] {
							found[sp.Name] = true
						}
					}
				}
			}
		}
		parts[w] = found
	})
	set := map[string]bool{}
	for _, part := range parts {
		maps.Copy(set, part)
	}
	return slices.Sorted(maps.Keys(set))
}

// keptNames are the people a record names in person fields whose policy
// is keep.
func keptNames(rec *record.Record, p Policy) map[string]bool {
	var out map[string]bool
	for _, f := range rec.Dataset.Fields {
		if f.Type != schema.Person || p.word(rec.Dataset.Name, f) != policyKeep {
			continue
		}
		v := rec.Values[f.Key]
		for _, s := range append([]string{v.Str}, v.List...) {
			for _, name := range person.Parse(s) {
				if out == nil {
					out = map[string]bool{}
				}
				out[name] = true
			}
		}
	}
	return out
}

// recordNames is what names become in one record: the same person gets the
// same masked name in every field and text of the record, and two people
// whose masked names would be the same are told apart (张某甲, 张某乙).
type recordNames struct {
	masker *person.Masker
	// fixed are the stand-ins set by the policy (pseudonyms).
	fixed map[string]string
	// keep are the names the record publishes on purpose.
	keep map[string]bool
}

func (r *recordNames) kept(name string) bool { return r.keep[name] }

// fix sets what a name becomes in the record, whatever the masker says.
func (r *recordNames) fix(name, as string) {
	if r.fixed == nil {
		r.fixed = map[string]string{}
	}
	r.fixed[name] = as
}

func newRecordNames() *recordNames {
	return &recordNames{masker: person.NewMasker()}
}

func (r *recordNames) replace(name string, latin bool) string {
	if v, ok := r.fixed[name]; ok {
		return v
	}
	m := r.masker.Mask(name)
	if latin {
		return person.Romanize(m)
	}
	return m
}

// Mask turns a personal name into the form published decisions use:
// surname + 某 (张三 → 张某; 欧阳明月 → 欧阳某); see person.Mask.
func Mask(name string) string { return person.Mask(name) }

// Pseudonym returns a stable, keyed stand-in for a name: 人员- and the
// first eight hex digits of HMAC-SHA-256(key, folded name). Without the key
// nobody can test a guessed name against it, which a plain hash would
// allow.
func Pseudonym(key []byte, name string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(nameKey(name)))
	return "人员-" + hex.EncodeToString(m.Sum(nil))[:8]
}

// nameKey is the form of a name that pseudonyms are computed from: folded,
// and without inner spaces when it is Chinese.
func nameKey(name string) string {
	s := strings.TrimSpace(fold.Text(name))
	if hasHan(s) {
		s = strings.ReplaceAll(s, " ", "")
	}
	return s
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
