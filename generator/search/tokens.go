package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxPrefix is the longest word prefix that is indexed: a longer query
// word is cut to this length, so "biotechnology" still finds
// "biotechnologies".
const maxPrefix = 12

// minWord is the shortest Latin word or number that is indexed or
// searched for: single letters match nearly everything.
const minWord = 2

// normalize folds full-width forms and compatibility characters (NFKC)
// and lower-cases, the same steps search.js applies to a query
// (String.prototype.normalize("NFKC").toLowerCase()).
func normalize(s string) string {
	return strings.ToLower(norm.NFKC.String(s))
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isHan(r)
}

// segments splits normalised text into runs of Han characters and runs of
// other letters and digits; everything else separates. run is scratch
// space for the runs, returned for the next call.
func segments(s string, run []rune, emit func(run []rune, han bool)) []rune {
	run = run[:0]
	han := false
	flush := func() {
		if len(run) > 0 {
			emit(run, han)
		}
		run = run[:0]
	}
	for _, r := range s {
		switch {
		case isHan(r):
			if !han {
				flush()
			}
			han = true
			run = append(run, r)
		case isWordRune(r):
			if han {
				flush()
			}
			han = false
			run = append(run, r)
		default:
			flush()
		}
	}
	flush()
	return run
}

// tokenizer yields the index tokens of texts, reusing its buffers.
type tokenizer struct {
	run []rune
	tok []byte
}

// each calls fn with every index token of s in order of appearance,
// repeats included: every pair of adjacent Han characters, and every
// prefix of two to maxPrefix characters of each other word (letters and
// digits, lower-cased), so that a query word matches the words it begins.
// tok is valid only during the call.
func (t *tokenizer) each(s string, fn func(tok []byte)) {
	t.run = segments(normalize(s), t.run, func(run []rune, han bool) {
		if han {
			for i := 0; i+1 < len(run); i++ {
				t.tok = utf8.AppendRune(utf8.AppendRune(t.tok[:0], run[i]), run[i+1])
				fn(t.tok)
			}
			return
		}
		t.tok = t.tok[:0]
		for n := 1; n <= len(run) && n <= maxPrefix; n++ {
			t.tok = utf8.AppendRune(t.tok, run[n-1])
			if n >= minWord {
				fn(t.tok)
			}
		}
	})
}

// Tokens returns the index tokens of a text (see tokenizer.each), each
// once, in order of first appearance.
func Tokens(s string) []string {
	seen := map[string]bool{}
	var out []string
	var t tokenizer
	t.each(s, func(tok []byte) {
		if !seen[string(tok)] {
			seen[string(tok)] = true
			out = append(out, string(tok))
		}
	})
	return out
}

// QueryTokens returns the tokens a query must all match: bigrams covering
// its Han runs and its words cut to maxPrefix. short reports a query that
// has something to search for but nothing long enough (a single Han
// character or a single letter), so the page can say so rather than show
// no results.
func QueryTokens(q string) (tokens []string, short bool) {
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			tokens = append(tokens, t)
		}
	}
	segments(normalize(q), nil, func(run []rune, han bool) {
		switch {
		case han && len(run) >= 2:
			// Bigrams that cover every character are enough: each
			// further overlapping one would cost another shard.
			for i := 0; i+1 < len(run); i += 2 {
				add(string(run[i : i+2]))
			}
			if len(run)%2 == 1 {
				add(string(run[len(run)-2:]))
			}
		case !han && len(run) >= minWord:
			if len(run) > maxPrefix {
				run = run[:maxPrefix]
			}
			add(string(run))
		default:
			short = true
		}
	})
	if len(tokens) > 0 {
		short = false
	}
	return tokens, short
}
