import ArgumentParser
import Foundation

/// `khet sample`: writes a synthetic area so anyone can try `khet run` without real (personal)
/// school data. The same options always write the same bytes.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a synthetic sample area (schools, pupil snapshots, batch.toml)."
    )

    /// Far above any real area (OBEC has about 29,700 schools), low enough to stay quick.
    static let maximumSchools = 100_000

    @Option(help: "Seed of the random generator; the same seed writes the same files.")
    var seed: UInt64 = 2568

    @Option(help: "Number of schools (1–\(SampleCommand.maximumSchools)).")
    var schools: Int = 200

    @Option(help: "Fiscal year in the Buddhist Era (2500–2700); sets the snapshot dates.")
    var fiscalYear: Int = 2568

    @Option(help: "The batch file's output folder, relative to the batch file.")
    var batchOutput = "out"

    @Argument(help: "Folder to write into; created if missing.")
    var folder: String

    func validate() throws {
        guard schools >= 1 else {
            throw ValidationError("--schools must be at least 1 (got \(schools)).")
        }
        guard schools <= SampleCommand.maximumSchools else {
            throw ValidationError("--schools must be at most \(SampleCommand.maximumSchools) (got \(schools)).")
        }
        guard (2500...2700).contains(fiscalYear) else {
            throw ValidationError("--fiscal-year must be a Buddhist Era year from 2500 to 2700 (got \(fiscalYear)).")
        }
        guard !folder.isEmpty else {
            throw ValidationError("The folder must not be empty.")
        }
    }

    func run() throws {
        let area = SampleAreaGenerator(seed: seed, schoolCount: schools, fiscalYear: fiscalYear).generate()
        let needs = SampleNeeds.derive(for: area, seed: seed)
        var writer = SampleAreaWriter(area: area, needs: needs, fiscalYear: fiscalYear,
                                      output: batchOutput)
        writer.seed = seed
        let written = try writer.write(to: URL(fileURLWithPath: folder, isDirectory: true))
        // Paths as the user typed the folder, so they can be pasted back into a shell.
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for url in written { print(prefix + url.lastPathComponent) }
        if let latest = area.snapshots.last {
            print("Sample area: \(area.schools.count) schools, "
                  + "\(SampleCommand.grouped(latest.totalPupils)) pupils on \(latest.date.isoBE).")
        }
    }

    /// 28431 → "28,431", without a locale so the output is the same everywhere.
    private static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
