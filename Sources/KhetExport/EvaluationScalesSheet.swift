import KhetCore
import XLSXWriter

/// The scales the results were read with and where they come from: the director can check
/// why a project is "good" without opening the configuration file.
struct EvaluationScalesSheet {
    let context: EvaluationSheetContext

    func write(into workbook: Workbook) throws {
        let words = context.words
        let scales = context.evaluation.scales
        let sheet = try workbook.addWorksheet(named: words.scalesSheet)
        let heading = context.heading(words.scalesTitle)
        var row = try heading.write(on: sheet, columns: 4, orientation: .portrait)
        try sheet.write(context.labels.source, row: row, column: 0, format: WorkbookStyle.label)
        try sheet.merge(CellRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: 3),
                        text: "\(scales.source) (\(scales.origin))", format: WorkbookStyle.fact)
        try sheet.setRowHeight(WorkbookStyle.wrappedRowHeight(clusters: scales.source.count + scales.origin.count, width: 60), row: row)
        row += 2
        try heading.writeTableHeader([words.qualityLevel, words.minimum, words.maximum], row: row, on: sheet)
        row += 1
        for level in scales.qualityLevels {
            try sheet.write(level.name(words.language), row: row, column: 0, format: EvaluationCells.centred)
            try sheet.write(level.minimum.cellValue, row: row, column: 1, format: EvaluationCells.percent)
            try sheet.write(level.maximum.cellValue, row: row, column: 2, format: EvaluationCells.percent)
            try sheet.addConditionalFormat(.init(.formula("=TRUE"), format: EvaluationCells.rankFormat(level.rank)),
                                           range: CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 0))
            row += 1
        }
        row += 1
        try heading.writeTableHeader([words.disbursementScore, words.minimumPercent], row: row, on: sheet)
        row += 1
        for step in scales.disbursementSteps {
            try sheet.write(step.score, row: row, column: 0, format: EvaluationCells.centred)
            try sheet.write(step.minimumPercent.cellValue, row: row, column: 1, format: EvaluationCells.percent)
            row += 1
        }
        row += 1
        try heading.writeTableHeader([words.status, words.minimumPercent], row: row, on: sheet)
        row += 1
        for step in scales.statusSteps {
            try sheet.write(step.name(words.language), row: row, column: 0, format: EvaluationCells.centred)
            try sheet.write(step.minimumPercent.cellValue, row: row, column: 1, format: EvaluationCells.percent)
            row += 1
        }
        try sheet.setColumnWidth(22, columns: 0...0)
        try sheet.setColumnWidth(14, columns: 1...2)
        try sheet.setColumnWidth(30, columns: 3...3)
    }
}
