package search

import (
	"encoding/json"
	"fmt"
	"path"
	"sort"
)

// Hit is one search result.
type Hit struct {
	Title, Href, Label, Date string
	// ID is a record's id; a page has none.
	ID string
	// Context is a record's unit and region; Text the beginning of its
	// main text, for the snippet.
	Context, Text string
	// InTitle is set when every query token is in the title.
	InTitle bool
}

// Result is what Query found and what it read to find it.
type Result struct {
	// Short is set when the query had nothing long enough to look for.
	Short bool
	Total int
	Hits  []Hit
	// Files are the index files read, in order; Bytes their total size:
	// what a browser downloads for the first page of results.
	Files []string
	Bytes int
}

// Query searches the generated files of lang the way search.js does and
// returns the first limit hits: documents containing every token, those
// with every token in the title first, then in index order (newest first).
func Query(files map[string][]byte, lang, q string, limit int) (*Result, error) {
	res := &Result{}
	read := func(name string, v any) error {
		p := path.Join(Root, lang, name)
		b, ok := files[p]
		if !ok {
			return fmt.Errorf("search: %s missing", p)
		}
		res.Files = append(res.Files, p)
		res.Bytes += len(b)
		return json.Unmarshal(b, v)
	}
	tokens, short := QueryTokens(q)
	if len(tokens) == 0 {
		res.Short = short
		return res, nil
	}
	var meta Meta
	if err := read("meta.json", &meta); err != nil {
		return nil, err
	}
	shards := map[int]map[string][]any{}
	var all, title []map[int]bool
	for _, t := range tokens {
		s := Shard(t, meta.Shards)
		if shards[s] == nil {
			var m map[string][]any
			if err := read(shardName(s), &m); err != nil {
				return nil, err
			}
			shards[s] = m
		}
		v := shards[s][Key(t)]
		if len(v) == 0 {
			return res, nil
		}
		a, t := map[int]bool{}, map[int]bool{}
		ids, err := decodeList(v[0])
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			a[id] = true
		}
		if len(v) > 1 {
			ids, err := decodeList(v[1])
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				t[id] = true
			}
		}
		all, title = append(all, a), append(title, t)
	}
	type cand struct {
		id      int
		inTitle bool
	}
	var found []cand
	for id := range all[0] {
		c := cand{id, true}
		ok := true
		for i := range all {
			if !all[i][id] {
				ok = false
				break
			}
			c.inTitle = c.inTitle && title[i][id]
		}
		if ok {
			found = append(found, c)
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].inTitle != found[j].inTitle {
			return found[i].inTitle
		}
		return found[i].id < found[j].id
	})
	res.Total = len(found)
	if len(found) > limit {
		found = found[:limit]
	}
	blocks := map[int][][]string{}
	for _, c := range found {
		b := c.id / meta.Block
		if blocks[b] == nil {
			var rows [][]string
			if err := read(blockName(b), &rows); err != nil {
				return nil, err
			}
			blocks[b] = rows
		}
		row := blocks[b][c.id%meta.Block]
		h := Hit{Title: row[0], Href: row[1], Label: row[2], Date: row[3], InTitle: c.inTitle}
		if len(row) > 5 {
			h.Context = row[5]
		}
		if len(row) > 6 {
			h.Text = row[6]
		}
		if len(row) > 4 {
			h.ID = row[4]
		}
		res.Hits = append(res.Hits, h)
	}
	return res, nil
}
