import Foundation
import KhetDigest
import KhetExport
#if canImport(Glibc)
import Glibc
#endif

/// The folder a run writes into. It is replaced as a whole and only when everything was written,
/// so a failed run never leaves half an output behind; and only when it holds nothing but what
/// Khet wrote there before, so no run ever deletes a batch's inputs or anyone else's file.
///
/// A run stages its outputs in `.NAME.khet-new-PID-TOKEN` beside the folder, moves the old folder
/// to `.NAME.khet-old-PID-TOKEN`, the new one into place, then deletes the old one. A run killed
/// in between leaves those behind; the next run removes them, or moves the old folder back when
/// the kill came between the two moves.
struct OutputFolder {
    /// Where the outputs go, as the batch or `--output` named it.
    let destination: URL
    /// The batch's input files: none may be inside the folder a run replaces.
    var inputs: [URL] = []
    /// The ledger of confirmed rounds: never inside the folder a run replaces.
    var ledger: URL? = nil
    /// The `lines.json` digests the ledger recorded: a folder holding one of them is a confirmed
    /// transfer, a record of what was sent, and is never replaced. Nil for a run that pays
    /// nothing, which never replaces a pay run's folder at all.
    var confirmedTransfers: Set<String>? = nil

    /// The folder that is written: a symbolic link is written through (its target is replaced,
    /// the link stays), never swapped for a real folder.
    var target: URL { destination.resolvingSymlinksInPath() }

    /// Refuses what would lose data: a file where the folder should be, a folder holding an
    /// input, a folder holding anything Khet did not write.
    func check() throws(StageFailure) {
        let files = FileManager.default
        let target = self.target
        let targetPath = target.standardizedFileURL.path
        for input in inputs {
            let path = input.resolvingSymlinksInPath().standardizedFileURL.path
            if path == targetPath || path.hasPrefix(targetPath + "/") {
                throw .output("the output folder \(destination.path) holds this batch's input \(input.lastPathComponent); "
                              + "a run replaces its output folder as a whole, so choose an output folder that holds no inputs")
            }
        }
        if let ledger {
            let path = ledger.resolvingSymlinksInPath().standardizedFileURL.path
            if path.hasPrefix(targetPath + "/") {
                throw .output("the ledger \(ledger.path) is inside the output folder \(destination.path), which a run replaces; "
                              + "keep the ledger beside the batch file (ledger = \"…\")")
            }
        }
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: target.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw .output("the output \(destination.path) is a file, not a folder; choose another output")
        }
        let present = Self.files(under: target)
        if present.isEmpty { return }
        guard let written = Self.filesKhetWrote(in: target) else {
            throw .output("the output folder \(destination.path) already holds files that Khet did not write; "
                          + "Khet replaces its output folder as a whole, so choose a new or empty folder")
        }
        if present.contains(Self.transferFile) {
            let digest = (try? SHA256.hex(ofFile: target.appendingPathComponent(Self.transferFile))) ?? ""
            guard let confirmed = confirmedTransfers else {
                throw .output("the output folder \(destination.path) holds a pay run's transfer (lines.json); "
                              + "a run that pays nothing never replaces it: choose another output folder")
            }
            if confirmed.contains(digest) {
                throw .output("the output folder \(destination.path) holds a transfer confirmed in the ledger: it is the record "
                              + "of what was sent and is never replaced; a later run writes its own folder")
            }
        }
        let foreign = present.subtracting(written).sorted()
        guard foreign.isEmpty else {
            let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
            throw .output("the output folder \(destination.path) holds \(foreign.count) file(s) that Khet did not write (\(shown)); "
                          + "Khet replaces its output folder as a whole, so move them out or choose another folder")
        }
    }

    /// Runs `body` against an empty staging folder next to the target, then swaps it in.
    func write(_ body: (URL) throws -> [String]) throws(StageFailure) -> [URL] {
        let files = FileManager.default
        let target = self.target
        let parent = target.deletingLastPathComponent()
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .output("cannot create \(parent.path): \(error.localizedDescription)")
        }
        Self.cleanUpAfterKilledRuns(of: target)
        let token = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).khet-new-\(token)")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).khet-old-\(token)")
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .output("cannot write in \(parent.path): \(error.localizedDescription)")
        }
        do {
            let names = try body(staging)
            if files.fileExists(atPath: target.path) {
                try files.moveItem(at: target, to: previous)
            }
            do {
                try files.moveItem(at: staging, to: target)
            } catch {
                if files.fileExists(atPath: previous.path) { try? files.moveItem(at: previous, to: target) }
                throw error
            }
            try? files.removeItem(at: previous)
            return names.map { destination.appendingPathComponent($0) }
        } catch {
            try? files.removeItem(at: staging)
            if let failure = error as? StageFailure { throw failure }
            throw .output("writing the outputs failed, nothing was changed in \(destination.path): \(error)")
        }
    }

    /// Staging and old folders of runs that were killed: a folder whose process is gone is
    /// removed, except an old folder whose move back is all that is missing.
    static func cleanUpAfterKilledRuns(of target: URL) {
        let files = FileManager.default
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).khet-"
        guard let names = try? files.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let parts = rest.split(separator: "-", maxSplits: 2)
            guard parts.count == 3, parts[0] == "new" || parts[0] == "old", let pid = Int32(parts[1]),
                  !isRunning(pid) else { continue }
            let folder = parent.appendingPathComponent(name)
            if parts[0] == "old" && !files.fileExists(atPath: target.path) {
                try? files.moveItem(at: folder, to: target)
            } else {
                try? files.removeItem(at: folder)
            }
        }
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// A pay run's transfer, as `khet confirm` records it.
    static let transferFile = "lines.json"

    /// Every file under `folder`, by path relative to it.
    static func files(under folder: URL) -> Set<String> {
        var found: Set<String> = []
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return found }
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder),
               !isFolder.boolValue {
                found.insert(path)
            }
        }
        return found
    }

    /// The files Khet's manifest.json in `folder` lists (and the manifest itself); nil when the
    /// folder has no manifest of Khet's.
    static func filesKhetWrote(in folder: URL) -> Set<String>? {
        let manifest = folder.appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: manifest.path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any], json["tool"] as? String == "khet"
        else { return nil }
        let outputs = (json["outputs"] as? [[String: Any]]) ?? []
        return Set(outputs.compactMap { $0["path"] as? String } + ["manifest.json"])
    }
}
