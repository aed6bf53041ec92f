import Foundation

/// How a run goes, as the analyst asked for it on the command line.
public struct BatchOptions: Sendable {
    /// Write into this folder instead of the batch file's `output`.
    public var output: String?
    /// A national batch also writes every area's school notices (an area's own run always does).
    public var notices = false
    /// A national batch's areas calculated and written at once.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// A national batch writes every round's lines (count × rate) in its area workbooks, as an
    /// area's own run does, instead of one row per school and round.
    public var roundLines = false
    /// Measure each stage (`BatchOutcome.timings`).
    public var measuresTimings = false
    /// An area's run also prints every school notice to PDF (`schools/<code>.pdf`) with
    /// LibreOffice, as the batch's `notice_pdf = true` does.
    public var noticePDF = false

    public init(output: String? = nil, notices: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                roundLines: Bool = false, measuresTimings: Bool = false, noticePDF: Bool = false) {
        self.noticePDF = noticePDF
        self.output = output
        self.notices = notices
        self.jobs = jobs
        self.roundLines = roundLines
        self.measuresTimings = measuresTimings
    }
}
