/// Which cell styles of a workbook show a number as a date: the built-in date formats (including
/// the Thai ones Excel numbers 71–81) and custom formats whose code has day, month or year
/// parts outside quotes and brackets (`d/m/yyyy`, `[$-th-TH]dd mmm bbbb`, `ว/ด/ปปปป`); `General` and `0.00E+00` are not dates.
enum DateFormats {
    static let builtInDateIDs: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58).union(71...81)

    static func isDate(formatCode: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        var sawDatePart = false
        for character in formatCode {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case _ where inQuotes || inBrackets: continue
            case "d", "D", "y", "Y", "b", "B", "ว", "ด", "ป":
                sawDatePart = true
            case "m", "M":
                // Alone, m may be minutes (h:mm); with a day or year part it is a month.
                continue
            case ";":
                // The first section decides, as it formats the positive numbers.
                return sawDatePart
            default:
                continue
            }
        }
        return sawDatePart
    }
}
