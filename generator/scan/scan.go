// Package scan is the leak guard: the second line of defence after the
// redactor. Dir reads every file under an output folder — HTML, JSON, CSV,
// XML, XLSX and other zip archives (every entry, recursively), gzip
// streams (search index fragments), any other text file, and every file
// name and relative path — after undoing JSON \u escapes, HTML and XML
// character references, URL percent-encoding, full-width digits and
// zero-width characters, and reports:
//
//   - resident ID numbers: 18 digits (or 17 and X/x) or 15, with a
//     province code and a valid birth date, checksum or not, written
//     plainly or grouped with one kind of separator;
//   - mobile numbers: 1[3-9] and nine digits, optionally after +86 or
//     0086, plain or grouped as people write them (138 0013 8000,
//     138-0013-8000, 1380013 8000);
//   - e-mail addresses on personal mail domains (qq.com, 163.com, ...);
//   - card numbers: 16 to 19 digits, Luhn-valid, grouped in fours, or
//     plain after a keyword such as 卡号, 银行 or account;
//   - every needle: a value the redactor removed or withheld.
//
// Kept, because they are public on purpose or look alike without being
// personal: unified social credit codes (checksum-valid, even all
// digits), decision numbers (国科金监处〔2021〕134号), grant numbers,
// dates, decimals, institutional numbers (010-68598000), addresses on
// other domains, digit runs glued to letters (hashes, fingerprints).
//
// A Finding names the file, the line and the kind, with an excerpt in
// which every found value is masked: the report never repeats what it
// found. An archive the guard cannot open is a finding too.
//
// The same detectors, in their Eager mode, are what package redact uses to
// clean free text, so whatever the guard finds the redactor would have
// removed.
package scan

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"disclose/generator/fold"
)

// Options configures Dir.
type Options struct {
	// Needles are values the build removed: withheld records, redacted
	// names and secrets, unknown columns. Needles that would match
	// ordinary output are ignored (see UsefulNeedle).
	Needles []string
	// Workers is the number of files read at once; 0 means GOMAXPROCS.
	Workers int
	// PersonalMailDomains replaces the default list when not nil.
	PersonalMailDomains []string
	// Shields are public words, such as the places of the region list: a
	// needle found strictly inside one of them is not a finding. A person
	// named 龙江 is not leaked by 黑龙江省, which every page about that
	// province must be able to print. A shield is never a person's name
	// or a withheld value, so nothing the guard must find is inside one.
	Shields []string
}

// Finding is one suspected leak.
type Finding struct {
	// Path is the file relative to the root, with "!entry" appended for
	// each archive entry it sits in (site.zip!data/cases.csv).
	Path string
	// Line is the 1-based line in the (decoded) file; 0 means the file's
	// name or path itself.
	Line int
	// Kind is one of the Kind constants.
	Kind string
	// Excerpt is the text around the finding with every found value
	// replaced by ‹kind›.
	Excerpt string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", f.Path, f.Line, f.Kind, f.Excerpt)
}

// Report is what Dir found.
type Report struct {
	Files    int   // files read, archive entries included
	Entries  int   // of Files, the entries read inside archives
	Bytes    int64 // bytes scanned after decompression
	Needles  int   // needles in use after filtering
	Findings []Finding
	// Skipped lists binary files that were not read (images, fonts...).
	Skipped []string
	// Tree is the size of the folder Dir or DirExcept went through.
	Tree Tree

	// twins are the files of the scan by size: an archive entry equal to
	// one of them is not scanned again (see Files).
	twins map[int][][]byte
}

// Tree is what a folder holds: what a host is asked to store, and what
// hosts limit.
type Tree struct {
	Files   int   // everything that is not a folder
	Folders int   // folders below the root
	Bytes   int64 // the regular files' sizes
}

