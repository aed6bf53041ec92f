import CLibXML2
import KhetCore

/// Receives libxml2's structured errors and turns them into Diagnostics. libxml2 reports errors
/// through C callbacks; this object is the context those callbacks are given.
final class XMLErrorCollector {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Start-tag positions by libxml2 node, so a validation error can name a column.
    var positions: [UnsafeMutableRawPointer: (line: Int, column: Int)] = [:]
    private static let maximumErrors = 100

    init(file: String) { self.file = file }

    func record(_ error: xmlErrorPtr, code: String) {
        guard diagnostics.count < Self.maximumErrors else { return }
        let error = error.pointee
        var line = Int(error.line)
        var column = Int(error.int2)
        if let node = error.node, let position = positions[node] {
            line = position.line
            column = position.column
        }
        let raw = error.message.map { String(cString: $0) } ?? "unknown XML error"
        let message = raw.trimmingCharacters(in: .whitespaces)
        let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .warning : .error
        diagnostics.append(Diagnostic(severity, code: code, file: file, line: max(line, 0), column: max(column, 0),
                                      message: message))
    }

    /// Runs `body` with this collector receiving libxml2's parser errors on this thread.
    func capturing<T>(_ body: () -> T) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context, { context, error in
            guard let context, let error else { return }
            Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error, code: "XML001")
        })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return body()
    }
}
