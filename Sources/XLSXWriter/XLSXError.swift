/// Everything that can go wrong while building a workbook.
///
/// Checks that can be made in Swift (names, cells, ranges, numbers) are made before the C library
/// is called, so the library's silent truncations and misleading messages never reach a user.
/// Whatever the library itself reports arrives as `.library`, carrying the library's own words.
public enum XLSXError: Error, CustomStringConvertible, Equatable {
    /// A libxlsxwriter call returned a nonzero `lxw_error`; `message` is `lxw_strerror(code)`.
    case library(operation: String, code: Int32, message: String)
    case invalidSheetName(String, reason: String)
    case duplicateSheetName(String)
    /// Both ranges in A1 notation.
    case overlappingMerge(String, existing: String)
    /// Outside Excel's grid of 1,048,576 rows by 16,384 columns (0-based here).
    case invalidCell(row: Int, column: Int)
    /// A range whose first row or column comes after its last one.
    case invalidRange(String)
    /// The workbook was closed (or released) already.
    case workbookClosed
    /// The output path cannot be written (missing folder, no permission, is a folder).
    case cannotCreate(path: String, message: String)
    /// Constant-memory mode streams rows to disk, so a row before the current one cannot be written.
    case rowOutOfOrder(sheet: String, row: Int, currentRow: Int)
    /// NaN and infinity have no representation in a spreadsheet cell.
    case nonFiniteNumber(row: Int, column: Int)
    case invalidDefinedName(String, reason: String)
    /// A value the library would silently truncate or misread (format fields, widths, heights).
    case invalidArgument(String, reason: String)

    public var description: String {
        switch self {
        case let .library(operation, code, message):
            return "libxlsxwriter error \(code) in \(operation): \(message)"
        case let .invalidSheetName(name, reason):
            return "Invalid worksheet name '\(name)': \(reason)"
        case let .duplicateSheetName(name):
            return "A worksheet named '\(name)' already exists (names are compared without case)"
        case let .overlappingMerge(range, existing):
            return "Merged range \(range) overlaps the merged range \(existing)"
        case let .invalidCell(row, column):
            return "Cell (row \(row), column \(column)) is outside the sheet "
                + "(rows 0...1048575, columns 0...16383)"
        case let .invalidRange(range):
            return "Invalid cell range \(range): first row/column must not come after the last"
        case .workbookClosed:
            return "The workbook is already closed"
        case let .cannotCreate(path, message):
            return "Cannot create '\(path)': \(message)"
        case let .rowOutOfOrder(sheet, row, currentRow):
            return "Sheet '\(sheet)' is in constant-memory mode: row \(row) cannot be written "
                + "after row \(currentRow); write rows in order"
        case let .nonFiniteNumber(row, column):
            return "Cell (row \(row), column \(column)): NaN or infinity cannot be written"
        case let .invalidDefinedName(name, reason):
            return "Invalid defined name '\(name)': \(reason)"
        case let .invalidArgument(value, reason):
            return "Invalid value '\(value)': \(reason)"
        }
    }
}
