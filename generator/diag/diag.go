// Package diag holds the diagnostics that every stage reports about the
// user's data: a position in a workbook (FILE:SHEET!CELL), the field, a
// severity and a message. Diagnostics are collected over the whole run and
// printed together, sorted by position, like go/scanner.ErrorList.
//
// A message never repeats personal data: an ID number, a phone number, a
// personal e-mail address or a card number quoted from a cell is replaced
// by its kind (‹id_number›) when the diagnostic is made, because messages
// are printed in CI logs and kept in the build report. The position names
// the cell, which is what the data officer needs.
package diag

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"disclose/generator/scan"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Error is a problem that stops the build (exit code 3) unless the row
	// is quarantined with --keep-going.
	Error Severity = iota
	// Warning is reported but stops nothing.
	Warning
)

// Pos is a place in the input: a file, and optionally a sheet, a row and a
// column (1-based; 0 means "the whole sheet" or "the whole row").
type Pos struct {
	File  string
	Sheet string
	Row   int
	Col   int
}

// Cell returns the spreadsheet address of the position, such as "F14", or
// "14" for a whole row; empty when there is no row.
func (p Pos) Cell() string {
	if p.Row == 0 {
		return ""
	}
	if p.Col == 0 {
		return strconv.Itoa(p.Row)
	}
	return ColumnName(p.Col) + strconv.Itoa(p.Row)
}

// String formats the position as FILE:SHEET!CELL, dropping the parts that
// are not known.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteByte(':')
		b.WriteString(p.Sheet)
		if c := p.Cell(); c != "" {
			b.WriteByte('!')
			b.WriteString(c)
		}
	}
	return b.String()
}

// ColumnName turns a 1-based column number into its letters: 1 → A, 27 → AA.
func ColumnName(col int) string {
	var buf [8]byte
	i := len(buf)
	for col > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return string(buf[i:])
}

// Diagnostic is one problem found in the data.
type Diagnostic struct {
	Pos      Pos
	Field    string // canonical field key, or "" when the problem is not about one field
	Severity Severity
	Message  string
	// Cause is the cell whose error this one follows from (a row that
	// refers to a record with errors), or nil for a root cause.
	Cause *Pos
}

func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Add appends an error at pos.
func (l *List) Add(pos Pos, field, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Field: field, Severity: Error, Message: Conceal(fmt.Sprintf(format, args...))})
}

// AddFollowOn appends an error at pos that follows from the error at
// cause: it is printed after the root causes, with the others of the same
// cause summarised.
func (l *List) AddFollowOn(pos, cause Pos, field, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Field: field, Severity: Error, Message: Conceal(fmt.Sprintf(format, args...)), Cause: &cause})
}

// Warn appends a warning at pos.
func (l *List) Warn(pos Pos, field, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Field: field, Severity: Warning, Message: Conceal(fmt.Sprintf(format, args...))})
}

// detector is the redactor's detector, made once: it holds no state
// that a call changes.
var detector = sync.OnceValue(func() *scan.Detector { return scan.NewDetector(scan.Eager, nil) })

// Conceal returns msg with every ID number, phone number, personal e-mail
// address and card number in it replaced by its kind, as in ‹mobile›.
func Conceal(msg string) string {
	ms := detector().FindAll([]byte(msg))
	if len(ms) == 0 {
		return msg
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(msg[last:m.Start])
		b.WriteString("‹" + m.Kind + "›")
		last = m.End
	}
	b.WriteString(msg[last:])
	return b.String()
}

// Errors counts the diagnostics of severity Error.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the diagnostics of severity Warning.
func (l List) Warnings() int { return len(l) - l.Errors() }

// Sort orders the list by file, sheet, row, column, then field and message,
// so the output reads top to bottom like the workbook.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Sheet != b.Pos.Sheet {
			return a.Pos.Sheet < b.Pos.Sheet
		}
		if a.Pos.Row != b.Pos.Row {
			return a.Pos.Row < b.Pos.Row
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Message < b.Message
	})
}

// followOnsShown is how many errors of one cause Print writes out.
const followOnsShown = 3

// warningsShown is how many warnings of one kind in one file Print writes
// out; a build of 100,000 records can have tens of thousands of them.
const warningsShown = 3

// warningKind is what makes warnings alike: their file, field and message
// with the quoted values and numbers taken out.
var quoted = regexp.MustCompile(`"[^"]*"|“[^”]*”|[0-9]+`)

func warningKind(d Diagnostic) string {
	return d.Pos.File + "\x00" + d.Field + "\x00" + quoted.ReplaceAllString(d.Message, "…")
}

// Print writes the root causes first, one per line, in the list's order:
// every error, and every warning or (unless every) a few of each kind in
// each file with the count of the rest. Then the errors that follow from them, by cause: a
// few each, with the count of the rest, and one line on what happens to
// those rows. It returns how many warnings it left out: where every one
// is listed is the caller's to say.
func (l List) Print(w io.Writer, every bool) (hidden int) {
	var causes []string
	byCause := map[string][]Diagnostic{}
	total := map[string]int{}
	for _, d := range l {
		if d.Cause == nil && d.Severity == Warning {
			total[warningKind(d)]++
		}
	}
	shown := map[string]int{}
	for _, d := range l {
		if d.Cause == nil && d.Severity == Warning {
			k := warningKind(d)
			if shown[k]++; shown[k] > warningsShown && !every {
				hidden++
				continue
			}
			fmt.Fprintln(w, d.String())
			if n := total[k] - warningsShown; shown[k] == warningsShown && n > 0 && !every {
				fmt.Fprintf(w, "%s: and %d more warning(s) like this one\n", d.Pos.File, n)
			}
			continue
		}
		if d.Cause == nil {
			fmt.Fprintln(w, d.String())
			continue
		}
		k := d.Cause.String()
		if _, ok := byCause[k]; !ok {
			causes = append(causes, k)
		}
		byCause[k] = append(byCause[k], d)
	}
	for _, k := range causes {
		ds := byCause[k]
		for _, d := range ds[:min(len(ds), followOnsShown)] {
			fmt.Fprintln(w, d.String())
		}
		if n := len(ds) - followOnsShown; n > 0 {
			fmt.Fprintf(w, "%s: and %d more row(s) that refer to the record with the error at %s\n", ds[0].Pos.File, n, k)
		}
	}
	if len(causes) > 0 {
		fmt.Fprintln(w, "Rows that refer to a record with errors are held back with it: fix the cells named first, and they are published with it.")
	}
	return hidden
}
