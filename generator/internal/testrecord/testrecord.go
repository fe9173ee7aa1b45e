// Package testrecord builds the records tests start from.
package testrecord

import (
	"fmt"

	"disclose/generator/record"
	"disclose/generator/schema"
)

// New builds a record of dataset from key, value pairs; a value is a
// string, a []string (a list), an int64 or a bool.
func New(cat *schema.Catalog, dataset, id string, kv ...any) *record.Record {
	r := &record.Record{Dataset: cat.Dataset(dataset), ID: id, Values: map[string]record.Value{"id": {Str: id}}}
	for i := 0; i+1 < len(kv); i += 2 {
		key := kv[i].(string)
		switch v := kv[i+1].(type) {
		case string:
			r.Values[key] = record.Value{Str: v}
		case []string:
			r.Values[key] = record.Value{List: v}
		case int64:
			r.Values[key] = record.Value{Int: v}
		case bool:
			r.Values[key] = record.Value{Bool: v}
		default:
			panic(fmt.Sprintf("testrecord.New: %s: %T", key, v))
		}
	}
	return r
}
