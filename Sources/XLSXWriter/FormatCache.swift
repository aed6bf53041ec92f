import CXlsxWriter

/// A library format with what measuring its cells needs, built once per distinct format.
final class FormatEntry {
    let format: CellFormat
    let pointer: UnsafeMutablePointer<lxw_format>
    let widthScale: Double
    /// Parsed on first use: many formats are never used for measured numbers.
    private(set) lazy var widthPlan = NumberWidthPlan(numberFormat: format.numberFormat)

    init(format: CellFormat, pointer: UnsafeMutablePointer<lxw_format>) {
        self.format = format
        self.pointer = pointer
        self.widthScale = format.widthScale
    }
}

/// One library format per distinct `CellFormat` value.
///
/// The library owns the formats and frees them with the workbook, so the cache only lends out
/// pointers and must be emptied when the workbook goes away.
final class FormatCache {
    /// libxlsxwriter copies font names and number formats into 128-byte buffers.
    static let maximumFieldBytes = 127

    private var formats: [CellFormat: FormatEntry] = [:]
    /// The few formats used last, checked by equality before the dictionary: a sheet's rows
    /// cycle through a handful of formats, and comparing is much cheaper than hashing a format
    /// with its strings for every one of a national run's millions of cells.
    private var recent: [FormatEntry] = []
    private var nextRecent = 0
    private static let recentCount = 8

    var count: Int { formats.count }

    func entry(
        for format: CellFormat, in workbook: UnsafeMutablePointer<lxw_workbook>
    ) throws -> FormatEntry {
        for entry in recent where entry.format == format { return entry }
        if let existing = formats[format] {
            remember(existing)
            return existing
        }
        try Self.validate(format)
        guard let created = workbook_add_format(workbook) else {
            throw libraryError(LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook_add_format")
        }
        Self.apply(format, to: created)
        let entry = FormatEntry(format: format, pointer: created)
        formats[format] = entry
        remember(entry)
        return entry
    }

    private func remember(_ entry: FormatEntry) {
        if recent.count < Self.recentCount {
            recent.append(entry)
        } else {
            recent[nextRecent] = entry
            nextRecent = (nextRecent + 1) % Self.recentCount
        }
    }

    func removeAll() {
        formats.removeAll()
        recent.removeAll()
        nextRecent = 0
    }

    /// Rejects what the library would truncate or wrap around when narrowing to C types.
    private static func validate(_ format: CellFormat) throws {
        func invalid(_ value: String, _ reason: String) -> XLSXError {
            .invalidArgument(value, reason: reason)
        }
        for text in [format.fontName, format.numberFormat].compactMap({ $0 }) {
            guard text.utf8.count <= maximumFieldBytes else {
                throw invalid(text, "longer than \(maximumFieldBytes) bytes")
            }
        }
        if let size = format.fontSize, !(size.isFinite && size >= 1 && size <= 409) {
            throw invalid(String(size), "font size must be between 1 and 409 points")
        }
        if let indent = format.indent, !(0...15).contains(indent) {
            throw invalid(String(indent), "indent must be between 0 and 15")
        }
        for color in [format.fontColor, format.fill, format.borderColor].compactMap({ $0 }) {
            guard color <= 0xFFFFFF else {
                throw invalid(String(color, radix: 16), "colours are 0xRRGGBB")
            }
        }
    }

    private static func apply(_ format: CellFormat, to pointer: UnsafeMutablePointer<lxw_format>) {
        if let name = format.fontName { format_set_font_name(pointer, name) }
        if let size = format.fontSize { format_set_font_size(pointer, size) }
        if format.bold { format_set_bold(pointer) }
        if format.italic { format_set_italic(pointer) }
        if format.underline { format_set_underline(pointer, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        if let color = format.fontColor { format_set_font_color(pointer, libraryColor(color)) }
        if let color = format.fill {
            format_set_pattern(pointer, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(pointer, libraryColor(color))
        }
        if let code = format.numberFormat { format_set_num_format(pointer, code) }
        if let alignment = format.horizontalAlignment { format_set_align(pointer, alignment.libraryValue) }
        if let alignment = format.verticalAlignment { format_set_align(pointer, alignment.libraryValue) }
        if format.wrapText { format_set_text_wrap(pointer) }
        if let indent = format.indent { format_set_indent(pointer, UInt8(indent)) }
        if let style = format.border { format_set_border(pointer, style.libraryValue) }
        if let style = format.topBorder { format_set_top(pointer, style.libraryValue) }
        if let style = format.bottomBorder { format_set_bottom(pointer, style.libraryValue) }
        if let style = format.leftBorder { format_set_left(pointer, style.libraryValue) }
        if let style = format.rightBorder { format_set_right(pointer, style.libraryValue) }
        if let color = format.borderColor { format_set_border_color(pointer, libraryColor(color)) }
    }

    /// The library reads 0x000000 as "no colour", so black has its own code.
    private static func libraryColor(_ rgb: UInt32) -> lxw_color_t {
        rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(rgb)
    }
}
