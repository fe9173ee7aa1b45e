package diag

import (
	"fmt"
	"strings"
	"testing"
)

// Root causes come first, whatever their files; the rows that follow from
// one are summarised after them, with what happens to those rows.
func TestPrintPutsRootCausesFirst(t *testing.T) {
	var l List
	cause := Pos{File: "committees.xlsx", Sheet: "S", Row: 4, Col: 9}
	for i := range 5 {
		l.AddFollowOn(Pos{File: "activities.xlsx", Sheet: "S", Row: 2 + i, Col: 12}, cause, "committee_id", "%q in the committees register has errors itself (at %s)", "K-2", cause)
	}
	l.Add(cause, "registered_on", "2023-01-01 is before established_on 2024-01-01")
	l.Add(Pos{File: "committees.xlsx", Sheet: "S", Row: 6, Col: 1}, "id", "duplicate id %q", "K-1")
	l.Sort()
	var b strings.Builder
	l.Print(&b, false)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	want := []string{
		"committees.xlsx:S!I4: registered_on: 2023-01-01 is before established_on 2024-01-01",
		`committees.xlsx:S!A6: id: duplicate id "K-1"`,
		`activities.xlsx:S!L2: committee_id: "K-2" in the committees register has errors itself (at committees.xlsx:S!I4)`,
		`activities.xlsx:S!L3: committee_id: "K-2" in the committees register has errors itself (at committees.xlsx:S!I4)`,
		`activities.xlsx:S!L4: committee_id: "K-2" in the committees register has errors itself (at committees.xlsx:S!I4)`,
		"activities.xlsx: and 2 more row(s) that refer to the record with the error at committees.xlsx:S!I4",
		"Rows that refer to a record with errors are held back with it: fix the cells named first, and they are published with it.",
	}
	if fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("Print =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if l.Errors() != 7 {
		t.Errorf("Errors = %d, want 7 (the follow-ons count)", l.Errors())
	}
}

// A build prints a few warnings of each kind in each file and counts the
// rest; check prints them all. Errors are always printed in full.
func TestPrintSummarisesWarnings(t *testing.T) {
	var l List
	for i := range 40 {
		l.Warn(Pos{File: "a.xlsx", Sheet: "S", Row: 2 + i, Col: 3}, "unit", "unit name %q looks like a person's name", fmt.Sprint("U", i))
	}
	for i := range 5 {
		l.Warn(Pos{File: "b.xlsx", Sheet: "S", Row: 2 + i, Col: 3}, "unit", "unit name %q looks like a person's name", fmt.Sprint("U", i))
	}
	for i := range 6 {
		l.Add(Pos{File: "a.xlsx", Sheet: "S", Row: 2 + i, Col: 4}, "date", "cannot read %q as a date", fmt.Sprint(i))
	}
	l.Sort()
	var b strings.Builder
	hidden := l.Print(&b, false)
	out := b.String()
	if got := strings.Count(out, "looks like a person's name"); got != 6 || hidden != 39 {
		t.Errorf("a build printed %d warnings and left out %d; want 3 per file and 39 left out:\n%s", got, hidden, out)
	}
	for _, want := range []string{"a.xlsx: and 37 more warning(s) like this one", "b.xlsx: and 2 more warning(s) like this one"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if got := strings.Count(out, "cannot read"); got != 6 {
		t.Errorf("%d of 6 errors printed", got)
	}
	b.Reset()
	if hidden := l.Print(&b, true); hidden != 0 || strings.Count(b.String(), "looks like a person's name") != 45 {
		t.Errorf("check left out %d warnings:\n%s", hidden, b.String())
	}
}
