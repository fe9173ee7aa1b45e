package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
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
