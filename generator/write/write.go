// Package write puts generated files on disk. Generators return a map of
// relative path to contents; this package is the one place that writes
// them, through os.Root, so that no path built from an id can ever leave
// the output folder.
package write

import (
	"context"
	"fmt"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"
)

// CheckPath reports whether p is a clean relative slash-separated path that
// stays inside its root.
func CheckPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || path.Clean(p) != p || p == "." || p == ".." || strings.HasPrefix(p, "../") {
		return fmt.Errorf("unsafe output path %q", p)
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." || strings.ContainsAny(part, "\x00:") {
			return fmt.Errorf("unsafe output path %q", p)
		}
	}
	return nil
}

// Files writes every file under dir, creating folders as needed. It checks
// every path first and writes nothing if one is unsafe. It stops at the
// first file it cannot write, or when ctx ends, and returns why.
func Files(ctx context.Context, dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		if err := CheckPath(name); err != nil {
			return err
		}
		names = append(names, name)
	}
	sort.Strings(names)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	dirs := map[string]bool{}
	for _, name := range names {
		if d := path.Dir(name); d != "." && !dirs[d] {
			if err := root.MkdirAll(d, 0o755); err != nil {
				return err
			}
			for ; d != "."; d = path.Dir(d) {
				dirs[d] = true
			}
		}
	}
	// one writer per core; the first error (or the end of ctx) stops
	// the rest
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, name := range names {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			return root.WriteFile(name, files[name], 0o644)
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}
