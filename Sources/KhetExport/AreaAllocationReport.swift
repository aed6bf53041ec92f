import KhetCalc
import KhetCore

/// Everything an exporter needs about one batch: who, when, with which rates, and the result.
/// Exporters only read it; they compute nothing that the calculators did not.
public struct AreaAllocationReport: Sendable {
    public var area: Area
    public var fiscalYear: FiscalYear
    public var framework: Framework
    public var schools: [School]
    public var snapshots: [Snapshot]
    public var allocation: Allocation
    /// Warnings and notes from importing and calculating (a batch with errors writes nothing).
    public var diagnostics: [Diagnostic]
    /// The batch date: printed on outputs and stamped as the files' creation time.
    public var batchDate: ThaiDate
    public var language: Language
    /// The covering letter of the school notices, as the batch describes it.
    public var letter = NoticeLetter()
    /// A pay run's transfer: the allocation then holds only what it pays now. Nil for a plan of the year.
    public var transfer: TransferSummary?

    public init(area: Area, fiscalYear: FiscalYear, framework: Framework, schools: [School], snapshots: [Snapshot],
                allocation: Allocation, diagnostics: [Diagnostic], batchDate: ThaiDate, language: Language) {
        self.area = area
        self.fiscalYear = fiscalYear
        self.framework = framework
        self.schools = schools.sorted { $0.code < $1.code }
        self.snapshots = snapshots.sorted { $0.date < $1.date }
        self.allocation = allocation
        self.diagnostics = diagnostics
        self.batchDate = batchDate
        self.language = language
    }

    /// The latest snapshot: the pupil count shown beside each school.
    public var latestSnapshot: Snapshot? { snapshots.last }

    public var freeEducation: Programme? { framework.programme(FreeEducationCalculator.programmeID) }
}
