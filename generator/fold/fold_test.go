package fold_test

import (
	"testing"

	"disclose/generator/fold"
)

func TestWidth(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ascii unchanged", "Registration No. 12", "Registration No. 12"},
		{"full-width letters and digits", "ＡＢＣｘｙｚ０１２", "ABCxyz012"},
		{"full-width punctuation", "（必填）：，；／＊", "(必填):,;/*"},
		{"ideographic space", "登记\u3000编号", "登记 编号"},
		{"zero-width characters removed", "登\u200b记\u200c编\u200d号\ufeff\u2060", "登记编号"},
		{"soft hyphen removed", "regis\u00adtration", "registration"},
		{"chinese punctuation kept", "撤销获得的奖励、荣誉〔2023〕。", "撤销获得的奖励、荣誉〔2023〕。"},
		{"composed to NFC", "e\u0301", "é"},
		{"line breaks kept", "a\nb", "a\nb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fold.Width(tt.in); got != tt.want {
				t.Errorf("Width(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"trims", "  中国科学院  ", "中国科学院"},
		{"collapses runs", "a \t\n b\u3000\u3000c", "a b c"},
		{"folds width", "ＡＢＣ　１", "ABC 1"},
		{"only spaces", " \u3000\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fold.Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"keeps single breaks", "一\n二", "一\n二"},
		{"windows and old mac breaks", "一\r\n二\r三", "一\n二\n三"},
		{"one blank line at most", "一\n\n\n\n二", "一\n\n二"},
		{"no leading or trailing blank lines", "\n\n一\n\n", "一"},
		{"trims and collapses each line", "  a   b  \n\tc ", "a b\nc"},
		{"blank lines of spaces", "一\n   \n \n二", "一\n\n二"},
		{"only breaks", "\n\r\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fold.Lines(tt.in); got != tt.want {
				t.Errorf("Lines(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lower case", "Registration No.", "registrationno."},
		{"full-width upper case", "ＲＥＧＩＳＴＲＡＴＩＯＮ　ＮＯ．", "registrationno."},
		{"inner spaces removed", "  委员会 名称 ", "委员会名称"},
		{"line breaks removed", "登记\n日期", "登记日期"},
		{"zero width removed", "登\u200b记", "登记"},
		{"chinese unchanged", "撤销获得的奖励、荣誉", "撤销获得的奖励、荣誉"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fold.Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// Folding twice changes nothing: values are folded when read and compared
// folded again later, and both must agree.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"ＡＢＣ　１", "登\u200b记", "e\u0301", "Ａ\u0301", "e \u0301", "一\r\n\n\n二", "\u212a", "撤销获得的奖励、荣誉"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fn := range []struct {
			name string
			f    func(string) string
		}{{"Width", fold.Width}, {"Text", fold.Text}, {"Lines", fold.Lines}, {"Key", fold.Key}} {
			once := fn.f(s)
			if twice := fn.f(once); twice != once {
				t.Errorf("%s(%q) = %q, but %s(%q) = %q", fn.name, s, once, fn.name, once, twice)
			}
		}
	})
}

// Chinese text keeps its full-width punctuation while letters and digits
// fold: "经查，该院于２０２３年…" must not turn into "经查,该院…".
func TestTextKeepsChinesePunctuation(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"comma and digits", "经查，该院于２０２３年开展研究。", "经查，该院于2023年开展研究。"},
		{"brackets and colon", "处理依据：《办法》（试行）第三条！", "处理依据：《办法》（试行）第三条！"},
		{"letters and at", "ＡＢＣ＠ｅｘａｍｐｌｅ．ｏｒｇ", "ABC@example.org"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fold.Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := fold.Lines(tt.in); got != tt.want {
				t.Errorf("Lines(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
