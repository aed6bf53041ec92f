import KhetCalc
import KhetCore
import XLSXWriter

/// One row per project: who, which money, what was spent (per quarter when reported), the
/// disbursement rate and score, indicators achieved, satisfaction, quality level and status.
struct EvaluationProjectSheet {
    let context: EvaluationSheetContext

    func write(into workbook: Workbook) throws {
        let words = context.words
        let sheet = try workbook.addWorksheet(named: words.projectSheet)
        let headers = [words.strategy, words.projectCode, words.project, words.group, words.budgetSource, words.allocated]
            + (1...4).map(words.quarter) + [words.spent, words.disbursementRate, words.disbursementScore, words.indicators,
                                            words.indicatorsReported, words.indicatorsAchieved, words.achievementRate,
                                            words.satisfaction, words.qualityLevel, words.status]
        let heading = context.heading(words.projectTitle)
        // Twenty columns print over pages across; the strategy and the project code start each.
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape, repeatColumns: 0...1)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        let firstRow = headerRow + 1
        var row = firstRow
        for result in context.evaluation.strategies {
            for evaluation in result.projects {
                try writeRow(evaluation, row: row, on: sheet)
                row += 1
            }
        }
        let lastRow = row - 1
        let scales = context.evaluation.scales
        if lastRow >= firstRow {
            try EvaluationCells.colourScores(scales.disbursementSteps.map(\.score), column: 12, rows: firstRow...lastRow, on: sheet)
            try EvaluationCells.colourByName(scales.qualityLevels.map { ($0.name(words.language), $0.rank) }, column: 18,
                                             rows: firstRow...lastRow, on: sheet)
            let statuses = scales.statusSteps.enumerated().map { ($0.element.name(words.language), 5 - min($0.offset * 2, 4)) }
            try EvaluationCells.colourByName(statuses, column: 19, rows: firstRow...lastRow, on: sheet)
            try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: lastRow, lastColumn: headers.count - 1))
        }
        try sheet.freezePanes(row: firstRow, column: 3)
        try sheet.setColumnWidth(8, columns: 0...0)
        try sheet.setColumnWidth(12, columns: 1...1)
        try sheet.setColumnWidth(46, columns: 2...2)
        try sheet.setColumnWidth(24, columns: 3...4)
        try sheet.setColumnWidth(15, columns: 5...10)
        try sheet.setColumnWidth(11, columns: 11...17)
        try sheet.setColumnWidth(14, columns: 18...19)
    }

    private func writeRow(_ evaluation: ProjectEvaluation, row: Int, on sheet: Worksheet) throws {
        let words = context.words
        let project = evaluation.project
        // The row takes the lines of its longest wrapped text: name, group or budget source.
        try sheet.fitRowHeight(row, texts: [(2, project.name, 1), (3, project.responsibleGroup, 1), (4, project.budgetSource, 1)],
                               lineHeight: WorkbookStyle.rowHeight)
        try sheet.write(project.strategyID, row: row, column: 0, format: EvaluationCells.centred)
        try sheet.write(project.code, row: row, column: 1, format: WorkbookStyle.code)
        try sheet.write(project.name, row: row, column: 2, format: WorkbookStyle.wrapped)
        try sheet.write(project.responsibleGroup, row: row, column: 3, format: WorkbookStyle.wrapped)
        try sheet.write(project.budgetSource, row: row, column: 4, format: WorkbookStyle.wrapped)
        try sheet.write(project.allocated.cellValue, row: row, column: 5, format: WorkbookStyle.money)
        for (offset, quarter) in project.quarterlySpent.prefix(4).enumerated() {
            if let quarter { try sheet.write(quarter.cellValue, row: row, column: 6 + offset, format: WorkbookStyle.money) }
            else { try sheet.writeBlank(row: row, column: 6 + offset, format: WorkbookStyle.money) }
        }
        try EvaluationCells.write(project.spent, on: sheet, row: row, column: 10, words: words)
        let cell = { (column: Int) in CellReference.a1(row: row, column: column) }
        try EvaluationCells.rate(numerator: cell(10), base: cell(5), cached: evaluation.disbursementRate, on: sheet, row: row,
                                 column: 11, words: words)
        if let score = evaluation.disbursementScore { try sheet.write(score, row: row, column: 12, format: EvaluationCells.centred) }
        else { try sheet.write(words.notReported, row: row, column: 12, format: EvaluationCells.missing) }
        try sheet.write(evaluation.indicators.count, row: row, column: 13, format: WorkbookStyle.count)
        try sheet.write(evaluation.indicatorsWithResult, row: row, column: 14, format: WorkbookStyle.count)
        try sheet.write(evaluation.indicatorsAchieved, row: row, column: 15, format: WorkbookStyle.count)
        try EvaluationCells.rate(numerator: cell(15), base: cell(14), cached: evaluation.achievementRate, on: sheet, row: row,
                                 column: 16, words: words)
        try EvaluationCells.write(project.satisfaction, on: sheet, row: row, column: 17, words: words)
        try sheet.write(words.level(evaluation.qualityLevel), row: row, column: 18,
                        format: evaluation.qualityLevel == nil ? EvaluationCells.missing : EvaluationCells.centred)
        try sheet.write(words.status(evaluation.status), row: row, column: 19,
                        format: evaluation.status == nil ? EvaluationCells.missing : EvaluationCells.centred)
    }
}
