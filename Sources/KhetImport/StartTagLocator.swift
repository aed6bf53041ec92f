/// Finds where each element starts in a file held in memory (libxml2's tree keeps only line
/// numbers, and those stop at 65,535). Elements are asked for in document order, the order a
/// depth-first copy of the tree visits them, so each search goes on from the previous start
/// tag: one pass over the file in all, however many elements share a line (a 400-school file
/// written on one line took 30 s when every element was searched for from its line's start).
struct StartTagLocator {
    private let bytes: [UInt8]
    /// Where the previous start tag was found, with its 1-based line and column (in characters).
    private var offset = 0
    private var line = 1
    private var column = 1
    private var started = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The line and column of the next `<name` start tag; nil when there is none, and the
    /// search stays where it was.
    mutating func next(_ name: String) -> (line: Int, column: Int)? {
        let needle = Array(("<" + name).utf8)
        guard !needle.isEmpty else { return nil }
        var position = started ? offset + 1 : 0
        var (line, column) = started ? (self.line, self.column + 1) : (1, 1)
        while position + needle.count <= bytes.count {
            let byte = bytes[position]
            if byte == 0x3C, matches(needle, at: position) {
                (offset, self.line, self.column, started) = (position, line, column, true)
                return (line, column)
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return nil
    }

    /// `needle` is at `position` and the name ends there (not `<school` in `<schools`).
    private func matches(_ needle: [UInt8], at position: Int) -> Bool {
        for index in 1..<needle.count where bytes[position + index] != needle[index] { return false }
        let end = position + needle.count
        guard end < bytes.count else { return true }
        return [0x20, 0x3E, 0x2F, 0x09, 0x0D, 0x0A].contains(bytes[end])
    }
}
