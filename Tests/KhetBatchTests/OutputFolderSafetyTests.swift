import Foundation
import KhetBatch
import KhetCore
import KhetTestSupport
import XCTest

/// A run never deletes what it did not write: not the batch's own inputs, not a file someone put
/// in the output folder, not a symbolic link; and what a killed run left behind is cleaned up.
final class OutputFolderSafetyTests: XCTestCase {
    private func run(_ batch: String, output: String? = nil) -> BatchFailure? {
        do {
            _ = try BatchRunner(options: BatchOptions(output: output)).run(batch: batch)
            return nil
        } catch {
            return error
        }
    }

    private func names(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func testInputsSavedIntoTheOutputFolderAreNeverDeleted() throws {
        let folder = try Repository.sampleCopy("khet-safety-inputs")
        XCTAssertNil(run(folder.file("batch.toml"), output: folder.file("out")))
        // The analyst saves the batch and its files into the folder the run wrote, and runs it there.
        let out = folder.file("out")
        for name in try names(folder.path) where name != "out" {
            try FileManager.default.copyItem(atPath: folder.file(name), toPath: out + "/" + name)
        }
        let batch = try String(contentsOfFile: out + "/batch.toml", encoding: .utf8)
            .replacingOccurrences(of: "output = \"../../out/tak2-fy2568\"", with: "output = \".\"")
        try batch.write(toFile: out + "/batch.toml", atomically: true, encoding: .utf8)
        let before = try names(out)
        let failure = try XCTUnwrap(run(out + "/batch.toml"))
        XCTAssertEqual(failure.stage, .output)
        XCTAssertTrue(failure.message?.contains("holds this batch's input") ?? false, failure.message ?? "")
        XCTAssertEqual(try names(out), before)
        // An output folder that is the batch's own folder is refused the same way.
        XCTAssertEqual(run(folder.file("batch.toml"), output: folder.path)?.stage, .output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("schools.csv")))
    }

    func testAFileSomeoneAddedKeepsTheFolderFromBeingReplaced() throws {
        let folder = try Repository.sampleCopy("khet-safety-foreign")
        XCTAssertNil(run(folder.file("batch.toml"), output: folder.file("out")))
        XCTAssertNil(run(folder.file("batch.toml"), output: folder.file("out")), "Khet's own folder is replaced")
        try "sent to 200 schools on 2 May\n".write(toFile: folder.file("out/sent-log.txt"), atomically: true, encoding: .utf8)
        let failure = try XCTUnwrap(run(folder.file("batch.toml"), output: folder.file("out")))
        XCTAssertEqual(failure.stage, .output)
        XCTAssertTrue(failure.message?.contains("sent-log.txt") ?? false, failure.message ?? "")
        XCTAssertEqual(try String(contentsOfFile: folder.file("out/sent-log.txt"), encoding: .utf8), "sent to 200 schools on 2 May\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("out/allocation-2568.xlsx")))
    }

    func testASymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let folder = try Repository.sampleCopy("khet-safety-link")
        try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.file("link"), withDestinationPath: "real")
        for _ in 0..<2 {
            XCTAssertNil(run(folder.file("batch.toml"), output: folder.file("link")))
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("link")), "real")
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.file("real/manifest.json")))
        }
        XCTAssertFalse(try names(folder.path).contains { $0.contains(".khet-") })
    }

    func testWhatAKilledRunLeftBehindIsCleanedUpOrPutBack() throws {
        let folder = try Repository.sampleCopy("khet-safety-killed")
        XCTAssertNil(run(folder.file("batch.toml"), output: folder.file("out")))
        let written = try names(folder.file("out"))
        // A staging folder of a run that no longer exists (pid 2147483646), and an old folder
        // moved aside by a killed run just before its new folder was moved into place.
        try FileManager.default.createDirectory(atPath: folder.file(".out.khet-new-2147483646-deadbeef/schools"),
                                                withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder.file("out"), toPath: folder.file(".out.khet-old-2147483646-deadbeef"))
        XCTAssertNil(run(folder.file("batch.toml"), output: folder.file("out")))
        XCTAssertEqual(try names(folder.file("out")), written)
        XCTAssertEqual(try names(folder.path).filter { $0.contains(".khet-") }, [])
    }
}
