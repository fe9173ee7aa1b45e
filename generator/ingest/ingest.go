// Package ingest finds the workbooks of each register in the data folder and
// streams their rows. For every visible data sheet it finds the header row
// (the first row that holds the headers of all the dataset's required
// fields), maps columns to fields, and hands each data row, with its
// position, to a callback. It reports, as diagnostics: files that are not
// readable workbooks, sheets without a header row (naming the missing
// headers), hidden sheets (skipped: they are where personal data hides),
// hidden rows (handed on marked Hidden, never to be published), duplicate
// and unknown columns (never published). It never loads a whole
// sheet: rows are streamed with excelize's row iterator.
package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"disclose/generator/diag"
	"disclose/generator/fold"
	"disclose/generator/schema"
)

// File is one workbook of a dataset.
type File struct {
	// Path is the path as the user knows it, relative to the working
	// folder when possible; it is what diagnostics print.
	Path    string
	Dataset *schema.Dataset
}

// Find lists the workbooks of every dataset in dir: dir/<dataset>.xlsx and
// dir/<dataset>/*.xlsx, sorted by path. Files it does not know are reported
// as warnings, never silently ignored.
func Find(dir string, cat *schema.Catalog) ([]File, diag.List) {
	var files []File
	var diags diag.List
	entries, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			diags.Add(diag.Pos{File: dir}, "", "no data folder here: put the workbooks in %s or name the folder with --data", dir)
		} else {
			diags.Add(diag.Pos{File: dir}, "", "cannot read the data folder: %v", unwrapPath(err))
		}
		return nil, diags
	}
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(dir, name)
		if skipName(name) {
			continue
		}
		if e.IsDir() {
			ds := cat.Dataset(name)
			if ds == nil {
				diags.Warn(diag.Pos{File: p}, "", "folder is not a dataset (expected one of %s); not read", datasetNames(cat))
				continue
			}
			sub, err := os.ReadDir(p)
			if err != nil {
				diags.Add(diag.Pos{File: p}, "", "cannot read folder: %v", unwrapPath(err))
				continue
			}
			for _, s := range sub {
				sp := filepath.Join(p, s.Name())
				if skipName(s.Name()) {
					continue
				}
				if s.IsDir() {
					diags.Warn(diag.Pos{File: sp}, "", "sub-folders are not read")
					continue
				}
				if f, ok := classify(sp, ds, &diags); ok {
					files = append(files, f)
				}
			}
			continue
		}
		base := strings.TrimSuffix(name, filepath.Ext(name))
		ds := cat.Dataset(base)
		if ds == nil {
			if isWorkbookName(name) {
				diags.Warn(diag.Pos{File: p}, "", "workbook name is not a dataset (expected one of %s); not read", datasetNames(cat))
			}
			continue
		}
		if f, ok := classify(p, ds, &diags); ok {
			files = append(files, f)
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, diags
}

func classify(p string, ds *schema.Dataset, diags *diag.List) (File, bool) {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".xlsx", ".xlsm":
		return File{Path: p, Dataset: ds}, true
	case ".xls", ".et", ".wps":
		diags.Add(diag.Pos{File: p}, "", "old or foreign workbook format; save it as .xlsx (Excel Workbook) and run again")
	case ".csv", ".ods", ".numbers":
		diags.Add(diag.Pos{File: p}, "", "not an .xlsx workbook; save it as .xlsx (Excel Workbook) and run again")
	default:
		diags.Warn(diag.Pos{File: p}, "", "not a workbook; not read")
	}
	return File{}, false
}

// skipName reports files every editor leaves behind: Excel's and
// LibreOffice's lock files, hidden files.
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

func isWorkbookName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm", ".xls":
		return true
	}
	return false
}

