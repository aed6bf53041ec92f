/// A calendar date with its year in the Buddhist Era (BE = CE + 543), as every Thai
/// government document writes it.
public struct ThaiDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the day does not exist (31 June, 29 February in a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
              day <= ThaiDate.daysInMonth(month, ceYear: year - 543) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var ceYear: Int { year - 543 }

    private static func daysInMonth(_ month: Int, ceYear: Int) -> Int {
        switch month {
        case 2:
            let leap = (ceYear % 4 == 0 && ceYear % 100 != 0) || ceYear % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let thaiMonths = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                                    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
    public static let thaiMonthAbbreviations = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                                "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
    public static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"]

    /// `10 มิถุนายน 2568`
    public var thaiLong: String { "\(day) \(ThaiDate.thaiMonths[month - 1]) \(year)" }
    /// `10 มิ.ย. 2568`
    public var thaiShort: String { "\(day) \(ThaiDate.thaiMonthAbbreviations[month - 1]) \(year)" }
    /// `10 June 2568 BE`
    public var englishLong: String { "\(day) \(ThaiDate.englishMonths[month - 1]) \(year) BE" }

    public func long(_ language: Language) -> String { language == .thai ? thaiLong : englishLong }

    /// `2568-06-10`: the form used in file names and batch files.
    public var isoBE: String {
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(mm)-\(dd)"
    }

    public var description: String { isoBE }

    /// Reads `2568-06-10` or `10/06/2568`. Years below 2400 are taken as CE and converted, so a
    /// file written with Christian-era dates still reads correctly.
    public init?(parsing text: String) {
        // The common shape, `dd/mm/yyyy` in ASCII digits, read straight from the bytes.
        if text.utf8.count == 10 {
            let bytes = Array(text.utf8)
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 0x30 && byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            if bytes[2] == 0x2F, bytes[5] == 0x2F, let day = number(0..<2), let month = number(3..<5),
               var year = number(6..<10) {
                guard year >= 1000 else { return nil }
                if year < 2400 { year += 543 }
                self.init(year: year, month: month, day: day)
                return
            }
        }
        let trimmed = text.filter { !$0.isWhitespace }
        let parts: [Substring]
        let dayFirst: Bool
        if trimmed.contains("/") {
            parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            dayFirst = true
        } else {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            dayFirst = false
        }
        guard parts.count == 3 else { return nil }
        let numbers = parts.compactMap { part -> Int? in
            guard !part.isEmpty, part.count <= 4, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        guard numbers.count == 3 else { return nil }
        var (year, month, day) = dayFirst ? (numbers[2], numbers[1], numbers[0]) : (numbers[0], numbers[1], numbers[2])
        guard year >= 1000 else { return nil }
        if year < 2400 { year += 543 }
        self.init(year: year, month: month, day: day)
    }

    /// Seconds since 1970-01-01 00:00 UTC at midnight of this date: the fixed creation time
    /// stamped into workbooks so that the same batch always writes the same bytes.
    public var unixTime: Int64 {
        // Days from civil, after Howard Hinnant's algorithm.
        let y = Int64(month <= 2 ? ceYear - 1 : ceYear)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400
    }

    /// Days from `other` to this date (negative when this one is earlier).
    public func daysSince(_ other: ThaiDate) -> Int {
        Int((unixTime - other.unixTime) / 86_400)
    }

    public static func < (lhs: ThaiDate, rhs: ThaiDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whole years of age on this date for someone born on `birth`.
    public func age(bornOn birth: ThaiDate) -> Int {
        var years = year - birth.year
        if (month, day) < (birth.month, birth.day) { years -= 1 }
        return years
    }
}
