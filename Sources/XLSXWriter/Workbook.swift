import CXlsxWriter
import Foundation

/// An XLSX file being built. Nothing is written until `close()`; a workbook released without
/// closing leaves no file behind.
///
/// For reproducible bytes call `setProperties` with a fixed `created` time: otherwise the library
/// stamps the current time into the file.
public final class Workbook {
    public let path: String
    public private(set) var worksheets: [Worksheet] = []
    private let handle: WorkbookHandle
    private var sheetNames = SheetNameValidator()

    public init(path: String, options: WorkbookOptions = WorkbookOptions()) throws {
        try OutputPath.checkWritable(path)
        if let folder = options.temporaryDirectory {
            try OutputPath.checkTemporaryDirectory(folder)
        }
        var libraryOptions = lxw_workbook_options()
        libraryOptions.constant_memory = options.constantMemory ? 1 : 0
        libraryOptions.use_zip64 = options.useZip64 ? 1 : 0
        // The library copies tmpdir, so the C string need only live for this call.
        let created: UnsafeMutablePointer<lxw_workbook>?
        if let folder = options.temporaryDirectory {
            created = folder.withCString { folderPointer in
                libraryOptions.tmpdir = UnsafeMutablePointer(mutating: folderPointer)
                return workbook_new_opt(path, &libraryOptions)
            }
        } else {
            created = workbook_new_opt(path, &libraryOptions)
        }
        guard let created else {
            throw XLSXError.cannotCreate(path: path, message: "libxlsxwriter could not allocate the workbook")
        }
        self.path = path
        self.handle = WorkbookHandle(workbook: created, constantMemory: options.constantMemory)
    }

    deinit {
        // Never closed: free the C side without writing. The library creates the output file only
        // in workbook_close, so there is no partial file to remove.
        handle.discard()
    }

    public var isClosed: Bool { !handle.isOpen }

    /// Distinct formats created so far (one per distinct `CellFormat`).
    var formatCount: Int { handle.formats.count }

    public func setProperties(_ properties: DocumentProperties) throws {
        let workbook = try handle.open()
        // workbook_set_properties copies every string (lxw_strdup), so these copies can be freed
        // as soon as the call returns.
        var copies: [UnsafeMutablePointer<CChar>] = []
        defer { copies.forEach { free($0) } }
        func copy(_ text: String?) -> UnsafeMutablePointer<CChar>? {
            guard let text, let duplicate = strdup(text) else { return nil }
            copies.append(duplicate)
            return duplicate
        }
        var library = lxw_doc_properties()
        library.title = copy(properties.title)
        library.subject = copy(properties.subject)
        library.author = copy(properties.author)
        library.manager = copy(properties.manager)
        library.company = copy(properties.company)
        library.category = copy(properties.category)
        library.keywords = copy(properties.keywords)
        library.comments = copy(properties.comments)
        library.status = copy(properties.status)
        library.created = time_t(truncatingIfNeeded: properties.created)
        try checkLibrary(workbook_set_properties(workbook, &library), "workbook_set_properties")
    }

    /// Adds a sheet after checking Excel's naming rules (see `SheetNameValidator`).
    public func addWorksheet(named name: String) throws -> Worksheet {
        let workbook = try handle.open()
        try sheetNames.validate(name)
        try checkLibrary(workbook_validate_sheet_name(workbook, name), "workbook_validate_sheet_name('\(name)')")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            // The name is already known to be valid, so NULL means the sheet's memory or, in
            // constant-memory mode, its temporary file could not be had.
            let code = handle.constantMemory ? LXW_ERROR_CREATING_TMPFILE : LXW_ERROR_MEMORY_MALLOC_FAILED
            throw libraryError(code, "workbook_add_worksheet('\(name)')")
        }
        sheetNames.register(name)
        let worksheet = Worksheet(name: name, handle: handle, sheet: sheet)
        worksheets.append(worksheet)
        return worksheet
    }

    /// A workbook-wide name, e.g. `defineName("GrandTotal", refersTo: "=Summary!$F$10")`.
    /// "Sheet!Name" defines a name local to that sheet.
    public func defineName(_ name: String, refersTo formula: String) throws {
        let workbook = try handle.open()
        try DefinedNameValidator.validate(name: name, formula: formula)
        try checkLibrary(workbook_define_name(workbook, name, formula), "workbook_define_name('\(name)')")
    }

    /// Applies each sheet's fitted column widths, then writes the file. Throws on a second call.
    public func close() throws {
        _ = try handle.open()
        for worksheet in worksheets {
            try worksheet.applyFittedColumnWidths()
        }
        let code = handle.close()
        guard code == LXW_NO_ERROR else {
            // Any failure after the output was opened leaves a truncated file that no program
            // can read; when opening itself failed, whatever is at the path is not ours.
            if code != LXW_ERROR_CREATING_XLSX_FILE {
                OutputPath.removePartialFile(path)
            }
            throw libraryError(code, "workbook_close('\(path)')")
        }
    }
}
