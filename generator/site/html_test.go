package site

import (
	"strings"
	"testing"
)

func TestLinker(t *testing.T) {
	tests := []struct {
		base, lang, href, want string
	}{
		{"", "zh", "committees/x/", "/committees/x/"},
		{"https://ethics.example.org/", "en", "committees/x/", "/en/committees/x/"},
		{"https://example.org/ethics", "zh", "cases/", "/ethics/cases/"},
		{"https://example.org/ethics/", "en", "cases/a-1/", "/ethics/en/cases/a-1/"},
		{"/", "en", "", "/en/"},
	}
	for _, tt := range tests {
		if got := newLinker(tt.base).href(tt.lang, tt.href); got != tt.want {
			t.Errorf("base %q, %s: href(%q) = %q, want %q", tt.base, tt.lang, tt.href, got, tt.want)
		}
	}
}

// TestFieldsHTMLEscapes: text from a workbook is data, never markup, in
// element content and attributes alike.
func TestFieldsHTMLEscapes(t *testing.T) {
	got := fieldsHTML([]field{
		{Key: "title", Label: "名称 <b>", Text: `<script>alert("x")</script> & 'y' +1`},
		{Key: "committee_id", Label: "委员会", Text: "A&B", Href: `committees/a"b/`},
		{Key: "partner_countries", Label: "国家", Items: []string{"<i>"}, Lang: "en"},
		{Key: "summary", Label: "摘要", Paras: []string{"一", "二 >"}},
	}, "en", newLinker("https://example.org/ethics/"))
	for _, want := range []string{
		`<dt>名称 &lt;b&gt;</dt>`,
		`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;y&#39; &#43;1`,
		`<a href="/ethics/en/committees/a&#34;b/">A&amp;B</a>`,
		`<dd lang="en"><ul><li>&lt;i&gt;</li></ul></dd>`,
		`<p>一</p><p>二 &gt;</p>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("fieldsHTML lacks %s in\n%s", want, got)
		}
	}
	if strings.Contains(got, "<script") || strings.Contains(got, "<i>") {
		t.Errorf("markup from the data reached the page:\n%s", got)
	}
}

func TestRowHTML(t *testing.T) {
	cols := map[string]string{"id": "编号", "title": "名称", "date": "日期"}
	heads := []listHead{{Key: "unit", Label: "Unit"}, {Key: "region", Label: "地区"}, {Key: "registered_on", Label: "日期", Class: "date"}}
	cells := []listCell{{"示例大学", "zh-CN"}, {Text: "北京市"}, {Text: "2024-01-02"}}
	got := rowHTML(cols, heads, "/en/activities/a/", "A-1", "脑机 <接口>", "zh-CN", cells)
	want := "\n<tr><td class=\"id\" data-label=\"编号\">A-1</td><td class=\"title\" data-label=\"名称\"><a href=\"/en/activities/a/\" lang=\"zh-CN\">脑机 &lt;接口&gt;</a></td><td data-label=\"Unit\" lang=\"zh-CN\">示例大学</td><td data-label=\"地区\">北京市</td><td class=\"date\" data-label=\"日期\">2024-01-02</td></tr>"
	if got != want {
		t.Errorf("rowHTML =\n%q\nwant\n%q", got, want)
	}
}
