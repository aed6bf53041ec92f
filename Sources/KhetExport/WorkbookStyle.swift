import XLSXWriter

/// The look of every Khet workbook: TH Sarabun New, as Thai government documents use, in a few
/// named formats so sheets stay consistent.
enum WorkbookStyle {
    static let font = "TH Sarabun New"
    static let size = 14.0
    static let moneyFormat = "#,##0.00"
    static let countFormat = "#,##0"
    /// Points per line of text `size` points tall: TH Sarabun's line (its tone marks above and
    /// vowels below) is 1.66 times its size, as LibreOffice lays it out (26.5 points apart at 16).
    static func lineHeight(_ size: Double) -> Double { (size * 1.66 * 4).rounded(.up) / 4 }

    /// Points per row: one line of TH Sarabun New at 14 points.
    static let rowHeight = lineHeight(size)

    /// The height of a row whose wrapped text of `clusters` characters sits in a column of
    /// `width`, as `TextWidth.wrappedLines` counts its lines.
    static func wrappedRowHeight(clusters: Int, width: Double) -> Double {
        let perLine = max((width - 1.5) * 0.66, 1)
        let lines = max(1, Int((Double(clusters) / perLine).rounded(.up)))
        return min(409, Double(lines) * rowHeight + 2)
    }

    static let title = CellFormat(fontName: font, fontSize: 18, bold: true)
    static let subtitle = CellFormat(fontName: font, fontSize: size)
    static let draftBanner = CellFormat(fontName: font, fontSize: 16, bold: true, fontColor: 0xC00000, fill: 0xFFF2CC,
                                        horizontalAlignment: .left, border: .medium, borderColor: 0xC00000)
    static let header = CellFormat(fontName: font, fontSize: size, bold: true, fill: 0xDDEBF7,
                                   horizontalAlignment: .center, verticalAlignment: .center, wrapText: true, border: .thin)
    static let text = CellFormat(fontName: font, fontSize: size, border: .thin)
    static let code = CellFormat(fontName: font, fontSize: size, numberFormat: "@", border: .thin)
    /// A school code at the top of its row, as the wrapped texts beside it.
    static let codeTop = CellFormat(fontName: font, fontSize: size, numberFormat: "@", verticalAlignment: .top, border: .thin)
    static let count = CellFormat(fontName: font, fontSize: size, numberFormat: countFormat, border: .thin)
    static let countTop = CellFormat(fontName: font, fontSize: size, numberFormat: countFormat, verticalAlignment: .top, border: .thin)
    static let money = CellFormat(fontName: font, fontSize: size, numberFormat: moneyFormat, border: .thin)
    static let moneyTop = CellFormat(fontName: font, fontSize: size, numberFormat: moneyFormat, verticalAlignment: .top, border: .thin)
    static let totalLabel = CellFormat(fontName: font, fontSize: size, bold: true, fill: 0xF2F2F2, border: .thin,
                                       topBorder: .medium)
    static let totalCount = CellFormat(fontName: font, fontSize: size, bold: true, fill: 0xF2F2F2,
                                       numberFormat: countFormat, border: .thin, topBorder: .medium)
    static let totalMoney = CellFormat(fontName: font, fontSize: size, bold: true, fill: 0xF2F2F2,
                                       numberFormat: moneyFormat, border: .thin, topBorder: .medium)
    static let note = CellFormat(fontName: font, fontSize: size, wrapText: false)
    static let wrapped = CellFormat(fontName: font, fontSize: size, verticalAlignment: .top, wrapText: true, border: .thin)
    static let label = CellFormat(fontName: font, fontSize: size, bold: true, verticalAlignment: .top)
    static let fact = CellFormat(fontName: font, fontSize: size, verticalAlignment: .top, wrapText: true)
}
