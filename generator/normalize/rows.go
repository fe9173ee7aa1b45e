package normalize

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"disclose/generator/diag"
	"disclose/generator/fold"
	"disclose/generator/ingest"
	"disclose/generator/record"
	"disclose/generator/scan"
	"disclose/generator/schema"
)

// Row normalises one data row. It returns the record and whether the row is
// free of errors; problems are appended to diags with the cell they concern.
func Row(cat *schema.Catalog, sh *ingest.Sheet, row ingest.Row, diags *diag.List) (*record.Record, bool) {
	ds := sh.Dataset
	rec := &record.Record{
		Dataset: ds,
		Row:     row.Pos,
		Values:  make(map[string]record.Value, len(ds.Fields)),
		Cols:    sh.ColumnOf,
	}
	before := diags.Errors()
	for i, raw := range row.Cells {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		var f *schema.Field
		if i < len(sh.Columns) {
			f = sh.Columns[i]
		}
		if f == nil {
			// Unknown columns are never published, but their text is
			// kept for the leak guard.
			rec.Extra = append(rec.Extra, raw)
			continue
		}
		pos := row.Pos
		pos.Col = i + 1
		v, err := parse(cat, f, raw, sh.Date1904, pos, diags)
		if err != nil {
			diags.Add(pos, f.Key, "%v", err)
			continue
		}
		rec.Values[f.Key] = v
	}
	rec.ID = rec.Str("id")
	if rec.ID == "" && len(ds.DeriveID) > 0 {
		if id := DeriveID(rec, ds.DeriveID); id != "" {
			rec.ID = id
			rec.Values["id"] = record.Value{Str: id}
		}
	}
	for _, f := range ds.Fields {
		if !f.Required || rec.Has(f.Key) {
			continue
		}
		if _, bad := rec.Cols[f.Key]; bad && cellFilled(row.Cells, rec.Cols[f.Key]) {
			continue // already reported as unreadable
		}
		diags.Add(rec.Pos(f.Key), f.Key, "required value missing")
	}
	for _, f := range ds.Fields {
		w := f.RequiredWhen
		if w == nil || rec.Has(f.Key) || rec.Str(w.Field) != w.Value || cellFilled(row.Cells, rec.Cols[f.Key]) {
			continue
		}
		diags.Add(rec.Pos(f.Key), f.Key, "required when the %s is %s", strings.ToLower(ds.Field(w.Field).En), termWords(cat, ds.Field(w.Field), w.Value))
	}
	return rec, diags.Errors() == before
}

func cellFilled(cells []string, col int) bool {
	return col > 0 && col <= len(cells) && strings.TrimSpace(cells[col-1]) != ""
}

// DeriveID makes the id of a record that has none from the fields that
// together are unique (schema.Dataset.DeriveID): their values joined with
// "-", codes and periods in upper case, text folded
// (2024-H1-北京市科学技术委员会). It is "" when one of them is blank.
func DeriveID(rec *record.Record, keys []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		v := rec.Str(k)
		if v == "" {
			return ""
		}
		if f := rec.Dataset.Field(k); f != nil && f.Type != schema.Text {
			v = strings.ToUpper(v)
		} else {
			v = fold.Text(v)
		}
		parts[i] = v
	}
	return strings.Join(parts, "-")
}

// termWords names a vocabulary value as officers write it: 地方/locality.
func termWords(cat *schema.Catalog, f *schema.Field, code string) string {
	if v := cat.Vocabs[f.Vocab]; v != nil {
		for _, t := range v.Terms {
			if t.Code == code {
				return t.Zh + "/" + code
			}
		}
	}
	return code
}

// exponent is how Excel keeps a number cell too long for its 15
// significant digits: 1.10108198804153E+17.
var exponent = regexp.MustCompile(`^[+-]?[0-9](?:\.[0-9]+)?[eE]\+?([0-9]+)$`)

// lostDigits reports a number cell whose value Excel has already rounded: a
// number of 16 or more digits (an ID or card number typed into a cell
// formatted as a number) is kept with 15 significant digits and the rest is
// gone, so nothing can be read from it, and what is left still shows a
// region and a birth date.
func lostDigits(raw string) bool {
	m := exponent.FindStringSubmatch(raw)
	if m == nil {
		return false
	}
	e, err := strconv.Atoi(m[1])
	return err == nil && e >= 15
}

// personal is the redactor's detector, made once (it keeps no state
// between calls): ids, counts and codes are published as they are, so a
// personal number in them is an error, never a value.
var personal = sync.OnceValue(func() *scan.Detector { return scan.NewDetector(scan.Eager, nil) })

// personalKind returns the kind of personal number raw holds, or "".
func personalKind(raw string) string {
	ms := personal().FindAll([]byte(raw))
	if len(ms) == 0 {
		return ""
	}
	return ms[0].Kind
}

func kindWord(kind string) string { return scan.Describe(kind) }

func parse(cat *schema.Catalog, f *schema.Field, raw string, date1904 bool, pos diag.Pos, diags *diag.List) (record.Value, error) {
	var v record.Value
	var err error
	if lostDigits(raw) {
		return v, fmt.Errorf("this is a number cell, and Excel keeps only 15 significant digits of a number, so the value is already lost and cannot be published; format the column as Text and type the value again")
	}
	switch f.Type {
	case schema.ID, schema.Int, schema.USCC:
		// published as they are, and an id is part of a web address:
		// nothing cleans them, so a personal number in them stops here
		if kind := personalKind(raw); kind != "" {
			return v, fmt.Errorf("holds what looks like %s, which is never published in this field; put it in the field meant for it or remove it", kindWord(kind))
		}
	}
	switch f.Type {
	case schema.ID:
		v.Str, err = ID(raw)
	case schema.Text, schema.Person:
		if f.List {
			v.List, err = List(raw, nil)
		} else {
			v.Str = Text(raw)
		}
	case schema.FreeText:
		v.Str = FreeText(raw)
	case schema.Secret:
		v.Str = FreeText(raw)
	case schema.Date:
		v.Str, err = Date(raw, date1904)
	case schema.Int:
		v.Int, err = Int(raw)
	case schema.Bool:
		v.Bool, err = Bool(raw)
	case schema.Enum:
		voc := cat.Vocab(f.Vocab)
		if f.List {
			v.List, err = List(raw, voc)
		} else {
			v.Str, err = Enum(voc, raw)
		}
	case schema.Region:
		v.Str, err = Region(cat.Vocab(f.Vocab), raw)
	case schema.Period:
		v.Str, err = Period(raw)
	case schema.USCC:
		var ok bool
		v.Str, ok, err = USCC(raw)
		if err == nil && !ok {
			// the value is not repeated: a number that fails as a code
			// may be something else, and the cell is named
			diags.Warn(pos, f.Key, "the credit code fails its GB 32100-2015 check character; check it")
		}
	case schema.Phone:
		v.Str = Text(raw)
	case schema.Email:
		v.Str = Text(raw)
		if !strings.Contains(v.Str, "@") {
			diags.Warn(pos, f.Key, "%q does not look like an e-mail address", v.Str)
		}
	default:
		return v, fmt.Errorf("field type %v not handled", f.Type)
	}
	if err == nil && f.List && len(v.List) == 0 {
		return v, fmt.Errorf("no items in %q", raw)
	}
	return v, err
}
