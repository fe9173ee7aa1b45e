package export

import (
	"bytes"
	"strings"

	"disclose/generator/redact"
	"disclose/generator/schema"
)

// bom makes Excel read the CSV as UTF-8 instead of the local code page.
const bom = "\ufeff"

// csv writes the header of canonical keys and one row per record.
func (g *generator) csv(cols []column, recs []*redact.Record) []byte {
	var b bytes.Buffer
	b.WriteString(bom)
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.Key
	}
	writeCSVRow(&b, row)
	for _, r := range recs {
		for i, c := range cols {
			row[i] = c.csvCell(r)
		}
		writeCSVRow(&b, row)
	}
	return b.Bytes()
}

// writeCSVRow writes one RFC 4180 record ending in CRLF. encoding/csv
// would do, except that with UseCRLF it drops every carriage return inside
// a value; here a quoted value keeps its bytes exactly.
func writeCSVRow(b *bytes.Buffer, row []string) {
	for i, f := range row {
		if i > 0 {
			b.WriteByte(',')
		}
		if f == "" || !strings.ContainsAny(f, ",\"\r\n") && f[0] != ' ' && f[len(f)-1] != ' ' {
			b.WriteString(f)
			continue
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(f, `"`, `""`))
		b.WriteByte('"')
	}
	b.WriteString("\r\n")
}

// csvCell is the column's cell text, neutralised when it is free text.
func (c column) csvCell(r *redact.Record) string {
	s := text(c.value(r))
	if c.textual() {
		s = neutralize(s)
	}
	return s
}

// textual reports whether the column holds text a user typed (as opposed
// to dates, numbers, booleans and codes, which normalisation has already
// constrained to safe characters).
func (c column) textual() bool {
	switch c.Field.Type {
	case schema.Int, schema.Bool, schema.Date, schema.Period:
		return false
	case schema.Enum:
		return false
	case schema.Region:
		return c.Label != ""
	}
	return true
}

// neutralize prefixes an apostrophe to text that a spreadsheet would
// otherwise run as a formula when it opens a CSV file: text that starts
// with "=", "+", "-", "@", a tab or a carriage return (OWASP, CSV
// injection). Text that already starts with an apostrophe gets one more, so
// that the rule to undo it is simple: a text cell that starts with an
// apostrophe has had exactly one added. The JSON and XLSX downloads carry
// the value unchanged.
func neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + s
	}
	return s
}
