#!/usr/bin/env python3
"""Writes the XLSX fixtures of the importer tests: layouts area offices receive from DMC and
OBEC (title rows, grades split by sex under merged or repeated headers, totals rows, numbers
stored as text, dates as serials) and files Khet must refuse. Run it from anywhere; it writes
next to itself. Needs XlsxWriter and openpyxl (pip install XlsxWriter openpyxl).
Every school code, name and pupil here is made up."""
import datetime
import os
import zipfile

import openpyxl
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
CREATED = datetime.datetime(2024, 11, 10, 9, 0, 0)
GRADES = ["อ.2", "อ.3", "ป.1", "ป.2", "ป.3", "ป.4", "ป.5", "ป.6"]
LONG = {"อ.2": "อนุบาล 2", "อ.3": "อนุบาล 3", "ป.1": "ประถมศึกษาปีที่ 1", "ป.2": "ประถมศึกษาปีที่ 2",
        "ป.3": "ประถมศึกษาปีที่ 3", "ป.4": "ประถมศึกษาปีที่ 4", "ป.5": "ประถมศึกษาปีที่ 5", "ป.6": "ประถมศึกษาปีที่ 6"}
# (code, name, district, boys and girls per grade)
SCHOOLS = [
    ("63020001", "บ้านแม่ละเมา", "แม่สอด", [(5, 4), (6, 6), (8, 7), (7, 9), (6, 5), (9, 8), (7, 7), (8, 6)]),
    ("63020002", "บ้านห้วยกะโหลก", "แม่สอด", [(2, 3), (3, 2), (4, 4), (3, 5), (5, 3), (4, 4), (3, 3), (4, 2)]),
    ("63020003", "บ้านพบพระ", "พบพระ", [(11, 12), (13, 10), (15, 14), (12, 16), (14, 13), (15, 15), (13, 14), (16, 12)]),
]


def path(name):
    return os.path.join(HERE, name)


def workbook(name, **options):
    book = xlsxwriter.Workbook(path(name), options)
    book.set_properties({"created": CREATED})
    return book


def totals(index):
    """Sum over the schools of boys (0), girls (1) or both (2) for grade index `index`."""
    if index == 2:
        return [sum(sum(s[3][g]) for s in SCHOOLS) for g in range(len(GRADES))]
    return [sum(s[3][g][index] for s in SCHOOLS) for g in range(len(GRADES))]


def dmc_two_row_merged():
    """DMC's per-grade report: title rows, each grade merged over ชาย / หญิง / รวม, a totals row of formulas."""
    book = workbook("dmc-two-row-merged.xlsx")
    sheet = book.add_worksheet("นักเรียน")
    bold = book.add_format({"bold": True, "align": "center"})
    last = 3 + 3 * (len(GRADES) + 1) - 1
    sheet.merge_range(0, 0, 0, last, "รายงานจำนวนนักเรียน จำแนกตามชั้นและเพศ", bold)
    sheet.merge_range(1, 0, 1, last, "ข้อมูล ณ วันที่ 10 พฤศจิกายน 2567", bold)
    for column, title in enumerate(["ที่", "รหัสโรงเรียน", "ชื่อโรงเรียน"]):
        sheet.merge_range(3, column, 4, column, title, bold)
    for g, grade in enumerate(GRADES + ["รวม"]):
        first = 3 + 3 * g
        sheet.merge_range(3, first, 3, first + 2, grade, bold)
        for k, label in enumerate(["ชาย", "หญิง", "รวม"]):
            sheet.write(4, first + k, label, bold)
    for r, (code, name, _, counts) in enumerate(SCHOOLS):
        row = 5 + r
        sheet.write_number(row, 0, r + 1)
        sheet.write_string(row, 1, code)
        sheet.write_string(row, 2, name)
        for g, (boys, girls) in enumerate(counts + [tuple(map(sum, zip(*counts)))]):
            first = 3 + 3 * g
            sheet.write_number(row, first, boys)
            sheet.write_number(row, first + 1, girls)
            sheet.write_formula(row, first + 2, f"={xl(row, first)}+{xl(row, first + 1)}", None, boys + girls)
    row = 5 + len(SCHOOLS)
    sheet.merge_range(row, 0, row, 2, "รวม", bold)
    for column in range(3, last + 1):
        value = sum_column(column)
        sheet.write_formula(row, column, f"=SUM({xl(5, column)}:{xl(row - 1, column)})", None, value)
    book.close()


