#!/usr/bin/env python3
"""The benchmark's baseline: the national free-education allocation as a competent area analyst
would write it with pandas and XlsxWriter (read_csv, groupby, merge, vectorised arithmetic,
DataFrame.to_excel). Not tuned, not a strawman.

    allocate.py NATIONAL_DIR OUT_DIR [--framework templates/frameworks/fy2568.xml] [--totals FILE]
    allocate.py --read-only RECORDS_CSV          (only read the records file, as the bench times it)

Reads the national folder (areas.csv, schools.csv, pupils-2567-06-10.csv, pupils-2567-11-10.csv,
pupils-2568-06-10-records.csv), computes FY2568's free-education rounds exactly as Khet does
(domain §4.3):
  term 2/2567      on the 10 June 2567 count;
  term 1/2568 70%  on the 10 November 2567 count advanced one grade (entry grades on their own
                   count), 70% of it rounded half up per grade;
  term 1/2568 rest the full term-1 entitlement on the 10 June 2568 count less the advance paid,
                   per item, never below zero (the framework allows no recovery);
and writes per area `areas/<code>/allocation-2568.xlsx` (a school × item sheet and a school × round
sheet, as Khet's national run writes them) and `national-summary-2568.xlsx`. The totals it computed (satang per area) go
to --totals as JSON, for the bench to compare with Khet's.
"""
import argparse
import json
import os
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd

GRADES = ["อ.1", "อ.2", "อ.3", "ป.1", "ป.2", "ป.3", "ป.4", "ป.5", "ป.6",
          "ม.1", "ม.2", "ม.3", "ม.4", "ม.5", "ม.6"]
LEVEL = {g: ("pre" if g.startswith("อ") else "pri" if g.startswith("ป")
             else "lsec" if g in ("ม.1", "ม.2", "ม.3") else "usec") for g in GRADES}
ENTRY = {"อ.1", "ป.1", "ม.1", "ม.4"}
ADVANCED_FROM = {g: (g if g in ENTRY else GRADES[i - 1]) for i, g in enumerate(GRADES)}
SNAPSHOT = (2568, 6, 10)


def read_rates(path):
    """Per item: unit, paid-in, name and the annual/term rate per grade (baht) — from the framework."""
    root = ET.parse(path).getroot()
    advance = root.find("advance")
    programme = next(p for p in root.findall("programme") if p.get("id") == "free-education")
    items = []
    for item in programme.findall("item"):
        rate = {}
        for r in item.findall("rate"):
            if r.get("grade"):
                rate[r.get("grade")] = int(r.get("baht"))
            else:
                rate.update({g: int(r.get("baht")) for g in GRADES if LEVEL[g] == r.get("level")})
        name = next(n.text for n in item.findall("name") if n.get("lang") == "th")
        items.append({"id": item.get("id"), "unit": item.get("unit"), "paid_in": item.get("paid-in"),
                      "name": name, "rate": rate})
    return items, int(advance.get("percent"))


def term_rate(item, grade, term):
    """Baht per pupil in a term: annual amounts paid each term split, the odd baht to term 2."""
    rate = item["rate"].get(grade, 0)
    if item["paid_in"] == "term-1":
        return rate if term == 1 else 0
    if item["unit"] == "year":
        return rate // 2 if term == 1 else rate - rate // 2
    return rate


def rate_table(items, term):
    return pd.DataFrame([{"item": it["id"], "grade": g, "rate": term_rate(it, g, term)}
                         for it in items for g in GRADES])


def read_counts(path):
    wide = pd.read_csv(path, dtype={"รหัสโรงเรียน": str})
    grades = [g for g in GRADES if g in wide.columns]
    long = wide.melt(id_vars="รหัสโรงเรียน", value_vars=grades, var_name="grade", value_name="pupils")
    return long.rename(columns={"รหัสโรงเรียน": "school"})


