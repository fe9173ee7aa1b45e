// Package template makes the blank workbooks that data officers fill in: one
// per dataset, built from the schema catalog so that headers and dropdown
// lists never drift from what the ingest accepts.
//
// Generate returns relative file name → workbook bytes; it writes nothing to
// disk. Each workbook has:
//
//   - a data sheet named after the dataset (its Chinese title), laid out as
//     row 1: a merged title banner ("<Chinese title> <English title>"),
//     row 2: the Chinese headers, required ones prefixed with "*",
//     row 3: the English headers, exactly as the schema spells them,
//     row 4 onwards: data;
//   - dropdown lists (Chinese labels) on every enum, region and yes/no
//     column, text format on identifier, credit-code and phone columns so
//     that leading zeros survive, a yyyy-mm-dd format on date columns, and
//     panes frozen below row 3 and right of the first column;
//   - an instructions sheet named 填表说明 that explains every column in
//     Chinese and English and carries the dropdown sources in columns far to
//     the right (the ingest never reads that sheet).
package template

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"disclose/generator/schema"
)

// Layout of the data sheet, shared with the instructions text.
const (
	titleRow   = 1
	headerRow  = 2 // Chinese headers; the row the ingest matches
	englishRow = 3 // English headers, skipped by the ingest
	firstData  = 4
	// LastRow bounds the formatted and validated area: enough for a
	// register kept by hand, small enough to keep the file light.
	lastRow = 10000

	// InstructionsSheet is skipped by the ingest by name.
	instructionsSheet = "填表说明"
	// listCol is where the dropdown sources start on the instructions
	// sheet: far enough right to stay out of the way of the explanations.
	listCol = 27 // AA
)

// Generate returns the four blank workbooks: committees.xlsx,
// activities.xlsx, cases.xlsx and reports.xlsx.
func Generate(cat *schema.Catalog) (map[string][]byte, error) {
	out := make(map[string][]byte, len(cat.Datasets))
	for _, d := range cat.Datasets {
		b, err := workbook(cat, d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Name, err)
		}
		out[d.Name+".xlsx"] = b
	}
	return out, nil
}

// sheetName is the name of the data sheet of d's template.
func sheetName(d *schema.Dataset) string {
	name := d.Zh
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	return name
}

// chineseHeader is the text of a field's header cell in row 2.
func chineseHeader(f *schema.Field) string {
	if f.Required {
		return "*" + f.Zh
	}
	return f.Zh
}

