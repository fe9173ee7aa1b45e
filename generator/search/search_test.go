package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"disclose/generator/internal/testrecord"
	"disclose/generator/record"
	"disclose/generator/redact"
	"disclose/generator/schema"
	"disclose/generator/words"
)

var content = fstest.MapFS{
	"zh/about.md":                      {Data: []byte("+++\ntitle = \"关于本站\"\ndescription = \"本站公开科技伦理登记信息。\"\n+++\n\n## 数据来源\n\n见[方法说明](/methodology/)。\n")},
	"en/about.md":                      {Data: []byte("+++\ntitle = \"About\"\ndescription = \"What this register publishes.\"\n+++\n\nSee the [methodology](/en/methodology/).\n")},
	"en/education/_index.md":           {Data: []byte("---\ntitle: \"Ethics education\"\n---\nPrinciples of review.\n")},
	"en/search.md":                     {Data: []byte("+++\ntitle = \"Search\"\n+++\n")},
	"zh/education/principles/draft.md": {Data: []byte("+++\ntitle = \"草稿页面\"\ndraft = true\n+++\n")},
}

// fixture is a small invented register plus extra activities.
func fixture(t testing.TB, extra int) Input {
	t.Helper()
	cat := schema.MustDefault()
	recs := []*record.Record{
		testrecord.New(cat, "committees", "KJLL-2023-0001",
			"name", "示例大学科技伦理委员会", "institution", "示例大学", "institution_type", "university",
			"region", "110000", "fields", []string{"life_sciences", "ai"}, "registered_on", "2023-03-20",
			"status", "active", "chair", "张三"),
		testrecord.New(cat, "committees", "KJLL-2023-0002",
			"name", "示例医院医学伦理委员会", "institution", "示例医院", "institution_type", "medical",
			"region", "310000", "fields", []string{"medicine"}, "registered_on", "2023-05-02", "status", "suspended"),
		testrecord.New(cat, "activities", "HR-2024-0001",
			"title", "侵入式脑机接口治疗难治性癫痫的临床研究", "title_en", "Invasive brain-computer interface for refractory epilepsy",
			"unit", "示例大学", "region", "110000", "lead", "李四", "field", "medicine", "category", "invasive_bci",
			"committee_id", "KJLL-2023-0001", "registered_on", "2024-02-01", "status", "ongoing", "summary", "研究简介。"),
		testrecord.New(cat, "activities", "HR-2024-0002",
			"title", "人机融合系统研发", "unit", "示例大学", "region", "110000", "field", "ai",
			"category", "human_machine_fusion", "committee_id", "KJLL-2023-0001", "registered_on", "2024-03-15",
			"status", "completed", "summary", "与脑机接口无关的说明：脑部影像。"),
	}
	for i := 0; i < extra; i++ {
		recs = append(recs, testrecord.New(cat, "activities", fmt.Sprintf("HR-2023-%05d", i+1),
			"title", fmt.Sprintf("示例高风险科技活动第%d号：算法推荐与情感计算研究", i+1), "unit", fmt.Sprintf("示例大学%d分校", i%300),
			"region", "110000", "field", "ai", "category", "opinion_algorithm", "committee_id", "KJLL-2023-0001",
			"registered_on", fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28), "status", "ongoing",
			"summary", fmt.Sprintf("第%d项研究的简介，涉及医院、大学和研究所的合作，编号%07d。", i+1, i*7919%9999991)))
	}
	res, err := redact.Apply(cat, recs, nil, redact.Policy{Fields: map[string]string{"activities.lead": "mask"}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := words.Load(os.DirFS(filepath.Join("..", "..", "themes", "disclose")))
	if err != nil {
		t.Fatal(err)
	}
	return Input{Catalog: cat, Records: res.Records, Content: content, Words: w}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // each must be present
		not      []string // none may be present
	}{
		{"han bigrams", "侵入式脑机接口", []string{"侵入", "入式", "式脑", "脑机", "机接", "接口"}, []string{"脑", "侵入式"}},
		{"latin prefixes lower-cased", "Brain-Computer", []string{"br", "brain", "co", "computer"}, []string{"b", "brain-computer"}},
		{"full-width folded", "ＢＣＩ２０２４", []string{"bc", "bci2024"}, nil},
		{"mixed runs split", "BCI脑机", []string{"bc", "bci", "脑机"}, []string{"i脑"}},
		{"long words cut", "biotechnologies", []string{"biotechnolog"}, []string{"biotechnologi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokens(tt.in)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Tokens(%q) = %q, want it to contain %q", tt.in, got, w)
				}
			}
			for _, w := range tt.not {
				if slices.Contains(got, w) {
					t.Errorf("Tokens(%q) = %q, want no %q", tt.in, got, w)
				}
			}
		})
	}
}

