// Package redact is the only way from private records to public ones. It
// takes the records that the publication rules let through and returns
// Records, a type no other package can construct: the exporters and the
// site writer accept nothing else, so an unredacted value cannot reach an
// output by accident.
//
// What it does, field by field (the Policy says how for person fields):
//
//   - secret fields are never published, whatever the policy says;
//   - person fields are masked by default (张三 → 张某, 欧阳明月 → 欧阳某,
//     John Smith → J.), or dropped, kept, or replaced by a keyed
//     pseudonym (人员-3fa9c1d2);
//   - columns the schema does not know (record.Extra) are never published;
//   - every text, free-text, phone and e-mail value, and every item of a
//     text list, is cleaned: each name found in any person field of any
//     record of the build (published or withheld), resident ID numbers,
//     mobile numbers, personal e-mail addresses, card numbers, passport and
//     permit numbers are replaced, whole, by the placeholder 〔已隐去〕.
//
// It reports what it removed by "dataset.field" and kind (counts, never
// values) and hands the removed values, and the text of every withheld
// record, to the leak guard (package scan) in Result.Removed.
package redact

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"disclose/generator/fold"
	"disclose/generator/parallel"
	"disclose/generator/record"
	"disclose/generator/scan"
	"disclose/generator/schema"
	"disclose/generator/slug"
)

// Record is a published record after redaction. Only this package makes
// them.
type Record struct {
	dataset *schema.Dataset
	id      string
	slug    string
	values  map[string]record.Value
}

// Dataset returns the record's register.
func (r *Record) Dataset() *schema.Dataset { return r.dataset }

// ID returns the record's id as published.
func (r *Record) ID() string { return r.id }

// Slug returns the URL segment of the record's permanent address.
func (r *Record) Slug() string { return r.slug }

// Value returns a field's public value; ok is false when the field is blank,
// withheld by policy or never public.
func (r *Record) Value(key string) (v record.Value, ok bool) {
	v, ok = r.values[key]
	return v, ok
}

// Str returns a scalar field's public value, "" when blank.
func (r *Record) Str(key string) string { return r.values[key].Str }

// List returns a list field's public value.
func (r *Record) List(key string) []string { return r.values[key].List }

// Bool returns a boolean field, applying its default when blank.
func (r *Record) Bool(key string) bool {
	if v, ok := r.values[key]; ok {
		return v.Bool
	}
	if f := r.dataset.Field(key); f != nil {
		return f.DefaultTrue
	}
	return false
}

// Result is the redactor's output.
type Result struct {
	// Records holds the public records per dataset name, sorted by id.
	Records map[string][]*Record
	// Counts says how many values were redacted, by "dataset.field" and
	// kind: "secret", "mask", "pseudonym", "drop", "extra" (unknown
	// columns, under "dataset.*"), and the free-text kinds "name",
	// "id_number", "mobile", "email", "bank_card", "passport", "permit".
	Counts map[string]map[string]int
	// Removed holds every value the redactor removed or replaced and the
	// text of every withheld record, sorted and without duplicates, for
	// the leak guard. Values that are public anyway (the same text is a
	// published value) are left out, except names: a name still inside a
	// public value sits where nothing cleans it (a record id), and the
	// guard must find it there. Never written to any output.
	Removed []string
}

// Policy words for Policy.Fields.
const (
	policyKeep      = "keep"
	policyMask      = "mask"
	policyDrop      = "drop"
	policyPseudonym = "pseudonym"
)

// DefaultPlaceholder replaces every span removed from text.
const DefaultPlaceholder = "〔已隐去〕"