func workbook(cat *schema.Catalog, d *schema.Dataset) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := sheetName(d)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(instructionsSheet); err != nil {
		return nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	n := len(d.Fields)
	last, _ := excelize.ColumnNumberToName(n)

	// Title banner.
	if err := f.SetCellValue(sheet, "A1", d.Zh+"　"+d.En); err != nil {
		return nil, err
	}
	if err := f.MergeCell(sheet, "A1", last+"1"); err != nil {
		return nil, err
	}
	if err := f.SetCellStyle(sheet, "A1", last+"1", st.title); err != nil {
		return nil, err
	}
	if err := f.SetRowHeight(sheet, titleRow, 28); err != nil {
		return nil, err
	}

	lists := map[string]string{} // vocabulary → absolute range on the instructions sheet
	nextList := listCol
	for i, fd := range d.Fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		zh, en := fmt.Sprintf("%s%d", col, headerRow), fmt.Sprintf("%s%d", col, englishRow)
		if err := f.SetCellValue(sheet, zh, chineseHeader(fd)); err != nil {
			return nil, err
		}
		if err := f.SetCellValue(sheet, en, fd.En); err != nil {
			return nil, err
		}
		hs := st.header
		if fd.Required {
			hs = st.required
		}
		if err := f.SetCellStyle(sheet, zh, zh, hs); err != nil {
			return nil, err
		}
		if err := f.SetCellStyle(sheet, en, en, st.english); err != nil {
			return nil, err
		}
		if err := f.SetColWidth(sheet, col, col, width(fd)); err != nil {
			return nil, err
		}
		if s := st.column(fd); s != 0 {
			if err := f.SetColStyle(sheet, col, s); err != nil {
				return nil, err
			}
			// The column style would also restyle the header cells.
			for _, c := range []struct {
				cell  string
				style int
			}{{fmt.Sprintf("%s%d", col, titleRow), st.title}, {zh, hs}, {en, st.english}} {
				if err := f.SetCellStyle(sheet, c.cell, c.cell, c.style); err != nil {
					return nil, err
				}
			}
		}
		labels := dropdown(cat, fd)
		if labels == nil {
			continue
		}
		ref, ok := lists[listName(fd)]
		if !ok {
			ref, err = writeList(f, nextList, listName(fd), labels, st)
			if err != nil {
				return nil, err
			}
			lists[listName(fd)] = ref
			nextList++
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, firstData, col, lastRow)
		dv.SetSqrefDropList(ref)
		dv.SetInput(fd.Zh, inputPrompt(fd))
		if fd.List {
			// Several values go into one cell: offer the list, accept any text.
			dv.ShowErrorMessage = false
		} else {
			dv.SetError(excelize.DataValidationErrorStyleStop, fd.Zh, "请从下拉列表中选择 / Choose a value from the list")
		}
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return nil, err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: 1, YSplit: englishRow,
		TopLeftCell: fmt.Sprintf("B%d", firstData), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: fmt.Sprintf("B%d", firstData), ActiveCell: fmt.Sprintf("B%d", firstData), Pane: "bottomRight"}},
	}); err != nil {
		return nil, err
	}
	if err := instructions(f, cat, d, st); err != nil {
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:   d.Zh + " / " + d.En,
		Creator: "disclose", LastModifiedBy: "disclose",
		// Fixed stamps keep the template byte-reproducible.
		Created: "2024-01-01T00:00:00Z", Modified: "2024-01-01T00:00:00Z",
		Language: "zh-CN",
	}); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// dropdown returns the Chinese labels offered for a field, or nil when the
// field has no closed list.
func dropdown(cat *schema.Catalog, fd *schema.Field) []string {
	switch fd.Type {
	case schema.Bool:
		return []string{"是", "否"}
	case schema.Enum, schema.Region:
		v := cat.Vocab(fd.Vocab)
		out := make([]string, 0, len(v.Terms))
		for _, t := range v.Terms {
			out = append(out, t.Zh)
		}
		return out
	}
	return nil
}

func listName(fd *schema.Field) string {
	if fd.Type == schema.Bool {
		return "bool"
	}
	return fd.Vocab
}

// writeList puts a dropdown source in one column of the instructions sheet
// and returns its absolute reference.
func writeList(f *excelize.File, col int, name string, labels []string, st *styles) (string, error) {
	c, _ := excelize.ColumnNumberToName(col)
	if err := f.SetCellValue(instructionsSheet, c+"1", name); err != nil {
		return "", err
	}
	if err := f.SetCellStyle(instructionsSheet, c+"1", c+"1", st.header); err != nil {
		return "", err
	}
	for i, l := range labels {
		if err := f.SetCellValue(instructionsSheet, fmt.Sprintf("%s%d", c, i+2), l); err != nil {
			return "", err
		}
	}
	if err := f.SetColWidth(instructionsSheet, c, c, 24); err != nil {
		return "", err
	}
	return fmt.Sprintf("'%s'!$%s$2:$%s$%d", instructionsSheet, c, c, len(labels)+1), nil
}

func inputPrompt(fd *schema.Field) string {
	if fd.List {
		return "可填多项，用“、”分隔 / Several values, separated by 、"
	}
	return "请从下拉列表中选择 / Choose from the list"
}

