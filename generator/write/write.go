// Package write puts generated files on disk. Generators return a map of
// relative path to contents; this package is the one place that writes
// them, through os.Root, so that no path built from an id can ever leave
// the output folder.
package write

import (
	"fmt"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
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
// every path first and writes nothing if one is unsafe.
func Files(dir string, files map[string][]byte) error {
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
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan string)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range jobs {
				if err := root.WriteFile(name, files[name], 0o644); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, name := range names {
		jobs <- name
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}
