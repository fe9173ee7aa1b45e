// Package hugo runs Hugo in-process on a prepared site directory and writes
// the rendered site to an output directory. It is the only package that
// imports Hugo: Hugo's Go API has no stability promise, so every use of it
// stays behind Build and Session here.
package hugo

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/bep/logg"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/common/types"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/hugolib/segments"
	"github.com/spf13/afero"
)

// Options says what to build and where.
type Options struct {
	// SiteDir holds hugo.toml, content/, data/ and themes/.
	SiteDir string
	// OutDir receives the rendered site.
	OutDir string
	// BaseURL overrides the configured base URL when not empty.
	BaseURL string
	// Stderr receives Hugo's warnings and errors.
	Stderr io.Writer
	// Passes > 1 makes Build run Hugo that many times, one after the
	// other, so that it holds only a part of a large site in memory at a
	// time. Pass p sets the site parameter "pass" to p, and every pass
	// after the first renders only the segment named "passes" in the
	// site's configuration. Dividing the pages between the passes is the
	// site's business: with params.pass it reads only its part.
	Passes int
	// Ctx stops a Build: from the moment it is done, Hugo can create no
	// file or folder in OutDir, and Build returns its error without
	// waiting for Hugo's passes to end. Nil means never.
	Ctx context.Context
}

// PassSegment is the segment a pass after the first renders.
const PassSegment = "passes"

// Stats reports what Hugo rendered.
type Stats struct {
	Pages int
}

// Build renders the site in SiteDir into OutDir, in opts.Passes passes.
func Build(opts Options) (Stats, error) {
	if opts.Ctx == nil {
		opts.Ctx = context.Background()
	}
	var total Stats
	for p := range max(opts.Passes, 1) {
		if err := opts.Ctx.Err(); err != nil {
			return Stats{}, err
		}
		st, err := buildPass(opts, p)
		if err != nil {
			return Stats{}, err
		}
		total.Pages += st.Pages
	}
	return total, nil
}

// settle is how long a stopped Build waits for Hugo's workers to notice
// that they can write nothing more, so that the caller can remove OutDir
// with nothing left writing into it.
const settle = 2 * time.Second

func buildPass(opts Options, pass int) (Stats, error) {
	sites, err := load(opts, false, pass)
	if err != nil {
		return Stats{}, err
	}
	done := make(chan error, 1)
	go func() { done <- sites.Build(hugolib.BuildCfg{}) }()
	select {
	case err = <-done:
		defer sites.Close()
	case <-opts.Ctx.Done():
		// Hugo's Build takes no context: its writes fail from now on
		// (cancelFs), and it is left to end on its own.
		select {
		case <-done:
			sites.Close()
		case <-time.After(settle):
		}
		return Stats{}, opts.Ctx.Err()
	}
	if err != nil {
		if opts.Passes > 1 {
			return Stats{}, fmt.Errorf("hugo (pass %d of %d): %w", pass+1, opts.Passes, err)
		}
		return Stats{}, fmt.Errorf("hugo: %w", err)
	}
	if pass == 0 {
		return stats(sites), nil
	}
	// Count what this pass rendered: the pages of its segment.
	var st Stats
	filter := sites.Configs.Base.Segments.Config.SegmentFilter
	for _, s := range sites.Sites {
		for _, p := range s.Pages() {
			if !filter.ShouldExcludeFine(segments.SegmentQuery{Kind: p.Kind(), Path: p.Path(), Output: "html"}) {
				st.Pages++
			}
		}
	}
	return st, nil
}

// Session keeps a rendered site in memory so that a preview can be rebuilt
// from a few changed files. It works as Hugo's own server does in its fast
// render mode: a rebuild renders the pages visited lately, and any other
// page is rendered again when it is next visited (Visit). A session is safe
// for use by several goroutines.
type Session struct {
	mu      sync.Mutex
	sites   *hugolib.HugoSites
	visited *types.EvictingQueue[string]
}

// Open renders the site in SiteDir into OutDir, as Build does, and keeps
// it for Rebuild.
func Open(opts Options) (*Session, Stats, error) {
	sites, err := load(opts, true, -1)
	if err != nil {
		return nil, Stats{}, err
	}
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		sites.Close()
		return nil, Stats{}, fmt.Errorf("hugo: %w", err)
	}
	return &Session{sites: sites, visited: types.NewEvictingQueue[string](20)}, stats(sites), nil
}

// Rebuild renders again what depends on the changed files (absolute paths
// under SiteDir: written, replaced or removed).
func (s *Session) Rebuild(changed []string) (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	events := make([]fsnotify.Event, 0, len(changed))
	for _, p := range changed {
		op := fsnotify.Write
		if _, err := os.Stat(p); err != nil {
			op = fsnotify.Remove
		}
		events = append(events, fsnotify.Event{Name: p, Op: op})
	}
	if err := s.sites.Build(hugolib.BuildCfg{RecentlyTouched: s.visited}, events...); err != nil {
		return Stats{}, fmt.Errorf("hugo: %w", err)
	}
	return stats(s.sites), nil
}

