/// A Thai 13-digit national identification number (เลขประจำตัวประชาชน), or the 13-character
/// `G` code the DMC gives pupils who have none (stateless and migrant children, common in border
/// areas). Personal data under the PDPA (domain §11): the value is kept as one integer so that
/// duplicate checks cost 8 bytes a pupil, and the only text it ever gives out is `masked`.
public struct NationalID: Sendable, Hashable {
    /// The twelve or thirteen digits as a number; the top bit marks a G code.
    public let key: UInt64
    private static let gCodeBit: UInt64 = 1 << 63

    public var isGCode: Bool { key & NationalID.gCodeBit != 0 }

    /// How an ID can be wrong, without repeating it.
    public enum Problem: Error, Sendable, Equatable {
        /// Not 13 digits (or G and 12 digits) after dashes and spaces are removed.
        case shape(digitCount: Int)
        /// 13 digits whose last digit is not the mod-11 check digit of the first twelve.
        case checkDigit
    }

    /// Reads `1234567890121`, `1-2345-67890-12-1` or `1 2345 67890 12 1`, with Arabic or Thai
    /// digits, or a G code `G123456789012`. A 13-digit number must carry its check digit.
    public static func parse(_ text: String) -> Result<NationalID, Problem> {
        // The common shape, thirteen ASCII digits, without the general scan.
        var copy = text
        let quick = copy.withUTF8 { bytes -> Result<NationalID, Problem>? in
            guard bytes.count == 13 else { return nil }
            var value: UInt64 = 0
            var sum = 0
            for index in 0..<13 {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                let digit = Int(byte &- 0x30)
                value = value &* 10 &+ UInt64(digit)
                if index < 12 { sum += digit * (13 - index) }
            }
            guard Int(bytes[12] &- 0x30) == (11 - sum % 11) % 10 else { return .failure(.checkDigit) }
            return .success(NationalID(key: value))
        }
        if let quick { return quick }
        var digits: [Int] = []
        digits.reserveCapacity(13)
        var isGCode = false
        for scalar in text.unicodeScalars {
            if let digit = ThaiDigits.value(of: scalar) {
                digits.append(digit)
                if digits.count > 13 { return .failure(.shape(digitCount: digits.count)) }
            } else if (scalar == "G" || scalar == "g") && digits.isEmpty && !isGCode {
                isGCode = true
            } else if scalar == "-" || scalar == " " || scalar == "\u{00A0}" {
                continue
            } else {
                return .failure(.shape(digitCount: digits.count))
            }
        }
        let expected = isGCode ? 12 : 13
        guard digits.count == expected else { return .failure(.shape(digitCount: digits.count)) }
        let value = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
        if isGCode { return .success(NationalID(key: value | gCodeBit)) }
        guard digits[12] == checkDigit(of: digits) else { return .failure(.checkDigit) }
        return .success(NationalID(key: value))
    }

    private init(key: UInt64) { self.key = key }

    /// The mod-11 check digit of the first twelve digits: weights 13 down to 2, then
    /// (11 − sum mod 11) mod 10.
    public static func checkDigit(of digits: [Int]) -> Int {
        var sum = 0
        for (index, digit) in digits.prefix(12).enumerated() { sum += digit * (13 - index) }
        return (11 - sum % 11) % 10
    }

    /// `1-2345-xxxxx-xx-1`: enough for the analyst to find the row in the school's list, too
    /// little to identify the pupil. G codes read `G-1234-xxxxx-xx-2`.
    public var masked: String {
        let value = key & ~NationalID.gCodeBit
        var digits = Array(repeating: 0, count: isGCode ? 12 : 13)
        var rest = value
        for index in digits.indices.reversed() {
            digits[index] = Int(rest % 10)
            rest /= 10
        }
        let shown = digits.map(String.init)
        if isGCode {
            return "G-" + shown[0..<4].joined() + "-xxxxx-xx-" + (shown.last ?? "")
        }
        return shown[0] + "-" + shown[1..<5].joined() + "-xxxxx-xx-" + (shown.last ?? "")
    }
}

extension NationalID {
    /// The masked form of text that is 13 digits but not a valid ID (a failed check digit), so
    /// the message can still point the analyst at the row; `xxxxxxxxxxxxx`-shaped otherwise.
    public static func maskedDigits(_ text: String) -> String {
        let digits = text.unicodeScalars.compactMap(ThaiDigits.value(of:)).map(String.init)
        guard digits.count == 13 else { return "x-xxxx-xxxxx-xx-x" }
        return digits[0] + "-" + digits[1..<5].joined() + "-xxxxx-xx-" + digits[12]
    }
}
