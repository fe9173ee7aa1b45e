package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"net/url"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"

	"disclose/generator/parallel"
	"disclose/generator/redact"
	"disclose/generator/schema"
)

// ManifestFormat names the manifest layout. Version 2 adds each record's
// first and last-changed releases; ReadManifest reads version 1 too.
const ManifestFormat = "disclose-manifest/2"

// manifestV1 is the layout before records carried their history.
const manifestV1 = "disclose-manifest/1"

// fieldHashLen is how many hex digits of a field's SHA-256 the manifest
// keeps. The record's own hash is whole, so a change is always seen; the
// field hashes only name the fields that changed, and eight digits do
// that (a change slips by one time in four billion). Version 1 manifests
// kept sixteen: hashes are compared on the digits both have.
const fieldHashLen = 8

// Manifest lists every published record of a release with content hashes,
// so that the next release can tell what was added, changed or removed.
type Manifest struct {
	Format  string           `json:"format"`
	Release string           `json:"release"`
	Records []ManifestRecord `json:"records"` // sorted by dataset, then id
}

// ManifestRecord is one record in a manifest.
type ManifestRecord struct {
	Dataset string `json:"dataset"`
	ID      string `json:"id"`
	Slug    string `json:"slug"`
	// SHA256 is the hash of the record's canonical public JSON: its
	// non-blank fields with sorted keys, typed as in the JSON download.
	SHA256 string `json:"sha256"`
	// Fields holds the leading hex digits of each non-blank field's hash.
	Fields map[string]string `json:"fields"`
	// First is the release that first published the record, and Changed
	// the release that last changed its content (YYYY-MM-DD). A record
	// carried over from a version 1 manifest is dated by that release:
	// published since then at the latest.
	First   string `json:"first,omitempty"`
	Changed string `json:"changed,omitempty"`
}

// ReadManifest reads a manifest written by an earlier release.
func ReadManifest(r io.Reader) (*Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	if m.Format != ManifestFormat && m.Format != manifestV1 {
		return nil, fmt.Errorf("read manifest: format %q, want %q", m.Format, ManifestFormat)
	}
	if !isoDate.MatchString(m.Release) {
		return nil, fmt.Errorf("read manifest: release %q is not YYYY-MM-DD", m.Release)
	}
	seen := map[string]bool{}
	for _, rec := range m.Records {
		k := rec.Dataset + "\x00" + rec.ID
		if rec.Dataset == "" || rec.ID == "" || seen[k] {
			return nil, fmt.Errorf("read manifest: record %q in %q is blank or listed twice", rec.ID, rec.Dataset)
		}
		seen[k] = true
	}
	return &m, nil
}

func (g *generator) manifest() *Manifest {
	m := &Manifest{Format: ManifestFormat, Release: g.in.AsOf, Records: []ManifestRecord{}}
	type item struct {
		d    *schema.Dataset
		cols []column
		r    *redact.Record
	}
	var items []item
	for _, d := range g.in.Catalog.Datasets {
		cols := columns(g.in.Catalog, d)
		for _, r := range g.in.Records[d.Name] {
			items = append(items, item{d, cols, r})
		}
	}
	// Each record's checksums are its own: they are worked out on every
	// core, each worker over its share of the records.
	m.Records = make([]ManifestRecord, len(items))
	parallel.Each(parallel.Shares(len(items), 1000), len(items), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			it := items[i]
			canon := map[string]any{}
			fields := map[string]string{}
			for _, c := range it.cols {
				if c.Label != "" {
					continue
				}
				v := c.value(it.r)
				if v == nil {
					continue
				}
				canon[c.Key] = v
				fields[c.Key] = sha256Hex(marshal(v))[:fieldHashLen]
			}
			m.Records[i] = ManifestRecord{
				Dataset: it.d.Name, ID: it.r.ID(), Slug: it.r.Slug(), SHA256: sha256Hex(marshal(canon)), Fields: fields,
			}
		}
	})
	sort.Slice(m.Records, func(i, j int) bool {
		a, b := m.Records[i], m.Records[j]
		if a.Dataset != b.Dataset {
			return a.Dataset < b.Dataset
		}
		return a.ID < b.ID
	})
	g.history(m)
	return m
}

// history dates each record: new in this release, or carried over from
// the previous release's manifest, changed now when its content hash
// differs.
func (g *generator) history(m *Manifest) {
	prev := map[string]ManifestRecord{}
	if p := g.in.Previous; p != nil {
		for _, r := range p.Records {
			if r.First == "" {
				r.First = p.Release
			}
			if r.Changed == "" {
				r.Changed = r.First
			}
			prev[r.Dataset+"\x00"+r.ID] = r
		}
	}
	for i := range m.Records {
		r := &m.Records[i]
		r.First, r.Changed = g.in.AsOf, g.in.AsOf
		if was, ok := prev[r.Dataset+"\x00"+r.ID]; ok {
			r.First = was.First
			if was.SHA256 == r.SHA256 {
				r.Changed = was.Changed
			}
		}
	}
}

