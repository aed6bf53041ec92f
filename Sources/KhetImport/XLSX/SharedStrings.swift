/// A workbook's shared strings, the text of most cells, kept as one run of UTF-8 bytes and an
/// offset a string: a pupil-record sheet has a string for most names, and a String object each
/// would cost several times the text.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
    }

    subscript(index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }
}

/// Excel writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return); the
/// text is read back as the characters, so the checks on control characters see them.
enum OOXMLEscapes {
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first {
            if first == "_", scalars.count >= 7 {
                let candidate = scalars.prefix(7)
                let chars = Array(candidate)
                if chars[1] == "x", chars[6] == "_",
                   let value = UInt32(String(String.UnicodeScalarView(chars[2...5])), radix: 16),
                   let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                    scalars = scalars.dropFirst(7)
                    continue
                }
            }
            result.unicodeScalars.append(first)
            scalars = scalars.dropFirst()
        }
        return result
    }
}
