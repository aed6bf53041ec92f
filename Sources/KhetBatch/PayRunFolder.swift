import Foundation
import KhetCore

/// Where a run writes. A run that pays nothing (a plan of the year) writes its `output` folder,
/// replacing an earlier plan there. A pay run writes a folder of its own beside it, named by its
/// rounds and batch date (`tak2-fy2568_1-2568-advance+year_2568-04-20`), so April's notices are
/// still there in July; `--output` names the folder instead.
enum PayRunFolder {
    static func destination(of manifest: BatchManifest) -> URL {
        guard let payment = manifest.payment, !manifest.outputIsExact else { return manifest.output }
        let rounds = payment.rounds.isEmpty ? "correction" : payment.rounds.map { $0.text.replacingOccurrences(of: "/", with: "-") }
            .joined(separator: "+")
        let name = "\(manifest.output.lastPathComponent)_\(rounds)_\(manifest.batchDate.isoBE)"
        return manifest.output.deletingLastPathComponent().appendingPathComponent(name)
    }
}