// Policy is the redaction policy.
type Policy struct {
	// Fields maps "dataset.field" to keep, mask, drop or pseudonym. Person
	// fields accept all four (default mask). Other public fields accept
	// keep (the default) and drop. Secret fields are never published:
	// only drop is accepted for them, and any other word is an error so
	// that nobody believes a secret can be made public.
	Fields map[string]string
	// Key is the HMAC-SHA-256 key for pseudonyms; required as soon as
	// one field uses pseudonym (the CLI reads $DISCLOSE_PSEUDONYM_KEY).
	Key []byte
	// Placeholder replaces removed spans; "" means DefaultPlaceholder.
	Placeholder string
	// PersonalMailDomains are the mail services whose addresses are
	// personal; nil means scan.PersonalMailDomains().
	PersonalMailDomains []string
}

// ErrNoKey is returned when a field uses pseudonym and Policy.Key is empty.
var ErrNoKey = errors.New("pseudonym policy needs a key in $DISCLOSE_PSEUDONYM_KEY")

// Validate checks the policy against the catalog: every key must name an
// existing "dataset.field", every word must be known and allowed for the
// field's type, and pseudonym needs a key. All problems are reported.
func (p Policy) Validate(cat *schema.Catalog) error {
	var errs []error
	keys := make([]string, 0, len(p.Fields))
	for k := range p.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	needKey := false
	for _, k := range keys {
		word := p.Fields[k]
		ds, field, ok := strings.Cut(k, ".")
		if !ok {
			errs = append(errs, fmt.Errorf("redaction policy %q: want dataset.field", k))
			continue
		}
		d := cat.Dataset(ds)
		if d == nil {
			errs = append(errs, fmt.Errorf("redaction policy %q: no dataset %q", k, ds))
			continue
		}
		f := d.Field(field)
		if f == nil {
			errs = append(errs, fmt.Errorf("redaction policy %q: dataset %s has no field %q", k, ds, field))
			continue
		}
		switch word {
		case policyKeep, policyMask, policyDrop, policyPseudonym:
		default:
			errs = append(errs, fmt.Errorf("redaction policy %q: unknown policy %q (want keep, mask, drop or pseudonym)", k, word))
			continue
		}
		switch {
		case f.Type == schema.Secret && word != policyDrop:
			errs = append(errs, fmt.Errorf("redaction policy %q: %s is a secret field and is never published; %q has no effect (remove it or say drop)", k, k, word))
		case f.Type != schema.Person && f.Type != schema.Secret && word != policyKeep && word != policyDrop:
			errs = append(errs, fmt.Errorf("redaction policy %q: %q applies to person fields only; %s accepts keep or drop", k, word, k))
		case word == policyPseudonym:
			needKey = true
		}
	}
	if needKey && len(p.Key) == 0 {
		errs = append(errs, ErrNoKey)
	}
	return errors.Join(errs...)
}

// word returns the policy for a field, with the defaults applied.
func (p Policy) word(ds string, f *schema.Field) string {
	if f.Type == schema.Secret {
		return policyDrop
	}
	if w, ok := p.Fields[ds+"."+f.Key]; ok {
		return w
	}
	if f.Type == schema.Person {
		return policyMask
	}
	return policyKeep
}

// scrubbed reports the field types whose text is cleaned.
func scrubbed(t schema.Type) bool {
	return t == schema.Text || t == schema.FreeText || t == schema.Phone || t == schema.Email
}

// guarded reports the fields whose values the leak guard looks for when
// they are not published: ids, names, secrets, free text and titles. Dates,
// numbers, codes, vocabulary terms, institutions and their contacts recur
// across records and in other records' text, so finding them proves
// nothing.
func guarded(f *schema.Field) bool {
	switch f.Type {
	case schema.ID, schema.FreeText, schema.Person, schema.Secret:
		return true
	case schema.Text:
		return f.Key == "title" || f.Key == "title_en"
	}
	return false
}

// tally is what redacting some records gives: the public records, the
// counts of what was changed, and the values taken out.
type tally struct {
	records map[string][]*Record
	counts  map[string]map[string]int
	removed map[string]bool
	// personal are the removed values that are names: they stay needles
	// even when a public value holds them (see Apply).
	personal map[string]bool
}

