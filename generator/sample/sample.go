// Package sample makes realistic synthetic registers: workbooks of ethics
// committees, high-risk activities, violation cases and supervision reports
// that look like what provinces and departments actually send in, messiness
// included, so that every later stage has real work to do.
//
// Generate takes the schema catalog and Options (scale, seed, as-of date) and
// returns relative file path → workbook bytes; the same options give the same
// bytes. It writes nothing to disk and reports nothing: the data it makes is
// valid by construction. All people, numbers and most units are invented;
// identity numbers, credit codes and phone numbers have the right shape and
// check characters so that the redaction and validation stages are exercised.
//
// What the workbooks vary, on purpose: one workbook per dataset or several
// (by region), Chinese or English headers with or without notes and stars, a
// merged title banner above the header, an instructions sheet, dates in every
// accepted form, vocabulary values as code, label or synonym, regions as name,
// code or English, mixed list separators, full-width digits, an extra column
// the schema does not know and a hidden sheet holding personal data.
package sample

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"

	"disclose/generator/schema"
)

// Options control the size and content of the sample.
type Options struct {
	// Scale is the total number of records across the four datasets; zero
	// means DefaultScale. Each dataset gets at least a few records.
	Scale int
	// Seed makes the data reproducible: the same seed gives the same bytes.
	Seed int64
	// AsOf is the day the data is "taken": dates fall before it, except
	// embargoes and planned end dates. Zero means 2025-06-30.
	AsOf time.Time
}

// DefaultScale is the scale used when Options.Scale is zero.
const DefaultScale = 400

// defaultAsOf is the as-of date used when Options.AsOf is zero: a fixed day,
// never the clock, so that the sample is reproducible.
func defaultAsOf() time.Time { return time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC) }

// counts returns how many records of each dataset a scale yields: roughly
// committees 10%, activities 45%, cases 15%, reports 30%.
func counts(scale int) map[string]int {
	if scale <= 0 {
		scale = DefaultScale
	}
	c := max(4, scale*10/100)
	cs := max(4, scale*15/100)
	rp := max(4, scale*30/100)
	a := max(6, scale-c-cs-rp)
	return map[string]int{"committees": c, "activities": a, "cases": cs, "reports": rp}
}

// Generate makes the sample workbooks.
func Generate(cat *schema.Catalog, opts Options) (map[string][]byte, error) {
	for _, name := range []string{"committees", "activities", "cases", "reports"} {
		if cat.Dataset(name) == nil {
			return nil, fmt.Errorf("catalog has no dataset %q", name)
		}
	}
	if opts.AsOf.IsZero() {
		opts.AsOf = defaultAsOf()
	}
	y, m, d := opts.AsOf.Date()
	g := &gen{
		cat:    cat,
		r:      rand.New(rand.NewPCG(uint64(opts.Seed), 0x9e3779b97f4a7c15)),
		asOf:   time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
		places: places(),
		insts:  map[string]*inst{},
		out:    map[string][]byte{},
	}
	g.start = g.asOf.AddDate(-6, 0, 0)
	g.pools = make([][]*inst, len(g.places))
	g.commByRegion = make([][]*committee, len(g.places))
	n := counts(opts.Scale)
	// Committees come first: activities refer to them.
	steps := []struct {
		name string
		run  func(int) error
	}{{"committees", g.committees}, {"activities", g.activities}, {"cases", g.cases}, {"reports", g.reports}}
	for _, s := range steps {
		if err := s.run(n[s.name]); err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return g.out, nil
}

type gen struct {
	cat         *schema.Catalog
	r           *rand.Rand
	asOf, start time.Time
	places      []place
	insts       map[string]*inst
	pools       [][]*inst // institutions by region index
	comms       []*committee
	// commByRegion lists committees by region, in registration order.
	commByRegion [][]*committee
	out          map[string][]byte
	books        int // workbooks made so far: varies the layout
}

type inst struct {
	name, kind, credit string
	region             int
	city               string
}

type committee struct {
	id         string
	region     int
	registered time.Time
	inst       *inst
}

// row holds one record's canonical values in schema field order: string,
// []string, time.Time, int, bool or nil.
type row []any

func (g *gen) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return g.r.IntN(n)
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func pick[T any](g *gen, s []T) T { return s[g.r.IntN(len(s))] }

// day returns a date between lo and hi inclusive.
func (g *gen) day(lo, hi time.Time) time.Time {
	if !hi.After(lo) {
		return lo
	}
	days := int(hi.Sub(lo).Hours() / 24)
	return lo.AddDate(0, 0, g.intn(days+1))
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// weighted picks an index with probability proportional to w.
func (g *gen) weighted(w []float64) int {
	total := 0.0
	for _, x := range w {
		total += x
	}
	x := g.r.Float64() * total
	for i, v := range w {
		if x < v {
			return i
		}
		x -= v
	}
	return len(w) - 1
}

// spread divides n over the regions in proportion to population (largest
// remainder), so that every run with the same n gives the same split.
func (g *gen) spread(n int) []int {
	total := 0.0
	for _, p := range g.places {
		total += p.pop
	}
	out := make([]int, len(g.places))
	type rem struct {
		i int
		f float64
	}
	rems := make([]rem, len(g.places))
	given := 0
	for i, p := range g.places {
		exact := float64(n) * p.pop / total
		out[i] = int(exact)
		given += out[i]
		rems[i] = rem{i, exact - float64(out[i])}
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].f > rems[b].f })
	for k := 0; given < n; k++ {
		out[rems[k%len(rems)].i]++
		given++
	}
	return out
}

