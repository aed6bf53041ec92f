import KhetCalc
import KhetCore
import XLSXWriter

/// One row per indicator: target, result, how far toward the target, and whether it was
/// achieved, with the direction shown so a lower-is-better result reads right.
struct EvaluationIndicatorSheet {
    let context: EvaluationSheetContext

    func write(into workbook: Workbook) throws {
        let words = context.words
        let sheet = try workbook.addWorksheet(named: words.indicatorSheet)
        let headers = [words.projectCode, words.project, words.indicator, words.kind, words.unit, words.direction,
                       words.target, words.actual, words.percentOfTarget, words.achieved]
        let heading = context.heading(words.indicatorTitle)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        let firstRow = headerRow + 1
        var row = firstRow
        for evaluation in context.evaluation.projects {
            for result in evaluation.indicators {
                try writeRow(result, of: evaluation.project, row: row, on: sheet)
                row += 1
            }
        }
        if row > firstRow {
            try EvaluationCells.colourByName([(words.yes, 5), (words.no, 1)], column: 9, rows: firstRow...(row - 1), on: sheet)
            try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: row - 1, lastColumn: headers.count - 1))
        }
        try sheet.freezePanes(row: firstRow, column: 1)
        try sheet.setColumnWidth(12, columns: 0...0)
        try sheet.setColumnWidth(36, columns: 1...2)
        try sheet.setColumnWidth(12, columns: 3...9)
    }

    private func writeRow(_ result: IndicatorResult, of project: Project, row: Int, on sheet: Worksheet) throws {
        let words = context.words
        let indicator = result.indicator
        try sheet.fitRowHeight(row, texts: [(1, project.name, 1), (2, indicator.name, 1)], lineHeight: WorkbookStyle.rowHeight)
        try sheet.write(project.code, row: row, column: 0, format: WorkbookStyle.code)
        try sheet.write(project.name, row: row, column: 1, format: WorkbookStyle.wrapped)
        try sheet.write(indicator.name, row: row, column: 2, format: WorkbookStyle.wrapped)
        try sheet.write(words.kind(indicator.kind), row: row, column: 3, format: EvaluationCells.centred)
        try sheet.write(indicator.unit, row: row, column: 4, format: EvaluationCells.centred)
        try sheet.write(words.direction(indicator.direction), row: row, column: 5, format: EvaluationCells.centred)
        switch indicator.kind {
        case .quantitative:
            try EvaluationCells.write(indicator.target, on: sheet, row: row, column: 6, words: words)
            try EvaluationCells.write(indicator.actual, on: sheet, row: row, column: 7, words: words)
            // Lower is better: target ÷ actual; higher: actual ÷ target.
            let (top, bottom) = indicator.direction == .higherIsBetter ? (7, 6) : (6, 7)
            try EvaluationCells.rate(numerator: CellReference.a1(row: row, column: top),
                                     base: CellReference.a1(row: row, column: bottom), cached: result.percentOfTarget,
                                     on: sheet, row: row, column: 8, words: words)
        case .qualitative:
            try sheet.write(indicator.targetText, row: row, column: 6, format: WorkbookStyle.wrapped)
            if indicator.actualText.isEmpty { try sheet.write(words.notReported, row: row, column: 7, format: EvaluationCells.missing) }
            else { try sheet.write(indicator.actualText, row: row, column: 7, format: WorkbookStyle.wrapped) }
            try sheet.writeBlank(row: row, column: 8, format: EvaluationCells.percent)
        }
        let achieved = result.achieved.map { $0 ? words.yes : words.no } ?? words.notReported
        try sheet.write(achieved, row: row, column: 9, format: result.achieved == nil ? EvaluationCells.missing : EvaluationCells.centred)
    }
}
