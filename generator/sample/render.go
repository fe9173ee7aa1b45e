package sample

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"disclose/generator/schema"
)

// Header styles of a workbook.
const (
	headZh     = iota // 登记编号
	headEn            // Registration No.
	headZhNote        // 登记日期（必填）
	headEnNote        // Registered on (yyyy-mm-dd)
	headZhStar        // *登记编号
	headStyles
)

// Value styles: how a workbook writes dates, vocabulary values, booleans
// and regions. The "mixed" styles vary cell by cell.
const (
	dateCell = iota
	dateISO
	dateMixed
	dateChinese
	dateStyles
)

// layout is how one workbook looks.
type layout struct {
	headers, dates, enums, bools, regions int
	title, instructions                   bool
	sheet                                 string
	cols                                  []int // field indices in column order
}

// extraSheets is what a workbook carries besides its data: a column the
// schema does not know, a second data sheet and a hidden sheet.
type extraSheets struct {
	column string
	value  func(row) any
	hidden [][]any // first row is the header
	// older rows go to a second visible sheet of the same layout, as
	// offices keep past years on their own tab.
	olderSheet string
	older      []row
}

// layout picks the look of the next workbook. Successive workbooks rotate
// through the styles so that even a small sample shows most of them.
func (g *gen) layout(d *schema.Dataset) layout {
	k := g.books
	g.books++
	lay := layout{
		headers:      k % headStyles,
		dates:        k % dateStyles,
		enums:        (k + 2) % 3,
		bools:        (k + 1) % 4,
		regions:      (k + 3) % 5,
		title:        k%3 != 1,
		instructions: k%2 == 0,
		sheet:        []string{"Sheet1", "登记表", "数据", g.asOf.Format("2006") + "年", "Data"}[k%5],
	}
	omit := map[string]bool{}
	if k%4 == 3 {
		for _, key := range []string{"title_en", "members", "funding", "legal_basis", "trainees", "publicity_events"} {
			omit[key] = true
		}
	}
	for i, f := range d.Fields {
		if !omit[f.Key] {
			lay.cols = append(lay.cols, i)
		}
	}
	if k%5 == 2 && len(lay.cols) > 3 {
		// Columns need not follow the schema order.
		lay.cols[1], lay.cols[2] = lay.cols[2], lay.cols[1]
		lay.cols[0], lay.cols[1] = lay.cols[1], lay.cols[0]
	}
	return lay
}

func header(f *schema.Field, style int) string {
	switch style {
	case headEn:
		return f.En
	case headZhStar:
		if f.Required {
			return "*" + f.Zh
		}
		return f.Zh
	case headZhNote:
		switch {
		case f.Required:
			return f.Zh + "（必填）"
		case f.Type == schema.Date:
			return f.Zh + "（格式：年-月-日）"
		case f.List:
			return f.Zh + "（多项用顿号分隔）"
		}
		return f.Zh
	case headEnNote:
		switch {
		case f.Type == schema.Date:
			return f.En + " (yyyy-mm-dd)"
		case f.Required:
			return f.En + " (required)"
		}
		return f.En
	}
	return f.Zh
}

