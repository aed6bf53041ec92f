import KhetCalc
import KhetCore
import XLSXWriter

/// Each programme's entitlement against its envelope (กรอบวงเงิน): the scale factor when the
/// envelope was smaller, what was allocated, and what is left unallocated (เงินเหลือจ่าย).
/// Programmes without an envelope are listed with their entitlement so the sheet is complete.
struct EnvelopeSheet {
    let report: AreaAllocationReport
    let labels: Labels
    let sheetName: String

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(named: sheetName)
        let language = report.language
        // A pay run shows what earlier transfers took of each envelope; this run scaled only the rest.
        let paying = report.transfer != nil
        let headers = [labels.programme, labels.item, labels.entitlement, labels.envelope]
            + (paying ? [labels.paidBefore] : []) + [labels.scaleFactor, labels.allocated, labels.unallocated, labels.source]
        let shift = paying ? 1 : 0
        let heading = SheetHeading(title: labels.envelopeTitle(report.fiscalYear),
                                   subtitle: labels.dataAsOf(report.area, batchDate: report.batchDate),
                                   isDraft: report.framework.isProvisional, labels: labels)
        let headerRow = try heading.write(on: sheet, columns: headers.count, orientation: .landscape)
        try heading.writeTableHeader(headers, row: headerRow, on: sheet)
        var row = headerRow + 1
        let percent = CellFormat(fontName: WorkbookStyle.font, fontSize: WorkbookStyle.size, numberFormat: "0.0000%", border: .thin)
        for programme in report.framework.programmes {
            let outcomes = report.allocation.envelopes.filter { $0.programmeID == programme.id }
            let entitlement = report.allocation.total { $0.programmeID == programme.id && !$0.isEnvelopeScaling && !$0.isListAdjustment }
            let rows: [(item: String, outcome: EnvelopeOutcome?, source: String)] = outcomes.isEmpty
                ? [("", nil, labels.noEnvelope)]
                : outcomes.map { outcome in
                    let item = outcome.itemID.flatMap { id in programme.items.first { $0.id == id } }
                    let source = item?.envelope?.source ?? programme.envelope?.source ?? ""
                    return (item.map(labels.shortName) ?? labels.wholeProgramme, outcome, source)
                }
            for entry in rows {
                try sheet.write(programme.shortName(language), row: row, column: 0, format: WorkbookStyle.text)
                try sheet.write(entry.item, row: row, column: 1, format: WorkbookStyle.text)
                let owed = entry.outcome?.entitlement ?? entitlement
                try sheet.write(owed.cellValue, row: row, column: 2, format: WorkbookStyle.money)
                if let outcome = entry.outcome {
                    try sheet.write(outcome.envelope.cellValue, row: row, column: 3, format: WorkbookStyle.money)
                    if paying { try sheet.write(outcome.paidBefore.cellValue, row: row, column: 4, format: WorkbookStyle.money) }
                    try sheet.write(FixedDecimal(units: outcome.scalePerMillion, scale: 6), row: row, column: 4 + shift, format: percent)
                    try sheet.write(outcome.allocated.cellValue, row: row, column: 5 + shift, format: WorkbookStyle.money)
                    let before = paying ? "-\(CellReference.a1(row: row, column: 4))" : ""
                    let formula = "=\(CellReference.a1(row: row, column: 3))\(before)-\(CellReference.a1(row: row, column: 5 + shift))"
                    try sheet.writeFormula(formula, cached: outcome.unallocated.cellValue, row: row, column: 6 + shift,
                                           format: WorkbookStyle.money)
                } else {
                    for column in 3...(4 + shift) where column != 4 + shift {
                        try sheet.writeBlank(row: row, column: column, format: WorkbookStyle.money)
                    }
                    try sheet.writeBlank(row: row, column: 4 + shift, format: percent)
                    try sheet.write(owed.cellValue, row: row, column: 5 + shift, format: WorkbookStyle.money)
                    try sheet.writeBlank(row: row, column: 6 + shift, format: WorkbookStyle.money)
                }
                try sheet.write(entry.source, row: row, column: 7 + shift, format: WorkbookStyle.text)
                row += 1
            }
        }
        try sheet.setColumnWidth(22, columns: 0...1)
        try sheet.setColumnWidth(17, columns: 2...(6 + shift))
        try sheet.setColumnWidth(paying ? 40 : 50, columns: (7 + shift)...(7 + shift))
    }
}

extension AllocationLine {
    var isEnvelopeScaling: Bool {
        if case .envelopeScaling = basis { return true }
        return false
    }

    var isListAdjustment: Bool {
        if case .listAdjustment = basis { return true }
        return false
    }
}
