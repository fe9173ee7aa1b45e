// Package export turns the public, redacted records into the downloads that
// journalists and researchers use, and into one JSON document per record.
//
// In: the schema catalog, the redacted records per dataset, the release date
// and the site's address and licence, and optionally the manifest of the
// previous release. Out: a map of path (relative to the site root) to bytes
// — nothing is written to disk here — plus the list of bulk downloads for the
// data page, the new manifest and, when a previous manifest was given, the
// changelog. Generation is pure: the same input gives the same bytes (no wall
// clock, maps walked in sorted order, fixed zip and XLSX metadata).
//
// Layout under the site root:
//
//	downloads/<dataset>.csv            UTF-8 with BOM, RFC 4180, CRLF
//	downloads/<dataset>.xlsx           data sheet with one header row (keys; labels in notes), and a fields sheet
//	downloads/<dataset>.json           {"dataset","release","count","fields","records"}
//	downloads/datapackage.json         Frictionless Data Package (Table Schema v1)
//	downloads/data-dictionary.json     the same schema, bilingual, for the site
//	downloads/manifest.json            per-record and per-field content hashes
//	downloads/changes.json, .xml       changelog and Atom feed (with a previous manifest)
//	downloads/disclose-data-<date>.zip all of the above, fixed timestamps
//	downloads/SHA256SUMS               sha256sum -c lines for every download
//	<dataset>/<slug>/index.json        one record, with labels and its URLs
//
// Columns are the public fields in schema order, without control fields
// (schema.Field.Control: every published record has the same value), with "region_zh" and
// "region_en" after "region". Enumerations carry their codes; lists are
// joined with "|" in CSV and XLSX (an item's own "|" becomes "｜") and are
// arrays in JSON. CSV text cells that a spreadsheet would run as a formula
// (first character = + - @ tab or CR) or that start with an apostrophe get
// a leading apostrophe; XLSX cells are typed text cells, which a
// spreadsheet never evaluates, and keep the exact value. The data
// dictionary documents all of this for users.
package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"disclose/generator/record"
	"disclose/generator/redact"
	"disclose/generator/schema"
	"disclose/generator/slug"
)

// Input is what the exporters need.
type Input struct {
	Catalog *schema.Catalog
	// Records holds the public records per dataset, sorted by id.
	Records map[string][]*redact.Record
	// AsOf is the release date, YYYY-MM-DD.
	AsOf string
	// BaseURL is the site's address, e.g. https://example.org/ethics/ or "/".
	BaseURL string
	// Title and Publisher name the data package; License is a licence id
	// such as "CC-BY-4.0".
	Title, Publisher, License string
	// Previous is the manifest of the previous release, or nil.
	Previous *Manifest
}

// File is one bulk download.
type File struct {
	Path    string `json:"path"`              // relative to the site root
	Dataset string `json:"dataset,omitempty"` // "" for files about every dataset
	Format  string `json:"format"`            // csv, xlsx, json, zip, atom, sha256sums
	Size    int64  `json:"size"`
	SHA256  string `json:"sha256"`
	// Records is how many records the file holds: per dataset for the
	// tables, all of them for the manifest and the zip, the number of
	// changes for the changelog, 0 for descriptions and checksums.
	Records int `json:"records"`
}

// Output is everything the exporters made.
type Output struct {
	// Files maps a path relative to the site root to its bytes.
	Files map[string][]byte
	// Downloads lists the files under downloads/, sorted by path.
	Downloads []File
	Manifest  *Manifest
	// Changes is nil when Input.Previous is nil.
	Changes *Changelog
}

// Dir is the folder of the bulk downloads, relative to the site root.
const Dir = "downloads/"

// listSeparator joins the items of a list in CSV and XLSX cells.
const listSeparator = "|"

// listSeparatorStandIn replaces listSeparator inside an item so that a
// cell still splits into the right items.
const listSeparatorStandIn = "｜"

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Generate makes every download and per-record document.
func Generate(ctx context.Context, in Input) (*Output, error) {
	if in.Catalog == nil {
		return nil, fmt.Errorf("export: no catalog")
	}
	if !isoDate.MatchString(in.AsOf) {
		return nil, fmt.Errorf("export: release date %q is not YYYY-MM-DD", in.AsOf)
	}
	for name := range in.Records {
		if in.Catalog.Dataset(name) == nil {
			return nil, fmt.Errorf("export: records for unknown dataset %q", name)
		}
	}
	g := &generator{ctx: ctx, in: in, base: slug.Base(in.BaseURL), files: map[string][]byte{}}
	return g.run()
}

