// Package xlsxtext builds workbooks from a plain-text description, so that
// tests can keep their spreadsheets readable in txtar archives and golden
// files. The description is line based:
//
//	== SHEET-NAME [hidden]       starts a sheet
//	| a | b | c |                a row of cells (leading/trailing | optional)
//	hidden | a | b |             a row hidden in the sheet
//	                             an empty line is an empty row
//	merge A1:C1                  merges a range of the current sheet
//	date1904                     switches the workbook to the 1904 system
//	# comment                    ignored
//
// A cell written as {date:2023-03-20} is a real date cell (a date-formatted
// serial number), {num:45005} a number cell holding the number as written
// (so {num:1.10108198804153E+17} is what Excel keeps of a long number
// typed into a number cell), {bool:true} a boolean cell;
// everything else is a text cell, in which \n stands for a line break.
package xlsxtext

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Build returns the bytes of the workbook the description describes.
func Build(desc string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := ""
	row := 0
	first := true
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return nil, err
	}
	for n, line := range strings.Split(desc, "\n") {
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "#"):
			continue
		case strings.HasPrefix(trimmed, "=="):
			fields := strings.Fields(strings.TrimPrefix(trimmed, "=="))
			if len(fields) == 0 {
				return nil, fmt.Errorf("line %d: sheet needs a name", n+1)
			}
			sheet, row = fields[0], 0
			if first {
				if err := f.SetSheetName("Sheet1", sheet); err != nil {
					return nil, err
				}
				first = false
			} else if _, err := f.NewSheet(sheet); err != nil {
				return nil, err
			}
			if len(fields) > 1 && fields[1] == "hidden" {
				if err := f.SetSheetVisible(sheet, false); err != nil {
					return nil, err
				}
			}
			continue
		case trimmed == "date1904":
			t := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &t}); err != nil {
				return nil, err
			}
			continue
		case strings.HasPrefix(trimmed, "merge "):
			parts := strings.Split(strings.TrimSpace(strings.TrimPrefix(trimmed, "merge ")), ":")
			if sheet == "" || len(parts) != 2 {
				return nil, fmt.Errorf("line %d: merge needs a sheet and a range A1:C1", n+1)
			}
			if err := f.MergeCell(sheet, parts[0], parts[1]); err != nil {
				return nil, err
			}
			continue
		}
		if sheet == "" {
			if trimmed == "" {
				continue
			}
			return nil, fmt.Errorf("line %d: a row before the first == sheet line", n+1)
		}
		row++
		if trimmed == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(trimmed, "hidden |"); ok {
			if err := f.SetRowVisible(sheet, row, false); err != nil {
				return nil, fmt.Errorf("line %d: %w", n+1, err)
			}
			trimmed = "|" + rest
		}
		t := strings.TrimSuffix(strings.TrimPrefix(trimmed, "|"), "|")
		for i, cell := range strings.Split(t, "|") {
			cell = strings.TrimSpace(cell)
			if cell == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(i+1, row)
			if err := setCell(f, sheet, ref, cell, dateStyle); err != nil {
				return nil, fmt.Errorf("line %d: %w", n+1, err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func setCell(f *excelize.File, sheet, ref, cell string, dateStyle int) error {
	if strings.HasPrefix(cell, "{") && strings.HasSuffix(cell, "}") {
		kind, val, ok := strings.Cut(cell[1:len(cell)-1], ":")
		if ok {
			switch kind {
			case "date":
				d, err := time.Parse(time.DateOnly, val)
				if err != nil {
					return err
				}
				if err := f.SetCellValue(sheet, ref, d); err != nil {
					return err
				}
				return f.SetCellStyle(sheet, ref, ref, dateStyle)
			case "num":
				if _, err := strconv.ParseFloat(val, 64); err != nil {
					return err
				}
				return f.SetCellDefault(sheet, ref, val)
			case "bool":
				return f.SetCellBool(sheet, ref, val == "true")
			}
		}
	}
	return f.SetCellStr(sheet, ref, strings.ReplaceAll(cell, `\n`, "\n"))
}