// Visit makes sure the page at a site-relative URL ("/en/cases/x/") is up
// to date before it is served, rendering it again if a rebuild left it
// stale.
func (s *Session) Visit(url string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.visited.Contains(url) {
		return nil
	}
	one := types.NewEvictingQueue[string](1)
	one.Add(url)
	if err := s.sites.Build(hugolib.BuildCfg{RecentlyTouched: one, PartialReRender: true}); err != nil {
		return fmt.Errorf("hugo: %w", err)
	}
	s.visited.Add(url)
	return nil
}

// Close lets the session go.
func (s *Session) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sites.Close()
}

func stats(sites *hugolib.HugoSites) Stats {
	var st Stats
	for _, s := range sites.Sites {
		st.Pages += len(s.Pages())
	}
	return st
}

// load reads the site's configuration and prepares Hugo; watch keeps what
// a rebuild needs. A pass of -1 leaves the site's pass parameter as it is.
func load(opts Options, watch bool, pass int) (*hugolib.HugoSites, error) {
	siteDir, err := filepath.Abs(opts.SiteDir)
	if err != nil {
		return nil, err
	}
	outDir, err := filepath.Abs(opts.OutDir)
	if err != nil {
		return nil, err
	}
	stderr := opts.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        io.Discard,
		StdErr:        stderr,
		DistinctLevel: logg.LevelWarn,
	})
	flags := config.New()
	flags.Set("workingDir", siteDir)
	flags.Set("publishDir", outDir)
	if opts.BaseURL != "" {
		flags.Set("baseURL", opts.BaseURL)
	}
	if watch {
		// As Hugo's own server runs, but without its live-reload script:
		// the preview server has one.
		flags.Set("internal", hmaps.Params{"watch": true, "running": true, "fastRenderMode": true})
		flags.Set("disableLiveReload", true)
	}
	environ := []string{"HUGO_ENVIRONMENT=production"}
	if pass >= 0 && opts.Passes > 1 {
		environ = append(environ, fmt.Sprintf("HUGO_PARAMS_PASS=%d", pass))
		if pass > 0 {
			flags.Set("renderSegments", []string{PassSegment})
		}
	}
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:       flags,
		Fs:          hugofs.Os,
		Filename:    filepath.Join(siteDir, "hugo.toml"),
		Environment: "production",
		Logger:      logger,
		Environ:     environ,
	})
	if err != nil {
		return nil, fmt.Errorf("hugo config: %w", err)
	}
	flags.Set("publishDir", configs.Base.PublishDir)
	flags.Set("publishDirStatic", configs.Base.PublishDir)
	flags.Set("publishDirDynamic", configs.Base.PublishDir)
	var dest afero.Fs = hugofs.Os
	if opts.Ctx != nil {
		dest = cancelFs{Fs: hugofs.Os, ctx: opts.Ctx}
	}
	fs := hugofs.NewFromSourceAndDestination(hugofs.Os, dest, flags)
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		StdOut:   io.Discard,
		StdErr:   stderr,
		LogLevel: logg.LevelWarn,
	})
	if err != nil {
		return nil, fmt.Errorf("hugo: %w", err)
	}
	return sites, nil
}

// cancelFs is the file system Hugo publishes through: once ctx is done, it
// creates, opens for writing, renames and makes folders no more, so a
// stopped build leaves nothing behind once its folder is removed.
type cancelFs struct {
	afero.Fs
	ctx context.Context
}

func (c cancelFs) Create(name string) (afero.File, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, &os.PathError{Op: "create", Path: name, Err: err}
	}
	return c.Fs.Create(name)
}

func (c cancelFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if err := c.ctx.Err(); err != nil && flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE) != 0 {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return c.Fs.OpenFile(name, flag, perm)
}

func (c cancelFs) Mkdir(name string, perm os.FileMode) error {
	if err := c.ctx.Err(); err != nil {
		return &os.PathError{Op: "mkdir", Path: name, Err: err}
	}
	return c.Fs.Mkdir(name, perm)
}

func (c cancelFs) MkdirAll(name string, perm os.FileMode) error {
	if err := c.ctx.Err(); err != nil {
		return &os.PathError{Op: "mkdir", Path: name, Err: err}
	}
	return c.Fs.MkdirAll(name, perm)
}

func (c cancelFs) Rename(oldname, newname string) error {
	if err := c.ctx.Err(); err != nil {
		return &os.LinkError{Op: "rename", Old: oldname, New: newname, Err: err}
	}
	return c.Fs.Rename(oldname, newname)
}
