import KhetCore

/// The appendices: every rate used with its source and confidence, the evaluation scales,
/// the run's data-quality notes, and the SHA-256 of every input, so a reader can prove which
/// files produced the report.
struct ReportAppendix {
    let data: AnnualReportData
    let labels: ReportLabels
    let format: ReportFormat

    private var language: Language { labels.language }

    func sections() -> [ReportView.Section] {
        var sections = [rates()]
        if let evaluation = data.evaluation {
            sections.append(ReportView.Section(
                id: "s-scales", title: language.pick("เกณฑ์การประเมินผล", "Evaluation scales"),
                paragraphs: [evaluation.scales.source, language.pick("ไฟล์: \(evaluation.scales.origin)", "File: \(evaluation.scales.origin)")],
                lists: [ReportView.ListBlock(title: language.pick("ระดับคุณภาพจากค่าเฉลี่ย", "Quality level from a mean"),
                                             items: evaluation.scales.qualityLevels.map { "\($0.minimum.formatted(fractionDigits: 2))–\($0.maximum.formatted(fractionDigits: 2)): \($0.name(language))" }),
                        ReportView.ListBlock(title: language.pick("คะแนนการเบิกจ่าย", "Disbursement score"),
                                             items: evaluation.scales.disbursementSteps.map { language.pick("ตั้งแต่ร้อยละ \($0.minimumPercent.description): \($0.score) คะแนน", "from \($0.minimumPercent.description) %: \($0.score)") })]))
        }
        sections.append(quality())
        sections.append(digests())
        return sections
    }

    private func rates() -> ReportView.Section {
        let framework = data.allocation.framework
        let words = Labels(language: language)
        var rows: [ReportTable.Row] = []
        for programme in framework.programmes {
            for item in programme.items {
                for rate in item.rates {
                    rows.append(.init(cells: [.header(programme.shortName(language)), .text(item.name(language)), .text(words.target(rate.target)),
                                              .number(format.money(rate.amount)), .text(words.unit(item.unit)),
                                              .text(rate.confidence.rawValue), .text(rate.source)]))
                }
            }
        }
        let table = ReportTable(
            id: "t-rates", caption: language.pick("อัตราที่ใช้คำนวณและแหล่งที่มา", "Rates used and their sources"),
            columns: [.init(text: language.pick("โครงการ", "Programme"), numeric: false), .init(text: language.pick("รายการ", "Item"), numeric: false),
                      .init(text: words.levelOrGrade, numeric: false), .init(text: words.rateBaht, numeric: true),
                      .init(text: words.unit, numeric: false), .init(text: words.confidence, numeric: false), .init(text: words.source, numeric: false)],
            rows: rows,
            note: language.pick("ความเชื่อมั่น: A ทางการ, B แหล่งรอง, C ข้อมูลอ่อนหรือตัวอย่าง", "Confidence: A official, B secondary source, C weak or an example"))
        let status = framework.isProvisional ? language.pick("ฉบับร่าง", "provisional") : language.pick("ทางการ", "official")
        return ReportView.Section(
            id: "s-rates", title: language.pick("อัตราที่ใช้และแหล่งที่มา", "Rates and sources"),
            paragraphs: ["\(framework.title) — \(status). \(framework.source) (\(framework.origin))"], tables: [table])
    }

    private func quality() -> ReportView.Section {
        let words = Labels(language: language)
        let shown = data.allocation.diagnostics.filter { !$0.isReadingNote }.sortedByLocation.sorted { $0.severity < $1.severity }
        let items = shown.map { "\(words.severity($0.severity)) \($0.code) — \($0.location): \($0.message)" }
        let paragraph = items.isEmpty
            ? language.pick("การนำเข้าและคำนวณไม่พบคำเตือน", "Importing and calculating raised no warnings.")
            : language.pick("คำเตือนและหมายเหตุจากการนำเข้าและคำนวณ \(format.count(items.count)) รายการ (ไม่มีข้อผิดพลาด: ชุดข้อมูลที่มีข้อผิดพลาดจะไม่ถูกเขียนรายงาน)",
                            "\(format.count(items.count)) warnings and notes from importing and calculating (no errors: a batch with errors writes nothing).")
        return ReportView.Section(id: "s-quality", title: language.pick("หมายเหตุคุณภาพข้อมูล", "Data-quality notes"), paragraphs: [paragraph],
                                  lists: items.isEmpty ? [] : [ReportView.ListBlock(title: "", items: items)])
    }

    private func digests() -> ReportView.Section {
        let table = ReportTable(
            id: "t-inputs", caption: language.pick("ไฟล์นำเข้าและค่า SHA-256", "Inputs and their SHA-256"),
            columns: [.init(text: language.pick("บทบาท", "Role"), numeric: false), .init(text: language.pick("ไฟล์", "File"), numeric: false),
                      .init(text: "SHA-256", numeric: false)],
            rows: data.inputs.map { .init(cells: [.header(ReportLabels(language: language).inputRole($0.role)), .text($0.path), .text($0.sha256)]) })
        return ReportView.Section(id: "s-inputs", title: language.pick("ไฟล์นำเข้า", "Inputs"),
                                  paragraphs: [language.pick("ค่า SHA-256 เดียวกับใน manifest.json ใช้ยืนยันว่ารายงานนี้มาจากไฟล์ชุดใด",
                                                             "The same SHA-256 as in manifest.json: they prove which files this report came from.")],
                                  tables: [table])
    }
}
