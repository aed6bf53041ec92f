import KhetCore

/// Chapter "basic information": schools by size class and district, pupils by level and grade
/// (with a stacked chart by district), small-school bands, boarders, poor pupils and the
/// comparison with the batch's earlier snapshots.
struct ReportBasicChapter {
    let data: AnnualReportData
    let labels: ReportLabels
    let format: ReportFormat

    private var language: Language { labels.language }
    private var report: AreaAllocationReport { data.allocation }
    private var facts: ReportSchoolFacts { ReportSchoolFacts(schools: report.schools, latest: report.latestSnapshot) }
    private var dateText: String { report.latestSnapshot.map { $0.date.long(language) } ?? format.missing }

    func sections() -> [ReportView.Section] {
        [sizeClasses(), pupilsByLevel(), smallSchools(), boardersAndPoor(), comparison()]
    }

    private func sizeClasses() -> ReportView.Section {
        let classes = ReportSchoolFacts.sizeClasses(language)
        var totals = Array(repeating: 0, count: classes.count)
        var rows: [ReportTable.Row] = []
        for (district, schools) in facts.districts {
            var counts = Array(repeating: 0, count: classes.count)
            for school in schools {
                let pupils = facts.pupils(school)
                if let index = classes.firstIndex(where: { $0.range.contains(pupils) }) { counts[index] += 1 }
            }
            for index in counts.indices { totals[index] += counts[index] }
            rows.append(.init(cells: [.header(district)] + counts.map { .number(format.count($0)) } + [.number(format.count(schools.count))]))
        }
        let table = ReportTable(
            id: "t-size", caption: language.pick("จำนวนโรงเรียนจำแนกตามขนาดและอำเภอ (นักเรียน ณ \(dateText))",
                                                 "Schools by size class and district (pupils on \(dateText))"),
            columns: [.init(text: labels.district, numeric: false)] + classes.map { .init(text: $0.label, numeric: true) }
                + [.init(text: labels.total, numeric: true)],
            rows: rows,
            totals: [.init(cells: [.header(labels.total)] + totals.map { .number(format.count($0)) } + [.number(format.count(report.schools.count))])])
        return ReportView.Section(id: "s-size", title: language.pick("โรงเรียนจำแนกตามขนาดและอำเภอ", "Schools by size and district"),
                                  paragraphs: [language.pick("เกณฑ์ขนาดโรงเรียน 4 ขนาดของสำนักงานเขตพื้นที่ นับจากจำนวนนักเรียน ณ \(dateText)",
                                                             "The office's four size classes, counted from pupils on \(dateText).")],
                                  tables: [table])
    }

