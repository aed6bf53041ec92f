import KhetCore
@_spi(Testing) import KhetImport

private let date = ThaiDate(year: 2568, month: 6, day: 10)
private let schools: [String: School] = [
    "9963020001": School(code: "9963020001", name: "A", district: "X", isBoarding: true),
    "9963020002": School(code: "9963020002", name: "B", district: "X"),
]

/// Any bytes through the pupil-record importer, with two known schools.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPupilRecords(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let date else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = CSVReader(bytes: bytes, displayName: "fuzz.csv")
    // The byte-level fast path must give what the generic reader gives, whatever the bytes.
    var generic = PupilRecordsImporter()
    generic.usesFastPath = false
    let slow: PupilRecordsImporter.Result?
    let slowError: Diagnostic?
    do {
        slow = try generic.read(from: CSVReader(bytes: bytes, displayName: "fuzz.csv"), date: date, schools: schools)
        slowError = nil
    } catch let error as ImportError {
        slow = nil
        slowError = error.diagnostic
    } catch {
        fatalError("the generic pupil-record reader threw something other than an ImportError: \(error)")
    }
    // Odd inputs pick tiny blocks: rows cut at block ends, blocks parsed in two halves.
    var importer = PupilRecordsImporter()
    if size % 2 == 1 { importer.fastPathBlockSize = 64 }
    do {
        let result = try importer.read(from: reader, date: date, schools: schools)
        guard let slow else { fatalError("the generic reader failed (\(String(describing: slowError))), the fast path did not") }
        if result.statistics != slow.statistics || result.snapshot.counts != slow.snapshot.counts
            || result.poorPupils != slow.poorPupils || result.boarders != slow.boarders
            || result.diagnostics != slow.diagnostics {
            fatalError("fast and generic pupil-record readers differ: \(result.statistics) \(slow.statistics)\n\(result.diagnostics)\n\(slow.diagnostics)")
        }
        let counted = result.snapshot.totalPupils
        // The books must balance whatever the input: every pupil row is funded, too young,
        // a duplicate or rejected.
        let statistics = result.statistics
        if counted != statistics.funded
            || statistics.rows != statistics.funded + statistics.underFour + statistics.duplicates + statistics.rejected {
            fatalError("pupil tally does not balance: \(statistics), snapshot \(counted)")
        }
    } catch let error as ImportError {
        if error.diagnostic != slowError {
            fatalError("fast and generic pupil-record readers fail differently: \(error.diagnostic) \(String(describing: slowError))")
        }
    } catch {
        fatalError("the pupil-record importer threw something other than an ImportError: \(error)")
    }
    return 0
}