func datasetNames(cat *schema.Catalog) string {
	var names []string
	for _, d := range cat.Datasets {
		names = append(names, d.Name)
	}
	return strings.Join(names, ", ")
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// Sheet describes one data sheet while its rows are streamed.
type Sheet struct {
	File    string
	Name    string
	Dataset *schema.Dataset
	// Columns maps each column (0-based) to its field; nil for a column
	// that matched nothing.
	Columns []*schema.Field
	// ColumnOf maps the key of each field in Columns to its 1-based
	// column. The records of the sheet share it: never change it.
	ColumnOf map[string]int
	// HeaderRow is the 1-based row of the header.
	HeaderRow int
	// Date1904 is the workbook's date system.
	Date1904 bool
}

// Row is one data row: its position (column 0) and its raw cell values,
// indexed like Sheet.Columns.
type Row struct {
	Pos   diag.Pos
	Cells []string
	// Hidden is set for a row hidden in its sheet (by hand, by a filter or
	// in a collapsed group). Such a row is never published: what someone
	// hid is where personal data hides, and what a reader of the sheet
	// does not see cannot have been checked.
	Hidden bool
}

// instructionSheets are sheets that explain the form; they are never data.
var instructionSheets = map[string]bool{"说明": true, "填表说明": true, "readme": true, "instructions": true}

// maxHeaderSearch bounds how far down the header row is looked for.
const maxHeaderSearch = 50

// Options limit what a workbook may cost to open.
type Options struct {
	// UnzipSizeLimit caps the unpacked size of a workbook (zip bombs).
	UnzipSizeLimit int64
}

// Read streams every data row of every visible data sheet of f to fn. The
// returned diagnostics cover the file and its sheets; row-level problems are
// fn's business.
func Read(f File, opts Options, fn func(*Sheet, Row)) diag.List {
	var diags diag.List
	limit := opts.UnzipSizeLimit
	if limit <= 0 {
		limit = 1 << 30
	}
	wb, err := excelize.OpenFile(f.Path, excelize.Options{RawCellValue: true, UnzipSizeLimit: limit, UnzipXMLSizeLimit: min(limit, 64<<20)})
	if err != nil {
		diags.Add(diag.Pos{File: f.Path}, "", "not a readable .xlsx workbook (%s)", describeOpenError(err))
		return diags
	}
	defer wb.Close()
	date1904 := false
	if props, err := wb.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	dataSheets := 0
	for _, name := range wb.GetSheetList() {
		if instructionSheets[strings.ToLower(strings.TrimSpace(name))] {
			continue
		}
		if visible, err := wb.GetSheetVisible(name); err == nil && !visible {
			diags.Warn(diag.Pos{File: f.Path, Sheet: name}, "", "hidden sheet not read; unhide it to publish its rows, or delete it if it holds personal data")
			continue
		}
		dataSheets++
		sh := &Sheet{File: f.Path, Name: name, Dataset: f.Dataset, Date1904: date1904}
		diags = append(diags, readSheet(wb, sh, fn)...)
	}
	if dataSheets == 0 {
		diags.Add(diag.Pos{File: f.Path}, "", "no visible data sheet")
	}
	return diags
}

func describeOpenError(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "zip: not a valid zip file"):
		return "the file is not in .xlsx format"
	case strings.Contains(msg, "unsupported workbook"), strings.Contains(msg, "encrypted"):
		return "the workbook is encrypted or protected with a password"
	}
	return msg
}

