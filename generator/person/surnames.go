package person

// The surname list. Sources: the 百家姓 (Hundred Family Surnames, Song
// dynasty: 444 single and 60 compound surnames), the surnames frequent
// today that it lacks (as ranked with the population censuses and in the
// Ministry of Public Security's yearly name reports, 《全国姓名报告》), a
// few more compound surnames in use, and the traditional forms of all of
// them.

// baijiaxing holds the single-character surnames of the 百家姓, in its
// order.
const baijiaxing = "" +
	"赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜" +
	"戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐" +
	"费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄" +
	"和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁" +
	"杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍" +
	"虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚" +
	"程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓" +
	"牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙" +
	"叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双" +
	"闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农" +
	"温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘" +
	"匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空" +
	"曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公" +
	"仉督晋楚闫法汝鄢涂钦归海岳帅缑亢况郈有琴商牟佘佴墨哈谯笪年爱阳佟言福"

// modernSurnames are frequent surnames today that the 百家姓 lacks.
const modernSurnames = "" +
	"肖付覃冼练兰粟代邝苟麦栗原迟侍母才达邸揭檀植卿衣战银展修候旷来矫" +
	"隋种靖台位朴玉仝佀么库庹颉郇初过问化操奉锁巨南门但信智谌雒次其首" +
	"尧赛苑喇敬铁同鲜尉芦凃官"

// compoundSurnameList holds the two-character surnames: those of the 百家姓
// and a few more in use today.
var compoundSurnameList = []string{
	"万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫",
	"尉迟", "公羊", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠",
	"公孙", "仲孙", "轩辕", "令狐", "钟离", "宇文", "长孙", "慕容", "鲜于", "闾丘",
	"司徒", "司空", "亓官", "司寇", "子车", "颛孙", "端木", "巫马", "公西", "漆雕",
	"乐正", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里", "东郭",
	"南门", "呼延", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "伯赏", "南宫",
	"第五", "独孤", "完颜", "纳兰", "达奚", "贺兰",
}

// traditional maps simplified surname characters to their traditional
// forms (a character may have more than one).
var traditional = map[rune]string{
	'赵': "趙", '钱': "錢", '孙': "孫", '吴': "吳", '郑': "鄭", '冯': "馮", '陈': "陳",
	'卫': "衛", '蒋': "蔣", '韩': "韓", '杨': "楊", '许': "許", '吕': "呂", '张': "張",
	'严': "嚴", '华': "華", '谢': "謝", '邹': "鄒", '窦': "竇", '苏': "蘇", '鲁': "魯",
	'韦': "韋", '马': "馬", '凤': "鳳", '鲍': "鮑", '费': "費", '贺': "賀", '汤': "湯",
	'罗': "羅", '毕': "畢", '邬': "鄔", '乐': "樂", '齐': "齊", '顾': "顧", '黄': "黃",
	'萧': "蕭", '贝': "貝", '计': "計", '谈': "談", '庞': "龐", '纪': "紀", '项': "項",
	'蓝': "藍", '闵': "閔", '贾': "賈", '娄': "婁", '颜': "顏", '钟': "鍾鐘", '骆': "駱",
	'万': "萬", '卢': "盧", '缪': "繆", '应': "應", '贲': "賁", '邓': "鄧", '单': "單",
	'诸': "諸", '龚': "龔", '钮': "鈕", '荣': "榮", '储': "儲", '乌': "烏", '车': "車",
	'宁': "寧甯", '栾': "欒", '厉': "厲", '龙': "龍", '叶': "葉", '蓟': "薊", '怀': "懷",
	'从': "從", '赖': "賴", '蔺': "藺", '乔': "喬", '阴': "陰", '郁': "鬱", '苍': "蒼",
	'双': "雙", '闻': "聞", '党': "黨", '谭': "譚", '贡': "貢", '劳': "勞", '郦': "酈",
	'寿': "壽", '边': "邊", '郏': "郟", '农': "農", '温': "溫", '别': "別", '庄': "莊",
	'阎': "閻", '连': "連", '习': "習", '鱼': "魚", '终': "終", '满': "滿", '国': "國",
	'广': "廣", '禄': "祿", '阙': "闕", '东': "東", '欧': "歐", '师': "師", '巩': "鞏",
	'厍': "厙", '聂': "聶", '阚': "闞", '简': "簡", '饶': "饒", '养': "養", '须': "須",
	'丰': "豐", '关': "關", '荆': "荊", '红': "紅", '权': "權", '盖': "蓋", '刘': "劉",
	'邝': "鄺", '兰': "蘭", '练': "練", '陆': "陸", '晋': "晉", '闫': "閆", '涂': "塗",
	'钦': "欽", '归': "歸", '帅': "帥", '缑': "緱", '况': "況", '谯': "譙", '时': "時",
	'强': "強", '经': "經", '钭': "鈄", '鲜': "鮮", '长': "長", '闾': "閭", '轩': "軒",
	'辕': "轅", '颛': "顓", '驷': "駟", '门': "門", '云': "雲", '肖': "蕭", '宫': "宮",
	'迟': "遲", '战': "戰", '银': "銀", '锁': "鎖", '谌': "諶", '赛': "賽", '铁': "鐵",
	'颉': "頡", '麦': "麥", '纳': "納", '尧': "堯", '达': "達", '夹': "夾", '赏': "賞",
	'阳': "陽", '离': "離", '独': "獨", '爱': "愛",
}

