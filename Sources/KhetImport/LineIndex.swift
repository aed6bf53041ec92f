/// Byte offsets of line starts in a file held in memory, to turn a line and a tag name into a
/// column (libxml2's tree keeps only line numbers).
struct LineIndex {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
    }

    /// The 1-based column, in characters, of the `occurrence`-th (0-based) `<name` on `line`;
    /// 1 when it cannot be found.
    func column(ofTag name: String, line: Int, occurrence: Int) -> Int {
        guard line >= 1, line <= starts.count else { return 1 }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] : bytes.count
        let needle = Array(("<" + name).utf8)
        var seen = 0
        var offset = start
        while offset + needle.count <= end {
            if bytes[offset..<(offset + needle.count)].elementsEqual(needle) {
                let next = offset + needle.count < bytes.count ? bytes[offset + needle.count] : 0x20
                let endsName = next == 0x20 || next == 0x3E || next == 0x2F || next == 0x09 || next == 0x0D || next == 0x0A
                if endsName {
                    if seen == occurrence { return characters(from: start, to: offset) + 1 }
                    seen += 1
                }
            }
            offset += 1
        }
        return 1
    }

    private func characters(from start: Int, to end: Int) -> Int {
        bytes[start..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
