#if canImport(Glibc)
import Glibc
#endif

/// The merged ranges of a sheet, found in its XML bytes without parsing them: `mergeCell`
/// elements come after every row, so a first pass over the sheet reads them before the rows are
/// streamed. A search for the element name is several times faster than a parse, and cannot be
/// fooled by cell text, where `<` is always escaped. A malformed sheet is the parser's to report.
enum MergeScanner {
    private static let name = Array("mergeCell".utf8)
    private static let ref = Array("ref=".utf8)

    static func ranges(in bytes: [UInt8]) -> [CellRange] {
        var ranges: [CellRange] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while let found = find(name, in: buffer, from: index) {
                index = found + name.count
                // `<mergeCell ` or `<x:mergeCell `, not `<mergeCells>`.
                guard found > 0, buffer[found - 1] == UInt8(ascii: "<") || buffer[found - 1] == UInt8(ascii: ":"),
                      index < buffer.count, isSpace(buffer[index]) else { continue }
                var end = index
                while end < buffer.count, buffer[end] != UInt8(ascii: ">") { end += 1 }
                if let range = refValue(buffer, from: index, to: end).flatMap(CellRange.init), range.first != range.last {
                    ranges.append(range)
                }
                index = end
            }
        }
        return ranges
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The value of `ref="…"` (or `ref='…'`) between `start` and `end`.
    private static func refValue(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String? {
        var index = start
        while let found = find(ref, in: buffer, from: index), found < end {
            index = found + ref.count
            guard isSpace(buffer[found - 1]), index < end else { continue }
            let quote = buffer[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            var close = index + 1
            while close < end, buffer[close] != quote { close += 1 }
            guard close < end, close - index - 1 <= 32 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[(index + 1)..<close]), as: UTF8.self)
        }
        return nil
    }

    /// The first `needle` at or after `start`: memchr to its first byte, then a comparison.
    private static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, let first = needle.first, needle.count <= buffer.count else { return nil }
        var index = start
        let last = buffer.count - needle.count
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, needle, needle.count) == 0 { return index }
            index += 1
        }
        return nil
    }
}