func (g *gen) render(d *schema.Dataset, lay layout, rows []row, extra *extraSheets) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", lay.sheet); err != nil {
		return nil, err
	}
	english := lay.headers == headEn || lay.headers == headEnNote
	format := []string{"yyyy-mm-dd", "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\""}[g.books%3]
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return nil, err
	}
	if extra != nil && len(extra.older) > 0 {
		if err := g.plainSheet(f, extra.olderSheet, d, lay, extra, dateStyle); err != nil {
			return nil, err
		}
	}
	if lay.instructions {
		if err := g.instructions(f, d, english); err != nil {
			return nil, err
		}
	}
	if extra != nil && extra.hidden != nil {
		const hidden = "联系人"
		if _, err := f.NewSheet(hidden); err != nil {
			return nil, err
		}
		for i, r := range extra.hidden {
			if err := f.SetSheetRow(hidden, fmt.Sprintf("A%d", i+1), &r); err != nil {
				return nil, err
			}
		}
		if err := f.SetSheetVisible(hidden, false); err != nil {
			return nil, err
		}
	}
	headStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}})
	if err != nil {
		return nil, err
	}
	titleStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return nil, err
	}

	sw, err := f.NewStreamWriter(lay.sheet)
	if err != nil {
		return nil, err
	}
	ncol := len(lay.cols)
	if extra != nil && extra.column != "" {
		ncol++
	}
	for i, fi := range lay.cols {
		w := 16.0
		switch d.Fields[fi].Type {
		case schema.FreeText:
			w = 50
		case schema.Text, schema.USCC, schema.Secret:
			w = 26
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	r := 1
	if lay.title {
		last, _ := excelize.ColumnNumberToName(ncol)
		title := fmt.Sprintf("%s汇总表（截至%d年%d月%d日）", d.Zh, g.asOf.Year(), g.asOf.Month(), g.asOf.Day())
		if english {
			title = fmt.Sprintf("%s as of %s", d.En, g.asOf.Format("2 January 2006"))
		}
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: titleStyle, Value: title}}, excelize.RowOpts{Height: 26}); err != nil {
			return nil, err
		}
		if err := sw.MergeCell("A1", last+"1"); err != nil {
			return nil, err
		}
		if err := sw.SetRow("A2", []any{fmt.Sprintf("填报单位（盖章）：　　　　填报日期：%s", g.asOf.Format("2006-01-02"))}); err != nil {
			return nil, err
		}
		r = 3
	}
	heads := make([]any, 0, ncol)
	for _, fi := range lay.cols {
		heads = append(heads, excelize.Cell{StyleID: headStyle, Value: header(d.Fields[fi], lay.headers)})
	}
	if extra != nil && extra.column != "" {
		heads = append(heads, excelize.Cell{StyleID: headStyle, Value: extra.column})
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", r), heads); err != nil {
		return nil, err
	}
	r++
	vals := make([]any, ncol)
	for i, rec := range rows {
		if i > 0 && i%97 == 0 {
			r++ // a blank row now and then, as in hand-kept sheets
		}
		for c, fi := range lay.cols {
			vals[c] = g.cell(d.Fields[fi], rec[fi], lay, dateStyle)
		}
		if extra != nil && extra.column != "" {
			vals[ncol-1] = extra.value(rec)
		}
		if err := sw.SetRow("A"+strconv.Itoa(r), vals); err != nil {
			return nil, err
		}
		r++
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	if err := fixedProps(f, d.Zh, g.asOf); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// plainSheet writes the older rows without the stream writer: a workbook
// with more than one stream is not byte-reproducible, and this sheet is small.
func (g *gen) plainSheet(f *excelize.File, sheet string, d *schema.Dataset, lay layout, extra *extraSheets, dateStyle int) error {
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	var heads []any
	for _, fi := range lay.cols {
		heads = append(heads, header(d.Fields[fi], lay.headers))
	}
	if extra.column != "" {
		heads = append(heads, extra.column)
	}
	if err := f.SetSheetRow(sheet, "A1", &heads); err != nil {
		return err
	}
	for i, rec := range extra.older {
		vals := make([]any, 0, len(heads))
		for _, fi := range lay.cols {
			vals = append(vals, g.cell(d.Fields[fi], rec[fi], lay, dateStyle))
		}
		if extra.column != "" {
			vals = append(vals, extra.value(rec))
		}
		for c, v := range vals {
			ref, _ := excelize.CoordinatesToCellName(c+1, i+2)
			style := 0
			if cell, ok := v.(excelize.Cell); ok {
				v, style = cell.Value, cell.StyleID
			}
			if v == nil {
				continue
			}
			if err := f.SetCellValue(sheet, ref, v); err != nil {
				return err
			}
			if style != 0 {
				if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// instructions writes a short explanation sheet, as many offices keep one.
func (g *gen) instructions(f *excelize.File, d *schema.Dataset, english bool) error {
	const s = "填表说明"
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	lines := [][]any{{"填表说明"}, {"1. 每行填写一条记录，带*或注明必填的列不得为空。"}, {"2. 日期请按“年-月-日”填写。"}, {"3. 本页不作为数据读取。"}}
	if english {
		lines = append(lines, []any{"Instructions: one record per row; dates as yyyy-mm-dd; this sheet is not read."})
	}
	lines = append(lines, []any{"字段", "Field", "必填"})
	for _, fd := range d.Fields {
		req := ""
		if fd.Required {
			req = "是"
		}
		lines = append(lines, []any{fd.Zh, fd.En, req})
	}
	for i, l := range lines {
		if err := f.SetSheetRow(s, fmt.Sprintf("A%d", i+1), &l); err != nil {
			return err
		}
	}
	return nil
}

var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// cell turns a canonical value into what a data officer would have typed.
func (g *gen) cell(fd *schema.Field, v any, lay layout, dateStyle int) any {
	switch v := v.(type) {
	case nil:
		return nil
	case time.Time:
		return g.date(v, lay.dates, dateStyle)
	case bool:
		return g.boolean(v, fd.DefaultTrue, lay.bools)
	case int:
		switch {
		case g.chance(0.03):
			return fullWidth(strconv.Itoa(v))
		case v >= 1000 && g.chance(0.3):
			return fmt.Sprintf("%d,%03d", v/1000, v%1000)
		case g.chance(0.1):
			return strconv.Itoa(v) // a number stored as text
		}
		return v
	case []string:
		items := make([]string, len(v))
		for i, s := range v {
			items[i] = g.scalar(fd, s, lay)
		}
		return strings.Join(items, g.separator())
	case string:
		return g.scalar(fd, v, lay)
	}
	return fmt.Sprint(v)
}

func (g *gen) scalar(fd *schema.Field, s string, lay layout) string {
	switch fd.Type {
	case schema.Enum:
		return g.label(g.cat.Vocab(fd.Vocab), s, lay.enums)
	case schema.Region:
		return g.region(s, lay.regions)
	case schema.Period:
		return g.period(s)
	case schema.ID:
		switch {
		case g.chance(0.01):
			return fullWidth(s)
		case g.chance(0.01):
			return " " + s + " "
		}
	case schema.USCC:
		if g.chance(0.03) {
			return strings.ToLower(s)
		}
	case schema.Text:
		if g.chance(0.01) {
			return s + "　"
		}
	}
	return s
}

func (g *gen) separator() string {
	return pick(g, []string{"、", "、", "、", "，", ",", "；", ";", "/", "\n"})
}

func (g *gen) label(v *schema.Vocab, code string, style int) string {
	t := v.Term(code)
	if t == nil {
		// A configuration that drops a term the sample uses: the code is
		// still the most faithful thing to write.
		return code
	}
	switch style {
	case 0:
		return t.Zh
	case 1:
		if g.chance(0.5) {
			return t.Code
		}
		return t.En
	}
	opts := []string{t.Code, t.Zh, t.Zh, t.En}
	opts = append(opts, t.Synonyms...)
	s := pick(g, opts)
	if g.chance(0.02) {
		s = " " + s + " "
	}
	return s
}

func (g *gen) region(code string, style int) string {
	t := g.cat.Vocab("region").Term(code)
	if t == nil {
		return code
	}
	if style == 4 {
		style = g.intn(4)
	}
	switch style {
	case 0:
		for _, p := range g.places {
			if p.code == code {
				return p.short
			}
		}
		return t.Zh
	case 1:
		return t.Zh
	case 2:
		return t.En
	}
	return t.Code
}

// period renders a canonical period (2024, 2024-H1, 2024-Q3) in one of the
// forms people write.
func (g *gen) period(p string) string {
	year, part, _ := strings.Cut(p, "-")
	switch {
	case part == "":
		return pick(g, []string{year, year + "年"})
	case part[0] == 'H':
		half := map[byte]string{'1': "上半年", '2': "下半年"}[part[1]]
		return pick(g, []string{year + part, year + "年" + half})
	default:
		q := map[byte]string{'1': "一", '2': "二", '3': "三", '4': "四"}[part[1]]
		return pick(g, []string{year + part, year + "年第" + q + "季度"})
	}
}

func (g *gen) date(t time.Time, style, dateStyle int) any {
	if style == dateMixed {
		style = []int{dateCell, dateISO, dateChinese, 10, 11, 12, 13}[g.intn(7)]
	}
	var s string
	switch style {
	case dateCell:
		return excelize.Cell{StyleID: dateStyle, Value: t}
	case dateISO:
		s = t.Format("2006-01-02")
	case dateChinese:
		if g.chance(0.2) {
			s = t.Format("2006/1/2")
		} else {
			s = t.Format("2006年1月2日")
		}
	case 10:
		s = t.Format("2006/1/2")
	case 11:
		s = t.Format("2006.1.2")
	case 12:
		s = t.Format("20060102")
	case 13:
		return int(t.Sub(excelEpoch).Hours() / 24) // a bare serial number
	}
	if g.chance(0.02) {
		s = fullWidth(s)
	}
	return s
}

func (g *gen) boolean(b, defaultTrue bool, style int) any {
	if b && defaultTrue && g.chance(0.6) {
		return nil
	}
	if style == 3 {
		pairs := [][2]string{{"是", "否"}, {"Y", "N"}, {"yes", "no"}, {"TRUE", "FALSE"}, {"1", "0"}, {"√", "否"}}
		p := pick(g, pairs)
		if b {
			return p[0]
		}
		return p[1]
	}
	switch {
	case style == 1 && b:
		return "Y"
	case style == 1:
		return "N"
	case style == 2 && b:
		return "√"
	case style == 2 && !defaultTrue:
		return nil // blank reads as no
	case b:
		return "是"
	}
	return "否"
}
