// Package config reads disclose.toml: the site's settings, where the data
// and the output live, and the publication and redaction policy. Reading is
// strict: an unknown key is an error that names its line, so a typo never
// silently turns a rule off.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"disclose/generator/schema"
)

// Config is the whole configuration file.
type Config struct {
	Site        Site             `toml:"site"`
	Paths       Paths            `toml:"paths"`
	Publication Publication      `toml:"publication"`
	Redaction   Redaction        `toml:"redaction"`
	Build       Build            `toml:"build"`
	Vocabs      schema.VocabFile `toml:"vocabularies"`

	// Dir is the directory of the configuration file; relative paths in
	// the file are relative to it.
	Dir string `toml:"-"`
}

// Site holds what the public site says about itself.
type Site struct {
	TitleZh      string `toml:"title_zh"`
	TitleEn      string `toml:"title_en"`
	PublisherZh  string `toml:"publisher_zh"`
	PublisherEn  string `toml:"publisher_en"`
	BaseURL      string `toml:"base_url"`
	ContactEmail string `toml:"contact_email"`
	License      string `toml:"license"`
	// Contacts are the bodies that take reports of ethics violations,
	// shown on the page about reporting a concern, linked from the home
	// page, the footer and every case.
	Contacts []Contact `toml:"contacts"`
}

// Contact is one body that takes reports: [[site.contacts]]. Every key is
// optional but the body's name; a key in one language stands for both.
type Contact struct {
	BodyZh    string `toml:"body_zh"`
	BodyEn    string `toml:"body_en"`
	ScopeZh   string `toml:"scope_zh"`
	ScopeEn   string `toml:"scope_en"`
	AddressZh string `toml:"address_zh"`
	AddressEn string `toml:"address_en"`
	Phone     string `toml:"phone"`
	Email     string `toml:"email"`
	Web       string `toml:"web"`
}

// Paths says where things are, relative to the configuration file.
type Paths struct {
	Data string `toml:"data"`
	Out  string `toml:"out"`
	Work string `toml:"work"`
	// Content and Themes name folders that replace the built-in pages and
	// theme; empty means built in.
	Content string `toml:"content"`
	Themes  string `toml:"themes"`
	// Report is the private build report; it must be outside Out.
	Report string `toml:"report"`
}

// Build holds settings of the build itself, not of what it publishes.
type Build struct {
	// RecordsPerPass is how many records one pass of Hugo renders; a
	// larger site is rendered in several passes, one after the other,
	// which bounds the memory a build needs. 0 means the default.
	RecordsPerPass int `toml:"records_per_pass"`
}

// Publication holds the publication rules.
type Publication struct {
	// RetentionYears is how long a case stays published after its
	// publish_from date when it has no publish_until.
	RetentionYears int `toml:"retention_years"`
	// SuppressBelow hides public counts smaller than this when they are
	// computed over records that are not themselves public.
	SuppressBelow int `toml:"suppress_below"`
}

// Redaction holds the redaction policy.
type Redaction struct {
	// Fields maps "dataset.field" to keep, mask, drop or pseudonym.
	Fields map[string]string `toml:"fields"`
	// KeyEnv names the environment variable that holds the pseudonym key.
	KeyEnv              string   `toml:"key_env"`
	Placeholder         string   `toml:"placeholder"`
	PersonalMailDomains []string `toml:"personal_mail_domains"`
}

// Default returns the configuration used when there is no file.
func Default() *Config {
	return &Config{
		Site: Site{
			TitleZh:     "科技伦理公开平台",
			TitleEn:     "Science and Technology Ethics Register",
			PublisherZh: "科技伦理委员会办公室",
			PublisherEn: "Office of the Science and Technology Ethics Committee",
			BaseURL:     "/",
			License:     "CC-BY-4.0",
		},
		Paths: Paths{
			Data:   "data",
			Out:    "public",
			Work:   ".disclose/site",
			Report: ".disclose/report.json",
		},
		Publication: Publication{RetentionYears: 3, SuppressBelow: 3},
		Redaction:   Redaction{KeyEnv: "DISCLOSE_PSEUDONYM_KEY", Placeholder: "〔已隐去〕"},
		Dir:         ".",
	}
}

// Load reads the configuration file at path over the defaults. A missing
// file is an error only when required is true.
func Load(path string, required bool) (*Config, error) {
	c := Default()
	c.Dir = filepath.Dir(path)
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !required {
			return c, nil
		}
		return nil, err
	}
	md, err := toml.Decode(string(data), c)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d: %s", path, perr.Position.Line, perr.Message)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		var msgs []string
		seen := map[string]bool{}
		for _, k := range und {
			if seen[k.String()] {
				continue
			}
			seen[k.String()] = true
			at := path
			if line, col := keyPosition(data, md, k); line > 0 {
				at = fmt.Sprintf("%s:%d:%d", path, line, col)
			}
			msgs = append(msgs, fmt.Sprintf("%s: unknown key %q", at, k.String()))
		}
		sort.Strings(msgs)
		return nil, errors.New(strings.Join(msgs, "\n"))
	}
	if c.Publication.RetentionYears < 0 || c.Publication.SuppressBelow < 0 {
		return nil, fmt.Errorf("%s: publication: retention_years and suppress_below must not be negative", path)
	}
	for i, k := range c.Site.Contacts {
		if k.BodyZh == "" && k.BodyEn == "" {
			return nil, fmt.Errorf("%s: site.contacts[%d]: body_zh or body_en is required", path, i+1)
		}
		if k.Web != "" && !strings.HasPrefix(k.Web, "https://") && !strings.HasPrefix(k.Web, "http://") {
			return nil, fmt.Errorf("%s: site.contacts[%d]: web must be an http(s) address, not %q", path, i+1, k.Web)
		}
	}
	if c.Build.RecordsPerPass < 0 {
		return nil, fmt.Errorf("%s: build: records_per_pass must not be negative", path)
	}
	return c, nil
}

// Path resolves a configured path against the configuration file's folder.
func (c *Config) Path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// keyPosition returns the line and column of an undecoded key, from the
// TOML library's own positions: MetaData does not give them, but a decode
// error does, so the file is decoded again into a value that has only
// that key, whose type refuses to be decoded. Keys inside inline tables
// and arrays of tables are found too. It returns 0, 0 when the library
// gives no position.
func keyPosition(data []byte, md toml.MetaData, key toml.Key) (line, col int) {
	t := reflect.TypeOf(refuse{})
	for i := len(key) - 1; i >= 0; i-- {
		t = reflect.StructOf([]reflect.StructField{{Name: "K", Type: t, Tag: reflect.StructTag(fmt.Sprintf("toml:%q", key[i]))}})
		if i > 0 {
			switch md.Type(key[:i]...) {
			case "Array", "ArrayHash":
				t = reflect.SliceOf(t)
			}
		}
	}
	_, err := toml.Decode(string(data), reflect.New(t).Interface())
	var perr toml.ParseError
	if errors.As(err, &perr) && perr.Message == errRefused.Error() {
		return perr.Position.Line, perr.Position.Col
	}
	return 0, 0
}

// refuse is a value that refuses to be decoded, so that the decoder says
// where its key is.
type refuse struct{}

var errRefused = errors.New("refused")

func (refuse) UnmarshalTOML(any) error { return errRefused }
