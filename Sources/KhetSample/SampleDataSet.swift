import Foundation
import KhetCore

/// The sample generators' one door: a synthetic area, or a synthetic country, written into a
/// folder with its batch file. Deterministic: the same parameters write the same bytes, so
/// `khet sample`, the tests and `make bench` all see the same data for the same seed.
public enum SampleDataSet {
    /// Schools of an area sample unless told otherwise: about a real area office's size.
    public static let areaSchools = 200
    /// Defaults of a national sample: about the size of OBEC (245 areas, 29,700 schools).
    public static let nationalAreas = 245
    public static let nationalSchools = 29_700
    /// Far above any real area (OBEC has about 29,700 schools), low enough to stay quick.
    public static let maximumSchools = 100_000
    /// Beyond this a province would need more than 99 zones.
    public static let maximumAreas = NationalSampleGenerator.maximumAreas
    /// Every area needs a four-digit school number, so a country holds at most this many per area.
    public static let maximumSchoolsPerAreaOnAverage = NationalSampleGenerator.maximumSchoolsPerAreaOnAverage
    /// Fiscal years the generator's calendar covers (Buddhist Era).
    public static let fiscalYears = 2500...2700

    /// What was written, for the line the command prints.
    public struct Written: Sendable {
        /// Every file, in the order written (the batch file last).
        public var files: [URL]
        public var areaCount: Int
        public var schoolCount: Int
        /// The latest snapshot's date and pupils, when the sample has one.
        public var latestDate: ThaiDate?
        public var latestPupils: Int
    }

    /// One area (`schools` schools, codes 9963…), its snapshots, pupil records, poor and
    /// boarding pupils, action plan and `batch.toml`, whose output is `batchOutput`.
    public static func writeArea(seed: UInt64, schools: Int = areaSchools, fiscalYear: Int = 2568,
                                 batchOutput: String = "out", to folder: URL) throws -> Written {
        let area = SampleAreaGenerator(seed: seed, schoolCount: schools, fiscalYear: fiscalYear).generate()
        let needs = SampleNeeds.derive(for: area, seed: seed)
        let writer = SampleAreaWriter(area: area, needs: needs, fiscalYear: fiscalYear, output: batchOutput, seed: seed)
        let files = try writer.write(to: folder)
        return Written(files: files, areaCount: 1, schoolCount: area.schools.count,
                       latestDate: area.snapshots.last?.date, latestPupils: area.snapshots.last?.totalPupils ?? 0)
    }

    /// A country: `areas` area offices over the real provinces, `schools` schools among them,
    /// one national pupil-record file and a national `batch.toml`.
    public static func writeNational(seed: UInt64, areas: Int = nationalAreas, schools: Int = nationalSchools,
                                     fiscalYear: Int = 2568, batchOutput: String = "out", to folder: URL) throws -> Written {
        let sample = NationalSampleGenerator(seed: seed, areaCount: areas, schoolCount: schools,
                                             fiscalYear: fiscalYear).generate()
        // Schools in remote provinces, special areas or with boarders get a larger poor-pupil share.
        let remoteAreas = Set(sample.areas.map(\.code).filter { code in
            NationalSampleProvinces.all.contains { $0.isRemote && String($0.code) == code.prefix(2) }
        })
        let needs = SampleNeeds.derive(for: sample.country, seed: seed, isRemote: { school in
            school.isSpecialArea || school.isBoarding || remoteAreas.contains(sample.areaOfSchool[school.code] ?? "")
        })
        let writer = NationalSampleWriter(sample: sample, needs: needs, fiscalYear: fiscalYear, output: batchOutput, seed: seed)
        let files = try writer.write(to: folder)
        let latest = sample.country.snapshots.last
        return Written(files: files, areaCount: sample.areas.count, schoolCount: sample.country.schools.count,
                       latestDate: latest?.date, latestPupils: latest?.totalPupils ?? 0)
    }
}
