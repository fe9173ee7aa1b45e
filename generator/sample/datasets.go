package sample

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"disclose/generator/schema"
)

// fields maps a dataset's keys to their column index.
func fields(d *schema.Dataset) func(r row, key string, v any) {
	idx := make(map[string]int, len(d.Fields))
	for i, f := range d.Fields {
		idx[f.Key] = i
	}
	return func(r row, key string, v any) {
		i, ok := idx[key]
		if !ok {
			panic("sample: no field " + key + " in " + d.Name)
		}
		r[i] = v
	}
}

func get(d *schema.Dataset, r row, key string) any {
	for i, f := range d.Fields {
		if f.Key == key {
			return r[i]
		}
	}
	return nil
}

// seq numbers records per (region, year) in date order.
type seq map[string]int

func (s seq) next(region string, year int) int {
	k := fmt.Sprintf("%s/%d", region, year)
	s[k]++
	return s[k]
}

func (g *gen) committees(n int) error {
	d := g.cat.Dataset("committees")
	per := g.spread(n)
	numbers := seq{}
	for bi, b := range g.plan(d.Name, per) {
		var rows []row
		for _, ri := range b.regions {
			rows = append(rows, g.committeeRows(d, ri, per[ri], numbers)...)
		}
		var extra *extraSheets
		if bi == 0 {
			extra = &extraSheets{column: "备注2", value: func(row) any {
				switch {
				case g.chance(0.05):
					return "经办人手机" + mobile(g.r)
				case g.chance(0.3):
					return pick(g, []string{"材料齐全", "待补充章程", "已核验", "原件已归档"})
				}
				return nil
			}}
		}
		if err := g.write(b.path, d, rows, extra); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) committeeRows(d *schema.Dataset, ri, n int, numbers seq) []row {
	set := fields(d)
	p := g.places[ri]
	type draft struct {
		r   row
		reg time.Time
		in  *inst
	}
	drafts := make([]draft, n)
	for i := range drafts {
		in := g.institution(ri, "")
		r := make(row, len(d.Fields))
		reg := g.day(g.start, g.asOf.AddDate(0, 0, -7))
		name := in.name + pick(g, []string{"科技伦理委员会", "科技伦理委员会", "科技伦理（审查）委员会", "伦理审查委员会"})
		if in.kind == "medical" && g.chance(0.7) {
			name = in.name + "医学伦理委员会"
		}
		set(r, "name", name)
		set(r, "institution", in.name)
		if g.chance(0.85) {
			set(r, "credit_code", in.credit)
		}
		set(r, "institution_type", in.kind)
		set(r, "region", p.code)
		set(r, "fields", g.committeeFields(in.kind))
		if g.chance(0.8) {
			est := reg.AddDate(0, 0, -g.intn(1500))
			set(r, "established_on", est)
		}
		set(r, "registered_on", reg)
		set(r, "status", []string{"active", "suspended", "revoked", "deregistered"}[g.weighted([]float64{88, 5, 3, 4})])
		if g.chance(0.9) {
			set(r, "members", 7+g.intn(19))
		}
		chair := ""
		if g.chance(0.85) {
			chair = g.person()
			set(r, "chair", chair)
		}
		if g.chance(0.9) {
			set(r, "contact_phone", g.officePhone(p))
		}
		if g.chance(0.8) {
			set(r, "contact_email", g.officeEmail(in, p))
		}
		if g.chance(0.1) {
			var units []string
			for range 1 + g.intn(3) {
				if u := g.institution(ri, ""); u != in && !contains(units, u.name) {
					units = append(units, u.name)
				}
			}
			if len(units) > 0 {
				set(r, "entrusting_units", units)
			}
		}
		if g.chance(0.3) {
			set(r, "notes", g.committeeNote(chair, in))
		}
		set(r, "publish", !g.chance(0.03))
		drafts[i] = draft{r, reg, in}
	}
	sort.SliceStable(drafts, func(a, b int) bool { return drafts[a].reg.Before(drafts[b].reg) })
	rows := make([]row, n)
	for i, dr := range drafts {
		y := dr.reg.Year()
		k := numbers.next(p.code, y)
		var id string
		switch ri % 4 {
		case 0:
			id = fmt.Sprintf("KJLL-%s-%d-%04d", p.code, y, k)
		case 1:
			id = fmt.Sprintf("%s科伦登〔%d〕%d号", p.abbr, y, k)
		case 2:
			id = fmt.Sprintf("%s/%d/%04d", p.iso, y, k)
		default:
			id = fmt.Sprintf("%s卫伦审字(%d)第%d号", p.abbr, y, k)
		}
		set(dr.r, "id", id)
		c := &committee{id: id, region: ri, registered: dr.reg, inst: dr.in}
		g.comms = append(g.comms, c)
		g.commByRegion[ri] = append(g.commByRegion[ri], c)
		rows[i] = dr.r
	}
	return rows
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (g *gen) committeeFields(kind string) []string {
	switch kind {
	case "medical":
		if g.chance(0.4) {
			return []string{"medicine", "life_sciences"}
		}
		return []string{"medicine"}
	case "enterprise":
		return []string{pick(g, []string{"ai", "life_sciences", "medicine"})}
	case "research_institute":
		if g.chance(0.3) {
			return []string{"life_sciences", "ai"}
		}
		return []string{pick(g, []string{"life_sciences", "ai"})}
	case "other":
		return []string{pick(g, []string{"life_sciences", "other"})}
	}
	all := []string{"life_sciences", "medicine", "ai"}
	start := g.intn(3)
	n := 1 + g.intn(3)
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, all[(start+i)%3])
	}
	return out
}

