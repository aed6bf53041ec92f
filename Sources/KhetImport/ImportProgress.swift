/// How far a long import has got, for a progress display: the bytes of the file read so far and
/// the rows seen. Importers report it every few thousand rows, never per row.
public struct ImportProgress: Sendable, Equatable {
    public var bytesRead: Int
    public var totalBytes: Int
    public var rows: Int

    public init(bytesRead: Int, totalBytes: Int, rows: Int) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.rows = rows
    }

    /// The share done, from 0 to 1; 0 while the size is unknown.
    public var fraction: Double {
        totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0
    }
}
