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
		`<dt id="f-title">名称 &lt;b&gt;</dt>`,
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
	heads := []listHead{{Key: "unit", Label: "Unit"}, {Key: "region", Label: "地区"}, {Key: "registered_on", Label: "日期", Class: "date"}}
	cells := []listCell{{"示例大学", "zh-CN"}, {Text: "北京市"}, {Text: "2024-01-02"}}
	got := rowHTML(heads, "/en/activities/a/", "A-1", "脑机 <接口>", "zh-CN", cells)
	want := "\n<tr><td>A-1</td><td><a href=\"/en/activities/a/\" lang=\"zh-CN\">脑机 &lt;接口&gt;</a></td><td lang=\"zh-CN\">示例大学</td><td>北京市</td><td>2024-01-02</td></tr>"
	if got != want {
		t.Errorf("rowHTML =\n%q\nwant\n%q", got, want)
	}
}

// The cards of a list on a phone label each value with its column, in the
// page's language, from the generated stylesheet.
func TestListCSS(t *testing.T) {
	in := fixture(t, 0)
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	css := string(files["assets/css/lists.css"])
	for _, want := range []string{
		`@media (max-width: 40rem) {`,
		`html[lang=zh-CN] .list-cases td:nth-child(1)::before { content: "案件编号"; }`,
		`html[lang=en] .list-cases td:nth-child(1)::before { content: "Case No."; }`,
		`html[lang=en] .list-activities td:nth-child(5)::before { content: "Ethics committee"; }`,
	} {
		if !strings.Contains(css, want) {
			t.Errorf("lists.css lacks %s:\n%s", want, css)
		}
	}
	if got := cssString(`a "b" \ c`); got != `"a \"b\" \\ c"` {
		t.Errorf("cssString = %s", got)
	}
}
