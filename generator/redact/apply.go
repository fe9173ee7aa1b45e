package redact

import (
	"sort"
	"strings"
	"unsafe"

	"disclose/generator/diag"
	"disclose/generator/parallel"
	"disclose/generator/person"
	"disclose/generator/record"
	"disclose/generator/scan"
	"disclose/generator/schema"
	"disclose/generator/slug"
)

// scrubbed reports the field types whose text is cleaned.
func scrubbed(t schema.Type) bool {
	return t == schema.Text || t == schema.FreeText || t == schema.Phone || t == schema.Email
}

// written reports the fields people write about people in: free text and
// titles. Names found there by their context (person.Find) are removed
// from every text of the build, as the leak guard looks for them in every
// output.
func written(ds *schema.Dataset, f *schema.Field) bool {
	return f.Type == schema.FreeText || f.Key == ds.TitleField || f.Key == "title_en"
}

// guarded reports the fields whose values the leak guard looks for when
// they are not published: ids, names, secrets, free text, titles and any
// other text that does not recur. Dates, numbers, codes, vocabulary terms,
// institutions and their contacts recur across records and in other
// records' text, so finding them proves nothing.
func guarded(ds *schema.Dataset, f *schema.Field) bool {
	switch f.Type {
	case schema.ID, schema.FreeText, schema.Person, schema.Secret:
		return true
	case schema.Text:
		return !f.Recurs
	}
	return false
}

// tally is what redacting some records gives: the public records, the
// counts of what was changed, the values taken out and where.
type tally struct {
	records map[string][]*Record
	counts  map[string]map[string]int
	removed map[string]bool
	// personal are the removed values that are names: they stay needles
	// even when a public value holds them (see Apply).
	personal map[string]bool
	log      []Redaction
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

// add adds another tally's records, counts, values and log to t.
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
	t.log = append(t.log, o.log...)
}

// redact redacts published records into t with its own scrubber.
func (t *tally) redact(published []*record.Record, sc *scrubber, p Policy) {
	keys := map[*schema.Field]string{}
	for _, rec := range published {
		ds := rec.Dataset.Name
		out := &Record{dataset: rec.Dataset, id: rec.ID, slug: slug.Make(rec.ID), values: make(map[string]record.Value, len(rec.Values)), row: rec.Row, cols: rec.Cols}
		names := newRecordNames()
		names.keep = keptNames(rec, p)
		// The record's own people are named first, in the order of its
		// fields, so that its first 张 is 张某甲 wherever he appears.
		for _, f := range rec.Dataset.Fields {
			if f.Type != schema.Person {
				continue
			}
			word := p.word(ds, f)
			v := rec.Values[f.Key]
			for _, cell := range append([]string{v.Str}, v.List...) {
				for _, name := range person.Parse(cell) {
					switch word {
					case policyPseudonym:
						names.fix(name, Pseudonym(p.Key, name))
					case policyDrop:
						// a person not published is not half named
						// in the text either
						names.fix(name, p.Placeholder)
					}
					if word != policyKeep {
						names.masker.Add(name)
					}
				}
			}
		}
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
			pos := rec.Pos(f.Key)
			note := func(kind string, n int) {
				t.count(key, kind, n)
				for range n {
					t.log = append(t.log, Redaction{Pos: pos, Field: key, Kind: kind})
				}
			}
			word := p.word(ds, f)
			if f.Type == schema.Secret {
				t.remove(v.Str)
				for _, s := range v.List {
					t.remove(s)
				}
				note("secret", 1)
				continue
			}
			if word == policyDrop {
				if f.Type == schema.Person {
					t.removePeople(v, sc)
				} else if guarded(rec.Dataset, f) {
					t.remove(v.Str)
					for _, s := range v.List {
						t.remove(s)
					}
				}
				note("drop", 1)
				continue
			}
			switch {
			case f.Type == schema.Person && word != policyKeep:
				nv := record.Value{}
				n := 0
				if v.Str != "" {
					var masked []string
					for _, name := range person.Parse(v.Str) {
						masked = append(masked, names.replace(name, false))
					}
					n += len(masked)
					nv.Str = strings.Join(masked, "、")
				}
				for _, s := range v.List {
					for _, name := range person.Parse(s) {
						nv.List = append(nv.List, names.replace(name, false))
						n++
					}
				}
				t.removePeople(v, sc)
				note(word, n)
				if nv.Str == "" && len(nv.List) == 0 {
					continue
				}
				v = nv
			case scrubbed(f.Type):
				found := func(kind, orig string) {
					note(kind, 1)
					if kind == kindName {
						t.removeName(orig)
					} else {
						t.remove(orig)
					}
				}
				nv := v
				if v.Str != "" {
					nv.Str = sc.scrub(v.Str, names, found)
				}
				if v.List != nil {
					nv.List = make([]string, len(v.List))
					for i, s := range v.List {
						nv.List[i] = sc.scrub(s, names, found)
					}
				}
				v = nv
			}
			out.values[f.Key] = v
		}
		for _, s := range rec.Extra {
			t.remove(s)
		}
		if len(rec.Extra) > 0 {
			t.count(ds+".*", "extra", len(rec.Extra))
			t.log = append(t.log, Redaction{Pos: rec.Row, Field: ds + ".*", Kind: "extra"})
		}
		t.records[ds] = append(t.records[ds], out)
	}
}

