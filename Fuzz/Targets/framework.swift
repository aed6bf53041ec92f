import KhetImport

/// Any bytes through the framework reader (libxml2 parse, schema validation, mapping).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFramework(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        _ = try FrameworkReader().read(bytes: Array(UnsafeBufferPointer(start: data, count: size)),
                                       displayName: "fuzz.xml")
    } catch is ImportError {
    } catch {
        fatalError("the framework reader threw something other than an ImportError: \(error)")
    }
    return 0
}
