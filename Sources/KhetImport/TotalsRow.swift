/// A row of totals in a table of schools (`รวม`, `รวมทั้งสิ้น`, `รวมอำเภอแม่สอด`, `Total`), at
/// the bottom of DMC and OBEC reports or under each district: not a school, so it is skipped,
/// and the last one is checked against the schools above it.
enum TotalsRow {
    /// Whether `row` is a totals row: its code cell holds no school code, and the code cell,
    /// the name cell or its first filled cell starts with a totals word.
    static func isTotals(_ row: CSVRecord, codeIndex: Int?, nameIndex: Int?) -> Bool {
        let code = codeIndex.flatMap { row[$0] }?.trimmingCharacters(in: .whitespaces) ?? ""
        if !code.isEmpty, code.unicodeScalars.allSatisfy({ ThaiDigitsOrASCII.isDigit($0) }) { return false }
        let first = row.fields.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        let candidates = [code, nameIndex.flatMap { row[$0] } ?? "", first]
        return candidates.contains { isTotalsLabel($0) }
    }

    static func isTotalsLabel(_ text: String) -> Bool {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !key.isEmpty else { return false }
        return ["รวม", "ยอดรวม", "ผลรวม", "total", "grand total", "sum"].contains { key.hasPrefix($0) }
    }
}

private enum ThaiDigitsOrASCII {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("\u{0E50}"..."\u{0E59}").contains(scalar)
    }
}
