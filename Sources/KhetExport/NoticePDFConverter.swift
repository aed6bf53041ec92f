import Foundation

/// Prints notices to PDF with LibreOffice (`soffice --headless --convert-to pdf`), because
/// schools print and file PDFs. LibreOffice is optional: Khet looks for it only when PDFs are
/// asked for, and says what to install when it is missing.
///
/// Each conversion gets its own LibreOffice profile folder, so runs side by side never share
/// (and never lock) one, and several files go to one `soffice` call, since starting it costs
/// more than converting a notice. A PDF carries LibreOffice's creation time, so unlike the
/// workbooks the PDFs are not the same bytes from run to run; manifest.json fingerprints them.
public struct NoticePDFConverter: Sendable {
    /// The Debian package that provides `soffice` without a desktop.
    public static let debianPackage = "libreoffice-calc-nogui"

    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "PDF notices need LibreOffice, and no 'soffice' was found on PATH: install it (apt-get install \(NoticePDFConverter.debianPackage)) or run without PDF notices"
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let file: String
        public let detail: String
        public var description: String { "LibreOffice did not convert \(file) to PDF: \(detail)" }
    }

    public let soffice: String
    /// Files handed to one `soffice` call.
    public var filesPerCall = 40

    public init(soffice: String) { self.soffice = soffice }

    /// The converter, or `Missing` when no `soffice` is on PATH.
    public static func located(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws(Missing) -> NoticePDFConverter {
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return NoticePDFConverter(soffice: candidate) }
            }
        }
        throw Missing()
    }

    /// Converts every file into a PDF of the same name beside it; returns the PDFs in order.
    public func convert(_ files: [URL]) throws -> [URL] {
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("khet-soffice-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        var pdfs: [URL] = []
        var start = 0
        while start < files.count {
            let chunk = Array(files[start..<min(start + max(filesPerCall, 1), files.count)])
            try convertChunk(chunk, profile: profile)
            for file in chunk {
                let pdf = file.deletingPathExtension().appendingPathExtension("pdf")
                let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? NSNumber)?.intValue ?? 0
                guard size > 0 else { throw Failure(file: file.lastPathComponent, detail: "no PDF was written") }
                pdfs.append(pdf)
            }
            start += chunk.count
        }
        return pdfs
    }

    private func convertChunk(_ files: [URL], profile: URL) throws {
        guard let folder = files.first?.deletingLastPathComponent() else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                             "--convert-to", "pdf", "--outdir", folder.path] + files.map(\.path)
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        var environment = ProcessInfo.processInfo.environment
        // LibreOffice writes into HOME even with its own profile; keep that away from the user's.
        environment["HOME"] = profile.path
        process.environment = environment
        do {
            try process.run()
        } catch {
            throw Failure(file: files[0].lastPathComponent, detail: "\(soffice) could not be started (\(error))")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message.prefix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(file: files[0].lastPathComponent, detail: "soffice exited with status \(process.terminationStatus): \(text)")
        }
    }
}
