package export

import (
	"strings"

	"disclose/generator/schema"
)

// Both datapackage.json and data-dictionary.json come from the catalog
// through columns(), so the two can never disagree with the files.

// notes explain the encodings to users, in both languages.
func notes() map[string]bilingual {
	return map[string]bilingual{
		"list": {
			Zh: "多个值在 CSV 和 XLSX 中以“|”分隔（值内原有的“|”改为全角“｜”），在 JSON 中为数组。",
			En: `Several values are separated by "|" in CSV and XLSX (a "|" inside a value becomes the full-width "｜") and form an array in JSON.`,
		},
		"csv": {
			Zh: "UTF-8 编码（带 BOM，便于 Excel 识别），逗号分隔，CRLF 换行，按 RFC 4180 加引号。第一行为字段键名。电子表格软件打开 CSV 时可能把“007”等编号当作数字而去掉前导零，请用 XLSX 文件或在导入时将列设为文本。枚举字段为代码，布尔值为 true/false，日期为 YYYY-MM-DD，空单元格表示无数据。以 = + - @、制表符、回车或英文单引号开头的文本前加一个英文单引号（'），以防电子表格将其当作公式执行；文本单元格若以单引号开头，去掉这一个单引号即为原值。",
			En: "UTF-8 with a byte-order mark (so that Excel detects it), comma-separated, CRLF line ends, quoted as in RFC 4180. The first row holds the field keys. Spreadsheets opening a CSV may read ids such as 007 as numbers and drop the leading zeros: use the XLSX file, or import the columns as text. Enumerations are codes, booleans true/false, dates YYYY-MM-DD; an empty cell means no data. Text that starts with = + - @, a tab, a carriage return or an apostrophe is prefixed with an apostrophe (') so that spreadsheets do not run it as a formula; when a text cell starts with an apostrophe, remove that one apostrophe to get the value.",
		},
		"xlsx": {
			Zh: "数据工作表的第 1 行为字段键名（与 CSV、JSON 相同，冻结显示），中英文字段名在表头单元格的批注中，另有“fields”工作表逐列说明；第 2 行起为数据，pandas、R、openpyxl 按默认设置即可读取。除整数和布尔值外，所有单元格（含编号、统一社会信用代码、日期）均为文本格式，原样保存，不含任何公式。",
			En: "The data sheet has one header row of field keys, as in the CSV and JSON (frozen; the Chinese and English names are in each header cell's note and on the \"fields\" sheet); data starts on row 2, so pandas, R and openpyxl read it with their defaults. Every cell except integers and booleans is a text cell (ids, credit codes and dates included), stored exactly as published; no cell holds a formula.",
		},
		"json": {
			Zh: "与 CSV 相同的字段，保留类型：整数为数字，布尔值为 true/false，多值为数组，空值为 null，枚举为代码。每条记录另有 <数据集>/<路径>/index.json，含代码及中英文名称和永久网址。",
			En: "The same fields as the CSV, typed: integers as numbers, booleans, lists as arrays, blank as null, enumerations as codes. Each record also has <dataset>/<slug>/index.json with codes, Chinese and English labels and its permanent URLs.",
		},
		"checksums": {
			Zh: "SHA256SUMS 可用 sha256sum -c SHA256SUMS 校验；ZIP 包内另有一份只列包内文件的 SHA256SUMS。",
			En: "Check the files with sha256sum -c SHA256SUMS; the zip holds its own SHA256SUMS listing the files inside it.",
		},
		"manifest": {
			Zh: "manifest.json 列出每条记录的内容哈希、各字段哈希（前 8 位十六进制）以及首次公开和最近更新的发布日期，用于说明两次发布之间哪些记录和字段发生了变化。",
			En: "manifest.json lists each record's content hash, its per-field hashes (8 hex digits) and the releases that first published it and last changed it, so that the next release can say which records and fields changed.",
		},
	}
}

type bilingual struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// tableType maps a column to its Table Schema v1 type and format.
func (c column) tableType() (typ, format string) {
	if c.Field.List || c.Label != "" {
		return "string", ""
	}
	switch c.Field.Type {
	case schema.Date:
		return "date", "default"
	case schema.Int:
		return "integer", ""
	case schema.Bool:
		return "boolean", ""
	}
	return "string", ""
}

// required reports whether every published record has the column.
func (c column) required() bool {
	return c.Field.Required || c.Field.Type == schema.Bool || c.Field.Type == schema.ID && c.Field.Key == "id"
}

