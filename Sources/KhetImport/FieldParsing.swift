/// How people type numbers and yes/no flags in the files an office receives.
enum FieldParsing {
    /// A whole count: `12`, ` 1,234 `, Thai digits `๑๒`. Blank is nil; so is anything else.
    static func count(_ text: String) -> Int? {
        var value = 0
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                value = value * 10 + Int(scalar.value - 0x30)
                digits += 1
            case "\u{0E50}"..."\u{0E59}":
                value = value * 10 + Int(scalar.value - 0x0E50)
                digits += 1
            case ",", " ", "\u{00A0}":
                continue
            default:
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
