package scan

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"disclose/generator/internal/fake"
	"github.com/xuri/excelize/v2"
)

// jsonEscape writes every character of s as a \uXXXX escape, the way a
// JSON encoder may.
func jsonEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, `\u%04x`, r)
	}
	return b.String()
}

func writeFile(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func xlsx(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, data := range files {
		fw, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gz(data []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

// cleanSite is realistic public output that must pass: credit codes,
// decision numbers, grant numbers, dates, institutional contacts, masked
// names, placeholders, hashes and chart coordinates.
func cleanSite(t *testing.T, dir string) {
	writeFile(t, dir, "index.html", []byte(`<!doctype html><html lang="zh-CN"><head>
<link rel="stylesheet" href="/css/main.3fa9c1d2e4b5a6978812345678901234.css" integrity="sha256-q1w2e3r4t5y6u7i8o9p0">
</head><body><h1>科技伦理违规案件</h1>
<p>涉事单位：某某大学（统一社会信用代码 91110108MA0000001D，12100000400000000W）</p>
<p>处理决定文号：国科金监处〔2021〕134号；项目编号 81971234、2022YFA1234500。</p>
<p>涉事人员：张某、欧阳某、人员-3fa9c1d2。违规事实：〔已隐去〕未经审查开展试验。</p>
<p>结案日期 2023-03-20 2024-05-06，立案 2022年1月5日。</p>
<p>联系电话：010-68598000、0571-87654321、+86 10 6859 8000，邮箱 ethics@zju.edu.cn</p>
<svg viewBox="0 0 400 200"><path d="M 10 190 L 138 13 L 80 0.5 138 0.2 L 3800 138"/>
<rect x="12" y="30" width="8" height="100"/><text x="13" y="80">13</text></svg>
</body></html>`))
	writeFile(t, dir, "data/cases.json", []byte(`[{"id":"AJ-2024-001","unit":"某某大学","credit_code":"91110108MA0000001D","closed_on":"2023-03-20","persons":["张某"],"count":1234567,"ratio":0.1234567890123}]`))
	writeFile(t, dir, "data/cases.csv", []byte("id,unit,credit_code,document_no,closed_on\nAJ-2024-001,某某大学,91110108MA0000001D,国科金监处〔2021〕134号,2023-03-20\n"))
	writeFile(t, dir, "SHA256SUMS", []byte("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  data/cases.csv\n"))
	writeFile(t, dir, "data/cases.xlsx", xlsx(t, [][]any{{"id", "unit", "closed_on"}, {"AJ-2024-001", "某某大学", "2023-03-20"}}))
	writeFile(t, dir, "images/logo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR13800138000"))
}

var needles = []string{"张三丰", "欧阳明月", "AJ-2023-099", "李", "2024-01-05", "其他", "Li Na"}

func TestDirClean(t *testing.T) {
	dir := t.TempDir()
	cleanSite(t, dir)
	rep, err := Dir(dir, Options{Needles: needles, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		t.Errorf("finding in clean output: %s", f)
	}
	if rep.Files != 7+1 { // the xlsx counts itself and its entries
		t.Logf("files read: %d", rep.Files)
	}
	if len(rep.Skipped) != 1 || rep.Skipped[0] != "images/logo.png" {
		t.Errorf("Skipped = %q, want [images/logo.png]", rep.Skipped)
	}
	if rep.Needles != 3 {
		t.Errorf("Needles = %d, want 3 (张三丰, 欧阳明月, AJ-2023-099)", rep.Needles)
	}
}

func TestDirFindsLeaks(t *testing.T) {
	id := fake.ID("19900307", "123")
	id2 := fake.ID("19851111", "045")
	dir := t.TempDir()
	cleanSite(t, dir)
	writeFile(t, dir, "cases/aj-1/index.html", []byte("<html><body>\n<p title=\"&#49;&#51;&#56;&#48;&#48;&#49;&#51;&#56;&#48;&#48;&#48;\">联系</p>\n<p>负责人 张三丰</p>\n<p>号码 "+id[:6]+" "+id[6:14]+" "+id[14:]+"</p></body></html>"))
	writeFile(t, dir, "data/records.json", []byte(`{"facts":"`+jsonEscape(id)+`","lead":"`+jsonEscape("欧阳明月")+`"}`))
	writeFile(t, dir, "data/leak.csv", []byte("id,phone\nAJ-2023-099,138-0013-8000\n"))
	writeFile(t, dir, "data/leak.xlsx", xlsx(t, [][]any{{"id", "lead"}, {"X-1", "张三丰"}, {"X-2", id2}}))
	writeFile(t, dir, "downloads/all.zip", zipOf(t, map[string][]byte{"inner/cases.csv": []byte("mail\nzs123@qq.com\n")}))
	writeFile(t, dir, "pagefind/fragment.pf_fragment", gz([]byte(`{"content":"电话 13912345678"}`)))
	writeFile(t, dir, "people/张三丰.html", []byte("ok"))
	writeFile(t, dir, "downloads/broken.zip", []byte("PK\x03\x04 not really a zip"))

	rep, err := Dir(dir, Options{Needles: needles, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ path, kind string }{
		{"cases/aj-1/index.html", KindMobile},
		{"cases/aj-1/index.html", KindNeedle},
		{"cases/aj-1/index.html", KindIDNumber},
		{"data/records.json", KindIDNumber},
		{"data/records.json", KindNeedle},
		{"data/leak.csv", KindNeedle},
		{"data/leak.csv", KindMobile},
		{"data/leak.xlsx!xl/sharedStrings.xml", KindNeedle},
		{"data/leak.xlsx!xl/sharedStrings.xml", KindIDNumber},
		{"downloads/all.zip!inner/cases.csv", KindEmail},
		{"pagefind/fragment.pf_fragment!gunzip", KindMobile},
		{"people/‹removed›.html", KindNeedle},
		{"downloads/broken.zip", KindUnreadable},
	}
	for _, w := range want {
		found := false
		for _, f := range rep.Findings {
			if f.Path == w.path && f.Kind == w.kind {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s finding in %s; findings:\n%s", w.kind, w.path, dump(rep.Findings))
		}
	}
	for _, f := range rep.Findings {
		text := f.Path + " " + f.Excerpt
		for _, secret := range []string{id, id[6:14], id2, "13800138000", "0013-8000", "13912345678", "zs123@qq.com", "张三丰", "欧阳明月", "AJ-2023-099"} {
			if strings.Contains(text, secret) {
				t.Errorf("finding %s repeats %q", f, secret)
			}
		}
	}
	t.Logf("findings:\n%s", dump(rep.Findings))
	// line numbers point at the planted line
	for _, f := range rep.Findings {
		if f.Path == "cases/aj-1/index.html" && f.Kind == KindIDNumber && f.Line != 4 {
			t.Errorf("ID number in cases/aj-1/index.html at line %d, want 4", f.Line)
		}
	}
}

func dump(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.String() + "\n")
	}
	return b.String()
}

func TestUsefulNeedle(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"张三", true},
		{"李", false},
		{"AJ-2023-099", true},
		{"abc12", false},
		{"2024-01-05", false},
		{"2024年", false},
		{"其他", false},
		{"张某", false},
		{"〔已隐去〕", false},
		{"１１０１０１１９９００３０７１２３４", true},
		{"  Li Na ", false},
		{"Alice Wong", true},
	}
	for _, tc := range tests {
		if _, got := UsefulNeedle(tc.in); got != tc.want {
			t.Errorf("UsefulNeedle(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestFilesThenDirExcept: files scanned from memory are not read again
// from disk, unless they changed on disk after that scan; every name is
// still scanned, and every finding is kept.
func TestFilesThenDirExcept(t *testing.T) {
	id := fake.ID("19900307", "123")
	dir := t.TempDir()
	cleanSite(t, dir)
	mem := map[string][]byte{
		"downloads/cases.csv":  []byte("id,facts\nAJ-1,证件号 " + id + "\n"),
		"downloads/clean.json": []byte(`{"ok":true}`),
		"search/zh/1.json":     []byte(`{"t":"脑机"}`),
	}
	for name, data := range mem {
		writeFile(t, dir, name, data)
	}
	s := New(Options{Needles: needles})
	pre := s.Files(mem)
	if len(pre.Findings) != 1 || pre.Findings[0].Path != "downloads/cases.csv" || pre.Findings[0].Kind != KindIDNumber {
		t.Fatalf("Files findings = %v, want the ID number in downloads/cases.csv", pre.Findings)
	}
	stamps := map[string]os.FileInfo{}
	for name := range mem {
		info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		stamps[name] = info
	}
	// A file changed after it was scanned from memory is read again.
	writeFile(t, dir, "search/zh/1.json", []byte(`{"t":"电话 13912345678"}`))
	var (
		mu      sync.Mutex
		skipped []string
	)
	rep, err := s.DirExcept(context.Background(), dir, 2, func(rel string, d fs.DirEntry) (int64, bool) {
		old, ok := stamps[rel]
		if !ok {
			return 0, false
		}
		info, err := d.Info()
		if err == nil && old.Size() == info.Size() && old.ModTime().Equal(info.ModTime()) {
			mu.Lock()
			skipped = append(skipped, rel)
			mu.Unlock()
			return info.Size(), true
		}
		return 0, false
	})
	if err != nil {
		t.Fatal(err)
	}
	rep.Merge(pre)
	if got, want := places(rep), "downloads/cases.csv id_number|search/zh/1.json mobile"; got != want {
		t.Errorf("findings = %q, want %q", got, want)
	}
	sort.Strings(skipped)
	if strings.Join(skipped, " ") != "downloads/cases.csv downloads/clean.json" {
		t.Errorf("skipped %v, want the two unchanged downloads", skipped)
	}
}

// TestEveryNameIsScanned: a name is found in a folder that is empty, in a
// folder whose files DirExcept reads, and in a folder whose only file was
// scanned from memory (name and contents) and is not read again: a
// folder's name is part of the path of everything below it.
func TestEveryNameIsScanned(t *testing.T) {
	dir := t.TempDir()
	cleanSite(t, dir)
	if err := os.MkdirAll(filepath.Join(dir, "empty", "欧阳明月"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "read/张三丰/index.html", []byte("<p>ok</p>"))
	mem := map[string][]byte{"mem/欧阳明月/deep/index.html": []byte("<p>ok</p>")}
	writeFile(t, dir, "mem/欧阳明月/deep/index.html", mem["mem/欧阳明月/deep/index.html"])
	s := New(Options{Needles: needles})
	pre := s.Files(mem)
	rep, err := s.DirExcept(context.Background(), dir, 2, func(rel string, d fs.DirEntry) (int64, bool) {
		if data, ok := mem[rel]; ok {
			return int64(len(data)), true
		}
		return 0, false
	})
	if err != nil {
		t.Fatal(err)
	}
	rep.Merge(pre)
	want := []string{"empty/‹removed›", "mem/‹removed›/deep/index.html", "read/‹removed›/index.html"}
	var got []string
	for _, f := range rep.Findings {
		if f.Kind != KindNeedle || f.Line != 0 {
			t.Errorf("unexpected finding %s", f)
			continue
		}
		got = append(got, f.Path)
	}
	sort.Strings(got)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("names found at %q, want %q", got, want)
	}
}

// TestFilesSkipsArchiveTwins: an archive entry that is byte for byte a
// file of the same scan is not scanned twice (the finding is the file's),
// and an entry that differs from every file is scanned as always.
func TestFilesSkipsArchiveTwins(t *testing.T) {
	id := fake.ID("19900307", "123")
	csv := []byte("id,facts\nAJ-1,证件号 " + id + "\n")
	other := []byte("id,facts\nAJ-2,电话 13912345678\n")
	files := map[string][]byte{
		"downloads/cases.csv": csv,
		"downloads/bundle.zip": zipOf(t, map[string][]byte{
			"data/cases.csv": csv,   // the same bytes: the file stands for it
			"data/other.csv": other, // in no file of its own: scanned here
		}),
	}
	rep := New(Options{}).Files(files)
	if got, want := places(rep), "downloads/bundle.zip!data/other.csv mobile|downloads/cases.csv id_number"; got != want {
		t.Errorf("findings = %q, want %q", got, want)
	}
	// An entry of the same length as a file, differing in its last
	// bytes only, is scanned: the guard compares bytes, not sizes.
	near := bytes.Clone(csv)
	copy(near[len(near)-len(id)-1:], fake.ID("19851120", "456"))
	if len(near) != len(csv) || bytes.Equal(near, csv) {
		t.Fatal("test data: the entry should differ from the file at the same length")
	}
	rep = New(Options{}).Files(map[string][]byte{
		"downloads/cases.csv":  csv,
		"downloads/bundle.zip": zipOf(t, map[string][]byte{"data/cases.csv": near}),
	})
	if got, want := places(rep), "downloads/bundle.zip!data/cases.csv id_number|downloads/cases.csv id_number"; got != want {
		t.Errorf("entry as long as the file: findings = %q, want %q", got, want)
	}
	// A file passed over as an image stands for no entry.
	rep = New(Options{}).Files(map[string][]byte{
		"img/cases.png":        csv,
		"downloads/bundle.zip": zipOf(t, map[string][]byte{"data/cases.csv": csv}),
	})
	if got, want := places(rep), "downloads/bundle.zip!data/cases.csv id_number"; got != want {
		t.Errorf("entry equal to an image: findings = %q, want %q", got, want)
	}
	// The same archive on its own is scanned entry by entry.
	rep = New(Options{}).Files(map[string][]byte{"downloads/bundle.zip": files["downloads/bundle.zip"]})
	if got, want := places(rep), "downloads/bundle.zip!data/cases.csv id_number|downloads/bundle.zip!data/other.csv mobile"; got != want {
		t.Errorf("bundle alone: findings = %q, want %q", got, want)
	}
}

// An archive entry whose header claims another length than it holds is
// unreadable, which fails the scan: so is one that holds the start of a
// file of the scan and claims that file's length, to pass for its twin.
func TestFilesArchiveEntryWithLyingLength(t *testing.T) {
	csv := []byte("id,facts\nAJ-1,证件号 " + fake.ID("19900307", "123") + "\n")
	for _, c := range []struct {
		name  string
		data  []byte
		claim int
	}{
		{"the start of the file, claiming its length", csv[:len(csv)/2], len(csv)},
		{"the file, claiming a megabyte", csv, 1 << 20},
	} {
		var buf bytes.Buffer
		w := zip.NewWriter(&buf)
		fw, err := w.CreateRaw(&zip.FileHeader{
			Name: "data/cases.csv", Method: zip.Store, CRC32: crc32.ChecksumIEEE(c.data),
			CompressedSize64: uint64(len(c.data)), UncompressedSize64: uint64(c.claim),
		})
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(c.data)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		rep := New(Options{}).Files(map[string][]byte{"downloads/cases.csv": csv, "downloads/bundle.zip": buf.Bytes()})
		if got, want := places(rep), "downloads/bundle.zip!data/cases.csv "+KindUnreadable+"|downloads/cases.csv id_number"; got != want {
			t.Errorf("%s: findings = %q, want %q", c.name, got, want)
		}
	}
}

// places lists a report's findings as "path kind", joined by "|".
func places(rep *Report) string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.Path+" "+f.Kind)
	}
	return strings.Join(out, "|")
}

// A scan told to stop says so rather than pass what it did not read.
func TestDirExceptStopsWhenTold(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.html"), []byte("<p>ok</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New(Options{}).DirExcept(ctx, dir, 1, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("DirExcept after cancel = %v, want context.Canceled", err)
	}
}

// TestShields: a person's name inside a place name of the code lists is
// not a finding there, and is one everywhere else, in the same file too.
func TestShields(t *testing.T) {
	s := New(Options{Needles: []string{"龙江", "黑龙江省科技厅机密"}, Shields: []string{"黑龙江省", "Heilongjiang"}})
	tests := []struct {
		text string
		want int
	}{
		{"2020-Q2-黑龙江省科学技术厅", 0},
		{"联系人：龙江，电话见附件", 1},
		{"黑龙江省科学技术厅；联系人：龙江", 1},
		{"联系人：龙江 黑龙江", 2},  // 黑龙江 without 省 is no shield
		{"黑龙江省科技厅机密文件", 1}, // a needle longer than the shield
	}
	for _, tt := range tests {
		if got := s.Bytes("page.html", []byte(tt.text)); len(got) != tt.want {
			t.Errorf("%s: %d findings %v, want %d", tt.text, len(got), got, tt.want)
		}
	}
}