// surnameTables is the surname list in the shape the functions of this
// package look it up.
type surnameTables struct {
	single     map[rune]bool
	compound   map[string]bool
	simplified map[rune]rune // traditional → simplified
}

var surnames = buildSurnames()

func buildSurnames() surnameTables {
	t := surnameTables{single: map[rune]bool{}, compound: map[string]bool{}, simplified: map[rune]rune{}}
	for s, ts := range traditional {
		for _, r := range ts {
			// 蕭 is both 萧 and 肖: keep the smaller, so the table is the same every run
			if o, ok := t.simplified[r]; !ok || s < o {
				t.simplified[r] = s
			}
		}
	}
	addSingle := func(r rune) {
		t.single[r] = true
		for _, v := range traditional[r] {
			t.single[v] = true
		}
	}
	for _, r := range baijiaxing + modernSurnames {
		addSingle(r)
	}
	for _, c := range compoundSurnameList {
		rs := []rune(c)
		// every combination of simplified and traditional characters
		firsts := string(rs[0]) + traditional[rs[0]]
		seconds := string(rs[1]) + traditional[rs[1]]
		for _, a := range firsts {
			for _, b := range seconds {
				t.compound[string(a)+string(b)] = true
			}
		}
	}
	// 澹臺 keeps 台 as 臺 only in this surname; 於 is also a surname of its own.
	t.compound["澹臺"] = true
	return t
}

// isSurname reports whether r is a single-character surname.
func isSurname(r rune) bool { return surnames.single[r] }

// compoundAt reports whether s starts with a compound surname, and its
// length in bytes.
func compoundAt(s string) (int, bool) {
	if len(s) < 6 {
		return 0, false
	}
	// compound surnames are two Han characters of three bytes each
	if surnames.compound[s[:6]] {
		return 6, true
	}
	return 0, false
}

// surnameReadings are the readings of characters as surnames where they
// differ from (or are less usual than) their everyday reading, most usual
// first. Compound surnames are read as one unit.
var surnameReadings = map[string][]string{
	"单": {"shan"}, "曾": {"zeng"}, "区": {"ou"}, "仇": {"qiu"}, "解": {"xie"},
	"查": {"zha"}, "朴": {"piao"}, "盖": {"ge", "gai"}, "乐": {"yue", "le"},
	"尉": {"wei", "yu"}, "秘": {"bi"}, "种": {"chong"}, "缪": {"miao"},
	"翟": {"zhai", "di"}, "覃": {"qin", "tan"}, "员": {"yun"}, "召": {"shao"},
	"繁": {"po"}, "黑": {"he"}, "便": {"pian"}, "宿": {"su"}, "能": {"nai"},
	"佴": {"nai"}, "句": {"gou"}, "角": {"jue"}, "重": {"chong"}, "藏": {"zang"},
	"折": {"she"}, "乜": {"nie"}, "隗": {"wei", "kui"}, "都": {"du"}, "车": {"che"},
	"阚": {"kan"}, "祭": {"zhai"}, "厍": {"she"}, "冼": {"xian"}, "洗": {"xian"},
	"谌": {"chen"}, "么": {"yao"}, "石": {"shi"}, "柏": {"bai", "bo"},
	"贲": {"ben"}, "薄": {"bo"}, "莘": {"shen"}, "曲": {"qu"}, "朝": {"chao"},
	"华": {"hua"}, "任": {"ren"}, "纪": {"ji"}, "过": {"guo"}, "沈": {"shen"},
	"殷": {"yin"}, "燕": {"yan"}, "蕃": {"pi"}, "郇": {"huan"}, "逄": {"pang"},
	"相": {"xiang"}, "钭": {"tou"}, "宓": {"mi", "fu"}, "应": {"ying"},
	"卜": {"bu"}, "叶": {"ye"}, "长": {"chang"}, "行": {"xing", "hang"},
	"和": {"he"}, "蔚": {"yu", "wei"}, "颉": {"xie", "jie"}, "广": {"guang"}, "吕": {"lv"},
	"万": {"wan"}, "于": {"yu"}, "亓": {"qi"}, "盛": {"sheng"}, "占": {"zhan"},
	"单于": {"chanyu"}, "尉迟": {"yuchi"}, "万俟": {"moqi"}, "长孙": {"zhangsun"},
	"澹台": {"tantai"}, "令狐": {"linghu"}, "乐正": {"yuezheng"}, "亓官": {"qiguan"},
	"皇甫": {"huangfu"}, "夏侯": {"xiahou"}, "欧阳": {"ouyang"}, "诸葛": {"zhuge"},
	"司马": {"sima"}, "上官": {"shangguan"}, "东方": {"dongfang"}, "公孙": {"gongsun"},
	"慕容": {"murong"}, "宇文": {"yuwen"}, "钟离": {"zhongli"}, "轩辕": {"xuanyuan"},
	"闾丘": {"lvqiu"}, "濮阳": {"puyang"}, "淳于": {"chunyu"}, "鲜于": {"xianyu"},
	"拓跋": {"tuoba"}, "夹谷": {"jiagu"}, "谷梁": {"guliang"}, "端木": {"duanmu"},
	"呼延": {"huyan"}, "赫连": {"helian"}, "申屠": {"shentu"}, "司徒": {"situ"},
	"司空": {"sikong"}, "独孤": {"dugu"}, "南宫": {"nangong"}, "西门": {"ximen"},
	"百里": {"baili"}, "第五": {"diwu"}, "完颜": {"wanyan"}, "纳兰": {"nalan"},
}