def read_records(path):
    """Funded pupils per school and grade: first row of each pupil, aged 4 or more on 10 June."""
    df = pd.read_csv(path, dtype=str, usecols=["รหัสโรงเรียน", "เลขประจำตัวประชาชน", "ชั้น", "วันเกิด"])
    df = df.drop_duplicates(subset="เลขประจำตัวประชาชน", keep="first")
    birth = df["วันเกิด"].str.split("/", expand=True).astype(int)
    day, month, year = birth[0], birth[1], birth[2]
    age = SNAPSHOT[0] - year - ((month > SNAPSHOT[1]) | ((month == SNAPSHOT[1]) & (day > SNAPSHOT[2]))).astype(int)
    df = df[age >= 4]
    counts = df.groupby(["รหัสโรงเรียน", "ชั้น"]).size().rename("pupils").reset_index()
    return counts.rename(columns={"รหัสโรงเรียน": "school", "ชั้น": "grade"})


def entitlement(counts, items, term):
    lines = counts[counts["pupils"] > 0].merge(rate_table(items, term), on="grade")
    lines = lines[lines["rate"] > 0].copy()
    lines["amount"] = lines["pupils"] * lines["rate"]
    return lines


def advance(november, items, percent, term=1):
    src = november.rename(columns={"grade": "counted_grade", "pupils": "counted"})
    pairs = pd.DataFrame({"grade": GRADES, "counted_grade": [ADVANCED_FROM[g] for g in GRADES]})
    lines = src.merge(pairs, on="counted_grade")
    lines["pupils"] = (lines["counted"] * percent + 50) // 100   # half up, per grade
    lines = lines[lines["pupils"] > 0].merge(rate_table(items, term), on="grade")
    lines = lines[lines["rate"] > 0].copy()
    lines["amount"] = lines["pupils"] * lines["rate"]
    return lines


def balance(june, advance_lines, items):
    ent = entitlement(june, items, 1)
    paid = advance_lines.groupby(["school", "item"])["amount"].sum().rename("paid").reset_index()
    per_item = ent.groupby(["school", "item"])["amount"].sum().rename("due").reset_index()
    per_item = per_item.merge(paid, on=["school", "item"], how="outer").fillna(0)
    per_item["shortfall"] = np.maximum(per_item["paid"] - per_item["due"], 0)
    less = per_item[per_item["paid"] > 0].assign(amount=lambda d: -d["paid"], note="หักเงินงวดที่ 1 ที่จ่ายแล้ว")
    lifted = per_item[per_item["shortfall"] > 0].assign(amount=lambda d: d["shortfall"], note="ไม่เรียกคืนเงินที่จ่ายเกิน")
    ent["note"] = "นับ ณ 10 มิ.ย. 2568"
    lines = pd.concat([ent, less[["school", "item", "amount", "note"]], lifted[["school", "item", "amount", "note"]]])
    order = {it["id"]: i for i, it in enumerate(items)}
    lines["item_order"] = lines["item"].map(order)
    lines["grade_order"] = lines["grade"].map({g: i for i, g in enumerate(GRADES)}).fillna(99)
    return lines.sort_values(["school", "item_order", "grade_order"]).drop(columns=["item_order", "grade_order"])


