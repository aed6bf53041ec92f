import Foundation
import KhetCore
import XLSXWriter

/// `allocation-<FY>.xlsx`: the area's free-education allocation for the fiscal year. A summary
/// sheet, one sheet per payment round with the count × rate detail, the rates used and the
/// warnings of the run.
public struct AreaWorkbook {
    public let report: AreaAllocationReport

    public init(report: AreaAllocationReport) { self.report = report }

    public var fileName: String { "allocation-\(report.fiscalYear.year).xlsx" }

    /// Writes the workbook into `folder` and returns its path.
    @discardableResult
    public func write(into folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(fileName)
        let labels = Labels(language: report.language)
        let workbook = try Workbook(path: url.path)
        try workbook.setProperties(DocumentProperties(
            created: report.batchDate.unixTime,
            title: labels.summaryTitle(report.freeEducation?.name(report.language) ?? "", report.fiscalYear),
            subject: report.framework.isProvisional ? labels.draftHeader : nil,
            author: "Khet",
            company: report.area.name,
            comments: "Framework: \(report.framework.origin) (\(report.framework.status.rawValue))"))
        try SummarySheet(report: report, labels: labels).write(into: workbook)
        for round in report.allocation.rounds {
            try RoundSheet(report: report, round: round, labels: labels).write(into: workbook)
        }
        try RatesSheet(report: report, labels: labels).write(into: workbook)
        try DiagnosticsSheet(report: report, labels: labels).write(into: workbook)
        try workbook.close()
        return url
    }
}
