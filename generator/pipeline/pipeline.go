// Package pipeline runs the stages of disclose in order: the one place that
// says what happens after what. Check reads and validates; Build goes all
// the way from workbooks to a scanned public/ folder. See generator/doc.go
// for the story in prose.
package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"disclose"
	"disclose/generator/config"
	"disclose/generator/export"
	"disclose/generator/hugo"
	"disclose/generator/ingest"
	"disclose/generator/publish"
	"disclose/generator/record"
	"disclose/generator/redact"
	"disclose/generator/scan"
	"disclose/generator/schema"
	"disclose/generator/search"
	"disclose/generator/site"
	"disclose/generator/words"
	"disclose/generator/write"
)

// ErrData means the data has errors (exit code 3).
var ErrData = errors.New("the data has errors")

// ErrLeak means the leak guard found personal data in the output (exit
// code 4).
var ErrLeak = errors.New("the leak guard found personal data in the output")

// Options is what a run needs besides the configuration.
type Options struct {
	Config    *config.Config
	DataDir   string
	OutDir    string
	BaseURL   string
	AsOf      string // YYYY-MM-DD
	Previous  string // previous release's manifest.json, or ""
	KeepGoing bool
	Stdout    io.Writer
	Stderr    io.Writer
	// Catalog is the registers and vocabularies; nil means the built-in
	// ones with the configuration's vocabulary changes.
	Catalog *schema.Catalog
}

// Timing is how long one stage took.
type Timing struct {
	Stage    string
	Duration time.Duration
	// CPU is the process's user and system time during the stage, on
	// every core; 0 where the system does not say.
	CPU time.Duration
}

// Result is what a run produced besides files.
type Result struct {
	Loaded  *Loaded
	Timings []Timing
	Pages   int
	// Output is what the output folder holds: what a host is asked to
	// store.
	Output scan.Tree
}

type state struct {
	// ctx ends when the build is told to stop (Ctrl-C, a cancelled CI
	// job): no step starts after it, and pools stop.
	ctx      context.Context
	opts     Options
	cat      *schema.Catalog
	loaded   *Loaded
	redacted *redact.Result
	exported *export.Output
	siteDir  string
	staging  string
	pages    int
	tree     scan.Tree
	// passes is the number of Hugo passes the site is rendered in.
	passes   int
	findings *scan.Report
	// history holds each record's first and last-changed release.
	history map[string][2]string
	// checkOnly is set by Check, which prints every warning.
	checkOnly bool
	// searchFiles are the search index's files, kept for prescanStep.
	searchFiles map[string][]byte
	// private are the leak guard's needles worked out from the private
	// records (see privateNeedles); sources maps each public record's
	// address to its workbook row, for the guard's findings.
	private []string
	sources map[string]string
	// themeWords are the theme's interface strings (see words).
	themeWords words.Words
	// guard and pre are the leak guard and what it found in the files
	// scanned from memory; stamps tell scanStep which files those were.
	guard  *scan.Scanner
	pre    *scan.Report
	stamps map[string]stamp
}

// stamp is a file's size and time when the guard read it from memory.
type stamp struct {
	size int64
	mod  time.Time
}

type step struct {
	name string
	run  func(*state) error
}

// Check reads, normalises and validates the data and applies the
// publication rules. It prints every diagnostic and the row accounting, and
// returns ErrData when there are errors.
func Check(ctx context.Context, opts Options) (*Result, error) {
	st, err := newState(ctx, opts)
	if err != nil {
		return nil, err
	}
	st.checkOnly = true
	res := &Result{}
	if err := run(st, res, []step{{"read", readStep}}); err != nil {
		return res, err
	}
	return res, finishCheck(st, false)
}