// officePhone is an institutional switchboard number of the region.
func (g *gen) officePhone(p place) string {
	switch p.code {
	case "810000", "820000":
		return fmt.Sprintf("(%s) 2%03d %04d", p.area, g.intn(1000), g.intn(10000))
	case "710000":
		return fmt.Sprintf("+%s-2%03d-%04d", p.area, g.intn(1000), g.intn(10000))
	}
	local := fmt.Sprintf("8%07d", g.intn(10000000))
	if len(p.area) == 3 {
		local = fmt.Sprintf("6%07d", g.intn(10000000))
	}
	return p.area + "-" + local
}

func (g *gen) officeEmail(in *inst, p place) string {
	host := strings.ToLower(p.iso)
	for range 3 {
		host += string(letters[g.intn(len(letters))])
	}
	suffix := map[string]string{"university": ".edu.cn", "research_institute": ".ac.cn", "enterprise": ".com.cn"}[in.kind]
	if suffix == "" {
		suffix = ".org.cn"
	}
	return pick(g, []string{"ethics", "kjll", "llwyh", "irb"}) + "@" + host + suffix
}

func (g *gen) committeeNote(chair string, in *inst) string {
	var parts []string
	if chair != "" && g.chance(0.5) {
		parts = append(parts, fmt.Sprintf("本委员会于%d年换届，主任委员%s。", g.asOf.Year()-1-g.intn(4), chair))
	}
	parts = append(parts, pick(g, []string{
		"委员中包括法律、伦理学专家及社区代表。",
		"已建立跟踪审查和紧急会议审查制度。",
		"审查范围包括本单位及受委托单位开展的科技活动。",
		"按季度向主管部门报送审查工作情况。",
	}))
	if g.chance(0.15) {
		parts = append(parts, fmt.Sprintf("联系人：%s，手机%s。", g.person(), mobile(g.r)))
	}
	if g.chance(0.05) {
		parts = append(parts, fmt.Sprintf("秘书邮箱%d@qq.com。", 100000000+g.intn(900000000)))
	}
	return strings.Join(parts, "")
}

var categoryField = map[string][]string{
	"new_species":          {"life_sciences"},
	"stem_cell_chimera":    {"life_sciences", "medicine"},
	"germline_editing":     {"life_sciences"},
	"invasive_bci":         {"medicine"},
	"human_machine_fusion": {"ai", "medicine"},
	"opinion_algorithm":    {"ai"},
	"autonomous_decision":  {"ai"},
	"other":                {"life_sciences", "medicine", "ai", "other"},
}

