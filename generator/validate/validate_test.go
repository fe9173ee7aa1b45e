package validate_test

import (
	"strings"
	"testing"

	"disclose/generator/diag"
	"disclose/generator/record"
	"disclose/generator/schema"
	"disclose/generator/validate"
)

func rec(cat *schema.Catalog, ds string, row int, vals map[string]string) *record.Record {
	r := &record.Record{Dataset: cat.Dataset(ds), Row: diag.Pos{File: ds + ".xlsx", Sheet: "S", Row: row}, Values: map[string]record.Value{}, Cols: map[string]int{}}
	for i, f := range r.Dataset.Fields {
		r.Cols[f.Key] = i + 1
	}
	for k, v := range vals {
		r.Values[k] = record.Value{Str: v}
	}
	r.ID = vals["id"]
	return r
}

func TestRun(t *testing.T) {
	cat := schema.MustDefault()
	com := rec(cat, "committees", 2, map[string]string{"id": "K-1", "registered_on": "2023-01-01"})
	comDup := rec(cat, "committees", 3, map[string]string{"id": "K-1"})
	comLate := rec(cat, "committees", 4, map[string]string{"id": "K-2", "established_on": "2024-01-01", "registered_on": "2023-01-01"})
	slugA := rec(cat, "committees", 5, map[string]string{"id": "GD/2024/7"})
	actOK := rec(cat, "activities", 2, map[string]string{"id": "A-1", "committee_id": "K-1", "start_on": "2024-01-01", "end_on": "2024-12-31"})
	actMissing := rec(cat, "activities", 3, map[string]string{"id": "A-2", "committee_id": "K-9"})
	actBadRef := rec(cat, "activities", 4, map[string]string{"id": "A-3", "committee_id": "K-2"})
	caseOrder := rec(cat, "cases", 2, map[string]string{"id": "C-1", "opened_on": "2024-05-01", "closed_on": "2024-01-01"})
	rep1 := rec(cat, "reports", 2, map[string]string{"id": "R-1", "body": "浙江省科学技术厅", "period": "2024"})
	rep2 := rec(cat, "reports", 3, map[string]string{"id": "R-2", "body": "浙江省科学技术厅", "period": "2024"})
	future := rec(cat, "reports", 4, map[string]string{"id": "R-3", "body": "甲", "period": "2024", "submitted_on": "2027-01-01"})
	all := []*record.Record{com, comDup, comLate, slugA, actOK, actMissing, actBadRef, caseOrder, rep1, rep2, future}
	rejected := map[*record.Record]bool{}
	var diags diag.List
	validate.Run(cat, all, rejected, "2026-11-01", &diags)
	diags.Sort()
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`activities.xlsx:S!L3: committee_id: "K-9" is not in the committees register`,
		`activities.xlsx:S!L4: committee_id: "K-2" in the committees register has errors itself (at committees.xlsx:S!I4)`,
		`cases.xlsx:S!K2: closed_on: 2024-01-01 is before opened_on 2024-05-01`,
		`committees.xlsx:S!A3: id: duplicate id "K-1" (first at committees.xlsx:S!A2)`,
		`committees.xlsx:S!I4: registered_on: 2023-01-01 is before established_on 2024-01-01`,
		`reports.xlsx:S!E3: period: a second record for 浙江省科学技术厅 and 2024: one per reporting body and period (first at reports.xlsx:S!E2)`,
		`reports.xlsx:S!F4: warning: submitted_on: 2027-01-01 is after the build date 2026-11-01`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range []*record.Record{comDup, comLate, actMissing, actBadRef, caseOrder, rep2} {
		if !rejected[r] {
			t.Errorf("%s %s at %s not rejected", r.Dataset.Name, r.ID, r.Row)
		}
	}
	for _, r := range []*record.Record{com, slugA, actOK, rep1, future} {
		if rejected[r] {
			t.Errorf("%s %s at %s rejected", r.Dataset.Name, r.ID, r.Row)
		}
	}
}