// Build runs the whole pipeline. The output folder is replaced only when
// every stage, the leak guard last, has succeeded.
func Build(ctx context.Context, opts Options) (*Result, error) {
	st, err := newState(ctx, opts)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	steps := []step{
		// ingest, normalise, validate, publication rules
		{"read", readStep},
		// stop here on data errors unless --keep-going
		{"check", func(st *state) error { return finishCheck(st, st.opts.KeepGoing) }},
		// the leak guard learns what it must never find from the private
		// records themselves, before the redactor touches them
		{"guard", guardStep},
		// the only way from private records to public ones
		{"redact", redactStep},
		// the leak guard reads every public value, and names the cell of
		// anything it finds before a byte is written
		{"guard records", guardRecordsStep},
		// CSV, XLSX, JSON, per-record JSON, data package, checksums, manifest
		{"export", exportStep},
		// a fresh staging folder next to the output folder
		{"stage", stageStep},
		// the downloads go into it, and the leak guard reads them while
		// they are in memory; then their bytes are let go
		{"write downloads", func(st *state) error { return write.Files(st.ctx, st.staging, st.exported.Files) }},
		{"scan downloads", func(st *state) error { return st.prescan(st.exported.Files) }},
		{"let downloads go", func(st *state) error {
			st.exported.Files, st.exported.Manifest = nil, nil
			debug.FreeOSMemory()
			return nil
		}},
		// the same for the static search index
		{"search", searchStep},
		{"write search index", func(st *state) error { return write.Files(st.ctx, st.staging, st.searchFiles) }},
		{"scan search index", func(st *state) error { return st.prescan(st.searchFiles) }},
		{"let search index go", func(st *state) error {
			st.searchFiles = nil
			debug.FreeOSMemory()
			return nil
		}},
		// Hugo's working site: configuration, content adapters and their JSON
		{"site", siteStep},
		// what Hugo does not need is let go before it runs
		{"release", releaseStep},
		// Hugo renders both languages into the staging folder. (Running it
		// beside the steps above was measured slower: creating files is
		// what costs, and the kernel does not do it faster in parallel.)
		{"hugo", hugoStep},
		// the leak guard reads every other byte of the staging folder
		{"scan", scanStep},
		// the staging folder replaces the output folder
		{"publish", swapStep},
	}
	defer func() {
		if st.staging != "" {
			os.RemoveAll(st.staging)
		}
	}()
	err = run(st, res, steps)
	res.Pages = st.pages
	res.Output = st.tree
	if rerr := writeReport(st, res); rerr != nil && err == nil {
		err = rerr
	}
	return res, err
}

func newState(ctx context.Context, opts Options) (*state, error) {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	cat := opts.Catalog
	if cat == nil {
		var err error
		if cat, err = schema.New(opts.Config.Vocabs); err != nil {
			return nil, fmt.Errorf("vocabularies: %w", err)
		}
	}
	return &state{ctx: ctx, opts: opts, cat: cat}, nil
}

