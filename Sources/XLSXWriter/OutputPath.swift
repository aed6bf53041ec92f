import Foundation

/// Checks an output path up front.
///
/// libxlsxwriter only opens the file when the workbook is closed, after all the work is done;
/// checking here turns a doomed run into an immediate, clear error.
enum OutputPath {
    static func checkWritable(_ path: String) throws {
        func cannot(_ message: String) -> XLSXError { .cannotCreate(path: path, message: message) }
        guard !path.isEmpty else { throw cannot("the path is empty") }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw cannot("a folder of that name exists") }
            guard files.isWritableFile(atPath: path) else { throw cannot("the file is not writable") }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard files.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw cannot("the folder '\(folder)' does not exist")
        }
        guard files.isWritableFile(atPath: folder) else {
            throw cannot("the folder '\(folder)' is not writable")
        }
    }

    static func checkTemporaryDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
              isDirectory.boolValue
        else {
            throw XLSXError.cannotCreate(path: path, message: "the temporary folder does not exist")
        }
    }

    /// Removes a half-written output file after a failed close; never a folder.
    static func removePartialFile(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
              !isDirectory.boolValue
        else { return }
        try? FileManager.default.removeItem(atPath: path)
    }
}
