// Command disclose turns ethics registers kept in Excel workbooks into a
// public website and machine-readable downloads. See the README.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"disclose/generator/cli"
)

func main() {
	// Ctrl-C, or SIGTERM from a cancelled CI job, stops a build between
	// steps and its pools; the output folder is left as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
