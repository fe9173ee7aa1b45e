package pipeline_test

import (
	"encoding/json"
	"fmt"
	"html"
	"path/filepath"
	"strings"
	"testing"

	"disclose/generator/normalize"
	"disclose/generator/pipeline"
)

// The leak guard is a second line, not a copy of the first: with the
// redactor switched off, every class of personal data the workbooks carry
// must still stop the build. The guard is built as a build builds it, from
// the private records alone, and is shown each canary as the outputs would
// carry it: as read (widths folded), inside HTML with its characters escaped,
// in a list row's cell and a record's field as the site writes them (no end
// tags), inside a JSON string with \u escapes, and in a CSV cell.
func TestGuardStopsEveryClassWithoutTheRedactor(t *testing.T) {
	for _, fx := range []struct {
		name string
		fx   fixture
	}{{"seeded", seeded()}, {"forms", formsFixture()}} {
		t.Run(fx.name, func(t *testing.T) {
			root := t.TempDir()
			data := filepath.Join(root, "data")
			writeBooks(t, data, fx.fx.books)
			guard, err := pipeline.GuardWithoutRedactor(testConfig(root, ""), data, asOf)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range fx.fx.canary {
				switch c.name {
				case "withheld record 金丝雀单位一":
					// A unit is no needle: an institution is not
					// personal, and other records name it.
					continue
				case "name on a hidden sheet":
					// A hidden sheet is never read: nothing on it can
					// reach an output, and nothing on it is known.
					continue
				}
				// as the pipeline publishes text: widths folded
				text := normalize.FreeText(strings.ReplaceAll(c.text, `\n`, "\n"))
				escaped := func(s string) string {
					var b strings.Builder
					for _, r := range s {
						fmt.Fprintf(&b, "&#%d;", r)
					}
					return b.String()
				}
				js, _ := json.Marshal(map[string]string{"facts": "见" + text + "。"})
				jsonU := strings.NewReplacer("见", `\u89c1`).Replace(string(js))
				for _, out := range []struct{ path, body string }{
					{"page/index.html", "<p>事实：" + html.EscapeString(text) + "</p>"},
					// as list rows and record fields carry values: no
					// end tags, the next cell or term right after
					{"cases/index.html", "\n<tr><td>AJ-1<td>" + html.EscapeString(text) + "<td>2025-10-09\n<tr><td>AJ-2<td>"},
					{"cases/aj-1/index.html", "<dl>\n<dt id=\"f-facts\">事实\n<dd>" + html.EscapeString(text) + "\n<dt id=\"f-closed\">结案日期\n<dd>2025-10-09\n</dl>"},
					{"escaped/index.html", "<p>" + escaped(text) + "</p>"},
					{"record/index.json", jsonU},
					{"data/cases.csv", "id,facts\nAJ-1,\"说明" + strings.ReplaceAll(text, `"`, `""`) + "说明\"\n"},
				} {
					if fs := guard.Bytes(out.path, []byte(out.body)); len(fs) == 0 {
						t.Errorf("%s: the guard finds nothing in %s holding %q", c.name, out.path, c.text)
					}
				}
			}
			// and the public facts beside them are no finding
			for _, p := range fx.fx.public {
				if strings.Contains(p, "已隐去") || strings.HasSuffix(p, "某") {
					continue
				}
				if fs := guard.Bytes("page/index.html", []byte("<p>"+html.EscapeString(p)+"</p>")); len(fs) > 0 {
					t.Errorf("the guard flags the public fact %q: %v", p, fs)
				}
			}
		})
	}
}
