import Foundation
import KhetTestSupport
import XCTest

/// `kill -9` at any moment of a run leaves the earlier output as it was (or the new one whole),
/// and the next run cleans up after it.
final class KilledRunTests: XCTestCase {
    private func contents(of folder: String) throws -> [String: Data] { try FolderContents.read(folder) }

    func testKillingARunAtAnyMomentKeepsTheEarlierOutput() throws {
        let folder = try Repository.sampleCopy("khet-killed")
        let output = folder.file("out")
        let first = try ProcessRunner.khet(["run", folder.file("batch.toml"), "-o", output, "-q"])
        XCTAssertEqual(first.status, 0, first.standardError)
        let earlier = try contents(of: output)
        for delay in [0.05, 0.3, 0.8, 1.5, 2.5] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Repository.khetBinary)
            process.arguments = ["run", folder.file("batch.toml"), "-o", output, "-q"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Same inputs, same bytes: the folder is the earlier output whether or not the run got to
            // the swap; killed between its two moves, the earlier output waits beside it, whole.
            if FileManager.default.fileExists(atPath: output) {
                XCTAssertEqual(try contents(of: output), earlier, "killed after \(delay) s")
            } else {
                let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out.khet-old-") }
                XCTAssertEqual(aside.count, 1, "killed after \(delay) s: the output is gone")
                XCTAssertEqual(try contents(of: folder.file(aside.first ?? "")), earlier)
            }
        }
        let again = try ProcessRunner.khet(["run", folder.file("batch.toml"), "-o", output, "-q"])
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertEqual(try contents(of: output), earlier)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".khet-") }
        XCTAssertEqual(leftovers, [], "the next run removed what the killed runs left")
    }
}