func newTally() *tally {
	return &tally{records: map[string][]*Record{}, counts: map[string]map[string]int{}, removed: map[string]bool{}, personal: map[string]bool{}}
}

func (t *tally) count(key, kind string, n int) {
	if n == 0 {
		return
	}
	if t.counts[key] == nil {
		t.counts[key] = map[string]int{}
	}
	t.counts[key][kind] += n
}

func (t *tally) remove(s string) {
	if s = strings.TrimSpace(s); s != "" {
		t.removed[s] = true
	}
}

// removeName removes a name. Names stay needles even when a public value
// holds them: the cleaner takes them out of every text, so a name still
// found in a public value sits where nothing cleans it (a record id, a
// reference) and the guard must see it.
func (t *tally) removeName(s string) {
	if s = strings.TrimSpace(s); s != "" {
		t.removed[s] = true
		t.personal[s] = true
	}
}

// add adds another tally's records, counts and values to t.
func (t *tally) add(o *tally) {
	for ds, recs := range o.records {
		t.records[ds] = append(t.records[ds], recs...)
	}
	for key, kinds := range o.counts {
		for kind, n := range kinds {
			t.count(key, kind, n)
		}
	}
	for s := range o.removed {
		t.removed[s] = true
	}
	for s := range o.personal {
		t.personal[s] = true
	}
}

// redact redacts published records into t with its own scrubber.
func (t *tally) redact(published []*record.Record, sc *scrubber, p Policy) {
	keys := map[*schema.Field]string{}
	for _, rec := range published {
		ds := rec.Dataset.Name
		out := &Record{dataset: rec.Dataset, id: rec.ID, slug: slug.Make(rec.ID), values: make(map[string]record.Value, len(rec.Values))}
		for _, f := range rec.Dataset.Fields {
			v, ok := rec.Values[f.Key]
			if !ok {
				continue
			}
			key, ok := keys[f]
			if !ok {
				key = ds + "." + f.Key
				keys[f] = key
			}
			word := p.word(ds, f)
			if f.Type == schema.Secret {
				t.remove(v.Str)
				for _, s := range v.List {
					t.remove(s)
				}
				t.count(key, "secret", 1)
				continue
			}
			if word == policyDrop {
				if f.Type == schema.Person {
					t.removeName(v.Str)
					for _, s := range v.List {
						t.removeName(s)
					}
				} else if guarded(f) {
					t.remove(v.Str)
					for _, s := range v.List {
						t.remove(s)
					}
				}
				t.count(key, "drop", 1)
				continue
			}
			switch {
			case f.Type == schema.Person && word != policyKeep:
				conv := Mask
				if word == policyPseudonym {
					conv = func(name string) string { return Pseudonym(p.Key, name) }
				}
				nv := record.Value{}
				if v.Str != "" {
					nv.Str = conv(v.Str)
					if nv.Str != v.Str {
						t.removeName(v.Str)
					}
				}
				for _, s := range v.List {
					m := conv(s)
					if m != s {
						t.removeName(s)
					}
					nv.List = append(nv.List, m)
				}
				t.count(key, word, max(len(v.List), min(len(v.Str), 1)))
				v = nv
			case scrubbed(f.Type):
				nv := v
				if v.Str != "" {
					nv.Str = sc.scrub(v.Str, func(kind, orig string) {
						t.count(key, kind, 1)
						if kind == "name" {
							t.removeName(orig)
						} else {
							t.remove(orig)
						}
					})
				}
				if v.List != nil {
					nv.List = make([]string, len(v.List))
					for i, s := range v.List {
						nv.List[i] = sc.scrub(s, func(kind, orig string) {
							t.count(key, kind, 1)
							if kind == "name" {
								t.removeName(orig)
							} else {
								t.remove(orig)
							}
						})
					}
				}
				v = nv
			}
			out.values[f.Key] = v
		}
		for _, s := range rec.Extra {
			t.remove(s)
		}
		t.count(ds+".*", "extra", len(rec.Extra))
		t.records[ds] = append(t.records[ds], out)
	}
}