// person makes an invented personal name.
func (g *gen) person() string {
	s := pick(g, surnames)
	n := pick(g, givenChars)
	if g.chance(0.7) {
		n += pick(g, givenChars)
	}
	return s + n
}

func (g *gen) brand() string {
	a := pick(g, brandChars)
	b := pick(g, brandChars)
	for b == a {
		b = pick(g, brandChars)
	}
	return a + b
}

// institution returns a unit of the given kind in region ri, reusing a known
// one now and then so that units recur across registers.
func (g *gen) institution(ri int, kind string) *inst {
	if pool := g.pools[ri]; len(pool) > 8 && g.chance(0.25) {
		for range 4 {
			if in := pick(g, pool); kind == "" || in.kind == kind {
				return in
			}
		}
	}
	p := g.places[ri]
	city := pick(g, p.cities)
	if kind == "" {
		kind = []string{"medical", "university", "research_institute", "enterprise", "association", "other"}[g.weighted([]float64{45, 20, 15, 12, 4, 4})]
	}
	var name string
	switch kind {
	case "medical":
		switch g.intn(5) {
		case 0:
			name = fmt.Sprintf("%s市第%s人民医院", city, pick(g, []string{"一", "二", "三", "四", "五", "六", "七"}))
		case 1:
			name = p.short + pick(g, []string{"省", "市", ""}) + pick(g, hospitalKinds)
		case 2:
			name = fmt.Sprintf("%s%s附属第%s医院", city, pick(g, universityKinds), pick(g, []string{"一", "二", "三"}))
		default:
			name = city + pick(g, hospitalKinds)
		}
	case "university":
		if g.chance(0.5) {
			name = city + pick(g, universityKinds)
		} else {
			name = p.short + pick(g, universityKinds)
		}
	case "research_institute":
		if g.chance(0.5) {
			name = fmt.Sprintf("中国科学院%s%s研究所", city, pick(g, instituteTopics))
		} else {
			name = fmt.Sprintf("%s%s研究院%s研究所", p.short, pick(g, []string{"医学科学", "农业科学", "生命科学", "人工智能"}), pick(g, instituteTopics))
		}
	case "enterprise":
		name = city + g.brand() + pick(g, companyKinds)
	case "association":
		name = p.short + pick(g, associations)
	default:
		name = city + pick(g, otherUnits)
	}
	if in, ok := g.insts[name]; ok {
		return in
	}
	in := &inst{name: name, kind: kind, region: ri, city: city, credit: uscc(g.r, kind, p.code)}
	g.insts[name] = in
	g.pools[ri] = append(g.pools[ri], in)
	return in
}

// book is one workbook to write: where it goes and which regions it holds.
type book struct {
	path    string
	regions []int
}

// plan splits a dataset over workbooks by region: one workbook when the
// dataset is small, otherwise one per large region (file names in the
// styles people use) and one for the rest.
func (g *gen) plan(dataset string, per []int) []book {
	total := 0
	for _, n := range per {
		total += n
	}
	all := make([]int, 0, len(per))
	for i, n := range per {
		if n > 0 {
			all = append(all, i)
		}
	}
	if total < 100 {
		return []book{{path: dataset + ".xlsx", regions: all}}
	}
	order := slices.Clone(all)
	sort.SliceStable(order, func(a, b int) bool { return per[order[a]] > per[order[b]] })
	own := 0
	for own < min(4, len(order)-1) && per[order[own]] >= max(10, total/25) {
		own++
	}
	var out []book
	for k, ri := range order[:own] {
		p := g.places[ri]
		var name string
		switch k {
		case 0:
			name = p.short
		case 1:
			name = p.pinyin
		case 2:
			name = p.code + "-" + g.regionZh(ri)
		default:
			name = g.regionZh(ri) + "报送"
		}
		out = append(out, book{path: dataset + "/" + name + ".xlsx", regions: []int{ri}})
	}
	rest := slices.Clone(order[own:])
	sort.Ints(rest)
	out = append(out, book{path: dataset + "/其他地区.xlsx", regions: rest})
	return out
}

// write lays a dataset's rows out in a workbook with the book's layout.
func (g *gen) write(path string, d *schema.Dataset, rows []row, extra *extraSheets) error {
	lay := g.layout(d)
	b, err := g.render(d, lay, rows, extra)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	g.out[path] = b
	return nil
}

// fixedProps keeps workbooks byte-reproducible: excelize would otherwise
// leave its own defaults, which are fixed but name the library.
func fixedProps(f *excelize.File, title string, asOf time.Time) error {
	stamp := asOf.Format("2006-01-02") + "T00:00:00Z"
	return f.SetDocProps(&excelize.DocProperties{
		Title: title, Creator: "disclose sample", LastModifiedBy: "disclose sample",
		Created: stamp, Modified: stamp, Language: "zh-CN",
	})
}

// regionZh is the full Chinese name of a region (北京市), from the
// vocabulary when it knows the code.
func (g *gen) regionZh(ri int) string {
	p := g.places[ri]
	if v := g.cat.Vocab("region"); v != nil {
		if t := v.Term(p.code); t != nil {
			return t.Zh
		}
	}
	return p.short
}
