import Foundation
import KhetCore

/// A batch over many areas (OBEC's planning bureau): the fiscal year, the date and the output
/// shared by all, and one ordinary area batch file per area.
struct NationalManifest {
    var file: BatchManifest.InputFile
    var fiscalYear: FiscalYear
    var batchDate: ThaiDate
    var output: URL
    var language: Language
    var areaBatches: [BatchManifest.InputFile]

    /// A batch file is national when it lists `areas`.
    static func isNational(path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { line in
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            return trimmed.hasPrefix("areas") && trimmed.dropFirst(5).drop(while: { $0 == " " }).hasPrefix("=")
        }
    }
}
