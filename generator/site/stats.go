package site

import (
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"disclose/generator/schema"
	"disclose/generator/words"
)

// The statistics page: counts over the public records, each drawn as an
// inline SVG chart with a table holding the same numbers. Only public
// records are counted, so no count needs suppression. Every count is
// made in one pass over the records.

// chart is one figure of the statistics page, display-ready.
type chart struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Caption string `json:"caption"`
	// SVG is the chart as inline SVG; it points at the caption with
	// aria-labelledby, and the table is its accessible equivalent.
	SVG string `json:"svg"`
	// Head holds the table's column headings: the category, then one per
	// series.
	Head []string   `json:"head"`
	Rows []chartRow `json:"rows"`
	// Empty is set when there is nothing to count.
	Empty bool `json:"empty,omitempty"`
	// Wide is set when the table has too many columns to sit beside the
	// chart.
	Wide bool `json:"wide,omitempty"`
}

type chartRow struct {
	Label string   `json:"label"`
	Cells []string `json:"cells"`
}

// series is one set of bars, in the order of the categories.
type series struct {
	Name   string
	Values []int64
	// Missing marks the categories that no record gave a value for: "not
	// reported", which is not 0. Nil means none.
	Missing []bool
}

func (s series) missing(i int) bool { return s.Missing != nil && s.Missing[i] }

// tally is a chart's numbers before they are drawn.
type tally struct {
	id     string
	title  string
	labels []string
	series []series
	// vertical draws columns (a time axis) instead of horizontal bars.
	vertical bool
	// panels draws one small bar chart per series, each on its own scale
	// (report figures range from a few cases to thousands of reviews).
	panels bool
	// multi is set when a record may count in several categories.
	multi bool
	// head names the category column of the table; "" for the default.
	head string
	// short are the labels drawn in the chart when they differ from the
	// table's (a partial year: the table says up to when).
	short []string
	// note ends the caption: how the figures were counted.
	note string
}

type statsFront struct {
	Title       string  `json:"title"`
	Description string  `json:"description,omitempty"`
	Layout      string  `json:"layout"`
	AsOf        string  `json:"asof"`
	Charts      []chart `json:"charts"`
}

// counter counts codes of one vocabulary in its term order; codes the
// vocabulary does not know are counted after the terms, sorted.
type counter struct {
	vocab *schema.Vocab
	n     map[string]int64
}

func newCounter(v *schema.Vocab) *counter { return &counter{vocab: v, n: map[string]int64{}} }

func (c *counter) add(code string) {
	if code != "" {
		c.n[code]++
	}
}

// rows returns the codes with a count, in vocabulary order, and the
// counts. Terms with no record are left out, so that a long vocabulary
// (regions) does not fill the chart with empty bars.
func (c *counter) rows() (codes []string, counts []int64) {
	seen := map[string]bool{}
	if c.vocab != nil {
		for _, t := range c.vocab.Terms {
			seen[t.Code] = true
			if n := c.n[t.Code]; n > 0 {
				codes = append(codes, t.Code)
				counts = append(counts, n)
			}
		}
	}
	var extra []string
	for code := range c.n {
		if !seen[code] {
			extra = append(extra, code)
		}
	}
	sort.Strings(extra)
	for _, code := range extra {
		codes = append(codes, code)
		counts = append(counts, c.n[code])
	}
	return codes, counts
}

// statMonths is how many months the registration chart covers.
const statMonths = 24

// months returns the statMonths months up to and including the month of
// asOf, oldest first, as YYYY-MM.
func months(asOf string) []string {
	y, err1 := strconv.Atoi(asOf[:min(4, len(asOf))])
	m, err2 := 0, error(nil)
	if len(asOf) >= 7 {
		m, err2 = strconv.Atoi(asOf[5:7])
	}
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return nil
	}
	out := make([]string, statMonths)
	for i := statMonths - 1; i >= 0; i-- {
		out[i] = fmt.Sprintf("%04d-%02d", y, m)
		if m--; m == 0 {
			m, y = 12, y-1
		}
	}
	return out
}

