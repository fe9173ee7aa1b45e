// Package record holds the typed records that normalisation produces from
// workbook rows. A Record is still private data: it carries person and secret
// fields and may be withheld. Only the redactor turns it into something an
// output may contain (see package redact).
package record

import (
	"disclose/generator/diag"
	"disclose/generator/schema"
)

// Value is one normalised cell. Which member is meaningful depends on the
// field's type: Str for scalars (id, text, free text, ISO date, enum or
// region code, period, credit code, person, secret, phone, e-mail), List for
// list fields, Int for Int, Bool for Bool.
type Value struct {
	Str  string
	List []string
	Int  int64
	Bool bool
}

// Record is one row of a register after normalisation.
type Record struct {
	Dataset *schema.Dataset
	ID      string
	// Row is where the record came from (column 0).
	Row diag.Pos
	// Values holds the fields that had a value; a blank field is absent.
	Values map[string]Value
	// Cols maps a field key to its column, for diagnostics. The records
	// of one sheet share it: never change it.
	Cols map[string]int
	// Extra holds the text of columns that matched no field: never
	// published, but scanned for so that none of it leaks.
	Extra []string
}

// Has reports whether the field had a value.
func (r *Record) Has(key string) bool {
	_, ok := r.Values[key]
	return ok
}

// Str returns the scalar value of a field, "" when blank.
func (r *Record) Str(key string) string { return r.Values[key].Str }

// List returns the list value of a field.
func (r *Record) List(key string) []string { return r.Values[key].List }

// Bool returns a boolean field, applying its default when blank.
func (r *Record) Bool(key string) bool {
	if v, ok := r.Values[key]; ok {
		return v.Bool
	}
	if f := r.Dataset.Field(key); f != nil {
		return f.DefaultTrue
	}
	return false
}

// Pos returns the position of a field's cell.
func (r *Record) Pos(key string) diag.Pos {
	p := r.Row
	p.Col = r.Cols[key]
	return p
}