func width(fd *schema.Field) float64 {
	switch fd.Type {
	case schema.Date, schema.Bool, schema.Int, schema.Period:
		return 14
	case schema.USCC, schema.Secret, schema.Phone:
		return 22
	case schema.FreeText:
		return 48
	case schema.Enum:
		if fd.List {
			return 30
		}
		return 22
	}
	w := float64(2*len([]rune(fd.Zh)) + 4)
	if e := float64(len(fd.En)) + 2; e > w {
		w = e
	}
	if w < 16 {
		w = 16
	}
	if fd.Type == schema.Text && w < 28 {
		w = 28
	}
	return w
}

type styles struct {
	title, header, required, english, date, text, wrap, note int
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	text := "@"
	date := "yyyy-mm-dd"
	st := &styles{}
	defs := []struct {
		dst *int
		s   *excelize.Style
	}{
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}},
		{&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.required, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.english, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "7F7F7F"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.date, &excelize.Style{CustomNumFmt: &date}},
		{&st.text, &excelize.Style{CustomNumFmt: &text}},
		{&st.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.note, &excelize.Style{Font: &excelize.Font{Color: "595959"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.s)
		if err != nil {
			return nil, err
		}
		*d.dst = id
	}
	return st, nil
}

// column returns the style of a field's data cells, or 0 for the default.
func (st *styles) column(fd *schema.Field) int {
	switch fd.Type {
	case schema.Date:
		return st.date
	case schema.ID, schema.USCC, schema.Phone, schema.Secret:
		return st.text
	case schema.FreeText:
		return st.wrap
	}
	return 0
}

var typeText = map[schema.Type][2]string{
	schema.ID:       {"编号（文本）", "Identifier (text)"},
	schema.Text:     {"文本", "Text"},
	schema.FreeText: {"长文本（可换行）", "Long text (line breaks kept)"},
	schema.Date:     {"日期，如 2023-03-20", "Date, e.g. 2023-03-20"},
	schema.Int:      {"非负整数", "Whole number ≥ 0"},
	schema.Bool:     {"是 / 否", "Yes / no"},
	schema.Enum:     {"从列表中选择", "One of the listed values"},
	schema.Region:   {"省级行政区", "Province-level region"},
	schema.Period:   {"报告期，如 2024、2024年上半年、2024年第三季度", "Period, e.g. 2024, 2024H1, 2024Q3"},
	schema.USCC:     {"18 位统一社会信用代码", "18-character unified social credit code"},
	schema.Person:   {"姓名", "Personal name"},
	schema.Secret:   {"仅供内部核对，绝不公开", "For internal checks only, never published"},
	schema.Phone:    {"单位联系电话", "Institutional phone number"},
	schema.Email:    {"单位联系邮箱", "Institutional e-mail address"},
}

// notes explains what the type alone does not say.
func notes(cat *schema.Catalog, d *schema.Dataset, fd *schema.Field) (zh, en string) {
	var z, e []string
	if fd.List {
		z = append(z, "可填多项，用“、”“，”“；”或换行分隔")
		e = append(e, "several values, separated by 、 , ; or line breaks")
	}
	if fd.Ref != "" {
		z = append(z, "须为已登记的编号")
		if ref := cat.Dataset(fd.Ref); ref != nil {
			e = append(e, "must be the number of a registered "+strings.ToLower(ref.ItemEn))
		}
	}
	if fd.DefaultTrue {
		z = append(z, "留空视为“是”；填“否”则不公开")
		e = append(e, "blank means yes; 否 (no) keeps the row unpublished")
	}
	switch fd.Type {
	case schema.Person:
		z = append(z, "公开时按规定隐去")
		e = append(e, "redacted on publication")
	case schema.USCC:
		z = append(z, "校验位会被核对")
		e = append(e, "the check character is verified")
	}
	if fd.Key == "id" && len(d.DeriveID) > 0 {
		var fz, fe []string
		for _, f := range d.Fields {
			if slices.Contains(d.DeriveID, f.Key) {
				fz = append(fz, f.Zh)
				fe = append(fe, "the "+strings.ToLower(f.En))
			}
		}
		z = append(z, "留空时由"+strings.Join(fz, "和")+"生成")
		e = append(e, "when blank, derived from "+strings.Join(fe, " and "))
	}
	if w := fd.RequiredWhen; w != nil {
		on := d.Field(w.Field)
		tz, te := w.Value, w.Value
		if v := cat.Vocabs[on.Vocab]; v != nil {
			for _, t := range v.Terms {
				if t.Code == w.Value {
					tz, te = t.Zh, strings.ToLower(t.En)
				}
			}
		}
		z = append(z, on.Zh+"为“"+tz+"”时必填")
		e = append(e, "required when the "+strings.ToLower(on.En)+" is "+te)
	}
	return strings.Join(z, "；"), strings.Join(e, "; ")
}

