import Foundation
import KhetTestSupport
import XCTest

/// `make install`'s layout, tried as an office machine would see it: the built binary installed
/// into a temporary prefix by the same script, far from the build folder's resources, runs the
/// sample with the same bytes; without its data folder it says so in one line and exits 1.
final class InstallTests: XCTestCase {
    /// Installs the binary the tests run into `prefix` with `packaging/install.sh`.
    private func install(into prefix: String) throws {
        let result = try ProcessRunner.run("/usr/bin/env", ["bash", Repository.path("packaging/install.sh"), prefix,
                                                            Repository.khetBinary])
        XCTAssertEqual(result.status, 0, result.standardError)
    }

    private func contents(of folder: String) throws -> [String: Data] { try FolderContents.read(folder) }

    /// The environment without KHET_DATA, so the installed program finds its data by itself.
    private var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["KHET_DATA"] = nil
        return environment
    }

    func testTheInstalledTreeRunsTheSampleWithTheSameBytes() throws {
        let folder = try TemporaryDirectory("khet-install")
        let prefix = folder.file("prefix")
        try install(into: prefix)
        for path in ["bin/khet", "share/khet/frameworks/fy2568.xml", "share/khet/schema/framework.xsd",
                     "share/khet/report/report.mustache", "share/khet/evaluation/scales.xml", "share/man/man1/khet.1.gz"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: prefix + "/" + path), path)
        }
        // The build folder's resources are not beside the installed binary.
        XCTAssertFalse(FileManager.default.fileExists(atPath: prefix + "/bin/Khet_KhetTemplates.resources"))

        let version = try ProcessRunner.run(prefix + "/bin/khet", ["--version"], environment: environment)
        XCTAssertEqual(version.status, 0, version.standardError)
        XCTAssertEqual(version.standardOutput, "0.1.0\ndata: \(prefix)/share/khet\n")

        let sample = try Repository.sampleCopy("khet-install-sample")
        let installed = try ProcessRunner.run(prefix + "/bin/khet", ["run", sample.file("batch.toml"), "-o", sample.file("installed"), "-q"],
                                              environment: environment)
        XCTAssertEqual(installed.status, 0, installed.standardError)
        let built = try ProcessRunner.khet(["run", sample.file("batch.toml"), "-o", sample.file("built"), "-q"])
        XCTAssertEqual(built.status, 0, built.standardError)
        let outputs = try contents(of: sample.file("installed"))
        XCTAssertEqual(outputs.count, 206)
        XCTAssertEqual(outputs, try contents(of: sample.file("built")), "the installed tree writes the same bytes")

        // A symbolic link elsewhere (/usr/local/bin/khet → /opt/khet/bin/khet) finds the same data.
        let link = folder.file("elsewhere/khet")
        try FileManager.default.createDirectory(atPath: folder.file("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: prefix + "/bin/khet")
        let linked = try ProcessRunner.run(link, ["--version"], environment: environment)
        XCTAssertEqual(linked.standardOutput, "0.1.0\ndata: \(prefix)/share/khet\n")

        // The man page comes from the argument parser's help: every subcommand is in it.
        let page = try ProcessRunner.run("/usr/bin/env", ["bash", "-c", "gzip -dc '\(prefix)/share/man/man1/khet.1.gz'"])
        for section in [".TH KHET 1", ".SS khet run", ".SS khet validate", ".SS khet explain", ".SS khet sample", "KHET_DATA"] {
            XCTAssertTrue(page.standardOutput.contains(section), "the man page has no '\(section)'")
        }
    }

    func testWithoutItsDataFolderKhetSaysSoInOneLineAndExitsOne() throws {
        let folder = try TemporaryDirectory("khet-install-broken")
        let prefix = folder.file("prefix")
        try install(into: prefix)
        try FileManager.default.moveItem(atPath: prefix + "/share/khet", toPath: folder.file("moved"))
        let sample = try Repository.sampleCopy("khet-install-nodata")
        for arguments in [["run", sample.file("batch.toml"), "-o", sample.file("out")],
                          ["validate", sample.file("batch.toml")], ["explain", sample.file("batch.toml"), "9963020001"]] {
            let result = try ProcessRunner.run(prefix + "/bin/khet", arguments, environment: environment)
            XCTAssertEqual(result.status, 1, "\(arguments[0]): \(result.standardError)")
            XCTAssertEqual(result.standardOutput, "")
            let lines = result.standardError.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, result.standardError)
            XCTAssertTrue(result.standardError.hasPrefix("khet: Khet's data files"), result.standardError)
            XCTAssertTrue(result.standardError.contains("\(prefix)/share/khet") && result.standardError.contains("KHET_DATA"),
                          result.standardError)
            XCTAssertFalse(result.standardError.contains("Fatal error"), result.standardError)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: sample.file("out")))
        let version = try ProcessRunner.run(prefix + "/bin/khet", ["--version"], environment: environment)
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.standardOutput.hasPrefix("0.1.0\ndata: not found"), version.standardOutput)

        // KHET_DATA points at the moved folder: it is used.
        var moved = environment
        moved["KHET_DATA"] = folder.file("moved")
        let overridden = try ProcessRunner.run(prefix + "/bin/khet", ["validate", sample.file("batch.toml")], environment: moved)
        XCTAssertEqual(overridden.status, 0, overridden.standardError)
    }
}
