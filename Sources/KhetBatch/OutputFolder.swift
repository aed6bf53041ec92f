import Foundation

/// The folder a run writes into. It is replaced as a whole and only when everything was written,
/// so a failed run never leaves half an output behind, and only when Khet wrote it before.
enum OutputFolder {
    /// The output folder is replaced as a whole, so it must be one Khet wrote (it has Khet's
    /// manifest.json) or be empty or new: a mistyped `output` must never delete someone's folder.
    static func check(_ destination: URL) throws {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: destination.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw StageFailure.output("the output \(destination.path) is a file, not a folder; choose another output")
        }
        let contents = (try? files.contentsOfDirectory(atPath: destination.path)) ?? []
        if contents.isEmpty { return }
        let manifest = destination.appendingPathComponent("manifest.json")
        if let data = files.contents(atPath: manifest.path),
           let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any], json["tool"] as? String == "khet" {
            return
        }
        throw StageFailure.output("the output folder \(destination.path) already holds files that Khet did not write; "
                             + "Khet replaces its output folder as a whole, so choose a new or empty folder")
    }

    /// Runs `body` against an empty staging folder next to `destination`, then swaps it in.
    static func write(into destination: URL, _ body: (URL) throws -> [String]) throws -> [URL] {
        let files = FileManager.default
        let parent = destination.deletingLastPathComponent()
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw StageFailure.output("cannot create \(parent.path): \(error.localizedDescription)")
        }
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).khet-new-\(token)")
        let previous = parent.appendingPathComponent(".\(destination.lastPathComponent).khet-old-\(token)")
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw StageFailure.output("cannot write in \(parent.path): \(error.localizedDescription)")
        }
        do {
            let names = try body(staging)
            if files.fileExists(atPath: destination.path) {
                try files.moveItem(at: destination, to: previous)
            }
            do {
                try files.moveItem(at: staging, to: destination)
            } catch {
                if files.fileExists(atPath: previous.path) { try? files.moveItem(at: previous, to: destination) }
                throw error
            }
            try? files.removeItem(at: previous)
            return names.map { destination.appendingPathComponent($0) }
        } catch {
            try? files.removeItem(at: staging)
            if let failure = error as? StageFailure { throw failure }
            throw StageFailure.output("writing the outputs failed, nothing was changed in \(destination.path): \(error)")
        }
    }
}