// Apply redacts the published records. withheld are the records the
// publication rules held back: their values go to Result.Removed so the
// leak guard can prove none of them reached an output.
func Apply(cat *schema.Catalog, published, withheld []*record.Record, p Policy) (*Result, error) {
	if err := p.Validate(cat); err != nil {
		return nil, err
	}
	if p.Placeholder == "" {
		p.Placeholder = DefaultPlaceholder
	}
	sc := newScrubber(p.Placeholder, p.PersonalMailDomains, names(published, withheld, p))
	// Each record is redacted on its own: on every core, each worker with
	// a tally of its own, added up in order.
	parts := make([]*tally, parallel.Shares(len(published), 1000))
	parallel.Each(len(parts), len(published), func(w, lo, hi int) {
		parts[w] = newTally()
		parts[w].redact(published[lo:hi], sc.clone(), p)
	})
	t := parts[0]
	for _, part := range parts[1:] {
		t.add(part)
	}
	res := &Result{Records: t.records, Counts: t.counts}
	removed, personal := t.removed, t.personal
	remove, removeName := t.remove, t.removeName
	for _, rec := range withheld {
		for _, f := range rec.Dataset.Fields {
			v, ok := rec.Values[f.Key]
			if !ok || !guarded(f) {
				continue
			}
			if f.Type == schema.Person {
				removeName(v.Str)
				for _, s := range v.List {
					removeName(s)
				}
				continue
			}
			remove(v.Str)
			for _, s := range v.List {
				remove(s)
			}
		}
		remove(rec.ID)
		for _, s := range rec.Extra {
			remove(s)
		}
	}
	res.Removed = publicAnyway(removed, res.Records)
	// A name published on purpose (in a person field whose policy is
	// keep) is no leak where it appears, nor is a name inside it; any
	// other name is.
	for _, s := range res.Removed {
		delete(personal, s)
	}
	if len(personal) > 0 {
		pers := make([]string, 0, len(personal))
		for s := range personal {
			pers = append(pers, s)
		}
		set := scan.NewSet(pers)
		for _, rec := range published {
			for _, f := range rec.Dataset.Fields {
				if f.Type != schema.Person || p.word(rec.Dataset.Name, f) != policyKeep {
					continue
				}
				v := rec.Values[f.Key]
				for _, s := range append([]string{v.Str}, v.List...) {
					delete(personal, strings.TrimSpace(s))
					set.All([]byte(s), func(_, _, i int) bool {
						delete(personal, set.Pattern(i))
						return true
					})
				}
			}
		}
		for s := range personal {
			res.Removed = append(res.Removed, s)
		}
	}

	sort.Strings(res.Removed)
	for _, recs := range res.Records {
		sort.Slice(recs, func(i, j int) bool { return recs[i].id < recs[j].id })
	}
	return res, nil
}

