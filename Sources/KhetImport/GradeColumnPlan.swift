import KhetCore

/// Which columns of a per-grade table give each grade's pupils. A grade has one column, or is
/// split by sex (DMC's ชาย / หญิง / รวม): the total column is used, and boys plus girls must
/// equal it; boys and girls without a total are added up. A grade Khet cannot read for sure (two
/// unlabelled columns, a plain column beside split ones, only the boys) is an error: a guess
/// would be wrong money.
struct GradeColumnPlan {
    struct Source {
        var grade: Grade
        /// The columns added up for the grade's pupils: its total, or its boys and girls.
        var columns: [Int]
        /// Boys' and girls' columns checked against the total column, when all three exist.
        var parts: [Int] = []
    }

    private(set) var sources: [Source] = []
    /// The school's total pupils (checked against the grades), when the table has one.
    private(set) var totalColumn: Int?

    init(header: CSVHeader, file: String, diagnostics: inout [Diagnostic]) {
        var byGrade: [Grade: [(index: Int, part: SplitColumnName.Part, name: String)]] = [:]
        var order: [Grade] = []
        var totals: [(index: Int, part: SplitColumnName.Part)] = []
        if let plainTotal = header.index(of: "total") { totals.append((plainTotal, .unlabeled)) }
        for (index, name) in header.otherColumns {
            let split = SplitColumnName(name)
            if let grade = GradeName.grade(split.base) {
                if byGrade[grade] == nil { order.append(grade) }
                byGrade[grade, default: []].append((index, split.part, name))
            } else if SnapshotImporter.isTotalName(split.base) {
                totals.append((index, split.part))
            }
        }
        totalColumn = totals.first { $0.part == .total }?.index ?? totals.first { $0.part == .unlabeled }?.index
        for grade in order {
            let columns = byGrade[grade] ?? []
            func of(_ part: SplitColumnName.Part) -> [Int] { columns.filter { $0.part == part }.map(\.index) }
            let (total, male, female, plain) = (of(.total), of(.male), of(.female), of(.unlabeled))
            func refuse(_ message: String, thai: String, hint: String) {
                let position = header.record.position(of: columns.count > 1 ? columns[1].index : columns[0].index)
                diagnostics.append(Diagnostic(.error, code: columns.count > 1 ? "PUP001" : "PUP012", file: file,
                                              line: position.line, column: position.column,
                                              message: message, thaiMessage: thai, hint: hint))
            }
            if total.count > 1 || plain.count > 1 || male.count > 1 || female.count > 1 {
                refuse("grade \(grade.thaiCode) has \(columns.count) columns and Khet cannot tell which one is the total",
                       thai: "ชั้น \(grade.thaiCode) มี \(columns.count) คอลัมน์ และบอกไม่ได้ว่าคอลัมน์ใดเป็นยอดรวม",
                       hint: "keep one column for the grade, or label them ชาย / หญิง / รวม")
            } else if total.count == 1 {
                if !plain.isEmpty {
                    refuse("grade \(grade.thaiCode) has a total column and another unlabelled one",
                           thai: "ชั้น \(grade.thaiCode) มีคอลัมน์รวมและอีกคอลัมน์ที่ไม่ได้ระบุ",
                           hint: "label each column ชาย / หญิง / รวม, or remove the extra one")
                } else {
                    sources.append(Source(grade: grade, columns: total, parts: male.count == 1 && female.count == 1 ? male + female : []))
                }
            } else if !plain.isEmpty {
                if male.isEmpty && female.isEmpty {
                    sources.append(Source(grade: grade, columns: plain))
                } else {
                    refuse("grade \(grade.thaiCode) has an unlabelled column beside its boys' or girls' column; Khet cannot tell which one is the total",
                           thai: "ชั้น \(grade.thaiCode) มีคอลัมน์ที่ไม่ได้ระบุอยู่คู่กับคอลัมน์ชายหรือหญิง จึงบอกไม่ได้ว่าคอลัมน์ใดเป็นยอดรวม",
                           hint: "label the columns ชาย / หญิง / รวม")
                }
            } else if male.count == 1 && female.count == 1 {
                sources.append(Source(grade: grade, columns: male + female))
            } else {
                let which = male.isEmpty ? ("girls'", "หญิง") : ("boys'", "ชาย")
                refuse("grade \(grade.thaiCode) has only a \(which.0) column; its pupils would be undercounted",
                       thai: "ชั้น \(grade.thaiCode) มีแต่คอลัมน์\(which.1) จำนวนนักเรียนจะขาดไป",
                       hint: "add the total (รวม) column, or both ชาย and หญิง")
            }
        }
    }

    /// Whether the table has any grade column at all.
    var isEmpty: Bool { sources.isEmpty }
}
