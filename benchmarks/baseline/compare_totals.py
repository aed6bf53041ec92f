#!/usr/bin/env python3
"""Checks the baseline against Khet: the free-education total of every area, as Khet's national
summary workbook shows it (read back with openpyxl) and as the baseline computed it (its --totals
JSON, satang per area). Prints one line, `agree …` or `DIFFER …` with the differing areas, and
exits 1 when they differ, so the bench fails loudly.

    compare_totals.py KHET_NATIONAL_SUMMARY.xlsx BASELINE_TOTALS.json
"""
import json
import sys

import openpyxl

FREE_EDUCATION = "เรียนฟรี 15 ปี"


def khet_totals(path):
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r and r[0] == "รหัสเขต")
    column = list(rows[header]).index(FREE_EDUCATION)
    totals = {}
    for row in rows[header + 1:]:
        if row[0] is None or not str(row[0]).isdigit():
            continue
        totals[str(row[0])] = round(float(row[column]) * 100)
    return totals


def main():
    khet = khet_totals(sys.argv[1])
    with open(sys.argv[2]) as f:
        baseline = {code: int(satang) for code, satang in json.load(f).items()}
    differ = sorted(code for code in set(khet) | set(baseline) if khet.get(code) != baseline.get(code))
    national = sum(khet.values()) / 100
    if differ:
        shown = ", ".join(f"{c}: khet {khet.get(c, 0) / 100:.2f} baseline {baseline.get(c, 0) / 100:.2f}" for c in differ[:5])
        print(f"DIFFER in {len(differ)} of {len(khet)} areas ({shown})")
        sys.exit(1)
    print(f"agree: {len(khet)} areas, national {national:,.2f} baht")


if __name__ == "__main__":
    main()