// activityTitles holds Chinese and English titles per category.
var activityTitles = map[string][][2]string{
	"new_species":          {{"人工合成酵母染色体的功能研究", "Functional study of synthetic yeast chromosomes"}, {"工程化微生物固碳新物种构建研究", "Construction of engineered carbon-fixing microbial species"}},
	"stem_cell_chimera":    {{"人源干细胞在猪胚胎中的嵌合发育研究", "Chimeric development of human stem cells in pig embryos"}, {"人-猴嵌合胚胎器官发生研究", "Organogenesis in human-monkey chimeric embryos"}},
	"germline_editing":     {{"人类早期胚胎基因调控机制基础研究", "Basic research on gene regulation in early human embryos"}, {"人类配子发生中表观遗传重编程研究", "Epigenetic reprogramming in human gametogenesis"}},
	"invasive_bci":         {{"侵入式脑机接口治疗难治性癫痫的临床研究", "Clinical study of an invasive brain-computer interface for refractory epilepsy"}, {"植入式脑机接口改善重度抑郁症的临床研究", "Implanted brain-computer interface for severe depression"}, {"脑深部电刺激联合脑机接口治疗帕金森病研究", "Deep brain stimulation with a brain-computer interface for Parkinson's disease"}},
	"human_machine_fusion": {{"面向康复训练的外骨骼人机融合系统研发", "Human-machine fusion exoskeleton for rehabilitation"}, {"情绪感知型陪护机器人研发", "Emotion-aware companion robot"}},
	"opinion_algorithm":    {{"新闻资讯个性化推荐算法研发", "Personalised news recommendation algorithm"}, {"生成式对话大模型公共服务应用研发", "Generative dialogue model for public services"}},
	"autonomous_decision":  {{"城市道路自动驾驶决策系统研发", "Automated driving decision system for urban roads"}, {"重症监护辅助决策系统研发", "Decision support system for intensive care"}, {"智能分诊自动化决策系统研发", "Automated triage decision system"}},
	"other":                {{"基于大规模人群队列的遗传资源研究", "Genetic resource study on a large population cohort"}, {"人体器官芯片药物评价研究", "Drug evaluation on human organ-on-chip models"}},
}

func (g *gen) activities(n int) error {
	d := g.cat.Dataset("activities")
	per := g.spread(n)
	numbers := seq{}
	for bi, b := range g.plan(d.Name, per) {
		var rows []row
		for _, ri := range b.regions {
			rows = append(rows, g.activityRows(d, ri, per[ri], numbers)...)
		}
		var extra *extraSheets
		if bi == 0 {
			extra = &extraSheets{hidden: g.contactSheet(d, rows)}
		}
		if err := g.write(b.path, d, rows, extra); err != nil {
			return err
		}
	}
	return nil
}

// contactSheet is the kind of personal list that ends up on a hidden sheet.
func (g *gen) contactSheet(d *schema.Dataset, rows []row) [][]any {
	out := [][]any{{"姓名", "身份证号", "手机号", "项目"}}
	for _, r := range rows {
		lead, _ := get(d, r, "lead").(string)
		if lead == "" {
			continue
		}
		id, _ := get(d, r, "lead_id_number").(string)
		if id == "" {
			id = residentID(g.r, "110000")
		}
		out = append(out, []any{lead, id, mobile(g.r), get(d, r, "title")})
		if len(out) > 12 {
			break
		}
	}
	return out
}