type generator struct {
	ctx   context.Context
	in    Input
	base  string
	files map[string][]byte
	// downloads holds metadata of the files under downloads/ by path.
	downloads map[string]*File
}

func (g *generator) run() (*Output, error) {
	g.downloads = map[string]*File{}
	// The datasets' files are independent: make them on every core, then
	// add them in catalog order so the output does not depend on timing.
	type made struct {
		csv, xlsx, json []byte
		records         [][]byte
	}
	sets := g.in.Catalog.Datasets
	results := make([]made, len(sets))
	// Each dataset's four parts are jobs of their own, so that both cores
	// stay busy when one dataset holds most of the records. Each part
	// fills its own field of made; the first error stops the rest.
	type part func(m *made, d *schema.Dataset, cols []column, recs []*redact.Record) error
	parts := []part{
		func(m *made, d *schema.Dataset, cols []column, recs []*redact.Record) (err error) {
			if m.xlsx, err = g.xlsx(d, cols, recs); err != nil {
				return fmt.Errorf("export: %s.xlsx: %w", d.Name, err)
			}
			return nil
		},
		func(m *made, d *schema.Dataset, cols []column, recs []*redact.Record) error {
			m.csv = g.csv(cols, recs)
			return nil
		},
		func(m *made, d *schema.Dataset, cols []column, recs []*redact.Record) error {
			m.json = g.bulkJSON(d, cols, recs)
			return nil
		},
		func(m *made, d *schema.Dataset, cols []column, recs []*redact.Record) error {
			m.records = make([][]byte, len(recs))
			for j, r := range recs {
				m.records[j] = g.recordJSON(d, cols, r)
			}
			return nil
		},
	}
	eg, ctx := errgroup.WithContext(g.ctx)
	eg.SetLimit(runtime.GOMAXPROCS(0))
	for i, d := range sets {
		recs := g.in.Records[d.Name]
		cols := columns(g.in.Catalog, d)
		for _, part := range parts {
			eg.Go(func() error {
				if err := ctx.Err(); err != nil {
					return err
				}
				return part(&results[i], d, cols, recs)
			})
		}
	}
	if err := eg.Wait(); err != nil {
		return nil, err
	}
	if err := g.ctx.Err(); err != nil {
		return nil, err
	}
	total := 0
	for i, d := range sets {
		m := results[i]
		recs := g.in.Records[d.Name]
		total += len(recs)
		g.put(Dir+d.Name+".csv", d.Name, "csv", len(recs), m.csv)
		g.put(Dir+d.Name+".xlsx", d.Name, "xlsx", len(recs), m.xlsx)
		g.put(Dir+d.Name+".json", d.Name, "json", len(recs), m.json)
		for j, r := range recs {
			p := d.Name + "/" + r.Slug() + "/index.json"
			if _, dup := g.files[p]; dup || r.Slug() == "" {
				return nil, fmt.Errorf("export: %s %q: its address %q is blank or taken by another record", d.Name, r.ID(), r.Slug())
			}
			g.files[p] = m.records[j]
		}
	}
	g.put(Dir+"datapackage.json", "", "json", 0, g.datapackage())
	g.put(Dir+"data-dictionary.json", "", "json", 0, g.dictionary())

	man := g.manifest()
	g.put(Dir+"manifest.json", "", "json", total, encodeManifest(man))
	var changes *Changelog
	if g.in.Previous != nil {
		changes = g.changelog(man)
		g.put(Dir+"changes.json", "", "json", len(changes.Added)+len(changes.Changed)+len(changes.Removed), indentJSON(changes))
		g.put(Dir+"changes.xml", "", "atom", len(changes.Added)+len(changes.Changed)+len(changes.Removed), g.atom(changes))
	}

	// The bundle holds every download so far and its own checksum list;
	// the published SHA256SUMS adds the bundle's line.
	inner := g.downloadPaths()
	sums := sha256sums(g.files, inner, Dir)
	zipName := "disclose-data-" + g.in.AsOf
	z, err := g.bundle(zipName, inner, sums)
	if err != nil {
		return nil, fmt.Errorf("export: %s.zip: %w", zipName, err)
	}
	g.put(Dir+zipName+".zip", "", "zip", total, z)
	g.put(Dir+"SHA256SUMS", "", "sha256sums", 0, sha256sums(g.files, g.downloadPaths(), Dir))

	out := &Output{Files: g.files, Manifest: man, Changes: changes}
	for _, p := range sortedKeys(g.downloads) {
		out.Downloads = append(out.Downloads, *g.downloads[p])
	}
	return out, nil
}