def sum_column(column):
    g, k = divmod(column - 3, 3)
    per_school = []
    for _, _, _, counts in SCHOOLS:
        pair = counts[g] if g < len(GRADES) else tuple(map(sum, zip(*counts)))
        per_school.append(pair[k] if k < 2 else sum(pair))
    return sum(per_school)


def xl(row, column):
    return xlsxwriter.utility.xl_rowcol_to_cell(row, column)


def dmc_two_row_repeated():
    """Grade names (long form) repeated over their three columns, inline strings, numbers stored as text."""
    book = workbook("dmc-two-row-repeated.xlsx", constant_memory=True)
    sheet = book.add_worksheet("Sheet1")
    sheet.write_string(0, 0, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2")
    header = ["รหัสโรงเรียน", "ชื่อโรงเรียน"] + [LONG[g] for g in GRADES for _ in range(3)]
    sub = ["", ""] + ["ชาย", "หญิง", "รวม"] * len(GRADES)
    for column, text in enumerate(header):
        sheet.write_string(2, column, text)
    for column, text in enumerate(sub):
        if text:
            sheet.write_string(3, column, text)
    for r, (code, name, _, counts) in enumerate(SCHOOLS):
        row = 4 + r
        sheet.write_string(row, 0, code)
        sheet.write_string(row, 1, name)
        for g, (boys, girls) in enumerate(counts):
            # The last school's ป.6 total is typed as text with a thousands separator.
            sheet.write_string(row, 2 + 3 * g, str(boys))
            sheet.write_string(row, 3 + 3 * g, str(girls))
            sheet.write_string(row, 4 + 3 * g, f"{boys + girls:,}")
    book.close()


def dmc_one_row():
    """One header row (`ป.1 ชาย` …), a row-number column, district subtotals and a grand total."""
    book = workbook("dmc-one-row.xlsx")
    sheet = book.add_worksheet("ข้อมูล")
    header = ["ที่", "รหัสโรงเรียน", "ชื่อโรงเรียน"] + [f"{g} {part}" for g in GRADES for part in ("ชาย", "หญิง", "รวม")]
    sheet.write_row(0, 0, header)
    row = 1
    for district in ["แม่สอด", "พบพระ"]:
        members = [s for s in SCHOOLS if s[2] == district]
        for code, name, _, counts in members:
            sheet.write_number(row, 0, row)
            sheet.write_string(row, 1, code)
            sheet.write_string(row, 2, name)
            for g, (boys, girls) in enumerate(counts):
                sheet.write_row(row, 3 + 3 * g, [boys, girls, boys + girls])
            row += 1
        sheet.write_string(row, 2, f"รวมอำเภอ{district}")
        for g in range(len(GRADES)):
            b = sum(s[3][g][0] for s in members)
            f = sum(s[3][g][1] for s in members)
            sheet.write_row(row, 3 + 3 * g, [b, f, b + f])
        row += 1
    sheet.write_string(row, 0, "รวมทั้งสิ้น")
    for g in range(len(GRADES)):
        sheet.write_row(row, 3 + 3 * g, [totals(0)[g], totals(1)[g], totals(2)[g]])
    book.close()


def simple(name, header, rows, sub=None):
    book = workbook(name)
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, header)
    start = 1
    if sub:
        sheet.write_row(1, 0, sub)
        start = 2
    for r, values in enumerate(rows):
        sheet.write_row(start + r, 0, values)
    book.close()