// tallies counts everything the statistics page shows.
func tallies(in Input, lang string) []tally {
	cat := in.Catalog
	label := func(ds, key string) string {
		if d := cat.Dataset(ds); d != nil {
			if f := d.Field(key); f != nil {
				return pick(lang, f.Zh, f.En)
			}
		}
		return key
	}
	dsTitle := func(ds string) string {
		if d := cat.Dataset(ds); d != nil {
			return pick(lang, d.Zh, d.En)
		}
		return ds
	}
	var out []tally

	// Registrations per month.
	ms := months(in.AsOf)
	monthIdx := make(map[string]int, len(ms))
	for i, m := range ms {
		monthIdx[m] = i
	}
	reg := tally{id: "registrations", title: in.Words.T(lang, "stats_registrations"), vertical: true}
	reg.labels = ms
	for _, ds := range cat.Datasets {
		if ds.Stats.Monthly == "" {
			continue
		}
		s := series{Name: pick(lang, ds.ItemZh, ds.ItemEn), Values: make([]int64, len(ms))}
		for _, r := range in.Records[ds.Name] {
			d := r.Str(ds.Stats.Monthly)
			if len(d) >= 7 {
				if i, ok := monthIdx[d[:7]]; ok {
					s.Values[i]++
				}
			}
		}
		reg.series = append(reg.series, s)
	}
	out = append(out, reg)

	// One bar chart per counted field.
	byField := func(id, ds, key, title string) tally {
		f := cat.Dataset(ds).Field(key)
		c := newCounter(cat.Vocab(f.Vocab))
		for _, r := range in.Records[ds] {
			if f.List {
				for _, code := range r.List(key) {
					c.add(code)
				}
			} else {
				c.add(r.Str(key))
			}
		}
		codes, counts := c.rows()
		t := tally{id: id, title: title, multi: f.List}
		for _, code := range codes {
			t.labels = append(t.labels, vocabLabel(cat, f.Vocab, code, lang))
		}
		t.series = []series{{Name: in.Words.T(lang, "stats_records"), Values: counts}}
		return t
	}
	by := func(ds, key string) string {
		return pick(lang, dsTitle(ds)+"：按"+label(ds, key), dsTitle(ds)+" by "+strings.ToLower(label(ds, key)))
	}
	byYear := func(id string, ds *schema.Dataset, key string) tally {
		n := map[string]int64{}
		for _, r := range in.Records[ds.Name] {
			if d := r.Str(key); len(d) >= 4 {
				n[d[:4]]++
			}
		}
		years := make([]string, 0, len(n))
		for y := range n {
			years = append(years, y)
		}
		sort.Strings(years)
		t := tally{id: id, title: pick(lang, dsTitle(ds.Name)+"：按"+label(ds.Name, key)+"年份", dsTitle(ds.Name)+" by year ("+strings.ToLower(label(ds.Name, key))+")"),
			head: in.Words.T(lang, "stats_year")}
		vals := make([]int64, len(years))
		for i, y := range years {
			vals[i] = n[y]
		}
		t.labels, t.short = yearLabels(in, years, lang)
		t.series = []series{{Name: in.Words.T(lang, "stats_records"), Values: vals}}
		return t
	}
	for _, ds := range cat.Datasets {
		for _, c := range ds.Stats.Counts {
			if c.Year {
				out = append(out, byYear(ds.Name+"-"+c.Chart, ds, c.Field))
				continue
			}
			out = append(out, byField(ds.Name+"-"+c.Chart, ds.Name, c.Field, by(ds.Name, c.Field)))
		}
	}
	for _, ds := range cat.Datasets {
		if len(ds.Stats.Sums) > 0 {
			out = append(out, sums(in, ds, lang, label)...)
		}
	}
	return out
}

