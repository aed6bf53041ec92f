/// Escapes text for HTML and SVG: element content and quoted attribute values alike. Every
/// text the chart builder writes passes through here, since its output is the one thing the
/// report inserts without Mustache's own escaping.
enum HTMLEscape {
    static func text(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // Control characters are not allowed in HTML text; they can only come from bad input.
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
