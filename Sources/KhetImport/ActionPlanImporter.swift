import KhetCore

/// Reads an action plan with its results from XML (`templates/schema/action-plan.xsd`) or CSV,
/// or a table (CSV or an XLSX sheet), chosen by the file's extension, and applies the checks both
/// formats share.
public struct ActionPlanImporter {
    public struct Result {
        public var plan: ActionPlan?
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    public func read(path: String, displayName: String, sheet: String? = nil) throws -> Result {
        if !path.lowercased().hasSuffix(".xml") {
            return try ActionPlanCSVReader().read(path: path, displayName: displayName, sheet: sheet)
        }
        return try ActionPlanXMLReader().read(path: path, displayName: displayName)
    }

    /// Spending as reported: the year's total, or the quarters' sum when only they are given.
    /// Quarters that disagree with the total, or spending above the allocation, are worth a
    /// warning: they are usually a typo, but the office may have had a transfer.
    static func spending(allocated: Money, spent: Money?, quarters: [Money?], project code: String,
                         warn: (String, String) -> Void) -> Money? {
        let reported = quarters.compactMap { $0 }
        var total = spent
        if total == nil, reported.count == 4 { total = reported.sum() }
        if let spent, reported.count == 4, reported.sum() != spent {
            warn("EVL004", "project \(code): the quarters add up to \(reported.sum().formatted) but spent is \(spent.formatted); spent is used")
        }
        if let total, total > allocated {
            warn("EVL005", "project \(code) spent \(total.formatted), more than its allocation of \(allocated.formatted)")
        }
        return total
    }
}
