import KhetCore
import KhetImport

private let date = ThaiDate(year: 2567, month: 11, day: 10)

/// Any bytes as an XLSX workbook: the zip reader, the inflater, libxml2's streaming reader and the
/// per-grade importer on top. It must read or throw an ImportError, never crash, hang or run away
/// with memory (a declared size is never exceeded).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let date else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let reader = try TableFile.workbook(bytes: bytes, displayName: "fuzz.xlsx")
        _ = try SnapshotImporter().read(from: reader, date: date)
    } catch is ImportError {
    } catch {
        fatalError("the XLSX reader threw something other than an ImportError: \(error)")
    }
    return 0
}
