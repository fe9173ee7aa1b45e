package site

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
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
		"<dt id=\"f-title\">名称 &lt;b&gt;\n<dd>",
		`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;y&#39; &#43;1`,
		`<a href="/ethics/en/committees/a&#34;b/">A&amp;B</a>`,
		`<dd lang="en"><ul><li>&lt;i&gt;</li></ul>`,
		`<p>一</p><p>二 &gt;</p>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("fieldsHTML lacks %s in\n%s", want, got)
		}
	}
	if strings.Contains(got, "<script") || strings.Contains(got, "<i>") {
		t.Errorf("markup from the data reached the page:\n%s", got)
	}
	// without their end tags, a browser still pairs each term with its value
	doc, err := html.Parse(strings.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Parent != nil && n.Parent.Data == "dl" {
			seen = append(seen, n.Data+":"+strings.TrimSpace(textOf(n)))
		}
	}
	want := []string{"dt:名称 <b>", `dd:<script>alert("x")</script> & 'y' +1`, "dt:委员会", "dd:A&B", "dt:国家", "dd:<i>", "dt:摘要", "dd:一二 >"}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("a browser reads the list as\n%q\nwant\n%q", seen, want)
	}
}

// A row leaves out its optional end tags; a browser must still see each
// value in its own cell (a cell's trailing white space is not shown), the
// title linked, and the rows apart.
func TestRowHTML(t *testing.T) {
	heads := []listHead{{Key: "unit", Label: "Unit"}, {Key: "region", Label: "地区"}, {Key: "registered_on", Label: "日期", Class: "date"}}
	cells := []listCell{{"示例大学", "zh-CN"}, {Text: "北京市"}, {Text: "2024-01-02"}}
	row := rowHTML(heads, "/en/activities/a/", "A-1", "脑机 <接口>", "zh-CN", cells)
	if strings.Contains(row, "</td>") || strings.Contains(row, "</tr>") {
		t.Errorf("rowHTML writes end tags HTML makes optional: %q", row)
	}
	page := "<table><tbody>" + row + row + "\n</tbody></table>"
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]*html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "tr" {
			var tds []*html.Node
			for c := range n.ChildNodes() {
				if c.Type == html.ElementNode && c.Data == "td" {
					tds = append(tds, c)
				}
			}
			rows = append(rows, tds)
		}
	}
	if len(rows) != 2 {
		t.Fatalf("a browser sees %d rows in two rows' markup", len(rows))
	}
	want := []string{"A-1", "脑机 <接口>", "示例大学", "北京市", "2024-01-02"}
	for _, tds := range rows {
		if len(tds) != len(want) {
			t.Fatalf("a browser sees %d cells in a row, want %d", len(tds), len(want))
		}
		for i, td := range tds {
			if got := strings.TrimSpace(textOf(td)); got != want[i] {
				t.Errorf("cell %d reads %q, want %q", i, got, want[i])
			}
		}
		a := tds[1].FirstChild
		if a == nil || a.Data != "a" || attrOf(a, "href") != "/en/activities/a/" || attrOf(a, "lang") != "zh-CN" {
			t.Errorf("the title is not linked to its page in its own language: %q", row)
		}
		if attrOf(tds[2], "lang") != "zh-CN" || attrOf(tds[3], "lang") != "" {
			t.Errorf("the cells' languages are wrong: %q", row)
		}
	}
}

// textOf is the text a browser shows inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// attrOf is n's attribute key, or "".
func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
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