func instructions(f *excelize.File, cat *schema.Catalog, d *schema.Dataset, st *styles) error {
	s := instructionsSheet
	intro := [][]string{
		{d.Zh + " 填表说明", d.En + ": how to fill in"},
		{fmt.Sprintf("第 %d 行为中文表头（带 * 的为必填项），第 %d 行为英文表头，请从第 %d 行起逐行填写，每行一条记录；请勿修改表头。", headerRow, englishRow, firstData),
			fmt.Sprintf("Row %d holds the Chinese headers (* marks required columns), row %d the English headers; enter one record per row from row %d on and leave the headers unchanged.", headerRow, englishRow, firstData)},
		{"本说明页不会被读取。请勿在其他工作表或隐藏工作表中存放个人信息。", "This sheet is never read. Do not keep personal data on other or hidden sheets."},
	}
	row := 1
	for _, l := range intro {
		if err := f.SetSheetRow(s, fmt.Sprintf("A%d", row), &[]any{l[0], l[1]}); err != nil {
			return err
		}
		row++
	}
	if err := f.SetCellStyle(s, "A1", "B1", st.title); err != nil {
		return err
	}
	row++
	head := []any{"中文表头", "English header", "字段", "类型", "Type", "必填 / Required", "可填写的值", "Accepted values", "说明", "Notes"}
	if err := f.SetSheetRow(s, fmt.Sprintf("A%d", row), &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, fmt.Sprintf("A%d", row), fmt.Sprintf("J%d", row), st.header); err != nil {
		return err
	}
	row++
	first := row
	for _, fd := range d.Fields {
		tt := typeText[fd.Type]
		req := "否 / No"
		if fd.Required {
			req = "是 / Yes"
		}
		var vz, ve string
		switch fd.Type {
		case schema.Enum, schema.Region:
			v := cat.Vocab(fd.Vocab)
			var zs, es []string
			for _, t := range v.Terms {
				zs = append(zs, t.Zh)
				es = append(es, t.En)
			}
			vz, ve = strings.Join(zs, "\n"), strings.Join(es, "\n")
		case schema.Bool:
			vz, ve = "是、否", "yes, no (是, 否)"
		}
		nz, ne := notes(cat, d, fd)
		vals := []any{fd.Zh, fd.En, fd.Key, tt[0], tt[1], req, vz, ve, nz, ne}
		if err := f.SetSheetRow(s, fmt.Sprintf("A%d", row), &vals); err != nil {
			return err
		}
		row++
	}
	if err := f.SetCellStyle(s, fmt.Sprintf("A%d", first), fmt.Sprintf("J%d", row-1), st.note); err != nil {
		return err
	}
	for _, w := range []struct {
		col string
		w   float64
	}{{"A", 22}, {"B", 28}, {"C", 18}, {"D", 18}, {"E", 22}, {"F", 14}, {"G", 36}, {"H", 40}, {"I", 30}, {"J", 36}} {
		if err := f.SetColWidth(s, w.col, w.col, w.w); err != nil {
			return err
		}
	}
	return nil
}
