package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"disclose/generator/config"
	"disclose/generator/pipeline"
)

// What a new user types first gets a plain answer and the right exit code.
func TestFirstCommands(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"version", []string{"--version"}, ExitOK, "Hugo ", ""},
		{"version command", []string{"version"}, ExitOK, "data contract ", ""},
		{"a data folder that is not there is a usage error", []string{"check", "--data", "/nonexistent/data"}, ExitUsage, "", "no data folder here"},
		{"unknown command", []string{"publish"}, ExitUsage, "", `unknown command "publish"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(context.Background(), tc.args, nil, &out, &errb)
			if code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out.String(), errb.String())
			}
			if !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout %q does not say %q", out.String(), tc.stdout)
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr %q does not say %q", errb.String(), tc.stderr)
			}
		})
	}
}

// A build without the public address says what it cannot do; with one it
// says nothing.
func TestRelativeBaseWarns(t *testing.T) {
	cfg := config.Default()
	if w := relativeBase(pipeline.Options{Config: cfg}); !strings.Contains(w, "sitemap.xml") || !strings.Contains(w, "--base-url") {
		t.Errorf("default address: warning %q, want one naming the sitemap and --base-url", w)
	}
	if w := relativeBase(pipeline.Options{Config: cfg, BaseURL: "https://ethics.example.org/"}); w != "" {
		t.Errorf("absolute address: warning %q, want none", w)
	}
}
