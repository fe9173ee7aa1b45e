package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"disclose/generator/redact"
	"disclose/generator/schema"
)

// XLSX layout: the first sheet, named after the dataset, has one header
// row of the field keys, as in the CSV and JSON, so that pandas, R and
// openpyxl read it with their defaults into the right columns; each header
// cell's note gives the Chinese and English labels (one hover away), and
// records start on row 2. The header row and the id column stay in view
// when scrolling. A second sheet, "fields", lists every column's key,
// labels and type.
const (
	xlsxHeaderRows = 1
	// fieldsSheet is the sheet that explains the columns.
	fieldsSheet = "fields"
	minColWidth = 8
	maxColWidth = 60
)

// xlsx writes one sheet named after the dataset. Everything except
// integers and booleans is a text cell in text format ("@"): ids with
// leading zeros, 18-character credit codes and ISO dates stay exactly as
// published, and text starting with "=" is never a formula — not when the
// file is opened, nor when a user edits the cell.
func (g *generator) xlsx(d *schema.Dataset, cols []column, recs []*redact.Record) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	stamp := g.in.AsOf + "T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          d.Zh + " " + d.En,
		Creator:        g.in.Publisher,
		LastModifiedBy: g.in.Publisher,
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
		Identifier:     d.Name,
		Version:        g.in.AsOf,
	}); err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", d.Name); err != nil {
		return nil, err
	}
	styles, err := newXLSXStyles(f)
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(d.Name)
	if err != nil {
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: 1, YSplit: xlsxHeaderRows,
		TopLeftCell: fmt.Sprintf("B%d", xlsxHeaderRows+1), ActivePane: "bottomRight",
	}); err != nil {
		return nil, err
	}
	for i, w := range columnWidths(cols, recs) {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	row := make([]any, len(cols))
	for i, c := range cols {
		row[i] = excelize.Cell{StyleID: styles.key, Value: c.Key}
	}
	if err := sw.SetRow(cellName(1, 1), row); err != nil {
		return nil, err
	}
	for n, r := range recs {
		for i, c := range cols {
			row[i] = c.xlsxCell(r, styles)
		}
		if err := sw.SetRow(cellName(1, n+xlsxHeaderRows+1), row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	for i, c := range cols {
		if err := f.AddComment(d.Name, excelize.Comment{Cell: cellName(i+1, 1), Author: "disclose", Paragraph: []excelize.RichTextRun{{Text: c.Zh + "\n" + c.En}}}); err != nil {
			return nil, err
		}
	}
	if err := fieldsSheetOf(f, d, cols, styles); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return canonicalZip(b.Bytes(), g.modTime())
}

type xlsxStyles struct{ key, text, integer int }

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	head := func(font excelize.Font) (int, error) {
		return f.NewStyle(&excelize.Style{
			Font:      &font,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF3"}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
			Border:    []excelize.Border{{Type: "bottom", Color: "8A97A8", Style: 1}},
			NumFmt:    49,
		})
	}
	if s.key, err = head(excelize.Font{Bold: true}); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil {
		return s, err
	}
	if s.integer, err = f.NewStyle(&excelize.Style{NumFmt: 1}); err != nil {
		return s, err
	}
	return s, nil
}

// xlsxCell is the stream-writer value of one cell; nil leaves it empty.
func (c column) xlsxCell(r *redact.Record, s xlsxStyles) any {
	v := c.value(r)
	switch v := v.(type) {
	case nil:
		return nil
	case int64:
		return excelize.Cell{StyleID: s.integer, Value: v}
	case bool:
		return excelize.Cell{Value: v}
	}
	return excelize.Cell{StyleID: s.text, Value: fitCell(text(v))}
}

// xlsxTruncated ends a value too long for one spreadsheet cell.
const xlsxTruncated = "……〔单元格已满，全文见 CSV 或 JSON / cell full, see CSV or JSON〕"

// fitCell shortens text beyond the 32,767 characters (UTF-16 units) a
// cell holds, visibly: excelize would cut it silently.
func fitCell(s string) string {
	if len(s) <= excelize.TotalCellChars { // bytes ≥ UTF-16 units
		return s
	}
	units, limit := 0, excelize.TotalCellChars-len(utf16.Encode([]rune(xlsxTruncated)))
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > limit {
			return s[:i] + xlsxTruncated
		}
	}
	return s
}

// columnWidths sizes each column to its widest cell, counting East Asian
// characters as two, within [minColWidth, maxColWidth].
func columnWidths(cols []column, recs []*redact.Record) []float64 {
	widths := make([]float64, len(cols))
	for i, c := range cols {
		w := max(displayWidth(c.Zh), displayWidth(c.En), displayWidth(c.Key))
		for _, r := range recs {
			w = max(w, displayWidth(text(c.value(r))))
			if w >= maxColWidth {
				break
			}
		}
		widths[i] = float64(min(max(w+2, minColWidth), maxColWidth))
	}
	return widths
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == '\n':
			return n // only the first line shows in an unwrapped cell
		case r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 || r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6 || r >= 0x20000):
			n += 2
		default:
			n++
		}
	}
	return n
}

func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err) // col and row are always ≥ 1 here
	}
	return name
}

// modTime is the fixed timestamp of every zip entry: the release date at
// midnight UTC.
func (g *generator) modTime() time.Time {
	t, err := time.Parse(time.DateOnly, g.in.AsOf)
	if err != nil {
		panic(err) // Generate checked the format
	}
	return t.UTC()
}

// canonicalZip rewrites a zip archive with its entries in sorted order and
// every modification time set to t, copying the compressed data as is.
// excelize leaves the times at zero (1980-00-00 in most tools) and its
// entry order depends on how the workbook was built.
func canonicalZip(b []byte, t time.Time) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	entries := append([]*zip.File(nil), zr.File...)
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range entries {
		h := e.FileHeader
		setModTime(&h, t)
		h.Extra = nil
		h.Comment = ""
		w, err := zw.CreateRaw(&h)
		if err != nil {
			return nil, err
		}
		raw, err := e.OpenRaw()
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(w, raw); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// setModTime stamps a zip entry with t in the MS-DOS fields only, leaving
// out the extended-timestamp extra field that archive/zip would add.
func setModTime(h *zip.FileHeader, t time.Time) {
	h.Modified = time.Time{}
	h.ModifiedDate = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	h.ModifiedTime = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
}

// fieldsSheetOf adds the sheet that explains the columns: key, Chinese
// and English label, type.
func fieldsSheetOf(f *excelize.File, d *schema.Dataset, cols []column, s xlsxStyles) error {
	if _, err := f.NewSheet(fieldsSheet); err != nil {
		return err
	}
	rows := [][]any{{"key", "中文", "English", "type"}}
	for _, c := range cols {
		typ := c.Field.Type.String()
		if c.Field.List {
			typ = "list of " + typ
		}
		if c.Label != "" {
			typ = "text"
		}
		rows = append(rows, []any{c.Key, c.Zh, c.En, typ})
	}
	for i, r := range rows {
		if err := f.SetSheetRow(fieldsSheet, cellName(1, i+1), &r); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(fieldsSheet, "A1", "D1", s.key); err != nil {
		return err
	}
	for col, w := range []float64{24, 28, 36, 14} {
		name, _ := excelize.ColumnNumberToName(col + 1)
		if err := f.SetColWidth(fieldsSheet, name, name, w); err != nil {
			return err
		}
	}
	return nil
}
