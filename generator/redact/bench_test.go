package redact

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"disclose/generator/record"
	"disclose/generator/schema"
)

// BenchmarkApply redacts 100,000 synthetic case records (three names and
// about 600 bytes of facts each, a tenth withheld).
func BenchmarkApply(b *testing.B) {
	cat := schema.MustDefault()
	pub, held, size := synthetic(cat, 100000)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Apply(cat, pub, held, Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Redacting on several cores gives what redacting on one does: the same
// records with the same values, the same counts, the same needles.
func TestApplyWorkersAgree(t *testing.T) {
	cat := schema.MustDefault()
	pub, held, _ := synthetic(cat, 6000)
	apply := func(procs int) *Result {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		res, err := Apply(cat, pub, held, Policy{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	one, four := apply(1), apply(4)
	if len(one.Records["cases"]) != len(pub) {
		t.Fatalf("one core: %d public records, want %d", len(one.Records["cases"]), len(pub))
	}
	if !reflect.DeepEqual(one.Records, four.Records) {
		t.Errorf("the records redacted on four workers differ from those on one")
	}
	if !reflect.DeepEqual(one.Counts, four.Counts) {
		t.Errorf("counts on four workers %v, on one %v", four.Counts, one.Counts)
	}
	if !slices.Equal(one.Removed, four.Removed) {
		t.Errorf("four workers removed %d values, one %d", len(four.Removed), len(one.Removed))
	}
	if one.Counts["cases.facts"]["name"] < len(pub) {
		t.Errorf("fewer names taken out of the facts than records: %v", one.Counts)
	}
}

// synthetic makes n case records with three names each and facts naming
// them; every tenth is withheld.
func synthetic(cat *schema.Catalog, n int) (pub, held []*record.Record, size int) {
	cases := cat.Dataset("cases")
	r := rand.New(rand.NewPCG(3, 4))
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱妹香月")
	name := func() string {
		s := string(surnames[r.IntN(len(surnames))])
		for i := 0; i <= r.IntN(2); i++ {
			s += string(given[r.IntN(len(given))])
		}
		return s
	}
	for i := 0; i < n; i++ {
		ps := []string{name(), name(), name()}
		facts := fmt.Sprintf("经调查，%s、%s在未经伦理审查的情况下开展涉及人的生物医学研究，依据国科金监处〔2021〕%d号决定，责令改正，停止相关科技活动，追回资助经费。联系电话010-68598000。%s负责整改，于2023-%02d-%02d提交整改报告。涉事单位已完成整改并提交整改报告，委员会由医学、伦理学、法学等领域专家组成，本期共开展伦理审查培训%d场次。",
			ps[0], ps[1], i%300, ps[2], 1+i%12, 1+i%28, i%50)
		rec := &record.Record{Dataset: cases, ID: fmt.Sprintf("AJ-%06d", i), Values: map[string]record.Value{
			"id":      {Str: fmt.Sprintf("AJ-%06d", i)},
			"title":   {Str: fmt.Sprintf("某大学未经审查开展试验案%d", i)},
			"unit":    {Str: "某某大学"},
			"persons": {List: ps},
			"facts":   {Str: facts},
		}}
		size += len(facts)
		if i%10 == 0 {
			held = append(held, rec)
		} else {
			pub = append(pub, rec)
		}
	}
	return pub, held, size
}
