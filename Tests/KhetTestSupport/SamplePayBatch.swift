import Foundation

/// Batch files of the bundled sample area (สพป.ตาก เขต 2, fiscal year 2568) for the fiscal-year
/// tests: the snapshots known by the batch date and the rounds it pays, or none for a plan run.
public enum SamplePayBatch {
    public static let june2567 = "2567-06-10", november2567 = "2567-11-10", june2568 = "2568-06-10"

    /// `extra` goes after `[payment]` (a `correction = "…"`, an `[envelopes]` table), `head` first
    /// (a `ledger = "…"`).
    public static func toml(date: String, snapshots: [String], rounds: [String]?, extra: String = "", head: String = "",
                            areaCode: String = "6302", fiscalYear: Int = 2568, output: String = "out/tak2-fy2568") -> String {
        var text = head + """
            fiscal_year = \(fiscalYear)
            framework = "fy2568"
            date = "\(date)"
            output = "\(output)"

            [area]
            code = "\(areaCode)"
            name = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตาก เขต 2"
            short_name = "สพป.ตาก เขต 2"

            [inputs]
            schools = "schools.csv"
            poor = "poor-pupils.csv"
            boarders = "boarders.csv"

            """
        for snapshot in snapshots {
            text += "\n[[inputs.pupils]]\ndate = \"\(snapshot)\"\nfile = \"pupils-\(snapshot).csv\"\n"
        }
        if let rounds {
            text += "\n[payment]\nrounds = [\(rounds.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
        }
        return text + extra + "\n"
    }

    /// Adds `pupils` to one grade column (1 = อ.1 … 9 = ป.6) of `school` in a sample count file,
    /// and to its total, as DMC's correction of a count would.
    public static func correctCount(in file: String, school: String, column: Int, by pupils: Int) throws {
        var rows = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        guard let index = rows.firstIndex(where: { $0.hasPrefix(school + ",") }) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file])
        }
        var cells = rows[index].components(separatedBy: ",")
        cells[column] = String((Int(cells[column]) ?? 0) + pupils)
        cells[13] = String((Int(cells[13]) ?? 0) + pupils)
        rows[index] = cells.joined(separator: ",")
        try rows.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
    }
}
