#!/usr/bin/env python3
"""Checks that rawxlsx wrote what Khet wrote: opens a Khet notice and the C program's copy with
openpyxl and compares every cell (value or formula, cached value, font, fill, number format,
alignment, borders), the merges, column widths, row heights and print setup. Prints `same` or
the first differences and exits 1.

    compare_notice.py KHET.xlsx RAW.xlsx
"""
import sys

import openpyxl


def describe(path):
    found = {}
    for data_only in (False, True):
        book = openpyxl.load_workbook(path, data_only=data_only)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    key = (sheet.title, cell.coordinate)
                    if data_only:
                        found[key + ("cached",)] = cell.value
                        continue
                    if cell.value is None and not cell.has_style:
                        continue
                    f, b, a = cell.font, cell.border, cell.alignment
                    found[key] = (cell.value, f.name, f.sz, f.b, f.i, f.color.rgb if f.color is not None else None,
                                  cell.fill.fill_type, cell.fill.fgColor.rgb if cell.fill.fill_type else None,
                                  cell.number_format, a.horizontal, a.vertical, a.wrap_text,
                                  b.left.style, b.right.style, b.top.style, b.bottom.style)
            if not data_only:
                found[(sheet.title, "merges")] = sorted(str(r) for r in sheet.merged_cells.ranges)
                found[(sheet.title, "widths")] = {k: d.width for k, d in sheet.column_dimensions.items() if d.customWidth}
                found[(sheet.title, "heights")] = {k: d.ht for k, d in sheet.row_dimensions.items() if d.customHeight}
                ps = sheet.page_setup
                found[(sheet.title, "print")] = (ps.paperSize, ps.orientation, ps.fitToWidth, ps.fitToHeight,
                                                 sheet.print_title_rows, str(sheet.oddHeader.center.text),
                                                 str(sheet.oddFooter.right.text))
    return found


def main():
    khet, raw = describe(sys.argv[1]), describe(sys.argv[2])
    differ = [k for k in sorted(set(khet) | set(raw), key=str) if khet.get(k) != raw.get(k)]
    cells = sum(1 for k in khet if len(k) == 2 and k[1][0].isalpha() and k[1] not in ("merges", "widths", "heights", "print"))
    if differ:
        for key in differ[:10]:
            print(f"{key}: khet {khet.get(key)!r} raw {raw.get(key)!r}")
        print(f"DIFFER in {len(differ)} places")
        sys.exit(1)
    print(f"same: {cells} cells with their values, formats, merges, widths, heights and print setup")


if __name__ == "__main__":
    main()