    private func pupilsByLevel() -> ReportView.Section {
        let levels = facts.levels(in: report.snapshots)
        let totals = facts.latestTotals
        var rows: [ReportTable.Row] = []
        for level in levels {
            for grade in level.grades {
                rows.append(.init(cells: [.header(grade.code(language)), .text(level.name(language)), .number(format.count(totals[grade]))]))
            }
            rows.append(.init(cells: [.header(language.pick("รวม", "Total ") + level.name(language)), .text(""),
                                      .number(format.count(totals.total(of: level)))]))
        }
        let gradeTable = ReportTable(
            id: "t-grades", caption: language.pick("นักเรียนจำแนกตามระดับและชั้น ณ \(dateText)", "Pupils by level and grade on \(dateText)"),
            columns: [.init(text: labels.grade, numeric: false), .init(text: labels.level, numeric: false), .init(text: labels.pupils, numeric: true)],
            rows: rows, totals: [.init(cells: [.header(labels.total), .text(""), .number(format.count(totals.total))])])

        var stacks: [SVGChart.Stack] = []
        var districtRows: [ReportTable.Row] = []
        for (district, schools) in facts.districts {
            let counts = schools.reduce(GradeCounts()) { $0 + (report.latestSnapshot?.counts(for: $1.code) ?? GradeCounts()) }
            let values = levels.map { counts.total(of: $0) }
            stacks.append(.init(label: district, values: values.map(Int64.init), shown: format.count(counts.total)))
            districtRows.append(.init(cells: [.header(district)] + values.map { .number(format.count($0)) } + [.number(format.count(counts.total))]))
        }
        let title = language.pick("นักเรียนจำแนกตามระดับ รายอำเภอ ณ \(dateText)", "Pupils by level and district on \(dateText)")
        let chart = SVGChart(id: "c-pupils", title: title,
                             description: language.pick("แผนภูมิแท่งซ้อน จำนวนนักเรียนแต่ละอำเภอ แยกสีตามระดับ ตัวเลขอยู่ในตารางถัดไป",
                                                        "Stacked bars: pupils of each district, coloured by level; the numbers are in the table beside it."))
        let figure = ReportFigure(
            id: "f-pupils", title: title,
            svg: chart.stackedBars(stacks, series: levels.map { $0.name(language) }),
            table: ReportTable(id: "t-pupils-district", caption: title,
                               columns: [.init(text: labels.district, numeric: false)] + levels.map { .init(text: $0.name(language), numeric: true) }
                                   + [.init(text: labels.total, numeric: true)],
                               rows: districtRows,
                               totals: [.init(cells: [.header(labels.total)] + levels.map { .number(format.count(totals.total(of: $0))) }
                                                + [.number(format.count(totals.total))])]))
        return ReportView.Section(id: "s-pupils", title: language.pick("นักเรียนจำแนกตามระดับและชั้น", "Pupils by level and grade"),
                                  paragraphs: [labels.bySex, labels.teachers], figures: [figure], tables: [gradeTable])
    }

    private func smallSchools() -> ReportView.Section {
        let bands = ReportSchoolFacts.smallSchoolBands
        let total = max(report.schools.count, 1)
        var rows: [ReportTable.Row] = []
        var smallCount = 0
        for band in bands {
            let count = report.schools.filter { band.contains(facts.pupils($0)) }.count
            smallCount += band.lowerBound > 0 ? count : 0
            let label = band.lowerBound == band.upperBound ? format.count(band.lowerBound)
                : "\(format.count(band.lowerBound))–\(format.count(band.upperBound))"
            let percent = ExactDecimal.percent(Int64(count), of: Int64(total))
            rows.append(.init(cells: [.header(label), .number(format.count(count)), .number(format.percent(percent))]))
        }
        let table = ReportTable(
            id: "t-small", caption: language.pick("โรงเรียนขนาดเล็กจำแนกตามช่วงจำนวนนักเรียน ณ \(dateText)",
                                                  "Small schools by number of pupils on \(dateText)"),
            columns: [.init(text: labels.band, numeric: false), .init(text: labels.schools, numeric: true),
                      .init(text: labels.percentOfSchools, numeric: true)],
            rows: rows,
            totals: [.init(cells: [.header(language.pick("รวม 1–120 คน", "Total 1–120")), .number(format.count(smallCount)),
                                   .number(format.percent(ExactDecimal.percent(Int64(smallCount), of: Int64(total))))])])
        return ReportView.Section(id: "s-small", title: language.pick("โรงเรียนขนาดเล็ก", "Small schools"), tables: [table])
    }

