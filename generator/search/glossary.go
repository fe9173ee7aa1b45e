package search

import "strings"

// glossary pairs words that records write in Chinese with the English
// words people search for, and the other way round: a document of the
// English index that holds 医院 is found by "hospital", and one of the
// Chinese index whose English title says "hospital" by 医院. Region
// labels are bilingual already (the region vocabulary); the glossary adds
// the provincial capitals and large cities that unit names begin with,
// and the words of institution names and research fields. Both indexes
// hold both languages' words.
var glossary = []struct{ zh, en string }{
	// institutions
	{"医院", "hospital"}, {"大学", "university"}, {"学院", "college"}, {"研究所", "institute"},
	{"研究院", "institute academy"}, {"科学院", "academy of sciences"}, {"实验室", "laboratory lab"},
	{"中心", "centre center"}, {"公司", "company"}, {"妇幼保健院", "maternal child health hospital"},
	{"疾病预防控制", "disease control CDC"}, {"卫生", "health"}, {"肿瘤", "cancer oncology"},
	{"精神卫生", "mental health"}, {"口腔", "dental stomatology"}, {"中医", "traditional chinese medicine TCM"},
	{"伦理委员会", "ethics committee"}, {"科学技术厅", "department of science and technology"},
	// fields and activities
	{"人工智能", "artificial intelligence AI"}, {"脑机接口", "brain-computer interface BCI"},
	{"干细胞", "stem cell"}, {"基因", "gene genetic"}, {"胚胎", "embryo"}, {"算法", "algorithm"},
	{"自动驾驶", "autonomous driving self-driving"}, {"临床", "clinical"}, {"动物", "animal"},
	{"合成生物", "synthetic biology"}, {"数据", "data"}, {"知情同意", "informed consent"},
	// capitals and large cities
	{"北京", "Beijing"}, {"上海", "Shanghai"}, {"天津", "Tianjin"}, {"重庆", "Chongqing"},
	{"石家庄", "Shijiazhuang"}, {"太原", "Taiyuan"}, {"呼和浩特", "Hohhot"}, {"沈阳", "Shenyang"},
	{"长春", "Changchun"}, {"哈尔滨", "Harbin"}, {"南京", "Nanjing"}, {"杭州", "Hangzhou"},
	{"合肥", "Hefei"}, {"福州", "Fuzhou"}, {"南昌", "Nanchang"}, {"济南", "Jinan"},
	{"郑州", "Zhengzhou"}, {"武汉", "Wuhan"}, {"长沙", "Changsha"}, {"广州", "Guangzhou"},
	{"南宁", "Nanning"}, {"海口", "Haikou"}, {"成都", "Chengdu"}, {"贵阳", "Guiyang"},
	{"昆明", "Kunming"}, {"拉萨", "Lhasa"}, {"西安", "Xi'an Xian"}, {"兰州", "Lanzhou"},
	{"西宁", "Xining"}, {"银川", "Yinchuan"}, {"乌鲁木齐", "Urumqi"}, {"深圳", "Shenzhen"},
	{"苏州", "Suzhou"}, {"青岛", "Qingdao"}, {"大连", "Dalian"}, {"厦门", "Xiamen"},
	{"宁波", "Ningbo"}, {"无锡", "Wuxi"}, {"东莞", "Dongguan"}, {"佛山", "Foshan"},
}

// glossed returns the glossary's words for the other language's words
// found in texts: English words for Chinese text, Chinese words for
// English text, in either index, so that a query kept across the
// language switch finds the same records.
func glossed(texts []string) []string {
	all := strings.Join(texts, "\n")
	lower := strings.ToLower(all)
	var out []string
	for i, g := range glossary {
		if strings.Contains(all, g.zh) {
			out = append(out, g.en)
			continue
		}
		for _, w := range glossaryWords[i] {
			if containsWord(lower, w) {
				out = append(out, g.zh)
				break
			}
		}
	}
	return out
}

// glossaryWords holds, for each glossary entry, its English words of four
// letters or more in lower case: the ones glossed looks for in English
// text; shorter ones (AI, lab, CDC) are too ambiguous to gloss. Computed
// once, as glossed runs for every record.
var glossaryWords = func() [][]string {
	words := make([][]string, len(glossary))
	for i, g := range glossary {
		for _, w := range strings.Fields(strings.ToLower(g.en)) {
			if len(w) >= 4 {
				words[i] = append(words[i], w)
			}
		}
	}
	return words
}()

// containsWord reports whether w occurs in s between non-letters.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isLetter(s[j-1])
		after := j+len(w) == len(s) || !isLetter(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
