import Foundation
import KhetDigest

/// `manifest.json`: what a batch read and wrote, each file with its SHA-256, so the office can
/// prove which data produced which workbook. Holds file names and digests only, never contents.
public struct OutputManifest: Encodable {
    public struct Entry: Encodable, Sendable {
        public var role: String
        public var path: String
        public var sha256: String
        public var bytes: Int

        /// For files whose digest is already known (the notices), so nothing is hashed twice.
        public init(role: String, path: String, sha256: String, bytes: Int) {
            self.role = role
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    public var tool: String
    public var version: String
    public var area: String
    public var fiscalYear: Int
    public var batchDate: String
    public var framework: String
    public var frameworkStatus: String
    public var inputs: [Entry] = []
    public var outputs: [Entry] = []

    public init(tool: String = "khet", version: String, area: String, fiscalYear: Int, batchDate: String,
                framework: String, frameworkStatus: String) {
        self.tool = tool
        self.version = version
        self.area = area
        self.fiscalYear = fiscalYear
        self.batchDate = batchDate
        self.framework = framework
        self.frameworkStatus = frameworkStatus
    }

    public static func entry(role: String, file: URL, shownAs path: String) throws -> Entry {
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        return Entry(role: role, path: path, sha256: try SHA256.hex(ofFile: file), bytes: size)
    }

    /// Writes the manifest as stable, sorted, pretty JSON.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: url)
    }
}
