import KhetCore

/// How people type numbers and yes/no flags in the files an office receives.
enum FieldParsing {
    /// A whole count: `12`, ` 1,234 `, Thai digits `๑๒`. Blank is nil; so is anything else.
    static func count(_ text: String) -> Int? {
        var value = 0
        var digits = 0
        for scalar in text.unicodeScalars {
            if let digit = ThaiDigits.value(of: scalar) {
                value = value * 10 + digit
                digits += 1
            } else if !(scalar == "," || scalar == " " || scalar == "\u{00A0}") {
                return nil
            }
            if digits > 9 { return nil }
        }
        return digits == 0 ? nil : value
    }

    /// `1`, `yes`, `y`, `true`, `ใช่`, `มี`, `/`, `✓` are true; `0`, `no`, `n`, `false`, `ไม่`,
    /// `ไม่ใช่`, `ไม่มี`, `-` and blank are false; anything else is nil.
    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "yes", "y", "true", "ใช่", "มี", "/", "✓", "x": return true
        case "0", "no", "n", "false", "ไม่", "ไม่ใช่", "ไม่มี", "-", "": return false
        default: return nil
        }
    }
}
