#!/usr/bin/env python3
"""Dumps the cells of Khet's school notices, read back with openpyxl, into a plain text file that
rawxlsx (the C program beside this file) replays with libxlsxwriter: values, formulas with their
cached values, the formats (font, size, bold, italic, colour, fill, number format, alignment,
wrap, borders), merges, column widths, row heights, the default row height, print setup
(paper, orientation, fit to page, margins, header and footer, repeated rows) and the document
properties. One line per item, fields separated by tabs; text escapes \\ \\t \\n.

    dump_notices.py OUT.txt NOTICE.xlsx…      (or a folder, searched for */schools/*.xlsx)

Lines:  X <format id> <font> <size> <bold> <italic> <font colour> <fill> <number format>
          <h align> <v align> <wrap> <left> <right> <top> <bottom> <border colour>   (once each)
        B <file name>  P <title> <subject> <author> <company> <comments> <created, unix s>
        S <sheet>  D <default row height>  W <col> <width>  H <row> <height>
        G <paper> <orientation> <fit> <fit w> <fit h> <margins l r t b header footer>
        T <header> <footer>  R <first row> <last row>
        n|s r c fmt value   f r c fmt formula cached   b r c fmt   m r1 c1 r2 c2 fmt text   E
"""
import glob
import os
import sys

import openpyxl
from openpyxl.cell.cell import MergedCell

BORDERS = {None: 0, "thin": 1, "medium": 2, "dashed": 3, "dotted": 4, "thick": 5, "double": 6, "hair": 7}
H_ALIGN = {None: 0, "general": 0, "left": 1, "center": 2, "right": 3, "fill": 4, "justify": 5,
           "centerContinuous": 6, "distributed": 7}
V_ALIGN = {None: 0, "top": 1, "bottom": 2, "center": 3, "justify": 4, "distributed": 5}


def esc(value):
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def rgb(color):
    """The colour as 0xRRGGBB, or -1 for automatic/theme colours."""
    if color is None or color.type != "rgb" or not isinstance(color.rgb, str):
        return -1
    return int(color.rgb[-6:], 16)


class Formats:
    def __init__(self, out):
        self.ids, self.out = {}, out

    def id(self, cell):
        if not cell.has_style:
            return -1
        f, b, a = cell.font, cell.border, cell.alignment
        fill = rgb(cell.fill.fgColor) if cell.fill is not None and cell.fill.fill_type == "solid" else -1
        border_color = next((rgb(s.color) for s in (b.left, b.right, b.top, b.bottom) if s.style and s.color), -1)
        key = (f.name or "", f.sz or 11, int(bool(f.b)), int(bool(f.i)), rgb(f.color), fill, cell.number_format,
               H_ALIGN.get(a.horizontal, 0), V_ALIGN.get(a.vertical, 0), int(bool(a.wrap_text)),
               BORDERS.get(b.left.style, 0), BORDERS.get(b.right.style, 0), BORDERS.get(b.top.style, 0),
               BORDERS.get(b.bottom.style, 0), border_color)
        if key not in self.ids:
            self.ids[key] = len(self.ids)
            self.out.write("X\t" + "\t".join(esc(v) for v in (self.ids[key],) + key) + "\n")
        return self.ids[key]


