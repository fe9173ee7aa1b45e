// Package validate runs the checks that look at more than one cell: ids and
// URL slugs unique within a dataset, the pair (body, period) unique among
// reports, references between datasets (an activity's reviewing committee
// must exist), and dates in an order that can be. Its input is every record
// normalisation produced with the set already rejected; it adds to that set
// and reports each problem at the cell that holds it.
package validate

import (
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
		if name == "reports" {
			key := r.Str("body") + "\x00" + r.Str("period")
			if first, dup := pairs[key]; dup {
				diags.Add(r.Pos("period"), "period", "a second report from %s for %s (first at %s)", r.Str("body"), r.Str("period"), first.Pos("period"))
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
				diags.Add(r.Pos(f.Key), f.Key, "%q in the %s register has errors itself (see %s)", r.Str(f.Key), f.Ref, target.Row)
				rejected[r] = true
			}
		}
		checkDates(r, rejected, asOf, diags)
	}
}

// order lists pairs of date fields where the first may not come after the
// second.
var order = map[string][][2]string{
	"committees": {{"established_on", "registered_on"}},
	"activities": {{"start_on", "end_on"}, {"approved_on", "rereview_on"}},
	"cases":      {{"opened_on", "closed_on"}, {"closed_on", "withdrawn_on"}, {"publish_from", "publish_until"}},
}

// notFuture lists date fields that record something that has happened.
var notFuture = map[string][]string{
	"committees": {"established_on", "registered_on"},
	"activities": {"approved_on", "rereview_on", "registered_on"},
	"cases":      {"opened_on", "closed_on"},
	"reports":    {"submitted_on"},
}

func checkDates(r *record.Record, rejected map[*record.Record]bool, asOf string, diags *diag.List) {
	name := r.Dataset.Name
	for _, p := range order[name] {
		a, b := r.Str(p[0]), r.Str(p[1])
		if a != "" && b != "" && a > b {
			diags.Add(r.Pos(p[1]), p[1], "%s is before %s %s", b, p[0], a)
			rejected[r] = true
		}
	}
	if asOf == "" {
		return
	}
	for _, k := range notFuture[name] {
		if d := r.Str(k); d > asOf {
			diags.Warn(r.Pos(k), k, "%s is after the build date %s", d, asOf)
		}
	}
}
