import KhetCore

/// Reads school data sent as XML (`templates/schema/schooldata.xsd`): the schools of the area and
/// any number of pupils-per-grade snapshots. Parsed by the hardened `XMLLoader`, validated against
/// the schema, then checked for what a schema cannot say, each problem at its element.
public struct SchoolDataXMLReader {
    public struct Result {
        public var schools: [School]
        /// Oldest first.
        public var snapshots: [Snapshot]
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    public func read(path: String, displayName: String) throws -> Result {
        try map(XMLLoader(schemaName: "schooldata.xsd").load(path: path, displayName: displayName), file: displayName)
    }

    public func read(bytes: [UInt8], displayName: String) throws -> Result {
        try map(XMLLoader(schemaName: "schooldata.xsd").load(bytes: bytes, displayName: displayName), file: displayName)
    }

    private func map(_ loaded: XMLLoader.Result, file: String) -> Result {
        guard let root = loaded.root, !loaded.diagnostics.hasErrors else {
            return Result(schools: [], snapshots: [], diagnostics: loaded.diagnostics)
        }
        var diagnostics = loaded.diagnostics
        func problem(_ node: XMLElementNode, _ code: String, _ message: String, thai: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, code: code, file: file, line: node.line, column: node.column,
                                          message: message, thaiMessage: thai, hint: hint))
        }

        var schools: [School] = []
        var firstLine: [String: Int] = [:]
        for node in root.child(named: "schools")?.children(named: "school") ?? [] {
            let code = node.attributes["code"] ?? ""
            if let line = firstLine[code] {
                problem(node, "SDX001", "school \(code) is listed twice (first on line \(line))",
                        thai: "โรงเรียน \(code) ซ้ำ (พบครั้งแรกที่บรรทัด \(line))")
                continue
            }
            firstLine[code] = node.line
            schools.append(School(code: code, name: node.child(named: "name")?.trimmedText ?? "",
                                  district: node.attributes["district"] ?? "",
                                  isBoarding: Self.boolean(node.attributes["boarding"]),
                                  isSpecialArea: Self.boolean(node.attributes["special-area"])))
        }

        var snapshots: [Snapshot] = []
        for node in root.children(named: "snapshot") {
            let text = node.attributes["date"] ?? ""
            guard let date = ThaiDate(parsing: text) else {
                problem(node, "SDX002", "'\(Diagnostic.quoted(text))' is not a date", thai: "'\(Diagnostic.quoted(text))' ไม่ใช่วันที่",
                        hint: "write the Buddhist-era date as 2568-06-10")
                continue
            }
            // Rounds pay on the 10 June and 10 November counts: another date would leave its round
            // to another snapshot without a word.
            guard (date.month == 6 || date.month == 11) && date.day == 10 else {
                problem(node, "SDX009", "snapshot date \(date.isoBE) is not 10 June or 10 November, the counts payment rounds use",
                        thai: "วันที่ข้อมูลนักเรียน \(date.isoBE) ไม่ใช่ 10 มิถุนายนหรือ 10 พฤศจิกายน ซึ่งเป็นวันที่ใช้จ่ายเงินแต่ละงวด",
                        hint: "correct the date, or give this count as a CSV or workbook snapshot in the batch with stands_for")
                continue
            }
            if snapshots.contains(where: { $0.date == date }) {
                problem(node, "SDX003", "two snapshots are dated \(date.isoBE)", thai: "มีข้อมูลนักเรียนสองชุดวันที่ \(date.isoBE)")
                continue
            }
            var snapshot = Snapshot(date: date)
            for countsNode in node.children(named: "counts") {
                let code = countsNode.attributes["school"] ?? ""
                guard firstLine[code] != nil else {
                    problem(countsNode, "SDX004", "school \(code) is not in <schools>",
                            thai: "ไม่มีโรงเรียน \(code) ใน <schools>", hint: "add it to <schools> or correct the code")
                    continue
                }
                guard snapshot.counts[code] == nil else {
                    problem(countsNode, "SDX005", "school \(code) has a second <counts> in the snapshot of \(date.isoBE)",
                            thai: "โรงเรียน \(code) มี <counts> สองชุดในข้อมูลวันที่ \(date.isoBE)")
                    continue
                }
                var counts = GradeCounts()
                var seen: Set<Grade> = []
                for gradeNode in countsNode.children(named: "grade") {
                    let gradeCode = gradeNode.attributes["code"] ?? ""
                    guard let grade = Grade(code: gradeCode) else {
                        problem(gradeNode, "SDX006", "'\(Diagnostic.quoted(gradeCode))' is not a grade", thai: "'\(Diagnostic.quoted(gradeCode))' ไม่ใช่ชั้นเรียน",
                                hint: GradeName.suggestion(for: gradeCode).map { "did you mean \($0)?" }
                                    ?? "use อ.1–อ.3, ป.1–ป.6, ม.1–ม.6 or K1–M6")
                        continue
                    }
                    guard seen.insert(grade).inserted else {
                        problem(gradeNode, "SDX007", "grade \(grade.thaiCode) appears twice for school \(code)",
                                thai: "ชั้น \(grade.thaiCode) ซ้ำในโรงเรียน \(code)")
                        continue
                    }
                    // The schema allows only 0…100000, so the number always fits.
                    // The schema allows any non-negative integer; Khet allows what a school can have.
                    guard let pupils = Int(gradeNode.attributes["pupils"] ?? ""), pupils <= InputLimits.pupilsPerGrade else {
                        problem(gradeNode, "SDX008", "more pupils in \(grade.thaiCode) than a school can have (at most \(InputLimits.pupilsPerGrade) a grade)",
                                thai: "นักเรียนชั้น \(grade.thaiCode) เกินกว่าที่โรงเรียนหนึ่งจะมีได้ (ไม่เกิน \(InputLimits.pupilsPerGrade) คนต่อชั้น)")
                        continue
                    }
                    counts[grade] = pupils
                }
                snapshot.counts[code] = counts
            }
            snapshots.append(snapshot)
        }
        return Result(schools: schools.sorted { $0.code < $1.code }, snapshots: snapshots.sorted { $0.date < $1.date },
                      diagnostics: diagnostics)
    }

    private static func boolean(_ text: String?) -> Bool {
        text == "true" || text == "1"
    }
}