def write_area(path, area, schools, rounds, items):
    names = {it["id"]: it["name"] for it in items}
    all_lines = pd.concat([lines for _, lines in rounds])
    per_item = all_lines.pivot_table(index="school", columns="item", values="amount", aggfunc="sum", fill_value=0)
    per_item = per_item.reindex(columns=[it["id"] for it in items], fill_value=0)
    per_item["รวมทั้งปีงบประมาณ"] = per_item.sum(axis=1)
    summary = schools.merge(per_item, left_on="รหัสโรงเรียน", right_index=True, how="left").fillna(0)
    summary = summary.rename(columns=names)
    with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
        summary.to_excel(writer, sheet_name="เรียนฟรี 15 ปี", index=False, startrow=2)
        sheet = writer.sheets["เรียนฟรี 15 ปี"]
        sheet.write(0, 0, f"สรุปการจัดสรรเรียนฟรี 15 ปี ปีงบประมาณ 2568 — {area['ชื่อเขต']}")
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, len(summary.columns), 16)
        # The rounds as Khet's national run writes them: one row per school, a column per round.
        by_round = pd.DataFrame({title: lines.groupby("school")["amount"].sum() for title, lines in rounds})
        by_round = by_round.reindex(schools["รหัสโรงเรียน"]).fillna(0)
        by_round["รวมทั้งปีงบประมาณ"] = by_round.sum(axis=1)
        table = schools.merge(by_round, left_on="รหัสโรงเรียน", right_index=True, how="left")
        title = "เรียนฟรี 15 ปี รายงวด"
        table.to_excel(writer, sheet_name=title, index=False, startrow=2)
        sheet = writer.sheets[title]
        sheet.write(0, 0, f"การจัดสรรเรียนฟรี 15 ปี รายงวด ปีงบประมาณ 2568 — {area['ชื่อเขต']}")
        sheet.write(len(table) + 3, 0, "รวมทั้งเขตพื้นที่")
        for offset, column in enumerate(by_round.columns):
            sheet.write(len(table) + 3, len(schools.columns) + offset, table[column].sum())
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, len(table.columns), 16)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("national", nargs="?")
    parser.add_argument("out", nargs="?")
    parser.add_argument("--framework", default=os.path.join(os.path.dirname(__file__), "../../templates/frameworks/fy2568.xml"))
    parser.add_argument("--totals")
    parser.add_argument("--read-only", metavar="RECORDS_CSV")
    args = parser.parse_args()
    if args.read_only:
        counts = read_records(args.read_only)
        print(f"read {int(counts['pupils'].sum())} funded pupils in {counts['school'].nunique()} schools")
        return

    items, percent = read_rates(args.framework)
    folder = args.national
    areas = pd.read_csv(os.path.join(folder, "areas.csv"), dtype=str)
    schools = pd.read_csv(os.path.join(folder, "schools.csv"), dtype=str)
    june_before = read_counts(os.path.join(folder, "pupils-2567-06-10.csv"))
    november = read_counts(os.path.join(folder, "pupils-2567-11-10.csv"))
    june = read_records(os.path.join(folder, "pupils-2568-06-10-records.csv"))

    term2 = entitlement(june_before, items, 2).assign(note="นับ ณ 10 มิ.ย. 2567")
    adv = advance(november, items, percent).assign(note="ร้อยละ 70 ของจำนวน ณ 10 พ.ย. 2567 เลื่อนชั้น")
    rest = balance(june, adv, items)
    rounds = [("ภาค 2-2567", term2), ("ภาค 1-2568 งวด 70%", adv), ("ภาค 1-2568 ส่วนที่เหลือ", rest)]

    area_of = schools.set_index("รหัสโรงเรียน")["รหัสเขต"]
    totals = {}
    for _, area in areas.iterrows():
        code = area["รหัสเขต"]
        area_schools = schools[schools["รหัสเขต"] == code]
        area_rounds = [(t, lines[lines["school"].map(area_of) == code]) for t, lines in rounds]
        os.makedirs(os.path.join(args.out, "areas", code), exist_ok=True)
        write_area(os.path.join(args.out, "areas", code, "allocation-2568.xlsx"), area, area_schools, area_rounds, items)
        totals[code] = int(sum(lines["amount"].sum() for _, lines in area_rounds)) * 100  # satang

    national = areas.assign(**{"เรียนฟรี 15 ปี": areas["รหัสเขต"].map(lambda c: totals[c] / 100)})
    national.to_excel(os.path.join(args.out, "national-summary-2568.xlsx"), index=False, engine="xlsxwriter")
    for code, satang in totals.items():
        print(f"{code} {satang / 100:.2f}")
    print(f"national {sum(totals.values()) / 100:.2f}")
    if args.totals:
        with open(args.totals, "w") as f:
            json.dump(totals, f)


if __name__ == "__main__":
    main()
