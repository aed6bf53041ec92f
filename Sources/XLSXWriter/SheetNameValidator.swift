/// Excel's worksheet-name rules, checked in Swift before the library sees a name.
///
/// The library checks some of these itself, but counts UTF-8 code points and compares case only
/// for ASCII; Excel counts UTF-16 units and folds case fully, and also reserves "History".
struct SheetNameValidator {
    static let maximumLength = 31
    static let forbiddenCharacters: [Character] = ["[", "]", ":", "*", "?", "/", "\\"]

    private var usedKeys: Set<String> = []

    /// Throws if `name` breaks a rule or is already taken; does not record it.
    func validate(_ name: String) throws {
        try Self.validateRules(name)
        guard !usedKeys.contains(Self.key(name)) else {
            throw XLSXError.duplicateSheetName(name)
        }
    }

    /// Records a name that the library accepted.
    mutating func register(_ name: String) {
        usedKeys.insert(Self.key(name))
    }

    static func validateRules(_ name: String) throws {
        func invalid(_ reason: String) -> XLSXError { .invalidSheetName(name, reason: reason) }
        guard !name.isEmpty else { throw invalid("the name is empty") }
        // Both counts: grapheme clusters are what a user sees, UTF-16 units are what Excel counts.
        guard name.count <= maximumLength, name.utf16.count <= maximumLength else {
            throw invalid("longer than \(maximumLength) characters")
        }
        if let bad = name.first(where: { forbiddenCharacters.contains($0) }) {
            throw invalid("contains '\(bad)'; none of [ ] : * ? / \\ are allowed")
        }
        guard !name.hasPrefix("'"), !name.hasSuffix("'") else {
            throw invalid("starts or ends with an apostrophe")
        }
        guard key(name) != "history" else {
            throw invalid("'History' is reserved by Excel")
        }
    }

    /// Excel treats names that differ only in case as the same sheet.
    private static func key(_ name: String) -> String {
        name.lowercased()
    }
}
