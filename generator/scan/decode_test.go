package scan

import "testing"

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"nothing to do", "张某 2024-03-20", "张某 2024-03-20"},
		{"json escape", `{"name":"\u5f20\u4e09"}`, `{"name":"张三"}`},
		{"json surrogate pair", `"\ud83d\ude00"`, `"😀"`},
		{"json line break keeps lines", `a\u000ab`, "a b"},
		{"escaped backslash", `\\u5f20`, `\\u5f20`},
		{"numeric entities", "&#24352;&#x4e09;", "张三"},
		{"named entities", "a&amp;b &lt;p&gt; &middot; &nbsp;", "a&b <p> · \u00a0"},
		{"percent escapes", "/search?q=%E5%BC%A0%E4%B8%89", "/search?q=张三"},
		{"percent without escape", "width:100%;height:50%", "width:100%;height:50%"},
		{"percent at the end", "a%41b%4", "aAb%4"},
		{"percent line break", "a%0Ab", "a b"},
		{"percent after a lone percent", "100% %31%33%38", "100% 138"},
		{"layers", `\u0026#49;&#x33;%38`, "138"},
		{"entity of two characters after json", `\u0041&NotEqualTilde;&lt;&#49;`, "A\u2242\u0338<1"},
		{"percent after entities", "&amp;q=%31%33%38&amp;x", "&q=138&x"},
		{"json, entities and percent", `\u5f20&middot;%E4%B8%89&#x20;&amp;`, "张·三 &"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(decode([]byte(tt.in))); got != tt.want {
				t.Errorf("decode(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
