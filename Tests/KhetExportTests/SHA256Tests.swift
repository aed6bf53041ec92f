import Foundation
import KhetDigest
import KhetTestSupport
import XCTest

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex(of: Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testFileDigestMatchesTheSystemTool() throws {
        let folder = try TemporaryDirectory()
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = folder.file("blob")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let expected = try ProcessRunner.run("/usr/bin/env", ["sha256sum", path]).standardOutput.prefix(64)
        XCTAssertEqual(try SHA256.hex(ofFile: URL(fileURLWithPath: path)), String(expected))
        XCTAssertEqual(SHA256.hex(of: bytes), String(expected))
    }
}