// encodeManifest writes one record per line, so that the file diffs well.
func encodeManifest(m *Manifest) []byte {
	var b bytes.Buffer
	b.WriteString("{\n")
	b.WriteString(`"format":` + string(marshal(m.Format)) + ",\n")
	b.WriteString(`"release":` + string(marshal(m.Release)) + ",\n")
	b.WriteString(`"records":[`)
	for i, r := range m.Records {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		b.Write(marshal(r))
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// Changelog says what changed since the previous release.
type Changelog struct {
	Since   string   `json:"since"`   // the previous release
	Release string   `json:"release"` // this release
	Added   []Change `json:"added"`
	Changed []Change `json:"changed"`
	// Removed lists records of the previous release that are not
	// published now: withdrawn, expired or held back, which the manifest
	// cannot tell apart and the public may not learn.
	Removed []Change `json:"removed"`
}

// Change is one record in a changelog. Title and URLs are set for added
// and changed records only: a removed record's content is no longer
// public.
type Change struct {
	Dataset string `json:"dataset"`
	ID      string `json:"id"`
	Slug    string `json:"slug"`
	Title   string `json:"title,omitempty"`
	URL     string `json:"url,omitempty"`
	URLEn   string `json:"url_en,omitempty"`
	// Fields lists the keys of the fields that changed, in schema order.
	Fields []string `json:"fields,omitempty"`
}

func (g *generator) changelog(cur *Manifest) *Changelog {
	prev := g.in.Previous
	cl := &Changelog{Since: prev.Release, Release: g.in.AsOf, Added: []Change{}, Changed: []Change{}, Removed: []Change{}}
	key := func(r ManifestRecord) string { return r.Dataset + "\x00" + r.ID }
	old := make(map[string]ManifestRecord, len(prev.Records))
	for _, r := range prev.Records {
		old[key(r)] = r
	}
	now := make(map[string]bool, len(cur.Records))
	titles := map[string]string{}
	for _, d := range g.in.Catalog.Datasets {
		for _, r := range g.in.Records[d.Name] {
			titles[d.Name+"\x00"+r.ID()] = r.Str(d.TitleField)
		}
	}
	for _, r := range cur.Records {
		k := key(r)
		now[k] = true
		c := Change{Dataset: r.Dataset, ID: r.ID, Slug: r.Slug, Title: titles[k],
			URL: g.recordURL(r.Dataset, r.Slug, ""), URLEn: g.recordURL(r.Dataset, r.Slug, "en")}
		was, ok := old[k]
		switch {
		case !ok:
			cl.Added = append(cl.Added, c)
		case was.SHA256 != r.SHA256:
			c.Fields = g.changedFields(r.Dataset, was.Fields, r.Fields)
			cl.Changed = append(cl.Changed, c)
		}
	}
	for _, r := range prev.Records {
		if !now[key(r)] {
			cl.Removed = append(cl.Removed, Change{Dataset: r.Dataset, ID: r.ID, Slug: r.Slug})
		}
	}
	for _, list := range [][]Change{cl.Added, cl.Changed, cl.Removed} {
		sort.Slice(list, func(i, j int) bool {
			if list[i].Dataset != list[j].Dataset {
				return list[i].Dataset < list[j].Dataset
			}
			return list[i].ID < list[j].ID
		})
	}
	return cl
}

// changedFields compares per-field hashes: schema fields first in schema
// order, then fields the schema no longer has, sorted.
func (g *generator) changedFields(dataset string, was, now map[string]string) []string {
	diff := map[string]bool{}
	for k, h := range now {
		if !sameHash(was[k], h) {
			diff[k] = true
		}
	}
	for k := range was {
		if _, ok := now[k]; !ok {
			diff[k] = true
		}
	}
	var out []string
	if d := g.in.Catalog.Dataset(dataset); d != nil {
		for _, c := range columns(g.in.Catalog, d) {
			if diff[c.Key] {
				out = append(out, c.Key)
				delete(diff, c.Key)
			}
		}
	}
	out = append(out, sortedKeys(diff)...)
	if len(out) == 0 {
		// The record hash changed but no field hash did: a field-hash
		// collision, or a previous manifest without field hashes.
		out = []string{"*"}
	}
	return out
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
	Lang string `xml:"hreflang,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   atomText   `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	// Content rather than summary: RFC 4287 wants one or the other
	// link rel="alternate", and a removed record has no page to link to.
	Content atomText `xml:"content"`
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"xml:lang,attr"`
	ID      string   `xml:"id"`
	Title   atomText `xml:"title"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

// atom is the changelog as an Atom feed with one entry per change. Entry
// ids depend only on the site, the release, the dataset, the record and
// the kind of change, so a rebuild gives the same ids.
func (g *generator) atom(cl *Changelog) []byte {
	updated := g.in.AsOf + "T00:00:00Z"
	f := atomFeed{Lang: "zh-CN", ID: g.atomID("changes"), Updated: updated}
	f.Title = atomText{Body: strings.TrimSpace(g.in.Title + " 数据变更 Data changes")}
	f.Author.Name = g.in.Publisher
	if f.Author.Name == "" {
		f.Author.Name = g.in.Title
	}
	f.Links = []atomLink{
		{Rel: "self", Type: "application/atom+xml", Href: g.base + Dir + "changes.xml"},
		{Rel: "alternate", Type: "application/json", Href: g.base + Dir + "changes.json"},
	}
	kinds := []struct {
		list   []Change
		kind   string
		zh, en string
	}{
		{cl.Added, "added", "新增", "Added"},
		{cl.Changed, "changed", "更新", "Changed"},
		{cl.Removed, "removed", "不再公开", "No longer published"},
	}
	for _, k := range kinds {
		for _, c := range k.list {
			d := g.in.Catalog.Dataset(c.Dataset)
			item := c.Dataset
			if d != nil {
				item = d.ItemZh + " " + d.ItemEn
			}
			e := atomEntry{
				ID:      g.atomID(c.Dataset + "/" + c.Slug + "/" + k.kind),
				Title:   atomText{Body: strings.TrimSpace(k.zh + " " + k.en + ": " + item + " " + c.ID + " " + c.Title)},
				Updated: updated,
			}
			var summary []string
			summary = append(summary, fmt.Sprintf("%s %s (%s → %s)", k.zh, k.en, cl.Since, cl.Release))
			if len(c.Fields) > 0 {
				summary = append(summary, "字段 Fields: "+fieldLabels(d, c.Fields))
			}
			e.Content = atomText{Type: "text", Body: strings.Join(summary, "; ")}
			if c.URL != "" {
				e.Links = []atomLink{
					{Rel: "alternate", Type: "text/html", Href: c.URL, Lang: "zh"},
					{Rel: "alternate", Type: "text/html", Href: c.URLEn, Lang: "en"},
				}
			}
			f.Entries = append(f.Entries, e)
		}
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("export: atom: %v", err)) // plain strings only
	}
	return append([]byte(xml.Header), append(out, '\n')...)
}

// fieldLabels spells changed field keys out as "状态 Status, ...".
func fieldLabels(d *schema.Dataset, keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k
		if d == nil {
			continue
		}
		if f := d.Field(k); f != nil {
			out[i] = f.Zh + " " + f.En
		}
	}
	return strings.Join(out, ", ")
}

// atomID makes a stable, globally unique id: a tag URI (RFC 4151) on the
// site's host and release date when the base URL has a host, otherwise a
// URN of this tool.
func (g *generator) atomID(specific string) string {
	u, err := url.Parse(g.base)
	if err == nil && u.Hostname() != "" {
		return "tag:" + u.Hostname() + "," + g.in.AsOf + ":" + u.Path + specific
	}
	return "urn:disclose:" + g.in.AsOf + ":" + strings.ReplaceAll(specific, "/", ":")
}

// sha256sums lists "hash  name" lines, as sha256sum writes them, for the
// given paths with dir removed from their names.
func sha256sums(files map[string][]byte, paths []string, dir string) []byte {
	var b bytes.Buffer
	for _, p := range paths {
		fmt.Fprintf(&b, "%s  %s\n", sha256Hex(files[p]), strings.TrimPrefix(p, dir))
	}
	return b.Bytes()
}

// bundle zips the given downloads and their checksum list into one folder
// named name, entries sorted, every time set to the release date.
func (g *generator) bundle(name string, paths []string, sums []byte) ([]byte, error) {
	entries := map[string][]byte{name + "/SHA256SUMS": sums}
	for _, p := range paths {
		entries[name+"/"+strings.TrimPrefix(p, Dir)] = g.files[p]
	}
	// The entries are compressed on every core first (deflate level 5, as
	// archive/zip does), then written in name order: the archive's bytes
	// do not depend on timing.
	names := sortedKeys(entries)
	done := make([][]byte, len(names))
	eg, ctx := errgroup.WithContext(g.ctx)
	eg.SetLimit(runtime.GOMAXPROCS(0))
	for i, n := range names {
		if strings.HasSuffix(n, ".xlsx") {
			continue // already compressed: stored as it is
		}
		eg.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			var b bytes.Buffer
			fw, err := flate.NewWriter(&b, 5)
			if err == nil {
				_, err = fw.Write(entries[n])
			}
			if err == nil {
				err = fw.Close()
			}
			done[i] = b.Bytes()
			return err
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	t := g.modTime()
	for i, n := range names {
		data := entries[n]
		h := &zip.FileHeader{Name: n, Method: zip.Store, CRC32: crc32.ChecksumIEEE(data), UncompressedSize64: uint64(len(data)), CompressedSize64: uint64(len(data))}
		raw := data
		if !strings.HasSuffix(n, ".xlsx") {
			raw = done[i]
			h.Method = zip.Deflate
			h.CompressedSize64 = uint64(len(raw))
		}
		setModTime(h, t)
		w, err := zw.CreateRaw(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(raw); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// sameHash compares two field hashes on the digits both have.
func sameHash(a, b string) bool {
	n := min(len(a), len(b))
	return len(a) > 0 && len(b) > 0 && a[:n] == b[:n]
}
