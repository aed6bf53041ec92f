/// A grade of schooling, อ.1 (K1) to ม.6 (M6), in teaching order (domain §3).
public enum Grade: Int, CaseIterable, Sendable, Codable, Comparable, Hashable {
    case k1 = 0, k2, k3
    case p1, p2, p3, p4, p5, p6
    case m1, m2, m3, m4, m5, m6

    public var level: Level {
        switch self {
        case .k1, .k2, .k3: return .preprimary
        case .p1, .p2, .p3, .p4, .p5, .p6: return .primary
        case .m1, .m2, .m3: return .lowerSecondary
        case .m4, .m5, .m6: return .upperSecondary
        }
    }

    /// The number within the level: 1 for อ.1, ป.1, ม.1 and ม.4 is 4 (Thai numbering runs ม.1–ม.6).
    public var number: Int {
        switch level {
        case .preprimary: return rawValue - Grade.k1.rawValue + 1
        case .primary: return rawValue - Grade.p1.rawValue + 1
        case .lowerSecondary, .upperSecondary: return rawValue - Grade.m1.rawValue + 1
        }
    }

    private var thaiPrefix: String {
        switch level {
        case .preprimary: return "อ"
        case .primary: return "ป"
        case .lowerSecondary, .upperSecondary: return "ม"
        }
    }

    private var latinPrefix: String {
        switch level {
        case .preprimary: return "K"
        case .primary: return "P"
        case .lowerSecondary, .upperSecondary: return "M"
        }
    }

    /// The code Thai documents use: `ป.1`.
    public var thaiCode: String { "\(thaiPrefix).\(number)" }
    /// The Latin code: `P1`.
    public var latinCode: String { "\(latinPrefix)\(number)" }

    public func code(_ language: Language) -> String {
        language == .thai ? thaiCode : latinCode
    }

    /// Entry grades take new pupils; the term-1 advance funds them on their own
    /// 10 November count instead of the grade below (domain §4.3).
    public var isEntryGrade: Bool {
        self == .k1 || self == .p1 || self == .m1 || self == .m4
    }

    /// The grade whose 10 November pupils become this grade's pupils in the next academic year.
    public var advancedFrom: Grade {
        isEntryGrade ? self : Grade(rawValue: rawValue - 1) ?? self
    }

    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Reads a grade code as people write it: `ป.1`, `ป1`, `ป. 1`, `P1`, `p.1`, `อ.3`, `K3`,
    /// `ม.4`, `M4`, with Thai or Arabic digits. Returns nil for anything else.
    public init?(code: String) {
        var letters = ""
        var number = 0
        var digitCount = 0
        for scalar in code.unicodeScalars {
            if let digit = ThaiDigits.value(of: scalar) {
                // Grades have one or two digits; stop before a long number could overflow.
                guard digitCount < 2 else { return nil }
                number = number * 10 + digit
                digitCount += 1
                continue
            }
            switch scalar {
            case " ", ".", "\u{00A0}":
                continue
            default:
                guard digitCount == 0 else { return nil }
                letters.unicodeScalars.append(scalar)
            }
        }
        guard digitCount > 0, digitCount <= 2 else { return nil }
        let base: Grade
        let count: Int
        switch letters.uppercased() {
        case "อ", "K", "KG": base = .k1; count = 3
        case "ป", "P": base = .p1; count = 6
        case "ม", "M": base = .m1; count = 6
        default: return nil
        }
        guard (1...count).contains(number) else { return nil }
        self.init(rawValue: base.rawValue + number - 1)
    }
}