def bad_layouts():
    simple("ambiguous-two-columns.xlsx", ["รหัสโรงเรียน", "ป.1", "ป.1", "ป.2"], [["63020001", 10, 5, 7]])
    simple("boys-only.xlsx", ["รหัสโรงเรียน", "ป.1 ชาย", "ป.2"], [["63020001", 10, 7]])
    simple("plain-beside-split.xlsx", ["รหัสโรงเรียน", "ป.1", "ป.1", "ป.1"], [["63020001", 10, 5, 15]], sub=["", "", "หญิง", "รวม"])
    simple("sum-mismatch.xlsx", ["รหัสโรงเรียน", "ป.1", "", ""], [["63020001", 10, 5, 16]], sub=["", "ชาย", "หญิง", "รวม"])
    simple("mistyped-grade.xlsx", ["รหัสโรงเรียน", "ป.1", "ป.7"], [["63020001", 10, 7]])
    simple("totals-disagree.xlsx", ["รหัสโรงเรียน", "ชื่อโรงเรียน", "ป.1"],
           [["63020001", "บ้านแม่ละเมา", 10], ["63020002", "บ้านห้วยกะโหลก", 7], ["", "รวม", 18]])
    simple("not-a-count.xlsx", ["รหัสโรงเรียน", "ป.1", "ป.2"], [["63020001", 10, "สิบ"]])


def schools_list():
    """A per-school list: title rows, the district merged down its schools, a totals row."""
    book = workbook("schools-titled.xlsx")
    sheet = book.add_worksheet("รายชื่อโรงเรียน")
    sheet.merge_range(0, 0, 0, 3, "รายชื่อโรงเรียนในสังกัด สพป.ตาก เขต 2")
    sheet.write_row(2, 0, ["รหัสโรงเรียน", "ชื่อโรงเรียน", "อำเภอ", "พักนอน"])
    sheet.merge_range(3, 2, 4, 2, "แม่สอด")
    sheet.write_row(3, 0, ["63020001", "บ้านแม่ละเมา"])
    sheet.write_row(4, 0, ["63020002", "บ้านห้วยกะโหลก"])
    sheet.write_row(5, 0, ["63020003", "บ้านพบพระ", "พบพระ"])
    sheet.write_boolean(3, 3, False)
    sheet.write_boolean(4, 3, False)
    sheet.write_boolean(5, 3, True)
    sheet.write_string(6, 0, "รวม 3 โรงเรียน")
    sheet2 = book.add_worksheet("หมายเหตุ")
    sheet2.write_string(0, 0, "ข้อมูลจากระบบ DMC")
    book.close()


def pupil_records():
    """Pupil records on a second sheet, birth dates as date serials in a Thai date format."""
    book = workbook("pupil-records.xlsx")
    notes = book.add_worksheet("คำอธิบาย")
    notes.write_string(0, 0, "ข้อมูลนักเรียนรายบุคคล")
    sheet = book.add_worksheet("นักเรียน")
    date = book.add_format({"num_format": "[$-th-TH]d/m/bbbb"})
    sheet.write_row(0, 0, ["รหัสโรงเรียน", "เลขประจำตัวประชาชน", "ชื่อ", "ชั้น", "เพศ", "วันเกิด"])
    ids = ["1101700000010", "1101700000028", "1101700000036"]  # valid check digits
    for r, (pupil, grade, born) in enumerate(zip(ids, ["ป.1", "ป.1", "ป.2"],
                                                 [datetime.date(2017, 5, 12), datetime.date(2017, 8, 1), datetime.date(2016, 2, 29)])):
        sheet.write_row(1 + r, 0, ["63020001", pupil, "ทดสอบ", grade, "ช" if r % 2 == 0 else "ญ"])
        sheet.write_datetime(1 + r, 5, datetime.datetime.combine(born, datetime.time()), date)
    book.close()


