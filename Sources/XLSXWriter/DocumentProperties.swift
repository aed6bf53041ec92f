/// File properties shown by spreadsheet programs.
///
/// `created` is required and never defaults to "now": the library would otherwise stamp the wall
/// clock into docProps/core.xml and two identical runs would produce different bytes.
public struct DocumentProperties: Sendable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var manager: String?
    public var company: String?
    public var category: String?
    public var keywords: String?
    public var comments: String?
    public var status: String?
    /// Unix seconds. Must not be 0: the library reads 0 as "use the current time".
    public var created: Int64

    public init(
        created: Int64,
        title: String? = nil,
        subject: String? = nil,
        author: String? = nil,
        manager: String? = nil,
        company: String? = nil,
        category: String? = nil,
        keywords: String? = nil,
        comments: String? = nil,
        status: String? = nil
    ) {
        self.created = created
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.status = status
    }
}
