package person

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// names returns the names of spans, checking that each span holds its
// name's characters.
func spanNames(t *testing.T, text string, spans []Span) []string {
	t.Helper()
	var out []string
	for _, sp := range spans {
		if got := strings.Map(func(r rune) rune {
			if isDot(r) || r == '.' {
				return '·'
			}
			return r
		}, text[sp.Start:sp.End]); got != sp.Name {
			t.Errorf("Find(%q): span [%d:%d] holds %q, not its name %q", text, sp.Start, sp.End, text[sp.Start:sp.End], sp.Name)
		}
		out = append(out, sp.Name)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"role before", "项目负责人陈测东擅自扩大样本。", []string{"陈测东"}},
		{"role with colon", "联系人：陈测东。", []string{"陈测东"}},
		{"role with ascii colon", "联系人: 陈测东", []string{"陈测东"}},
		{"role then wei", "项目负责人为蔡测平，执行期三年。", []string{"蔡测平"}},
		{"verb then le", "调查组约谈了刘测华。", []string{"刘测华"}},
		{"name then title", "刘测华同志已调离。", []string{"刘测华"}},
		{"name then professor", "经查，冯测辉教授未申报。", []string{"冯测辉"}},
		{"name then dengren", "研究生何测西等人参与录入。", []string{"何测西"}},
		{"name then deng", "经查，孙测伟等未经审查开展研究。", []string{"孙测伟"}},
		{"name then conduct", "经查，王小测擅自修改实验数据。", []string{"王小测"}},
		{"name then date", "经查，王小测于2021年3月离职。", []string{"王小测"}},
		{"name then Chinese date", "王小测于二〇二一年离职。", []string{"王小测"}},
		{"name then sex", "赵测光，男，1980年出生。", []string{"赵测光"}},
		{"name then sex in brackets", "钱验红（女，1985年出生）时任工作人员。", []string{"钱验红"}},
		{"name then role in brackets", "覃测辉（副研究员）负有领导责任。", []string{"覃测辉"}},
		{"weak verb after a clear edge", "经调查，施验强在评审中存在利益冲突。", []string{"施验强"}},
		{"two names on one verb", "张测甲指使张测乙未经审查开展试验。", []string{"张测甲", "张测乙"}},
		{"enumeration after a role", "研究生张小测、李小验和王测明等人未经伦理审查。", []string{"张小测", "李小验", "王测明"}},
		{"enumeration before dengren", "孙测伟、周试明和吴验刚等人参与了录入。", []string{"孙测伟", "周试明", "吴验刚"}},
		{"enumeration with yiji", "黎测辰以及易验宁被责令停止研究。", []string{"黎测辰", "易验宁"}},
		{"compound surnames listed", "涉事人员张小测、欧阳测明、司马测远、诸葛测亮与钱测隐均已谈话。", []string{"张小测", "欧阳测明", "司马测远", "诸葛测亮", "钱测隐"}},
		{"compound surname and one", "欧阳明研究员表示同意。", []string{"欧阳明"}},
		{"two-character name", "受试者单测因不良事件住院。", []string{"单测"}},
		{"two-character name then title", "王五老师出席。", []string{"王五"}},
		{"function word before a two-character name", "经王测同意后开展。", nil},
		{"preposition before a name", "调查组向李测华核实了情况，李测华表示认可。", []string{"李测华"}},
		{"name after dui", "对曹测飞作出撤销项目立项的处理。", []string{"曹测飞"}},
		{"dotted name anywhere", "阿依努尔·测试提签署了知情同意书。", []string{"阿依努尔·测试提"}},
		{"dotted name after a role", "患者阿依努尔·测试提签署了同意书。", []string{"阿依努尔·测试提"}},
		{"dotted name with a bullet", "患者阿依努尔•测试提签署了同意书。", []string{"阿依努尔·测试提"}},
		{"dotted name with a full stop", "患者阿依努尔.测试提签署了同意书。", []string{"阿依努尔·测试提"}},
		{"dotted name before a verb", "买买提·测试江表示将积极整改。", []string{"买买提·测试江"}},
		{"masked names are left", "张某、李某某等人擅自修改数据，王某甲签字。", nil},
		{"masked given name", "研究生何某等人参与录入。", nil},
		{"mou mou", "向某某于某日提交材料。", nil},
		{"traditional surname", "研究生張測明擅自修改數據。", []string{"張測明"}},
		{"name at the very end", "本案当事人为孔测锐", []string{"孔测锐"}},
		{"name at the very start", "雷测鸣主持的项目未经伦理审查。", []string{"雷测鸣"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spanNames(t, tt.text, Find(tt.text))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// Institutions, places, committees, documents, laws and everyday words
// that start with a surname character, next to the role words Find looks
// for: nothing of it is a person.
func TestFindNothing(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"academy", "中国科学院院士出席了会议。"},
		{"laboratory", "张江实验室主任介绍了情况。"},
		{"hospital", "华山医院负责人表示将严肃处理。"},
		{"memorial hall", "李四光纪念馆负责人介绍了情况。"},
		{"street", "王府井街道工作人员参与了协调。"},
		{"river", "黄河水利委员会研究人员承担课题。"},
		{"high-tech zone", "高新区管委会负责人表示将加强监管。"},
		{"district", "海淀区卫生健康委员会工作人员开展检查。"},
		{"named class", "钱学森班学生表示，收获很大。"},
		{"national commission", "国家卫生健康委员会主任委员会议审议了有关事项。"},
		{"ministry", "科学技术部负责人表示将加强治理。"},
		{"ethics committee", "伦理委员会委员应当申明利益冲突。"},
		{"law title", "依据《科技伦理审查办法（试行）》，委员会应当开展审查。"},
		{"city bureau", "石家庄市科技局负责人表示，已责令整改。"},
		{"university", "武汉大学研究生参与了数据采集。"},
		{"city hospital", "周口市中心医院医生参加了培训。"},
		{"district hospital", "白云区人民医院患者安全管理制度需要完善。"},
		{"province", "江苏省科技厅工作人员开展了专项检查。"},
		{"city university", "常州大学学生参与了宣讲。"},
		{"city hospital two", "金华市中医医院主任医师参加了评审。"},
		{"medical university", "温州医科大学教授团队承担了项目。"},
		{"city three characters", "马鞍山市人民医院负责人称已暂停试验。"},
		{"higher education", "高等学校应当设立伦理委员会。"},
		{"ten thousand yuan", "处罚款五万元，因未按规定开展审查。"},
		{"so", "于是，委员会决定重新审查。"},
		{"peace", "和平里医院受试者权益保护工作有待加强。"},
		{"safety", "安全管理制度由工作人员负责落实。"},
		{"methods and results", "研究方法和研究成果均应当如实报告。"},
		{"time", "审查时间不得超过三十日。"},
		{"statement", "当事人陈述和申辩的权利依法予以保障。"},
		{"should", "项目负责人应当对研究方案负责。"},
		{"dormitory", "学生宿舍和员工培训中心不在审查范围内。"},
		{"unit", "申请人单位应当提交伦理审查批件。"},
		{"family", "患者家属签字确认了治疗方案。"},
		{"normal university", "华东师范大学研究生参与了问卷调查。"},
		{"things at a clause start", "黄金和白银价格上涨，石材等建材供应紧张，林木被大量砍伐。"},
		{"jade", "和田玉在市场上价格较高。"},
		{"herb", "黄芪等中药材的采购应当规范。"},
		{"project", "项目未经伦理审查即开始实施。"},
		{"plan", "计划未经批准不得变更。"},
		{"confidentiality", "受试者隐私信息应当严格保密。"},
		{"function word", "由于时间紧，工作人员加班完成。"},
		{"le after a role word", "患者了解情况后签署了同意书。"},
		{"word cut short", "经查，解情况属实。"},
		{"committee name", "国家科技伦理委员会医学伦理分委员会召开会议。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Find(tt.text); got != nil {
				t.Errorf("Find(%q) = %q, want nothing", tt.text, spanNames(t, tt.text, got))
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"项目负责人陈测东擅自扩大样本，研究生何测西等人参与录入。",
		"涉事人员张小测、欧阳测明与钱测隐均已谈话。",
		"患者阿依努尔·测试提签署同意书。阿.b·c．d",
		"赵测光，男，1980年出生。覃测辉（副研究员）",
		"王小测于2021年离职", "·····", "张\xe5\xbc", "\xe5\xbc\xa0测", "负责人：", "等人", "(男", "于",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// the offsets where a rune starts, as ranging over the text
		// decodes it (a stray byte is a rune of its own)
		boundary := map[int]bool{len(text): true}
		for i := range text {
			boundary[i] = true
		}
		last := 0
		for _, sp := range Find(text) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("Find(%q): span [%d:%d] out of order or bounds", text, sp.Start, sp.End)
			}
			if !boundary[sp.Start] || !boundary[sp.End] {
				t.Fatalf("Find(%q): span [%d:%d] not on rune boundaries", text, sp.Start, sp.End)
			}
			if !utf8.ValidString(text[sp.Start:sp.End]) || sp.Name == "" {
				t.Fatalf("Find(%q): span [%d:%d] holds %q, name %q", text, sp.Start, sp.End, text[sp.Start:sp.End], sp.Name)
			}
			if strings.Contains(sp.Name, "某") {
				t.Fatalf("Find(%q) found %q, which is masked already", text, sp.Name)
			}
			last = sp.End
		}
	})
}
