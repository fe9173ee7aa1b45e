package site

import (
	"encoding/json"
	"strings"
	"testing"

	"disclose/generator/schema"
)

func dataFrontOf(t *testing.T, in Input, lang string) dataFront {
	t.Helper()
	b, err := dataPage(in, lang)
	if err != nil {
		t.Fatal(err)
	}
	var f dataFront
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// The dictionary lists every published field with the schema's labels and
// every term of every vocabulary those fields use.
func TestDictionaryCoversSchema(t *testing.T) {
	cat := schema.MustDefault()
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			f := dataFrontOf(t, fixture(t, 0), lang)
			fields := map[string]dictField{}
			for _, d := range f.Datasets {
				for _, fd := range d.Fields {
					fields[d.Name+"."+fd.Key] = fd
				}
			}
			terms := map[string]dictTerm{}
			for _, v := range f.Vocabs {
				for _, tm := range v.Terms {
					terms[v.Name+"."+tm.Code] = tm
				}
			}
			for _, ds := range cat.Datasets {
				for _, sf := range ds.Fields {
					key := ds.Name + "." + sf.Key
					got, ok := fields[key]
					switch {
					case !sf.Published():
						if ok {
							t.Errorf("dictionary lists %s, which is never published", key)
						}
						continue
					case !ok:
						t.Errorf("dictionary lacks %s", key)
						continue
					case got.Zh != sf.Zh || got.En != sf.En || got.Type != sf.Type.String() || got.Vocab != sf.Vocab:
						t.Errorf("dictionary %s = %+v, want %s / %s, %s, vocab %q", key, got, sf.Zh, sf.En, sf.Type, sf.Vocab)
					}
					if sf.Vocab == "" {
						continue
					}
					for _, tm := range cat.Vocab(sf.Vocab).Terms {
						got, ok := terms[sf.Vocab+"."+tm.Code]
						if !ok || got.Zh != tm.Zh || got.En != tm.En {
							t.Errorf("dictionary term %s.%s = %+v, want %s / %s", sf.Vocab, tm.Code, got, tm.Zh, tm.En)
						}
					}
				}
			}
		})
	}
}

func TestDataPageDownloads(t *testing.T) {
	in := fixture(t, 0)
	in.Downloads = []Download{
		{Path: "downloads/SHA256SUMS", Format: "sha256sums", Size: 900, SHA256: "aa"},
		{Path: "downloads/cases.csv", Dataset: "cases", Format: "csv", Size: 2048, SHA256: "bb", Records: 1},
		{Path: "downloads/committees.csv", Dataset: "committees", Format: "csv", Size: 10, SHA256: "cc", Records: 2},
		{Path: "downloads/disclose-data-2025-12-31.zip", Format: "zip", Size: 3 << 20, SHA256: "dd", Records: 6},
		{Path: "downloads/changes.xml", Format: "atom", Size: 10, SHA256: "ee", Records: 0},
	}
	f := dataFrontOf(t, in, "en")
	var order []string
	for _, d := range f.Downloads {
		order = append(order, d.Href)
	}
	want := "downloads/committees.csv downloads/cases.csv downloads/SHA256SUMS downloads/changes.xml downloads/disclose-data-2025-12-31.zip"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("download order = %s, want %s", got, want)
	}
	if f.Bundle == nil || f.Bundle.Size != "3.0 MB" || f.Sums == nil || f.Feed == nil {
		t.Errorf("bundle %+v, sums %+v, feed %+v: want all three", f.Bundle, f.Sums, f.Feed)
	}
	if f.Downloads[1].Dataset != "Ethics violation cases" || f.Downloads[1].Size != "2.0 KB" || f.Downloads[2].Records != "—" {
		t.Errorf("downloads = %+v", f.Downloads)
	}
	for _, w := range []string{"Example Provincial Department of Science and Technology", "Release 2025-12-31", "https://ethics.example.org/en/data/"} {
		if !strings.Contains(f.Cite, w) {
			t.Errorf("citation %q lacks %q", f.Cite, w)
		}
	}
}

func TestChangesView(t *testing.T) {
	in := fixture(t, 0)
	if f := dataFrontOf(t, in, "zh"); f.Changes != nil {
		t.Fatalf("changes without a previous release = %+v, want none", f.Changes)
	}
	in.Changes = &Changes{
		Since: "2025-06-30", Release: "2025-12-31",
		Added:   []Change{{Dataset: "activities", ID: "HR-2024-0001", Slug: "hr-2024-0001", Title: "侵入式脑机接口治疗难治性癫痫的临床研究"}},
		Changed: []Change{{Dataset: "committees", ID: "KJLL-2023-0001", Slug: "kjll-2023-0001", Title: "示例大学科技伦理委员会", Fields: []string{"status", "members"}}},
		Removed: []Change{{Dataset: "cases", ID: "AJ-2020-0009", Slug: "aj-2020-0009"}},
	}
	tests := []struct {
		lang, kind, href, text, fields string
	}{
		{"zh", "added", "activities/hr-2024-0001/", "侵入式脑机接口治疗难治性癫痫的临床研究", ""},
		{"en", "added", "activities/hr-2024-0001/", "Invasive BCI for refractory epilepsy", ""},
		{"zh", "changed", "committees/kjll-2023-0001/", "示例大学科技伦理委员会", "状态、委员人数"},
		{"en", "changed", "committees/kjll-2023-0001/", "示例大学科技伦理委员会", "Status, Members"},
		{"en", "removed", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.kind, func(t *testing.T) {
			f := dataFrontOf(t, in, tt.lang)
			if f.Changes == nil || f.Changes.Total != "3" || len(f.Changes.Groups) != 3 {
				t.Fatalf("changes = %+v, want 3 groups of 3 changes", f.Changes)
			}
			var g *changeGroup
			for i := range f.Changes.Groups {
				if f.Changes.Groups[i].Kind == tt.kind {
					g = &f.Changes.Groups[i]
				}
			}
			if g == nil || len(g.Items) != 1 {
				t.Fatalf("no %s group: %+v", tt.kind, f.Changes.Groups)
			}
			it := g.Items[0]
			if it.Href != tt.href || it.Text != tt.text || it.Fields != tt.fields {
				t.Errorf("%s item = %+v, want href %q, text %q, fields %q", tt.kind, it, tt.href, tt.text, tt.fields)
			}
		})
	}
}

// The dictionary marks the columns a spreadsheet changes when it opens the
// CSV: ids, credit codes, region codes, periods and phones, and no others.
func TestDictionaryMarksColumnsSpreadsheetsChange(t *testing.T) {
	dss, _ := dictionary(schema.MustDefault(), "en")
	marked := map[string]bool{}
	for _, d := range dss {
		for _, f := range d.Fields {
			if f.Digits {
				marked[d.Name+"."+f.Key] = true
			}
		}
	}
	for _, k := range []string{"committees.id", "committees.credit_code", "committees.region", "committees.contact_phone", "reports.period", "activities.committee_id"} {
		if !marked[k] {
			t.Errorf("%s is not marked as changed by spreadsheets", k)
		}
	}
	for _, k := range []string{"committees.name", "committees.members", "cases.facts", "committees.registered_on"} {
		if marked[k] {
			t.Errorf("%s is marked as changed by spreadsheets", k)
		}
	}
}
