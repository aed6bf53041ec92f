import KhetImport

/// Any bytes through the CSV reader: it must return records or throw an ImportError, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reader = CSVReader(bytes: Array(UnsafeBufferPointer(start: data, count: size)), displayName: "fuzz.csv")
    do {
        while let record = try reader.next() {
            // Touch what mappers use, so a bad position or field count would show.
            _ = record.position(of: record.fields.count)
        }
    } catch is ImportError {
    } catch {
        fatalError("the CSV reader threw something other than an ImportError: \(error)")
    }
    return 0
}
