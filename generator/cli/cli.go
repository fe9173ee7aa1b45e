// Package cli is the command line of disclose: it parses flags (pflag) and
// the configuration file (strict TOML), runs a command and returns the
// documented exit code. Only main exits.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"disclose/generator/config"
	"disclose/generator/pipeline"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFailure  = 1 // any other failure
	ExitUsage    = 2 // bad command line or configuration
	ExitDataErrs = 3 // the data has errors
	ExitLeak     = 4 // the leak guard found personal data
)

const usage = `disclose turns ethics registers kept in Excel workbooks into a public
website and machine-readable downloads.

Usage:
  disclose build     [--config FILE] [--data DIR] [--out DIR] [--base-url URL]
                     [--as-of YYYY-MM-DD] [--previous MANIFEST] [--keep-going]
  disclose check     [--config FILE] [--data DIR] [--as-of YYYY-MM-DD]
  disclose template  --out DIR
  disclose sample    --out DIR [--scale N] [--seed S] [--as-of YYYY-MM-DD]
  disclose scan      DIR
  disclose serve     [--config FILE] [--data DIR] [--addr HOST:PORT]
  disclose version

Exit codes: 0 success, 1 failure, 2 bad usage, 3 errors in the data,
4 personal data found in the output.
Run "disclose COMMAND --help" for a command's flags.
`

// Run is the program: Main, stopped by Ctrl-C or by SIGTERM from a
// cancelled CI job. A build stops within a second or two, in any step,
// Hugo's included; its staging folder is removed and the output folder is
// left as it was.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Main(ctx, args, stdin, stdout, stderr)
}

// Main runs the command line and returns the exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	cmd, rest := args[0], args[1:]
	var run func(context.Context, []string, io.Writer, io.Writer) error
	switch cmd {
	case "build":
		run = cmdBuild
	case "check":
		run = cmdCheck
	case "template":
		run = cmdTemplate
	case "sample":
		run = cmdSample
	case "scan":
		run = cmdScan
	case "serve":
		run = cmdServe
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	case "version", "--version":
		fmt.Fprint(stdout, version())
		return ExitOK
	default:
		fmt.Fprintf(stderr, "disclose: unknown command %q\n\n%s", cmd, usage)
		return ExitUsage
	}
	err := run(ctx, rest, stdout, stderr)
	return exitCode(err, stderr)
}

type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, pflag.ErrHelp):
		return ExitOK
	case errors.Is(err, pipeline.ErrData):
		fmt.Fprintf(stderr, "disclose: %v\n", err)
		return ExitDataErrs
	case errors.Is(err, pipeline.ErrLeak):
		fmt.Fprintf(stderr, "disclose: %v\n", err)
		return ExitLeak
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "disclose: %v\n", err)
		return ExitUsage
	default:
		fmt.Fprintf(stderr, "disclose: %v\n", err)
		return ExitFailure
	}
}

// common holds the flags shared by build, check and serve.
type common struct {
	config, data, out, baseURL, asOf, previous string
	keepGoing, timings                         bool
}

func newFlags(name string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	return fs
}

func parse(fs *pflag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return nil
}

// options loads the configuration and lets flags that were given override
// it.
func (c *common) options(fs *pflag.FlagSet, stdout, stderr io.Writer) (pipeline.Options, error) {
	cfg, err := config.Load(c.config, fs.Changed("config"))
	if err != nil {
		return pipeline.Options{}, usageError{err}
	}
	opts := pipeline.Options{Config: cfg, Stdout: stdout, Stderr: stderr, KeepGoing: c.keepGoing, Previous: c.previous}
	opts.DataDir = cfg.Path(cfg.Paths.Data)
	if fs.Changed("data") {
		opts.DataDir = c.data
	}
	opts.OutDir = cfg.Path(cfg.Paths.Out)
	if fs.Changed("out") {
		opts.OutDir = c.out
	}
	if fs.Changed("base-url") {
		opts.BaseURL = c.baseURL
	}
	opts.AsOf = c.asOf
	if opts.AsOf == "" {
		opts.AsOf = time.Now().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, opts.AsOf); err != nil {
		return opts, usageError{fmt.Errorf("--as-of %q: want a date as YYYY-MM-DD", c.asOf)}
	}
	if info, err := os.Stat(opts.DataDir); err != nil || !info.IsDir() {
		return opts, usageError{fmt.Errorf("%s: no data folder here: put the workbooks in %s or name the folder with --data", opts.DataDir, opts.DataDir)}
	}
	return opts, nil
}

func (c *common) register(fs *pflag.FlagSet, build bool) {
	fs.StringVar(&c.config, "config", "disclose.toml", "configuration file")
	fs.StringVar(&c.data, "data", "data", "folder with the workbooks")
	fs.StringVar(&c.asOf, "as-of", "", "publication date the rules apply to, YYYY-MM-DD (default today)")
	if build {
		fs.StringVar(&c.out, "out", "public", "output folder (replaced only by a build that succeeds)")
		fs.StringVar(&c.baseURL, "base-url", "", "public URL of the site, e.g. https://example.org/ethics/")
		fs.StringVar(&c.previous, "previous", "", "manifest.json of the previous release, for the changelog")
		fs.BoolVar(&c.keepGoing, "keep-going", false, "quarantine rows with errors and publish the rest")
		fs.BoolVar(&c.timings, "timings", false, "print \"timing STAGE SECONDS\" for every stage on stderr")
	}
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c common
	fs := newFlags("build", stderr)
	c.register(fs, true)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("build takes no arguments (got %s)", strings.Join(fs.Args(), " "))}
	}
	opts, err := c.options(fs, stdout, stderr)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := pipeline.Build(ctx, opts)
	if c.timings && res != nil {
		for _, t := range res.Timings {
			fmt.Fprintf(stderr, "timing %s %.3f cpu=%.3f\n", t.Stage, t.Duration.Seconds(), t.CPU.Seconds())
		}
	}
	if err != nil {
		return err
	}
	if w := relativeBase(opts); w != "" {
		fmt.Fprintln(stderr, w)
	}
	// What a host is asked to store, since hosts limit it.
	out := res.Output
	fmt.Fprintf(stdout, "built %d pages into %s in %s (%s in %d files and %d folders)\n",
		res.Pages, opts.OutDir, time.Since(start).Round(time.Millisecond), decimalSize(out.Bytes), out.Files, out.Folders)
	return nil
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c common
	fs := newFlags("check", stderr)
	c.register(fs, false)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("check takes no arguments (got %s)", strings.Join(fs.Args(), " "))}
	}
	opts, err := c.options(fs, stdout, stderr)
	if err != nil {
		return err
	}
	_, err = pipeline.Check(ctx, opts)
	if err == nil {
		fmt.Fprintln(stdout, "no errors")
	}
	return err
}

// decimalSize writes a byte count in decimal units, as hosts state their
// limits.
func decimalSize(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.2f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}

// relativeBase warns when the site's address is not absolute: the sitemap,
// robots.txt, the feeds, canonical links and datapackage.json need the
// public address, and with "/" they are invalid once uploaded.
func relativeBase(opts pipeline.Options) string {
	base := opts.BaseURL
	if base == "" {
		base = opts.Config.Site.BaseURL
	}
	if u, err := url.Parse(base); err == nil && u.Scheme != "" && u.Host != "" {
		return ""
	}
	return fmt.Sprintf("warning: the site's address is %q, not a public one: sitemap.xml, robots.txt, the feeds, canonical links and datapackage.json need it absolute. This build is fine to look at; to publish it, pass --base-url https://… or set base_url under [site] in disclose.toml.", base)
}