func run(st *state, res *Result, steps []step) error {
	for _, s := range steps {
		if err := st.ctx.Err(); err != nil {
			return fmt.Errorf("stopped before the %s step, as told; the output folder was left as it was: %w", s.name, err)
		}
		start, cpu := time.Now(), cpuTime()
		err := s.run(st)
		res.Timings = append(res.Timings, Timing{s.name, time.Since(start), cpuTime() - cpu})
		res.Loaded = st.loaded
		if err != nil && st.ctx.Err() != nil {
			return fmt.Errorf("stopped during the %s step, as told; the output folder was left as it was: %w", s.name, st.ctx.Err())
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readStep(st *state) error {
	rules := publish.Rules{AsOf: st.opts.AsOf, RetentionYears: st.opts.Config.Publication.RetentionYears}
	st.loaded = load(st.ctx, st.cat, st.opts.DataDir, rules, ingest.Options{})
	return st.ctx.Err()
}

// finishCheck prints the diagnostics and the accounting. With keepGoing,
// rows with errors stay quarantined and the build goes on.
func finishCheck(st *state, keepGoing bool) error {
	l := st.loaded
	// check lists every warning; a build a few of each kind, the rest
	// being in its report
	if hidden := l.Diags.Print(st.opts.Stderr, st.checkOnly); hidden > 0 {
		fmt.Fprintf(st.opts.Stderr, "%d warning(s) like others were not printed; every diagnostic is in the build report, %s\n", hidden, st.opts.Config.Path(st.opts.Config.Paths.Report))
	}
	counts := l.Accounting()
	for _, c := range counts {
		fmt.Fprintf(st.opts.Stdout, "%-10s %6d read = %6d published + %6d withheld + %6d rejected%s\n",
			c.Dataset, c.Read, c.Published, c.WithheldTotal(), c.Rejected, withheldDetail(c))
		if !c.Balanced() {
			return fmt.Errorf("%s: row accounting does not balance", c.Dataset)
		}
	}
	if n := l.Diags.Errors(); n > 0 {
		fmt.Fprintf(st.opts.Stderr, "%d error(s), %d warning(s)\n", n, l.Diags.Warnings())
		if !keepGoing {
			return ErrData
		}
		fmt.Fprintf(st.opts.Stderr, "--keep-going: %d row(s) with errors are quarantined and not published\n", len(l.Rejected))
	} else if w := l.Diags.Warnings(); w > 0 {
		fmt.Fprintf(st.opts.Stderr, "%d warning(s)\n", w)
	}
	return nil
}

func withheldDetail(c Count) string {
	var parts []string
	for _, r := range publish.Reasons() {
		if n := c.Withheld[r]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", r, n))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func guardStep(st *state) error {
	policy, err := redactionPolicy(st.opts.Config)
	if err != nil {
		return err
	}
	st.private = privateNeedles(st.loaded, keepPolicy(policy))
	return nil
}

func redactStep(st *state) error {
	var withheld = make([]*record.Record, 0, len(st.loaded.Withheld)+len(st.loaded.Rejected))
	for _, w := range st.loaded.Withheld {
		withheld = append(withheld, w.Record)
	}
	// Rejected rows are not published either: the guard looks for them too.
	withheld = append(withheld, st.loaded.Rejected...)
	policy, err := redactionPolicy(st.opts.Config)
	if err != nil {
		return err
	}
	res, err := redact.Apply(st.cat, st.loaded.Published, withheld, policy)
	if err != nil {
		return err
	}
	st.redacted = res
	// From here on only the public records are used; the row accounting
	// is already counted.
	st.loaded.Published = nil
	return nil
}

func exportStep(st *state) error {
	in := export.Input{
		Catalog:   st.cat,
		Records:   st.redacted.Records,
		AsOf:      st.opts.AsOf,
		BaseURL:   st.baseURL(),
		Title:     st.opts.Config.Site.TitleEn,
		Publisher: st.opts.Config.Site.PublisherEn,
		License:   st.opts.Config.Site.License,
	}
	if st.opts.Previous != "" {
		f, err := os.Open(st.opts.Previous)
		if err != nil {
			return fmt.Errorf("previous manifest: %w", err)
		}
		defer f.Close()
		m, err := export.ReadManifest(f)
		if err != nil {
			return fmt.Errorf("previous manifest %s: %w", st.opts.Previous, err)
		}
		in.Previous = m
	}
	out, err := export.Generate(st.ctx, in)
	if err != nil {
		return err
	}
	st.exported = out
	// the records' history outlives the manifest, which is let go with
	// the downloads: the record pages show it
	st.history = make(map[string][2]string, len(out.Manifest.Records))
	for _, r := range out.Manifest.Records {
		st.history[r.Dataset+"\x00"+r.ID] = [2]string{r.First, r.Changed}
	}
	if out.Changes != nil && len(out.Changes.Removed) > 0 {
		// the changelog names the ids of records taken down since the
		// last release, on purpose: the guard is made again without them
		st.guard = nil
	}
	return nil
}

func (st *state) baseURL() string {
	if st.opts.BaseURL != "" {
		return st.opts.BaseURL
	}
	return st.opts.Config.Site.BaseURL
}

// siteInput works out the working site's folder and what goes into it:
// the site generator's input, and the built-in theme and pages (written
// before the generator runs, which looks at which languages have
// hand-written pages).
func siteInput(st *state) (site.Input, map[string][]byte, error) {
	cfg := st.opts.Config
	abs := func(p string) string {
		a, err := filepath.Abs(cfg.Path(p))
		if err != nil {
			return cfg.Path(p)
		}
		return a
	}
	st.siteDir = abs(cfg.Paths.Work)
	withheld := map[string]map[string]int{}
	for _, ds := range st.cat.Datasets {
		withheld[ds.Name] = map[string]int{}
	}
	for _, w := range st.loaded.Withheld {
		withheld[w.Record.Dataset.Name][string(w.Reason)]++
	}
	in := site.Input{
		Catalog:  st.cat,
		Records:  st.redacted.Records,
		Withheld: withheld,
		AsOf:     st.opts.AsOf,
		// Counts over withheld records are suppressed below the threshold.
		SuppressBelow: cfg.Publication.SuppressBelow,
		PassRecords:   cfg.Build.RecordsPerPass,
		Config: site.Config{
			TitleZh: cfg.Site.TitleZh, TitleEn: cfg.Site.TitleEn,
			PublisherZh: cfg.Site.PublisherZh, PublisherEn: cfg.Site.PublisherEn,
			BaseURL: st.baseURL(), ContactEmail: cfg.Site.ContactEmail, License: cfg.Site.License,
		},
	}
	for _, k := range cfg.Site.Contacts {
		in.Config.Contacts = append(in.Config.Contacts, site.Contact{BodyZh: k.BodyZh, BodyEn: k.BodyEn, ScopeZh: k.ScopeZh, ScopeEn: k.ScopeEn,
			AddressZh: k.AddressZh, AddressEn: k.AddressEn, Phone: k.Phone, Email: k.Email, Web: k.Web})
	}
	for _, d := range st.exported.Downloads {
		in.Downloads = append(in.Downloads, site.Download{Path: d.Path, Dataset: d.Dataset, Format: d.Format, Size: d.Size, SHA256: d.SHA256, Records: d.Records})
	}
	in.History = st.history
	if c := st.exported.Changes; c != nil {
		conv := func(list []export.Change) []site.Change {
			out := make([]site.Change, len(list))
			for i, x := range list {
				out[i] = site.Change{Dataset: x.Dataset, ID: x.ID, Slug: x.Slug, Title: x.Title, Fields: x.Fields}
			}
			return out
		}
		in.Changes = &site.Changes{Since: c.Since, Release: c.Release, Added: conv(c.Added), Changed: conv(c.Changed), Removed: conv(c.Removed)}
	}
	// The built-in theme and pages go into the working site unless the
	// configuration names folders of its own.
	builtin := map[string][]byte{}
	if cfg.Paths.Themes != "" {
		in.Config.ThemesDir = abs(cfg.Paths.Themes)
	} else {
		in.Config.ThemesDir = filepath.Join(st.siteDir, "builtin", "themes")
		if err := addFS(builtin, "builtin/themes", disclose.Theme()); err != nil {
			return in, nil, err
		}
	}
	w, err := st.words()
	if err != nil {
		return in, nil, err
	}
	in.Words = w
	if cfg.Paths.Content != "" {
		in.Config.ContentDir = abs(cfg.Paths.Content)
	} else {
		in.Config.ContentDir = filepath.Join(st.siteDir, "builtin", "content")
		if err := addFS(builtin, "builtin/content", disclose.Content()); err != nil {
			return in, nil, err
		}
	}
	return in, builtin, nil
}

// words are the theme's interface strings, read once: the configured
// theme's or the built-in one's.
func (st *state) words() (words.Words, error) {
	if st.themeWords != nil {
		return st.themeWords, nil
	}
	var theme fs.FS
	if p := st.opts.Config.Paths.Themes; p != "" {
		theme = os.DirFS(filepath.Join(st.opts.Config.Path(p), "disclose"))
	} else {
		sub, err := fs.Sub(disclose.Theme(), "disclose")
		if err != nil {
			return nil, err
		}
		theme = sub
	}
	w, err := words.Load(theme)
	if err != nil {
		return nil, err
	}
	st.themeWords = w
	return w, nil
}

func siteStep(st *state) error {
	in, builtin, err := siteInput(st)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(st.siteDir); err != nil {
		return err
	}
	if err := write.Files(st.ctx, st.siteDir, builtin); err != nil {
		return err
	}
	files, err := site.Generate(in)
	if err != nil {
		return err
	}
	st.passes = site.Passes(in)
	return write.Files(st.ctx, st.siteDir, files)
}

// addFS copies every file of fsys into files under prefix.
func addFS(files map[string][]byte, prefix string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files[path.Join(prefix, p)] = data
		return nil
	})
}

// stageStep makes the staging folder next to the output folder, so that
// the final rename stays on one file system.
func stageStep(st *state) error {
	out, err := filepath.Abs(st.opts.OutDir)
	if err != nil {
		return err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".building-")
	if err != nil {
		return err
	}
	st.staging = staging
	return nil
}

func hugoStep(st *state) error {
	stats, err := hugo.Build(hugo.Options{Ctx: st.ctx, SiteDir: st.siteDir, OutDir: st.staging, BaseURL: st.baseURL(), Stderr: st.opts.Stderr, Passes: st.passes})
	if err != nil {
		return err
	}
	st.pages = stats.Pages
	return nil
}

// downloadsStep writes the downloads and the search index that are in
// memory.
func downloadsStep(st *state) error {
	if err := write.Files(st.ctx, st.staging, st.exported.Files); err != nil {
		return err
	}
	return write.Files(st.ctx, st.staging, st.searchFiles)
}

// prescan runs the leak guard over files that are in memory and just
// written to the staging folder, and notes each file's size and time so
// that scanStep does not read it again.
func (st *state) prescan(files map[string][]byte) error {
	if st.pre == nil {
		st.pre = &scan.Report{}
		st.stamps = map[string]stamp{}
	}
	st.pre.Merge(st.leakGuard().Files(files))
	for name, data := range files {
		info, err := os.Stat(filepath.Join(st.staging, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		if info.Size() == int64(len(data)) {
			st.stamps[name] = stamp{info.Size(), info.ModTime()}
		}
	}
	return nil
}

// releaseStep drops the downloads' bytes and the records, which are on disk
// or in Hugo's working site by now: Hugo is the stage that needs the memory.
// The row accounting, the withheld list and the leak guard's values stay.
func releaseStep(st *state) error {
	st.exported.Files, st.exported.Manifest, st.searchFiles = nil, nil, nil
	st.redacted.Records = nil
	st.loaded.Published = nil
	return nil
}

func searchStep(st *state) error {
	content := disclose.Content()
	if p := st.opts.Config.Paths.Content; p != "" {
		content = os.DirFS(st.opts.Config.Path(p))
	}
	w, err := st.words()
	if err != nil {
		return err
	}
	files, err := search.Generate(search.Input{Catalog: st.cat, Records: st.redacted.Records, Content: content, Words: w})
	if err != nil {
		return err
	}
	st.searchFiles = files
	return nil
}

func scanStep(st *state) error {
	done := func(rel string, d fs.DirEntry) (int64, bool) {
		s, ok := st.stamps[rel]
		if !ok {
			return 0, false
		}
		info, err := d.Info()
		return s.size, err == nil && s.size == info.Size() && s.mod.Equal(info.ModTime())
	}
	rep, err := st.leakGuard().DirExcept(st.ctx, st.staging, 0, done)
	if err != nil {
		return err
	}
	rep.Merge(st.pre)
	st.findings = rep
	st.tree = rep.Tree
	if len(rep.Findings) > 0 {
		var lines *lineSources
		for _, f := range rep.Findings {
			src := sourceOf(st.sources, f.Path)
			if src == "" {
				if lines == nil {
					lines = newLineSources(st.sources, st.staging)
				}
				src = lines.of(f)
			}
			if src != "" {
				fmt.Fprintf(st.opts.Stderr, "leak: %s (from the record at %s)\n", f, src)
				continue
			}
			fmt.Fprintf(st.opts.Stderr, "leak: %s\n", f)
		}
		fmt.Fprintf(st.opts.Stderr, "%d finding(s); the output was not published\n", len(rep.Findings))
		return ErrLeak
	}
	return nil
}

// needles are the values the leak guard must not find: what it learnt
// from the private records and everything the redactor removed, except
// the ids of records that the previous release published and this one
// lists as removed in its changelog (the id, and nothing else of the
// record, is how a reader learns it was removed).
func (st *state) needles() []string {
	all := append(append([]string{}, st.private...), st.redacted.Removed...)
	if st.exported == nil || st.exported.Changes == nil || len(st.exported.Changes.Removed) == 0 {
		return all
	}
	listed := map[string]bool{}
	for _, c := range st.exported.Changes.Removed {
		listed[c.ID] = true
	}
	out := make([]string, 0, len(all))
	for _, n := range all {
		if !listed[n] {
			out = append(out, n)
		}
	}
	return out
}

// swapStep replaces the output folder with the staging folder. The old
// output is moved aside first and removed after, so a crash in between
// leaves either the old or the new site, never a mix.
func swapStep(st *state) error {
	out, err := filepath.Abs(st.opts.OutDir)
	if err != nil {
		return err
	}
	old := st.staging + ".old"
	if _, err := os.Stat(out); err == nil {
		if err := os.Rename(out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(st.staging, out); err != nil {
		return err
	}
	st.staging = ""
	return os.RemoveAll(old)
}

// writeReport writes the private build report: never inside the output.
func writeReport(st *state, res *Result) error {
	cfg := st.opts.Config
	p := cfg.Path(cfg.Paths.Report)
	if p == "" || st.loaded == nil {
		return nil
	}
	absOut, _ := filepath.Abs(st.opts.OutDir)
	absReport, _ := filepath.Abs(p)
	if rel, err := filepath.Rel(absOut, absReport); err == nil && !strings.HasPrefix(rel, "..") {
		return fmt.Errorf("the build report %s must not be inside the output folder %s", p, st.opts.OutDir)
	}
	type withheldRow struct {
		Dataset, ID, Reason string
		Position            string
	}
	rep := struct {
		AsOf        string                    `json:"as_of"`
		Accounting  []Count                   `json:"accounting"`
		Withheld    []withheldRow             `json:"withheld"`
		Rejected    []withheldRow             `json:"rejected"`
		Redactions  map[string]map[string]int `json:"redactions,omitempty"`
		Redacted    []string                  `json:"redacted,omitempty"`
		Diagnostics []string                  `json:"diagnostics"`
		Timings     []string                  `json:"timings"`
	}{AsOf: st.opts.AsOf, Accounting: st.loaded.Accounting()}
	for _, w := range st.loaded.Withheld {
		rep.Withheld = append(rep.Withheld, withheldRow{w.Record.Dataset.Name, w.Record.ID, string(w.Reason), w.Record.Row.String()})
	}
	for _, r := range st.loaded.Rejected {
		rep.Rejected = append(rep.Rejected, withheldRow{r.Dataset.Name, r.ID, "rejected", r.Row.String()})
	}
	sort.Slice(rep.Withheld, func(i, j int) bool { return rep.Withheld[i].Position < rep.Withheld[j].Position })
	if st.redacted != nil {
		rep.Redactions = st.redacted.Counts
		rep.Redacted = make([]string, len(st.redacted.Log))
		for i, r := range st.redacted.Log {
			rep.Redacted[i] = r.String()
		}
	}
	for _, d := range st.loaded.Diags {
		rep.Diagnostics = append(rep.Diagnostics, d.String())
	}
	for _, t := range res.Timings {
		rep.Timings = append(rep.Timings, fmt.Sprintf("%s %s", t.Stage, t.Duration.Round(time.Millisecond)))
	}
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, append(data, '\n'), 0o600)
}

// redactionPolicy turns the configuration into the redactor's policy. The
// pseudonym key comes from the environment, never from a file.
func redactionPolicy(cfg *config.Config) (redact.Policy, error) {
	p := redact.Policy{
		Fields:              cfg.Redaction.Fields,
		Placeholder:         cfg.Redaction.Placeholder,
		PersonalMailDomains: cfg.Redaction.PersonalMailDomains,
	}
	if cfg.Redaction.KeyEnv != "" {
		p.Key = []byte(os.Getenv(cfg.Redaction.KeyEnv))
	}
	return p, nil
}
