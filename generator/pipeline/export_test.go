package pipeline

import (
	"context"
	"disclose/generator/config"
	"disclose/generator/ingest"
	"disclose/generator/publish"
	"disclose/generator/scan"
	"disclose/generator/schema"
)

// GuardWithoutRedactor returns the leak guard a build of dataDir would use
// if the redactor removed nothing: its needles come from the private
// records alone, and its patterns are its own.
func GuardWithoutRedactor(cfg *config.Config, dataDir, asOf string) (*scan.Scanner, error) {
	cat, err := schema.New(cfg.Vocabs)
	if err != nil {
		return nil, err
	}
	l := load(context.Background(), cat, dataDir, publish.Rules{AsOf: asOf, RetentionYears: cfg.Publication.RetentionYears}, ingest.Options{})
	policy, err := redactionPolicy(cfg)
	if err != nil {
		return nil, err
	}
	return scan.New(scan.Options{Needles: privateNeedles(l, keepPolicy(policy)), PersonalMailDomains: cfg.Redaction.PersonalMailDomains}), nil
}
