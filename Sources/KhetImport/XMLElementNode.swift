/// An element of a parsed XML file, copied out of libxml2 into plain Swift values, with the
/// line and column of its start tag so mappers can point at it.
public struct XMLElementNode: Sendable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLElementNode]
    /// The element's own text (concatenated text and CDATA children), untrimmed.
    public var text: String
    public var line: Int
    public var column: Int

    public func children(named name: String) -> [XMLElementNode] { children.filter { $0.name == name } }
    public func child(named name: String) -> XMLElementNode? { children.first { $0.name == name } }

    public var trimmedText: String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
