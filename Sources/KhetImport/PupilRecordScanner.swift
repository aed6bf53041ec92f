import Foundation
import KhetCore

/// The pupil-record import for the file nearly every office has: UTF-8 (or ASCII), no quotes,
/// LF or CRLF line ends. It reads the rows after the header in 4 MB blocks, finds the fields as
/// byte ranges and reads a well-formed row (school code, 13-digit ID, grade code, sex, dd/mm/yyyy
/// date, 0/1 flags) straight from the bytes: no String per field, none per row.
///
/// Every other row (a blank, a missing column, a bad value, anything that needs a diagnostic
/// other than a duplicate) is turned into the `CSVRecord` the generic reader would have made and
/// checked by `PupilRow`, so its diagnostics are the generic ones word for word. What the
/// row-by-row fallback cannot reproduce (a quote, a lone CR, bytes that are not UTF-8, a line
/// longer than a block, a failed read) throws `NeedsGenericReader`, and the whole file is read
/// again by the generic reader.
struct PupilRecordScanner {
    struct NeedsGenericReader: Error {}

    static let blockSize = 1 << 22

    let header: CSVHeader
    let columns: PupilRow.Columns
    let file: String
    let date: ThaiDate
    let schools: [String: School]?
    let separator: UInt8
    let progressInterval: Int
    let totalBytes: Int

    private let code, id, grade, sex, birthDate: Int
    /// -1 when the file has no such column (a blank flag).
    private let poor, boarder: Int
    /// Fields a row needs for the fast reading: one past the last column read.
    private let fieldsNeeded: Int
    /// Fields before that which the fast reading skips (names, rooms).
    private let unreadFields: [Int]

    private enum Byte {
        static let quote: UInt8 = 0x22
        static let lineFeed: UInt8 = 0x0A
        static let carriageReturn: UInt8 = 0x0D
        static let space: UInt8 = 0x20
        static let tab: UInt8 = 0x09
    }

    /// Nil when a required column is missing (the header check has then reported it).
    init?(header: CSVHeader, columns: PupilRow.Columns, file: String, date: ThaiDate, schools: [String: School]?,
          separator: UInt8, progressInterval: Int, totalBytes: Int) {
        guard let code = columns.code, let id = columns.id, let grade = columns.grade, let sex = columns.sex,
              let birthDate = columns.birthDate else { return nil }
        self.header = header
        self.columns = columns
        self.file = file
        self.date = date
        self.schools = schools
        self.separator = separator
        self.progressInterval = max(1, progressInterval)
        self.totalBytes = totalBytes
        self.code = code
        self.id = id
        self.grade = grade
        self.sex = sex
        self.birthDate = birthDate
        poor = columns.poor ?? -1
        boarder = columns.boarder ?? -1
        let read = [code, id, grade, sex, birthDate, poor, boarder]
        fieldsNeeded = (read.max() ?? 0) + 1
        unreadFields = (0..<fieldsNeeded).filter { !read.contains($0) }
    }

    /// The school of the previous row, kept as bytes so a row of the same school costs a compare.
    private struct LastSchool {
        var bytes: [UInt8] = []
        var code = ""
        var index: UInt32?
    }

    /// Reads every row from `source` (which starts at `offset` of the file, on `line`), counting
    /// into `tally`; returns the file offset reached (its end).
    func run(source: BlockSource, offset: Int, line firstLine: Int, tally: inout PupilTally,
             limiter: inout DiagnosticLimiter, progress: ((ImportProgress) -> Void)?) throws -> Int {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: PupilRecordScanner.blockSize)
        defer { buffer.deallocate() }
        let bounds = UnsafeMutablePointer<Int>.allocate(capacity: 2 * max(1, fieldsNeeded))
        defer { bounds.deallocate() }
        guard let base = buffer.baseAddress else { throw NeedsGenericReader() }

        var last = LastSchool()
        var carry = 0
        var bufferOffset = offset
        var line = firstLine
        var rowsSinceReport = 0
        while true {
            guard carry < buffer.count else { throw NeedsGenericReader() }
            guard let got = source.read(into: UnsafeMutableBufferPointer(rebasing: buffer[carry...])) else {
                throw NeedsGenericReader()
            }
            let end = carry + got
            let isLastBlock = got == 0
            if got > 0, memchr(base + carry, Int32(Byte.quote), got) != nil { throw NeedsGenericReader() }
            var rowStart = 0
            while rowStart < end {
                let rowEnd: Int
                if let found = memchr(base + rowStart, Int32(Byte.lineFeed), end - rowStart) {
                    rowEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else if isLastBlock {
                    rowEnd = end
                } else {
                    break
                }
                var contentEnd = rowEnd
                if contentEnd > rowStart && base[contentEnd - 1] == Byte.carriageReturn { contentEnd -= 1 }
                // A CR alone ends a line for the generic reader; too rare to follow here.
                if contentEnd > rowStart,
                   memchr(base + rowStart, Int32(Byte.carriageReturn), contentEnd - rowStart) != nil {
                    throw NeedsGenericReader()
                }
                if let progress {
                    rowsSinceReport += 1
                    if rowsSinceReport >= progressInterval {
                        rowsSinceReport = 0
                        progress(ImportProgress(bytesRead: bufferOffset + rowStart, totalBytes: totalBytes,
                                                rows: tally.statistics.rows))
                    }
                }
                try record(UnsafeBufferPointer(start: base + rowStart, count: contentEnd - rowStart), line: line,
                           bounds: bounds, last: &last, tally: &tally, limiter: &limiter)
                line += 1
                rowStart = rowEnd + 1
            }
            if isLastBlock { return bufferOffset + end }
            let rest = end - rowStart
            if rest > 0 { (base).update(from: base + rowStart, count: rest) }
            bufferOffset += rowStart
            carry = rest
        }
    }

