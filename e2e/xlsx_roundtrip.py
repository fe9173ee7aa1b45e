#!/usr/bin/env python3
"""Opens every XLSX download in LibreOffice (headless) as a spreadsheet user
would, saves its data sheet as CSV, and checks that every cell LibreOffice
read equals the same cell of the CSV download: no credit code turned into
1.24405105221936E+017, no region 000000 into 0, no id 007 into 7, no date
into a serial number, no text into a formula.

usage: xlsx_roundtrip.py DOWNLOADS_DIR WORK_DIR

The CSV download differs from the sheet in two documented ways, which are
undone before comparing: text that a spreadsheet would run as a formula
carries a leading apostrophe in the CSV (the XLSX cell is text and needs
none), and LibreOffice writes booleans as TRUE/FALSE.
"""

import csv
import glob
import os
import subprocess
import sys

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def main():
    downloads, work = sys.argv[1:3]
    books = sorted(glob.glob(os.path.join(downloads, "*.xlsx")))
    if not books:
        print(f"no XLSX files in {downloads}")
        return 1
    # Token 7 (false): quoted text is not read as numbers; token 9 (false):
    # cells are saved as stored, not as formatted for display.
    flt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"
    run = subprocess.run(
        ["soffice", "--headless", "--norestore",
         "-env:UserInstallation=file://" + os.path.abspath(os.path.join(work, "profile")),
         "--convert-to", flt, "--outdir", work] + books,
        capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        print(f"LibreOffice failed:\n{run.stdout}{run.stderr}")
        return 1
    problems, cells = [], 0
    for book in books:
        name = os.path.splitext(os.path.basename(book))[0]
        want = read_csv(os.path.join(downloads, name + ".csv"))
        got_path = os.path.join(work, name + ".csv")
        if not os.path.exists(got_path):
            problems.append(f"{name}.xlsx: LibreOffice wrote no CSV")
            continue
        got = read_csv(got_path)
        if len(got) != len(want):
            problems.append(f"{name}.xlsx: {len(got)} rows in LibreOffice, {len(want)} in {name}.csv")
        for r, (grow, wrow) in enumerate(zip(got, want), 1):
            if len(grow) != len(wrow):
                problems.append(f"{name}.xlsx row {r}: {len(grow)} cells, {len(wrow)} in the CSV")
                continue
            for c, (g, w) in enumerate(zip(grow, wrow)):
                cells += 1
                if g.startswith(FORMULA_START):
                    g = "'" + g
                if g in ("TRUE", "FALSE") and w in ("true", "false"):
                    g = g.lower()
                if g != w:
                    col = want[0][c] if want and c < len(want[0]) else str(c + 1)
                    problems.append(f"{name}.xlsx row {r} {col}: LibreOffice reads {g!r}, the CSV has {w!r}")
    for p in problems[:40]:
        print(p)
    if len(problems) > 40:
        print(f"... and {len(problems) - 40} more")
    print(f"{len(books)} workbooks, {cells} cells read by LibreOffice: {len(problems)} differ from the CSV")
    return 1 if problems or cells == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
