// Command disclose turns ethics registers kept in Excel workbooks into a
// public website and machine-readable downloads. See the README.
package main

import (
	"os"

	"disclose/generator/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
