/// Any bytes as a batch file through the manifest reader (Khet's TOML parser, then every key's
/// checks and the key locator). Compiled into one module with the reader's sources.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBatchManifest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = BatchManifestReader().read(bytes: bytes, path: "/nonexistent/fuzz/batch.toml")
    return 0
}
