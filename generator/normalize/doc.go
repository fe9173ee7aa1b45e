// Package normalize turns raw workbook rows into typed records. values.go
// holds one parser per value type of docs/data-contract.md (dates in every
// accepted form, numbers, booleans, periods, regions, vocabularies, lists,
// ids, credit codes); rows.go applies them to a row according to the
// schema. Every problem is a diagnostic at the cell it comes from; a row
// with an error is returned as rejected, never silently dropped.
package normalize
