package person

import (
	"sort"
	"strings"
)

// titles are the titles, honorifics and roles written before or after a
// name in a person cell (张三教授, 项目负责人张三); Parse drops them.
var titles = words(`
副主任医师 主任医师 主治医师 主治医生 住院医师 主管护师 主管药师 医师 医生 大夫 药师 护师 技师
护士长 护士 副主任委员 主任委员 副主任 主任 系主任 室主任 科主任 办公室主任
副教授 教授 助理教授 客座教授 名誉教授 特聘教授 讲席教授 兼职教授
副研究员 助理研究员 特聘研究员 研究员 正高级工程师 高级工程师 助理工程师 工程师
高级实验师 实验师 实验员 技术员 研究人员 工作人员 员工 职工 科员 职员 干事 专员
博士后 博士研究生 博士生 博士 硕士研究生 硕士生 硕士 研究生 本科生 学生 同学 学员 实习生 进修生
老师 教师 讲师 助教 导师 指导教师 班主任 辅导员
院士 院长 副院长 所长 副所长 处长 副处长 科长 副科长 局长 副局长 部长 副部长 厅长 副厅长
主席 副主席 书记 副书记 党委书记 支部书记 组长 副组长 秘书长 秘书 委员 成员
董事长 总经理 副总经理 经理 总监 主管 总工程师 总工 负责人 项目负责人 课题负责人
联系人 经办人 申请人 申报人 举报人 被举报人 当事人 责任人 法定代表人 审查员
队长 站长 馆长 校长 副校长 主编 编辑 记者 律师 会计 专家 顾问 独立顾问
同志 先生 女士 小姐 夫人 老先生 本人 患者 受试者 志愿者
`)

// latinTitles are the titles written with a Latin name, lower case.
var latinTitles = map[string]bool{
	"dr": true, "dr.": true, "prof": true, "prof.": true, "professor": true,
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"miss": true, "mx": true, "mx.": true, "sir": true, "madam": true,
	"phd": true, "ph.d.": true, "ph.d": true, "md": true, "m.d.": true,
	"pi": true, "co-pi": true, "jr": true, "jr.": true, "sr": true, "sr.": true,
}

// placeholders are what a person cell holds when it names nobody.
var placeholders = map[string]bool{
	"无": true, "暂无": true, "没有": true, "空": true, "待定": true, "待补充": true,
	"不详": true, "未知": true, "未填": true, "略": true, "见附件": true,
	"详见附件": true, "同上": true, "无人": true, "等": true, "等人": true,
	"人": true, "名": true, "位": true, "人等": true, "某": true,
	"none": true, "nil": true, "null": true, "tbd": true, "na": true, "n.a.": true,
	"unknown": true,
}

// contactWords start a contact detail written after a name (张三 电话：…);
// Parse drops the word and what follows up to the next Chinese character.
var contactWords = words(`
联系电话 联系方式 办公电话 手机号码 手机号 手机 电话号码 电话 座机 固话 传真
身份证号码 身份证号 身份证 证件号码 证件号 工号 学号 职工号 邮箱 电子邮箱 电子邮件 邮件 微信号 微信 QQ号
`)

// addressWords start an address, which runs to the next separator.
var addressWords = words(`住址 地址 家庭住址 通讯地址 联系地址`)

// latinContactWords are contact words in Latin letters, lower case; they
// count only as whole words.
var latinContactWords = map[string]bool{
	"tel": true, "tel.": true, "phone": true, "mobile": true, "email": true,
	"e-mail": true, "mail": true, "fax": true, "qq": true, "wechat": true, "id": true,
}

// conjunctions join two names in one cell (张三和李四); they are split on
// only where both sides are plausible names.
var conjunctions = words(`以及 和 及 与 或 暨 跟`)

// givenTitles follow a given name when people are addressed without their
// surname (小测老师); Forms returns those forms.
var givenTitles = words(`老师 教授 主任 同学 同志 医生 博士 研究员 书记 院长`)

// wordList is a set of words that can be matched longest first at a
// position.
type wordList struct {
	set  map[string]bool
	lens []int // the lengths of the words in bytes, longest first
}

func words(s string) wordList {
	w := wordList{set: map[string]bool{}}
	seen := map[int]bool{}
	for _, f := range strings.Fields(s) {
		w.set[f] = true
		if !seen[len(f)] {
			seen[len(f)] = true
			w.lens = append(w.lens, len(f))
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(w.lens)))
	return w
}

// prefix returns the length of the longest word that s starts with, or 0.
func (w wordList) prefix(s string) int {
	for _, n := range w.lens {
		if n <= len(s) && w.set[s[:n]] {
			return n
		}
	}
	return 0
}

// suffix returns the length of the longest word that s ends with, or 0.
func (w wordList) suffix(s string) int {
	for _, n := range w.lens {
		if n <= len(s) && w.set[s[len(s)-n:]] {
			return n
		}
	}
	return 0
}

// sorted returns the words, sorted.
func (w wordList) sorted() []string {
	out := make([]string, 0, len(w.set))
	for s := range w.set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
