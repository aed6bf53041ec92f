/// One section of a number format ("#,##0.00 \"บาท\"") split into what it shows: literal text,
/// the value as General text (`@`), and runs of digit placeholders. The renderer and the width
/// plans both read a section through this, so they cannot disagree about what a section holds.
enum FormatSectionPart: Equatable {
    case literal(String)
    case general
    case placeholders(ArraySlice<Character>)

    static func parts(of section: String) -> [FormatSectionPart] {
        let characters = Array(section)
        var parts: [FormatSectionPart] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"":
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    literal.append(characters[index])
                    index += 1
                }
            case "\\":
                index += 1
                if index < characters.count { literal.append(characters[index]) }
            case "_":
                // "_)" leaves the width of ")" blank.
                index += 1
                literal.append(" ")
            case "*":
                // Repeat-to-fill takes whatever room the column has; it needs none of its own.
                index += 1
            case "[":
                var content = ""
                index += 1
                while index < characters.count, characters[index] != "]" {
                    content.append(characters[index])
                    index += 1
                }
                // "[$฿-41E]" shows "฿"; colours and conditions show nothing.
                if content.hasPrefix("$") {
                    literal += content.dropFirst().prefix(while: { $0 != "-" })
                }
            case "@":
                flush()
                parts.append(.general)
            case "0", "#", "?", ".", ",":
                var end = index
                while end < characters.count, "0#?.,".contains(characters[end]) { end += 1 }
                flush()
                parts.append(.placeholders(characters[index..<end]))
                index = end - 1
            default:
                literal.append(character)
            }
            index += 1
        }
        flush()
        return parts
    }
}
