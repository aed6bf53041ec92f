/// A strategy (กลยุทธ์) of the action plan; projects point at it by `id` (usually its number).
public struct Strategy: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