def dump(path, out, formats):
    book = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    props = book.properties
    created = int(props.created.timestamp()) if props.created else 0
    out.write(f"B\t{esc(os.path.basename(path))}\n")
    company = ""  # docProps/app.xml; openpyxl does not read it
    out.write("P\t" + "\t".join(esc(v or "") for v in (props.title, props.subject, props.creator, company,
                                                        props.description)) + f"\t{created}\n")
    for sheet, values in zip(book.worksheets, cached.worksheets):
        out.write(f"S\t{esc(sheet.title)}\n")
        if sheet.sheet_format.customHeight:
            out.write(f"D\t{sheet.sheet_format.defaultRowHeight}\n")
        for letter, dim in sorted(sheet.column_dimensions.items()):
            if dim.customWidth and dim.width:
                # openpyxl reads the stored width (libxlsxwriter adds 0.71 padding to what was set).
                for col in range(dim.min, dim.max + 1):
                    out.write(f"W\t{col - 1}\t{round(dim.width - 0.7109375, 4)}\n")
        for row, dim in sorted(sheet.row_dimensions.items()):
            if dim.customHeight and dim.ht is not None:
                out.write(f"H\t{row - 1}\t{dim.ht}\n")
        ps, m = sheet.page_setup, sheet.page_margins
        fit = int(bool(sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage))
        out.write(f"G\t{ps.paperSize or 0}\t{1 if ps.orientation == 'landscape' else 0}\t{fit}\t"
                  f"{ps.fitToWidth if ps.fitToWidth is not None else 1}\t{ps.fitToHeight if ps.fitToHeight is not None else 1}\t"
                  f"{m.left}\t{m.right}\t{m.top}\t{m.bottom}\t{m.header}\t{m.footer}\n")
        hf = sheet.oddHeader, sheet.oddFooter
        # openpyxl splits the font and colour codes out of the text; put them back as written.
        def codes(part):
            prefix = ""
            if part.font:
                prefix += f'&"{part.font}"'
            if part.size:
                prefix += f"&{part.size}"
            if part.color:
                prefix += f"&K{part.color}"
            return prefix
        header, footer = ("".join(f"&{k}{codes(getattr(part, p))}{getattr(part, p).text}" for k, p in
                                  (("L", "left"), ("C", "center"), ("R", "right")) if getattr(part, p).text)
                          for part in hf)
        out.write(f"T\t{esc(header)}\t{esc(footer)}\n")
        if sheet.print_title_rows:
            first, last = sheet.print_title_rows.replace("$", "").split(":")
            out.write(f"R\t{int(first) - 1}\t{int(last) - 1}\n")
        merged = {}
        covered = set()
        for rng in sheet.merged_cells.ranges:
            merged[(rng.min_row, rng.min_col)] = rng
            covered.update((r, c) for r in range(rng.min_row, rng.max_row + 1) for c in range(rng.min_col, rng.max_col + 1))
        for row in sheet.iter_rows():
            for cell in row:
                r, c = cell.row, cell.column
                if (r, c) in merged:
                    rng = merged[(r, c)]
                    out.write(f"m\t{r - 1}\t{c - 1}\t{rng.max_row - 1}\t{rng.max_col - 1}\t{formats.id(cell)}\t{esc(cell.value or '')}\n")
                    continue
                if (r, c) in covered or isinstance(cell, MergedCell):
                    continue
                fmt = formats.id(cell)
                value = cell.value
                if value is None:
                    if fmt >= 0:
                        out.write(f"b\t{r - 1}\t{c - 1}\t{fmt}\n")
                elif isinstance(value, str) and value.startswith("="):
                    cached_value = values.cell(row=r, column=c).value
                    out.write(f"f\t{r - 1}\t{c - 1}\t{fmt}\t{esc(value)}\t{cached_value if cached_value is not None else 0}\n")
                elif isinstance(value, (int, float)):
                    out.write(f"n\t{r - 1}\t{c - 1}\t{fmt}\t{value!r}\n")
                else:
                    out.write(f"s\t{r - 1}\t{c - 1}\t{fmt}\t{esc(value)}\n")
    out.write("E\n")


def main():
    target, inputs = sys.argv[1], sys.argv[2:]
    files = []
    for item in inputs:
        files += sorted(glob.glob(os.path.join(item, "**/schools/*.xlsx"), recursive=True)) if os.path.isdir(item) else [item]
    with open(target, "w", encoding="utf-8") as out:
        formats = Formats(out)
        for path in files:
            dump(path, out, formats)
    print(f"dumped {len(files)} notices ({len(formats.ids)} formats) into {target}")


if __name__ == "__main__":
    main()
