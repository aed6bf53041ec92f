import KhetCore
import XLSXWriter

extension Money {
    /// The exact decimal a spreadsheet cell holds for this amount (two decimals, in baht).
    var cellValue: FixedDecimal { FixedDecimal(units: satang, scale: 2) }
}