// streamTwin reports whether the archive entry f inflates byte for byte
// to one of r.twins, comparing as it inflates rather than holding the
// entry in memory. Any doubt (a read error, a bad checksum, a length
// other than the header's) is a no: the entry is then read and scanned,
// inflated a second time. That is rare: an entry that is not a twin mostly
// has no file of its length, or differs from it in its first bytes.
func (r *Report) streamTwin(f *zip.File) bool {
	size := f.UncompressedSize64
	if size > maxEntry || len(r.twins[int(size)]) == 0 {
		return false
	}
	cands := slices.Clone(r.twins[int(size)])
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	chunk := make([]byte, 64<<10)
	at := 0
	for {
		n, err := rc.Read(chunk)
		if n > 0 {
			cands = slices.DeleteFunc(cands, func(t []byte) bool {
				return at+n > len(t) || !bytes.Equal(t[at:at+n], chunk[:n])
			})
			if len(cands) == 0 {
				return false
			}
			at += n
		}
		if err == io.EOF {
			// the reader has checked the length and the CRC-32 by now
			return at == int(size)
		}
		if err != nil {
			return false
		}
	}
}

// Clean reports whether nothing was found.
func (r *Report) Clean() bool { return len(r.Findings) == 0 }

// maxEntry caps how much one archive entry or gzip stream may inflate to,
// so a zip bomb in the output cannot exhaust memory.
const maxEntry = 1 << 30

// maxDeflateRatio is the most deflate inflates one byte to: a run of one
// byte repeated, 258 bytes for two bits.
const maxDeflateRatio = 1032

// maxDepth bounds archives inside archives.
const maxDepth = 4

// binaryExt lists formats that hold no text the site could leak through.
var binaryExt = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true,
	".ico": true, ".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".mp3": true, ".mp4": true, ".webm": true, ".wasm": true,
}

// Scanner holds the detectors and needles; it is safe for concurrent use.
type Scanner struct {
	det     *Detector
	needles *Set
	shields *Set
}

// New returns a Scanner for the options' needles and mail domains.
func New(opts Options) *Scanner {
	var keep []string
	for _, n := range opts.Needles {
		if s, ok := UsefulNeedle(n); ok {
			keep = append(keep, s)
			// the output may carry it as typed (full width) too
			if t := strings.TrimSpace(n); t != s {
				keep = append(keep, t)
			}
		}
	}
	var shields []string
	for _, w := range opts.Shields {
		if w = strings.TrimSpace(fold.Width(w)); len(w) >= MinPatternLen {
			shields = append(shields, w)
		}
	}
	return &Scanner{det: NewDetector(Guard, opts.PersonalMailDomains), needles: NewSet(keep), shields: NewSet(shields)}
}

// Needles returns how many needles the scanner looks for.
func (s *Scanner) Needles() int { return s.needles.Len() }

var dateLike = regexp.MustCompile(`^\d{4}([-./年]\d{1,2}([-./月]\d{1,2}日?)?|-?[HQ]\d|年)?$`)

// stopNeedles are values so common in any register that finding them says
// nothing.
var stopNeedles = map[string]bool{
	"暂无": true, "其他": true, "不详": true, "未知": true, "待定": true, "全国": true,
	"同上": true, "见附件": true, "不适用": true, "National": true,
}

