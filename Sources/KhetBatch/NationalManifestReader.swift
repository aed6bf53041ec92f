import Foundation
import KhetCore

/// Reads a national batch file:
/// ```toml
/// fiscal_year = 2568
/// date = "2568-07-15"
/// output = "out/national-fy2568"
/// language = "th"
/// areas = ["tak1/batch.toml", "tak2/batch.toml"]
/// ```
/// Every problem is a Diagnostic at the key's line and column.
struct NationalManifestReader {
    func read(path: String, outputOverride: String?) -> (manifest: NationalManifest?, diagnostics: [Diagnostic]) {
        let url = URL(fileURLWithPath: path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            return (nil, [Diagnostic(.error, code: "FILE001", file: path, message: "batch file not found or not UTF-8 text")])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            return (nil, [Diagnostic(.error, code: "BAT001", file: path, line: error.line, column: error.column,
                                     message: "not valid TOML: \(error.message)")])
        }
        let locator = TOMLKeyLocator(text: text)
        var diagnostics: [Diagnostic] = []
        func problem(_ key: String, _ message: String) {
            let position = locator.position(of: key)
            diagnostics.append(Diagnostic(.error, code: "NAT001", file: path, line: position.line, column: position.column,
                                          message: message))
        }
        let folder = url.deletingLastPathComponent()
        let folderAsTyped = (path as NSString).deletingLastPathComponent
        func resolve(_ value: String) -> BatchManifest.InputFile {
            if value.hasPrefix("/") { return BatchManifest.InputFile(url: URL(fileURLWithPath: value), displayName: value) }
            let shown = folderAsTyped.isEmpty ? value : (folderAsTyped as NSString).appendingPathComponent(value)
            return BatchManifest.InputFile(url: folder.appendingPathComponent(value).standardizedFileURL, displayName: shown)
        }

        let year = table["fiscal_year"]?.int
        if year.map({ !(2500...2700).contains($0) }) ?? true {
            problem("fiscal_year", "fiscal_year should be a Buddhist-era year such as 2568 (no quotes)")
        }
        let date = table["date"]?.string.flatMap(ThaiDate.init(parsing:))
        if date == nil { problem("date", "date should be a Buddhist-era date such as \"2568-07-15\"") }
        var output = outputOverride.map { URL(fileURLWithPath: $0).standardizedFileURL }
        if output == nil {
            if let value = table["output"]?.string, !value.isEmpty { output = resolve(value).url }
            else { problem("output", "output should name the folder to write into") }
        }
        var language = Language.thai
        if let code = table["language"]?.string {
            if let parsed = Language(rawValue: code) { language = parsed } else { problem("language", "language should be \"th\" or \"en\"") }
        }
        var areas: [BatchManifest.InputFile] = []
        if let list = table["areas"]?.array {
            for index in 0..<list.count {
                guard let value = list[index].string, !value.isEmpty else {
                    problem("areas", "areas should list area batch files as text in quotes")
                    continue
                }
                areas.append(resolve(value))
            }
        }
        if areas.isEmpty { problem("areas", "areas should list at least one area batch file") }
        guard let year, let date, let output, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (NationalManifest(file: BatchManifest.InputFile(url: url, displayName: path), fiscalYear: FiscalYear(year),
                                 batchDate: date, output: output, language: language, areaBatches: areas), diagnostics)
    }
}
