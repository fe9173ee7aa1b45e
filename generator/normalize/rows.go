package normalize

import (
	"fmt"
	"strings"

	"disclose/generator/diag"
	"disclose/generator/fold"
	"disclose/generator/ingest"
	"disclose/generator/record"
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
	if ds.Name == "reports" && rec.ID == "" && rec.Has("body") && rec.Has("period") {
		rec.ID = DeriveReportID(rec.Str("body"), rec.Str("period"))
		rec.Values["id"] = record.Value{Str: rec.ID}
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
	if ds.Name == "reports" && !rec.Has("region") && rec.Str("body_type") == "locality" {
		if !cellFilled(row.Cells, rec.Cols["region"]) {
			diags.Add(rec.Pos("region"), "region", "required when the body type is 地方/locality")
		}
	}
	return rec, diags.Errors() == before
}

func cellFilled(cells []string, col int) bool {
	return col > 0 && col <= len(cells) && strings.TrimSpace(cells[col-1]) != ""
}

// DeriveReportID makes the id of a report that has none from its reporting
// body and period, which together are unique.
func DeriveReportID(body, period string) string {
	return strings.ToUpper(period) + "-" + fold.Text(body)
}

func parse(cat *schema.Catalog, f *schema.Field, raw string, date1904 bool, pos diag.Pos, diags *diag.List) (record.Value, error) {
	var v record.Value
	var err error
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
			diags.Warn(pos, f.Key, "credit code %s fails its GB 32100-2015 check character; check it", v.Str)
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
