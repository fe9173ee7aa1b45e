package hugo

import (
	"context"
	"os"
	"testing"

	"github.com/spf13/afero"
)

// The leak guard reads Hugo's pages from what the publishing file system
// saw written, so it must be handed exactly the files written whole, with
// their whole content, and nothing written in any other way: those the
// guard reads again from disk.
func TestPublishFsHandsOverFilesWrittenWhole(t *testing.T) {
	mem := afero.NewMemMapFs()
	got := map[string]string{}
	fs := cancelFs{Fs: mem, ctx: context.Background(), written: func(path string, data []byte, info os.FileInfo) {
		if info.Size() != int64(len(data)) {
			t.Errorf("%s: handed %d bytes, the file has %d", path, len(data), info.Size())
		}
		got[path] = string(data)
	}}
	write := func(f afero.File, err error, parts ...string) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			if _, err := f.WriteString(p); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	f, err := fs.Create("/out/a/index.html")
	write(f, err, "<p>", "一", "</p>")
	f, err = fs.OpenFile("/out/b.json", os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	write(f, err, `{"x":1}`)
	// rewritten whole: the second content is the one handed over last
	f, err = fs.Create("/out/a/index.html")
	write(f, err, "<p>二</p>")

	// written at an offset, appended to, or after a seek: not handed over
	f, err = fs.Create("/out/c.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte("x"), 3); err != nil {
		t.Fatal(err)
	}
	f.Close()
	f, err = fs.OpenFile("/out/b.json", os.O_WRONLY|os.O_APPEND, 0o644)
	write(f, err, "more")
	f, err = fs.Create("/out/d.txt")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("abc")
	f.Seek(0, 0)
	f.WriteString("x")
	f.Close()

	want := map[string]string{"/out/a/index.html": "<p>二</p>", "/out/b.json": `{"x":1}`}
	if len(got) != len(want) {
		t.Errorf("handed over %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s handed over as %q, want %q", k, got[k], v)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fs.ctx = ctx
	if _, err := fs.Create("/out/e.html"); err == nil {
		t.Error("a stopped build could still create a file")
	}
}
