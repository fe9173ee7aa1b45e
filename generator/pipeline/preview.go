package pipeline

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"disclose/generator/hugo"
	"disclose/generator/scan"
	"disclose/generator/site"
	"disclose/generator/write"
)

// Preview builds the site for `disclose serve` and keeps Hugo's work
// between builds, so that a change to one workbook shows in seconds at
// national scale: the pipeline runs again in full up to Hugo's working
// site, only the working files whose bytes changed are rewritten, and Hugo
// renders again the pages visited lately; any other page is rendered again
// when it is next requested (Visit), as with Hugo's own server.
//
// A preview is written in place into the output folder and is for the
// person at the keyboard, who has the workbooks anyway: it is not a
// release. Redaction is the same as in Build, and the leak guard reads
// every file a build or a visit wrote: a file with a finding is deleted
// and reported. When a record leaves the site (withheld, or gone from the
// workbooks) the preview starts afresh, so that no page of it stays
// behind. Publish with Build.
type Preview struct {
	mu   sync.Mutex
	opts Options
	hugo *hugo.Session
	// sums are the SHA-256 of every file written into the working site.
	sums map[string][32]byte
	// pages is what Hugo rendered in all.
	pages int
	// guard is the leak guard of the last build, for the pages Visit
	// renders.
	guard *scan.Scanner
	// pages of the public records (dataset/slug) in the last build.
	records map[string]bool
	// cur is what the build under way knows besides the build's state.
	cur previewRun
}

// previewRun is what one preview build knows besides the build's state.
type previewRun struct {
	// changed are the working files the build rewrote (absolute paths).
	changed []string
	// started is when the build began; fresh is set when it starts from
	// scratch.
	started time.Time
	fresh   bool
}

// NewPreview returns a preview of the site opts describes; nothing is built
// before the first call to Build.
func NewPreview(opts Options) *Preview {
	return &Preview{opts: opts}
}

// Reset forgets Hugo's work: the next Build starts from scratch (after a
// change to the configuration, the theme or the hand-written pages).
func (p *Preview) Reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reset()
}

func (p *Preview) reset() {
	if p.hugo != nil {
		p.hugo.Close()
		p.hugo = nil
	}
	p.sums = nil
}

// Close lets Hugo's work go.
func (p *Preview) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reset()
}

// Visit brings the page at a site-relative URL up to date before it is
// served (pages are rendered again on demand after a rebuild).
func (p *Preview) Visit(url string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.hugo == nil {
		return nil
	}
	if err := p.hugo.Visit(url); err != nil {
		return err
	}
	page := filepath.Join(p.opts.OutDir, filepath.FromSlash(strings.TrimPrefix(url, "/")), "index.html")
	if strings.HasSuffix(url, ".html") {
		page = filepath.Join(p.opts.OutDir, filepath.FromSlash(strings.TrimPrefix(url, "/")))
	}
	return p.guardFiles([]string{page})
}

// recordsStep starts the preview afresh when a record of the last build
// is no longer public: its pages would otherwise stay on disk.
func (p *Preview) recordsStep(st *state) error {
	now := map[string]bool{}
	for ds, recs := range st.redacted.Records {
		for _, r := range recs {
			now[ds+"/"+r.Slug()] = true
		}
	}
	if p.sums != nil {
		for k := range p.records {
			if !now[k] {
				fmt.Fprintf(st.opts.Stdout, "a record left the site (%s): the preview starts afresh\n", k)
				p.reset()
				break
			}
		}
	}
	p.records = now
	if p.sums == nil {
		p.cur.fresh = true
		if err := os.RemoveAll(st.staging); err != nil {
			return err
		}
		return os.MkdirAll(st.staging, 0o755)
	}
	return nil
}