func (g *gen) activityRows(d *schema.Dataset, ri, n int, numbers seq) []row {
	set := fields(d)
	p := g.places[ri]
	cats := []string{"new_species", "stem_cell_chimera", "germline_editing", "invasive_bci", "human_machine_fusion", "opinion_algorithm", "autonomous_decision", "other"}
	type draft struct {
		r   row
		reg time.Time
	}
	drafts := make([]draft, n)
	for i := range drafts {
		r := make(row, len(d.Fields))
		var c *committee
		if local := g.commByRegion[ri]; len(local) > 0 && g.chance(0.9) {
			c = pick(g, local)
		} else {
			c = pick(g, g.comms)
		}
		unit := c.inst
		if unit.region != ri || g.chance(0.3) {
			unit = g.institution(ri, "")
		}
		cat := cats[g.weighted([]float64{3, 6, 4, 18, 14, 20, 25, 10})]
		t := pick(g, activityTitles[cat])
		set(r, "title", t[0])
		if g.chance(0.4) {
			set(r, "title_en", t[1])
		}
		set(r, "unit", unit.name)
		if g.chance(0.8) {
			set(r, "unit_credit_code", unit.credit)
		}
		set(r, "region", p.code)
		lead := ""
		if g.chance(0.85) {
			lead = g.person()
			set(r, "lead", lead)
			if g.chance(0.5) {
				set(r, "lead_id_number", residentID(g.r, p.code))
			}
			if g.chance(0.5) {
				set(r, "lead_phone", mobile(g.r))
			}
		}
		set(r, "field", pick(g, categoryField[cat]))
		set(r, "category", cat)
		set(r, "committee_id", c.id)
		approved := g.day(c.registered, g.asOf.AddDate(0, 0, -3))
		set(r, "approved_on", approved)
		result := []string{"approved", "conditional", "rejected", "pending"}[g.weighted([]float64{65, 15, 5, 15})]
		set(r, "rereview_result", result)
		after := approved
		if result != "pending" && g.chance(0.85) {
			after = g.day(approved, minTime(approved.AddDate(0, 0, 45), g.asOf))
			set(r, "rereview_on", after)
		}
		reg := g.day(after, minTime(after.AddDate(0, 0, 60), g.asOf))
		set(r, "registered_on", reg)
		status := "ongoing"
		if g.chance(0.8) {
			start := g.day(approved, approved.AddDate(0, 0, 90))
			end := start.AddDate(1+g.intn(4), g.intn(12), 1+g.intn(27))
			set(r, "start_on", start)
			set(r, "end_on", end)
			if !end.After(g.asOf) {
				status = "completed"
				if g.chance(0.1) {
					status = "terminated"
				}
			} else if g.chance(0.08) {
				status = "suspended"
			}
		}
		if result == "rejected" {
			status = "terminated"
		}
		set(r, "status", status)
		if g.chance(0.15) {
			set(r, "international", true)
			var cs []string
			for range 1 + g.intn(3) {
				if c := pick(g, countries); !contains(cs, c) {
					cs = append(cs, c)
				}
			}
			set(r, "partner_countries", cs)
		} else if g.chance(0.6) {
			set(r, "international", false)
		}
		if g.chance(0.7) {
			set(r, "funding", g.funding(p))
		}
		if g.chance(0.75) {
			set(r, "summary", g.activitySummary(unit, lead, p))
		}
		set(r, "publish", !g.chance(0.04))
		drafts[i] = draft{r, reg}
	}
	sort.SliceStable(drafts, func(a, b int) bool { return drafts[a].reg.Before(drafts[b].reg) })
	rows := make([]row, n)
	for i, dr := range drafts {
		y := dr.reg.Year()
		k := numbers.next(p.code, y)
		var id string
		switch ri % 3 {
		case 0:
			id = fmt.Sprintf("GFX-%s-%d-%05d", p.code, y, k)
		case 1:
			id = fmt.Sprintf("%s科高风险登〔%d〕%d号", p.abbr, y, k)
		default:
			id = fmt.Sprintf("%s-HR-%d%04d", p.iso, y, k)
		}
		set(dr.r, "id", id)
		rows[i] = dr.r
	}
	return rows
}

func (g *gen) funding(p place) string {
	switch g.intn(5) {
	case 0:
		return fmt.Sprintf("国家自然科学基金（%d%06d）", 81+g.intn(2), g.intn(1000000))
	case 1:
		return fmt.Sprintf("国家重点研发计划（%dYF%s%07d）", 2019+g.intn(5), pick(g, []string{"A", "C", "B"}), g.intn(10000000))
	case 2:
		return p.short + "省级科技计划项目"
	case 3:
		return "企业自筹"
	}
	return "单位自筹"
}

