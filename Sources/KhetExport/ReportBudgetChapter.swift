import KhetCalc
import KhetCore

/// Chapter "budget": the fiscal year's money by programme and item (with a bar chart), per
/// pupil, and by district (with a bar chart). Amounts are sums of allocation lines.
struct ReportBudgetChapter {
    let data: AnnualReportData
    let labels: ReportLabels
    let format: ReportFormat

    private var language: Language { labels.language }
    private var report: AreaAllocationReport { data.allocation }
    private var pupils: Int { report.latestSnapshot?.totalPupils ?? 0 }

    func sections() -> [ReportView.Section] { [byProgramme(), byDistrict()] }

    private func byProgramme() -> ReportView.Section {
        var byItem: [String: [String: Money]] = [:]
        for line in report.allocation.lines { byItem[line.programmeID, default: [:]][line.itemID, default: .zero] += line.amount }
        var rows: [ReportTable.Row] = []
        var bars: [SVGChart.Bar] = []
        var perPupilRows: [ReportTable.Row] = []
        for programme in report.framework.programmes {
            let items = byItem[programme.id] ?? [:]
            let programmeTotal = items.values.sum()
            for item in programme.items {
                rows.append(.init(cells: [.header(programme.shortName(language)), .text(item.name(language)),
                                          .number(format.money(items[item.id] ?? .zero))]))
            }
            if let scaling = items[AreaAllocator.envelopeItemID] {
                rows.append(.init(cells: [.header(programme.shortName(language)), .text(language.pick("ปรับตามกรอบวงเงิน", "Envelope adjustment")),
                                          .number(format.money(scaling))]))
            }
            bars.append(.init(label: programme.shortName(language), value: programmeTotal.satang, shown: format.money(programmeTotal)))
            perPupilRows.append(.init(cells: [.header(programme.name(language)), .number(format.money(programmeTotal)),
                                              .number(format.perHead(programmeTotal, pupils: pupils))]))
        }
        let total = report.allocation.total()
        let itemTable = ReportTable(
            id: "t-items", caption: language.pick("งบประมาณจำแนกตามโครงการและรายการ ปีงบประมาณ \(report.fiscalYear.year) (บาท)",
                                                  "Money by programme and item, fiscal year \(report.fiscalYear.year) (baht)"),
            columns: [.init(text: language.pick("โครงการ", "Programme"), numeric: false), .init(text: language.pick("รายการ", "Item"), numeric: false),
                      .init(text: language.pick("จำนวนเงิน (บาท)", "Amount (baht)"), numeric: true)],
            rows: rows, totals: [.init(cells: [.header(labels.total), .text(""), .number(format.money(total))])])
        let dateText = report.latestSnapshot.map { $0.date.long(language) } ?? format.missing
        let perPupilTable = ReportTable(
            id: "t-programmes", caption: language.pick("งบประมาณรายโครงการและต่อหัวนักเรียน (นักเรียน \(format.count(pupils)) คน ณ \(dateText))",
                                                       "Money by programme and per pupil (\(format.count(pupils)) pupils on \(dateText))"),
            columns: [.init(text: language.pick("โครงการ", "Programme"), numeric: false),
                      .init(text: language.pick("จำนวนเงิน (บาท)", "Amount (baht)"), numeric: true),
                      .init(text: language.pick("ต่อหัว (บาท)", "Per pupil (baht)"), numeric: true)],
            rows: perPupilRows,
            totals: [.init(cells: [.header(labels.total), .number(format.money(total)), .number(format.perHead(total, pupils: pupils))])])
        let title = language.pick("งบประมาณจำแนกตามโครงการ (บาท)", "Money by programme (baht)")
        let chart = SVGChart(id: "c-programmes", title: title,
                             description: language.pick("แผนภูมิแท่ง จำนวนเงินของแต่ละโครงการ ตัวเลขอยู่ในตารางถัดไป",
                                                        "Bars: the money of each programme; the numbers are in the table beside it."))
        let figure = ReportFigure(id: "f-programmes", title: title, svg: chart.bars(bars), table: perPupilTable)
        var paragraphs = [language.pick("รวมทั้งสิ้น \(format.money(total)) บาท ตามกรอบอัตรา \(report.framework.title)",
                                        "In total \(format.money(total)) baht, under the framework \(report.framework.title).")]
        if report.framework.isProvisional { paragraphs.append(labels.draft) }
        return ReportView.Section(id: "s-programmes", title: language.pick("งบประมาณจำแนกตามโครงการ รายการ และต่อหัว", "By programme, item and per pupil"),
                                  paragraphs: paragraphs, figures: [figure], tables: [itemTable])
    }

    private func byDistrict() -> ReportView.Section {
        let bySchool = report.allocation.totalsBySchoolAndProgramme()
        let facts = ReportSchoolFacts(schools: report.schools, latest: report.latestSnapshot)
        var rows: [ReportTable.Row] = []
        var bars: [SVGChart.Bar] = []
        for (district, schools) in facts.districts {
            let amount = schools.reduce(Money.zero) { $0 + (bySchool[$1.code]?.values.sum() ?? .zero) }
            let districtPupils = schools.reduce(0) { $0 + facts.pupils($1) }
            rows.append(.init(cells: [.header(district), .number(format.count(schools.count)), .number(format.count(districtPupils)),
                                      .number(format.money(amount)), .number(format.perHead(amount, pupils: districtPupils))]))
            bars.append(.init(label: district, value: amount.satang, shown: format.money(amount)))
        }
        let total = report.allocation.total()
        let title = language.pick("งบประมาณจำแนกตามอำเภอ (บาท)", "Money by district (baht)")
        let table = ReportTable(
            id: "t-districts", caption: title,
            columns: [.init(text: labels.district, numeric: false), .init(text: labels.schools, numeric: true),
                      .init(text: labels.pupils, numeric: true), .init(text: language.pick("จำนวนเงิน (บาท)", "Amount (baht)"), numeric: true),
                      .init(text: language.pick("ต่อหัว (บาท)", "Per pupil (baht)"), numeric: true)],
            rows: rows,
            totals: [.init(cells: [.header(labels.total), .number(format.count(report.schools.count)), .number(format.count(pupils)),
                                   .number(format.money(total)), .number(format.perHead(total, pupils: pupils))])])
        let chart = SVGChart(id: "c-districts", title: title,
                             description: language.pick("แผนภูมิแท่ง จำนวนเงินที่โรงเรียนในแต่ละอำเภอได้รับ ตัวเลขอยู่ในตารางถัดไป",
                                                        "Bars: the money schools of each district receive; the numbers are in the table beside it."))
        return ReportView.Section(id: "s-districts", title: language.pick("งบประมาณจำแนกตามอำเภอ", "By district"),
                                  figures: [ReportFigure(id: "f-districts", title: title, svg: chart.bars(bars), table: table)])
    }
}