    /// One row without its line end.
    private func record(_ row: UnsafeBufferPointer<UInt8>, line: Int, bounds: UnsafeMutablePointer<Int>,
                        last: inout LastSchool, tally: inout PupilTally, limiter: inout DiagnosticLimiter) throws {
        // Field bounds: field i is bounds[2i] ..< bounds[2i + 1], offsets in the row.
        let (fields, high) = split(row, bounds: bounds)
        let isASCII = high < 0x80
        guard fields >= fieldsNeeded,
              let pupil = read(row, bounds: bounds, last: &last, isASCII: isASCII) else {
            if !isASCII, UTF8Validation.check(row, isComplete: true) != .valid { throw NeedsGenericReader() }
            recordAsGenericRow(row, line: line, tally: &tally, limiter: &limiter)
            return
        }
        // The cells read above are ASCII or matched whole characters; the rest must be UTF-8 too.
        if !isASCII { try checkUnreadFields(row, bounds: bounds) }
        let school: UInt32
        if let known = last.index {
            school = known
        } else {
            school = tally.index(of: last.code)
            last.index = school
        }
        tally.statistics.rows += 1
        let outcome = tally.add(key: pupil.key, school: school, line: line, grade: pupil.grade,
                                age: date.age(bornOn: pupil.birth), isPoor: pupil.isPoor, isBoarder: pupil.isBoarder)
        if outcome != .counted && outcome != .underFour {
            let idStart = bounds[2 * id]
            let column = 1 + (isASCII ? idStart : UnsafeBufferPointer(rebasing: row[..<idStart]).reduce(0) {
                $0 + ($1 & 0xC0 == 0x80 ? 0 : 1)
            })
            if let warning = PupilRow.duplicateWarning(outcome, masked: PupilRecordScanner.masked(pupil.key),
                                                       school: last.code, file: file, line: line, column: column) {
                limiter.add(warning)
            }
        }
    }

