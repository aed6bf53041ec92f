#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus: small real-shaped files of every kind the readers meet, and
broken ones. Run from the repository root; the output is committed under Fuzz/corpus/."""
import os

ROOT = os.path.join(os.path.dirname(__file__), "corpus")


def check_digit(twelve):
    total = sum(int(d) * (13 - i) for i, d in enumerate(twelve))
    return str((11 - total % 11) % 10)


def nid(n):
    body = "199" + str(n).zfill(9)
    return body + check_digit(body)


def write(kind, name, data):
    folder = os.path.join(ROOT, kind)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


schools = "รหัสโรงเรียน,ชื่อโรงเรียน,อำเภอ,พักนอน,พื้นที่พิเศษ\n9963020001,\"โรงเรียนบ้านหนึ่ง, สาขา\",แม่สอด,0,0\n"
snapshot = "รหัสโรงเรียน,อ.1,ป.1,ม.1,รวม\n9963020001,5,\"1,234\",๗,1246\n"
write("csv", "schools-utf8.csv", schools)
write("csv", "schools-bom-crlf.csv", "\ufeff" + schools.replace("\n", "\r\n"))
write("csv", "snapshot-cr.csv", snapshot.replace("\n", "\r"))
write("csv", "snapshot-semicolon.csv", snapshot.replace(",", ";").replace('"1;234"', "1,234"))
write("csv", "snapshot-tab-utf16le.csv", b"\xff\xfe" + snapshot.replace(",", "\t").replace('"1\t234"', "1234").encode("utf-16-le"))
write("csv", "snapshot-utf16be.csv", b"\xfe\xff" + snapshot.encode("utf-16-be"))
write("csv", "schools-windows874.csv", schools.encode("cp874"))
write("csv", "title-rows.csv", "รายงานจำนวนนักเรียน ปีการศึกษา 2568,,,,\n,,,,\n" + snapshot)
write("csv", "embedded-newline.csv", 'code,name\n1,"two\nlines"\n2,"say ""hi"""\n')
write("csv", "unclosed-quote.csv", 'a,b\n1,"open\n2,3\n')
write("csv", "stray-quote.csv", 'a,b\n1,ab"c\n')
write("csv", "bad-bytes.csv", b"a,b\n\x81\xff,1\n")
write("csv", "lone-surrogate-utf16.csv", b"\xff\xfe" + "a,b\n".encode("utf-16-le") + b"\x00\xd8" + ",1\n".encode("utf-16-le"))

header = "รหัสโรงเรียน,เลขประจำตัวประชาชน,ชั้น,เพศ,วันเกิด,ยากจน,พักนอน\n"
rows = [
    f"9963020001,{nid(1)},อ.1,ชาย,10/11/2563,0,0",
    f"9963020001,{nid(2)},ป.1,หญิง,2018-03-01,1,1",
    f"9963020001,{nid(2)},ป.1,หญิง,2018-03-01,1,1",
    f"9963020002,{nid(3)},ประถมศึกษาปีที่ 2,ญ,๑๐/๐๖/๒๕๖๐,ใช่,",
    f"9963020002,{nid(1)},ป.1/2,M,01/01/2561,0,0",
    f"9963020001,{nid(4)},อ.1,ช,01/01/2566,0,0",
]
write("records", "records-utf8.csv", header + "\n".join(rows) + "\n")
write("records", "records-windows874-title.csv", ("ข้อมูลนักเรียนรายบุคคล 10 มิ.ย. 2568\n" + header + "\n".join(rows) + "\n").encode("cp874"))
write("records", "records-english-semicolon.csv",
      "school_code;national_id;grade;sex;birth_date;poor;boarder;first_name\n"
      f"9963020001;{nid(5)};P3;F;2016-07-01;1;0;Somchai\n")
write("records", "records-bad.csv", header +
      "9963020001,1234567890123,ป.7,x,31/02/2560,maybe,0\n"
      "9999999999,12345,ป.l,,,0,0\n"
      f"9963020001,{nid(6)},ป.1,ชาย,01/01/2570,0,0\n")
write("records", "records-gcode.csv", header + "9963020001,G123456789012,ป.2,หญิง,2017-05-05,0,1\n")

xml_ok = """<?xml version="1.0" encoding="UTF-8"?>
<school-data area="6302">
  <schools>
    <school code="9963020001" district="แม่สอด" boarding="true"><name>โรงเรียนบ้านหนึ่ง</name></school>
    <school code="9963020002" district="อุ้มผาง"><name>โรงเรียนบ้านสอง</name></school>
  </schools>
  <snapshot date="2568-06-10">
    <counts school="9963020001"><grade code="อ.1" pupils="12"/><grade code="P1" pupils="20"/></counts>
  </snapshot>
</school-data>
"""
write("schoolxml", "school-data.xml", xml_ok)
write("schoolxml", "school-data-utf16.xml", xml_ok.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
write("schoolxml", "not-well-formed.xml", xml_ok.replace("</schools>", "</school>"))
write("schoolxml", "bad-grade.xml", xml_ok.replace('code="P1"', 'code="ป.7"'))
bomb = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<school-data><schools><school code="1" district="&lol3;"><name>x</name></school></schools></school-data>
"""
write("schoolxml", "entity-bomb.xml", bomb)
write("schoolxml", "external-entity.xml", """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<school-data><schools><school code="1" district="&e;"><name>x</name></school></schools></school-data>
""")

framework = open(os.path.join(os.path.dirname(__file__), "..", "templates", "frameworks", "fy2568.xml"), "rb").read()
write("framework", "fy2568.xml", framework)
write("framework", "truncated.xml", framework[: len(framework) // 2])
write("framework", "doctype.xml", bomb.replace("school-data", "framework"))
write("framework", "bad-rate.xml", framework.replace(b'level="pre"', b'level="pre" grade="P1"', 1))

# Batch files: the sample's, a national one, and broken ones (CRLF with a bad date, an unclosed
# string, a table twice, keys of the wrong type).
batch = open(os.path.join(os.path.dirname(__file__), "..", "samples", "tak2", "batch.toml"), "rb").read()
write("toml", "sample-batch.toml", batch)
write("toml", "crlf-bad-date.toml", batch.replace(b"2568-07-15", b"2568-13-15").replace(b"\n", b"\r\n"))
write("toml", "unclosed-string.toml", batch.replace(b'framework = "fy2568"', b'framework = "fy2568'))
write("toml", "table-twice.toml", batch + b"\n[area]\ncode = \"1\"\n")
write("toml", "wrong-types.toml", batch.replace(b"fiscal_year = 2568", b"fiscal_year = \"2568\"").replace(b'language = "th"', b"language = 7"))
write("toml", "national.toml", b'fiscal_year = 2568\nframework = "fy2568"\ndate = "2568-07-15"\noutput = "out"\n'
      b'[area]\ncode = "national"\nname = "x"\n[inputs]\nareas = "areas.csv"\nschools = "schools.csv"\n'
      b'[[inputs.pupil_records]]\ndate = "2568-06-10"\nfile = "r.csv"\n')
# Found by the toml fuzzer: TOMLKit's parser aborted on a lone "["; Khet now reads TOML itself.
write("toml", "crash-lone-bracket.toml", b"[\n")
