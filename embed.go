// Package disclose holds the files that ship inside the program: the Hugo
// theme and the hand-written pages, so that the command works from any
// folder. A configuration that names its own themes or content folder
// (as this repository's disclose.toml does, for editing) uses those instead.
package disclose

import (
	"embed"
	"io/fs"
)

//go:embed all:themes/disclose all:content
var files embed.FS

// Theme returns the built-in theme; its root holds the folder "disclose".
func Theme() fs.FS {
	sub, err := fs.Sub(files, "themes")
	if err != nil {
		panic(err) // the embedded tree always has it
	}
	return sub
}

// Content returns the built-in hand-written pages (zh/ and en/).
func Content() fs.FS {
	sub, err := fs.Sub(files, "content")
	if err != nil {
		panic(err)
	}
	return sub
}
