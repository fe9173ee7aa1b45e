package person

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// corpusLine is a sentence of testdata with the names it holds.
type corpusLine struct {
	text  string
	names []Span
}

// readCorpus reads a testdata file: one sentence a line, names between ⟦
// and ⟧, lines starting with # left out.
func readCorpus(t testing.TB, path string) []corpusLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var b strings.Builder
		var names []Span
		for {
			i := strings.Index(line, "⟦")
			if i < 0 {
				b.WriteString(line)
				break
			}
			j := strings.Index(line[i:], "⟧")
			if j < 0 {
				t.Fatalf("%s: unclosed ⟦ in %q", path, line)
			}
			b.WriteString(line[:i])
			name := line[i+len("⟦") : i+j]
			start := b.Len()
			b.WriteString(name)
			names = append(names, Span{start, b.Len(), name})
			line = line[i+j+len("⟧"):]
		}
		out = append(out, corpusLine{b.String(), names})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// score runs Find over corpus files and counts the names found, the
// finds that are no names and the names missed, logging each mistake.
func score(t *testing.T, files ...string) (found, wrong, missed int) {
	t.Helper()
	for _, file := range files {
		for _, l := range readCorpus(t, file) {
			want := map[Span]bool{}
			for _, n := range l.names {
				want[n] = true
			}
			got := map[Span]bool{}
			for _, sp := range Find(l.text) {
				got[sp] = true
				if want[sp] {
					found++
				} else {
					wrong++
					t.Logf("%s: Find(%q) found %q, which is no name", file, l.text, sp.Name)
				}
			}
			for _, n := range l.names {
				if !got[n] {
					missed++
					t.Logf("%s: Find(%q) missed %q", file, l.text, n.Name)
				}
			}
		}
	}
	return found, wrong, missed
}

// The corpus measures Find as a whole: how many of the names it finds
// (recall) and how many of its finds are names (precision), over sentences
// written like case reports and sentences full of institutions and places.
// The word lists are built on the sentences of "built"; those of "unseen"
// show how Find does on text it was not built on.
func TestFindCorpus(t *testing.T) {
	for _, c := range []struct {
		name                    string
		files                   []string
		minPrecision, minRecall float64
	}{
		{"built", []string{
			"testdata/cases.txt", "testdata/bodies.txt", "testdata/holdout_cases.txt",
			"testdata/holdout_bodies.txt", "testdata/fresh_cases.txt", "testdata/fresh_bodies.txt",
		}, 0.98, 0.97},
		{"unseen", []string{"testdata/final_cases.txt", "testdata/final_bodies.txt"}, 0.90, 0.70},
	} {
		t.Run(c.name, func(t *testing.T) {
			found, wrong, missed := score(t, c.files...)
			precision := float64(found) / float64(found+wrong)
			recall := float64(found) / float64(found+missed)
			t.Logf("%d names: %d found, %d missed, %d finds that are no name: precision %.3f, recall %.3f",
				found+missed, found, missed, wrong, precision, recall)
			if precision < c.minPrecision || recall < c.minRecall {
				t.Errorf("precision %.3f, recall %.3f; want at least %.2f and %.2f", precision, recall, c.minPrecision, c.minRecall)
			}
		})
	}
}

// benchText is free text as the registers hold it: the corpus sentences,
// names and bodies mixed, repeated to about 4 MB.
func benchText(b *testing.B) string {
	var lines []string
	for _, f := range []string{"testdata/cases.txt", "testdata/bodies.txt", "testdata/holdout_cases.txt", "testdata/holdout_bodies.txt", "testdata/fresh_cases.txt", "testdata/fresh_bodies.txt", "testdata/final_cases.txt", "testdata/final_bodies.txt"} {
		for _, l := range readCorpus(b, f) {
			lines = append(lines, l.text)
		}
	}
	var sb strings.Builder
	for sb.Len() < 4<<20 {
		for _, l := range lines {
			sb.WriteString(l)
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

func BenchmarkFind(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Find(text)
	}
}
