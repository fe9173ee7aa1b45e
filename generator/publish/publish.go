// Package publish applies the publication rules for a given date: records
// marked not for publication, cases before their publish-from date
// (embargo), after their publish-until date or past the retention period
// (expired), and withdrawn cases are withheld from every output. It returns
// the records to publish and the withheld ones with their reasons; the
// site shows only the counts per reason.
package publish

import (
	"time"

	"disclose/generator/record"
)

// Reason says why a record is withheld.
type Reason string

// The reasons, in the order the site lists them.
const (
	NotForPublication Reason = "not_for_publication"
	Embargoed         Reason = "embargoed"
	Expired           Reason = "expired"
	Withdrawn         Reason = "withdrawn"
	// HiddenRow is a row hidden in its worksheet: never published,
	// whatever its cells say (see package ingest).
	HiddenRow Reason = "hidden_row"
)

// Reasons lists every reason in display order.
func Reasons() []Reason { return []Reason{NotForPublication, Embargoed, Expired, Withdrawn, HiddenRow} }

// Withheld is a record held back, with why.
type Withheld struct {
	Record *record.Record
	Reason Reason
}

// Rules are the configurable publication rules.
type Rules struct {
	AsOf           string // YYYY-MM-DD
	RetentionYears int
}

// Decide splits recs into the published and the withheld.
func Decide(recs []*record.Record, rules Rules) (published []*record.Record, withheld []Withheld) {
	for _, r := range recs {
		if reason, hold := decide(r, rules); hold {
			withheld = append(withheld, Withheld{Record: r, Reason: reason})
			continue
		}
		published = append(published, r)
	}
	return published, withheld
}

func decide(r *record.Record, rules Rules) (Reason, bool) {
	if r.Dataset.Field("publish") != nil && !r.Bool("publish") {
		return NotForPublication, true
	}
	if r.Dataset.Name != "cases" {
		return "", false
	}
	if w := r.Str("withdrawn_on"); w != "" && w <= rules.AsOf {
		return Withdrawn, true
	}
	from := PublishFrom(r)
	if from != "" && from > rules.AsOf {
		return Embargoed, true
	}
	if until := PublishUntil(r, rules.RetentionYears); until != "" && until < rules.AsOf {
		return Expired, true
	}
	return "", false
}

// PublishFrom returns a case's first day of publication: publish_from, or
// closed_on when blank.
func PublishFrom(r *record.Record) string {
	if s := r.Str("publish_from"); s != "" {
		return s
	}
	return r.Str("closed_on")
}

// PublishUntil returns a case's last day of publication: publish_until, or
// publish_from plus the retention period.
func PublishUntil(r *record.Record, retentionYears int) string {
	if s := r.Str("publish_until"); s != "" {
		return s
	}
	from := PublishFrom(r)
	if from == "" || retentionYears <= 0 {
		return ""
	}
	t, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return ""
	}
	return t.AddDate(retentionYears, 0, 0).Format(time.DateOnly)
}