func TestQueryTokens(t *testing.T) {
	tests := []struct {
		name, in  string
		want      []string
		wantShort bool
	}{
		{"bigram", "脑机", []string{"脑机"}, false},
		{"longer han covered by bigrams", "伦理委员会", []string{"伦理", "委员", "员会"}, false},
		{"even han run", "侵入式脑机接口", []string{"侵入", "式脑", "机接", "接口"}, false},
		{"single han is short", "脑", nil, true},
		{"single letter is short", "a", nil, true},
		{"single han with a word", "脑 BCI", []string{"bci"}, false},
		{"words", "Brain-Computer", []string{"brain", "computer"}, false},
		{"long word cut", "biotechnology", []string{"biotechnolog"}, false},
		{"empty", "  ", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, short := QueryTokens(tt.in)
			if !reflect.DeepEqual(got, tt.want) || short != tt.wantShort {
				t.Errorf("QueryTokens(%q) = %q, %v, want %q, %v", tt.in, got, short, tt.want, tt.wantShort)
			}
		})
	}
}

func TestQuery(t *testing.T) {
	files, err := Generate(fixture(t, 30))
	if err != nil {
		t.Fatal(err)
	}
	bci := "activities/hr-2024-0001/"
	tests := []struct {
		name, lang, q string
		first         string // href of the first hit; "" for none
		total         int    // -1: any number above zero
	}{
		{"chinese bigram finds the title first", "zh", "脑机", bci, 2},
		{"longer chinese query", "zh", "脑机接口", bci, 2},
		{"and of bigrams", "zh", "侵入式脑机", bci, 1},
		{"english title on english pages; the glossary reads names, not free text", "en", "brain-computer", bci, 1},
		{"english prefix", "en", "epilep", bci, 1},
		{"record text in its language in the english index", "en", "脑机", bci, 2},
		{"english labels only in the english index", "zh", "medical", "", 0},
		{"english synonyms and glossary words in the english index", "en", "hospital", "committees/kjll-2023-0002/", 1},
		{"chinese synonyms in the chinese index", "zh", "医院", "committees/kjll-2023-0002/", -1},
		{"chinese labels in the chinese index", "zh", "医疗卫生机构", "committees/kjll-2023-0002/", 1},
		{"id first", "zh", "HR-2024-0001", bci, -1},
		{"hand-written page", "zh", "关于本站", "about/", 1},
		{"section page", "en", "ethics education", "education/", -1},
		{"search page itself not indexed", "en", "search", "", 0},
		{"draft page not indexed", "zh", "草稿", "", 0},
		{"person names not indexed", "zh", "李某", "", 0},
		{"no match", "zh", "量子引力", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Query(files, tt.lang, tt.q, 20)
			if err != nil {
				t.Fatal(err)
			}
			first := ""
			if len(res.Hits) > 0 {
				first = res.Hits[0].Href
			}
			if first != tt.first || (tt.total >= 0 && res.Total != tt.total) {
				t.Errorf("Query(%s, %q) = first %q of %d, want %q of %d (hits %v)", tt.lang, tt.q, first, res.Total, tt.first, tt.total, res.Hits)
			}
		})
	}
}

// A record's hit carries its id, which tells apart records with the same
// title; a page's hit has none.
func TestHitIDs(t *testing.T) {
	files, err := Generate(fixture(t, 30))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ lang, q, href, id string }{
		{"zh", "侵入式脑机", "activities/hr-2024-0001/", "HR-2024-0001"},
		{"en", "epilep", "activities/hr-2024-0001/", "HR-2024-0001"},
		{"zh", "关于本站", "about/", ""},
	} {
		res, err := Query(files, tt.lang, tt.q, 20)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 || res.Hits[0].Href != tt.href || res.Hits[0].ID != tt.id {
			t.Errorf("Query(%s, %q) = %+v, want one hit %s with id %q", tt.lang, tt.q, res.Hits, tt.href, tt.id)
		}
	}
}

