package words

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// Every key the generator and the theme's templates use is in both
// languages' files, so no page shows a bare key.
func TestEveryKeyIsTranslated(t *testing.T) {
	theme := filepath.Join("..", "..", "themes", "disclose")
	w, err := Load(os.DirFS(theme))
	if err != nil {
		t.Fatal(err)
	}
	goKey := regexp.MustCompile(`\.T\(lang, "([a-z0-9_]+)"`)
	tmplKey := regexp.MustCompile(`i18n "([a-z0-9_]+)"`)
	used := map[string]string{}
	scan := func(dir, ext string, re *regexp.Regexp) {
		files, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range re.FindAllSubmatch(b, -1) {
				used[string(m[1])] = f
			}
		}
	}
	scan(filepath.Join("..", "site"), ".go", goKey)
	scan(filepath.Join("..", "search"), ".go", goKey)
	scan(filepath.Join(theme, "layouts"), ".html", tmplKey)
	scan(filepath.Join(theme, "layouts", "_partials"), ".html", tmplKey)
	if len(used) < 20 {
		t.Fatalf("found only %d keys in use; the patterns no longer match the code", len(used))
	}
	for key, where := range used {
		for _, lang := range []string{"zh", "en"} {
			if _, ok := w[lang][key]; !ok {
				t.Errorf("%s uses %q, which i18n/%s.toml lacks", where, key, lang)
			}
		}
	}
}

func TestT(t *testing.T) {
	w := Words{"en": {"at_least": "at least {{ .n }}"}}
	if got := w.T("en", "at_least", "n", "12"); got != "at least 12" {
		t.Errorf("T = %q, want %q", got, "at least 12")
	}
	if got := w.T("zh", "missing"); got != "missing" {
		t.Errorf("T of a missing key = %q, want the key", got)
	}
}