// UsefulNeedle folds a needle (width, zero-width characters, surrounding
// space) and reports whether it is worth looking for. It is not when it
// has fewer than two characters; when it is plain ASCII shorter than six
// bytes (codes, short words, small numbers); when it is a date or period
// (dates recur across records); when it is a placeholder word such as 暂无;
// when it holds the redaction placeholder or is a masked name (ends in 某);
// or when it is shorter than MinPatternLen bytes, the matcher's anchor.
func UsefulNeedle(n string) (string, bool) {
	s := strings.TrimSpace(fold.Width(n))
	if utf8.RuneCountInString(s) < 2 || len(s) < MinPatternLen {
		return s, false
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii && len(s) < 6 {
		return s, false
	}
	if dateLike.MatchString(s) || stopNeedles[s] {
		return s, false
	}
	if strings.Contains(s, "已隐去") || strings.HasSuffix(s, "某") {
		return s, false
	}
	return s, true
}

// Dir scans every file under root.
func Dir(root string, opts Options) (*Report, error) {
	return New(opts).Dir(root, opts.Workers)
}

// Dir scans every file under root with the given number of workers.
func (s *Scanner) Dir(root string, workers int) (*Report, error) {
	return s.DirExcept(context.Background(), root, workers, nil)
}

// DirExcept scans the files under root as Dir does, except those for
// which done returns true: files whose name and contents were already
// scanned (with Files) and that have not changed since; their
// size is counted in the tree. done is called on the workers. The workers
// scan names, ask done and read files while the walk goes on.
//
// When ctx ends, the walk stops and DirExcept returns ctx's error: a scan
// cut short proves nothing.
func (s *Scanner) DirExcept(ctx context.Context, root string, workers int, done func(rel string, d fs.DirEntry) (size int64, ok bool)) (*Report, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type entry struct {
		rel string
		d   fs.DirEntry
	}
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
		next     = make(chan entry, 1024)
		reps     = make([]Report, workers)
	)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := &reps[w]
			var buf []byte
			for e := range next {
				if !e.d.Type().IsRegular() {
					// an empty folder, a link or a device: its name
					local.Findings = append(local.Findings, s.scanName(e.rel)...)
					continue
				}
				if done != nil {
					if size, ok := done(e.rel, e.d); ok {
						local.Tree.Bytes += size
						continue
					}
				}
				local.Findings = append(local.Findings, s.scanName(e.rel)...)
				data, err := readInto(filepath.Join(root, filepath.FromSlash(e.rel)), buf)
				buf = data[:0]
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("scan: %w", err)
					}
					mu.Unlock()
					continue
				}
				local.Tree.Bytes += int64(len(data))
				s.scanBlob(e.rel, data, 0, local)
			}
		}()
	}
	rep := &Report{Needles: s.needles.Len()}
	// Every name is scanned, and a folder's name is inside the path of
	// everything below it: a folder is sent on its own only when nothing
	// is below it. The walk goes depth first, so a folder is empty when
	// the entry after it is not its child.
	var folder entry
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, rerr := filepath.Rel(root, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if folder.d != nil && path.Dir(rel) != folder.rel {
			next <- folder
		}
		folder = entry{}
		if d.IsDir() {
			rep.Tree.Folders++
			folder = entry{rel, d}
			return nil
		}
		rep.Tree.Files++
		next <- entry{rel, d}
		return nil
	})
	if err == nil && folder.d != nil {
		next <- folder
	}
	close(next)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", root, err)
	}
	if firstErr != nil {
		return nil, firstErr
	}
	for i := range reps {
		rep.Files += reps[i].Files
		rep.Entries += reps[i].Entries
		rep.Bytes += reps[i].Bytes
		rep.Tree.Bytes += reps[i].Tree.Bytes
		rep.Findings = append(rep.Findings, reps[i].Findings...)
		rep.Skipped = append(rep.Skipped, reps[i].Skipped...)
	}
	sortFindings(rep.Findings)
	sort.Strings(rep.Skipped)
	return rep, nil
}

// Files scans the names and contents of files held in memory (relative
// path to contents) with as many workers as there are cores. An
// archive entry that is byte for byte one of the files (the bundle of all
// downloads holds each of them) is not scanned again: the file itself is,
// and a finding is reported there.
func (s *Scanner) Files(files map[string][]byte) *Report {
	names := make([]string, 0, len(files))
	twins := map[int][][]byte{}
	for name, data := range files {
		names = append(names, name)
		// A file passed over for its extension (an image) stands for no
		// entry: the entry's own name may call for reading it.
		if !binaryExt[strings.ToLower(filepath.Ext(name))] {
			twins[len(data)] = append(twins[len(data)], data)
		}
	}
	// Largest first, each to the next free worker: the bundle of all
	// downloads is a good part of the bytes on its own.
	sort.Slice(names, func(i, j int) bool {
		if a, b := len(files[names[i]]), len(files[names[j]]); a != b {
			return a > b
		}
		return names[i] < names[j]
	})
	workers := runtime.GOMAXPROCS(0)
	reps := make([]Report, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &reps[w]
			r.twins = twins
			for {
				i := int(next.Add(1)) - 1
				if i >= len(names) {
					return
				}
				r.Findings = append(r.Findings, s.scanName(names[i])...)
				s.scanBlob(names[i], files[names[i]], 0, r)
			}
		}()
	}
	wg.Wait()
	rep := &Report{Needles: s.needles.Len()}
	for _, r := range reps {
		rep.Merge(&r)
	}
	return rep
}

