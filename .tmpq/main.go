package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"disclose/generator/search"
)

func main() {
	root := os.Args[1]
	files := map[string][]byte{}
	filepath.Walk(filepath.Join(root, "search"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			files[filepath.ToSlash(rel)] = b
		}
		return nil
	})
	for _, q := range strings.Split(os.Args[2], ",") {
		for _, lang := range []string{"zh", "en"} {
			res, err := search.Query(files, lang, q, 20)
			if err != nil {
				fmt.Println(err)
				continue
			}
			fmt.Printf("%s %-12s total %6d  files %3d  bytes %7d\n", lang, q, res.Total, len(res.Files), res.Bytes)
		}
	}
}
