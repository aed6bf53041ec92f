import KhetCalc
import KhetCore
import XLSXWriter

/// One row per strategy and a row for the whole plan: projects, indicators achieved,
/// money spent and satisfaction, with the rates as formulas over the row.
struct EvaluationStrategySheet {
    let context: EvaluationSheetContext

    func write(into workbook: Workbook) throws {
        let words = context.words
        let sheet = try workbook.addWorksheet(named: words.strategySheet)
        let headers = [words.strategy, words.projects, words.projectsReported, words.indicators, words.indicatorsReported,
                       words.indicatorsAchieved, words.achievementRate, words.allocated, words.allocatedReporting, words.spent,
                       words.disbursementRate, words.disbursementScore, words.satisfaction, words.qualityLevel]
        let heading = context.heading(words.strategyTitle)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        var row = headerRow + 1
        let firstRow = row
        for result in context.evaluation.strategies {
            try writeRow("\(result.strategy.id). \(result.strategy.name)", result.summary, row: row, on: sheet, total: nil)
            row += 1
        }
        try writeRow(words.wholePlan, context.evaluation.summary, row: row, on: sheet, total: firstRow...(row - 1))
        let scales = context.evaluation.scales
        try EvaluationCells.colourByName(scales.qualityLevels.map { ($0.name(words.language), $0.rank) }, column: 13,
                                         rows: firstRow...row, on: sheet)
        try EvaluationCells.colourScores(scales.disbursementSteps.map(\.score), column: 11, rows: firstRow...row, on: sheet)
        try sheet.freezePanes(row: firstRow, column: 1)
        try sheet.setColumnWidth(44, columns: 0...0)
        try sheet.setColumnWidth(11, columns: 1...6)
        try sheet.setColumnWidth(17, columns: 7...9)
        try sheet.setColumnWidth(12, columns: 10...12)
        try sheet.setColumnWidth(14, columns: 13...13)
    }

    /// A strategy's row holds its own numbers; the plan's row sums the strategies' counts and
    /// money with formulas, and takes rates over those sums.
    private func writeRow(_ name: String, _ summary: EvaluationSummary, row: Int, on sheet: Worksheet,
                          total rows: ClosedRange<Int>?) throws {
        let words = context.words
        let isTotal = rows != nil
        let text = isTotal ? WorkbookStyle.totalLabel : WorkbookStyle.wrapped
        let count = isTotal ? WorkbookStyle.totalCount : WorkbookStyle.count
        let money = isTotal ? WorkbookStyle.totalMoney : WorkbookStyle.money
        let percent = isTotal ? EvaluationCells.totalPercent : EvaluationCells.percent
        try sheet.write(name, row: row, column: 0, format: text)
        try sheet.fitRowHeight(row, texts: [(0, name, isTotal ? 1.1 : 1)], lineHeight: WorkbookStyle.rowHeight)
        let counts = [summary.projectCount, summary.projectsWithResults, summary.indicatorCount,
                      summary.indicatorsWithResult, summary.indicatorsAchieved]
        for (offset, value) in counts.enumerated() {
            if let rows {
                try sheet.writeFormula(TableFormula.columnSum(column: 1 + offset, from: rows.lowerBound, to: rows.upperBound),
                                       cached: Double(value), row: row, column: 1 + offset, format: count)
            } else {
                try sheet.write(value, row: row, column: 1 + offset, format: count)
            }
        }
        let cell = { (column: Int) in CellReference.a1(row: row, column: column) }
        try EvaluationCells.rate(numerator: cell(5), base: cell(4), cached: summary.achievementRate, on: sheet, row: row,
                                 column: 6, words: words, format: percent)
        for (offset, amount) in [summary.allocated, summary.allocatedReporting, summary.spent].enumerated() {
            if let rows {
                try sheet.writeFormula(TableFormula.columnSum(column: 7 + offset, from: rows.lowerBound, to: rows.upperBound),
                                       cached: amount.cellValue, row: row, column: 7 + offset, format: money)
            } else {
                try sheet.write(amount.cellValue, row: row, column: 7 + offset, format: money)
            }
        }
        // Spending is reported by some projects only: the rate is over their allocation.
        if summary.projectsReportingSpending > 0 {
            try EvaluationCells.rate(numerator: cell(9), base: cell(8), cached: summary.disbursementRate, on: sheet, row: row,
                                     column: 10, words: words, format: percent)
        } else {
            try sheet.write(words.notReported, row: row, column: 10, format: EvaluationCells.missing)
        }
        if let score = summary.disbursementScore {
            try sheet.write(score, row: row, column: 11, format: isTotal ? EvaluationCells.totalCentred : EvaluationCells.centred)
        } else {
            try sheet.write(words.notReported, row: row, column: 11, format: EvaluationCells.missing)
        }
        try EvaluationCells.write(summary.satisfactionMean, on: sheet, row: row, column: 12, words: words, format: percent)
        try sheet.write(words.level(summary.qualityLevel), row: row, column: 13,
                        format: summary.qualityLevel == nil ? EvaluationCells.missing : (isTotal ? EvaluationCells.totalCentred : EvaluationCells.centred))
    }
}
