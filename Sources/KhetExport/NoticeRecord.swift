import KhetCore

/// One notice as written: which school, where, how much, and the file's fingerprint. The
/// distribution list and manifest.json are made from these, so each file is hashed only once.
public struct NoticeRecord: Sendable, Hashable {
    public let school: School
    /// Relative to the batch's output folder: `schools/<code>.xlsx`.
    public let path: String
    public let total: Money
    public let sha256: String
    public let bytes: Int
    /// The notice printed to PDF (`schools/<code>.pdf`), when PDFs were asked for.
    public var pdf: PDFFile? = nil

    public struct PDFFile: Sendable, Hashable {
        public let path: String
        public let sha256: String
        public let bytes: Int
    }
}
