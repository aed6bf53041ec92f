import KhetCore
import XLSXWriter

/// Cell formats and writers the evaluation sheets share: rates to two decimals, "not reported"
/// in grey wherever a result is missing (never a 0), and the conditional colours of levels.
enum EvaluationCells {
    static let percentFormat = "0.00"
    static let percent = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, numberFormat: percentFormat,
                                    horizontalAlignment: .right, border: .thin)
    static let totalPercent = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, bold: true, fill: 0xF2F2F2,
                                         numberFormat: percentFormat, horizontalAlignment: .right, border: .thin, topBorder: .medium)
    static let missing = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, italic: true, fontColor: 0x808080,
                                    horizontalAlignment: .center, border: .thin)
    static let centred = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, horizontalAlignment: .center, border: .thin)
    static let totalCentred = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, bold: true, fill: 0xF2F2F2,
                                         horizontalAlignment: .center, border: .thin, topBorder: .medium)

    /// Fills by rank, 5 (best) to 1, as traffic-light tints that still read in grey print.
    static let rankFills: [Int: (fill: UInt32, font: UInt32)] = [
        5: (0xC6EFCE, 0x006100), 4: (0xE2F0D9, 0x375623), 3: (0xFFEB9C, 0x7F6000),
        2: (0xFCE4D6, 0x833C0B), 1: (0xFFC7CE, 0x9C0006),
    ]

    static func rankFormat(_ rank: Int) -> CellFormat {
        let colours = rankFills[min(max(rank, 1), 5)] ?? (0xFFFFFF, 0x000000)
        return CellFormat(fontColor: colours.font, fill: colours.fill)
    }

    /// A number, or "not reported" when it is missing.
    static func write(_ value: ExactDecimal?, on sheet: Worksheet, row: Int, column: Int, words: EvaluationLabels,
                      format: CellFormat = percent) throws {
        if let value { try sheet.write(value.cellValue, row: row, column: column, format: format) }
        else { try sheet.write(words.notReported, row: row, column: column, format: missing) }
    }

    static func write(_ money: Money?, on sheet: Worksheet, row: Int, column: Int, words: EvaluationLabels) throws {
        if let money { try sheet.write(money.cellValue, row: row, column: column, format: WorkbookStyle.money) }
        else { try sheet.write(words.notReported, row: row, column: column, format: missing) }
    }

    /// `=IF(ISNUMBER(num),ROUND(num/base*100,2),"not reported")` with its value cached: Excel's
    /// ROUND is half away from zero, the calculator's half up, which agree on these positive rates.
    static func rate(numerator: String, base: String, cached: ExactDecimal?, on sheet: Worksheet, row: Int, column: Int,
                     words: EvaluationLabels, format: CellFormat = percent) throws {
        let formula = "=IF(AND(ISNUMBER(\(numerator)),N(\(base))>0),ROUND(\(numerator)/\(base)*100,2),\"\(words.notReported)\")"
        if let cached { try sheet.writeFormula(formula, cached: cached.cellValue, row: row, column: column, format: format) }
        else { try sheet.writeFormula(formula, cachedText: words.notReported, row: row, column: column, format: missing) }
    }

    /// Colours a column by the scale: each level's (or status's) name gets its rank's tint,
    /// "not reported" stays grey.
    static func colourByName(_ names: [(name: String, rank: Int)], column: Int, rows: ClosedRange<Int>, on sheet: Worksheet) throws {
        guard rows.lowerBound <= rows.upperBound else { return }
        let range = CellRange(firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
        let cell = "$" + CellReference.columnName(column) + String(rows.lowerBound + 1)
        for (name, rank) in names {
            let quoted = name.replacingOccurrences(of: "\"", with: "\"\"")
            try sheet.addConditionalFormat(.init(.formula("=\(cell)=\"\(quoted)\""), format: rankFormat(rank), stopIfTrue: true), range: range)
        }
    }

    /// Colours disbursement scores 1–5 by their own value.
    static func colourScores(_ scores: [Int], column: Int, rows: ClosedRange<Int>, on sheet: Worksheet) throws {
        guard rows.lowerBound <= rows.upperBound, let best = scores.max(), best > 0 else { return }
        let range = CellRange(firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
        for score in scores.sorted(by: >) {
            let rank = max(1, (score * 5 + best - 1) / best)
            try sheet.addConditionalFormat(.init(.cell(.equal, FixedDecimal(units: Int64(score), scale: 0)), format: rankFormat(rank)),
                                           range: range)
        }
    }
}
