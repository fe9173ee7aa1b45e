package ci

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"disclose/generator/cli"
)

var examples = []struct {
	name, file string
	// goVersion is how the file names the Go release it builds with.
	goVersion *regexp.Regexp
	// must are strings the example is wrong without.
	must []string
}{
	{
		name:      "GitHub Actions",
		file:      "github-pages.yml",
		goVersion: regexp.MustCompile(`go-version: "([0-9.]+)"`),
		must: []string{
			"~/go/pkg/mod", "~/.cache/go-build", "hashFiles('go.sum')",
			"actions/upload-pages-artifact@", "actions/deploy-pages@",
			"path: public", "pages: write", "id-token: write",
		},
	},
	{
		name:      "GitLab CI",
		file:      "gitlab-ci.yml",
		goVersion: regexp.MustCompile(`image: golang:([0-9.]+)`),
		must: []string{
			"GOPATH: $CI_PROJECT_DIR/", "GOCACHE: $CI_PROJECT_DIR/", "files: [go.sum]",
			"\npages:\n", "      - public\n",
		},
	},
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fencedBlocks returns the bodies of the README's fenced code blocks.
func fencedBlocks(md string) []string {
	var blocks []string
	var cur *strings.Builder
	for _, line := range strings.SplitAfter(md, "\n") {
		if strings.HasPrefix(line, "```") {
			if cur == nil {
				cur = &strings.Builder{}
			} else {
				blocks = append(blocks, cur.String())
				cur = nil
			}
			continue
		}
		if cur != nil {
			cur.WriteString(line)
		}
	}
	return blocks
}

func TestReadmeShowsTheExamples(t *testing.T) {
	blocks := fencedBlocks(read(t, "../../README.md"))
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			want := read(t, ex.file)
			for _, b := range blocks {
				if b == want {
					return
				}
			}
			t.Errorf("README.md has no code block identical to docs/ci/%s", ex.file)
		})
	}
}

func TestExamplesAreWellFormed(t *testing.T) {
	goMod := read(t, "../../go.mod")
	m := regexp.MustCompile(`(?m)^go ([0-9]+\.[0-9]+)`).FindStringSubmatch(goMod)
	if m == nil {
		t.Fatal("go.mod has no go directive")
	}
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			text := read(t, ex.file)
			if strings.Contains(text, "\t") {
				t.Errorf("%s contains a tab; YAML indents with spaces", ex.file)
			}
			got := ex.goVersion.FindStringSubmatch(text)
			if got == nil || got[1] != m[1] {
				t.Errorf("%s: Go release = %q, want %q (go.mod)", ex.file, got, m[1])
			}
			for _, s := range ex.must {
				if !strings.Contains(text, s) {
					t.Errorf("%s does not contain %q", ex.file, s)
				}
			}
		})
	}
}

// The examples publish public/: it must be where the build writes.
func TestPublishedFolderIsTheBuildOutput(t *testing.T) {
	var cfg struct {
		Paths struct{ Out string } `toml:"paths"`
	}
	if _, err := toml.DecodeFile("../../disclose.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	out := cfg.Paths.Out
	if out == "" {
		out = "public"
	}
	if filepath.Clean(out) != "public" {
		t.Errorf("disclose.toml [paths] out = %q, want %q as the CI examples publish", out, "public")
	}
}

var (
	makeCall    = regexp.MustCompile(`\bmake ([a-z][a-z-]*)`)
	discloseCmd = regexp.MustCompile(`\./bin/disclose ([a-z]+)([^\n]*)`)
)

// TestCommandsExist runs every make target and disclose flag the examples
// use against the Makefile and the real command line.
func TestCommandsExist(t *testing.T) {
	makefile := read(t, "../../Makefile")
	if !strings.Contains(makefile, "-o bin/disclose ") {
		t.Fatal("the Makefile does not build bin/disclose, which the examples run")
	}
	for _, ex := range examples {
		text := read(t, ex.file)
		calls := 0
		for _, m := range makeCall.FindAllStringSubmatch(text, -1) {
			t.Run(ex.name+"/make "+m[1], func(t *testing.T) {
				if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(m[1]) + `:`).MatchString(makefile) {
					t.Errorf("Makefile has no target %q", m[1])
				}
			})
		}
		for _, m := range discloseCmd.FindAllStringSubmatch(text, -1) {
			calls++
			// The command line as written, quotes removed: pflag rejects
			// an unknown flag or a missing value before it sees --help.
			args := []string{m[1]}
			for _, f := range strings.Fields(m[2]) {
				args = append(args, strings.Trim(f, `"'`))
			}
			args = append(args, "--help")
			t.Run(ex.name+"/disclose"+m[0][len("./bin/disclose"):], func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				if code := cli.Main(context.Background(), args, nil, &stdout, &stderr); code != cli.ExitOK {
					t.Errorf("disclose %s = exit %d, want 0 (flags accepted): %s", strings.Join(args, " "), code, stderr.String())
				}
			})
		}
		if calls == 0 {
			t.Errorf("%s never runs ./bin/disclose", ex.file)
		}
	}
}