    private func boardersAndPoor() -> ReportView.Section {
        let levels = facts.levels(in: report.snapshots)
        let enrolment = facts.latestTotals
        let poor = data.poorPupils.values.reduce(GradeCounts(), +)
        let boarders = data.boarders.values.reduce(GradeCounts(), +)
        let rows = levels.map { level -> ReportTable.Row in
            .init(cells: [.header(level.name(language)), .number(format.count(enrolment.total(of: level))),
                          .number(format.count(poor.total(of: level))),
                          .number(format.percent(ExactDecimal.percent(Int64(poor.total(of: level)), of: Int64(enrolment.total(of: level))))),
                          .number(format.count(boarders.total(of: level)))])
        }
        let schoolsWithPoor = data.poorPupils.values.filter { $0.total > 0 }.count
        let schoolsWithBoarders = data.boarders.values.filter { $0.total > 0 }.count
        let table = ReportTable(
            id: "t-needs", caption: language.pick("นักเรียนยากจนและนักเรียนพักนอนจำแนกตามระดับ", "Poor and boarding pupils by level"),
            columns: [.init(text: labels.level, numeric: false), .init(text: language.pick("นักเรียนทั้งหมด", "All pupils"), numeric: true),
                      .init(text: language.pick("นักเรียนยากจน", "Poor pupils"), numeric: true),
                      .init(text: language.pick("ร้อยละยากจน", "% poor"), numeric: true),
                      .init(text: language.pick("นักเรียนพักนอน", "Boarders"), numeric: true)],
            rows: rows,
            totals: [.init(cells: [.header(labels.total), .number(format.count(enrolment.total)), .number(format.count(poor.total)),
                                   .number(format.percent(ExactDecimal.percent(Int64(poor.total), of: Int64(enrolment.total)))),
                                   .number(format.count(boarders.total))])],
            note: language.pick("นักเรียนยากจนจาก \(format.count(schoolsWithPoor)) โรงเรียน นักเรียนพักนอนจาก \(format.count(schoolsWithBoarders)) โรงเรียน ตามบัญชีที่ส่งมากับชุดข้อมูล",
                                "Poor pupils in \(format.count(schoolsWithPoor)) schools, boarders in \(format.count(schoolsWithBoarders)) schools, from the lists in the batch."))
        return ReportView.Section(id: "s-needs", title: language.pick("นักเรียนพักนอนและนักเรียนยากจน", "Boarders and poor pupils"), tables: [table])
    }

    private func comparison() -> ReportView.Section {
        let snapshots = report.snapshots
        let levels = facts.levels(in: snapshots)
        var rows: [ReportTable.Row] = []
        var previous: Int?
        for snapshot in snapshots {
            let totals = snapshot.counts.values.reduce(GradeCounts(), +)
            let schools = snapshot.counts.values.filter { $0.total > 0 }.count
            let change = previous.map { format.change(totals.total - $0) } ?? "–"
            rows.append(.init(cells: [.header(snapshot.date.long(language)), .number(format.count(schools))]
                              + levels.map { .number(format.count(totals.total(of: $0))) }
                              + [.number(format.count(totals.total)), .number(change)]))
            previous = totals.total
        }
        let table = ReportTable(
            id: "t-compare", caption: language.pick("จำนวนนักเรียนเปรียบเทียบตามวันที่เก็บข้อมูล", "Pupils on each snapshot date"),
            columns: [.init(text: language.pick("วันที่เก็บข้อมูล", "Snapshot"), numeric: false),
                      .init(text: language.pick("โรงเรียนที่มีนักเรียน", "Schools with pupils"), numeric: true)]
                + levels.map { .init(text: $0.name(language), numeric: true) }
                + [.init(text: labels.total, numeric: true), .init(text: language.pick("เปลี่ยนแปลง", "Change"), numeric: true)],
            rows: rows)
        let paragraph = snapshots.count > 1
            ? language.pick("ชุดข้อมูลมีข้อมูลนักเรียน \(snapshots.count) รอบ จึงเปรียบเทียบได้ตามตาราง", "The batch has \(snapshots.count) snapshots, compared below.")
            : language.pick("ชุดข้อมูลมีข้อมูลนักเรียนรอบเดียว จึงเปรียบเทียบหลายช่วงเวลาไม่ได้", "The batch has one snapshot, so there is nothing to compare.")
        return ReportView.Section(id: "s-compare", title: language.pick("เปรียบเทียบกับข้อมูลรอบก่อน", "Comparison with earlier snapshots"),
                                  paragraphs: [paragraph], tables: [table])
    }
}