// yearLabels names years in the table and in the chart; the year of the
// build date is partial, and both say so (the table up to when).
func yearLabels(in Input, years []string, lang string) (table, chart []string) {
	cur := in.AsOf[:min(4, len(in.AsOf))]
	for _, y := range years {
		t, c := schema.PeriodLabel(y, lang), schema.PeriodLabel(y, lang)
		if y == cur {
			t = in.Words.T(lang, "stats_partial", "year", c, "date", in.AsOf)
			c = in.Words.T(lang, "stats_partial_short", "year", c)
		}
		table, chart = append(table, t), append(chart, c)
	}
	return table, chart
}

// periodKind orders the kinds of reporting period: a year, a half year, a
// quarter, anything else.
func periodKind(p string) int {
	_, part, ok := strings.Cut(p, "-")
	switch {
	case !ok:
		return 0
	case strings.HasPrefix(part, "H"):
		return 1
	case strings.HasPrefix(part, "Q"):
		return 2
	}
	return 3
}

var periodKinds = []string{"stats_annual", "stats_half", "stats_quarter", "stats_other_period"}

// sums are a register's reports counted by year and kind of period, and
// their figures summed by year and by the values of its By field
// (schema.Stats). A body's year is counted once: its report for the year
// when it gave one, otherwise its half-year reports, otherwise its
// quarterly ones; never an annual report with the quarters of the same
// year. A figure that no counted report gave is "not reported", not 0.
func sums(in Input, ds *schema.Dataset, lang string, label func(ds, key string) string) []tally {
	cat := in.Catalog
	st := ds.Stats
	shown := st.Sums
	var out []tally

	// reports by year and kind of period
	type group struct {
		kind int
		recs []int
	}
	recs := in.Records[ds.Name]
	count := map[string][]int64{}
	groups := map[[2]string]*group{} // body, year
	var order [][2]string
	for i, r := range recs {
		p := r.Str(st.Period)
		y, k := p[:min(4, len(p))], periodKind(p)
		if count[y] == nil {
			count[y] = make([]int64, len(periodKinds))
		}
		count[y][k]++
		key := [2]string{r.Str(st.Body), y}
		g := groups[key]
		if g == nil {
			g = &group{kind: k}
			groups[key] = g
			order = append(order, key)
		}
		switch {
		case k < g.kind:
			g.kind, g.recs = k, []int{i}
		case k == g.kind:
			g.recs = append(g.recs, i)
		}
	}
	years := make([]string, 0, len(count))
	for y := range count {
		years = append(years, y)
	}
	sort.Strings(years)
	yl, ys := yearLabels(in, years, lang)
	rt := tally{id: ds.Name + "-count", title: in.Words.T(lang, "stats_reports_by_year", "reports", pick(lang, ds.Zh, ds.En)),
		head: in.Words.T(lang, "stats_year"), labels: yl, short: ys}
	for k, name := range periodKinds {
		s := series{Name: in.Words.T(lang, name), Values: make([]int64, len(years))}
		var n int64
		for i, y := range years {
			s.Values[i] = count[y][k]
			n += count[y][k]
		}
		if n > 0 {
			rt.series = append(rt.series, s)
		}
	}
	out = append(out, rt)

	// figures, each body's year once
	type acc struct {
		v     []int64
		given []bool
	}
	add := func(m map[string]*acc, k string, g *group) {
		a := m[k]
		if a == nil {
			a = &acc{v: make([]int64, len(shown)), given: make([]bool, len(shown))}
			m[k] = a
		}
		for _, i := range g.recs {
			for j, f := range shown {
				if v, ok := recs[i].Value(f); ok {
					a.v[j] += v.Int
					a.given[j] = true
				}
			}
		}
	}
	byYear, byBody := map[string]*acc{}, map[string]*acc{}
	for _, key := range order {
		g := groups[key]
		add(byYear, key[1], g)
		add(byBody, recs[g.recs[0]].Str(st.By), g)
	}
	sumTally := func(id, title, head string, keys, labels, short []string, m map[string]*acc) tally {
		t := tally{id: id, title: title, panels: true, head: head, labels: labels, short: short, note: in.Words.T(lang, "stats_sums_note")}
		for j, f := range shown {
			s := series{Name: label(ds.Name, f), Missing: make([]bool, len(keys))}
			for i, k := range keys {
				s.Values = append(s.Values, m[k].v[j])
				s.Missing[i] = !m[k].given[j]
			}
			t.series = append(t.series, s)
		}
		return t
	}
	out = append(out, sumTally(ds.Name+"-period", in.Words.T(lang, "stats_figures_by_year", "figures", pick(lang, st.FiguresZh, st.FiguresEn)), in.Words.T(lang, "stats_year"),
		years, yl, ys, byYear))
	byVocab := ds.Field(st.By).Vocab
	var bodies, bodyLabels []string
	if v := cat.Vocab(byVocab); v != nil {
		for _, t := range v.Terms {
			if byBody[t.Code] != nil {
				bodies = append(bodies, t.Code)
				bodyLabels = append(bodyLabels, vocabLabel(cat, byVocab, t.Code, lang))
			}
		}
	}
	byLabel := label(ds.Name, st.By)
	out = append(out, sumTally(ds.Name+"-"+st.ByChart, in.Words.T(lang, "stats_figures_by", "figures", pick(lang, st.FiguresZh, st.FiguresEn), "by", pick(lang, byLabel, strings.ToLower(byLabel))), byLabel,
		bodies, bodyLabels, nil, byBody))
	return out
}

