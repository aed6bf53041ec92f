import Foundation
import XCTest

/// A fresh folder per test, removed afterwards, so tests never see each other's files.
class TemporaryFolderTestCase: XCTestCase {
    private(set) var folder = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("XLSXWriterTests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
        try super.tearDownWithError()
    }

    func path(_ name: String) -> String {
        folder + "/" + name
    }

    func fileExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
