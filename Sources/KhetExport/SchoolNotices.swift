import Foundation
import KhetCalc
import KhetCore
import KhetDigest

/// Writes `schools/<code>.xlsx`, one notice per school with any money, and reports what it wrote.
///
/// The work is linear in lines and schools (lines are grouped by school in one pass, names are
/// looked up in dictionaries), because an office-wide run may write tens of thousands of notices.
/// Notices are independent files, so they are written on a few threads; each thread writes whole
/// files and results are kept by school order, so the output does not depend on scheduling.
/// libxlsxwriter keeps no state between workbooks; the one shared thing it touches, glibc's
/// `gmtime` buffer when stamping the creation time, receives the same batch date from every
/// thread. Checked: 3,000 notices on one thread and on two are byte-identical.
public struct SchoolNotices: Sendable {
    public static let folderName = "schools"

    public let report: AreaAllocationReport
    /// Also prints every notice to PDF beside its workbook, when given.
    public var pdfConverter: NoticePDFConverter?

    public init(report: AreaAllocationReport, pdfConverter: NoticePDFConverter? = nil) {
        self.report = report
        self.pdfConverter = pdfConverter
    }

    /// The schools that get a notice: those with at least one line of money, in code order.
    public func schoolsWithMoney() -> [(school: School, lines: [AllocationLine])] {
        let linesBySchool = Dictionary(grouping: report.allocation.lines, by: \.schoolCode)
        return report.schools.compactMap { school in
            guard let lines = linesBySchool[school.code], lines.contains(where: { !$0.amount.isZero }) else { return nil }
            return (school, lines)
        }
    }

    /// Writes every notice into `folder/schools/` and returns their records in school-code order.
    public func write(into folder: URL) throws -> [NoticeRecord] {
        let work = schoolsWithMoney()
        for (school, _) in work where !Self.isSafeFileName(school.code) {
            throw NoticeError.unsafeSchoolCode(school.code)
        }
        let noticesFolder = folder.appendingPathComponent(Self.folderName, isDirectory: true)
        try FileManager.default.createDirectory(at: noticesFolder, withIntermediateDirectories: true)

        let labels = Labels(language: report.language)
        let builder = SchoolNoticeBuilder(catalogue: ProgrammeCatalogue(framework: report.framework, labels: labels), labels: labels,
                                          advancePercent: report.framework.advance.percent)
        let results = Locked([Result<NoticeRecord, Error>?](repeating: nil, count: work.count))
        let threads = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8, max(work.count, 1))
        // Each thread takes every `threads`-th school; a notice is written outside the lock,
        // only its record is stored under it.
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in stride(from: thread, to: work.count, by: threads) {
                let result = Result {
                    let notice = builder.notice(for: work[index].school, lines: work[index].lines)
                    return try write(notice, labels: labels, into: noticesFolder)
                }
                results.withLock { $0[index] = result }
            }
        }
        var records = try results.withLock { $0 }.map { result in
            guard let result else { throw CocoaError(.fileWriteUnknown) }
            return try result.get()
        }
        if let pdfConverter {
            let pdfs = try pdfConverter.convert(records.map { folder.appendingPathComponent($0.path) })
            for (index, pdf) in pdfs.enumerated() {
                let size = (try FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? NSNumber)?.intValue ?? 0
                records[index].pdf = NoticeRecord.PDFFile(path: "\(Self.folderName)/\(pdf.lastPathComponent)",
                                                          sha256: try SHA256.hex(ofFile: pdf), bytes: size)
            }
        }
        return records
    }

    private func write(_ notice: SchoolNotice, labels: Labels, into folder: URL) throws -> NoticeRecord {
        let url = folder.appendingPathComponent(notice.fileName)
        try NoticeWorkbook(notice: notice, report: report, labels: labels).write(to: url)
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        return NoticeRecord(school: notice.school, path: "\(Self.folderName)/\(notice.fileName)", total: notice.total,
                            sha256: try SHA256.hex(ofFile: url), bytes: size)
    }

    /// School codes are validated as ASCII digits on import; checked again here because a code
    /// becomes a file name, and nothing else may.
    static func isSafeFileName(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 32 && code.unicodeScalars.allSatisfy { $0.isASCII && ("0"..."9").contains($0) }
    }
}
