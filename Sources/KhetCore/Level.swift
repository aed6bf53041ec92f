/// A level of schooling (domain §3). The raw value is the code used in framework files.
public enum Level: String, CaseIterable, Sendable, Codable, Comparable {
    case preprimary = "pre"
    case primary = "pri"
    case lowerSecondary = "lsec"
    case upperSecondary = "usec"

    public var thaiName: String {
        switch self {
        case .preprimary: return "ก่อนประถมศึกษา"
        case .primary: return "ประถมศึกษา"
        case .lowerSecondary: return "มัธยมศึกษาตอนต้น"
        case .upperSecondary: return "มัธยมศึกษาตอนปลาย"
        }
    }

    public var englishName: String {
        switch self {
        case .preprimary: return "Pre-primary"
        case .primary: return "Primary"
        case .lowerSecondary: return "Lower secondary"
        case .upperSecondary: return "Upper secondary"
        }
    }

    public func name(_ language: Language) -> String {
        language == .thai ? thaiName : englishName
    }

    public var grades: [Grade] { Grade.allCases.filter { $0.level == self } }

    private var order: Int {
        switch self {
        case .preprimary: return 0
        case .primary: return 1
        case .lowerSecondary: return 2
        case .upperSecondary: return 3
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.order < rhs.order }
}
