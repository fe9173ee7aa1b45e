package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"disclose/generator/pipeline"
)

// cmdServe builds the site, serves it on localhost and rebuilds when a
// workbook, a content page, the theme or the configuration changes. Pages
// reload themselves after a rebuild.
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c common
	fs := newFlags("serve", stderr)
	c.register(fs, true)
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !fs.Changed("out") {
		c.out = filepath.Join(".disclose", "preview")
		fs.Set("out", c.out)
	}
	opts, err := c.options(fs, stdout, stderr)
	if err != nil {
		return err
	}
	if !fs.Changed("base-url") {
		opts.BaseURL = "http://" + *addr + "/"
	}
	// A preview must show something even while the data has errors.
	opts.KeepGoing = true
	// The preview keeps its own working site: a build run meanwhile
	// replaces the build's working site, which Hugo's session here reads.
	if w := strings.TrimRight(opts.Config.Paths.Work, "/"); w != "" {
		cfgCopy := *opts.Config
		cfgCopy.Paths.Work = w + "-preview"
		opts.Config = &cfgCopy
	}
	// A change to the workbooks is rendered incrementally; a change to the
	// configuration, the theme or the hand-written pages starts afresh.
	data := []string{opts.DataDir}
	rest := []string{opts.Config.Path(opts.Config.Paths.Content), opts.Config.Path(opts.Config.Paths.Themes), c.config}

	rl := &reloader{}
	preview := pipeline.NewPreview(opts)
	defer preview.Close()
	build := func() {
		start := time.Now()
		res, err := preview.Build(ctx)
		if err != nil {
			fmt.Fprintf(stderr, "build failed: %v\n", err)
			return
		}
		fmt.Fprintf(stdout, "built %d pages in %s; serving http://%s/\n", res.Pages, time.Since(start).Round(time.Millisecond), *addr)
		rl.bump()
	}
	build()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: rl.handler(opts.OutDir, func(url string) {
		if err := preview.Visit(url); err != nil {
			fmt.Fprintf(stderr, "render %s: %v\n", url, err)
		}
	}), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()

	lastData, lastRest := fingerprint(data), fingerprint(rest)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			fpData, fpRest := fingerprint(data), fingerprint(rest)
			if fpRest != lastRest {
				fmt.Fprintln(stdout, "change to the configuration, theme or pages detected, rebuilding from scratch")
				preview.Reset()
			} else if fpData != lastData {
				fmt.Fprintln(stdout, "change to the workbooks detected, rebuilding")
			} else {
				continue
			}
			lastData, lastRest = fpData, fpRest
			build()
		}
	}
}

// fingerprint summarises the names, sizes and modification times of every
// file under the watched paths.
func fingerprint(paths []string) string {
	var b strings.Builder
	for _, root := range paths {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return b.String()
}

// reloader tells open pages that a new build is ready.
type reloader struct {
	mu      sync.Mutex
	version int
}

func (r *reloader) bump() {
	r.mu.Lock()
	r.version++
	r.mu.Unlock()
}

func (r *reloader) current() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.version
}

const reloadScript = `<script>(function(){var v=null;setInterval(function(){fetch("/__disclose/version").then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();</script>`

// handler serves the preview in dir. visit, when not nil, brings a page up
// to date before it is served (its site-relative URL, escaped).
func (r *reloader) handler(dir string, visit func(url string)) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/__disclose/version", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, r.current())
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(path.Clean("/"+req.URL.Path), "/")))
		isDir := false
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			p = filepath.Join(p, "index.html")
			isDir = true
		}
		if strings.HasSuffix(p, ".html") {
			if visit != nil {
				u := req.URL.EscapedPath()
				if isDir && !strings.HasSuffix(u, "/") {
					u += "/"
				}
				visit(u)
			}
			data, err := os.ReadFile(p)
			if errors.Is(err, fs.ErrNotExist) {
				w.WriteHeader(http.StatusNotFound)
				data, _ = os.ReadFile(filepath.Join(dir, "404.html"))
			} else if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			data = bytes.Replace(data, []byte("</body>"), []byte(reloadScript+"</body>"), 1)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(data)
			return
		}
		http.FileServer(http.Dir(dir)).ServeHTTP(w, req)
	})
	return mux
}
