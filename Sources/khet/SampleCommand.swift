import ArgumentParser
import Foundation
import KhetSample

/// `khet sample`: writes a synthetic area so anyone can try `khet run` without real (personal)
/// school data. The same options always write the same bytes.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a synthetic sample area (schools, pupil snapshots, pupil records, batch.toml).",
        discussion: "With --national, a synthetic country instead: areas.csv, schools.csv with each school's area, "
            + "two per-grade snapshots, one national pupil-record file and a national batch.toml."
    )

    @Option(help: "Seed of the random generator; the same seed writes the same files.")
    var seed: UInt64 = 2568

    @Option(help: "Number of schools (1–\(SampleDataSet.maximumSchools)); default \(SampleDataSet.areaSchools), or \(SampleDataSet.nationalSchools) with --national.")
    var schools: Int?

    @Flag(help: "Write a national data set (many areas, one pupil-record file) instead of one area.")
    var national = false

    @Option(help: "With --national: number of area offices (1–\(SampleDataSet.maximumAreas)); default \(SampleDataSet.nationalAreas).")
    var areas: Int?

    private var schoolCount: Int { schools ?? (national ? SampleDataSet.nationalSchools : SampleDataSet.areaSchools) }
    private var areaCount: Int { areas ?? SampleDataSet.nationalAreas }

    @Option(help: "Fiscal year in the Buddhist Era (2500–2700); sets the snapshot dates.")
    var fiscalYear: Int = 2568

    @Option(help: "The batch file's output folder, relative to the batch file.")
    var batchOutput = "out"

    @Argument(help: "Folder to write into; created if missing.")
    var folder: String

    func validate() throws {
        let schools = schoolCount
        guard schools >= 1 else {
            throw ValidationError("--schools must be at least 1 (got \(schools)).")
        }
        guard schools <= SampleDataSet.maximumSchools else {
            throw ValidationError("--schools must be at most \(SampleDataSet.maximumSchools) (got \(schools)).")
        }
        guard SampleDataSet.fiscalYears.contains(fiscalYear) else {
            throw ValidationError("--fiscal-year must be a Buddhist Era year from 2500 to 2700 (got \(fiscalYear)).")
        }
        guard !folder.isEmpty else {
            throw ValidationError("The folder must not be empty.")
        }
        if areas != nil && !national {
            throw ValidationError("--areas needs --national.")
        }
        if national {
            guard (1...SampleDataSet.maximumAreas).contains(areaCount) else {
                throw ValidationError("--areas must be from 1 to \(SampleDataSet.maximumAreas) (got \(areaCount)).")
            }
            let most = areaCount * SampleDataSet.maximumSchoolsPerAreaOnAverage
            guard (areaCount...most).contains(schools) else {
                throw ValidationError("--schools must be from \(areaCount) to \(most) for \(areaCount) areas (got \(schools)): "
                                      + "every area needs a school and a four-digit school number.")
            }
        }
    }

    func run() throws {
        let destination = URL(fileURLWithPath: folder, isDirectory: true)
        let written = national
            ? try SampleDataSet.writeNational(seed: seed, areas: areaCount, schools: schoolCount, fiscalYear: fiscalYear,
                                              batchOutput: batchOutput, to: destination)
            : try SampleDataSet.writeArea(seed: seed, schools: schoolCount, fiscalYear: fiscalYear,
                                          batchOutput: batchOutput, to: destination)
        // Paths as the user typed the folder, so they can be pasted back into a shell.
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let base = destination.standardizedFileURL.path + "/"
        for url in written.files {
            let path = url.standardizedFileURL.path
            print(prefix + (path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent))
        }
        guard let date = written.latestDate else { return }
        let pupils = "\(Self.grouped(written.latestPupils)) pupils on \(date.isoBE)."
        if national {
            print("National sample: \(written.areaCount) areas, \(Self.grouped(written.schoolCount)) schools, " + pupils)
        } else {
            print("Sample area: \(written.schoolCount) schools, " + pupils)
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
