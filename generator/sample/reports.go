package sample

import (
	"fmt"
	"sort"
	"time"
)

// reportBody is a body that files supervision reports.
type reportBody struct {
	name   string
	tier   int // 0 industry authority, 1 province, 2 city or district, 3 zone
	region int // -1 for industry authorities
}

func (g *gen) reportBodies() []reportBody {
	var out []reportBody
	for _, x := range industryBodies {
		out = append(out, reportBody{x + "行业科技伦理监管办公室", 0, -1})
	}
	for ri := range g.places {
		out = append(out, reportBody{g.authority(ri), 1, ri})
	}
	municipal := map[string]bool{"110000": true, "120000": true, "310000": true, "500000": true}
	for ri, p := range g.places {
		switch p.code {
		case "710000", "810000", "820000":
			continue
		}
		for _, c := range p.cities {
			switch {
			case c == p.short:
				continue
			case municipal[p.code]:
				out = append(out, reportBody{c + "区科学技术局", 2, ri})
			default:
				out = append(out, reportBody{c + "市科学技术局", 2, ri})
			}
		}
	}
	for ri, p := range g.places {
		switch p.code {
		case "710000", "810000", "820000":
			continue
		}
		for _, c := range p.cities {
			for _, z := range zones {
				out = append(out, reportBody{c + z + "科技局", 3, ri})
			}
		}
	}
	return out
}

// period is a reporting period: its canonical form and its last day.
type period struct {
	code string
	end  time.Time
}

// periods lists the periods that ended before the as-of date, newest year
// first, going back as many years as asked.
func (g *gen) periods(years int) []period {
	var out []period
	last := g.asOf.AddDate(0, 0, -15)
	for y := g.asOf.Year(); y > g.asOf.Year()-years; y-- {
		day := func(m time.Month) time.Time { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC) }
		for _, p := range []period{
			{fmt.Sprint(y), day(12)},
			{fmt.Sprintf("%d-H1", y), day(6)}, {fmt.Sprintf("%d-H2", y), day(12)},
			{fmt.Sprintf("%d-Q1", y), day(3)}, {fmt.Sprintf("%d-Q2", y), day(6)},
			{fmt.Sprintf("%d-Q3", y), day(9)}, {fmt.Sprintf("%d-Q4", y), day(12)},
		} {
			if p.end.Before(last) {
				out = append(out, p)
			}
		}
	}
	return out
}

func (g *gen) reports(n int) error {
	d := g.cat.Dataset("reports")
	set := fields(d)
	bodies := g.reportBodies()
	years := 6
	for len(bodies)*len(g.periods(years)) < n {
		years++
	}
	periods := g.periods(years)
	// Each (body, period) pair files at most one report: draw pairs without
	// replacement, provinces and departments first, then cities, then zones.
	type pair struct{ b, p int }
	var chosen []pair
	for _, tiers := range [][2]int{{0, 1}, {2, 2}, {3, 3}} {
		if len(chosen) >= n {
			break
		}
		var pairs []pair
		for bi, b := range bodies {
			if b.tier < tiers[0] || b.tier > tiers[1] {
				continue
			}
			for pi := range periods {
				pairs = append(pairs, pair{bi, pi})
			}
		}
		g.r.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
		chosen = append(chosen, pairs[:min(len(pairs), n-len(chosen))]...)
	}
	sort.Slice(chosen, func(i, j int) bool {
		if chosen[i].b != chosen[j].b {
			return chosen[i].b < chosen[j].b
		}
		return periods[chosen[i].p].end.Before(periods[chosen[j].p].end)
	})
	numbers := seq{}
	groups := map[string][]row{}
	for _, c := range chosen {
		b, p := bodies[c.b], periods[c.p]
		r := make(row, len(d.Fields))
		set(r, "body", b.name)
		submitted := minTime(p.end.AddDate(0, 0, 5+g.intn(55)), g.asOf)
		if b.tier == 0 {
			set(r, "body_type", "industry_authority")
			if g.chance(0.3) {
				set(r, "region", "000000")
			}
		} else {
			set(r, "body_type", "locality")
			set(r, "region", g.places[b.region].code)
		}
		set(r, "period", p.code)
		set(r, "submitted_on", submitted)
		if !g.chance(0.15) {
			y := submitted.Year()
			if b.tier == 0 {
				set(r, "id", fmt.Sprintf("HYBG-%s-%03d", p.code, c.b+1))
			} else {
				pl := g.places[b.region]
				set(r, "id", fmt.Sprintf("%s科伦报〔%d〕%d号", pl.abbr, y, numbers.next(pl.code, y)))
			}
		}
		scale := []int{60, 120, 20, 4}[b.tier]
		if b.tier == 3 && g.chance(0.15) {
			set(r, "nothing_to_report", true)
		} else {
			if g.chance(0.3) {
				set(r, "nothing_to_report", false)
			}
			opened := g.intn(scale/10 + 2)
			counts := map[string]int{
				"committees_supervised": 1 + g.intn(scale),
				"reviews":               g.intn(scale * 20),
				"high_risk_registered":  g.intn(scale/2 + 1),
				"rereviews":             g.intn(scale/3 + 1),
				"cases_opened":          opened,
				"cases_closed":          g.intn(opened + 1),
				"trainings":             g.intn(scale/2 + 2),
				"trainees":              g.intn(scale * 60),
				"publicity_events":      g.intn(scale/3 + 2),
			}
			for _, f := range d.Fields {
				if v, ok := counts[f.Key]; ok && g.chance(0.9) {
					set(r, f.Key, v)
				}
			}
			if g.chance(0.6) {
				s := fmt.Sprintf("本期共组织开展伦理审查%d项，专家复核%d项，立案%d件、办结%d件；开展科技伦理培训%d场次。",
					counts["reviews"], counts["rereviews"], counts["cases_opened"], counts["cases_closed"], counts["trainings"])
				switch {
				case g.chance(0.08):
					s += fmt.Sprintf("联系人：%s，电话%s。", g.person(), mobile(g.r))
				case g.chance(0.03):
					s += fmt.Sprintf("材料报送邮箱%d@qq.com。", 100000000+g.intn(900000000))
				}
				set(r, "summary", s)
			}
		}
		var path string
		switch {
		case n < 100:
			path = "reports.xlsx"
		case b.tier == 0:
			path = "reports/行业主管部门.xlsx"
		case b.tier == 1:
			path = "reports/省级.xlsx"
		default:
			path = "reports/市县.xlsx"
		}
		groups[path] = append(groups[path], r)
	}
	paths := make([]string, 0, len(groups))
	for p := range groups {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := g.write(p, d, groups[p], nil); err != nil {
			return err
		}
	}
	return nil
}
