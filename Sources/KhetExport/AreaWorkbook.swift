import Foundation
import KhetCalc
import KhetCore
import XLSXWriter

/// `allocation-<FY>.xlsx`: the area's free-education allocation for the fiscal year. A summary
/// sheet, one sheet per payment round with the count × rate detail, the rates used and the
/// warnings of the run.
public struct AreaWorkbook {
    /// How a per-pupil programme's payment rounds are shown.
    public enum RoundDetail: Sendable {
        /// One sheet per round, one row per allocation line (count × rate): what an area office
        /// checks and explains. About 26 rows a school a round.
        case lines
        /// One sheet for all rounds, one row per school and a column per round: a national run's
        /// view, a twentieth of the size; the lines stay in each area's own run and its notices.
        case schoolTotals
    }

    public let report: AreaAllocationReport
    public var roundDetail: RoundDetail

    public init(report: AreaAllocationReport, roundDetail: RoundDetail = .lines) {
        self.report = report
        self.roundDetail = roundDetail
    }

    public var fileName: String { "allocation-\(report.fiscalYear.year).xlsx" }

    /// Writes the workbook into `folder` and returns its path.
    @discardableResult
    public func write(into folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(fileName)
        let labels = Labels(language: report.language)
        let workbook = try Workbook(path: url.path)
        try workbook.setProperties(DocumentProperties(
            created: report.batchDate.unixTime,
            title: labels.areaSummaryTitle(report.fiscalYear)
                + (report.transfer.map { " — " + labels.transferLine($0, advancePercent: report.framework.advance.percent) } ?? ""),
            subject: report.framework.isProvisional ? labels.draftHeader : nil,
            author: "Khet",
            company: report.area.name,
            comments: "Framework: \(report.framework.origin) (\(report.framework.status.rawValue))"))
        var names = SheetNamer()
        let programmes = report.framework.programmes
        let totalsByProgramme = report.allocation.totalsBySchoolAndProgramme()
        try SchoolTotalsSheet(
            report: report, labels: labels, sheetName: names.name(labels.summarySheet),
            title: labels.areaSummaryTitle(report.fiscalYear)
                + (report.transfer.map { " — " + labels.transferLine($0, advancePercent: report.framework.advance.percent) } ?? ""),
            columns: programmes.map { programme in
                .init(header: programme.shortName(report.language),
                      amounts: totalsByProgramme.compactMapValues { $0[programme.id] })
            },
            totalName: "AreaTotal").write(into: workbook)
        try DistrictSheet(report: report, labels: labels, sheetName: names.name(labels.districtSheet)).write(into: workbook)
        for programme in programmes {
            try writeProgramme(programme, into: workbook, labels: labels, names: &names)
        }
        try EnvelopeSheet(report: report, labels: labels, sheetName: names.name(labels.envelopeSheet)).write(into: workbook)
        if report.transfer != nil {
            try CorrectionsSheet(report: report, labels: labels, sheetName: names.name(labels.correctionsSheet)).write(into: workbook)
        }
        try RatesSheet(report: report, labels: labels).write(into: workbook)
        try DiagnosticsSheet(report: report, labels: labels).write(into: workbook)
        try workbook.close()
        return url
    }

    /// A per-pupil programme gets a sheet of its items per school and one sheet per round; a
    /// programme paid once for the year gets one detail sheet.
    private func writeProgramme(_ programme: Programme, into workbook: Workbook, labels: Labels, names: inout SheetNamer) throws {
        let language = report.language
        guard case .perPupil = programme.rule else {
            try ProgrammeDetailSheet(report: report, programme: programme, labels: labels,
                                     sheetName: names.name(programme.shortName(language))).write(into: workbook)
            return
        }
        var byItem: [String: [String: Money]] = [:]
        for line in report.allocation.lines where line.programmeID == programme.id {
            byItem[line.itemID, default: [:]][line.schoolCode, default: .zero] += line.amount
        }
        var columns = programme.items.map { SchoolTotalsSheet.Column(header: labels.shortName($0), amounts: byItem[$0.id] ?? [:]) }
        if let scaling = byItem[AreaAllocator.envelopeItemID] {
            columns.append(.init(header: labels.envelopeAdjustment, amounts: scaling))
        }
        try SchoolTotalsSheet(report: report, labels: labels, sheetName: names.name(programme.shortName(language)),
                              title: labels.summaryTitle(programme.name(language), report.fiscalYear),
                              columns: columns, totalName: nil).write(into: workbook)
        let percent = report.framework.advance.percent
        let rounds = report.allocation.rounds(of: programme.id)
        if roundDetail == .schoolTotals {
            var byRound: [PaymentRound: [String: Money]] = [:]
            for line in report.allocation.lines where line.programmeID == programme.id {
                byRound[line.round, default: [:]][line.schoolCode, default: .zero] += line.amount
            }
            let name = programme.shortName(language)
            try SchoolTotalsSheet(report: report, labels: labels, sheetName: names.name(labels.roundsSheet(name)),
                                  title: labels.roundsTitle(programme.name(language), report.fiscalYear),
                                  columns: rounds.map { .init(header: $0.sheetName(language, advancePercent: percent),
                                                              amounts: byRound[$0] ?? [:]) },
                                  totalName: nil).write(into: workbook)
            return
        }
        for round in rounds {
            try RoundSheet(report: report, programme: programme, round: round, labels: labels,
                           sheetName: names.name(round.sheetName(language, advancePercent: percent))).write(into: workbook)
        }
    }
}
