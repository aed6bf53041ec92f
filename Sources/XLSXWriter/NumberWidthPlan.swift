/// How many characters `DisplayText.number(_:numberFormat:)` shows for a value in one number
/// format, computed without rendering the text.
///
/// Measuring every number for fitted column widths cost more than writing it, because rendering
/// parses the format and formats the value as a string each time. The plan parses the format
/// once and counts digits, separators and literal text arithmetically. Anything it does not
/// cover exactly ("@" in a section, literal text that could join a neighbouring character into
/// one grapheme cluster, very large values, values whose rounding lies on a tie) falls back to
/// the renderer, so the count always equals `DisplayText.number(...).count`.
struct NumberWidthPlan {
    private enum Kind {
        case general
        case sections([SectionPlan?])
    }

    private let numberFormat: String?
    private let kind: Kind

    init(numberFormat: String?) {
        self.numberFormat = numberFormat
        guard let numberFormat, !numberFormat.isEmpty, numberFormat.lowercased() != "general" else {
            kind = .general
            return
        }
        // Only the first three sections are ever used for numbers.
        kind = .sections(DisplayText.splitSections(numberFormat).prefix(3).map(SectionPlan.init))
    }

    func characterCount(_ value: Double) -> Int {
        plannedCount(value) ?? DisplayText.number(value, numberFormat: numberFormat).count
    }

    /// The count without rendering, or nil where the plan leaves it to the renderer.
    func plannedCount(_ value: Double) -> Int? {
        guard value.isFinite else { return 0 }
        switch kind {
        case .general:
            if value == value.rounded(), abs(value) < 1e11 {
                let integer = Int64(value)
                return Self.decimalDigits(integer.magnitude) + (integer < 0 ? 1 : 0)
            }
        case .sections(let sections):
            if value < 0, sections.count >= 2 {
                if let count = sections[1]?.characterCount(-value) { return count }
            } else if value == 0, sections.count >= 3 {
                if let count = sections[2]?.characterCount(0) { return count }
            } else if let count = sections[0]?.characterCount(abs(value)) {
                return count + (value < 0 ? 1 : 0)
            }
        }
        return nil
    }

    static func decimalDigits(_ value: UInt64) -> Int {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }
}

/// One section of a format: literal characters plus at most one rendered run of placeholders,
/// walked exactly as `DisplayText.render` walks it.
private struct SectionPlan {
    let literalCount: Int
    let percent: Bool
    let digits: DigitsPlan?

    init?(_ section: String) {
        var literal = ""
        var run: ArraySlice<Character>?
        for part in FormatSectionPart.parts(of: section) {
            switch part {
            case .literal(let text): literal += text
            // The value as General text in the middle of the section: left to the renderer.
            case .general: return nil
            case .placeholders(let placeholders): if run == nil { run = placeholders }
            }
        }
        // Counts add up only when no literal character can join its neighbour into one cluster.
        guard literal.unicodeScalars.allSatisfy(Self.standsAlone) else { return nil }
        literalCount = literal.unicodeScalars.count
        percent = section.contains("%")
        digits = run.map(DigitsPlan.init)
    }

    func characterCount(_ magnitude: Double) -> Int? {
        guard let digits else { return literalCount }
        let value = percent ? magnitude * 100 : magnitude
        guard let count = digits.characterCount(value) else { return nil }
        return literalCount + count
    }

    /// Scalars that always form a grapheme cluster of their own next to digits, signs and each
    /// other: printable ASCII, Thai letters other than the combining marks, a few currency signs.
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA3, 0xA5, 0x20AC: return true
        case 0x0E01...0x0E5B: return !TextWidth.isThaiMark(scalar.value)
        default: return false
        }
    }
}

/// A run such as "#,##0.00": the same rules as `DisplayText.digits`, counted instead of rendered.
private struct DigitsPlan {
    let thousandsDivisions: Int
    let decimals: Int
    let grouping: Bool
    let minimumIntegerDigits: Int

    private static let powersOfTen: [Double] = (0...15).map { power in
        (0..<power).reduce(1.0) { product, _ in product * 10 }
    }

    init(_ placeholders: ArraySlice<Character>) {
        var run = placeholders
        var divisions = 0
        while run.last == "," {
            run.removeLast()
            divisions += 1
        }
        let point = run.firstIndex(of: ".")
        let integerPart = point.map { run[run.startIndex..<$0] } ?? run
        let fractionPart = point.map { run[run.index(after: $0)...] } ?? []
        thousandsDivisions = divisions
        decimals = fractionPart.filter { "0#?".contains($0) }.count
        grouping = integerPart.contains(",")
        minimumIntegerDigits = integerPart.filter { $0 == "0" }.count
    }

    /// Characters of `String(format: "%.Nf")` reshaped as `DisplayText.digits` does, or nil
    /// where only the real formatting can tell (huge values, rounding ties).
    func characterCount(_ value: Double) -> Int? {
        var scaled = value
        // The same divisions in the same order as the renderer, so the same double results.
        for _ in 0..<thousandsDivisions { scaled /= 1000 }
        guard scaled >= 0, scaled < 1e15, decimals < Self.powersOfTen.count else { return nil }
        let whole = scaled.rounded(.down)
        // Exact: subtracting the integer part of a double loses no bits.
        let fraction = scaled - whole
        // printf rounds the fraction to `decimals` places; it carries into the integer part
        // when fraction * 10^decimals reaches 10^decimals - 0.5. The product is within one
        // rounding of exact, far inside the margin; values inside the margin go to printf.
        let unit = Self.powersOfTen[decimals]
        let shifted = fraction * unit
        let boundary = unit - 0.5
        guard abs(shifted - boundary) > max(1, shifted) * 1e-9 else { return nil }
        let integer = UInt64(whole) + (shifted > boundary ? 1 : 0)
        var length = integer == 0 ? (minimumIntegerDigits == 0 ? 0 : 1) : NumberWidthPlan.decimalDigits(integer)
        length = max(length, minimumIntegerDigits)
        if grouping && length > 0 { length += (length - 1) / 3 }
        return decimals > 0 ? length + 1 + decimals : length
    }
}