def action_plan():
    """An action plan as a workbook: money and satisfaction as numbers, problems on lines of one cell."""
    book = workbook("action-plan.xlsx")
    sheet = book.add_worksheet("แผนปฏิบัติการ")
    sheet.write_row(0, 0, ["แผนปฏิบัติการประจำปี 2568"])
    sheet.write_row(1, 0, ["กลยุทธ์", "ชื่อกลยุทธ์", "รหัสโครงการ", "ชื่อโครงการ", "กลุ่มที่รับผิดชอบ", "แหล่งงบประมาณ",
                           "งบประมาณที่ได้รับ", "ใช้จ่ายจริง", "ตัวชี้วัด", "ประเภทตัวชี้วัด", "หน่วยนับ", "ทิศทาง",
                           "ค่าเป้าหมาย", "ผลการดำเนินงาน", "บรรลุ", "ความพึงพอใจ", "ปัญหาอุปสรรค"])
    money = book.add_format({"num_format": "#,##0.00"})
    sheet.write_row(2, 0, [1, "พัฒนาคุณภาพผู้เรียน", "P1", 'โครงการ "อ่านออก"', "กลุ่มนิเทศ", "งบพัฒนา"])
    sheet.write_number(2, 6, 150000, money)
    sheet.write_number(2, 7, 120000, money)
    sheet.write_row(2, 8, ["นักเรียนอ่านออก", "เชิงปริมาณ", "ร้อยละ", "มากดี", 80, 85, "", 4.2, "ครูย้าย\nงบล่าช้า"])
    sheet.write_row(3, 0, [1, "", "P1", "", "", "", "", "", "อัตราออกกลางคัน", "เชิงปริมาณ", "ร้อยละ", "น้อยดี", 2])
    sheet.write_row(4, 0, [1, "", "P1", "", "", "", "", "", "การนิเทศ", "เชิงคุณภาพ", "", "", "ระดับดี", "ระดับดีมาก", "ใช่"])
    sheet.write_row(5, 0, [2, "บริหารจัดการ", "P2", "โครงการสอง", "กลุ่มอำนวยการ", "งบดำเนินงาน", 5000, "",
                           "ความพึงพอใจ", "quantitative", "คะแนน", "higher", 4])
    book.close()


def obec_list():
    """OBEC's allocation list as a workbook: title rows, amounts as numbers and as text, one typed in words."""
    book = workbook("obec-list.xlsx")
    sheet = book.add_worksheet("บัญชีจัดสรร")
    sheet.merge_range(0, 0, 0, 3, "บัญชีจัดสรรงบประมาณ ปีงบประมาณ 2568 สพป.ตาก เขต 2")
    sheet.write_row(2, 0, ["รหัสโรงเรียน", "ชื่อโรงเรียน", "ค่าจัดการเรียนการสอน", "ค่าอุปกรณ์การเรียน"])
    money = book.add_format({"num_format": "#,##0.00"})
    sheet.write_row(3, 0, ["9963020001", "บ้านดอยยอโกร"])
    sheet.write_number(3, 2, 123456.5, money)
    sheet.write_string(3, 3, "1,250.00")
    sheet.write_row(4, 0, ["9963020002", "บ้านนาปะลี", "สองพันบาท", 0])
    sheet.write_row(5, 0, ["", "รวม", 125456.5, 1250])
    book.close()


def refused():
    # openpyxl saves formulas without a cached result.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["รหัสโรงเรียน", "ป.1", "ป.2"])
    sheet.append(["63020001", 10, "=B2*2"])
    book.properties.created = CREATED
    book.properties.modified = CREATED
    book.save(path("formula-without-value.xlsx"))
    with open(path("legacy.xls"), "wb") as out:
        out.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    with open(path("web-page.xls"), "w", encoding="utf-8") as out:
        out.write("<html><body><table><tr><td>รหัสโรงเรียน</td><td>ป.1</td></tr></table></body></html>\n")
    with zipfile.ZipFile(path("opendocument.xlsx"), "w") as archive:
        info = zipfile.ZipInfo("mimetype", date_time=(1980, 1, 1, 0, 0, 0))
        archive.writestr(info, "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr(zipfile.ZipInfo("content.xml", date_time=(1980, 1, 1, 0, 0, 0)), "<office:document-content/>")


if __name__ == "__main__":
    dmc_two_row_merged()
    dmc_two_row_repeated()
    dmc_one_row()
    bad_layouts()
    schools_list()
    pupil_records()
    action_plan()
    obec_list()
    refused()
    print("wrote", len([n for n in os.listdir(HERE) if not n.endswith(".py")]), "fixtures in", HERE)
