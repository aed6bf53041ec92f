import Foundation
import KhetCore

/// The common forms of a pupil row's cells read straight from their (trimmed) UTF-8 bytes, for
/// `PupilRecordScanner`. Each answers nil for anything else, and the row then goes through the
/// general parsers in `PupilRow`, which accept more forms and say what is wrong; so each form
/// accepted here must mean exactly what the general parser makes of it.
enum PupilFieldBytes {
    /// `NationalID.key` of 13 ASCII digits with a right check digit, dashes and spaces allowed
    /// between them (`1-2345-67890-12-1`).
    static func nationalIDKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        if bytes.count == 13 {
            // Thirteen digits in a row, the common case, without the checks for dashes.
            var value: UInt64 = 0
            var sum = 0
            var bad: UInt8 = 0
            for index in 0..<12 {
                let digit = bytes[index] &- 0x30
                bad |= digit > 9 ? 1 : 0
                value = value &* 10 &+ UInt64(digit)
                sum &+= Int(digit) &* (13 - index)
            }
            let check = bytes[12] &- 0x30
            if bad == 0 && check <= 9 {
                guard Int(check) == (11 - sum % 11) % 10 else { return nil }
                return value &* 10 &+ UInt64(check)
            }
        }
        var value: UInt64 = 0
        var digits = 0
        var sum = 0
        for byte in bytes {
            let digit = byte &- 0x30
            if digit < 10 {
                guard digits < 13 else { return nil }
                value = value &* 10 &+ UInt64(digit)
                if digits < 12 { sum += Int(digit) * (13 - digits) }
                digits += 1
            } else if byte != 0x2D && byte != 0x20 {
                return nil
            }
        }
        guard digits == 13, Int(value % 10) == (11 - sum % 11) % 10 else { return nil }
        return value
    }

    /// `อ.1`–`อ.3`, `ป.1`–`ป.6`, `ม.1`–`ม.6` and `K1`, `P1`, `M1`… in either case.
    static func grade(_ bytes: UnsafeBufferPointer<UInt8>) -> Grade? {
        let base: Grade, levelCount: Int, digit: UInt8
        switch bytes.count {
        case 5:
            // อ ป ม are U+0E2D, U+0E1B, U+0E21: E0 B8 AD, E0 B8 9B, E0 B8 A1.
            guard bytes[0] == 0xE0, bytes[1] == 0xB8, bytes[3] == 0x2E else { return nil }
            switch bytes[2] {
            case 0xAD: base = .k1; levelCount = 3
            case 0x9B: base = .p1; levelCount = 6
            case 0xA1: base = .m1; levelCount = 6
            default: return nil
            }
            digit = bytes[4]
        case 2:
            switch bytes[0] | 0x20 {
            case 0x6B: base = .k1; levelCount = 3  // k
            case 0x70: base = .p1; levelCount = 6  // p
            case 0x6D: base = .m1; levelCount = 6  // m
            default: return nil
            }
            digit = bytes[1]
        default:
            return nil
        }
        let number = Int(digit &- 0x30)
        guard number >= 1, number <= levelCount else { return nil }
        return Grade(rawValue: base.rawValue + number - 1)
    }

    /// Whether the cell is one of the common ways to write a sex (the value is not needed):
    /// ชาย, หญิง, 1, 2, M, F, m, f.
    static func isCommonSex(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 1:
            switch bytes[0] {
            case 0x31, 0x32, 0x4D, 0x46, 0x6D, 0x66: return true
            default: return false
            }
        case 9: return matches(bytes, male)
        case 12: return matches(bytes, female)
        default: return false
        }
    }

    private static let male = Array("ชาย".utf8)
    private static let female = Array("หญิง".utf8)

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: [UInt8]) -> Bool {
        expected.withUnsafeBufferPointer { expected in
            guard bytes.count == expected.count, let left = expected.baseAddress, let right = bytes.baseAddress else {
                return false
            }
            return memcmp(left, right, expected.count) == 0
        }
    }

    /// `dd/mm/yyyy` in ASCII digits, as `ThaiDate(parsing:)` reads it: years below 2400 are CE.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> ThaiDate? {
        guard bytes.count == 10, bytes[2] == 0x2F, bytes[5] == 0x2F else { return nil }
        let d0 = bytes[0] &- 0x30, d1 = bytes[1] &- 0x30, m0 = bytes[3] &- 0x30, m1 = bytes[4] &- 0x30
        let y0 = bytes[6] &- 0x30, y1 = bytes[7] &- 0x30, y2 = bytes[8] &- 0x30, y3 = bytes[9] &- 0x30
        guard max(max(max(d0, d1), max(m0, m1)), max(max(y0, y1), max(y2, y3))) <= 9 else { return nil }
        let day = Int(d0) * 10 + Int(d1), month = Int(m0) * 10 + Int(m1)
        var year = Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3)
        guard year >= 1000 else { return nil }
        if year < 2400 { year += 543 }
        return ThaiDate(year: year, month: month, day: day)
    }

    /// `1` is yes; `0` and blank are no.
    static func flag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if bytes.isEmpty { return false }
        guard bytes.count == 1 else { return nil }
        switch bytes[0] {
        case 0x31: return true
        case 0x30: return false
        default: return nil
        }
    }
}
