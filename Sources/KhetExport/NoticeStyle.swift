import XLSXWriter

/// The few formats only a notice needs, on top of `WorkbookStyle`: headings that group the table
/// by round and programme, and wrapped cells for explanations and citations.
enum NoticeStyle {
    static let roundHeading = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, bold: true,
                                         fill: 0xDDEBF7, border: .thin)
    static let programmeHeading = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, italic: true,
                                             wrapText: true, border: .thin)
    static let explanation = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size,
                                        verticalAlignment: .top, wrapText: true, border: .thin)
    static let subtotalLabel = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, bold: true,
                                          border: .thin)
    static let subtotalMoney = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, bold: true,
                                          numberFormat: WorkbookStyle.moneyFormat, border: .thin)
    static let words = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, bold: true,
                                  verticalAlignment: .top, wrapText: true)
    static let citation = CellFormat(fontName: WorkbookStyle.font, fontSize: 12, verticalAlignment: .top, wrapText: true)
}
