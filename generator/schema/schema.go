// Package schema describes the four registers: their fields with Chinese and
// English headers, value types, vocabularies and which fields are required.
// It is the single source for ingest (header matching), normalisation
// (types), validation, the templates, the exports and the data dictionary.
package schema

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"disclose/generator/fold"
)

// Type is the value type of a field (see docs/data-contract.md).
type Type int

const (
	ID       Type = iota // identifier, unique in its dataset
	Text                 // one line of text
	FreeText             // long text, line breaks kept, scanned for personal data
	Date                 // ISO date
	Int                  // whole number ≥ 0
	Bool                 // yes/no
	Enum                 // a code of a vocabulary
	Region               // a code of the region vocabulary
	Period               // 2024, 2024-H1, 2024-Q3
	USCC                 // unified social credit code
	Person               // a personal name
	Secret               // never published: ID numbers, personal phones
	Phone                // an institutional phone number
	Email                // an institutional e-mail address
)

var typeNames = [...]string{"id", "text", "freetext", "date", "int", "bool", "enum", "region", "period", "uscc", "person", "secret", "phone", "email"}

func (t Type) String() string { return typeNames[t] }

// Field is one column of a register.
type Field struct {
	Key      string // canonical key used in code, exports and JSON
	Zh, En   string // headers
	Type     Type
	Vocab    string // vocabulary name for Enum and Region
	List     bool   // the cell holds a list
	Required bool
	// Ref names the dataset whose id this field must refer to.
	Ref string
	// DefaultTrue makes a blank Bool read as true.
	DefaultTrue bool
	// Aliases are further headers that data officers use for this column.
	Aliases []string
	// Recurs marks a text that names an organisation, a country, a funder
	// or a document: the same value recurs across records and inside
	// other records' text, so a withheld record's value is no evidence of
	// a leak where it is found. Other texts of a withheld record (its
	// title, a withdrawal reason) are.
	Recurs bool
	// After names a date field of the record that this date may not come
	// before (a register date after the founding date).
	After string
	// Past marks a date that records something that has happened: one
	// after the build date is a warning.
	Past bool
	// Control marks a field that steers publication: whether (publish:
	// every published record says yes) and when a record is withdrawn,
	// and why. It is no column of the downloads and no line of a page: a
	// withdrawn record is not published, so the column would be empty.
	Control bool
	// RequiredWhen makes the field required when another field has a
	// value: {"body_type", "locality"}.
	RequiredWhen *Condition
	// Backlink, on a field with a Ref, lists the records that refer to a
	// record on its page, under the theme's i18n text "related_<Backlink>"
	// (the activities a committee reviewed: "reviewed").
	Backlink string
}

// Stats says what the statistics page shows of a register.
type Stats struct {
	// Monthly is a date field whose records are counted per month in
	// the registrations chart.
	Monthly string
	// Counts are vocabulary fields, each counted in a bar chart; Chart is
	// the chart's id after the register's name (committees-region).
	Counts []Count
	// Sums are whole-number fields summed by the year of the Period
	// field and by the values of the By field (in the chart ByChart),
	// under the name Figures. Body names who reports: each body counts
	// once in a year, with its report for the year or else its half-year
	// or quarterly reports, so that no period is counted twice.
	Sums                 []string
	Period, By, ByChart  string
	Body                 string
	FiguresZh, FiguresEn string
}

// Count is one counted field of the statistics page: a vocabulary field,
// or with Year the year of a date field.
type Count struct {
	Chart, Field string
	Year         bool
}

// Link lists on a record's page the records of another register whose
// field holds the same value as a field of this record (the cases about a
// committee's institution), under the theme's i18n text "related_<Key>".
type Link struct {
	Key     string
	Dataset string // the other register
	Field   string // its field
	Match   string // this register's field
}

// Condition is a field having a value.
type Condition struct {
	Field, Value string
}

// Publication names the fields that decide whether and when a record of a
// register is published (see package publish). A blank name means the
// register has no such rule.
type Publication struct {
	// Switch is a Bool field: false withholds the record.
	Switch string
	// Withdrawn is a date: on and after it the record is withheld.
	Withdrawn string
	// From is a date before which the record is withheld (embargo); when
	// blank, the date in Since is used.
	From, Since string
	// Until is a date after which the record is withheld; when blank,
	// From (or Since) plus the retention period of the configuration.
	Until string
}

// Public reports whether the field may ever appear in an output.
func (f *Field) Public() bool { return f.Type != Secret }

