import KhetCore

/// Where an importer's records come from: a CSV file (`CSVReader`) or a sheet of an XLSX
/// workbook (`XLSXSheetReader`). Each record's positions are line and column in a CSV file, row
/// and column in a sheet; `sheetName` tells which, and diagnostics carry it.
public protocol RowReader: AnyObject {
    /// How diagnostics name the file.
    var displayName: String { get }
    /// The sheet read, for a workbook; nil for a CSV file.
    var sheetName: String? { get }
    /// The next record, or nil at the end; throws an `ImportError` for a file that cannot be read on.
    func next() throws -> CSVRecord?
    /// How far the reader is, for a progress display (bytes of the file, or of the sheet's XML).
    var bytesRead: Int { get }
    var totalBytes: Int { get }
    /// A note saying how the file was read when that is worth knowing (an encoding, a sheet).
    func formatNote() -> Diagnostic?
}

extension CSVReader: RowReader {
    public var sheetName: String? { nil }
}
