/// Excel's rules for workbook-level names such as "GrandTotal".
///
/// libxlsxwriter accepts names Excel rejects (spaces, cell look-alikes) and silently truncates
/// names and formulas at 127 bytes, so both are checked here first.
enum DefinedNameValidator {
    /// libxlsxwriter keeps names and formulas in 128-byte buffers, one byte for the terminator.
    static let maximumBytes = 127

    static func validate(name: String, formula: String) throws {
        func invalid(_ reason: String) -> XLSXError { .invalidDefinedName(name, reason: reason) }
        // A "Sheet!Name" prefix scopes the name to one sheet; the rules apply to the part after it.
        let localName: Substring
        if let bang = name.lastIndex(of: "!") {
            guard bang != name.startIndex else { throw invalid("the sheet part is empty") }
            localName = name[name.index(after: bang)...]
        } else {
            localName = name[...]
        }
        guard let first = localName.first else { throw invalid("the name is empty") }
        guard name.utf8.count <= maximumBytes else {
            throw invalid("longer than \(maximumBytes) bytes")
        }
        guard first.isLetter || first == "_" || first == "\\" else {
            throw invalid("must start with a letter, '_' or '\\'")
        }
        if let bad = localName.first(where: { !($0.isLetter || $0.isNumber || "_.\\".contains($0)) }) {
            throw invalid("contains '\(bad)'; only letters, digits, '_', '.' and '\\' are allowed")
        }
        guard !looksLikeCellReference(localName) else {
            throw invalid("looks like a cell reference")
        }
        guard !formula.isEmpty else { throw invalid("the formula is empty") }
        guard formula.utf8.count <= maximumBytes else {
            throw invalid("the formula is longer than \(maximumBytes) bytes")
        }
    }

    /// "A1", "xfd100", "R", "C", "R1C1": Excel would read these as references, not names.
    private static func looksLikeCellReference(_ name: Substring) -> Bool {
        let upper = name.uppercased()
        if upper == "R" || upper == "C" { return true }
        let letters = upper.prefix(while: { $0.isASCII && $0.isLetter })
        let digits = upper.dropFirst(letters.count)
        if (1...3).contains(letters.count), !digits.isEmpty, digits.count <= 7,
           digits.allSatisfy({ $0.isASCII && $0.isNumber }),
           let row = Int(digits), row >= 1, row <= CellReference.rowCount {
            // "TAX2024" is a cell (TAX is a column); "ZZZ1" is past XFD and so a valid name.
            let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
            if column <= CellReference.columnCount { return true }
        }
        // R1C1 notation: R, optional digits, C, optional digits.
        guard upper.first == "R" else { return false }
        let afterR = upper.dropFirst().drop(while: { $0.isASCII && $0.isNumber })
        guard afterR.first == "C" else { return false }
        return afterR.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }
}
