package redact

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"disclose/generator/schema"
)

// Policy words for Policy.Fields.
const (
	policyKeep      = "keep"
	policyMask      = "mask"
	policyDrop      = "drop"
	policyPseudonym = "pseudonym"
)

// Policy is the redaction policy.
type Policy struct {
	// Fields maps "dataset.field" to keep, mask, drop or pseudonym. Person
	// fields accept all four (default mask). Other public fields accept
	// keep (the default) and drop. Secret fields are never published:
	// only drop is accepted for them, and any other word is an error so
	// that nobody believes a secret can be made public.
	Fields map[string]string
	// Key is the HMAC-SHA-256 key for pseudonyms; required as soon as
	// one field uses pseudonym (the CLI reads $DISCLOSE_PSEUDONYM_KEY).
	Key []byte
	// Placeholder replaces removed spans; "" means DefaultPlaceholder.
	Placeholder string
	// PersonalMailDomains are the mail services whose addresses are
	// personal; nil means scan.PersonalMailDomains().
	PersonalMailDomains []string
}

// ErrNoKey is returned when a field uses pseudonym and Policy.Key is empty.
var ErrNoKey = errors.New("pseudonym policy needs a key in $DISCLOSE_PSEUDONYM_KEY")

// Validate checks the policy against the catalog: every key must name an
// existing "dataset.field", every word must be known and allowed for the
// field's type, and pseudonym needs a key. All problems are reported.
func (p Policy) Validate(cat *schema.Catalog) error {
	var errs []error
	keys := make([]string, 0, len(p.Fields))
	for k := range p.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	needKey := false
	for _, k := range keys {
		word := p.Fields[k]
		ds, field, ok := strings.Cut(k, ".")
		if !ok {
			errs = append(errs, fmt.Errorf("redaction policy %q: want dataset.field", k))
			continue
		}
		d := cat.Dataset(ds)
		if d == nil {
			errs = append(errs, fmt.Errorf("redaction policy %q: no dataset %q", k, ds))
			continue
		}
		f := d.Field(field)
		if f == nil {
			errs = append(errs, fmt.Errorf("redaction policy %q: dataset %s has no field %q", k, ds, field))
			continue
		}
		switch word {
		case policyKeep, policyMask, policyDrop, policyPseudonym:
		default:
			errs = append(errs, fmt.Errorf("redaction policy %q: unknown policy %q (want keep, mask, drop or pseudonym)", k, word))
			continue
		}
		switch {
		case f.Type == schema.Secret && word != policyDrop:
			errs = append(errs, fmt.Errorf("redaction policy %q: %s is a secret field and is never published; %q has no effect (remove it or say drop)", k, k, word))
		case f.Type != schema.Person && f.Type != schema.Secret && word != policyKeep && word != policyDrop:
			errs = append(errs, fmt.Errorf("redaction policy %q: %q applies to person fields only; %s accepts keep or drop", k, word, k))
		case word == policyPseudonym:
			needKey = true
		}
	}
	if needKey && len(p.Key) == 0 {
		errs = append(errs, ErrNoKey)
	}
	return errors.Join(errs...)
}

// word returns the policy for a field, with the defaults applied.
func (p Policy) word(ds string, f *schema.Field) string {
	if f.Type == schema.Secret {
		return policyDrop
	}
	if w, ok := p.Fields[ds+"."+f.Key]; ok {
		return w
	}
	if f.Type == schema.Person {
		return policyMask
	}
	return policyKeep
}
