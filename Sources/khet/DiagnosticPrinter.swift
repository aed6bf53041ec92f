import Foundation
import KhetCore

/// Prints diagnostics to standard error the way compilers do, one line each
/// (`file:line:column: error: message [CODE]`), grouped by file, then a summary line.
struct DiagnosticPrinter {
    var showNotes = true

    func print(_ diagnostics: [Diagnostic]) {
        let shown = diagnostics.filter { showNotes || $0.severity != .note }.sortedByLocation
        for diagnostic in shown { writeError(diagnostic.description) }
    }

    func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.errors.count
        let warnings = diagnostics.warnings.count
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }
}

func writeError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
