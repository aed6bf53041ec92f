import CXlsxWriter

/// A conditional format: cells of a range take `format` when `rule` holds. Excel applies only
/// colours, borders, bold/italic and number formats this way (never font name, size or
/// alignment), so give `format` just those.
public struct ConditionalFormat: Hashable, Sendable {
    public enum Comparison: Hashable, Sendable {
        case equal, notEqual, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual

        var criteria: lxw_conditional_criteria {
            switch self {
            case .equal: return LXW_CONDITIONAL_CRITERIA_EQUAL_TO
            case .notEqual: return LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO
            case .greaterThan: return LXW_CONDITIONAL_CRITERIA_GREATER_THAN
            case .greaterThanOrEqual: return LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO
            case .lessThan: return LXW_CONDITIONAL_CRITERIA_LESS_THAN
            case .lessThanOrEqual: return LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO
            }
        }
    }

    public enum Rule: Hashable, Sendable {
        /// The cell's number compared with `value`.
        case cell(Comparison, FixedDecimal)
        /// The cell's number within `minimum...maximum` (inclusive, as Excel's "between").
        case between(FixedDecimal, FixedDecimal)
        /// The cell's text contains `text`.
        case textContaining(String)
        /// An Excel formula, relative to the range's top-left cell, e.g. `=$E5="ดีมาก"`.
        case formula(String)
        /// Empty cells (results not reported).
        case blank
    }

    public var rule: Rule
    public var format: CellFormat
    /// Later rules are not applied to a cell this rule matched.
    public var stopIfTrue: Bool

    public init(_ rule: Rule, format: CellFormat, stopIfTrue: Bool = false) {
        self.rule = rule
        self.format = format
        self.stopIfTrue = stopIfTrue
    }

    /// Checks what the library would otherwise take silently: text longer than Excel's limit
    /// for a rule, or a formula without its `=`.
    func validate() throws {
        switch rule {
        case .textContaining(let text):
            guard !text.isEmpty, text.utf16.count <= 255 else {
                throw XLSXError.invalidArgument(text, reason: "conditional text must be 1 to 255 characters")
            }
        case .formula(let formula):
            guard formula.hasPrefix("="), formula.utf16.count <= 8192 else {
                throw XLSXError.invalidArgument(formula, reason: "a conditional formula starts with '=' and has at most 8192 characters")
            }
        case .cell(_, let value):
            guard value.doubleValue.isFinite else { throw XLSXError.invalidArgument(value.description, reason: "not a finite number") }
        case .between(let minimum, let maximum):
            guard minimum.doubleValue.isFinite, maximum.doubleValue.isFinite, minimum.doubleValue <= maximum.doubleValue else {
                throw XLSXError.invalidArgument("\(minimum)…\(maximum)", reason: "between needs finite bounds, the first not above the second")
            }
        case .blank:
            break
        }
    }
}