func readSheet(wb *excelize.File, sh *Sheet, fn func(*Sheet, Row)) diag.List {
	var diags diag.List
	rows, err := wb.Rows(sh.Name)
	if err != nil {
		diags.Add(diag.Pos{File: sh.File, Sheet: sh.Name}, "", "cannot read sheet: %v", err)
		return diags
	}
	defer rows.Close()
	var best []string // the candidate row with the most required headers
	bestFound, bestRow := -1, 0
	rowNum := 0
	englishRow := -1 // a second header row right below the first is skipped
	for rows.Next() {
		rowNum++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			diags.Add(diag.Pos{File: sh.File, Sheet: sh.Name, Row: rowNum}, "", "cannot read row: %v", err)
			continue
		}
		if sh.Columns == nil {
			if rowNum > maxHeaderSearch {
				break
			}
			if found := requiredFound(sh.Dataset, cells); found > bestFound {
				best, bestFound, bestRow = cells, found, rowNum
			}
			if requiredFound(sh.Dataset, cells) == len(sh.Dataset.Required()) {
				diags = append(diags, mapHeader(sh, cells, rowNum)...)
				englishRow = rowNum + 1
			}
			continue
		}
		if blank(cells) {
			continue
		}
		if rowNum == englishRow && isHeaderRow(sh, cells) {
			continue
		}
		pos := diag.Pos{File: sh.File, Sheet: sh.Name, Row: rowNum}
		hidden := rows.GetRowOpts().Hidden
		if hidden {
			diags.Warn(pos, "", "hidden row not published; unhide it to publish it, or delete it if it holds personal data")
		}
		fn(sh, Row{Pos: pos, Cells: cells, Hidden: hidden})
	}
	if err := rows.Error(); err != nil {
		diags.Add(diag.Pos{File: sh.File, Sheet: sh.Name}, "", "cannot read sheet: %v", err)
	}
	if sh.Columns == nil {
		if rowNum == 0 || bestFound <= 0 {
			if rowNum == 0 {
				diags.Warn(diag.Pos{File: sh.File, Sheet: sh.Name}, "", "empty sheet")
				return diags
			}
			diags.Add(diag.Pos{File: sh.File, Sheet: sh.Name}, "", "no header row found in the first %d rows: expected the headers of %s (%s)", maxHeaderSearch, sh.Dataset.Name, headerList(sh.Dataset.Required()))
			return diags
		}
		missing := missingRequired(sh.Dataset, best)
		diags.Add(diag.Pos{File: sh.File, Sheet: sh.Name, Row: bestRow}, "", "header row lacks required column(s): %s", headerList(missing))
	}
	return diags
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(fold.Width(c)) != "" {
			return false
		}
	}
	return true
}

func requiredFound(ds *schema.Dataset, cells []string) int {
	seen := map[string]bool{}
	for _, c := range cells {
		if f, ok := ds.MatchHeader(c); ok && f.Required {
			seen[f.Key] = true
		}
	}
	return len(seen)
}

func missingRequired(ds *schema.Dataset, cells []string) []*schema.Field {
	seen := map[string]bool{}
	for _, c := range cells {
		if f, ok := ds.MatchHeader(c); ok {
			seen[f.Key] = true
		}
	}
	var out []*schema.Field
	for _, f := range ds.Required() {
		if !seen[f.Key] {
			out = append(out, f)
		}
	}
	return out
}

func headerList(fields []*schema.Field) string {
	var parts []string
	for _, f := range fields {
		parts = append(parts, fmt.Sprintf("%s/%s", f.Zh, f.En))
	}
	return strings.Join(parts, ", ")
}

func mapHeader(sh *Sheet, cells []string, rowNum int) diag.List {
	var diags diag.List
	sh.HeaderRow = rowNum
	sh.Columns = make([]*schema.Field, len(cells))
	seen := map[string]int{}
	for i, c := range cells {
		pos := diag.Pos{File: sh.File, Sheet: sh.Name, Row: rowNum, Col: i + 1}
		if strings.TrimSpace(fold.Width(c)) == "" {
			continue
		}
		f, ok := sh.Dataset.MatchHeader(c)
		if !ok {
			diags.Warn(pos, "", "column %q matches no field of %s; it is not published", fold.Text(c), sh.Dataset.Name)
			continue
		}
		if prev, dup := seen[f.Key]; dup {
			diags.Add(pos, f.Key, "second column for this field (the first is column %s); remove one", diag.ColumnName(prev+1))
			continue
		}
		seen[f.Key] = i
		sh.Columns[i] = f
	}
	sh.ColumnOf = make(map[string]int, len(seen))
	for key, i := range seen {
		sh.ColumnOf[key] = i + 1
	}
	return diags
}

// isHeaderRow reports a row whose every non-blank cell is a header of its
// own column's field: the English header row under a Chinese one.
func isHeaderRow(sh *Sheet, cells []string) bool {
	n := 0
	for i, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		f, ok := sh.Dataset.MatchHeader(c)
		if !ok || i >= len(sh.Columns) || sh.Columns[i] != f {
			return false
		}
		n++
	}
	return n > 0
}
