package publish_test

import (
	"testing"

	"disclose/generator/publish"
	"disclose/generator/record"
	"disclose/generator/schema"
)

func caseRecord(vals map[string]string, publish *bool) *record.Record {
	cat := schema.MustDefault()
	r := &record.Record{Dataset: cat.Dataset("cases"), ID: "AJ-1", Values: map[string]record.Value{}}
	for k, v := range vals {
		r.Values[k] = record.Value{Str: v}
	}
	if publish != nil {
		r.Values["publish"] = record.Value{Bool: *publish}
	}
	return r
}

func TestDecideCases(t *testing.T) {
	no := false
	rules := publish.Rules{AsOf: "2026-11-01", RetentionYears: 3}
	tests := []struct {
		name    string
		vals    map[string]string
		publish *bool
		want    publish.Reason // "" = published
	}{
		{"closed recently", map[string]string{"closed_on": "2025-01-10"}, nil, ""},
		{"not for publication", map[string]string{"closed_on": "2025-01-10"}, &no, publish.NotForPublication},
		{"embargoed until tomorrow", map[string]string{"closed_on": "2025-01-10", "publish_from": "2026-11-02"}, nil, publish.Embargoed},
		{"publish from today", map[string]string{"closed_on": "2025-01-10", "publish_from": "2026-11-01"}, nil, ""},
		{"closed after the build date", map[string]string{"closed_on": "2026-12-01"}, nil, publish.Embargoed},
		{"retention ends today", map[string]string{"closed_on": "2023-11-01"}, nil, ""},
		{"retention ended yesterday", map[string]string{"closed_on": "2023-10-31"}, nil, publish.Expired},
		{"explicit publish until passed", map[string]string{"closed_on": "2026-01-01", "publish_until": "2026-10-31"}, nil, publish.Expired},
		{"explicit publish until beats retention", map[string]string{"closed_on": "2020-01-01", "publish_until": "2027-01-01"}, nil, ""},
		{"withdrawn", map[string]string{"closed_on": "2025-01-10", "withdrawn_on": "2026-03-01"}, nil, publish.Withdrawn},
		{"withdrawal in the future", map[string]string{"closed_on": "2025-01-10", "withdrawn_on": "2026-12-01"}, nil, ""},
		{"withdrawn wins over expired", map[string]string{"closed_on": "2020-01-10", "withdrawn_on": "2021-03-01"}, nil, publish.Withdrawn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub, held := publish.Decide([]*record.Record{caseRecord(tt.vals, tt.publish)}, rules)
			var got publish.Reason
			if len(held) == 1 {
				got = held[0].Reason
			}
			if len(pub)+len(held) != 1 {
				t.Fatalf("record lost: %d published, %d withheld", len(pub), len(held))
			}
			if got != tt.want {
				t.Errorf("Decide(%v) reason = %q, want %q", tt.vals, got, tt.want)
			}
		})
	}
}

func TestDecideOtherDatasetsOnlyUsePublishFlag(t *testing.T) {
	cat := schema.MustDefault()
	old := &record.Record{Dataset: cat.Dataset("committees"), ID: "K-1", Values: map[string]record.Value{"registered_on": {Str: "2001-01-01"}}}
	hidden := &record.Record{Dataset: cat.Dataset("activities"), ID: "A-1", Values: map[string]record.Value{"publish": {Bool: false}}}
	report := &record.Record{Dataset: cat.Dataset("reports"), ID: "R-1", Values: map[string]record.Value{}}
	pub, held := publish.Decide([]*record.Record{old, hidden, report}, publish.Rules{AsOf: "2026-11-01", RetentionYears: 3})
	if len(pub) != 2 || len(held) != 1 || held[0].Record != hidden || held[0].Reason != publish.NotForPublication {
		t.Errorf("published %d, withheld %+v; want the old committee and the report published, the activity withheld as not for publication", len(pub), held)
	}
}
