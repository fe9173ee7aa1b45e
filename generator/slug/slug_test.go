package slug_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"disclose/generator/slug"
)

var safe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestMakePlain(t *testing.T) {
	tests := []struct {
		name, id, want string
	}{
		{"registration number", "KJLL-2023-0012", "kjll-2023-0012"},
		{"letters only", "ABC", "abc"},
		{"digits only", "20230012", "20230012"},
		{"already lower case", "kjll-1", "kjll-1"},
		{"sixty characters", strings.Repeat("A", 60), strings.Repeat("a", 60)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := slug.Make(tt.id); got != tt.want {
				t.Errorf("Make(%q) = %q, want %q", tt.id, got, tt.want)
			}
		})
	}
}

func TestMakeLossy(t *testing.T) {
	tests := []struct {
		name, id, prefix string // the readable part before the hash
	}{
		{"slashes", "KJLL/2023/0012", "kjll-2023-0012-"},
		{"chinese document number", "国科伦审〔2023〕12号", "2023-12-"},
		{"chinese only", "国科伦审", "r-"},
		{"spaces", "KJLL 2023 12", "kjll-2023-12-"},
		{"dot dot", "..", "r-"},
		{"path escape", "../../etc/passwd", "etc-passwd-"},
		{"leading hyphen", "-A", "a-"},
		{"trailing hyphen", "A-", "a-"},
		{"double hyphen", "A--B", "a-b-"},
		{"empty", "", "r-"},
		{"too long", strings.Repeat("A", 61), strings.Repeat("a", 60) + "-"},
		{"too long with a hyphen at the cut", strings.Repeat("A", 59) + "-BBBB", strings.Repeat("a", 59) + "-"},
		{"url characters", "A?B#C%20&D", "a-b-c-20-d-"},
		{"backslash", `A\B`, "a-b-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slug.Make(tt.id)
			if !safe.MatchString(got) || len(got) > 70 {
				t.Errorf("Make(%q) = %q, not a safe segment", tt.id, got)
			}
			hash := strings.TrimPrefix(got, tt.prefix)
			if !strings.HasPrefix(got, tt.prefix) || len(hash) != 8 || strings.Trim(hash, "bcdfghjkmnpqrstvwxz") != "" {
				t.Errorf("Make(%q) = %q, want %q followed by 8 consonants", tt.id, got, tt.prefix)
			}
		})
	}
}

// Ids that differ only in what the slug drops still get their own segments.
func TestMakeDistinct(t *testing.T) {
	ids := []string{
		"KJLL-2023-0012", "KJLL/2023/0012", "KJLL 2023 0012", "KJLL--2023-0012", "KJLL_2023_0012",
		"-KJLL-2023-0012", "KJLL-2023-0012-", "国科伦审〔2023〕12号", "京科伦审〔2023〕12号", "〔2023〕12",
		"2023-12", "..", ".", "", "/", "A", "A.", ".A",
		strings.Repeat("A", 61), strings.Repeat("A", 62), strings.Repeat("A", 60) + "B",
	}
	seen := map[string]string{}
	for _, id := range ids {
		s := slug.Make(id)
		if other, ok := seen[s]; ok {
			t.Errorf("Make(%q) = Make(%q) = %q", id, other, s)
		}
		seen[s] = id
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"KJLL-2023-0012", "KJLL/2023/0012", "国科伦审〔2023〕12号", "..", "-A", "", strings.Repeat("A-", 40), "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		got := slug.Make(id)
		if !safe.MatchString(got) {
			t.Fatalf("Make(%q) = %q, not a safe segment", id, got)
		}
		if len(got) > 70 {
			t.Fatalf("Make(%q) = %q, %d bytes", id, got, len(got))
		}
		if again := slug.Make(id); again != got {
			t.Fatalf("Make(%q) = %q, then %q", id, got, again)
		}
	})
}

// A hash never joins the digits of an id into a run that the leak guard
// would read as a mobile or ID number: "2025-140-" followed by digits once
// made "14094291571", a mobile number's shape, in a record's address.
func TestHashHasNoDigits(t *testing.T) {
	for i := 0; i < 20000; i++ {
		id := fmt.Sprintf("粤科高风险登〔2025〕%d号", i)
		got := slug.Make(id)
		want := fmt.Sprintf("2025-%d-", i)
		if !strings.HasPrefix(got, want) || strings.ContainsAny(strings.TrimPrefix(got, want), "0123456789") {
			t.Fatalf("Make(%q) = %q, want %q and eight letters", id, got, want)
		}
	}
}

// Every link to a record starts with the base URL in one form, whatever
// form the configuration gives it in.
func TestBase(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "/"},
		{"/", "/"},
		{"https://example.org", "https://example.org/"},
		{"https://example.org/ethics", "https://example.org/ethics/"},
		{"https://example.org/ethics/", "https://example.org/ethics/"},
		{"https://example.org/伦理/", "https://example.org/%E4%BC%A6%E7%90%86/"},
		{"/伦理", "/%E4%BC%A6%E7%90%86/"},
	} {
		if got := slug.Base(tt.in); got != tt.want {
			t.Errorf("Base(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
