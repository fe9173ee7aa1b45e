package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime/debug"

	"disclose/generator/schema"
	"disclose/generator/template"
)

// version says which disclose this is, which Hugo it renders with, and
// which data contract it reads: a digest of docs/data-contract.md as this
// build makes it, so that two builds that read workbooks alike say the
// same.
func version() string {
	v, hugo, gov := "(devel)", "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		gov = bi.GoVersion
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/gohugoio/hugo" {
				hugo = d.Version
			}
		}
	}
	sum := sha256.Sum256(template.Contract(schema.MustDefault()))
	return fmt.Sprintf("disclose %s\nHugo %s\ndata contract %s (docs/data-contract.md)\n%s\n", v, hugo, hex.EncodeToString(sum[:6]), gov)
}
