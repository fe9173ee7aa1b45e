package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"disclose/generator/pipeline"
	"disclose/generator/sample"
	"disclose/generator/scan"
	"disclose/generator/schema"
	"disclose/generator/template"
	"disclose/generator/write"
)

func cmdTemplate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("template", stderr)
	out := fs.String("out", "", "folder to write the blank workbooks to (required)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{fmt.Errorf("template needs --out DIR")}
	}
	cat := schema.MustDefault()
	files, err := template.Generate(cat)
	if err != nil {
		return err
	}
	n := len(files)
	files["data-contract.md"] = template.Contract(cat)
	if err := write.Files(ctx, *out, files); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d blank workbooks and the data contract (data-contract.md) to %s\n", n, *out)
	return nil
}

func cmdSample(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sample", stderr)
	out := fs.String("out", "", "folder to write the sample workbooks to (required)")
	scale := fs.Int("scale", 400, "number of records across the four datasets")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same workbooks")
	asOf := fs.String("as-of", "2026-11-01", "date the sample data is current at, YYYY-MM-DD")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{fmt.Errorf("sample needs --out DIR")}
	}
	if *scale < 1 {
		return usageError{fmt.Errorf("--scale must be at least 1")}
	}
	day, err := time.Parse(time.DateOnly, *asOf)
	if err != nil {
		return usageError{fmt.Errorf("--as-of %q: want a date as YYYY-MM-DD", *asOf)}
	}
	files, err := sample.Generate(schema.MustDefault(), sample.Options{Scale: *scale, Seed: *seed, AsOf: day})
	if err != nil {
		return err
	}
	if err := write.Files(ctx, *out, files); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d workbooks with about %d records to %s\n", len(files), *scale, *out)
	return nil
}

func cmdScan(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("scan", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{fmt.Errorf("scan needs exactly one folder")}
	}
	dir := fs.Arg(0)
	start := time.Now()
	rep, err := scan.Dir(dir, scan.Options{})
	if err != nil {
		return err
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(stderr, "leak: %s\n", f)
	}
	if len(rep.Findings) > 0 {
		return fmt.Errorf("%d finding(s) in %s: %w", len(rep.Findings), dir, pipeline.ErrLeak)
	}
	// The file count is the tree's, as a build reports it; the entries
	// inside archives (the zip, the XLSX parts) are counted apart.
	fmt.Fprintf(stdout, "no personal data found in %s (%d files, %d entries inside archives, %s)\n",
		dir, rep.Tree.Files, rep.Entries, time.Since(start).Round(time.Millisecond))
	return nil
}