func (g *gen) activitySummary(unit *inst, lead string, p place) string {
	var b strings.Builder
	fmt.Fprintf(&b, "本项目由%s承担，", unit.name)
	b.WriteString(pick(g, []string{
		fmt.Sprintf("拟纳入受试者%d例，评估干预措施的安全性与有效性。", 10+g.intn(300)),
		"在伦理审查批准范围内开展研究，并接受跟踪审查。",
		"研究数据经去标识化处理后集中存储，访问实行分级授权。",
		"已制定风险评估和应急处置预案。",
	}))
	if lead != "" && g.chance(0.5) {
		fmt.Fprintf(&b, "项目负责人%s负责知情同意和风险处置。", lead)
		switch {
		case g.chance(0.06):
			fmt.Fprintf(&b, "负责人身份证号：%s。", g.messyID(p))
		case g.chance(0.08):
			fmt.Fprintf(&b, "联系电话%s。", mobile(g.r))
		case g.chance(0.04):
			fmt.Fprintf(&b, "联系邮箱：%s%d@163.com。", pick(g, []string{"lab", "bio", "med", "ai"}), 1960+g.intn(40))
		}
	}
	return b.String()
}

// messyID writes an invented identity number as people paste it into text:
// plain, in groups, or in full-width digits.
func (g *gen) messyID(p place) string {
	id := residentID(g.r, p.code)
	switch g.intn(3) {
	case 0:
		return spaced(id)
	case 1:
		return fullWidth(id)
	}
	return id
}

var violationText = map[string][2]string{
	"no_review":              {"未经伦理审查开展研究", "未按规定提交伦理审查即招募受试者并开展研究"},
	"beyond_approval":        {"超出审查批准范围开展研究", "擅自扩大研究对象范围，超出伦理审查批准内容开展研究"},
	"consent":                {"未充分履行知情同意程序", "未向受试者充分告知研究风险，部分知情同意书由他人代签"},
	"privacy":                {"泄露受试者个人信息", "将含有受试者个人信息的数据传输至未经授权的第三方"},
	"falsified_review":       {"伪造伦理审查材料", "伪造伦理委员会审查批件并用于项目申报"},
	"animal_welfare":         {"违规使用实验动物", "未按规定落实实验动物福利和使用管理要求"},
	"unregistered_high_risk": {"高风险科技活动未登记", "开展清单内高风险科技活动未进行专家复核和登记"},
	"funding_violation":      {"资助违反伦理要求的活动", "对明显违反伦理要求的项目予以经费资助"},
	"other":                  {"违反科技伦理规范", "在科技活动中存在其他违反科技伦理规范的行为"},
}

func (g *gen) cases(n int) error {
	d := g.cat.Dataset("cases")
	per := g.spread(n)
	numbers := seq{}
	for bi, b := range g.plan(d.Name, per) {
		var rows []row
		for _, ri := range b.regions {
			rows = append(rows, g.caseRows(d, ri, per[ri], numbers)...)
		}
		var extra *extraSheets
		if bi == 0 {
			extra = &extraSheets{column: "身份证复印件", olderSheet: "历年案件", value: func(r row) any {
				ps, _ := get(d, r, "persons").([]string)
				switch {
				case len(ps) > 0 && g.chance(0.3):
					return ps[0] + "身份证.jpg"
				case g.chance(0.3):
					return "已提供"
				}
				return nil
			}}
			if len(rows) >= 12 {
				// The oldest cases go to a tab of their own.
				sort.SliceStable(rows, func(i, j int) bool {
					return get(d, rows[i], "closed_on").(time.Time).Before(get(d, rows[j], "closed_on").(time.Time))
				})
				k := min(len(rows)/3, 500)
				extra.older, rows = rows[:k], rows[k:]
			}
		}
		if err := g.write(b.path, d, rows, extra); err != nil {
			return err
		}
	}
	return nil
}

