import KhetCalc
import KhetCore
import XLSXWriter

/// The count × rate detail of one payment round: one row per allocation line, the amount as a
/// formula over the row's pupils and rate (with its value cached), and the round's total.
struct RoundSheet {
    let report: AreaAllocationReport
    let programme: Programme
    let round: PaymentRound
    let labels: Labels
    let sheetName: String

    func write(into workbook: Workbook) throws {
        let language = report.language
        let percent = report.framework.advance.percent
        let sheet = try workbook.addWorksheet(named: sheetName)
        let isAdvance = round.kind == .advance
        var headers = [labels.schoolCode, labels.school, labels.item, labels.grade]
        if isAdvance { headers += [labels.countedGrade, labels.counted] }
        headers += [labels.funded, labels.ratePerPupil, labels.amount, labels.note]
        let heading = SheetHeading(
            title: "\(programme.name(language)): \(round.title(language, advancePercent: percent))",
            subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
            isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)

        let fundedColumn = isAdvance ? 6 : 4
        let rateColumn = fundedColumn + 1
        let amountColumn = rateColumn + 1
        let noteColumn = amountColumn + 1
        let names = Dictionary(report.schools.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let itemNames = Dictionary(programme.items.map { ($0.id, labels.shortName($0)) },
                                   uniquingKeysWith: { first, _ in first })
        let describer = LineDescription(language: language, snapshotDate: round.snapshotDate)
        // Set before the rows, so the worksheet does not measure the thousands of cells of these columns.
        try sheet.setColumnWidth(13, columns: 0...0)
        try sheet.setColumnWidth(8, columns: 3...3)
        if isAdvance { try sheet.setColumnWidth(11, columns: 4...5) }
        try sheet.setColumnWidth(12, columns: fundedColumn...fundedColumn)
        try sheet.setColumnWidth(13, columns: rateColumn...rateColumn)
        try sheet.setColumnWidth(15, columns: amountColumn...amountColumn)
        try sheet.setColumnWidth(isAdvance ? 64 : 24, columns: noteColumn...noteColumn)
        let firstDataRow = headerRow + 1
        var row = firstDataRow
        var total = Money.zero
        for line in report.allocation.lines(in: round) where line.programmeID == programme.id {
            try sheet.write(line.schoolCode, row: row, column: 0, format: WorkbookStyle.code)
            try sheet.write(names[line.schoolCode] ?? "", row: row, column: 1, format: WorkbookStyle.text)
            try sheet.write(itemNames[line.itemID] ?? labels.envelopeAdjustment, row: row, column: 2, format: WorkbookStyle.text)
            try sheet.write(line.grade?.code(language) ?? "", row: row, column: 3, format: WorkbookStyle.text)
            if isAdvance {
                if case let .advance(counted, countedGrade, _, _, _, _) = line.basis {
                    try sheet.write(countedGrade.code(language), row: row, column: 4, format: WorkbookStyle.text)
                    try sheet.write(counted, row: row, column: 5, format: WorkbookStyle.count)
                } else {
                    try sheet.writeBlank(row: row, column: 4, format: WorkbookStyle.text)
                    try sheet.writeBlank(row: row, column: 5, format: WorkbookStyle.count)
                }
            }
            if let pupils = line.basis.pupils, let rate = line.basis.rate {
                try sheet.write(pupils, row: row, column: fundedColumn, format: WorkbookStyle.count)
                try sheet.write(rate.cellValue, row: row, column: rateColumn, format: WorkbookStyle.money)
                let formula = "=\(CellReference.a1(row: row, column: fundedColumn))*\(CellReference.a1(row: row, column: rateColumn))"
                try sheet.writeFormula(formula, cached: line.amount.cellValue, row: row, column: amountColumn,
                                       format: WorkbookStyle.money)
            } else {
                try sheet.writeBlank(row: row, column: fundedColumn, format: WorkbookStyle.count)
                try sheet.writeBlank(row: row, column: rateColumn, format: WorkbookStyle.money)
                try sheet.write(line.amount.cellValue, row: row, column: amountColumn, format: WorkbookStyle.money)
            }
            try sheet.write(describer.note(for: line.basis), row: row, column: noteColumn, format: WorkbookStyle.text)
            total += line.amount
            row += 1
        }
        let lastDataRow = row - 1
        try sheet.write(labels.roundTotal, row: row, column: 0, format: WorkbookStyle.totalLabel)
        for column in 1..<amountColumn {
            try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.totalLabel)
        }
        let sum = lastDataRow >= firstDataRow
            ? "=SUM(\(CellReference.a1(row: firstDataRow, column: amountColumn)):\(CellReference.a1(row: lastDataRow, column: amountColumn)))"
            : "=0"
        try sheet.writeFormula(sum, cached: total.cellValue, row: row, column: amountColumn, format: WorkbookStyle.totalMoney)

        try sheet.freezePanes(row: firstDataRow, column: 2)
        try sheet.autofilter(CellRange(firstRow: headerRow, firstColumn: 0, lastRow: max(lastDataRow, headerRow),
                                       lastColumn: noteColumn))
        sheet.fitColumnsToContent(minimum: 8, maximum: 36)
    }
}