// statsPage writes the statistics page of a language.
func statsPage(in Input, lang string) ([]byte, error) {
	front := statsFront{
		Title:       in.Words.T(lang, "stats_title"),
		Layout:      "statistics",
		AsOf:        in.AsOf,
		Description: in.Words.T(lang, "stats_description"),
	}
	for _, t := range tallies(in, lang) {
		front.Charts = append(front.Charts, t.chart(in.Words, lang))
	}
	return frontMatter(front)
}

// chart makes the display-ready figure: caption, SVG and table.
func (t tally) chart(w words.Words, lang string) chart {
	c := chart{ID: "chart-" + t.id, Title: t.title}
	var total int64
	for _, s := range t.series {
		for _, v := range s.Values {
			total += v
		}
	}
	c.Empty = total == 0 || len(t.labels) == 0
	head := w.T(lang, "stats_category")
	if t.vertical {
		head = w.T(lang, "stats_month")
	}
	if t.head != "" {
		head = t.head
	}
	c.Head = append(c.Head, head)
	for _, s := range t.series {
		c.Head = append(c.Head, s.Name)
	}
	c.Wide = len(c.Head) > 3
	for i, l := range t.labels {
		row := chartRow{Label: l}
		for _, s := range t.series {
			if s.missing(i) {
				row.Cells = append(row.Cells, w.T(lang, "stats_not_reported"))
				continue
			}
			row.Cells = append(row.Cells, formatInt(s.Values[i]))
		}
		c.Rows = append(c.Rows, row)
	}
	if len(t.series) == 1 {
		c.Caption = pick(lang, t.title+"。合计 "+formatInt(total)+"，数字见表格。", t.title+". Total "+formatInt(total)+"; the numbers are in the table.")
		if t.multi {
			c.Caption = pick(lang, t.title+"。一条记录可有多项，计入每一项，数字见表格。", t.title+". A record with several values counts once under each; the numbers are in the table.")
		}
	} else {
		c.Caption = pick(lang, t.title+"。数字见表格。", t.title+". The numbers are in the table.")
	}
	if t.vertical {
		c.Caption = pick(lang, t.title+"，按登记日期所在月份计。数字见表格。", t.title+", by the month of the registration date. The numbers are in the table.")
	}
	if t.note != "" {
		c.Caption += " " + t.note
	}
	if t.short != nil {
		t.labels = t.short
	}
	if !c.Empty {
		switch {
		case t.vertical:
			c.SVG = columnSVG(c.ID, t, lang)
		case t.panels:
			c.SVG = panelSVG(c.ID, t, w.T(lang, "stats_not_reported"))
		default:
			c.SVG = barSVG(c.ID, t)
		}
	}
	return c
}