// authority is the provincial science department of a region.
func (g *gen) authority(ri int) string {
	name := g.regionZh(ri)
	switch g.places[ri].code {
	case "110000", "310000":
		return name + "科学技术委员会"
	case "120000", "500000":
		return name + "科学技术局"
	case "710000", "810000", "820000":
		return name + "科技伦理委员会"
	}
	return name + "科学技术厅"
}

func (g *gen) caseRows(d *schema.Dataset, ri, n int, numbers seq) []row {
	set := fields(d)
	p := g.places[ri]
	vt := []string{"no_review", "beyond_approval", "consent", "privacy", "falsified_review", "animal_welfare", "unregistered_high_risk", "funding_violation", "other"}
	pens := []string{"correction", "stop", "recover_funds", "revoke_awards", "cancel_qualification", "funding_ban", "disciplinary", "criminal_referral", "other"}
	type draft struct {
		r      row
		closed time.Time
	}
	drafts := make([]draft, n)
	for i := range drafts {
		r := make(row, len(d.Fields))
		unit := g.institution(ri, "")
		set(r, "region", p.code)
		set(r, "unit", unit.name)
		if g.chance(0.8) {
			set(r, "unit_credit_code", unit.credit)
		}
		var persons []string
		if g.chance(0.8) {
			for range 1 + g.intn(3) {
				if name := g.person(); !contains(persons, name) {
					persons = append(persons, name)
				}
			}
			set(r, "persons", persons)
			if g.chance(0.5) {
				ids := make([]string, len(persons))
				for k := range persons {
					ids[k] = residentID(g.r, p.code)
				}
				set(r, "person_id_numbers", strings.Join(ids, pick(g, []string{"；", "\n", ";"})))
			}
		}
		set(r, "investigated_by", pick(g, []string{g.authority(ri), g.authority(ri), g.regionZh(ri) + "卫生健康委员会", unit.name}))
		class := g.weighted([]float64{75, 6, 8, 5, 6}) // normal, embargoed, expired, withdrawn, not public
		var closed time.Time
		if class == 2 {
			closed = g.day(g.start, g.start.AddDate(1, 0, 0))
		} else {
			closed = g.day(g.start.AddDate(0, 6, 0), g.asOf.AddDate(0, 0, -1))
		}
		if class == 1 {
			closed = g.day(g.asOf.AddDate(0, -3, 0), g.asOf.AddDate(0, 0, -1))
		}
		if g.chance(0.85) {
			set(r, "opened_on", closed.AddDate(0, 0, -30-g.intn(400)))
		}
		set(r, "closed_on", closed)
		types := g.distinct(vt, []float64{30, 15, 15, 10, 8, 6, 8, 3, 5}, 1+g.weighted([]float64{60, 30, 10}))
		set(r, "violation_types", types)
		penalties := g.distinct(pens, []float64{30, 20, 12, 5, 6, 12, 12, 1, 2}, 1+g.weighted([]float64{40, 40, 20}))
		set(r, "penalties", penalties)
		if contains(penalties, "funding_ban") && g.chance(0.9) {
			set(r, "ban_years", 1+g.intn(5))
		}
		set(r, "facts", g.facts(unit, persons, types, p))
		set(r, "title", unit.name+violationText[types[0]][0]+"案")
		if g.chance(0.85) {
			y := closed.Year()
			set(r, "document_no", pick(g, []string{
				fmt.Sprintf("国科金监处〔%d〕%d号", y, 1+g.intn(200)),
				fmt.Sprintf("%s科伦处〔%d〕%d号", p.abbr, y, 1+g.intn(80)),
				fmt.Sprintf("%s卫科教发〔%d〕%d号", p.abbr, y, 1+g.intn(120)),
				fmt.Sprintf("%s科监字〔%d〕第%d号", p.abbr, y, 1+g.intn(60)),
			}))
		}
		if g.chance(0.7) {
			set(r, "legal_basis", pick(g, []string{
				"《科技伦理审查办法（试行）》第四十七条",
				"《涉及人的生命科学和医学研究伦理审查办法》第四十五条",
				"《关于加强科技伦理治理的意见》",
				"《中华人民共和国科学技术进步法》第一百一十二条",
			}))
		}
		if g.chance(0.1) {
			set(r, "typical", true)
		} else if g.chance(0.5) {
			set(r, "typical", false)
		}
		switch class {
		case 0:
			if g.chance(0.5) {
				set(r, "publish_from", g.day(closed, minTime(closed.AddDate(0, 0, 20), g.asOf)))
			}
			if g.chance(0.1) {
				set(r, "publish_until", closed.AddDate(5, 0, 0))
			}
		case 1:
			set(r, "publish_from", g.asOf.AddDate(0, 0, 7+g.intn(180)))
		case 2:
			from := closed.AddDate(0, 0, 5)
			set(r, "publish_from", from)
			set(r, "publish_until", from.AddDate(1+g.intn(3), 0, 0))
		case 3:
			from := closed.AddDate(0, 0, 3)
			if from.After(g.asOf) {
				from = closed
			}
			set(r, "publish_from", from)
			set(r, "withdrawn_on", g.day(from, g.asOf))
			set(r, "withdrawal_reason", pick(g, []string{"处理决定经行政复议撤销", "发现事实认定有误，重新调查", "当事人申诉成立"}))
		case 4:
			set(r, "publish", false)
		}
		if class != 4 && g.chance(0.5) {
			set(r, "publish", true)
		}
		drafts[i] = draft{r, closed}
	}
	sort.SliceStable(drafts, func(a, b int) bool { return drafts[a].closed.Before(drafts[b].closed) })
	rows := make([]row, n)
	for i, dr := range drafts {
		y := dr.closed.Year()
		k := numbers.next(p.code, y)
		var id string
		switch ri % 3 {
		case 0:
			id = fmt.Sprintf("%s科伦案〔%d〕%d号", p.abbr, y, k)
		case 1:
			id = fmt.Sprintf("CASE-%s-%d-%04d", p.code, y, k)
		default:
			id = fmt.Sprintf("%sAJ%d%03d", p.iso, y, k)
		}
		set(dr.r, "id", id)
		rows[i] = dr.r
	}
	return rows
}

