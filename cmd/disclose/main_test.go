package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"disclose/generator/cli"
	"disclose/generator/xlsxtext"
)

var update = flag.Bool("update", false, "rewrite the expected output in the test scripts")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"disclose": func() {
			os.Exit(cli.Main(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
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
