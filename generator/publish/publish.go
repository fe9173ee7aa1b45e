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
	p := r.Dataset.Publication
	if p.Switch != "" && !r.Bool(p.Switch) {
		return NotForPublication, true
	}
	if w := str(r, p.Withdrawn); w != "" && w <= rules.AsOf {
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

// str is a field's value, "" when the register has no such rule.
func str(r *record.Record, key string) string {
	if key == "" {
		return ""
	}
	return r.Str(key)
}

// PublishFrom returns the first day a record may be published: its
// register's publish-from date, or else the date publication counts from
// (a case's closing date). It is "" for a register without these rules.
func PublishFrom(r *record.Record) string {
	p := r.Dataset.Publication
	if s := str(r, p.From); s != "" {
		return s
	}
	return str(r, p.Since)
}

// PublishUntil returns a record's last day of publication: its register's
// publish-until date, or the first day plus the retention period, for a
// register that has these rules.
func PublishUntil(r *record.Record, retentionYears int) string {
	p := r.Dataset.Publication
	if s := str(r, p.Until); s != "" {
		return s
	}
	if p.Until == "" {
		return ""
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
