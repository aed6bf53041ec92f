import ArgumentParser
import Foundation

/// `khet sample`: writes a synthetic area so anyone can try `khet run` without real (personal)
/// school data. The same options always write the same bytes.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a synthetic sample area (schools, pupil snapshots, pupil records, batch.toml).",
        discussion: "With --national, a synthetic country instead: areas.csv, schools.csv with each school's area, "
            + "two per-grade snapshots, one national pupil-record file and a national batch.toml."
    )

    /// Defaults of a national sample: about the size of OBEC (245 areas, 29,700 schools).
    static let nationalAreas = 245
    static let nationalSchools = 29_700

    /// Far above any real area (OBEC has about 29,700 schools), low enough to stay quick.
    static let maximumSchools = 100_000

    @Option(help: "Seed of the random generator; the same seed writes the same files.")
    var seed: UInt64 = 2568

    @Option(help: "Number of schools (1–\(SampleCommand.maximumSchools)); default 200, or \(SampleCommand.nationalSchools) with --national.")
    var schools: Int?

    @Flag(help: "Write a national data set (many areas, one pupil-record file) instead of one area.")
    var national = false

    @Option(help: "With --national: number of area offices (1–\(NationalSampleGenerator.maximumAreas)); default \(SampleCommand.nationalAreas).")
    var areas: Int?

    private var schoolCount: Int { schools ?? (national ? SampleCommand.nationalSchools : 200) }
    private var areaCount: Int { areas ?? SampleCommand.nationalAreas }

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
        guard schools <= SampleCommand.maximumSchools else {
            throw ValidationError("--schools must be at most \(SampleCommand.maximumSchools) (got \(schools)).")
        }
        guard (2500...2700).contains(fiscalYear) else {
            throw ValidationError("--fiscal-year must be a Buddhist Era year from 2500 to 2700 (got \(fiscalYear)).")
        }
        guard !folder.isEmpty else {
            throw ValidationError("The folder must not be empty.")
        }
        if areas != nil && !national {
            throw ValidationError("--areas needs --national.")
        }
        if national {
            guard (1...NationalSampleGenerator.maximumAreas).contains(areaCount) else {
                throw ValidationError("--areas must be from 1 to \(NationalSampleGenerator.maximumAreas) (got \(areaCount)).")
            }
            let most = areaCount * NationalSampleGenerator.maximumSchoolsPerAreaOnAverage
            guard (areaCount...most).contains(schools) else {
                throw ValidationError("--schools must be from \(areaCount) to \(most) for \(areaCount) areas (got \(schools)): "
                                      + "every area needs a school and a four-digit school number.")
            }
        }
    }

    func run() throws {
        if national { return try runNational() }
        let area = SampleAreaGenerator(seed: seed, schoolCount: schoolCount, fiscalYear: fiscalYear).generate()
        let needs = SampleNeeds.derive(for: area, seed: seed)
        let writer = SampleAreaWriter(area: area, needs: needs, fiscalYear: fiscalYear,
                                      output: batchOutput, seed: seed)
        let written = try writer.write(to: URL(fileURLWithPath: folder, isDirectory: true))
        // Paths as the user typed the folder, so they can be pasted back into a shell.
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for url in written { print(prefix + url.lastPathComponent) }
        if let latest = area.snapshots.last {
            print("Sample area: \(area.schools.count) schools, "
                  + "\(SampleCommand.grouped(latest.totalPupils)) pupils on \(latest.date.isoBE).")
        }
    }

    private func runNational() throws {
        let sample = NationalSampleGenerator(seed: seed, areaCount: areaCount, schoolCount: schoolCount,
                                             fiscalYear: fiscalYear).generate()
        let remoteAreas = Set(sample.areas.map(\.code).filter { code in
            NationalSampleProvinces.all.contains { $0.isRemote && String($0.code) == code.prefix(2) }
        })
        let needs = SampleNeeds.derive(for: sample.country, seed: seed, isRemote: { school in
            school.isSpecialArea || school.isBoarding || remoteAreas.contains(sample.areaOfSchool[school.code] ?? "")
        })
        let writer = NationalSampleWriter(sample: sample, needs: needs, fiscalYear: fiscalYear, output: batchOutput, seed: seed)
        let written = try writer.write(to: URL(fileURLWithPath: folder, isDirectory: true))
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for url in written { print(prefix + url.lastPathComponent) }
        if let latest = sample.country.snapshots.last {
            print("National sample: \(sample.areas.count) areas, \(SampleCommand.grouped(sample.country.schools.count)) schools, "
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
