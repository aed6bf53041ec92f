/// The encodings the files of an area office really come in: UTF-8 ("CSV UTF-8"), UTF-16 with a
/// byte-order mark (Excel's "Unicode text") and Windows-874 / TIS-620 (what Excel on Thai Windows
/// writes as plain "CSV").
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows874 = "Windows-874"

    /// How messages name the encoding.
    public var name: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LittleEndian: return "UTF-16 LE"
        case .utf16BigEndian: return "UTF-16 BE"
        case .windows874: return "Windows-874 (TIS-620, Thai)"
        }
    }
}
