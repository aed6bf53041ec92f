import KhetImport

/// Any bytes through the school-data XML reader (libxml2 parse, schema validation, mapping).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchoolXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        _ = try SchoolDataXMLReader().read(bytes: Array(UnsafeBufferPointer(start: data, count: size)),
                                           displayName: "fuzz.xml")
    } catch is ImportError {
    } catch {
        fatalError("the school XML reader threw something other than an ImportError: \(error)")
    }
    return 0
}
