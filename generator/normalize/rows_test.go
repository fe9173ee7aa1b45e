package normalize_test

import (
	"strings"
	"testing"

	"disclose/generator/diag"
	"disclose/generator/ingest"
	"disclose/generator/normalize"
	"disclose/generator/schema"
)

// sheetOf is a sheet of ds whose columns are the given fields, in order.
func sheetOf(t *testing.T, cat *schema.Catalog, ds string, keys ...string) *ingest.Sheet {
	t.Helper()
	d := cat.Dataset(ds)
	sh := &ingest.Sheet{File: "data/x.xlsx", Name: "表", Dataset: d, ColumnOf: map[string]int{}}
	for i, k := range keys {
		f := d.Field(k)
		if f == nil {
			t.Fatalf("%s has no field %s", ds, k)
		}
		sh.Columns = append(sh.Columns, f)
		sh.ColumnOf[k] = i + 1
	}
	return sh
}

// A personal number typed where nothing cleans it (an id, a count, a
// credit code), or a long number Excel has already rounded, is an error at
// its cell whose message does not repeat the number.
func TestPersonalNumbersInPublishedFieldsAreErrors(t *testing.T) {
	cat := schema.MustDefault()
	const (
		id     = "110101198001010016" // synthetic, checksum-valid
		mobile = "13800138000"
	)
	tests := []struct {
		name, field, value, want string
	}{
		{"mobile in a count", "members", mobile, "mobile phone number"},
		{"ID number in a count", "members", id, "resident ID number"},
		{"ID number in the credit code", "credit_code", id, "resident ID number"},
		{"mobile in the id", "id", "KJLL-" + mobile, "mobile phone number"},
		{"ID number kept by a number cell", "notes", "1.10108198804153E+17", "15 significant digits"},
		{"card kept by a number cell in a count", "members", "6.22202123456789E+18", "15 significant digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys := []string{"id", "name", "institution", "institution_type", "region", "fields", "registered_on", "status"}
			vals := []string{"KJLL-2024-0001", "甲委员会", "甲单位", "高等学校", "北京", "医学", "2024-03-20", "有效"}
			replaced := false
			for i, k := range keys {
				if k == tt.field {
					vals[i] = tt.value
					replaced = true
				}
			}
			if !replaced {
				keys = append(keys, tt.field)
				vals = append(vals, tt.value)
			}
			sh := sheetOf(t, cat, "committees", keys...)
			var diags diag.List
			_, ok := normalize.Row(cat, sh, ingest.Row{Pos: diag.Pos{File: sh.File, Sheet: sh.Name, Row: 5}, Cells: vals}, &diags)
			if ok {
				t.Fatalf("Row accepted %s = %q; want an error", tt.field, tt.value)
			}
			var msg string
			for _, d := range diags {
				if d.Field == tt.field && d.Severity == diag.Error {
					msg = d.String()
				}
			}
			if msg == "" {
				t.Fatalf("no error on %s; diagnostics: %v", tt.field, diags)
			}
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message %q does not say %q", msg, tt.want)
			}
			col := sh.ColumnOf[tt.field]
			if cell := diag.ColumnName(col) + "5"; !strings.Contains(msg, "!"+cell+":") {
				t.Errorf("message %q does not name cell %s", msg, cell)
			}
			for _, secret := range []string{id, mobile, "10108198804153", "22202123456789"} {
				if strings.Contains(msg, secret) {
					t.Errorf("message %q repeats %s", msg, secret)
				}
			}
		})
	}
}

// A credit code that fails its check is a warning that does not repeat the
// value: it may be a mistyped personal number.
func TestCreditCodeWarningDoesNotRepeatValue(t *testing.T) {
	cat := schema.MustDefault()
	sh := sheetOf(t, cat, "committees", "id", "credit_code")
	const bad = "91110108MA01C7PQ5X"
	var diags diag.List
	normalize.Row(cat, sh, ingest.Row{Pos: diag.Pos{File: sh.File, Sheet: sh.Name, Row: 3}, Cells: []string{"KJLL-1", bad}}, &diags)
	found := false
	for _, d := range diags {
		if d.Field == "credit_code" {
			found = true
			if strings.Contains(d.Message, bad) {
				t.Errorf("warning %q repeats the value", d)
			}
		}
	}
	if !found {
		t.Errorf("no diagnostic on the failing credit code; got %v", diags)
	}
}