// put stores a download and its metadata.
func (g *generator) put(path, dataset, format string, records int, b []byte) {
	g.files[path] = b
	g.downloads[path] = &File{Path: path, Dataset: dataset, Format: format, Size: int64(len(b)), SHA256: sha256Hex(b), Records: records}
}

func (g *generator) downloadPaths() []string { return sortedKeys(g.downloads) }

// column is one column of the tabular downloads.
type column struct {
	Key    string
	Zh, En string
	Field  *schema.Field
	// Label is "zh" or "en" for a column that spells out the region code
	// of Field in that language; "" for the field's own column.
	Label string
	vocab *schema.Vocab
}

// columns returns the tabular columns of a dataset.
func columns(cat *schema.Catalog, d *schema.Dataset) []column {
	var cols []column
	for _, f := range d.Fields {
		if !f.Published() {
			continue
		}
		c := column{Key: f.Key, Zh: f.Zh, En: f.En, Field: f}
		if f.Vocab != "" {
			c.vocab = cat.Vocab(f.Vocab)
		}
		cols = append(cols, c)
		if f.Type == schema.Region {
			cols = append(cols,
				column{Key: f.Key + "_zh", Zh: f.Zh + "（中文名称）", En: f.En + " (Chinese name)", Field: f, Label: "zh", vocab: c.vocab},
				column{Key: f.Key + "_en", Zh: f.Zh + "（英文名称）", En: f.En + " (English name)", Field: f, Label: "en", vocab: c.vocab})
		}
	}
	return cols
}

// value returns the column's typed value for a record: string, []string,
// int64 or bool, or nil when blank.
func (c column) value(r *redact.Record) any {
	f := c.Field
	if f.Type == schema.Bool {
		return r.Bool(f.Key)
	}
	v, ok := r.Value(f.Key)
	if !ok {
		return nil
	}
	return c.typed(v)
}

func (c column) typed(v record.Value) any {
	f := c.Field
	switch {
	case c.Label != "":
		if t := c.vocab.Term(v.Str); t != nil {
			return t.Label(c.Label)
		}
		return nil
	case f.List:
		if len(v.List) == 0 {
			return nil
		}
		return v.List
	case f.Type == schema.Int:
		return v.Int
	case f.Type == schema.Bool:
		return v.Bool
	}
	if v.Str == "" {
		return nil
	}
	return v.Str
}

// text renders a typed value as cell text: the list joined with
// listSeparator, integers in digits, booleans as true/false.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []string:
		items := make([]string, len(v))
		for i, s := range v {
			items[i] = strings.ReplaceAll(s, listSeparator, listSeparatorStandIn)
		}
		return strings.Join(items, listSeparator)
	case int64:
		return strconv.FormatInt(v, 10)
	case bool:
		return strconv.FormatBool(v)
	}
	panic(fmt.Sprintf("export: unexpected value type %T", v))
}

// marshal encodes v as compact JSON without HTML escaping, so that text
// such as "A&B" stays readable. The record values take a fast path; the
// output is the same as encoding/json's with SetEscapeHTML(false).
func marshal(v any) []byte {
	switch v := v.(type) {
	case nil:
		return []byte("null")
	case string:
		return appendJSONString(nil, v)
	case []string:
		b := []byte{'['}
		for i, s := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		return append(b, ']')
	case int64:
		return strconv.AppendInt(nil, v, 10)
	case bool:
		return strconv.AppendBool(nil, v)
	case object, term, []term:
		return appendJSON(nil, v)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only strings, numbers, booleans, slices, maps and structs of
		// them reach here; none of them fails to encode.
		panic(fmt.Sprintf("export: encode json: %v", err))
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

// appendJSONString quotes s as encoding/json does without HTML escaping:
// control characters, quote and backslash escaped, invalid UTF-8 replaced,
// U+2028 and U+2029 escaped for JavaScript.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// indentJSON encodes v for humans, with a final newline.
func indentJSON(v any) []byte {
	var b bytes.Buffer
	if err := json.Indent(&b, marshal(v), "", "  "); err != nil {
		panic(fmt.Sprintf("export: indent json: %v", err))
	}
	b.WriteByte('\n')
	return b.Bytes()
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
