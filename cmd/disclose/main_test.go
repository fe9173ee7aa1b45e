package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"disclose/generator/cli"
	"disclose/generator/xlsxtext"
)

var update = flag.Bool("update", false, "rewrite the expected output in the test scripts")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"disclose": func() {
			os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each is a
// txtar archive with its workbooks described as text (see xlsxtext), the
// commands, and what they must print.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			root, err := filepath.Abs("../..")
			if err != nil {
				return err
			}
			env.Setenv("PROJECT", root)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// mkxlsx OUT.xlsx DESC.txt builds a workbook from its text description.
			"mkxlsx": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: mkxlsx OUT.xlsx DESC.txt")
				}
				data, err := xlsxtext.Build(ts.ReadFile(args[1]))
				ts.Check(err)
				out := ts.MkAbs(args[0])
				ts.Check(os.MkdirAll(filepath.Dir(out), 0o755))
				ts.Check(os.WriteFile(out, data, 0o644))
			},
			// waitfor GLOB waits, at most a minute, until a file matches GLOB.
			"waitfor": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 || neg {
					ts.Fatalf("usage: waitfor GLOB")
				}
				for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
					if m, _ := filepath.Glob(ts.MkAbs(args[0])); len(m) > 0 {
						return
					}
				}
				ts.Fatalf("nothing matched %s within a minute", args[0])
			},
			// noglob GLOB fails if any file or folder matches GLOB.
			"noglob": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 || neg {
					ts.Fatalf("usage: noglob GLOB")
				}
				if m, _ := filepath.Glob(ts.MkAbs(args[0])); len(m) > 0 {
					ts.Fatalf("left behind: %v", m)
				}
			},
			// nowhere TEXT DIR fails if TEXT occurs in any file under DIR,
			// including inside zip and xlsx archives.
			"nowhere": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 || neg {
					ts.Fatalf("usage: nowhere TEXT DIR")
				}
				for name, data := range tree(ts, ts.MkAbs(args[1])) {
					for entry, text := range unpack(name, []byte(data)) {
						if strings.Contains(text, args[0]) {
							ts.Fatalf("%q found in %s", args[0], entry)
						}
					}
				}
			},
			// sametree A B fails unless the two folders hold the same files with the same bytes.
			"sametree": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: sametree DIR1 DIR2")
				}
				a, b := tree(ts, ts.MkAbs(args[0])), tree(ts, ts.MkAbs(args[1]))
				diff := ""
				for name, sum := range a {
					if b[name] != sum {
						diff += fmt.Sprintf("differs: %s\n", name)
					}
				}
				for name := range b {
					if _, ok := a[name]; !ok {
						diff += fmt.Sprintf("only in %s: %s\n", args[1], name)
					}
				}
				if (diff != "") != neg {
					ts.Fatalf("trees %s and %s:\n%s", args[0], args[1], diff)
				}
			},
		},
	})
}

// unpack returns a file's text, or the text of every entry of a zip
// archive (xlsx files are zip archives), keyed by name.
func unpack(name string, data []byte) map[string]string {
	out := map[string]string{name: string(data)}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return out
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		for k, v := range unpack(name+"!"+f.Name, b) {
			out[k] = v
		}
	}
	return out
}

func tree(ts *testscript.TestScript, dir string) map[string]string {
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(data)
		return nil
	})
	ts.Check(err)
	return out
}