// removePeople removes what a person cell holds: the cell as typed, each
// person in it, and any number typed beside a name.
func (t *tally) removePeople(v record.Value, sc *scrubber) {
	for _, cell := range append([]string{v.Str}, v.List...) {
		if strings.TrimSpace(cell) == "" {
			continue
		}
		t.removeName(cell)
		for _, name := range person.Parse(cell) {
			t.removeName(name)
		}
		for _, m := range sc.det.FindAll([]byte(cell)) {
			t.remove(cell[m.Start:m.End])
		}
	}
}

// Apply redacts the published records. withheld are the records the
// publication rules held back and the rejected ones: their names are
// cleaned out of public text, their ids and titles too where a public
// record cites them, and their values go to Result.Removed so that the
// leak guard can prove none of them reached an output.
func Apply(cat *schema.Catalog, published, withheld []*record.Record, p Policy) (*Result, error) {
	if err := p.Validate(cat); err != nil {
		return nil, err
	}
	if p.Placeholder == "" {
		p.Placeholder = DefaultPlaceholder
	}
	public := PublicValues(published)
	sc := newScrubber(p.Placeholder, p.PersonalMailDomains, newPeople(protectedForms(published, withheld, p)), citations(withheld, public), cat.Words())
	// Each record is redacted on its own: on every core, each worker with
	// a tally of its own, added up in order.
	parts := make([]*tally, parallel.Shares(len(published), 1000))
	parallel.Each(len(parts), len(published), func(w, lo, hi int) {
		parts[w] = newTally()
		parts[w].redact(published[lo:hi], sc.clone(), p)
	})
	t := newTally()
	if len(parts) > 0 {
		t = parts[0]
	}
	for _, part := range parts[1:] {
		t.add(part)
	}
	res := &Result{Records: t.records, Counts: t.counts, Log: t.log}
	anyway := PublishedAnyway(withheld, public)
	for _, rec := range withheld {
		for _, f := range rec.Dataset.Fields {
			v, ok := rec.Values[f.Key]
			if !ok || !guarded(rec.Dataset, f) {
				continue
			}
			if f.Type == schema.Person {
				t.removePeople(v, sc)
				continue
			}
			for _, s := range append([]string{v.Str}, v.List...) {
				if f.Type == schema.Secret || !public[s] && !(f.Type == schema.FreeText && anyway[s]) {
					t.remove(s)
				}
			}
		}
		t.remove(rec.ID)
		for _, s := range rec.Extra {
			t.remove(s)
		}
	}
	res.Removed = needles(t, published, p, public)
	for _, recs := range res.Records {
		sort.Slice(recs, func(i, j int) bool { return recs[i].id < recs[j].id })
	}
	sort.SliceStable(res.Log, func(i, j int) bool { return res.Log[i].less(res.Log[j]) })
	return res, nil
}