// Digits reports a text that may be all digits, or start with a zero: an
// id, a credit code, a region code, a period, a phone number. A spreadsheet
// that opens the CSV turns such a value into a number and changes it
// (124405105221935592 becomes 1.24405105221936E+17, 000000 becomes 0, 007
// becomes 7); the XLSX keeps it as text.
func (f *Field) Digits() bool {
	switch f.Type {
	case ID, USCC, Region, Period, Phone:
		return true
	}
	return false
}

// Published reports whether the field is a column of the downloads and a
// line of the record pages: public and not a control field.
func (f *Field) Published() bool { return f.Public() && !f.Control }

// Dataset is one register.
type Dataset struct {
	Name   string // committees, activities, cases, reports
	Zh, En string // titles
	// Singular titles for one record.
	ItemZh, ItemEn string
	// Short titles, for the main menu; the titles when empty.
	ShortZh, ShortEn string
	Fields           []*Field
	// TitleField names the field shown as a record's title.
	TitleField string
	// DateField names the field that dates a record in lists and feeds.
	DateField string
	// Unique lists fields whose values together may appear in one record
	// of the register only (one report per body and period).
	Unique []string
	// Facets are the dimensions the register's lists are filtered by, in
	// the order the filter panel shows them.
	Facets []Facet
	// Publication names the fields of the publication rules.
	Publication Publication
	// TitleAfter names a field whose label follows the title (a report's
	// period: 北京市科学技术委员会 2024年上半年).
	TitleAfter string
	// Links are the other registers' records a record's page lists.
	Links []Link
	// Stats says what the statistics page counts of the register.
	Stats Stats
	// Typical names a Bool field that marks a record the education pages
	// teach from (a typical case).
	Typical string
	// KindField is the field a list shows in its status or category
	// column.
	KindField string
	// ListColumns are the fields a list table shows after the id and the
	// title, in order.
	ListColumns []string
	// DeriveID lists fields that together make the id of a record whose
	// id is blank (a report's period and body: 2024-H1-北京市科学技术委员会).
	DeriveID []string

	byKey    map[string]*Field
	byHeader map[string]*Field
}

// Facet is one dimension a register's lists are filtered by.
type Facet struct {
	// Key is the URL segment; Field the record field it reads.
	Key, Field string
	// Year takes the year (the first four characters) of a date or period.
	Year bool
	// Zh and En name the dimension when it is not the field's own label.
	Zh, En string
}

// Title returns a record's title in lang from its values (str gives a
// field's value): the title field, the English title on English pages when
// the register has one and the record fills it, and the label of the
// TitleAfter field after it. It is "" when the record has no title.
func (d *Dataset) Title(str func(key string) string, lang string) string {
	t := str(d.TitleField)
	if lang == "en" && d.byKey["title_en"] != nil && str("title_en") != "" {
		t = str("title_en")
	}
	if d.TitleAfter != "" {
		if v := str(d.TitleAfter); v != "" {
			label := v
			if f := d.byKey[d.TitleAfter]; f.Type == Period {
				label = PeriodLabel(v, lang)
			}
			t += " " + label
		}
	}
	return t
}

// Field returns the field with the given key, or nil.
func (d *Dataset) Field(key string) *Field { return d.byKey[key] }

// Required returns the required fields in schema order.
func (d *Dataset) Required() []*Field {
	var out []*Field
	for _, f := range d.Fields {
		if f.Required {
			out = append(out, f)
		}
	}
	return out
}

var headerNote = regexp.MustCompile(`[(（\[【][^()（）\[\]【】]*[)）\]】]$`)

// HeaderKey is the comparison key of a header cell: width folded, case and
// spaces ignored, a leading or trailing "*" and a trailing note in brackets
// removed, so "登记日期（必填）", "*登记编号" and "Registered on (yyyy-mm-dd)"
// match their fields.
func HeaderKey(s string) string {
	k := fold.Key(s)
	for {
		before := k
		k = strings.Trim(k, "*＊")
		if loc := headerNote.FindStringIndex(k); loc != nil && loc[0] > 0 {
			k = k[:loc[0]]
		}
		if k == before {
			return k
		}
	}
}

// MatchHeader returns the field whose header matches the cell text.
func (d *Dataset) MatchHeader(cell string) (*Field, bool) {
	f, ok := d.byHeader[HeaderKey(cell)]
	return f, ok
}

// Term is one entry of a vocabulary.
type Term struct {
	Code       string   `toml:"code"`
	Zh         string   `toml:"zh"`
	En         string   `toml:"en"`
	Synonyms   []string `toml:"synonyms"`
	Principles []string `toml:"principles"`
}

// Label returns the term's label in lang ("zh" or "en").
func (t *Term) Label(lang string) string {
	if lang == "en" {
		return t.En
	}
	return t.Zh
}