// scanStep runs the leak guard over the files this build wrote, or over
// every file after a fresh start.
func (p *Preview) scanStep(st *state) error {
	p.guard = scan.New(scan.Options{Needles: st.needles(), PersonalMailDomains: st.opts.Config.Redaction.PersonalMailDomains})
	all := p.cur.fresh
	var written []string
	err := filepath.WalkDir(st.opts.OutDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if info, err := d.Info(); err == nil && (all || !info.ModTime().Before(p.cur.started)) {
			written = append(written, path)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return p.guardFiles(written)
}

// guardFiles scans files of the preview and deletes each one with a
// finding.
func (p *Preview) guardFiles(paths []string) error {
	if p.guard == nil {
		return nil
	}
	n := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(p.opts.OutDir, path)
		fs := p.guard.Bytes(filepath.ToSlash(rel), data)
		if len(fs) == 0 {
			continue
		}
		for _, f := range fs {
			fmt.Fprintf(p.opts.Stderr, "leak: %s\n", f)
		}
		if err := os.Remove(path); err != nil {
			return err
		}
		n += len(fs)
	}
	if n > 0 {
		fmt.Fprintf(p.opts.Stderr, "%d finding(s); the files holding them were deleted from the preview\n", n)
		return ErrLeak
	}
	return nil
}

// Build brings the preview up to date with the data and reports what it
// did. Rows with errors are quarantined, as with --keep-going.
func (p *Preview) Build(ctx context.Context) (*Result, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	st, err := newState(ctx, p.opts)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	st.staging = st.opts.OutDir
	steps := []step{
		{"read", readStep},
		{"check", func(st *state) error { return finishCheck(st, true) }},
		{"guard", guardStep},
		{"redact", redactStep},
		{"records", p.recordsStep},
		// The search index needs only the records: it is made while the
		// downloads are.
		{"export+search", func(st *state) error {
			done := make(chan error, 1)
			go func() { done <- searchStep(st) }()
			err := exportStep(st)
			return errors.Join(err, <-done)
		}},
		{"site", p.siteStep},
		{"downloads", downloadsStep},
		{"release", releaseStep},
		{"hugo", p.hugoStep},
		{"scan", p.scanStep},
	}
	// File times are kept at a coarse tick: a margin keeps every file this
	// build writes newer than started.
	p.cur = previewRun{started: time.Now().Add(-2 * time.Second)}
	err = run(st, res, steps)
	res.Pages = st.pages
	if err != nil {
		// Whatever failed, the next build starts from scratch.
		p.reset()
	}
	return res, err
}

func (p *Preview) siteStep(st *state) error {
	in, builtin, err := siteInput(st)
	if err != nil {
		return err
	}
	if p.sums == nil {
		// A fresh start: whatever a previous run left is stale.
		if err := os.RemoveAll(st.siteDir); err != nil {
			return err
		}
		p.sums = map[string][32]byte{}
	}
	keep := map[string]bool{}
	ch, err := p.sync(st.ctx, st.siteDir, builtin, keep)
	if err != nil {
		return err
	}
	files, err := site.Generate(in)
	if err != nil {
		return err
	}
	more, err := p.sync(st.ctx, st.siteDir, files, keep)
	if err != nil {
		return err
	}
	ch = append(ch, more...)
	for name := range p.sums {
		if !keep[name] {
			delete(p.sums, name)
			abs := filepath.Join(st.siteDir, filepath.FromSlash(name))
			if err := os.Remove(abs); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			ch = append(ch, abs)
		}
	}
	sort.Strings(ch)
	p.cur.changed = ch
	return nil
}

// sync writes the files whose bytes differ from what the working site
// holds, marks every name in keep, and returns the paths it wrote.
func (p *Preview) sync(ctx context.Context, dir string, files map[string][]byte, keep map[string]bool) ([]string, error) {
	todo := map[string][]byte{}
	var ch []string
	for name, data := range files {
		keep[name] = true
		sum := sha256.Sum256(data)
		if old, ok := p.sums[name]; ok && old == sum {
			continue
		}
		p.sums[name] = sum
		todo[name] = data
		ch = append(ch, filepath.Join(dir, filepath.FromSlash(name)))
	}
	if err := write.Files(ctx, dir, todo); err != nil {
		return nil, err
	}
	return ch, nil
}

func (p *Preview) hugoStep(st *state) error {
	opts := hugo.Options{SiteDir: st.siteDir, OutDir: st.opts.OutDir, BaseURL: st.baseURL(), Stderr: st.opts.Stderr}
	if p.hugo == nil {
		s, stats, err := hugo.Open(opts)
		if err != nil {
			return err
		}
		p.hugo, p.pages = s, stats.Pages
		st.pages = p.pages
		return nil
	}
	if len(p.cur.changed) > 0 {
		stats, err := p.hugo.Rebuild(p.cur.changed)
		if err != nil {
			return fmt.Errorf("%w (the next change rebuilds from scratch)", err)
		}
		p.pages = stats.Pages
	}
	st.pages = p.pages
	return nil
}