// PublicValues are the values published on purpose as a whole: every
// public field's value of every published record, and every item of its
// lists. A withheld record's value identical to one of them (a unit that
// also has public records, a stock sentence) is no leak where it appears.
func PublicValues(published []*record.Record) map[string]bool {
	out := map[string]bool{}
	for _, rec := range published {
		for _, f := range rec.Dataset.Fields {
			if f.Type == schema.Secret || f.Type == schema.Person {
				continue
			}
			v, ok := rec.Values[f.Key]
			if !ok {
				continue
			}
			if v.Str != "" {
				out[v.Str] = true
			}
			for _, s := range v.List {
				out[s] = true
			}
		}
	}
	return out
}

// PublishedAnyway reports the free text of records not published that a
// published value (see PublicValues) holds as typed (a stock sentence
// inside a published summary): finding it in the output proves nothing.
// Ids and titles are never excused this way: one inside a public text is
// a citation, and the cleaner takes it out. The redactor and the leak
// guard both keep to this rule.
func PublishedAnyway(withheld []*record.Record, public map[string]bool) map[string]bool {
	var cands []string
	for _, rec := range withheld {
		for _, f := range rec.Dataset.Fields {
			if f.Type != schema.FreeText {
				continue
			}
			v := rec.Values[f.Key]
			for _, s := range append([]string{v.Str}, v.List...) {
				if s != "" && !public[s] {
					cands = append(cands, s)
				}
			}
		}
	}
	texts := make([]string, 0, len(public))
	for s := range public {
		texts = append(texts, s)
	}
	return scan.Within(cands, texts)
}

// citations are what a public record's text must not cite of a record
// that is not published: its id and its titles, unless the same value is
// published as a whole anyway.
func citations(withheld []*record.Record, public map[string]bool) []string {
	var out []string
	for _, rec := range withheld {
		for _, s := range []string{rec.ID, rec.Str(rec.Dataset.TitleField), rec.Str("title_en")} {
			if s = strings.TrimSpace(s); s != "" && !public[s] {
				if u, ok := scan.UsefulNeedle(s); ok {
					out = append(out, u)
				}
			}
		}
	}
	return out
}

// needles returns the values taken out, sorted, for the leak guard. A
// value taken out that is also a public value as a whole is left out:
// finding it proves nothing. Names are kept even then, unless a person
// field publishes them on purpose (policy keep): a name still found in a
// public value sits where nothing cleans it.
func needles(t *tally, published []*record.Record, p Policy, public map[string]bool) []string {
	kept := map[string]bool{}
	for _, rec := range published {
		for _, f := range rec.Dataset.Fields {
			if f.Type != schema.Person || p.word(rec.Dataset.Name, f) != policyKeep {
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
	out := make([]string, 0, len(t.removed))
	for s := range t.removed {
		switch {
		case kept[s]:
		case t.personal[s]:
			out = append(out, s)
		case !public[s]:
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// view returns a read-only view of a string's bytes, not a copy.
func view(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// Redaction is one value the redactor changed: where, in which field, and
// what kind of thing it took out. It never holds the value.
type Redaction struct {
	Pos   diag.Pos
	Field string // dataset.field
	Kind  string
}

func (r Redaction) String() string { return r.Pos.String() + ": " + r.Field + ": " + r.Kind }

func (r Redaction) less(o Redaction) bool {
	a, b := r.Pos, o.Pos
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Sheet != b.Sheet {
		return a.Sheet < b.Sheet
	}
	if a.Row != b.Row {
		return a.Row < b.Row
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return r.Kind < o.Kind
}
