package template

import (
	"fmt"
	"slices"
	"strings"

	"disclose/generator/schema"
)

// Contract returns the data contract for data officers, in Markdown, from
// the catalog: every register's columns in Chinese and English with their
// keys, types, what a cell may hold and the rules that apply, then every
// vocabulary and the publication and redaction rules. docs/data-contract.md
// is this text (a test keeps it so), and `disclose template` writes it
// beside the blank workbooks.
func Contract(cat *schema.Catalog) []byte {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# 数据规范 Data contract\n\n")
	p("Generated from the schema by `disclose template`: do not edit by hand.\n")
	p("由程序根据数据模式生成，请勿手工修改。\n\n")
	p("Each register is one workbook, `data/<register>.xlsx`, or any number of workbooks in `data/<register>/`. ")
	p("The header row may sit below title rows; headers may be Chinese or English, with notes in brackets and a `*` for required columns. ")
	p("Every visible sheet is read except instruction sheets (`说明`, `填表说明`, `README`, `Instructions`); hidden sheets are not read and hidden rows are never published. ")
	p("A column no register knows is reported and never published.\n\n")

	p("## Types 类型\n\n| type | 中文 | English |\n|---|---|---|\n")
	for _, t := range typeOrder {
		tt := typeText[t]
		p("| `%s` | %s | %s |\n", t, tt[0], tt[1])
	}
	p("\n")

	vocabs := []string{}
	for _, d := range cat.Datasets {
		p("## `%s` — %s %s\n\n", d.Name, d.Zh, d.En)
		p("| 中文表头 | English header | key | type | required | 说明 | notes |\n|---|---|---|---|---|---|---|\n")
		for _, f := range d.Fields {
			typ := "`" + f.Type.String() + "`"
			if f.Vocab != "" {
				if f.Type == schema.Enum {
					typ += " `" + f.Vocab + "`"
				}
				if !slices.Contains(vocabs, f.Vocab) {
					vocabs = append(vocabs, f.Vocab)
				}
			}
			if f.List {
				typ = "list of " + typ
			}
			req := "no"
			if f.Required {
				req = "yes"
			}
			if f.RequiredWhen != nil {
				req = "when " + f.RequiredWhen.Field + " = " + f.RequiredWhen.Value
			}
			zh, en := notes(cat, d, f)
			if f.After != "" {
				zh = join(zh, "不早于"+d.Field(f.After).Zh, "；")
				en = join(en, "not before "+strings.ToLower(d.Field(f.After).En), "; ")
			}
			if f.Past {
				zh = join(zh, "晚于数据截至日期时提示", "；")
				en = join(en, "a warning when after the build date", "; ")
			}
			if f.Control {
				zh = join(zh, "控制是否公开，本身不出现在公开数据中", "；")
				en = join(en, "decides publication; not itself a column of the downloads", "; ")
			}
			p("| %s | %s | `%s` | %s | %s | %s | %s |\n", cell(f.Zh), cell(f.En), f.Key, typ, req, cell(zh), cell(en))
		}
		p("\n")
		var rules []string
		rules = append(rules, fmt.Sprintf("A record's title is `%s`", d.TitleField))
		if d.TitleAfter != "" {
			rules[len(rules)-1] += fmt.Sprintf(" followed by `%s`", d.TitleAfter)
		}
		rules = append(rules, fmt.Sprintf("lists are dated and sorted by `%s`", d.DateField))
		if len(d.Unique) > 0 {
			rules = append(rules, fmt.Sprintf("one record per `%s`", strings.Join(d.Unique, "` and `")))
		}
		if pub := d.Publication; pub.Switch != "" || pub.Withdrawn != "" {
			var pr []string
			if pub.Switch != "" {
				pr = append(pr, fmt.Sprintf("`%s` = 否/no withholds a record", pub.Switch))
			}
			if pub.Withdrawn != "" {
				pr = append(pr, fmt.Sprintf("a record is withheld from `%s`", pub.Withdrawn))
			}
			if pub.From != "" {
				pr = append(pr, fmt.Sprintf("not published before `%s` (or `%s`)", pub.From, pub.Since))
			}
			if pub.Until != "" {
				pr = append(pr, fmt.Sprintf("nor after `%s` (or the retention period of the configuration)", pub.Until))
			}
			rules = append(rules, strings.Join(pr, "; "))
		}
		if len(d.Facets) > 0 {
			var fs []string
			for _, f := range d.Facets {
				fs = append(fs, "`"+f.Field+"`")
			}
			rules = append(rules, "the lists are filtered by "+strings.Join(fs, ", "))
		}
		p("%s.\n\n", strings.Join(rules, "; "))
	}

	p("## Vocabularies 词表\n\n")
	p("A cell may hold a term's code, its Chinese or English label, or a synonym, in any width or case.\n\n")
	for _, name := range vocabs {
		v := cat.Vocab(name)
		p("### `%s` — %s %s\n\n| code | 中文 | English | synonyms |\n|---|---|---|---|\n", v.Name, v.Zh, v.En)
		for _, t := range v.Terms {
			p("| `%s` | %s | %s | %s |\n", t.Code, cell(t.Zh), cell(t.En), cell(strings.Join(t.Synonyms, "、")))
		}
		p("\n")
	}

	p("## Publication and redaction 公开与隐私\n\n")
	p("- A record is published, withheld with a reason (not for publication, embargoed, expired, withdrawn, in a hidden row), or rejected with the cell to fix; the site publishes only the counts of withheld records.\n")
	p("- `person` fields are read as people write them (several names, titles, a phone after the name) and each person is published as surname + 某 by default (`mask`; the configuration may choose `drop`, `pseudonym` or `keep`). Every written form of each name becomes the same masked name in the record's text; people named only in the text are found by their context and masked too.\n")
	p("- `secret` fields are never published. ID numbers, phone numbers, personal e-mail addresses, WeChat and QQ ids, bank cards, passports and permits are removed from every text, however they are typed. A personal number in an id, count or credit code, and a long number Excel has rounded, are errors at their cell.\n")
	p("- A public record's text that cites a record not published loses the citation. Before anything is written the leak guard reads every public value, and after, every output byte: if it finds personal data, nothing is published.\n")
	return []byte(b.String())
}

// typeOrder lists the types as the contract explains them.
var typeOrder = []schema.Type{schema.ID, schema.Text, schema.FreeText, schema.Date, schema.Int, schema.Bool, schema.Enum, schema.Region, schema.Period, schema.USCC, schema.Person, schema.Secret, schema.Phone, schema.Email}

func join(a, b, sep string) string {
	if a == "" {
		return b
	}
	return a + sep + b
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
