package pipeline

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"

	"disclose/generator/diag"
	"disclose/generator/ingest"
	"disclose/generator/normalize"
	"disclose/generator/publish"
	"disclose/generator/record"
	"disclose/generator/schema"
	"disclose/generator/validate"
)

// Loaded is the data after reading, normalising, validating and applying
// the publication rules: every row read is in exactly one of Published,
// Withheld or Rejected.
type Loaded struct {
	Catalog   *schema.Catalog
	Files     []ingest.File
	Published []*record.Record
	Withheld  []publish.Withheld
	Rejected  []*record.Record
	Diags     diag.List
	// Read counts the data rows read per dataset.
	Read map[string]int

	// counts is the row accounting, computed once so that the records
	// can be released before Hugo runs.
	counts []Count
}

type fileResult struct {
	recs  []*record.Record
	bad   []bool
	diags diag.List
	// hidden are the records of hidden rows: withheld before anything
	// else looks at them, since nobody reviewed what they hold.
	hidden []*record.Record
}

// load reads every workbook (in parallel, one file per worker), normalises
// and validates the rows and applies the publication rules.
func load(ctx context.Context, cat *schema.Catalog, dataDir string, rules publish.Rules, opts ingest.Options) *Loaded {
	// Reading makes many small short-lived values while the records build
	// up; the collector runs a quarter as often meanwhile. The heap stays
	// well below what Hugo needs later in a build.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	l := &Loaded{Catalog: cat, Read: map[string]int{}}
	files, diags := ingest.Find(dataDir, cat)
	l.Files = files
	l.Diags = diags
	for _, ds := range cat.Datasets {
		l.Read[ds.Name] = 0
	}
	results := make([]fileResult, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, i := range largestFirst(files) {
		if ctx.Err() != nil {
			break // the build was told to stop: the caller sees ctx's error
		}
		f := files[i]
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			res := &results[i]
			var rowDiags diag.List
			res.diags = ingest.Read(f, opts, func(sh *ingest.Sheet, row ingest.Row) {
				if row.Hidden {
					// Its cells are read only so that the leak guard
					// and the redactor know what it holds; what is wrong
					// in them concerns nobody, as it is not published.
					var discard diag.List
					rec, _ := normalize.Row(cat, sh, row, &discard)
					res.hidden = append(res.hidden, rec)
					return
				}
				rec, ok := normalize.Row(cat, sh, row, &rowDiags)
				res.recs = append(res.recs, rec)
				res.bad = append(res.bad, !ok)
			})
			res.diags = append(res.diags, rowDiags...)
		}()
	}
	wg.Wait()
	var all, hidden []*record.Record
	rejected := map[*record.Record]bool{}
	for i, f := range files {
		res := results[i]
		l.Diags = append(l.Diags, res.diags...)
		l.Read[f.Dataset.Name] += len(res.recs) + len(res.hidden)
		hidden = append(hidden, res.hidden...)
		for j, r := range res.recs {
			all = append(all, r)
			if res.bad[j] {
				rejected[r] = true
			}
		}
	}
	validate.Run(cat, all, rejected, rules.AsOf, &l.Diags)
	var good []*record.Record
	for _, r := range all {
		if rejected[r] {
			l.Rejected = append(l.Rejected, r)
		} else {
			good = append(good, r)
		}
	}
	l.Published, l.Withheld = publish.Decide(good, rules)
	for _, r := range hidden {
		l.Withheld = append(l.Withheld, publish.Withheld{Record: r, Reason: publish.HiddenRow})
	}
	l.Diags.Sort()
	l.counts = l.count()
	return l
}

// largestFirst returns the indexes of files, the largest file first: one
// large workbook read last would leave the other cores idle. The results
// keep the files' own order.
func largestFirst(files []ingest.File) []int {
	size := make([]int64, len(files))
	order := make([]int, len(files))
	for i, f := range files {
		order[i] = i
		if info, err := os.Stat(f.Path); err == nil {
			size[i] = info.Size()
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	return order
}

// Count is the row accounting of one dataset.
type Count struct {
	Dataset   string
	Read      int
	Published int
	Withheld  map[publish.Reason]int
	Rejected  int
}

// WithheldTotal sums the withheld rows over all reasons.
func (c Count) WithheldTotal() int {
	n := 0
	for _, v := range c.Withheld {
		n += v
	}
	return n
}

// Balanced reports whether every row read is accounted for.
func (c Count) Balanced() bool { return c.Read == c.Published+c.WithheldTotal()+c.Rejected }

// Accounting returns the row accounting per dataset in catalog order.
func (l *Loaded) Accounting() []Count {
	out := make([]Count, len(l.counts))
	copy(out, l.counts)
	return out
}

func (l *Loaded) count() []Count {
	idx := map[string]*Count{}
	var out []Count
	for _, ds := range l.Catalog.Datasets {
		out = append(out, Count{Dataset: ds.Name, Read: l.Read[ds.Name], Withheld: map[publish.Reason]int{}})
	}
	for i := range out {
		idx[out[i].Dataset] = &out[i]
	}
	for _, r := range l.Published {
		idx[r.Dataset.Name].Published++
	}
	for _, w := range l.Withheld {
		idx[w.Record.Dataset.Name].Withheld[w.Reason]++
	}
	for _, r := range l.Rejected {
		idx[r.Dataset.Name].Rejected++
	}
	return out
}