    /// Finds the bounds of the first `fieldsNeeded` fields; returns how many fields the row has
    /// and the OR of all its bytes (ASCII when below 0x80). Eight bytes at a time: a field is
    /// about ten bytes long.
    private func split(_ row: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutablePointer<Int>) -> (Int, UInt8) {
        guard let start = row.baseAddress else {
            bounds[0] = 0
            bounds[1] = 0
            return (1, 0)
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(separator)
        var fields = 0
        var fieldStart = 0
        var high: UInt64 = 0
        var offset = 0
        let raw = UnsafeRawPointer(start)
        let fieldsNeeded = self.fieldsNeeded
        while offset + 8 <= row.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            high |= word
            let diff = word ^ pattern
            // Exact zero-byte test (no false hits from borrows): high bit set where a byte of
            // `diff` is zero.
            var hits = ~(((diff & ~highs) &+ ~highs) | diff) & highs
            while hits != 0 {
                let index = offset &+ hits.trailingZeroBitCount &>> 3
                if fields < fieldsNeeded {
                    bounds[fields &<< 1] = fieldStart
                    bounds[fields &<< 1 &+ 1] = index
                }
                fields &+= 1
                fieldStart = index &+ 1
                hits &= hits &- 1
            }
            offset &+= 8
        }
        if offset < row.count && row.count >= 8 {
            // The last bytes: the row's last eight, shifted past those already seen.
            let seen = 8 - (row.count - offset)
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: row.count - 8, as: UInt64.self))
                >> UInt64(8 * seen)
            high |= word
            let diff = word ^ pattern
            // Zero bytes shifted in become `pattern` bytes after the XOR: never a hit.
            var hits = ~(((diff & ~highs) &+ ~highs) | diff) & highs
            while hits != 0 {
                let index = offset &+ hits.trailingZeroBitCount &>> 3
                if fields < fieldsNeeded {
                    bounds[fields &<< 1] = fieldStart
                    bounds[fields &<< 1 &+ 1] = index
                }
                fields &+= 1
                fieldStart = index &+ 1
                hits &= hits &- 1
            }
            offset = row.count
        }
        while offset < row.count {
            let byte = row[offset]
            high |= UInt64(byte)
            if byte == separator {
                if fields < fieldsNeeded {
                    bounds[2 * fields] = fieldStart
                    bounds[2 * fields + 1] = offset
                }
                fields += 1
                fieldStart = offset + 1
            }
            offset += 1
        }
        if fields < fieldsNeeded {
            bounds[2 * fields] = fieldStart
            bounds[2 * fields + 1] = row.count
        }
        high |= high >> 32
        high |= high >> 16
        high |= high >> 8
        return (fields + 1, UInt8(truncatingIfNeeded: high))
    }

    /// Checks that the fields the fast reading skipped (columns it does not need, and any past
    /// the last it needs) are UTF-8, as the generic reader would when it decodes them.
    private func checkUnreadFields(_ row: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutablePointer<Int>) throws {
        for index in unreadFields {
            let field = UnsafeBufferPointer(rebasing: row[bounds[2 * index]..<bounds[2 * index + 1]])
            if UTF8Validation.check(field, isComplete: true) != .valid { throw NeedsGenericReader() }
        }
        let tail = UnsafeBufferPointer(rebasing: row[bounds[2 * fieldsNeeded - 1]...])
        if UTF8Validation.check(tail, isComplete: true) != .valid { throw NeedsGenericReader() }
    }

    private struct Pupil {
        var key: UInt64
        var grade: Grade
        var birth: ThaiDate
        var isPoor: Bool
        var isBoarder: Bool
    }

    /// The row's pupil when every cell is in its common form and nothing about it needs saying
    /// (a duplicate aside); nil sends the row to `PupilRow`. Leaves `last` naming the row's school.
    private func read(_ row: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutablePointer<Int>,
                      last: inout LastSchool, isASCII: Bool) -> Pupil? {
        func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            var start = bounds[2 * index], end = bounds[2 * index + 1]
            while start < end && (row[start] == Byte.space || row[start] == Byte.tab) { start += 1 }
            while end > start && (row[end - 1] == Byte.space || row[end - 1] == Byte.tab) { end -= 1 }
            return UnsafeBufferPointer(rebasing: row[start..<end])
        }
        guard let key = PupilFieldBytes.nationalIDKey(field(id)),
              let grade = PupilFieldBytes.grade(field(grade)),
              PupilFieldBytes.isCommonSex(field(sex)),
              let birth = PupilFieldBytes.date(field(birthDate)), !(birth > date),
              let isPoor = poor < 0 ? false : PupilFieldBytes.flag(field(poor)),
              let isBoarder = boarder < 0 ? false : PupilFieldBytes.flag(field(boarder)) else { return nil }
        let code = field(code)
        guard !code.isEmpty else { return nil }
        let sameSchool = code.count == last.bytes.count && last.bytes.withUnsafeBufferPointer { lastBytes in
            guard let left = lastBytes.baseAddress, let right = code.baseAddress else { return false }
            return memcmp(left, right, code.count) == 0
        }
        if !sameSchool {
            // Anything but ASCII may hold spaces the generic trim removes (U+00A0, U+3000).
            if !isASCII && code.contains(where: { $0 >= 0x80 }) { return nil }
            let text = String(decoding: code, as: UTF8.self)
            if let schools, schools[text] == nil { return nil }
            last = LastSchool(bytes: Array(code), code: text, index: nil)
        }
        return Pupil(key: key, grade: grade, birth: birth, isPoor: isPoor, isBoarder: isBoarder)
    }

    /// The row as the generic reader makes it (a String per field, where each starts) through
    /// `PupilRow`, for everything the byte-level reading does not settle.
    private func recordAsGenericRow(_ row: UnsafeBufferPointer<UInt8>, line: Int, tally: inout PupilTally,
                                    limiter: inout DiagnosticLimiter) {
        var fields: [String] = []
        var positions: [CSVPosition] = []
        var start = 0
        var column = 1
        var fieldColumn = 1
        for index in 0...row.count {
            if index == row.count || row[index] == separator {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: row[start..<index]), as: UTF8.self))
                positions.append(CSVPosition(line: line, column: fieldColumn))
                start = index + 1
                column += 1
                fieldColumn = column
            } else if row[index] & 0xC0 != 0x80 {
                column += 1
            }
        }
        let record = CSVRecord(fields: fields, positions: positions)
        if record.isBlank { return }
        PupilRow(row: record, header: header, columns: columns, file: file, date: date, schools: schools)
            .record(into: &tally, diagnostics: &limiter)
    }

    /// `1-2345-xxxxx-xx-1`, as `NationalID.masked` writes a 13-digit ID.
    static func masked(_ key: UInt64) -> String {
        var digits = String(key)
        if digits.count < 13 { digits = String(repeating: "0", count: 13 - digits.count) + digits }
        return NationalID.maskedDigits(digits)
    }
}
