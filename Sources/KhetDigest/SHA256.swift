import CCrypto
import Foundation

/// SHA-256 (FIPS 180-4) fingerprints for manifest.json, computed by OpenSSL's libcrypto, which
/// uses the CPU's SHA extensions: a national run hashes a 360 MB pupil-record file while it
/// imports it, and a hash in Swift took a whole core for ten seconds.
public enum SHA256 {
    /// The hex digest of `bytes`.
    public static func hex(of bytes: some Collection<UInt8>) -> String {
        var digest = Digest()
        Array(bytes).withUnsafeBytes { digest.update($0) }
        return digest.finish()
    }

    /// The hex digest of a file, read in 4 MiB chunks.
    public static func hex(ofFile url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var digest = Digest()
        while let chunk = try handle.read(upToCount: 1 << 22), !chunk.isEmpty {
            chunk.withUnsafeBytes { digest.update($0) }
        }
        return digest.finish()
    }

    /// One running hash. libcrypto only fails here when it is out of memory or misbuilt; the
    /// digest then reads as such rather than as a wrong hash.
    private struct Digest {
        private let context = EVP_MD_CTX_new()
        private var failed = false

        init() {
            failed = context == nil || EVP_DigestInit_ex(context, EVP_sha256(), nil) != 1
        }

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard !failed, let base = bytes.baseAddress, !bytes.isEmpty else { return }
            failed = EVP_DigestUpdate(context, base, bytes.count) != 1
        }

        mutating func finish() -> String {
            defer { EVP_MD_CTX_free(context) }
            var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
            var length: UInt32 = 0
            guard !failed, EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
                return "sha256-unavailable"
            }
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            var text = [UInt8]()
            text.reserveCapacity(64)
            for byte in digest.prefix(32) {
                text.append(hex[Int(byte >> 4)])
                text.append(hex[Int(byte & 0x0F)])
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
