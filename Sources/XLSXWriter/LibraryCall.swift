import CXlsxWriter

/// Turns a libxlsxwriter status into a Swift error, so no return code is ever dropped.
func checkLibrary(_ code: lxw_error, _ operation: @autoclosure () -> String) throws {
    guard code != LXW_NO_ERROR else { return }
    throw libraryError(code, operation())
}

/// The error for a library failure, in the library's own words.
func libraryError(_ code: lxw_error, _ operation: String) -> XLSXError {
    let message = lxw_strerror(code).map { String(cString: $0) } ?? "Unknown error"
    return .library(operation: operation, code: Int32(bitPattern: code.rawValue), message: message)
}
