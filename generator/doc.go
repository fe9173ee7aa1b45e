// Package generator is the pipeline of disclose, one package per stage.
//
// Workbooks come in through ingest, which finds data/<dataset>.xlsx and
// data/<dataset>/*.xlsx, finds each sheet's header row by the schema's
// headers (Chinese or English, with notes and markers), and streams the rows
// with their positions. normalize parses every cell by its type (dates in
// every accepted form, numbers, booleans, periods, regions, vocabulary
// values, lists) into a record, reporting each problem at its cell. validate
// checks what spans records: unique ids and web addresses, references
// between registers, dates in an order that can be. publish applies the
// publication rules for the build date: not for publication, embargoed,
// expired and withdrawn records are withheld. redact is the only way from a
// record to a public record: it drops secret fields and unknown columns,
// masks names and removes personal data from free text. export makes the
// downloads and search the static search index; the leak guard (scan)
// reads each while it is in memory, and once written its bytes are let
// go. site writes Hugo's working site, hugo renders it (a large site in
// several passes, so that Hugo holds only a part of the pages at a time),
// and scan reads every other byte of the result before it replaces the
// output folder. pipeline holds the order; cli is the command line; config reads
// disclose.toml; write is the one place that writes generated files.
//
// Problems in the data are diagnostics (FILE:SHEET!CELL: field: message),
// collected over the whole run and printed sorted; every row read is
// published, withheld with a reason, or rejected with its position, and the
// build checks that the counts add up.
package generator
