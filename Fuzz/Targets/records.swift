import KhetCore
import KhetImport

private let date = ThaiDate(year: 2568, month: 6, day: 10)
private let schools: [String: School] = [
    "9963020001": School(code: "9963020001", name: "A", district: "X", isBoarding: true),
    "9963020002": School(code: "9963020002", name: "B", district: "X"),
]

/// Any bytes through the pupil-record importer, with two known schools.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPupilRecords(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let date else { return 0 }
    let reader = CSVReader(bytes: Array(UnsafeBufferPointer(start: data, count: size)), displayName: "fuzz.csv")
    do {
        let result = try PupilRecordsImporter().read(from: reader, date: date, schools: schools)
        let counted = result.snapshot.totalPupils
        // The books must balance whatever the input: every pupil row is funded, too young,
        // a duplicate or rejected.
        let statistics = result.statistics
        if counted != statistics.funded
            || statistics.rows != statistics.funded + statistics.underFour + statistics.duplicates + statistics.rejected {
            fatalError("pupil tally does not balance: \(statistics), snapshot \(counted)")
        }
    } catch is ImportError {
    } catch {
        fatalError("the pupil-record importer threw something other than an ImportError: \(error)")
    }
    return 0
}
