package export

import (
	"bytes"

	"disclose/generator/redact"
	"disclose/generator/schema"
)

// member is one key of an object whose keys keep their order.
type member struct {
	Key   string
	Value any
}

// object is a JSON object that keeps its keys in the order given, so that
// records read in schema order.
type object []member

func (o object) MarshalJSON() ([]byte, error) { return o.appendJSON(nil), nil }

// appendJSON appends o as compact JSON, as marshal writes it.
func (o object) appendJSON(b []byte) []byte {
	b = append(b, '{')
	for i, m := range o {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, m.Key)
		b = append(b, ':')
		b = appendJSON(b, m.Value)
	}
	return append(b, '}')
}

// appendJSON appends v as compact JSON, as marshal writes it.
func appendJSON(b []byte, v any) []byte {
	switch v := v.(type) {
	case object:
		return v.appendJSON(b)
	case term:
		return v.appendJSON(b)
	case []term:
		if v == nil {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i, t := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = t.appendJSON(b)
		}
		return append(b, ']')
	}
	return append(b, marshal(v)...)
}

// bulkJSON writes the dataset as one document with one record per line:
// the same columns as the CSV, typed (integers as numbers, booleans, lists
// as arrays, blank as null), enumerations as codes.
func (g *generator) bulkJSON(d *schema.Dataset, cols []column, recs []*redact.Record) []byte {
	keys := make([]string, len(cols))
	for i, c := range cols {
		keys[i] = c.Key
	}
	var b bytes.Buffer
	b.WriteString("{\n")
	b.WriteString(`"dataset":` + string(marshal(d.Name)) + ",\n")
	b.WriteString(`"release":` + string(marshal(g.in.AsOf)) + ",\n")
	b.WriteString(`"count":` + string(marshal(len(recs))) + ",\n")
	b.WriteString(`"fields":` + string(marshal(keys)) + ",\n")
	b.WriteString(`"records":[`)
	for i, r := range recs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		o := make(object, len(cols))
		for j, c := range cols {
			o[j] = member{c.Key, c.value(r)}
		}
		b.Write(marshal(o))
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// term is a vocabulary value with its labels.
type term struct {
	Code string `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// appendJSON appends t as encoding/json writes it.
func (t term) appendJSON(b []byte) []byte {
	b = append(b, `{"code":`...)
	b = appendJSONString(b, t.Code)
	b = append(b, `,"zh":`...)
	b = appendJSONString(b, t.Zh)
	b = append(b, `,"en":`...)
	b = appendJSONString(b, t.En)
	return append(b, '}')
}

// recordJSON is the document behind a record's permanent page: every
// public field in schema order (blank as null), vocabulary values as
// {code, zh, en}, and the record's addresses in both languages. It carries
// no release date, so it changes only when the record does. It is written
// compact, on one line, as the bulk files' records are: there is one for
// every published record, and a browser or jq lays one out for a reader.
func (g *generator) recordJSON(d *schema.Dataset, cols []column, r *redact.Record) []byte {
	values := make(object, 0, len(cols))
	for _, c := range cols {
		if c.Label != "" {
			continue
		}
		v := c.value(r)
		if c.vocab != nil && v != nil {
			v = labelled(c, v)
		}
		values = append(values, member{c.Key, v})
	}
	o := object{
		{"dataset", d.Name},
		{"id", r.ID()},
		{"slug", r.Slug()},
		{"title", nilIfEmpty(r.Str(d.TitleField))},
		{"url", g.recordURL(d.Name, r.Slug(), "")},
		{"url_en", g.recordURL(d.Name, r.Slug(), "en")},
		{"values", values},
	}
	return append(o.appendJSON(nil), '\n')
}

// labelled replaces codes with terms; an unknown code keeps empty labels.
func labelled(c column, v any) any {
	lookup := func(code string) term {
		t := term{Code: code}
		if vt := c.vocab.Term(code); vt != nil {
			t.Zh, t.En = vt.Zh, vt.En
		}
		return t
	}
	switch v := v.(type) {
	case string:
		return lookup(v)
	case []string:
		out := make([]term, len(v))
		for i, s := range v {
			out[i] = lookup(s)
		}
		return out
	}
	return v
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// recordURL is a record's permanent address; lang "en" gives the English
// page.
func (g *generator) recordURL(dataset, slug, lang string) string {
	u := g.base
	if lang != "" {
		u += lang + "/"
	}
	return u + dataset + "/" + slug + "/"
}
