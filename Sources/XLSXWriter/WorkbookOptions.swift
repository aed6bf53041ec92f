/// Options fixed when the workbook is created.
public struct WorkbookOptions: Sendable {
    /// Stream each finished row to a temporary file: memory stays flat for huge sheets, but rows
    /// must then be written top to bottom (enforced with `XLSXError.rowOutOfOrder`).
    public var constantMemory: Bool
    /// Where the library keeps its temporary files; the system default when nil.
    public var temporaryDirectory: String?
    /// Needed only for files or parts larger than 4 GB.
    public var useZip64: Bool

    public init(constantMemory: Bool = false, temporaryDirectory: String? = nil, useZip64: Bool = false) {
        self.constantMemory = constantMemory
        self.temporaryDirectory = temporaryDirectory
        self.useZip64 = useZip64
    }
}
