package scan

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var (
	benchSurnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	benchGiven    = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽")
	benchPhrases  = []string{
		"经调查，该单位在未经伦理审查的情况下开展涉及人的生物医学研究",
		"依据《科技伦理审查办法（试行）》第四十三条",
		"责令改正，停止相关科技活动，追回资助经费",
		"委员会由医学、伦理学、法学等领域专家组成",
		"高风险科技活动专家复核结论为同意",
		"本期共开展伦理审查培训",
		"场次，培训人次",
		"涉事单位已完成整改并提交整改报告",
	}
)

func benchName(r *rand.Rand) string {
	n := 1 + r.IntN(2)
	s := string(benchSurnames[r.IntN(len(benchSurnames))])
	for i := 0; i < n; i++ {
		s += string(benchGiven[r.IntN(len(benchGiven))])
	}
	return s
}

func benchText(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(benchPhrases[r.IntN(len(benchPhrases))])
		switch r.IntN(6) {
		case 0:
			fmt.Fprintf(&b, "（国科金监处〔%d〕%d号）", 2018+r.IntN(7), r.IntN(300))
		case 1:
			fmt.Fprintf(&b, "，%d-%02d-%02d", 2018+r.IntN(7), 1+r.IntN(12), 1+r.IntN(28))
		case 2:
			b.WriteString(string(benchSurnames[r.IntN(len(benchSurnames))]) + "某")
		case 3:
			fmt.Fprintf(&b, "，共%d项", r.IntN(5000))
		}
		b.WriteString("。")
	}
	return b.String()
}

func benchPage(r *rand.Rand, id int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>案件 AJ-%d &middot; 科技伦理</title>
<link rel="stylesheet" href="/css/main.%08x.css"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header class="site-header"><nav aria-label="主导航"><a href="/">首页</a><a href="/cases/">违规案件</a><a href="/committees/">伦理委员会</a><a href="/en/cases/aj-%d/">English</a></nav></header>
<main id="content"><article class="record"><h1>%s</h1><dl class="fields">`, id, r.Uint32(), id, benchText(r, 60))
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, `<div class="field"><dt>字段%d</dt><dd>%s</dd></div>`+"\n", i, benchText(r, 80))
	}
	b.WriteString(`</dl><section class="facts"><h2>违规事实</h2>`)
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&b, "<p>%s</p>\n", benchText(r, 600))
	}
	if id%10 == 0 {
		b.WriteString(`<svg viewBox="0 0 400 200" role="img"><path d="M 0 200`)
		for i := 0; i < 200; i++ {
			fmt.Fprintf(&b, " L %d %.1f", i*2, r.Float64()*200)
		}
		b.WriteString(`"/></svg>`)
	}
	fmt.Fprintf(&b, `</section></article></main><footer><p>统一社会信用代码 91110108MA0000001D · 电话 010-68598000 · ethics@most.gov.cn</p></footer>
<script type="application/ld+json">{"@type":"Dataset","name":"\u6848\u4ef6 %d"}</script></body></html>`, id)
	return []byte(b.String())
}

func benchJSON(r *rand.Rand, n int) []byte {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id":"AJ-%d","title":%q,"unit":"某某大学","credit_code":"91110108MA0000001D","closed_on":"2023-%02d-%02d","persons":["%s某"],"facts":%q,"ban_years":%d}`,
			i, benchText(r, 40), 1+r.IntN(12), 1+r.IntN(28), string(benchSurnames[r.IntN(len(benchSurnames))]), benchText(r, 500), r.IntN(5))
	}
	b.WriteString("]")
	return []byte(b.String())
}

func benchCSV(r *rand.Rand, n int) []byte {
	var b strings.Builder
	b.WriteString("id,title,unit,credit_code,closed_on,facts\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "AJ-%d,%s,某某大学,91110108MA0000001D,2023-%02d-%02d,\"%s\"\n", i, benchText(r, 40), 1+r.IntN(12), 1+r.IntN(28), benchText(r, 400))
	}
	return []byte(b.String())
}

// benchSite writes about 200 MB of pages, JSON and CSV, and returns the
// needles of a build with 100,000 records.
func benchSite(b *testing.B, dir string) []string {
	r := rand.New(rand.NewPCG(1, 2))
	total := 0
	for i := 0; total < 150<<20; i++ {
		p := benchPage(r, i)
		total += len(p)
		name := filepath.Join(dir, "cases", fmt.Sprintf("aj-%d", i), "index.html")
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, p, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	for i := 0; total < 200<<20; i++ {
		j := benchJSON(r, 2000)
		c := benchCSV(r, 2000)
		total += len(j) + len(c)
		os.WriteFile(filepath.Join(dir, "data", fmt.Sprintf("cases-%d.json", i)), j, 0o644)
		os.WriteFile(filepath.Join(dir, "data", fmt.Sprintf("cases-%d.csv", i)), c, 0o644)
	}
	var needles []string
	for i := 0; i < 150000; i++ {
		needles = append(needles, benchName(r))
	}
	for i := 0; i < 10000; i++ {
		needles = append(needles, fmt.Sprintf("HD-2024-%06d", i), benchText(r, 300))
	}
	return needles
}

// BenchmarkDir measures the leak guard on about 200 MB of realistic output
// with the needles of a 100,000-record build; it prints MB/s.
func BenchmarkDir(b *testing.B) {
	dir := b.TempDir()
	needles := benchSite(b, dir)
	t0 := time.Now()
	s := New(Options{Needles: needles})
	b.Logf("built matcher for %d needles in %v", s.Needles(), time.Since(t0))
	// warm the page cache so the figure is the scanner's, not the disk's
	if _, err := s.Dir(dir, 0); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var rep *Report
	for i := 0; i < b.N; i++ {
		t := time.Now()
		c := cpuTime()
		var err error
		rep, err = s.Dir(dir, 0)
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(t)
		b.SetBytes(rep.Bytes)
		cpu := cpuTime() - c
		b.Logf("scanned %d files, %.0f MB in %v: %.0f MB/s wall clock; %.0f MB per CPU-second (%.0f MB/s on 2 idle cores); %d findings",
			rep.Files, float64(rep.Bytes)/1e6, el.Round(time.Millisecond), float64(rep.Bytes)/1e6/el.Seconds(),
			float64(rep.Bytes)/1e6/cpu.Seconds(), 2*float64(rep.Bytes)/1e6/cpu.Seconds(), len(rep.Findings))
	}
	if rep != nil && len(rep.Findings) > 0 {
		b.Logf("first finding: %s", rep.Findings[0])
	}
}
