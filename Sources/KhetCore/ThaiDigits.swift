/// Digits as Thai documents write them: Arabic `0`–`9` or Thai `๐`–`๙`.
public enum ThaiDigits {
    /// The value of a digit character of either script, or nil.
    public static func value(of scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "0"..."9": return Int(scalar.value - 0x30)
        case "\u{0E50}"..."\u{0E59}": return Int(scalar.value - 0x0E50)
        default: return nil
        }
    }
}