type tsConstraints struct {
	Required bool     `json:"required,omitempty"`
	Unique   bool     `json:"unique,omitempty"`
	Minimum  *int     `json:"minimum,omitempty"`
	Pattern  string   `json:"pattern,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

type tsField struct {
	Name        string         `json:"name"`
	Title       string         `json:"title"`
	Description string         `json:"description"`
	Type        string         `json:"type"`
	Format      string         `json:"format,omitempty"`
	TrueValues  []string       `json:"trueValues,omitempty"`
	FalseValues []string       `json:"falseValues,omitempty"`
	Constraints *tsConstraints `json:"constraints,omitempty"`
}

func (c column) description() string {
	parts := []string{c.Zh + " / " + c.En}
	if c.vocab != nil && c.Label == "" {
		parts = append(parts, "代码取自词表 Codes from the vocabulary “"+c.vocab.Name+"”（"+c.vocab.Zh+" / "+c.vocab.En+"）.")
	}
	if c.Label != "" {
		parts = append(parts, "“"+c.Field.Key+"”代码对应的名称 / Name for the code in “"+c.Field.Key+"”.")
	}
	if c.Field.List {
		parts = append(parts, notes()["list"].Zh+" "+notes()["list"].En)
	}
	if c.Field.Type == schema.Person {
		parts = append(parts, "已按规定隐去姓名 / Names redacted by policy.")
	}
	return strings.Join(parts, " ")
}

func (c column) tableField() tsField {
	typ, format := c.tableType()
	f := tsField{Name: c.Key, Title: c.Zh + " " + c.En, Description: c.description(), Type: typ, Format: format}
	if typ == "boolean" {
		f.TrueValues, f.FalseValues = []string{"true"}, []string{"false"}
	}
	k := &tsConstraints{Required: c.required()}
	if c.Field.Key == "id" {
		k.Unique = true
	}
	switch {
	case c.Field.Type == schema.Int:
		zero := 0
		k.Minimum = &zero
	case c.Field.Type == schema.Period:
		k.Pattern = `^[0-9]{4}(-(H[12]|Q[1-4]))?$`
	case c.vocab != nil && c.Label == "" && c.Field.List:
		alt := "(" + strings.Join(quoteMeta(codes(c.vocab)), "|") + ")"
		k.Pattern = "^" + alt + `(\|` + alt + ")*$"
	case c.vocab != nil && c.Label == "":
		k.Enum = codes(c.vocab)
	}
	if k.Required || k.Unique || k.Minimum != nil || k.Pattern != "" || k.Enum != nil {
		f.Constraints = k
	}
	return f
}

func codes(v *schema.Vocab) []string {
	out := make([]string, len(v.Terms))
	for i, t := range v.Terms {
		out[i] = t.Code
	}
	return out
}

func quoteMeta(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = regexpQuote(s)
	}
	return out
}

// regexpQuote escapes the characters that are special in both Go and
// JavaScript regular expressions.
func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// referencesResolve reports whether every published value of a reference
// field names a published record. A foreign key is declared only when it
// holds: a referenced record may be withheld while the records that refer
// to it are published, and the descriptor must not promise what the files
// break. The data dictionary documents the reference either way.
func (g *generator) referencesResolve(dataset, key, ref string) bool {
	ids := map[string]bool{}
	for _, r := range g.in.Records[ref] {
		ids[r.ID()] = true
	}
	for _, r := range g.in.Records[dataset] {
		if v := r.Str(key); v != "" && !ids[v] {
			return false
		}
	}
	return true
}

// license returns the text address and title of common licence ids.
func license(id string) (path, title string) {
	switch id {
	case "CC-BY-4.0":
		return "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0"
	case "CC-BY-SA-4.0":
		return "https://creativecommons.org/licenses/by-sa/4.0/", "Creative Commons Attribution-ShareAlike 4.0"
	case "CC0-1.0":
		return "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"
	case "ODC-By-1.0":
		return "https://opendatacommons.org/licenses/by/1-0/", "Open Data Commons Attribution License 1.0"
	case "ODbL-1.0":
		return "https://opendatacommons.org/licenses/odbl/1-0/", "Open Data Commons Open Database License 1.0"
	case "PDDL-1.0":
		return "https://opendatacommons.org/licenses/pddl/1-0/", "Open Data Commons Public Domain Dedication and License 1.0"
	}
	return "", ""
}

func (g *generator) licenses() []object {
	if g.in.License == "" {
		return nil
	}
	l := object{{"name", g.in.License}}
	if path, title := license(g.in.License); path != "" {
		l = append(l, member{"path", path}, member{"title", title})
	}
	return []object{l}
}

// datapackage is the Frictionless Data Package descriptor (v1) for the CSV
// files, with each file's size and hash.
func (g *generator) datapackage() []byte {
	var resources []object
	for _, d := range g.in.Catalog.Datasets {
		cols := columns(g.in.Catalog, d)
		fields := make([]tsField, len(cols))
		for i, c := range cols {
			fields[i] = c.tableField()
		}
		s := object{{"fields", fields}, {"missingValues", []string{""}}, {"primaryKey", []string{"id"}}}
		var fks []object
		for _, c := range cols {
			if c.Field.Ref != "" && c.Label == "" && g.referencesResolve(d.Name, c.Key, c.Field.Ref) {
				fks = append(fks, object{{"fields", []string{c.Key}}, {"reference", object{{"resource", c.Field.Ref}, {"fields", []string{"id"}}}}})
			}
		}
		if fks != nil {
			s = append(s, member{"foreignKeys", fks})
		}
		file := g.downloads[Dir+d.Name+".csv"]
		resources = append(resources, object{
			{"name", d.Name},
			{"title", d.Zh + " " + d.En},
			{"description", notes()["csv"].Zh + " " + notes()["csv"].En},
			{"profile", "tabular-data-resource"},
			{"path", d.Name + ".csv"},
			{"format", "csv"},
			{"mediatype", "text/csv"},
			{"encoding", "utf-8"},
			{"bytes", file.Size},
			{"hash", "sha256:" + file.SHA256},
			{"dialect", object{{"delimiter", ","}, {"lineTerminator", "\r\n"}, {"quoteChar", `"`}, {"doubleQuote", true}, {"header", true}}},
			{"schema", s},
		})
	}
	p := object{
		{"profile", "tabular-data-package"},
		{"name", "disclose-data"},
		{"title", g.in.Title},
		{"version", g.in.AsOf},
		{"created", g.in.AsOf + "T00:00:00Z"},
		{"homepage", g.base},
	}
	if l := g.licenses(); l != nil {
		p = append(p, member{"licenses", l})
	}
	if g.in.Publisher != "" {
		p = append(p, member{"sources", []object{{{"title", g.in.Publisher}, {"path", g.base}}}})
	}
	p = append(p, member{"resources", resources})
	return indentJSON(p)
}

