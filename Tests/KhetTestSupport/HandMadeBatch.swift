/// The text of a small hand-made `batch.toml` for test area 9999, so tests that build their own
/// batch write only what differs: the year, the framework, the snapshots and any further inputs.
public enum HandMadeBatch {
    /// `snapshots` are (date, file) pairs; `inputs` are further `[inputs]` keys (poor, boarders).
    public static func toml(fiscalYear: Int, framework: String, date: String,
                            snapshots: [(date: String, file: String)], inputs: [(key: String, file: String)] = []) -> String {
        var lines = [
            "fiscal_year = \(fiscalYear)",
            "framework = \"\(framework)\"",
            "date = \"\(date)\"",
            "output = \"out\"",
            "",
            "[area]",
            "code = \"9999\"",
            "name = \"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ\"",
            "",
            "[inputs]",
            "schools = \"schools.csv\"",
        ]
        lines += inputs.map { "\($0.key) = \"\($0.file)\"" }
        for snapshot in snapshots {
            lines += ["", "[[inputs.pupils]]", "date = \"\(snapshot.date)\"", "file = \"\(snapshot.file)\""]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The three snapshots of fiscal year 2565 (10 June and 10 November 2564, 10 June 2565).
    public static let snapshots2565 = [(date: "2564-06-10", file: "june-2564.csv"), (date: "2564-11-10", file: "november-2564.csv"),
                                       (date: "2565-06-10", file: "june-2565.csv")]
}