// distinct picks k different codes by weight, in list order.
func (g *gen) distinct(codes []string, w []float64, k int) []string {
	w = append([]float64(nil), w...)
	chosen := make([]bool, len(codes))
	for range k {
		i := g.weighted(w)
		chosen[i] = true
		w[i] = 0
	}
	var out []string
	for i, c := range codes {
		if chosen[i] {
			out = append(out, c)
		}
	}
	return out
}

func (g *gen) facts(unit *inst, persons, types []string, p place) string {
	var b strings.Builder
	fmt.Fprintf(&b, "经查，%s在开展相关科技活动过程中，%s。", unit.name, violationText[types[0]][1])
	for _, t := range types[1:] {
		fmt.Fprintf(&b, "此外，%s。", violationText[t][1])
	}
	if len(persons) > 0 {
		fmt.Fprintf(&b, "%s作为项目负责人，对上述问题负有直接责任", persons[0])
		if g.chance(0.08) {
			fmt.Fprintf(&b, "（身份证号%s）", g.messyID(p))
		}
		b.WriteString("。")
		if len(persons) > 1 {
			fmt.Fprintf(&b, "%s等人参与了相关工作。", strings.Join(persons[1:], "、"))
		}
		switch {
		case g.chance(0.06):
			fmt.Fprintf(&b, "举报人联系电话%s。", mobile(g.r))
		case g.chance(0.04):
			fmt.Fprintf(&b, "当事人邮箱%d@qq.com。", 100000000+g.intn(900000000))
		}
	}
	b.WriteString(pick(g, []string{"", "调查组调阅了伦理审查档案并约谈相关人员。", "涉事单位已完成整改并提交整改报告。"}))
	return b.String()
}