type dictTerm = term

type dictField struct {
	Key        string `json:"key"`
	Zh         string `json:"zh"`
	En         string `json:"en"`
	Type       string `json:"type"`       // the contract type: id, text, date, enum, ...
	TableType  string `json:"table_type"` // string, integer, boolean, date
	List       bool   `json:"list"`
	Required   bool   `json:"required"`
	Vocabulary string `json:"vocabulary,omitempty"`
	// LabelOf names the code column that this column spells out.
	LabelOf    string `json:"label_of,omitempty"`
	Language   string `json:"language,omitempty"`
	References string `json:"references,omitempty"`
	Redacted   bool   `json:"redacted,omitempty"`
	// Digits marks a column a spreadsheet changes when it opens the CSV
	// (schema.Field.Digits): read it from the XLSX or the JSON.
	Digits bool `json:"spreadsheet_changes_csv,omitempty"`
}

type dictDataset struct {
	Name       string            `json:"name"`
	Zh         string            `json:"zh"`
	En         string            `json:"en"`
	ItemZh     string            `json:"item_zh"`
	ItemEn     string            `json:"item_en"`
	PrimaryKey string            `json:"primary_key"`
	Files      map[string]string `json:"files"`
	Fields     []dictField       `json:"fields"`
}

type dictVocab struct {
	Name  string     `json:"name"`
	Zh    string     `json:"zh"`
	En    string     `json:"en"`
	Terms []dictTerm `json:"terms"`
}

type dictionary struct {
	Title         string               `json:"title"`
	Publisher     string               `json:"publisher"`
	License       string               `json:"license"`
	ListSeparator string               `json:"list_separator"`
	Formats       map[string]bilingual `json:"formats"`
	Datasets      []dictDataset        `json:"datasets"`
	Vocabularies  []dictVocab          `json:"vocabularies"`
}

// dictionary is the bilingual data dictionary that the site renders.
func (g *generator) dictionary() []byte {
	d := dictionary{
		Title: g.in.Title, Publisher: g.in.Publisher, License: g.in.License,
		ListSeparator: listSeparator,
		Formats:       notes(),
	}
	used := map[string]*schema.Vocab{}
	for _, ds := range g.in.Catalog.Datasets {
		dd := dictDataset{
			Name: ds.Name, Zh: ds.Zh, En: ds.En, ItemZh: ds.ItemZh, ItemEn: ds.ItemEn, PrimaryKey: "id",
			Files: map[string]string{"csv": Dir + ds.Name + ".csv", "xlsx": Dir + ds.Name + ".xlsx", "json": Dir + ds.Name + ".json"},
		}
		for _, c := range columns(g.in.Catalog, ds) {
			typ, _ := c.tableType()
			f := dictField{Key: c.Key, Zh: c.Zh, En: c.En, Type: c.Field.Type.String(), TableType: typ,
				List: c.Field.List, Required: c.required(), Redacted: c.Field.Type == schema.Person, Digits: c.Label == "" && c.Field.Digits()}
			if c.Label != "" {
				f.Type, f.LabelOf, f.Language = "text", c.Field.Key, c.Label
			} else if c.vocab != nil {
				f.Vocabulary = c.vocab.Name
				used[c.vocab.Name] = c.vocab
			}
			if c.Field.Ref != "" && c.Label == "" {
				f.References = c.Field.Ref + ".id"
			}
			dd.Fields = append(dd.Fields, f)
		}
		d.Datasets = append(d.Datasets, dd)
	}
	for _, name := range sortedKeys(used) {
		v := used[name]
		dv := dictVocab{Name: v.Name, Zh: v.Zh, En: v.En, Terms: []dictTerm{}}
		for _, t := range v.Terms {
			dv.Terms = append(dv.Terms, dictTerm{Code: t.Code, Zh: t.Zh, En: t.En})
		}
		d.Vocabularies = append(d.Vocabularies, dv)
	}
	return indentJSON(d)
}
