import Foundation
import KhetCore
import XLSXWriter

/// `distribution.xlsx`: one row per notice written, with its total and the SHA-256 of the file,
/// so the office can check that what it sent is what Khet wrote, and that the notices add up.
public struct DistributionList {
    public static let fileName = "distribution.xlsx"

    public let report: AreaAllocationReport
    public let notices: [NoticeRecord]

    public init(report: AreaAllocationReport, notices: [NoticeRecord]) {
        self.report = report
        self.notices = notices
    }

    /// The digest a little smaller than the text, wrapped on two lines of 32 digits, so the list
    /// stays one landscape page wide at a legible scale.
    private static let digest = CellFormat(fontName: WorkbookStyle.font, fontSize: 12, numberFormat: "@", verticalAlignment: .top,
                                           wrapText: true, border: .thin)
    private static let digestRowHeight = WorkbookStyle.lineHeight(12) * 2 + 2

    @discardableResult
    public func write(into folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(Self.fileName)
        let labels = Labels(language: report.language)
        let workbook = try Workbook(path: url.path)
        try workbook.setProperties(DocumentProperties(
            created: report.batchDate.unixTime, title: labels.distributionTitle(report.fiscalYear),
            subject: report.framework.isProvisional ? labels.draftHeader : nil,
            author: "Khet", company: report.area.name))
        let sheet = try workbook.addWorksheet(named: labels.distributionSheet)
        let headers = [labels.schoolCode, labels.school, labels.district, labels.noticeFile, labels.noticeTotal, labels.fileDigest]
        // A pay run's list is the list of one transfer: its subtitle names the rounds.
        let subtitle = [labels.dataAsOf(report.area, batchDate: report.batchDate)]
            + (report.transfer.map { [labels.transferLine($0, advancePercent: report.framework.advance.percent)] } ?? [])
        let heading = SheetHeading(title: labels.distributionTitle(report.fiscalYear),
                                   subtitle: subtitle.joined(separator: " • "),
                                   isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)

        let totalColumn = 4
        let firstDataRow = headerRow + 1
        var row = firstDataRow
        for notice in notices {
            try sheet.write(notice.school.code, row: row, column: 0, format: WorkbookStyle.code)
            try sheet.write(notice.school.name, row: row, column: 1, format: WorkbookStyle.text)
            try sheet.write(notice.school.district, row: row, column: 2, format: WorkbookStyle.text)
            try sheet.write(notice.path, row: row, column: 3, format: WorkbookStyle.text)
            try sheet.write(notice.total.cellValue, row: row, column: totalColumn, format: WorkbookStyle.money)
            try sheet.setRowHeight(Self.digestRowHeight, row: row)
            try sheet.write(notice.sha256, row: row, column: 5, format: Self.digest)
            row += 1
        }
        let lastDataRow = row - 1
        try sheet.write("\(labels.allNotices) (\(notices.count))", row: row, column: 0, format: WorkbookStyle.totalLabel)
        for column in 1..<headers.count where column != totalColumn {
            try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.totalLabel)
        }
        let sum = lastDataRow >= firstDataRow
            ? "=SUM(\(CellReference.a1(row: firstDataRow, column: totalColumn)):\(CellReference.a1(row: lastDataRow, column: totalColumn)))"
            : "=0"
        try sheet.writeFormula(sum, cached: notices.map(\.total).sum().cellValue, row: row, column: totalColumn,
                               format: WorkbookStyle.totalMoney)

        try sheet.freezePanes(row: firstDataRow, column: 0)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(lastDataRow, headerRow),
                                       lastColumn: headers.count - 1))
        try sheet.setColumnWidth(13, columns: 0...0)
        // `schools/` and a 10-digit code: 23 characters of 14-point text.
        try sheet.setColumnWidth(31, columns: 3...3)
        try sheet.setColumnWidth(17, columns: totalColumn...totalColumn)
        // 32 hex digits at 12 points a line (35 units), padding, and room for the fit-to-width
        // scale's rounding: at 38 a line could break at 31 digits and spill onto the next row.
        try sheet.setColumnWidth(40, columns: 5...5)
        sheet.fitColumnsToContent(minimum: 10, maximum: 36)
        try workbook.close()
        return url
    }
}
