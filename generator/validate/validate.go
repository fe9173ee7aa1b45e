// Package validate runs the checks that look at more than one cell: ids and
// URL slugs unique within a dataset, the pair (body, period) unique among
// reports, references between datasets (an activity's reviewing committee
// must exist), and dates in an order that can be. Its input is every record
// normalisation produced with the set already rejected; it adds to that set
// and reports each problem at the cell that holds it.
package validate

import (
	"strings"

	"disclose/generator/diag"
	"disclose/generator/record"
	"disclose/generator/schema"
	"disclose/generator/slug"
)

// Run checks recs (in input order) and marks the records with errors in
// rejected. asOf is the build date (YYYY-MM-DD) for plausibility warnings.
func Run(cat *schema.Catalog, recs []*record.Record, rejected map[*record.Record]bool, asOf string, diags *diag.List) {
	ids := map[string]map[string]*record.Record{}
	slugs := map[string]map[string]*record.Record{}
	pairs := map[string]*record.Record{}
	for _, ds := range cat.Datasets {
		ids[ds.Name] = map[string]*record.Record{}
		slugs[ds.Name] = map[string]*record.Record{}
	}
	for _, r := range recs {
		if r.ID == "" {
			continue
		}
		name := r.Dataset.Name
		if first, dup := ids[name][r.ID]; dup {
			diags.Add(r.Pos("id"), "id", "duplicate id %q (first at %s)", r.ID, first.Pos("id"))
			rejected[r] = true
			continue
		}
		ids[name][r.ID] = r
		s := slug.Make(r.ID)
		if first, dup := slugs[name][s]; dup {
			diags.Add(r.Pos("id"), "id", "id %q gives the same web address as %q (at %s); change one", r.ID, first.ID, first.Pos("id"))
			rejected[r] = true
			continue
		}
		slugs[name][s] = r
		if u := r.Dataset.Unique; len(u) > 0 {
			vals := make([]string, len(u))
			for i, k := range u {
				vals[i] = r.Str(k)
			}
			key := name + "\x00" + strings.Join(vals, "\x00")
			last := u[len(u)-1]
			if first, dup := pairs[key]; dup {
				diags.Add(r.Pos(last), last, "a second record for %s: one per %s (first at %s)", strings.Join(vals, " and "), uniqueWords(r.Dataset), first.Pos(last))
				rejected[r] = true
				continue
			}
			pairs[key] = r
		}
	}
	for _, r := range recs {
		for _, f := range r.Dataset.Fields {
			if f.Ref == "" || !r.Has(f.Key) {
				continue
			}
			target, ok := ids[f.Ref][r.Str(f.Key)]
			switch {
			case !ok:
				diags.Add(r.Pos(f.Key), f.Key, "%q is not in the %s register", r.Str(f.Key), f.Ref)
				rejected[r] = true
			case rejected[target]:
				cause := firstError(*diags, target.Row)
				diags.AddFollowOn(r.Pos(f.Key), cause, f.Key, "%q in the %s register has errors itself (at %s)", r.Str(f.Key), f.Ref, cause)
				rejected[r] = true
			}
		}
		checkDates(r, rejected, asOf, diags)
	}
}

// uniqueWords names the fields that make a record unique: "reporting
// body and period".
func uniqueWords(ds *schema.Dataset) string {
	var ws []string
	for _, k := range ds.Unique {
		ws = append(ws, strings.ToLower(ds.Field(k).En))
	}
	return strings.Join(ws, " and ")
}

func checkDates(r *record.Record, rejected map[*record.Record]bool, asOf string, diags *diag.List) {
	for _, f := range r.Dataset.Fields {
		if f.After == "" {
			continue
		}
		a, b := r.Str(f.After), r.Str(f.Key)
		if a != "" && b != "" && a > b {
			diags.Add(r.Pos(f.Key), f.Key, "%s is before %s %s", b, f.After, a)
			rejected[r] = true
		}
	}
	if asOf == "" {
		return
	}
	for _, f := range r.Dataset.Fields {
		if d := r.Str(f.Key); f.Past && d > asOf {
			diags.Warn(r.Pos(f.Key), f.Key, "%s is after the build date %s", d, asOf)
		}
	}
}

// firstError returns the cell of the first error in a record's row, or the
// row itself when none of the errors names a cell.
func firstError(diags diag.List, row diag.Pos) diag.Pos {
	for _, d := range diags {
		p := d.Pos
		if d.Severity == diag.Error && d.Cause == nil && p.File == row.File && p.Sheet == row.Sheet && p.Row == row.Row {
			return p
		}
	}
	return row
}
