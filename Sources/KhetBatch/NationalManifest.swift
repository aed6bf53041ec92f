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

    /// A batch file is a list of area batches when its top level has an `areas` array (a national
    /// data set's `[inputs] areas = "areas.csv"` is an ordinary batch file).
    static func isNational(path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let table = try? TOMLTable(string: text) else { return false }
        return table["areas"]?.array != nil
    }
}