func TestQueryShort(t *testing.T) {
	files, err := Generate(fixture(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Query(files, "zh", "脑", 20)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Short || res.Bytes != 0 {
		t.Errorf("Query(zh, %q) = short %v, %d bytes, want short and nothing downloaded", "脑", res.Short, res.Bytes)
	}
}

// TestBounded builds the index of 20,000 records: every posting shard
// stays under maxShard and a frequent query reads a bounded number of
// bytes.
func TestBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 20,000 records")
	}
	files, err := Generate(fixture(t, 20000))
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range files {
		if strings.Contains(p, "/shard-") && len(b) > maxShard {
			t.Errorf("%s is %d bytes, want at most %d", p, len(b), maxShard)
		}
		if strings.Contains(p, "/docs-") && len(b) > 4*targetBlock {
			t.Errorf("%s is %d bytes, want at most %d", p, len(b), 4*targetBlock)
		}
	}
	for _, q := range []string{"研究", "示例大学", "算法推荐与情感计算"} {
		res, err := Query(files, "zh", q, 20)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total < 20000 || len(res.Hits) != 20 {
			t.Errorf("Query(zh, %q) = %d total, %d shown, want all records and 20 shown", q, res.Total, len(res.Hits))
		}
		if limit := 300 << 10; res.Bytes > limit {
			t.Errorf("Query(zh, %q) read %d bytes in %d files, want at most %d", q, res.Bytes, len(res.Files), limit)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, err := Generate(fixture(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(fixture(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("Generate gave %d then %d files", len(a), len(b))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("Generate: %s differs between two runs", p)
		}
	}
}

func TestListEncoding(t *testing.T) {
	dense := make([]int, 0, 1000)
	for i := 0; i < 1000; i++ {
		if i%3 != 1 {
			dense = append(dense, i)
		}
	}
	tests := []struct {
		name   string
		ids    []int
		bitmap bool
	}{
		{"sparse as gaps", []int{3, 40, 41, 900}, false},
		{"dense as bitmap", dense, true},
		{"single", []int{0}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc := encodeList(tt.ids)
			if _, isStr := enc.(string); isStr != tt.bitmap {
				t.Errorf("encodeList(%d ids) bitmap = %v, want %v", len(tt.ids), isStr, tt.bitmap)
			}
			b, _ := marshal(enc)
			var v any
			if err := jsonUnmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			got, err := decodeList(v)
			if err != nil || !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("decodeList(encodeList(%v)) = %v, %v", tt.ids, got, err)
			}
		})
	}
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// TestShardsHoldNoWords: the posting shards are keyed by hashes, so no
// word of the index (a bigram such as 龙江 of 黑龙江, which may be a
// person's name) is written out on its own; queries still find records.
func TestShardsHoldNoWords(t *testing.T) {
	files, err := Generate(fixture(t, 30))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for name, b := range files {
		if !strings.Contains(name, "/shard-") {
			continue
		}
		n++
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for k := range m {
			if _, err := strconv.ParseUint(k, 36, 32); err != nil {
				t.Errorf("%s has the key %q, which is not a hash", name, k)
			}
		}
	}
	if n == 0 {
		t.Fatal("no posting shards")
	}
}

func TestUnion(t *testing.T) {
	got := union([]int{1, 3, 5, 9}, []int{2, 3, 9, 10})
	if want := []int{1, 2, 3, 5, 9, 10}; !slices.Equal(got, want) {
		t.Errorf("union = %v, want %v", got, want)
	}
}

// meta.json gives each register's documents and each year's within it as
// ranges, which the browser uses to count and narrow hits without
// reading a document; a hit shows its register, unit, region and text.
func TestGroupsAndHitContext(t *testing.T) {
	in := fixture(t, 30)
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	var meta Meta
	if err := json.Unmarshal(files["search/en/meta.json"], &meta); err != nil {
		t.Fatal(err)
	}
	docs, err := documents(in, "en")
	if err != nil {
		t.Fatal(err)
	}
	covered := 0
	for _, g := range meta.Groups {
		years := 0
		for i := g.From; i < g.From+g.N; i++ {
			if docs[i].group != g.Name {
				t.Errorf("document %d (%s) lies in the range of %s", i, docs[i].group, g.Name)
			}
		}
		for _, y := range g.Years {
			years += y.N
			for i := y.From; i < y.From+y.N; i++ {
				if !strings.HasPrefix(docs[i].date, y.Year) {
					t.Errorf("document %d dated %s lies in the range of %s %s", i, docs[i].date, g.Name, y.Year)
				}
			}
		}
		if g.Name != "pages" && years != g.N {
			t.Errorf("%s: years cover %d of %d documents", g.Name, years, g.N)
		}
		covered += g.N
	}
	if covered != meta.Docs {
		t.Errorf("groups cover %d of %d documents", covered, meta.Docs)
	}
	res, err := Query(files, "en", "HR-2024-0001", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Context != "示例大学 · Beijing" || !strings.HasPrefix(res.Hits[0].Text, "研究简介") {
		t.Errorf("hit = %+v, want the unit and region as context and the summary as text", res.Hits)
	}
}

// The English index finds Chinese records by English words through the
// glossary (university → 大学, Hefei → 合肥), and the Chinese index finds
// English text by Chinese words.
func TestGlossary(t *testing.T) {
	files, err := Generate(fixture(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Query(files, "en", "university", 50)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range res.Hits {
		found = found || strings.HasPrefix(h.Href, "activities/") // unit 示例大学
	}
	if !found {
		t.Errorf("en university = %+v, want the activities of 示例大学", res.Hits)
	}
	if got := glossed([]string{"Wuhan University Hospital, a hospitality school"}); !slices.Contains(got, "医院") || !slices.Contains(got, "武汉") || !slices.Contains(got, "大学") {
		t.Errorf("glossed(zh) = %q, want 医院, 武汉 and 大学", got)
	}
	if got := glossed([]string{"hospitality"}); len(got) != 0 {
		t.Errorf("glossed(hospitality) = %q, want nothing: a glossary word is a whole word", got)
	}
}
