// Package words reads the interface strings of the theme (its i18n files).
package words

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
)

// Words are the interface strings of the theme (its i18n/<lang>.toml
// files), by language and key: the pages Hugo renders and the text the
// generator writes for them read the same files, so a translator edits one
// place.
type Words map[string]map[string]string

// Load reads i18n/zh.toml and i18n/en.toml of a theme. A value is a
// string or, as Hugo also accepts, a table with "other".
func Load(theme fs.FS) (Words, error) {
	w := Words{}
	for _, lang := range []string{"zh", "en"} {
		name := path.Join("i18n", lang+".toml")
		b, err := fs.ReadFile(theme, name)
		if err != nil {
			return nil, fmt.Errorf("interface strings: %w", err)
		}
		var raw map[string]any
		if _, err := toml.Decode(string(b), &raw); err != nil {
			return nil, fmt.Errorf("interface strings %s: %w", name, err)
		}
		w[lang] = map[string]string{}
		for k, v := range raw {
			switch v := v.(type) {
			case string:
				w[lang][k] = v
			case map[string]any:
				if s, ok := v["other"].(string); ok {
					w[lang][k] = s
				}
			}
		}
	}
	return w, nil
}

// T returns the string key in lang, with each {{ .name }} replaced by the
// value after name in args. A key the theme lacks comes back as itself,
// and a test sees that none is missing.
func (w Words) T(lang, key string, args ...string) string {
	s, ok := w[lang][key]
	if !ok {
		return key
	}
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{{ ."+args[i]+" }}", args[i+1])
	}
	return s
}