// palette holds the series colours: each has at least 3:1 contrast with
// the white background (WCAG 1.4.11) and they differ in lightness, so
// they stay apart in grey; the legend and the table name every series.
var palette = [...]string{"#12365f", "#b3471d", "#2f7a3b", "#6a3d9a", "#8a6d00", "#0b6e8a", "#a01d5c", "#4a5260"}

// textWidth estimates the drawn width of s at font size px: CJK and other
// wide characters take a full em, others a little over half.
func textWidth(s string, px float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r) || r >= 0x3000:
			w += px
		case r == ' ' || r == '.' || r == ',':
			w += 0.3 * px
		default:
			w += 0.58 * px
		}
	}
	return w
}

const (
	svgWidth = 400.0
	fontPx   = 14.0
)

func svgOpen(b *strings.Builder, id string, w, h float64) {
	fmt.Fprintf(b, `<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-cap" focusable="false">`, num(w), num(h), id)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// legend draws the series names as swatches, one per line, and returns
// the height it took.
func legend(b *strings.Builder, ss []series, y float64) float64 {
	if len(ss) < 2 {
		return 0
	}
	for i, s := range ss {
		yy := y + float64(i)*(fontPx+6)
		fmt.Fprintf(b, `<rect x="0" y="%s" width="12" height="12" fill="%s"/>`, num(yy+2), palette[i%len(palette)])
		fmt.Fprintf(b, `<text x="18" y="%s" class="chart-text">%s</text>`, num(yy+fontPx-1), html.EscapeString(s.Name))
	}
	return float64(len(ss))*(fontPx+6) + 6
}

// barSVG draws horizontal bars: each category's label on its own line
// above its bars, so long Chinese labels need no truncation on a phone.
func barSVG(id string, t tally) string {
	var max int64
	for _, s := range t.series {
		for _, v := range s.Values {
			if v > max {
				max = v
			}
		}
	}
	if max == 0 {
		max = 1
	}
	const barH, gap = 12.0, 3.0
	labelH := fontPx + 6
	groupH := labelH + float64(len(t.series))*(barH+gap) + 8
	var body strings.Builder
	y := legend(&body, t.series, 0)
	valueRoom := textWidth(formatInt(max), fontPx) + 8
	scale := (svgWidth - valueRoom) / float64(max)
	for i, l := range t.labels {
		fmt.Fprintf(&body, `<text x="0" y="%s" class="chart-text">%s</text>`, num(y+fontPx), html.EscapeString(l))
		by := y + labelH
		for j, s := range t.series {
			v := s.Values[i]
			w := float64(v) * scale
			if v > 0 && w < 1 {
				w = 1
			}
			fmt.Fprintf(&body, `<rect x="0" y="%s" width="%s" height="%s" fill="%s"/>`, num(by), num(round1(w)), num(barH), palette[j%len(palette)])
			fmt.Fprintf(&body, `<text x="%s" y="%s" class="chart-num">%s</text>`, num(round1(w)+4), num(by+barH-1), formatInt(v))
			by += barH + gap
		}
		y += groupH
	}
	var b strings.Builder
	svgOpen(&b, id, svgWidth, round1(y))
	b.WriteString(body.String())
	b.WriteString("</svg>")
	return b.String()
}

// panelSVG draws one small horizontal bar chart per series, each scaled
// to its own largest value, with the category labels (years, body types)
// to the left of the bars.
func panelSVG(id string, t tally, notReported string) string {
	left := 0.0
	for _, l := range t.labels {
		left = max(left, textWidth(l, fontPx))
	}
	left += 8
	const rowH = 18.0
	var body strings.Builder
	y := 0.0
	for j, s := range t.series {
		var top int64 = 1
		for _, v := range s.Values {
			top = max(top, v)
		}
		fmt.Fprintf(&body, `<text x="0" y="%s" class="chart-text chart-head">%s</text>`, num(y+fontPx), html.EscapeString(s.Name))
		y += fontPx + 8
		scale := (svgWidth - left - textWidth(formatInt(top), fontPx) - 8) / float64(top)
		for i, l := range t.labels {
			v := s.Values[i]
			w := round1(float64(v) * scale)
			if v > 0 && w < 1 {
				w = 1
			}
			fmt.Fprintf(&body, `<text x="0" y="%s" class="chart-text">%s</text>`, num(y+fontPx-2), html.EscapeString(l))
			if s.missing(i) {
				// no bar: nothing was reported, which is not 0
				fmt.Fprintf(&body, `<text x="%s" y="%s" class="chart-num chart-missing">%s</text>`, num(round1(left)), num(y+fontPx-2), html.EscapeString(notReported))
				y += rowH
				continue
			}
			fmt.Fprintf(&body, `<rect x="%s" y="%s" width="%s" height="12" fill="%s"/>`, num(round1(left)), num(y+2), num(w), palette[j%len(palette)])
			fmt.Fprintf(&body, `<text x="%s" y="%s" class="chart-num">%s</text>`, num(round1(left+w+4)), num(y+fontPx-2), formatInt(v))
			y += rowH
		}
		y += 10
	}
	var b strings.Builder
	svgOpen(&b, id, svgWidth, round1(y))
	b.WriteString(body.String())
	b.WriteString("</svg>")
	return b.String()
}

// columnSVG draws columns over a time axis, series side by side in each
// month, with a label every sixth month and gridlines at round values.
func columnSVG(id string, t tally, lang string) string {
	var max int64
	for _, s := range t.series {
		for _, v := range s.Values {
			if v > max {
				max = v
			}
		}
	}
	step := niceStep(max)
	top := step * ((max + step - 1) / step)
	if top == 0 {
		top = step
	}
	var b strings.Builder
	var body strings.Builder
	ly := legend(&body, t.series, 0)
	left := textWidth(formatInt(top), fontPx) + 6
	plotTop := ly + 8
	plotH := 150.0
	bottom := plotTop + plotH
	plotW := svgWidth - left
	n := len(t.labels)
	slot := plotW / float64(n)
	barW := (slot - 2) / float64(len(t.series))
	for v := int64(0); v <= top; v += step {
		yy := bottom - float64(v)/float64(top)*plotH
		fmt.Fprintf(&body, `<line x1="%s" x2="%s" y1="%s" y2="%s" class="chart-grid"/>`, num(round1(left)), num(svgWidth), num(round1(yy)), num(round1(yy)))
		fmt.Fprintf(&body, `<text x="%s" y="%s" class="chart-num" text-anchor="end">%s</text>`, num(round1(left-4)), num(round1(yy+5)), formatInt(v))
	}
	for i, l := range t.labels {
		x := left + float64(i)*slot + 1
		for j, s := range t.series {
			h := float64(s.Values[i]) / float64(top) * plotH
			if s.Values[i] > 0 && h < 1 {
				h = 1
			}
			fmt.Fprintf(&body, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, num(round1(x+float64(j)*barW)), num(round1(bottom-h)), num(round1(barW)), num(round1(h)), palette[j%len(palette)])
		}
		// Every sixth month, counted back from the latest, so that the
		// last label (anchored at the right edge) never meets another.
		if (n-1-i)%6 == 0 {
			anchor := "middle"
			x += slot/2 - 1
			if i == n-1 {
				anchor = "end"
				x += slot / 2
			}
			fmt.Fprintf(&body, `<text x="%s" y="%s" class="chart-text" text-anchor="%s">%s</text>`, num(round1(x)), num(bottom+fontPx+4), anchor, html.EscapeString(l))
		}
	}
	fmt.Fprintf(&body, `<line x1="%s" x2="%s" y1="%s" y2="%s" class="chart-axis"/>`, num(round1(left)), num(svgWidth), num(bottom), num(bottom))
	svgOpen(&b, id, svgWidth, bottom+fontPx+8)
	b.WriteString(body.String())
	b.WriteString("</svg>")
	return b.String()
}

// niceStep is a gridline step of 1, 2 or 5 times a power of ten giving at
// most five lines.
func niceStep(max int64) int64 {
	step := int64(1)
	for {
		for _, m := range []int64{1, 2, 5} {
			if max <= step*m*5 {
				return step * m
			}
		}
		step *= 10
	}
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }
