// Package redact is the only way from private records to public ones. It
// takes the records that the publication rules let through and returns
// Records, a type no other package can construct: the exporters and the
// site writer accept nothing else, so an unredacted value cannot reach an
// output by accident.
//
// What it does, field by field (the Policy says how for person fields):
//
//   - secret fields are never published, whatever the policy says;
//   - a person field is read as people write it (张三、李四教授等, a phone
//     after the name: see person.Parse), and each person in it is masked
//     by default (张三 → 张某, 欧阳明月 → 欧阳某, two of one surname in a
//     record 张某甲 and 张某乙), or dropped, kept, or replaced by a keyed
//     pseudonym (人员-3fa9c1d2);
//   - columns the schema does not know (record.Extra) are never published;
//   - every text, free-text, phone and e-mail value, and every item of a
//     text list, is cleaned: every written form of every name of a person
//     field of the build (spaced, dotted, in pinyin, the given name with a
//     title) becomes that person's masked name, as in published judgments;
//     in free text and titles so do names found by their context (a
//     surname and a given name beside a role word, person.Find); resident
//     ID numbers, phone numbers, personal e-mail addresses, card numbers,
//     passport and permit numbers, and citations of records that are not
//     published (their ids and titles) are replaced, whole, by the
//     placeholder 〔已隐去〕.
//
// The files: policy.go says what may be done to which field; apply.go
// applies it record by record; people.go finds the people; text.go cleans
// text; the needles for the leak guard are worked out at the end of Apply.
//
// It reports what it removed by "dataset.field" and kind (counts, never
// values), every change by cell and kind (Result.Log, for the private build
// report), and hands the removed values to the leak guard (package scan)
// in Result.Removed.
package redact

import (
	"disclose/generator/diag"
	"disclose/generator/record"
	"disclose/generator/schema"
)

// Record is a published record after redaction. Only this package makes
// them.
type Record struct {
	dataset *schema.Dataset
	id      string
	slug    string
	values  map[string]record.Value
	// where the record came from, for reports that name the cell to fix
	row  diag.Pos
	cols map[string]int
}

// Dataset returns the record's register.
func (r *Record) Dataset() *schema.Dataset { return r.dataset }

// ID returns the record's id as published.
func (r *Record) ID() string { return r.id }

// Slug returns the URL segment of the record's permanent address.
func (r *Record) Slug() string { return r.slug }

// Source returns the workbook cell a field came from (the row when the
// field is not known), for messages to the data officer. It is never
// published.
func (r *Record) Source(key string) diag.Pos {
	p := r.row
	p.Col = r.cols[key]
	return p
}

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
	// "withheld" (a citation of a record not published), and the
	// detectors' kinds ("id_number", "mobile", "email", ...).
	Counts map[string]map[string]int
	// Log lists every change by cell, field and kind, in workbook order,
	// so that a data officer can review what was removed. It holds no
	// value and is never published.
	Log []Redaction
	// Removed holds every value the redactor removed or replaced and the
	// text of every withheld record, sorted and without duplicates, for
	// the leak guard. Values that are public anyway (the same text is a
	// whole published value) are left out, except names: a name still
	// inside a public value sits where nothing cleans it (a record id),
	// and the guard must find it there. Never written to any output.
	Removed []string
}

// DefaultPlaceholder replaces every span removed from text other than a
// name.
const DefaultPlaceholder = "〔已隐去〕"

// Title returns the record's title as its page shows it in lang (see
// schema.Dataset.Title), or else the id.
func (r *Record) Title(lang string) string {
	if t := r.dataset.Title(r.Str, lang); t != "" {
		return t
	}
	return r.id
}
