// Package search builds the site's static search index: files that the
// browser fetches a few at a time, so a query stays cheap however many
// records the site publishes.
//
// In go the public (redacted) records and the hand-written pages; out
// comes, per language, a map of path → bytes under search/<lang>/:
//
//   - meta.json: the number of documents, posting shards and document
//     blocks, and a release tag (a hash of the other files) that the
//     browser adds to their URLs so caches never mix two releases;
//   - shard-NNNN.json: key → posting lists, a token in the shard
//     fnv1a32(token) mod shards under the key Key(token), a hash: the
//     index holds no readable word, so a person's name that happens to be
//     a bigram of public text (龙江 in 黑龙江) is not written out as a
//     word of its own. A token's value is [all] or [all, title]:
//     the documents containing it anywhere and those with it in the title,
//     each either an array of gaps between ascending document numbers or,
//     when shorter, a base64 bitmap (bit i of byte i/8 set for document
//     i), so one token never costs more than documents/6 bytes;
//   - docs-NNNN.json: documents block*B … block*B+B-1 as [title, href,
//     label, date, id, context, text]: for a record its id (records can
//     share a title; the id tells them apart and is what people cite),
//     its unit and region ("context"), and the beginning of its main
//     text, from which a hit's snippet is cut; href relative to the
//     language root; empty elements at the end are left out.
//
// Documents are numbered pages first, then the records of each register
// in turn, newest first, so intersecting posting lists yields results in
// display order, and meta.json can give each register's documents, and
// each year's within it, as one range ("groups"): the browser counts and
// narrows hits by register and year without reading a document. Tokens are
// the bigrams of Han text and word prefixes (see Tokens). The Chinese index
// holds Chinese vocabulary labels and the English one English labels;
// record text is indexed in both as written.
//
// Generate is pure and deterministic (sorted keys, no timestamps). It
// reports no diagnostics; an error means unreadable hand-written content.
// Query runs a search over generated files the way search.js does, for
// tests and for measuring what a query downloads.
package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/sync/errgroup"

	"disclose/generator/redact"
	"disclose/generator/schema"
	"disclose/generator/words"
)

// Input is what the index is built from.
type Input struct {
	Catalog *schema.Catalog
	// Records holds the public records per dataset name.
	Records map[string][]*redact.Record
	// Content holds the hand-written pages as zh/… and en/… Markdown
	// files with front matter; nil indexes records only.
	Content fs.FS
	// Langs are the site languages; nil means zh and en.
	Langs []string
	// Words are the theme's interface strings (words.Load), for the label
	// of hand-written pages.
	Words words.Words
}

// Sizes bound the files. A dense token costs about documents/6 bytes
// (17 KB at 100,000 records), so a shard of maxShard holds a few of them.
const (
	// targetShard is the average posting shard size aimed at.
	targetShard = 24 << 10
	// maxShard is the size no posting shard may exceed while more shards
	// can still split it.
	maxShard = 64 << 10
	// targetBlock is the document block size aimed at.
	targetBlock = 4 << 10
	// maxShards caps the shard count (and so the number of files).
	maxShards = 1 << 14
)

// Root is the folder of the index in the site.
const Root = "search"

type doc struct {
	title, href, label, date string
	// id is a record's id; pages have none.
	id string
	// context is a record's unit and region; text the beginning of its
	// main free text.
	context, text string
	// group is the register's name, or "pages".
	group string
	// titles are more text that counts as title: the id and the title
	// in the other language.
	titles []string
	body   []string
}

type posting struct {
	all, title []int
}

