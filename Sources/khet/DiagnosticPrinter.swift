import Foundation
import KhetCore

/// Prints diagnostics to standard error the way compilers do, one line each
/// (`file:line:column: error: message [CODE]`), grouped by file, then a summary line.
/// Messages are English unless `language` is Thai (diagnostics without Thai text stay English).
struct DiagnosticPrinter {
    var showNotes = true
    var language: Language = .english
    /// Puts a heading with the file's counts above each file's lines (`khet validate`).
    var headings = false

    func print(_ diagnostics: [Diagnostic]) {
        let shown = diagnostics.filter { showNotes || $0.severity != .note }.sortedByLocation
        guard headings else {
            for diagnostic in shown { writeError(diagnostic.line(in: language)) }
            return
        }
        var files: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in shown {
            if byFile[diagnostic.file] == nil { files.append(diagnostic.file) }
            byFile[diagnostic.file, default: []].append(diagnostic)
        }
        for file in files {
            let group = byFile[file] ?? []
            writeError("\(file) — \(counts(group))")
            for diagnostic in group { writeError("  " + diagnostic.line(in: language)) }
        }
    }

    private func counts(_ diagnostics: [Diagnostic]) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var parts = [plural(diagnostics.errors.count, "error"), plural(diagnostics.warnings.count, "warning")]
        let notes = diagnostics.filter { $0.severity == .note }.count
        if notes > 0 { parts.append(plural(notes, "note")) }
        return parts.joined(separator: ", ")
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
