import Dispatch
import Foundation
import KhetCore

/// The pupil-record import for the file nearly every office has: UTF-8 (or ASCII), no quotes,
/// LF or CRLF line ends. It reads the rows after the header in 4 MB blocks, finds the fields as
/// byte ranges and reads a well-formed row (school code, 13-digit ID, grade code, sex, dd/mm/yyyy
/// date, 0/1 flags) straight from the bytes: no String per field, none per row. Each block's
/// rows are parsed in two parts on two threads and counted in file order on the calling one,
/// so counts, line numbers and the order of diagnostics are those of a reading from the top.
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
    /// Fields of the header row: a row with another number goes through the generic path.
    private let headerFields: Int
    /// Fields before that which the fast reading skips (names, rooms).
    private let unreadFields: [Int]
    private let fieldKinds: [FieldKind]

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
        headerFields = header.record.fields.count
        unreadFields = (0..<fieldsNeeded).filter { !read.contains($0) }
        let kinds: [(Int, FieldKind)] = [(code, .code), (id, .id), (grade, .grade), (sex, .sex), (birthDate, .birthDate),
                                         (poor, .poor), (boarder, .boarder)]
        fieldKinds = (0..<fieldsNeeded).map { index in kinds.first { $0.0 == index }?.1 ?? .unread }
    }

    /// The school of the previous row, kept as bytes so a row of the same school costs a compare.
    private struct LastSchool {
        var bytes: [UInt8] = []
        var code = ""
        var index: UInt32?
    }

    /// What the parsing of one row leaves for the counting: where the row is in the block, and
    /// when `isFast`, its pupil read from the bytes.
    struct ParsedRow {
        var start: Int32 = 0
        var length: Int32 = 0
        var isFast = false
        var key: UInt64 = 0
        var codeStart: Int32 = 0
        var codeLength: Int32 = 0
        var grade: UInt8 = 0
        var isPoor = false
        var isBoarder = false
        var age: Int32 = 0
    }

    /// The rows of one part of a block, parsed on one thread.
    final class RowBatch: @unchecked Sendable {
        var rows: [ParsedRow] = []
        /// Set when the file needs the generic reader (a quote, a lone CR, bytes not UTF-8).
        var needsGenericReader = false
        let bounds: UnsafeMutablePointer<Int>

        init(fields: Int) { bounds = UnsafeMutablePointer<Int>.allocate(capacity: 2 * max(1, fields)) }
        deinit { bounds.deallocate() }
    }

    private struct SharedBytes: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
    }

    /// Reads every row from `source` (which starts at `offset` of the file, on `line`), counting
    /// into `tally`; returns the file offset reached (its end). With `parallel`, the second part
    /// of each block is parsed on another thread while this one parses and counts the first.
    func run(source: BlockSource, offset: Int, line firstLine: Int, tally: inout PupilTally,
             limiter: inout DiagnosticLimiter, progress: ((ImportProgress) -> Void)?,
             blockSize: Int = PupilRecordScanner.blockSize, parallel: Bool = true) throws -> Int {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(16, blockSize))
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else { throw NeedsGenericReader() }
        let batches = [RowBatch(fields: fieldsNeeded), RowBatch(fields: fieldsNeeded)]
        // Below this a block is parsed on this thread alone: waking a second costs more.
        let parallelMinimum = max(32, buffer.count / 16)

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
            // The rows complete in the buffer: up to the last line feed, or all at the end.
            var complete = end
            if !isLastBlock {
                while complete > 0 && base[complete - 1] != Byte.lineFeed { complete -= 1 }
            }
            // Counting the first part overlaps the parsing of the second on the other thread, so
            // the first part is the smaller one: parsing is about three quarters of the work.
            var cut = complete
            if parallel && complete >= parallelMinimum,
               let found = memchr(base + complete * 7 / 16, Int32(Byte.lineFeed), complete - complete * 7 / 16) {
                cut = min(complete, base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1)
            }
            func countRows(of batch: RowBatch) {
                for parsed in batch.rows {
                    if let progress {
                        rowsSinceReport += 1
                        if rowsSinceReport >= progressInterval {
                            rowsSinceReport = 0
                            progress(ImportProgress(bytesRead: bufferOffset + Int(parsed.start), totalBytes: totalBytes,
                                                    rows: tally.statistics.rows))
                        }
                    }
                    count(parsed, in: UnsafeBufferPointer(start: base + Int(parsed.start), count: Int(parsed.length)),
                          line: line, last: &last, tally: &tally, limiter: &limiter)
                    line += 1
                }
            }
            let second = DispatchGroup()
            if cut < complete {
                let shared = SharedBytes(base: base)
                let rest = cut..<complete
                DispatchQueue.global().async(group: second) { parse(shared.base, rest, into: batches[1]) }
            }
            parse(base, 0..<cut, into: batches[0])
            if !batches[0].needsGenericReader { countRows(of: batches[0]) }
            // The other thread reads the buffer until it is done: wait before anything else.
            second.wait()
            if batches[0].needsGenericReader { throw NeedsGenericReader() }
            if cut < complete {
                if batches[1].needsGenericReader { throw NeedsGenericReader() }
                countRows(of: batches[1])
            }
            if isLastBlock { return bufferOffset + end }
            let rest = end - complete
            if rest > 0 { base.update(from: base + complete, count: rest) }
            bufferOffset += complete
            carry = rest
        }
    }

    /// Parses the rows in `range` of the block (whole rows, the last maybe without its line end).
    private func parse(_ base: UnsafeMutablePointer<UInt8>, _ range: Range<Int>, into batch: RowBatch) {
        // The rows are built in a local array: appending to a class's property would pay for an
        // exclusivity check per row.
        var rows = batch.rows
        batch.rows = []
        rows.removeAll(keepingCapacity: true)
        batch.needsGenericReader = !parse(base, range, into: &rows, bounds: batch.bounds)
        batch.rows = rows
    }

    /// False when the file needs the generic reader.
    private func parse(_ base: UnsafeMutablePointer<UInt8>, _ range: Range<Int>, into rows: inout [ParsedRow],
                       bounds: UnsafeMutablePointer<Int>) -> Bool {
        guard !range.isEmpty else { return true }
        if memchr(base + range.lowerBound, Int32(Byte.quote), range.count) != nil { return false }
        // A control character is an error the generic reader reports at its cell.
        if Self.hasControlByte(base + range.lowerBound, count: range.count) { return false }
        var rowStart = range.lowerBound
        while rowStart < range.upperBound {
            let rowEnd: Int
            if let found = memchr(base + rowStart, Int32(Byte.lineFeed), range.upperBound - rowStart) {
                rowEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                rowEnd = range.upperBound
            }
            var contentEnd = rowEnd
            if contentEnd > rowStart && base[contentEnd - 1] == Byte.carriageReturn { contentEnd -= 1 }
            // A CR alone ends a line for the generic reader; too rare to follow here.
            if contentEnd > rowStart,
               memchr(base + rowStart, Int32(Byte.carriageReturn), contentEnd - rowStart) != nil {
                return false
            }
            let row = UnsafeBufferPointer(start: base + rowStart, count: contentEnd - rowStart)
            guard var parsed = parse(row, bounds: bounds) else { return false }
            parsed.start = Int32(rowStart)
            parsed.length = Int32(contentEnd - rowStart)
            rows.append(parsed)
            rowStart = rowEnd + 1
        }
        return true
    }

    /// A byte below 0x20 other than tab, CR and LF, or DEL, anywhere in the bytes: eight bytes at
    /// a time, looking closer only at words that hold a byte below 0x20 (line ends, mostly).
    static func hasControlByte(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        func isControl(_ byte: UInt8) -> Bool {
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index &+ 8 <= count {
            let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
            let below = (word &- ones &* 0x20) & ~word & highs
            let delete = word ^ (ones &* 0x7F)
            let isDelete = (delete &- ones) & ~delete & highs
            if below | isDelete != 0 {
                for offset in 0..<8 where isControl(start[index &+ offset]) { return true }
            }
            index &+= 8
        }
        while index < count {
            if isControl(start[index]) { return true }
            index &+= 1
        }
        return false
    }

    /// One row without its line end; nil when its bytes are not UTF-8.
    private func parse(_ row: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutablePointer<Int>) -> ParsedRow? {
        var parsed = ParsedRow()
        switch readExactLayout(row, into: &parsed) {
        case .read: parsed.isFast = true; return parsed
        case .notUTF8: return nil
        case .other: parsed = ParsedRow()
        }
        // Field bounds: field i is bounds[2i] ..< bounds[2i + 1], offsets in the row.
        let (fields, high) = split(row, bounds: bounds)
        let isASCII = high < 0x80
        if fields == headerFields, read(row, bounds: bounds, into: &parsed) {
            // The cells read are ASCII or matched whole characters; the rest must be UTF-8 too.
            if !isASCII && !unreadFieldsAreUTF8(row, bounds: bounds) { return nil }
            parsed.isFast = true
        } else if !isASCII && UTF8Validation.check(row, isComplete: true) != .valid {
            return nil
        }
        return parsed
    }

    /// Counts a parsed row: a fast one here, any other through `PupilRow`.
    private func count(_ parsed: ParsedRow, in row: UnsafeBufferPointer<UInt8>, line: Int, last: inout LastSchool,
                       tally: inout PupilTally, limiter: inout DiagnosticLimiter) {
        guard parsed.isFast, let grade = Grade(rawValue: Int(parsed.grade)) else {
            recordAsGenericRow(row, line: line, tally: &tally, limiter: &limiter)
            return
        }
        let code = UnsafeBufferPointer(rebasing: row[Int(parsed.codeStart)..<Int(parsed.codeStart + parsed.codeLength)])
        let sameSchool = code.count == last.bytes.count && last.bytes.withUnsafeBufferPointer { lastBytes in
            guard let left = lastBytes.baseAddress, let right = code.baseAddress else { return false }
            return memcmp(left, right, code.count) == 0
        }
        if !sameSchool {
            let text = String(decoding: code, as: UTF8.self)
            guard schools.map({ $0[text] != nil }) ?? true else {
                recordAsGenericRow(row, line: line, tally: &tally, limiter: &limiter)
                return
            }
            last = LastSchool(bytes: Array(code), code: text, index: nil)
        }
        let school: UInt32
        if let known = last.index {
            school = known
        } else {
            school = tally.index(of: last.code)
            last.index = school
        }
        tally.statistics.rows += 1
        let outcome = tally.add(key: parsed.key, school: school, line: line, grade: grade, age: Int(parsed.age),
                                isPoor: parsed.isPoor, isBoarder: parsed.isBoarder)
        if outcome != .counted && outcome != .underFour {
            // Where the ID cell starts, in characters: counted only for the rare duplicate.
            var separators = 0
            var idStart = 0
            while separators < id, idStart < row.count {
                if row[idStart] == separator { separators += 1 }
                idStart += 1
            }
            let column = 1 + UnsafeBufferPointer(rebasing: row[..<idStart]).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            if let warning = PupilRow.duplicateWarning(outcome, masked: PupilRecordScanner.masked(parsed.key),
                                                       school: last.code, file: file, line: line, column: column) {
                limiter.add(warning)
            }
        }
    }

    private enum ExactLayout { case read, notUTF8, other }

    /// The quickest reading, for a row whose cells have exactly their common form with no space
    /// around them (`9963020001,1990000000019,ป.1,ชาย,04/04/2564,1,0`): each cell is checked at
    /// the width its form has, and must end at a delimiter there. A form never holds the
    /// delimiter, so a cell that matches is the whole field. `.other` leaves the row to `split`
    /// and `read`, which find every delimiter first and trim.
    private func readExactLayout(_ row: UnsafeBufferPointer<UInt8>, into parsed: inout ParsedRow) -> ExactLayout {
        guard let base = row.baseAddress else { return .other }
        let count = row.count
        let separator = self.separator
        var position = 0
        var unreadHigh: UInt8 = 0
        func endsField(_ end: Int) -> Bool { end == count || (end < count && base[end] == separator) }
        func cell(_ width: Int) -> UnsafeBufferPointer<UInt8>? {
            position &+ width <= count && endsField(position &+ width)
                ? UnsafeBufferPointer(start: base + position, count: width) : nil
        }
        for kind in fieldKinds {
            guard position <= count else { return .other }
            var width: Int
            switch kind {
            case .id:
                width = 13
                guard let bytes = cell(13), let key = PupilFieldBytes.nationalIDKey(bytes) else { return .other }
                parsed.key = key
            case .grade:
                width = 5
                var bytes = cell(5)
                if bytes == nil { width = 2; bytes = cell(2) }
                guard let bytes, let grade = PupilFieldBytes.grade(bytes) else { return .other }
                parsed.grade = UInt8(grade.rawValue)
            case .sex:
                // ชาย, หญิง, or one letter or digit.
                if let bytes = cell(9), PupilFieldBytes.isCommonSex(bytes) {
                    width = 9
                } else if let bytes = cell(12), PupilFieldBytes.isCommonSex(bytes) {
                    width = 12
                } else if let bytes = cell(1), PupilFieldBytes.isCommonSex(bytes) {
                    width = 1
                } else {
                    return .other
                }
            case .birthDate:
                width = 10
                guard let bytes = cell(10), let birth = PupilFieldBytes.date(bytes), !(birth > date) else { return .other }
                parsed.age = Int32(clamping: date.age(bornOn: birth))
            case .poor, .boarder:
                width = endsField(position) ? 0 : 1
                guard let bytes = cell(width), let flag = PupilFieldBytes.flag(bytes) else { return .other }
                if kind == .poor { parsed.isPoor = flag } else { parsed.isBoarder = flag }
            case .code:
                var end = position
                while end < count, base[end] > 0x20, base[end] < 0x7F, base[end] != separator { end &+= 1 }
                width = end &- position
                guard width > 0, endsField(end) else { return .other }
                parsed.codeStart = Int32(position)
                parsed.codeLength = Int32(width)
            case .unread:
                var end = position
                while end < count && base[end] != separator {
                    unreadHigh |= base[end]
                    end &+= 1
                }
                width = end &- position
            }
            position &+= width &+ 1
        }
        // Fields past the last one read: the rest of the row must be UTF-8, as must unread ones,
        // and the row must have the header's width (a shifted row is left to the generic path,
        // which reports it).
        var fields = fieldKinds.count
        if position &- 1 < count {
            for index in (position &- 1)..<count where base[index] == separator { fields &+= 1 }
        }
        guard fields == headerFields else { return .other }
        if position < count {
            for index in position..<count { unreadHigh |= base[index] }
        }
        if unreadHigh >= 0x80 && UTF8Validation.check(row, isComplete: true) != .valid { return .notUTF8 }
        return .read
    }

    /// What each field up to the last one read holds, in file order.
    enum FieldKind { case code, id, grade, sex, birthDate, poor, boarder, unread }

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

    /// Whether the fields the fast reading skipped (columns it does not need, and any past the
    /// last it needs) are UTF-8, as the generic reader requires when it decodes them.
    private func unreadFieldsAreUTF8(_ row: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutablePointer<Int>) -> Bool {
        for index in unreadFields {
            let field = UnsafeBufferPointer(rebasing: row[bounds[2 * index]..<bounds[2 * index + 1]])
            if UTF8Validation.check(field, isComplete: true) != .valid { return false }
        }
        let tail = UnsafeBufferPointer(rebasing: row[bounds[2 * fieldsNeeded - 1]...])
        return UTF8Validation.check(tail, isComplete: true) == .valid
    }

    /// Reads the row's pupil into `parsed` when every cell is in its common form and nothing
    /// about it needs saying (a duplicate aside); false sends the row to `PupilRow`. Whether the
    /// school is known is for the counting thread to say.
    private func read(_ row: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutablePointer<Int>,
                      into parsed: inout ParsedRow) -> Bool {
        guard let base = row.baseAddress else { return false }
        func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            var start = bounds[index &<< 1], end = bounds[index &<< 1 &+ 1]
            while start < end && (base[start] == Byte.space || base[start] == Byte.tab) { start &+= 1 }
            while end > start && (base[end &- 1] == Byte.space || base[end &- 1] == Byte.tab) { end &-= 1 }
            return UnsafeBufferPointer(start: base + start, count: end &- start)
        }
        guard let key = PupilFieldBytes.nationalIDKey(field(id)),
              let grade = PupilFieldBytes.grade(field(grade)),
              PupilFieldBytes.isCommonSex(field(sex)),
              let birth = PupilFieldBytes.date(field(birthDate)), !(birth > date),
              let isPoor = poor < 0 ? false : PupilFieldBytes.flag(field(poor)),
              let isBoarder = boarder < 0 ? false : PupilFieldBytes.flag(field(boarder)) else { return false }
        let code = field(code)
        // Printable ASCII only: the generic trim also removes other whitespace (VT, FF, U+00A0…).
        guard !code.isEmpty, !code.contains(where: { $0 <= 0x20 || $0 >= 0x7F }),
              let rowStart = row.baseAddress, let codeStart = code.baseAddress else { return false }
        parsed.key = key
        parsed.grade = UInt8(grade.rawValue)
        parsed.age = Int32(clamping: date.age(bornOn: birth))
        parsed.isPoor = isPoor
        parsed.isBoarder = isBoarder
        parsed.codeStart = Int32(rowStart.distance(to: codeStart))
        parsed.codeLength = Int32(code.count)
        return true
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
