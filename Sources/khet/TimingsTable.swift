import Foundation
import KhetBatch

/// `khet run --timings`: the stages as a table on standard error, one stage a line.
enum TimingsTable {
    static func text(_ timings: StageTimings) -> String {
        var lines = ["stage                      seconds        items       items/s"]
        for stage in timings.stages {
            let name = stage.name.padding(toLength: 24, withPad: " ", startingAt: 0)
            var line = "\(name) " + String(format: "%9.3f", stage.seconds)
            if stage.items > 0 {
                let itemsPerSecond = stage.seconds > 0 ? Double(stage.items) / stage.seconds : 0
                line += String(format: " %12d %13.0f ", stage.items, itemsPerSecond) + stage.unit
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
