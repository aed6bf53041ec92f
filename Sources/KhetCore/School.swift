/// A school as the area office knows it. Codes are the OBEC ten-digit school codes, kept as
/// text because leading zeros matter.
public struct School: Sendable, Hashable {
    public var code: String
    public var name: String
    public var district: String
    /// Houses boarding pupils (โรงเรียนที่มีนักเรียนพักนอน).
    public var isBoarding: Bool
    /// Certified by OBEC as a highland, island or border "special-area" school.
    public var isSpecialArea: Bool

    public init(code: String, name: String, district: String, isBoarding: Bool = false, isSpecialArea: Bool = false) {
        self.code = code
        self.name = name
        self.district = district
        self.isBoarding = isBoarding
        self.isSpecialArea = isSpecialArea
    }
}
