import KhetCore

/// How people type numbers and yes/no flags in the files an office receives.
enum FieldParsing {
    /// A whole count: `12`, ` 1,234 `, Thai digits `๑๒`. Commas must group thousands (`1,234`,
    /// not `1,23`): anything that would need a guess is nil, and so is blank.
    static func count(_ text: String) -> Int? {
        if let plain = plainDigits(text) { return plain }
        var value = 0
        var digits = 0
        var digitsSinceComma = 0
        var sawComma = false
        var scalars = Substring(text).unicodeScalars.drop { isSpace($0) }
        while let last = scalars.last, isSpace(last) { scalars = scalars.dropLast() }
        for scalar in scalars {
            if let digit = ThaiDigits.value(of: scalar) {
                value = value * 10 + digit
                digits += 1
                digitsSinceComma += 1
                if digits > 9 { return nil }
            } else if scalar == "," {
                // Every group after the first comma has exactly three digits; the first one 1–3.
                guard digitsSinceComma >= 1, digitsSinceComma <= 3, !sawComma || digitsSinceComma == 3 else { return nil }
                sawComma = true
                digitsSinceComma = 0
            } else {
                return nil
            }
        }
        if sawComma && digitsSinceComma != 3 { return nil }
        return digits == 0 ? nil : value
    }

    /// Nearly every count is one to nine ASCII digits: read from the bytes, as the general path
    /// below would read them; nil sends anything else there.
    private static func plainDigits(_ text: String) -> Int? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte &- 0x30)
        }
        return value
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\t"
    }

    /// `1`, `yes`, `y`, `true`, `ใช่`, `มี`, `/`, `✓` are true; `0`, `no`, `n`, `false`, `ไม่`,
    /// `ไม่ใช่`, `ไม่มี`, `-` and blank are false; anything else is nil.
    static func flag(_ text: String) -> Bool? {
        switch text {
        case "1": return true
        case "0", "": return false
        default: break
        }
        switch text.lowercased() {
        case "1", "yes", "y", "true", "ใช่", "มี", "/", "✓", "x", "๑": return true
        case "0", "no", "n", "false", "ไม่", "ไม่ใช่", "ไม่มี", "-", "", "๐": return false
        default: return nil
        }
    }
}
