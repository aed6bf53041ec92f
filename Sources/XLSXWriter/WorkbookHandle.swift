import CXlsxWriter

/// The C workbook and everything that dies with it, shared by the workbook and its sheets.
///
/// Sheets hold this rather than the `Workbook`, so there is no reference cycle, and a sheet that
/// outlives its workbook finds the handle closed and throws instead of touching freed memory.
final class WorkbookHandle {
    private(set) var workbook: UnsafeMutablePointer<lxw_workbook>?
    let constantMemory: Bool
    let formats = FormatCache()

    init(workbook: UnsafeMutablePointer<lxw_workbook>, constantMemory: Bool) {
        self.workbook = workbook
        self.constantMemory = constantMemory
    }

    var isOpen: Bool { workbook != nil }

    /// The live C workbook, or `.workbookClosed`.
    func open() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let workbook else { throw XLSXError.workbookClosed }
        return workbook
    }

    func format(for format: CellFormat) throws -> UnsafeMutablePointer<lxw_format> {
        try formats.entry(for: format, in: open()).pointer
    }

    func formatEntry(for format: CellFormat) throws -> FormatEntry {
        try formats.entry(for: format, in: open())
    }

    /// Writes the file. The library frees the workbook whatever the outcome, so the handle is
    /// closed afterwards even on failure.
    func close() -> lxw_error {
        guard let workbook else { return LXW_NO_ERROR }
        self.workbook = nil
        formats.removeAll()
        return workbook_close(workbook)
    }

    /// Frees the C workbook without writing anything.
    func discard() {
        guard let workbook else { return }
        self.workbook = nil
        formats.removeAll()
        lxw_workbook_free(workbook)
    }
}
