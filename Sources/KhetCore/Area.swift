/// The educational service area office a batch is for, e.g. สพป.ตาก เขต 2.
public struct Area: Sendable, Hashable {
    public var code: String
    /// The full name: สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2
    public var name: String
    /// The short name used in titles: สพป.ตาก เขต 2
    public var shortName: String

    public init(code: String, name: String, shortName: String) {
        self.code = code
        self.name = name
        self.shortName = shortName
    }
}