// Merge adds what another scan found to r, keeping the findings in order.
func (r *Report) Merge(o *Report) {
	r.Files += o.Files
	r.Entries += o.Entries
	r.Bytes += o.Bytes
	r.Findings = append(r.Findings, o.Findings...)
	r.Skipped = append(r.Skipped, o.Skipped...)
	sortFindings(r.Findings)
	sort.Strings(r.Skipped)
}

// readInto reads a file into buf, growing it as needed, so that a worker
// reuses one buffer for thousands of pages.
func readInto(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return buf, err
	}
	size := int(fi.Size())
	if cap(buf) < size+1 {
		buf = make([]byte, 0, size+size/4+512)
	}
	buf = buf[:0]
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

func sortFindings(fs []Finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Excerpt < b.Excerpt
	})
}

// Bytes scans one file's content as if it were at path, and returns the
// findings sorted; archives and gzip streams are opened.
func (s *Scanner) Bytes(path string, data []byte) []Finding {
	var r Report
	s.scanBlob(path, data, 0, &r)
	sortFindings(r.Findings)
	return r.Findings
}

// safePath returns path with whatever the guard finds in it masked, so
// that a finding never repeats a value through the name of its file.
func (s *Scanner) safePath(path string) string {
	b := []byte(path)
	ms := s.matches(b)
	if len(ms) == 0 {
		return path
	}
	return maskedPath(b, ms)
}

func (s *Scanner) scanName(rel string) []Finding {
	b := []byte(rel)
	ms := s.matches(b)
	out := make([]Finding, 0, len(ms))
	for _, m := range ms {
		out = append(out, Finding{Path: maskedPath(b, ms), Line: 0, Kind: m.Kind, Excerpt: excerpt(b, m, ms)})
	}
	return out
}

// maskedPath is a path with its findings masked, so that the report can
// name the file without repeating the value.
func maskedPath(b []byte, ms []Match) string {
	var out []byte
	last := 0
	for _, m := range ms {
		if m.Start < last {
			continue
		}
		out = append(out, b[last:m.Start]...)
		out = append(out, "‹"+m.Kind+"›"...)
		last = m.End
	}
	return string(append(out, b[last:]...))
}

func (s *Scanner) scanBlob(path string, data []byte, depth int, r *Report) {
	r.Files++
	if depth > 0 {
		r.Entries++
	}
	switch {
	case len(data) >= 4 && string(data[:4]) == "PK\x03\x04":
		// an archive the guard cannot open is a failure, not a pass
		if depth >= maxDepth {
			r.Findings = append(r.Findings, Finding{Path: s.safePath(path), Kind: KindUnreadable, Excerpt: "archive nested too deep"})
			return
		}
		if !s.scanZip(path, data, depth, r) {
			r.Findings = append(r.Findings, Finding{Path: s.safePath(path), Kind: KindUnreadable, Excerpt: "not a readable zip archive"})
		}
		return
	case len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b:
		if depth < maxDepth {
			if zr, err := gzip.NewReader(bytes.NewReader(data)); err == nil {
				if inner, err := io.ReadAll(io.LimitReader(zr, maxEntry)); err == nil {
					s.scanBlob(path+"!gunzip", inner, depth+1, r)
					r.Files--
					r.Entries--
					return
				}
			}
		}
		r.Findings = append(r.Findings, Finding{Path: s.safePath(path), Kind: KindUnreadable, Excerpt: "gzip stream the guard cannot read"})
		return
	}
	if binaryExt[strings.ToLower(filepath.Ext(path))] || isBinary(data) {
		r.Skipped = append(r.Skipped, path)
		return
	}
	r.Bytes += int64(len(data))
	text := decode(data)
	ms := s.matches(text)
	if len(ms) == 0 {
		return
	}
	// the file's own name may hold what it leaks (a record's address)
	path = s.safePath(path)
	line, at := 1, 0
	for _, m := range ms {
		line += bytes.Count(text[at:m.Start], []byte{'\n'})
		at = m.Start
		r.Findings = append(r.Findings, Finding{Path: path, Line: line, Kind: m.Kind, Excerpt: excerpt(text, m, ms)})
	}
}

