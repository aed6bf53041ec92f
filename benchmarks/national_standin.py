#!/usr/bin/env python3
"""A stand-in national data set, until `khet sample --national` is merged.

Splits one big `khet sample --schools N` folder into AREAS areas of consecutive school codes
(so school codes and national IDs stay unique nationwide) and writes both forms of the same data:

  OUT/                            the national layout `khet sample --national` will write
    batch.toml                    ([inputs] areas, schools, pupils ×2, pupil_records)
    areas.csv                     รหัสเขต,ชื่อเขต,ชื่อย่อ
    schools.csv                   รหัสโรงเรียน,ชื่อโรงเรียน,รหัสเขต,อำเภอ,พักนอน,พื้นที่พิเศษ
    pupils-2567-06-10.csv         per grade, every school
    pupils-2567-11-10.csv
    pupils-2568-06-10-records.csv ONE national record file (a hard link to the sample's)
  OUT/by-area/<code>/batch.toml   one ordinary area batch per area (the same rows, split)
  OUT/national-list.toml          `areas = [...]`: the national form that Khet on this branch runs
  OUT/notices-list.toml           the same over the first NOTICE_AREAS areas (the notices subset)

Only the standard library: the bench runs it before pandas is installed.
"""
import csv
import os
import sys

DATES = ["2567-06-10", "2567-11-10"]
RECORDS_DATE = "2568-06-10"


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: national_standin.py SAMPLE_DIR OUT_DIR AREAS NOTICE_AREAS")
    sample, out, area_count, notice_areas = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    os.makedirs(out, exist_ok=True)

    with open(os.path.join(sample, "schools.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, schools = rows[0], sorted(rows[1:], key=lambda r: r[0])
    area_count = max(1, min(area_count, len(schools)))
    areas = []  # (code, name, short name, [school rows])
    for i in range(area_count):
        chunk = schools[len(schools) * i // area_count: len(schools) * (i + 1) // area_count]
        code = str(9001 + i)
        areas.append((code, f"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต {i + 1}", f"สพป.ตัวอย่าง เขต {i + 1}", chunk))
    area_of = {row[0]: code for code, _, _, chunk in areas for row in chunk}

    def write_csv(path, head, body):
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(head)
            w.writerows(body)

    # National layout.
    write_csv(os.path.join(out, "areas.csv"), ["รหัสเขต", "ชื่อเขต", "ชื่อย่อ"], [a[:3] for a in areas])
    write_csv(os.path.join(out, "schools.csv"), ["รหัสโรงเรียน", "ชื่อโรงเรียน", "รหัสเขต", "อำเภอ", "พักนอน", "พื้นที่พิเศษ"],
              [[r[0], r[1], area_of[r[0]]] + r[2:] for r in schools])
    by_area_dir = os.path.join(out, "by-area")
    for code, _, _, chunk in areas:
        folder = os.path.join(by_area_dir, code)
        os.makedirs(folder, exist_ok=True)
        write_csv(os.path.join(folder, "schools.csv"), header, chunk)

    for date in DATES:
        name = f"pupils-{date}.csv"
        with open(os.path.join(sample, name), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        write_csv(os.path.join(out, name), rows[0], rows[1:])
        for code, _, _, _ in areas:
            write_csv(os.path.join(by_area_dir, code, name), rows[0], [r for r in rows[1:] if area_of.get(r[0]) == code])

    records = f"pupils-{RECORDS_DATE}-records.csv"
    national_records = os.path.join(out, records)
    if os.path.exists(national_records):
        os.remove(national_records)
    os.link(os.path.join(sample, records), national_records)
    # Rows come grouped by school, schools in code order: one pass, one open file at a time.
    with open(national_records, "rb") as f:
        head = f.readline()
        current, sink = None, None
        for line in f:
            code = area_of[line[:line.index(b",")].decode()]
            if code != current:
                if sink:
                    sink.close()
                sink = open(os.path.join(by_area_dir, code, records), "wb")
                sink.write(head)
                current = code
            sink.write(line)
        if sink:
            sink.close()

    with open(os.path.join(out, "batch.toml"), "w", encoding="utf-8") as f:
        f.write(f"""# National stand-in batch ({area_count} areas, {len(schools)} schools), written by benchmarks/national_standin.py.
fiscal_year = 2568
framework = "fy2568"
date = "2568-07-15"
output = "out"
language = "th"

[inputs]
areas = "areas.csv"
schools = "schools.csv"

[[inputs.pupils]]
date = "2567-06-10"
file = "pupils-2567-06-10.csv"

[[inputs.pupils]]
date = "2567-11-10"
file = "pupils-2567-11-10.csv"

[[inputs.pupil_records]]
date = "{RECORDS_DATE}"
file = "{records}"
""")
    for code, name, short, _ in areas:
        with open(os.path.join(by_area_dir, code, "batch.toml"), "w", encoding="utf-8") as f:
            f.write(f"""fiscal_year = 2568
framework = "fy2568"
date = "2568-07-15"
output = "out"
language = "th"

[area]
code = "{code}"
name = "{name}"
short_name = "{short}"

[inputs]
schools = "schools.csv"

[[inputs.pupils]]
date = "2567-06-10"
file = "pupils-2567-06-10.csv"

[[inputs.pupils]]
date = "2567-11-10"
file = "pupils-2567-11-10.csv"

[[inputs.pupil_records]]
date = "{RECORDS_DATE}"
file = "{records}"
""")
    for list_name, chosen in (("national-list.toml", areas), ("notices-list.toml", areas[:max(1, notice_areas)])):
        with open(os.path.join(out, list_name), "w", encoding="utf-8") as f:
            listed = ", ".join(f'"by-area/{a[0]}/batch.toml"' for a in chosen)
            f.write(f'fiscal_year = 2568\ndate = "2568-07-15"\noutput = "out"\nlanguage = "th"\nareas = [{listed}]\n')
    print(f"{area_count} areas, {len(schools)} schools, notices subset: {min(len(areas), max(1, notice_areas))} areas "
          f"({sum(len(a[3]) for a in areas[:max(1, notice_areas)])} schools)")


if __name__ == "__main__":
    main()