// Generate returns the index files of every language as path → bytes.
func Generate(in Input) (map[string][]byte, error) {
	if in.Catalog == nil {
		return nil, fmt.Errorf("search: no catalog")
	}
	langs := in.Langs
	if langs == nil {
		langs = []string{"zh", "en"}
	}
	// The languages' indexes are independent: build them at the same time.
	perLang := make([]map[string][]byte, len(langs))
	var eg errgroup.Group
	for i, lang := range langs {
		eg.Go(func() error {
			docs, err := documents(in, lang)
			if err != nil {
				return err
			}
			perLang[i] = map[string][]byte{}
			return build(perLang[i], lang, docs)
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for i := range langs {
		for k, v := range perLang[i] {
			files[k] = v
		}
	}
	return files, nil
}

// documents lists the documents of one language in index order.
func documents(in Input, lang string) ([]doc, error) {
	var docs []doc
	if in.Content != nil {
		pages, err := pages(in.Content, in.Words, lang)
		if err != nil {
			return nil, err
		}
		docs = append(docs, pages...)
	}
	type item struct {
		r     *redact.Record
		order int
	}
	var recs []item
	for i, ds := range in.Catalog.Datasets {
		for _, r := range in.Records[ds.Name] {
			recs = append(recs, item{r, i})
		}
	}
	date := func(r *redact.Record) string { return r.Str(r.Dataset().DateField) }
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if a.order != b.order {
			return a.order < b.order
		}
		if da, db := date(a.r), date(b.r); da != db {
			return da > db
		}
		return a.r.ID() < b.r.ID()
	})
	for _, it := range recs {
		docs = append(docs, recordDoc(in.Catalog, it.r, lang))
	}
	return docs, nil
}

func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// recordDoc is one record as the search sees it in lang: its page title,
// and as body every public value a reader could search for (vocabulary
// terms by their label in lang). Person names, phone numbers and e-mail
// addresses are left out even where public: nobody needs to find a record
// by them, and a name index is what the publication rules avoid.
func recordDoc(cat *schema.Catalog, r *redact.Record, lang string) doc {
	ds := r.Dataset()
	d := doc{
		title: r.Title(lang),
		href:  ds.Name + "/" + r.Slug() + "/",
		label: pick(lang, ds.ItemZh, ds.ItemEn),
		date:  r.Str(ds.DateField),
		id:    r.ID(),
		group: ds.Name,
	}
	// context: the unit (the first text column of the register's list)
	// and the region; text: the first free text, cut
	var ctx []string
	for _, key := range ds.ListColumns {
		if f := ds.Field(key); f != nil && f.Type == schema.Text && f.Published() {
			if v := r.Str(key); v != "" {
				ctx = append(ctx, v)
			}
			break
		}
	}
	if f := ds.Field("region"); f != nil {
		if v := r.Str("region"); v != "" {
			ctx = append(ctx, strings.SplitN(label(cat, f.Vocab, v, lang), "\n", 2)[0])
		}
	}
	d.context = strings.Join(ctx, " · ")
	for _, f := range ds.Fields {
		if f.Type == schema.FreeText && f.Published() {
			if v := r.Str(f.Key); v != "" {
				d.text = cut(v, snippetRunes)
				break
			}
		}
	}
	d.titles = append(d.titles, r.ID(), r.Str(ds.TitleField), r.Str("title_en"))
	d.body = append(d.body, pick(lang, ds.Zh, ds.En), d.label)
	// the glossary reads the titles, names and labels, not the long free
	// texts: a unit or a title says what an institution is and where
	named := append([]string{}, d.titles...)
	for _, f := range ds.Fields {
		if !f.Published() {
			continue
		}
		v, ok := r.Value(f.Key)
		if !ok {
			continue
		}
		vals := v.List
		if !f.List {
			vals = []string{v.Str}
		}
		for _, s := range vals {
			switch f.Type {
			case schema.ID, schema.Text, schema.USCC:
				d.body = append(d.body, s)
				named = append(named, s)
			case schema.FreeText:
				d.body = append(d.body, s)
			case schema.Enum, schema.Region:
				d.body = append(d.body, label(cat, f.Vocab, s, lang))
			}
		}
	}
	// the other language's words for what the record is called
	d.body = append(d.body, glossed(named)...)
	return d
}

// snippetRunes is how much of a record's main text its document keeps
// for the snippet of a hit.
const snippetRunes = 160

// cut returns the first n runes of s, with an ellipsis when it cut.
func cut(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

// label is a term's label in lang and its synonyms written in that
// language's script, so "hospital" finds medical institutions on English
// pages and 医院 on Chinese ones.
func label(cat *schema.Catalog, vocab, code, lang string) string {
	v := cat.Vocab(vocab)
	if v == nil {
		return code
	}
	t := v.Term(code)
	if t == nil {
		return code
	}
	out := []string{t.Label(lang)}
	for _, syn := range t.Synonyms {
		if hasHan(syn) == (lang == "zh") {
			out = append(out, syn)
		}
	}
	return strings.Join(out, "\n")
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

var (
	frontLine = regexp.MustCompile(`^(title|description|draft)\s*[=:]\s*(.*)$`)
	// Link targets and markup carry no words a reader looks for.
	mdLink   = regexp.MustCompile(`\]\([^)]*\)`)
	mdMarkup = regexp.MustCompile(`[#*_>|` + "`" + `\[\]-]+`)
)

// pages reads the hand-written pages of a language. The search page
// itself is left out.
func pages(fsys fs.FS, w words.Words, lang string) ([]doc, error) {
	var out []doc
	err := fs.WalkDir(fsys, lang, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == lang && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || path.Ext(p) != ".md" {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := strings.TrimSuffix(strings.TrimPrefix(p, lang+"/"), ".md")
		href := rel + "/"
		if path.Base(rel) == "_index" {
			href = strings.TrimSuffix(path.Dir(rel), ".") + "/"
			if href == "/" {
				href = ""
			}
		}
		if href == "search/" {
			return nil
		}
		front, body := splitFront(string(b))
		if front["draft"] == "true" {
			return nil
		}
		title := front["title"]
		if title == "" {
			title = path.Base(rel)
		}
		text := mdMarkup.ReplaceAllString(mdLink.ReplaceAllString(body, "]"), " ")
		out = append(out, doc{
			title: title, href: href, label: w.T(lang, "page_label"),
			body: []string{front["description"], text}, group: "pages",
			text: cut(front["description"], snippetRunes),
		})
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].href < out[j].href })
	return out, err
}

// splitFront separates TOML (+++) or YAML (---) front matter from the
// body and reads the few keys the index needs.
func splitFront(s string) (map[string]string, string) {
	front := map[string]string{}
	for _, fence := range []string{"+++", "---"} {
		if !strings.HasPrefix(s, fence+"\n") {
			continue
		}
		head, body, ok := strings.Cut(s[len(fence)+1:], "\n"+fence)
		if !ok {
			return front, s
		}
		for _, line := range strings.Split(head, "\n") {
			m := frontLine.FindStringSubmatch(strings.TrimSpace(line))
			if m == nil {
				continue
			}
			v := strings.TrimSpace(m[2])
			if u, err := strconv.Unquote(v); err == nil {
				v = u
			} else {
				v = strings.Trim(v, `'"`)
			}
			front[m[1]] = v
		}
		return front, body
	}
	return front, s
}

// build writes one language's index into files.
func build(files map[string][]byte, lang string, docs []doc) error {
	post := map[string]*posting{}
	get := func(tok []byte) *posting {
		p := post[string(tok)]
		if p == nil {
			p = &posting{}
			post[string(tok)] = p
		}
		return p
	}
	// Documents are taken in order, so a list that already ends with the
	// document has it.
	var tk tokenizer
	for i, d := range docs {
		inTitle := func(tok []byte) {
			p := get(tok)
			if n := len(p.title); n == 0 || p.title[n-1] != i {
				p.title = append(p.title, i)
			}
			if n := len(p.all); n == 0 || p.all[n-1] != i {
				p.all = append(p.all, i)
			}
		}
		inBody := func(tok []byte) {
			if p := get(tok); len(p.all) == 0 || p.all[len(p.all)-1] != i {
				p.all = append(p.all, i)
			}
		}
		tk.each(d.title, inTitle)
		for _, s := range d.titles {
			tk.each(s, inTitle)
		}
		for _, s := range d.body {
			tk.each(s, inBody)
		}
	}
	tokens := make([]string, 0, len(post))
	entries := make(map[string][]byte, len(post))
	total := 0
	for t, p := range post {
		tokens = append(tokens, t)
		e, err := p.entry(Key(t))
		if err != nil {
			return err
		}
		entries[t] = e
		total += len(e) + 1
	}
	sort.Strings(tokens)
	n := (total + targetShard - 1) / targetShard
	if n < 1 {
		n = 1
	}
	var shards [][]string
	for {
		shards = make([][]string, n)
		sizes := make([]int, n)
		biggest := 0
		for _, t := range tokens {
			s := Shard(t, n)
			shards[s] = append(shards[s], t)
			sizes[s] += len(entries[t]) + 1
			biggest = max(biggest, sizes[s])
		}
		if biggest <= maxShard || n >= maxShards {
			break
		}
		n *= 2
	}
	// Two tokens of one shard with one key (about one pair in a billion)
	// share a posting list: the union of theirs, so a query for either
	// finds everything it should and, rarely, a little more.
	for i, ts := range shards {
		seen := map[string]string{}
		kept := ts[:0]
		for _, t := range ts {
			k := Key(t)
			first, dup := seen[k]
			if !dup {
				seen[k] = t
				kept = append(kept, t)
				continue
			}
			a, b := post[first], post[t]
			a.all, a.title = union(a.all, b.all), union(a.title, b.title)
			e, err := a.entry(k)
			if err != nil {
				return err
			}
			entries[first] = e
		}
		shards[i] = kept
	}
	dir := path.Join(Root, lang)
	for i, ts := range shards {
		var b bytes.Buffer
		b.WriteByte('{')
		for j, t := range ts {
			if j > 0 {
				b.WriteByte(',')
			}
			b.Write(entries[t])
		}
		b.WriteString("}\n")
		files[path.Join(dir, shardName(i))] = b.Bytes()
	}
	// Document blocks: about targetBlock bytes each.
	rows := make([][]byte, len(docs))
	size := 0
	for i, d := range docs {
		row := []string{d.title, d.href, d.label, d.date, d.id, d.context, d.text}
		for len(row) > 4 && row[len(row)-1] == "" {
			row = row[:len(row)-1]
		}
		b, err := marshal(row)
		if err != nil {
			return err
		}
		rows[i] = b
		size += len(b) + 1
	}
	block := 64
	if len(docs) > 0 {
		block = min(max(targetBlock*len(docs)/max(size, 1), 8), 512)
	}
	blocks := (len(docs) + block - 1) / block
	for i := 0; i < blocks; i++ {
		var b bytes.Buffer
		b.WriteByte('[')
		for j := i * block; j < min((i+1)*block, len(docs)); j++ {
			if j > i*block {
				b.WriteString(",\n")
			}
			b.Write(rows[j])
		}
		b.WriteString("]\n")
		files[path.Join(dir, blockName(i))] = b.Bytes()
	}
	// The release tag changes whenever any file of the index does; the
	// browser asks for shards and blocks with it, so a cached file of an
	// earlier release is never mixed with a new meta.json.
	names := make([]string, 0, len(shards)+blocks)
	for p := range files {
		if strings.HasPrefix(p, dir+"/") {
			names = append(names, p)
		}
	}
	sort.Strings(names)
	h := sha256.New()
	for _, p := range names {
		fmt.Fprintf(h, "%s %d\n", p, len(files[p]))
		h.Write(files[p])
	}
	release := hex.EncodeToString(h.Sum(nil))[:12]
	meta, err := json.Marshal(Meta{Version: 1, Lang: lang, Release: release, Docs: len(docs), Shards: n, Block: block, Blocks: blocks, MaxPrefix: maxPrefix, Groups: groups(docs)})
	if err != nil {
		return err
	}
	files[path.Join(dir, "meta.json")] = append(meta, '\n')
	return nil
}

// Meta is the content of meta.json.
type Meta struct {
	Version   int    `json:"v"`
	Lang      string `json:"lang"`
	Release   string `json:"release"`
	Docs      int    `json:"docs"`
	Shards    int    `json:"shards"`
	Block     int    `json:"block"`
	Blocks    int    `json:"blocks"`
	MaxPrefix int    `json:"maxPrefix"`
	// Groups are the documents of each register (and the pages), in
	// order, each with its years.
	Groups []Group `json:"groups"`
}

// Group is a run of documents of one register: From is the first's
// number and N how many; Years splits them by the year of their date,
// newest first.
type Group struct {
	Name  string      `json:"name"`
	Label string      `json:"label"`
	From  int         `json:"from"`
	N     int         `json:"n"`
	Years []YearRange `json:"years,omitempty"`
}

// YearRange is a run of documents of one year.
type YearRange struct {
	Year string `json:"y"`
	From int    `json:"from"`
	N    int    `json:"n"`
}

// groups finds the runs of documents by register and year.
func groups(docs []doc) []Group {
	var out []Group
	for i, d := range docs {
		if len(out) == 0 || out[len(out)-1].Name != d.group {
			out = append(out, Group{Name: d.group, Label: d.label, From: i})
		}
		g := &out[len(out)-1]
		g.N++
		if d.group == "pages" || len(d.date) < 4 {
			continue
		}
		y := d.date[:4]
		if n := len(g.Years); n == 0 || g.Years[n-1].Year != y {
			g.Years = append(g.Years, YearRange{Year: y, From: i})
		}
		g.Years[len(g.Years)-1].N++
	}
	return out
}

func shardName(i int) string { return fmt.Sprintf("shard-%04d.json", i) }
func blockName(i int) string { return fmt.Sprintf("docs-%04d.json", i) }

// Shard is the posting shard of a token: FNV-1a (32 bit) of its UTF-8
// bytes modulo the shard count, as search.js computes it.
func Shard(token string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(token))
	return int(h.Sum32() % uint32(n))
}

// Key is a token's key in its posting shard: FNV-1 (32 bit, the variant
// that multiplies first) of its UTF-8 bytes in base 36, as search.js
// computes it. The shard comes from FNV-1a, so two tokens share a key
// only when both hashes agree.
func Key(token string) string {
	h := fnv.New32()
	h.Write([]byte(token))
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}

// entry is a posting list as its shard holds it: "key":[all] or
// "key":[all,title].
func (p *posting) entry(key string) ([]byte, error) {
	v := []any{encodeList(p.all)}
	if len(p.title) > 0 {
		v = append(v, encodeList(p.title))
	}
	b, err := marshal(v)
	if err != nil {
		return nil, err
	}
	return append([]byte(`"`+key+`":`), b...), nil
}

// union merges two ascending lists of document numbers.
func union(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// encodeList writes ascending document numbers as gaps, or as a base64
// bitmap when that is shorter.
func encodeList(ids []int) any {
	gaps := make([]int, len(ids))
	arr := 1
	prev := 0
	for i, id := range ids {
		gaps[i] = id - prev
		prev = id
		arr += len(strconv.Itoa(gaps[i])) + 1
	}
	bits := (ids[len(ids)-1] + 8) / 8
	if b64 := (bits+2)/3*4 + 2; b64 < arr {
		bm := make([]byte, bits)
		for _, id := range ids {
			bm[id/8] |= 1 << (id % 8)
		}
		return base64.StdEncoding.EncodeToString(bm)
	}
	return gaps
}

// decodeList reverses encodeList.
func decodeList(v any) ([]int, error) {
	switch v := v.(type) {
	case string:
		bm, err := base64.StdEncoding.DecodeString(v)
		if err != nil {
			return nil, err
		}
		var out []int
		for i, c := range bm {
			for k := 0; k < 8; k++ {
				if c&(1<<k) != 0 {
					out = append(out, i*8+k)
				}
			}
		}
		return out, nil
	case []any:
		out := make([]int, len(v))
		prev := 0
		for i, g := range v {
			f, ok := g.(float64)
			if !ok {
				return nil, fmt.Errorf("search: bad gap %v", g)
			}
			prev += int(f)
			out[i] = prev
		}
		return out, nil
	}
	return nil, fmt.Errorf("search: bad posting list %T", v)
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
