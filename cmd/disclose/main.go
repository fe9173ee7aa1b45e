// Command disclose turns ethics registers kept in Excel workbooks into a
// public website and machine-readable downloads. See the README.
package main

import (
	"context"
	"os"
	"os/signal"

	"disclose/generator/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
