import XLSXWriter

/// The look of every Khet workbook: TH Sarabun New, as Thai government documents use, in a few
/// named formats so sheets stay consistent.
enum WorkbookStyle {
    static let font = "TH Sarabun New"
    static let size = 14.0
    static let moneyFormat = "#,##0.00"
    static let countFormat = "#,##0"
    /// Points per row: TH Sarabun New at 14 points with tone marks above and vowels below.
    static let rowHeight = 21.75

    /// The height of a row whose wrapped text of `clusters` characters sits in a column of
    /// `width`; Sarabun fits about one Thai character per unit of column width.
    static func wrappedRowHeight(clusters: Int, width: Double) -> Double {
        let perLine = max(Int(width), 1)
        let lines = max(1, (clusters + perLine - 1) / perLine)
        return min(409, Double(lines) * rowHeight)
    }

    static let title = CellFormat(fontName: font, fontSize: 18, bold: true)
    static let subtitle = CellFormat(fontName: font, fontSize: size)
    static let draftBanner = CellFormat(fontName: font, fontSize: 16, bold: true, fontColor: 0xC00000, fill: 0xFFF2CC,
                                        horizontalAlignment: .left, border: .medium, borderColor: 0xC00000)
    static let header = CellFormat(fontName: font, fontSize: size, bold: true, fill: 0xDDEBF7,
                                   horizontalAlignment: .center, verticalAlignment: .center, wrapText: true, border: .thin)
    static let text = CellFormat(fontName: font, fontSize: size, border: .thin)
    static let code = CellFormat(fontName: font, fontSize: size, numberFormat: "@", border: .thin)
    static let count = CellFormat(fontName: font, fontSize: size, numberFormat: countFormat, border: .thin)
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
