// Package hugo runs Hugo in-process on a prepared site directory and writes
// the rendered site to an output directory. It is the only package that
// imports Hugo: Hugo's Go API has no stability promise, so every use of it
// stays behind the one function here.
package hugo

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
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
}

// Stats reports what Hugo rendered.
type Stats struct {
	Pages int
}

// Build renders the site in SiteDir into OutDir.
func Build(opts Options) (Stats, error) {
	siteDir, err := filepath.Abs(opts.SiteDir)
	if err != nil {
		return Stats{}, err
	}
	outDir, err := filepath.Abs(opts.OutDir)
	if err != nil {
		return Stats{}, err
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
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:       flags,
		Fs:          hugofs.Os,
		Filename:    filepath.Join(siteDir, "hugo.toml"),
		Environment: "production",
		Logger:      logger,
		Environ:     []string{"HUGO_ENVIRONMENT=production"},
	})
	if err != nil {
		return Stats{}, fmt.Errorf("hugo config: %w", err)
	}
	flags.Set("publishDir", configs.Base.PublishDir)
	flags.Set("publishDirStatic", configs.Base.PublishDir)
	flags.Set("publishDirDynamic", configs.Base.PublishDir)
	fs := hugofs.NewFromSourceAndDestination(hugofs.Os, hugofs.Os, flags)
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		StdOut:   io.Discard,
		StdErr:   stderr,
		LogLevel: logg.LevelWarn,
	})
	if err != nil {
		return Stats{}, fmt.Errorf("hugo: %w", err)
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		return Stats{}, fmt.Errorf("hugo: %w", err)
	}
	var st Stats
	for _, s := range sites.Sites {
		st.Pages += len(s.Pages())
	}
	return st, nil
}
