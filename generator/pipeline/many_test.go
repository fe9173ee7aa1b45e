package pipeline_test

import (
	"disclose/generator/internal/fake"
	"fmt"
	"strings"
	"testing"
)

// Three hundred case texts, written as hurried officers write them: e-mails
// glued to the digits after them, ID numbers spaced, hyphenated and in
// full-width digits, mobiles grouped and with +86, card numbers in fours.
// The build succeeds, none of it reaches an output byte, and the public
// facts beside them (credit codes, document numbers, grant numbers, dates)
// are all kept.
func TestManyCaseTextsBuildAndLeakNothing(t *testing.T) {
	const n = 300
	var rows strings.Builder
	var secrets []canary
	var public []string
	for i := range n {
		id := fake.ID(fmt.Sprintf("19%02d%02d%02d", 50+i%40, 1+i%12, 1+i%28), fmt.Sprintf("%03d", i))
		mobile := fmt.Sprintf("139%08d", 10000000+i*7919)
		card := fake.Card(fmt.Sprintf("6222%011d", 12345678901+int64(i)*104729))
		mail := fmt.Sprintf("wang%d@sina.com", 7000+i)
		var idText string
		switch i % 3 {
		case 0:
			idText = id[:6] + " " + id[6:14] + " " + id[14:]
		case 1:
			idText = id[:6] + "-" + id[6:14] + "-" + id[14:]
		default:
			idText = fake.FullWidth(id)
		}
		mobileText := "+86 " + mobile[:3] + " " + mobile[3:7] + " " + mobile[7:]
		cardText := card[:4] + " " + card[4:8] + " " + card[8:12] + " " + card[12:]
		doc := fmt.Sprintf("京科监〔2023〕%d号", 12+i)
		grant := fmt.Sprintf("8197%04d", i)
		date := fmt.Sprintf("2024年%d月%d日", 1+i%12, 1+i%28)
		facts := fmt.Sprintf("经查，当事人于%s未经审查开展研究，联系邮箱%s%d，身份证号%s，手机%s，收款卡号%s。依据%s处理，涉及项目%s。",
			date, mail, 6272+i, idText, mobileText, cardText, doc, grant)
		fmt.Fprintf(&rows, "| AJ-2025-%04d | 某单位未经审查开展研究案%d | 北京 | 丙测试公司 | 91110108MA0000001D | | | 北京市科学技术委员会 | %s | 2026-06-01 | 未按规定开展伦理审查 | %s | 责令改正 | | | | | | 是 |\n",
			i+1, i+1, doc, facts)
		secrets = append(secrets, canary{"ID number", idText, id}, canary{"mobile", mobileText, mobile}, canary{"card", cardText, card}, canary{"glued e-mail", mail, ""})
		public = append(public, doc, grant, date)
	}
	fx := seeded()
	head := strings.SplitN(fx.books["cases.xlsx"], "\n", 3)
	fx.books["cases.xlsx"] = head[0] + "\n" + head[1] + "\n" + rows.String()
	b := build(t, t.TempDir(), fx.books, "")
	if b.err != nil {
		t.Fatalf("Build: %v\n%s", b.err, b.stderr.String()[:min(4000, b.stderr.Len())])
	}
	out := readOutput(t, b.out, 300)
	out.nowhere(t, secrets)
	out.kept(t, append(public, "91110108MA0000001D"))
}