// Vocab is a controlled vocabulary.
type Vocab struct {
	Name   string
	Zh, En string
	Terms  []*Term

	byCode map[string]*Term
	byKey  map[string]*Term
}

// Term returns the term with the given code, or nil.
func (v *Vocab) Term(code string) *Term { return v.byCode[code] }

// Lookup finds a term by code, Chinese label, English label or synonym,
// ignoring case, width and spaces.
func (v *Vocab) Lookup(s string) (*Term, bool) {
	t, ok := v.byKey[fold.Key(s)]
	return t, ok
}

// Labels returns every key text a term answers to, longest first; list
// parsing matches these before splitting on separators.
func (v *Vocab) Labels() []string {
	out := make([]string, 0, len(v.byKey))
	for k := range v.byKey {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

func (v *Vocab) index() error {
	v.byCode = make(map[string]*Term, len(v.Terms))
	v.byKey = make(map[string]*Term, 3*len(v.Terms))
	for _, t := range v.Terms {
		if t.Code == "" || t.Zh == "" || t.En == "" {
			return fmt.Errorf("vocabulary %s: a term needs a code, zh and en", v.Name)
		}
		if _, dup := v.byCode[t.Code]; dup {
			return fmt.Errorf("vocabulary %s: code %q appears twice", v.Name, t.Code)
		}
		v.byCode[t.Code] = t
	}
	// Codes and labels win over synonyms when the same text appears twice.
	for _, t := range v.Terms {
		for _, s := range []string{t.Code, t.Zh, t.En} {
			k := fold.Key(s)
			if other, ok := v.byKey[k]; ok && other != t {
				return fmt.Errorf("vocabulary %s: %q names both %s and %s", v.Name, s, other.Code, t.Code)
			}
			v.byKey[k] = t
		}
	}
	for _, t := range v.Terms {
		for _, s := range t.Synonyms {
			k := fold.Key(s)
			if _, ok := v.byKey[k]; !ok {
				v.byKey[k] = t
			}
		}
	}
	return nil
}

// Catalog is the whole schema: the datasets in publication order and the
// vocabularies they use.
type Catalog struct {
	Datasets []*Dataset
	Vocabs   map[string]*Vocab
}

// Dataset returns the dataset with the given name, or nil.
func (c *Catalog) Dataset(name string) *Dataset {
	for _, d := range c.Datasets {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// Vocab returns the named vocabulary, or nil.
func (c *Catalog) Vocab(name string) *Vocab { return c.Vocabs[name] }

// Words returns every label and synonym of every code list, in both
// languages, sorted: public words that may hold a person's name by chance
// (黑龙江省 holds 龙江). The redactor does not mask a name inside one, and
// the leak guard does not find one there (scan.Options.Shields).
func (c *Catalog) Words() []string {
	var out []string
	for _, v := range c.Vocabs {
		for _, t := range v.Terms {
			out = append(out, t.Zh, t.En)
			out = append(out, t.Synonyms...)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

//go:embed vocabularies.toml
var vocabularies string

// VocabFile is the vocabulary file format, also accepted from the
// configuration file to replace or extend lists.
type VocabFile map[string]struct {
	Zh    string  `toml:"zh"`
	En    string  `toml:"en"`
	Terms []*Term `toml:"terms"`
	// Replace drops the embedded terms instead of adding to them.
	Replace bool `toml:"replace"`
}

// New returns the built-in catalog, with the vocabularies changed by the
// given overrides (nil for none).
func New(overrides VocabFile) (*Catalog, error) {
	var base VocabFile
	if _, err := toml.Decode(vocabularies, &base); err != nil {
		return nil, fmt.Errorf("embedded vocabularies: %w", err)
	}
	c := &Catalog{Vocabs: map[string]*Vocab{}}
	for name, v := range base {
		c.Vocabs[name] = &Vocab{Name: name, Zh: v.Zh, En: v.En, Terms: v.Terms}
	}
	names := make([]string, 0, len(overrides))
	for name := range overrides {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		o := overrides[name]
		v, ok := c.Vocabs[name]
		if !ok {
			return nil, fmt.Errorf("vocabulary %q does not exist", name)
		}
		if o.Replace {
			v.Terms = nil
		}
		for _, t := range o.Terms {
			// The vocabulary is not indexed yet, so find the term by scanning.
			if i := slices.IndexFunc(v.Terms, func(old *Term) bool { return old.Code == t.Code }); i >= 0 && !o.Replace {
				v.Terms[i] = t
				continue
			}
			v.Terms = append(v.Terms, t)
		}
		if err := v.index(); err != nil {
			return nil, err
		}
	}
	for _, v := range c.Vocabs {
		if err := v.index(); err != nil {
			return nil, err
		}
	}
	for _, d := range datasets() {
		if err := d.index(c); err != nil {
			return nil, err
		}
		c.Datasets = append(c.Datasets, d)
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

// Add adds a register to the catalog, after the others. Its fields'
// vocabularies, and the registers its references and links name, must be
// in the catalog.
func (c *Catalog) Add(d *Dataset) error {
	if c.Dataset(d.Name) != nil {
		return fmt.Errorf("register %q is defined twice", d.Name)
	}
	if err := d.index(c); err != nil {
		return err
	}
	c.Datasets = append(c.Datasets, d)
	if err := c.check(); err != nil {
		c.Datasets = c.Datasets[:len(c.Datasets)-1]
		return err
	}
	return nil
}

// AddField adds a field to a register, after its others.
func (c *Catalog) AddField(dataset string, f *Field) error {
	d := c.Dataset(dataset)
	if d == nil {
		return fmt.Errorf("no register %q", dataset)
	}
	if d.Field(f.Key) != nil {
		return fmt.Errorf("%s.%s is defined twice", dataset, f.Key)
	}
	d.Fields = append(d.Fields, f)
	if err := d.index(c); err != nil {
		d.Fields = d.Fields[:len(d.Fields)-1]
		_ = d.index(c)
		return err
	}
	if err := c.check(); err != nil {
		d.Fields = d.Fields[:len(d.Fields)-1]
		_ = d.index(c)
		return err
	}
	return nil
}

// check reports a reference or link to a register or field that does not
// exist.
func (c *Catalog) check() error {
	for _, d := range c.Datasets {
		for _, f := range d.Fields {
			if f.Ref != "" && c.Dataset(f.Ref) == nil {
				return fmt.Errorf("%s.%s: refers to no register %q", d.Name, f.Key, f.Ref)
			}
		}
		for _, l := range d.Links {
			if o := c.Dataset(l.Dataset); o == nil || o.Field(l.Field) == nil {
				return fmt.Errorf("%s: links to %s.%s, which does not exist", d.Name, l.Dataset, l.Field)
			}
		}
	}
	return nil
}

// AddVocab adds a vocabulary to the catalog.
func (c *Catalog) AddVocab(v *Vocab) error {
	if c.Vocabs[v.Name] != nil {
		return fmt.Errorf("vocabulary %q is defined twice", v.Name)
	}
	if err := v.index(); err != nil {
		return err
	}
	c.Vocabs[v.Name] = v
	return nil
}

// MustDefault returns the built-in catalog; it panics only if the embedded
// vocabulary file is broken, which the tests rule out.
func MustDefault() *Catalog {
	c, err := New(nil)
	if err != nil {
		panic(err)
	}
	return c
}

func (d *Dataset) index(c *Catalog) error {
	d.byKey = make(map[string]*Field, len(d.Fields))
	d.byHeader = make(map[string]*Field, 3*len(d.Fields))
	for _, f := range d.Fields {
		if (f.Type == Enum || f.Type == Region) && c.Vocabs[f.Vocab] == nil {
			return fmt.Errorf("%s.%s: no vocabulary %q", d.Name, f.Key, f.Vocab)
		}
		d.byKey[f.Key] = f
		for _, h := range append([]string{f.Zh, f.En, f.Key}, f.Aliases...) {
			k := HeaderKey(h)
			if other, ok := d.byHeader[k]; ok && other != f {
				return fmt.Errorf("%s: header %q names both %s and %s", d.Name, h, other.Key, f.Key)
			}
			d.byHeader[k] = f
		}
	}
	// every field a rule of the register names must exist
	pub := d.Publication
	names := []string{d.TitleField, d.DateField, d.TitleAfter, pub.Switch, pub.Withdrawn, pub.From, pub.Since, pub.Until}
	names = append(names, d.Unique...)
	names = append(names, d.DeriveID...)
	for _, f := range d.Facets {
		names = append(names, f.Field)
	}
	names = append(names, d.KindField, d.Typical, d.Stats.Monthly, d.Stats.Period, d.Stats.By, d.Stats.Body)
	names = append(names, d.ListColumns...)
	names = append(names, d.Stats.Sums...)
	for _, c := range d.Stats.Counts {
		names = append(names, c.Field)
	}
	for _, l := range d.Links {
		names = append(names, l.Match)
	}
	for _, f := range d.Fields {
		names = append(names, f.After)
		if f.RequiredWhen != nil {
			names = append(names, f.RequiredWhen.Field)
		}
	}
	for _, k := range names {
		if k != "" && d.byKey[k] == nil {
			return fmt.Errorf("%s: a rule names the field %q, which the register does not have", d.Name, k)
		}
	}
	return nil
}