// publicAnyway returns the removed values, sorted, less those that are
// published anyway: equal to or part of a public value (a withheld
// record's stock sentence that a published summary also has, a withheld
// record's id inside a longer published one). Finding them in the output
// would prove nothing.
func publicAnyway(removed map[string]bool, recs map[string][]*Record) []string {
	short := map[string]bool{}
	var long []string
	for s := range removed {
		if len(s) >= scan.MinPatternLen {
			long = append(long, s)
		} else {
			short[s] = true
		}
	}
	set := scan.NewSet(long)
	var all []*Record
	for _, rs := range recs {
		all = append(all, rs...)
	}
	// Each worker looks through its share of the records and marks what
	// it finds; the marks are added up after.
	type marks struct {
		long  []bool
		short map[string]bool
	}
	parts := make([]marks, parallel.Shares(len(all), 1000))
	parallel.Each(len(parts), len(all), func(w, lo, hi int) {
		m := &parts[w]
		m.long, m.short = make([]bool, set.Len()), map[string]bool{}
		look := func(s string) {
			if short[s] {
				m.short[s] = true
			}
			// a read-only view of the string's bytes, not a copy
			set.All(unsafe.Slice(unsafe.StringData(s), len(s)), func(_, _, p int) bool {
				m.long[p] = true
				return true
			})
		}
		for _, r := range all[lo:hi] {
			look(r.id)
			for _, v := range r.values {
				look(v.Str)
				for _, s := range v.List {
					look(s)
				}
			}
		}
	})
	out := make([]string, 0, len(removed))
	for i := 0; i < set.Len(); i++ {
		public := false
		for _, m := range parts {
			public = public || m.long[i]
		}
		if !public {
			out = append(out, set.Pattern(i))
		}
	}
	for s := range short {
		public := false
		for _, m := range parts {
			public = public || m.short[s]
		}
		if !public {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// names collects the names the free-text cleaner looks for: every value of
// a person field of a withheld record, and of a published record unless
// the field's policy is keep (a name shown on purpose is not hidden in
// text either; a name that is also someone's protected name stays
// protected).
func names(published, withheld []*record.Record, p Policy) []string {
	var out []string
	add := func(rec *record.Record, keepAllowed bool) {
		for _, f := range rec.Dataset.Fields {
			if f.Type != schema.Person {
				continue
			}
			if keepAllowed && p.word(rec.Dataset.Name, f) == policyKeep {
				continue
			}
			v := rec.Values[f.Key]
			for _, s := range append([]string{v.Str}, v.List...) {
				out = append(out, nameForms(s)...)
			}
		}
	}
	for _, rec := range published {
		add(rec, true)
	}
	for _, rec := range withheld {
		add(rec, false)
	}
	return out
}

// nameForms returns the folded name, for Chinese names typed with inner
// spaces (张 三) the form without them, and for a name with a note in
// brackets the name alone. Names of fewer than two characters are not
// searched for.
func nameForms(s string) []string {
	s = strings.TrimSpace(fold.Text(s))
	if utf8.RuneCountInString(s) < 2 {
		return nil
	}
	out := []string{s}
	if strings.ContainsRune(s, ' ') && hasHan(s) {
		out = append(out, strings.ReplaceAll(s, " ", ""))
	}
	// 张三（组长） is searched for as 张三 as well
	if i := strings.IndexAny(s, "(（"); i > 0 {
		out = append(out, nameForms(s[:i])...)
	}
	return out
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

// compoundSurnames are the two-character surnames kept whole by Mask, in
// simplified and traditional forms.
var compoundSurnames = map[string]bool{
	"欧阳": true, "司马": true, "诸葛": true, "上官": true, "亓官": true, "闾丘": true,
	"东方": true, "皇甫": true, "尉迟": true, "公孙": true, "慕容": true, "令狐": true,
	"长孙": true, "宇文": true, "司徒": true, "夏侯": true, "端木": true, "澹台": true,
	"南宫": true, "西门": true, "司空": true, "独孤": true, "呼延": true, "万俟": true,
	"轩辕": true, "钟离": true, "太史": true, "申屠": true, "公冶": true, "赫连": true,
	"百里": true, "东郭": true, "拓跋": true, "第五": true, "梁丘": true, "左丘": true,
	"濮阳": true, "淳于": true, "单于": true, "公羊": true, "谷梁": true, "宰父": true,
	"漆雕": true, "乐正": true, "壤驷": true, "公良": true, "巫马": true, "仲孙": true,
	"叔孙": true, "鲜于": true, "闻人": true, "东门": true, "羊舌": true, "微生": true,
	"段干": true, "夹谷": true, "子车": true, "颛孙": true, "司寇": true, "公西": true,
	"歐陽": true, "司馬": true, "諸葛": true, "閭丘": true, "東方": true, "尉遲": true,
	"公孫": true, "長孫": true, "南宮": true, "西門": true, "獨孤": true, "軒轅": true,
	"鍾離": true, "鐘離": true, "東郭": true, "濮陽": true, "聞人": true, "東門": true,
	"顓孫": true, "萬俟": true,
}

// Mask turns a personal name into the form published decisions use:
// surname + 某 (张三 → 张某); a compound surname stays whole when the name
// has three or more characters (欧阳明月 → 欧阳某); a name in Latin letters
// becomes its first letter and a full stop (John Smith → J.), since which
// part is the surname cannot be known. A name that is already masked
// (ends in 某) is returned as it is.
func Mask(name string) string {
	name = strings.TrimSpace(fold.Text(name))
	if name == "" {
		return ""
	}
	if strings.HasSuffix(name, "某") {
		return name
	}
	r, _ := utf8.DecodeRuneInString(name)
	if r < 0x80 || unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) {
		if unicode.IsLetter(r) {
			return string(unicode.ToUpper(r)) + "."
		}
		return "某"
	}
	han := strings.ReplaceAll(name, " ", "")
	if utf8.RuneCountInString(han) >= 3 {
		_, w1 := utf8.DecodeRuneInString(han)
		_, w2 := utf8.DecodeRuneInString(han[w1:])
		if compoundSurnames[han[:w1+w2]] {
			return han[:w1+w2] + "某"
		}
	}
	return string(r) + "某"
}

// Pseudonym returns a stable, keyed stand-in for a name: 人员- and the
// first eight hex digits of HMAC-SHA-256(key, folded name). Without the key
// nobody can test a guessed name against it, which a plain hash would
// allow.
func Pseudonym(key []byte, name string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(nameKey(name)))
	return "人员-" + hex.EncodeToString(m.Sum(nil))[:8]
}

// scrubber cleans one text value at a time; it is built once per Apply.
type scrubber struct {
	placeholder string
	det         *scan.Detector
	names       *scan.Set
	// shortNames are names too short for the Set (Latin names under six
	// bytes); searched one by one on word boundaries.
	shortNames []string
	// scratch reused from one value to the next
	buf   []byte
	obuf  []int32
	spans []span
}

// clone returns a scrubber that shares the patterns of s and has scratch
// of its own, for another goroutine.
func (s *scrubber) clone() *scrubber {
	return &scrubber{placeholder: s.placeholder, det: s.det, names: s.names, shortNames: s.shortNames}
}

func newScrubber(placeholder string, domains []string, names []string) *scrubber {
	s := &scrubber{placeholder: placeholder, det: scan.NewDetector(scan.Eager, domains), names: scan.NewSet(names)}
	seen := map[string]bool{}
	for _, n := range names {
		if len(n) < scan.MinPatternLen && len(n) >= 4 && !seen[n] {
			seen[n] = true
			s.shortNames = append(s.shortNames, n)
		}
	}
	sort.Strings(s.shortNames)
	return s
}

// Passport and permit numbers. A Chinese ordinary passport (E + 8 digits,
// or E + letter + 7 digits; G + 8 digits for older ones) is distinctive
// enough to be removed anywhere it stands alone. Other passports (P, S, D
// + 7 or 8 digits) and the permits for Hong Kong, Macao and Taiwan (C, H,
// M, T + 8 to 10 letters or digits, at least 7 of them digits) look like
// model or batch numbers, so they are removed only within 40 bytes after a
// keyword such as 护照, 通行证 or passport.
var (
	keywordRE = regexp.MustCompile(`(?i)护照|通行证|回乡证|台胞证|往来港澳|往来台湾|居民来往|passport|permit`)
	gatedRE   = regexp.MustCompile(`(?:^|[^0-9A-Za-z])((?:[PpSsDd][0-9]{7,8})|(?:[CcHhMmTt][0-9A-Za-z]{8,10}))(?:$|[^0-9A-Za-z])`)
	// After a keyword, a number may also be typed with spaces or hyphens
	// inside (E1234 5678, C12-345-678).
	spacedRE = regexp.MustCompile(`(?:^|[^0-9A-Za-z])([EeGgPpSsDdCcHhMmTt][A-Za-z]?(?:[ -]?[0-9]){7,10})(?:$|[^0-9A-Za-z])`)
)

// gatedShape reports whether b has a letter that can start a gated
// passport or permit number followed by a digit: most text has none, and
// then the keywords need no search.
func gatedShape(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		switch b[i] | 0x20 {
		case 'e', 'g', 'p', 's', 'd', 'c', 'h', 'm', 't':
			for k := i + 1; k < len(b) && k <= i+4; k++ {
				if b[k] >= '0' && b[k] <= '9' {
					return true
				}
			}
		}
	}
	return false
}

// hasKeyword is a quick test before the keyword regexp runs: every
// Chinese keyword holds 证, 护照 or 往来, every English one a p.
func hasKeyword(b []byte) bool {
	if bytes.Contains(b, []byte("证")) || bytes.Contains(b, []byte("护照")) || bytes.Contains(b, []byte("往来")) {
		return true
	}
	for _, p := range []byte("pP") {
		for at := 0; ; {
			i := bytes.IndexByte(b[at:], p)
			if i < 0 {
				break
			}
			i += at
			if i+6 <= len(b) && bytes.EqualFold(b[i:i+6], []byte("permit")) || i+8 <= len(b) && bytes.EqualFold(b[i:i+8], []byte("passport")) {
				return true
			}
			at = i + 1
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// passports finds ordinary passport numbers standing alone: E or G and 8
// digits, or E, a letter other than I and O, and 7 digits.
func passports(b []byte, fn func(start, end int)) {
	for i := 0; i+9 <= len(b); i++ {
		c := b[i] | 0x20
		if c != 'e' && c != 'g' || i > 0 && isAlnum(b[i-1]) {
			continue
		}
		if i+9 < len(b) && isAlnum(b[i+9]) {
			continue
		}
		from := 1
		if c == 'e' {
			if l := b[i+1] | 0x20; l >= 'a' && l <= 'z' && l != 'i' && l != 'o' {
				from = 2
			}
		}
		if digitCount(b[i+from:i+9]) == 9-from {
			fn(i, i+9)
			i += 8
		}
	}
}

type span struct {
	start, end int
	kind       string
}

// scrub returns text with every detected span replaced by the
// placeholder; found is told each kind and original span. Detection runs on
// a folded copy (full-width forms folded, zero-width characters removed)
// whose offsets map back to the original, and the replacement is made in
// the original.
func (s *scrubber) scrub(text string, found func(kind, orig string)) string {
	folded, offs := foldMap(text, s.buf, s.obuf)
	s.buf = folded
	if offs != nil {
		s.obuf = offs
	}
	at := func(i int) int {
		if offs == nil {
			return i
		}
		return int(offs[i])
	}
	spans := s.spans[:0]
	defer func() { s.spans = spans[:0] }()
	s.det.Find(folded, func(m scan.Match) { spans = append(spans, span{m.Start, m.End, m.Kind}) })
	s.names.Find(folded, func(st, end, _ int) bool {
		spans = append(spans, span{st, end, "name"})
		return true
	})
	for _, n := range s.shortNames {
		for at := 0; ; {
			i := strings.Index(string(folded[at:]), n)
			if i < 0 {
				break
			}
			st, end := at+i, at+i+len(n)
			if wordEdge(folded, st-1) && wordEdge(folded, end) {
				spans = append(spans, span{st, end, "name"})
			}
			at = end
		}
	}
	passports(folded, func(st, end int) { spans = append(spans, span{st, end, "passport"}) })
	if gatedShape(folded) && hasKeyword(folded) {
		for _, k := range keywordRE.FindAllIndex(folded, -1) {
			win := folded[k[1]:min(len(folded), k[1]+40)]
			for _, m := range gatedRE.FindAllSubmatchIndex(win, -1) {
				tok := win[m[2]:m[3]]
				if digitCount(tok) >= 7 {
					kind := "passport"
					if strings.ContainsRune("CcHhMmTt", rune(tok[0])) {
						kind = "permit"
					}
					spans = append(spans, span{k[1] + m[2], k[1] + m[3], kind})
				}
			}
			for _, m := range spacedRE.FindAllSubmatchIndex(win, -1) {
				tok := win[m[2]:m[3]]
				kind := "passport"
				if strings.ContainsRune("CcHhMmTt", rune(tok[0])) {
					kind = "permit"
				}
				spans = append(spans, span{k[1] + m[2], k[1] + m[3], kind})
			}
		}
	}
	if len(spans) == 0 {
		return text
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	var b strings.Builder
	last := 0 // in text
	for i := 0; i < len(spans); {
		sp := spans[i]
		end := sp.end
		j := i + 1
		// overlapping spans become one; the first (longest) names the kind
		for j < len(spans) && spans[j].start < end {
			end = max(end, spans[j].end)
			j++
		}
		os, oe := at(sp.start), at(end)
		found(sp.kind, text[os:oe])
		b.WriteString(text[last:os])
		b.WriteString(s.placeholder)
		last = oe
		i = j
	}
	b.WriteString(text[last:])
	return b.String()
}

func digitCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}

// wordEdge reports whether position i of b is outside a Latin word.
func wordEdge(b []byte, i int) bool {
	if i < 0 || i >= len(b) {
		return true
	}
	c := b[i]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}

// needsFold reports a rune that foldMap changes.
func needsFold(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u3000':
		return true
	}
	return r >= '\uff01' && r <= '\uff5e'
}

// foldMap folds full-width ASCII to half-width, the ideographic space to a
// space, and removes zero-width characters, returning the folded bytes and,
// for each folded byte (and one past the end), the offset of the original
// byte it came from. offs is nil when nothing changed (offsets are then
// the same). buf and obuf are reused.
func foldMap(s string, buf []byte, obuf []int32) (out []byte, offs []int32) {
	change := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xEF || c == 0xE2 || c == 0xC2 || c == 0xE1 || c == 0xE3 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); needsFold(r) {
				change = true
				break
			}
		}
	}
	if !change {
		return append(buf[:0], s...), nil
	}
	out = slices.Grow(buf[:0], len(s))
	offs = slices.Grow(obuf[:0], len(s)+1)
	for i := 0; i < len(s); {
		c := s[i]
		if c != 0xEF && c != 0xE2 && c != 0xC2 && c != 0xE1 && c != 0xE3 {
			out = append(out, c)
			offs = append(offs, int32(i))
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff', r == '\u00ad', r == '\u180e':
		case r == '\u3000':
			out = append(out, ' ')
			offs = append(offs, int32(i))
		case r >= '\uff01' && r <= '\uff5e':
			out = append(out, byte(r-0xfee0))
			offs = append(offs, int32(i))
		default:
			for k := 0; k < w; k++ {
				out = append(out, s[i+k])
				offs = append(offs, int32(i+k))
			}
		}
		i += w
	}
	offs = append(offs, int32(len(s)))
	return out, offs
}

// Title returns the record's title as its page shows it in lang: the
// dataset's title field, the English title on English pages when there is
// one, the period after a report's body, or else the id.
func (r *Record) Title(lang string) string {
	ds := r.dataset
	t := r.Str(ds.TitleField)
	if lang == "en" && r.Str("title_en") != "" {
		t = r.Str("title_en")
	}
	if ds.Name == "reports" && r.Str("period") != "" {
		t += " " + schema.PeriodLabel(r.Str("period"), lang)
	}
	if t == "" {
		t = r.id
	}
	return t
}
