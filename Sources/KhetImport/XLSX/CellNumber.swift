import Foundation

/// How a number cell reads as text to the importers: what an analyst sees in Excel with the
/// General format. Whole numbers without a decimal point (`25`, not `25.0` or `2.5E1`), and a
/// fraction to 15 significant digits, Excel's own precision, so `0.1+0.2` reads `0.3`. A cell
/// formatted as a date reads as its ISO date (`2010-05-17`), which the date fields accept.
enum CellNumber {
    static func text(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.utf8.count <= 15, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return trimmed
        }
        guard let value = Double(trimmed), value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let formatted = String(format: "%.15g", value)
        return formatted.contains("e") ? String(value) : formatted
    }

    /// The day a serial number stands for, as `yyyy-mm-dd` (the common era). `date1904` is the
    /// old Mac epoch; in the 1900 system, serials from 61 on are days since 1899-12-30 (Excel
    /// counts a 29 February 1900 that never was). Nil for serials before 1 March 1900 or absurd ones.
    static func isoDate(serial raw: String, date1904: Bool) -> String? {
        guard let value = Double(raw.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        let day = Int(value.rounded(.down))
        guard date1904 ? day >= 0 : day >= 61, day < 2_958_466 else { return nil }
        // Days from 1970-01-01 to the serial's day.
        let daysSinceEpoch = date1904 ? day - 24_107 : day - 25_569
        let (year, month, dayOfMonth) = civilDate(daysSinceEpoch: daysSinceEpoch)
        return String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
    private static func civilDate(daysSinceEpoch: Int) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