// scanZip scans every entry of a zip archive; false when data is not one.
func (s *Scanner) scanZip(path string, data []byte, depth int, r *Report) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		name := path + "!" + f.Name
		r.Findings = append(r.Findings, s.scanName(name)...)
		if f.FileInfo().IsDir() {
			continue
		}
		if r.streamTwin(f) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			r.Findings = append(r.Findings, Finding{Path: s.safePath(name), Kind: KindUnreadable, Excerpt: err.Error()})
			continue
		}
		// Sized from the header, so the entry is read without regrowing. A
		// header that lies is caught by the reader at the end, and cannot
		// reserve more than deflate could inflate the archive's bytes to.
		var buf bytes.Buffer
		buf.Grow(int(min(f.UncompressedSize64, maxEntry, uint64(len(data))*maxDeflateRatio)) + bytes.MinRead)
		_, err = buf.ReadFrom(io.LimitReader(rc, maxEntry))
		rc.Close()
		if err != nil {
			r.Findings = append(r.Findings, Finding{Path: s.safePath(name), Kind: KindUnreadable, Excerpt: err.Error()})
			continue
		}
		s.scanBlob(name, buf.Bytes(), depth+1, r)
	}
	return true
}

// isBinary sniffs for NUL bytes, which text formats never contain.
func isBinary(data []byte) bool {
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	return bytes.IndexByte(head, 0) >= 0
}

// matches returns the pattern and needle matches in text, by offset; a
// needle that covers exactly a pattern match is reported once.
func (s *Scanner) matches(text []byte) []Match {
	var ms []Match
	s.det.Find(text, func(m Match) { ms = append(ms, m) })
	np := len(ms)
	var shielded []Match // found when the first needle is
	s.needles.Find(text, func(st, end, _ int) bool {
		// A needle that starts or ends with a Latin letter or digit is a
		// token: HR-2024-0001 is not found inside HR-2024-00012, nor
		// li.ming inside li.mingyuan.
		if asciiAlnum(text[st]) && st > 0 && asciiAlnum(text[st-1]) || asciiAlnum(text[end-1]) && end < len(text) && asciiAlnum(text[end]) {
			return true
		}
		for _, m := range ms[:np] {
			if m.Start == st && m.End == end {
				return true
			}
		}
		if shielded == nil {
			shielded = s.shieldSpans(text)
		}
		for _, w := range shielded {
			if w.Start <= st && end <= w.End && w.End-w.Start > end-st {
				return true
			}
		}
		ms = append(ms, Match{st, end, KindNeedle})
		return true
	})
	if np < len(ms) && np > 0 {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	}
	return ms
}

// shieldSpans returns where the shields occur in text; never nil.
func (s *Scanner) shieldSpans(text []byte) []Match {
	out := []Match{}
	s.shields.Find(text, func(st, end, _ int) bool {
		out = append(out, Match{Start: st, End: end})
		return true
	})
	return out
}

// excerptContext is how many bytes of context an excerpt shows each side.
const excerptContext = 30

// excerpt shows the text around m with m and every other match in the
// window masked, on one line.
func excerpt(text []byte, m Match, all []Match) string {
	lo := max(m.Start-excerptContext, 0)
	hi := min(m.End+excerptContext, len(text))
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	// never start or end inside another match
	for _, o := range all {
		if o.Start < lo && o.End > lo {
			lo = o.Start
		}
		if o.Start < hi && o.End > hi {
			hi = o.End
		}
	}
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	at := lo
	for _, o := range all {
		if o.End <= at || o.Start >= hi {
			continue
		}
		if o.Start > at {
			writeLine(&b, text[at:o.Start])
		}
		b.WriteString("‹" + o.Kind + "›")
		at = max(at, o.End)
	}
	if at < hi {
		writeLine(&b, text[at:hi])
	}
	if hi < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

func writeLine(b *strings.Builder, p []byte) {
	for _, r := range string(p) {
		if r == '\n' || r == '\r' || r == '\t' {
			r = ' '
		}
		if r == utf8.RuneError {
			continue
		}
		b.WriteRune(r)
	}
}
