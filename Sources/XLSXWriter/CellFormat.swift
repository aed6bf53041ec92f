/// How a cell looks. A plain value: the workbook turns each distinct value into one library
/// format, so callers never create, share or free format pointers.
public struct CellFormat: Hashable, Sendable {
    public var fontName: String?
    public var fontSize: Double?
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    /// 0xRRGGBB
    public var fontColor: UInt32?
    /// Solid background, 0xRRGGBB.
    public var fill: UInt32?
    /// Excel number format code, e.g. "#,##0.00".
    public var numberFormat: String?
    public var horizontalAlignment: HorizontalAlignment?
    public var verticalAlignment: VerticalAlignment?
    public var wrapText: Bool
    public var indent: Int?
    /// All four sides; the per-side values below override it.
    public var border: BorderStyle?
    public var topBorder: BorderStyle?
    public var bottomBorder: BorderStyle?
    public var leftBorder: BorderStyle?
    public var rightBorder: BorderStyle?
    /// 0xRRGGBB for every border line.
    public var borderColor: UInt32?

    public init(
        fontName: String? = nil,
        fontSize: Double? = nil,
        bold: Bool = false,
        italic: Bool = false,
        underline: Bool = false,
        fontColor: UInt32? = nil,
        fill: UInt32? = nil,
        numberFormat: String? = nil,
        horizontalAlignment: HorizontalAlignment? = nil,
        verticalAlignment: VerticalAlignment? = nil,
        wrapText: Bool = false,
        indent: Int? = nil,
        border: BorderStyle? = nil,
        topBorder: BorderStyle? = nil,
        bottomBorder: BorderStyle? = nil,
        leftBorder: BorderStyle? = nil,
        rightBorder: BorderStyle? = nil,
        borderColor: UInt32? = nil
    ) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.fontColor = fontColor
        self.fill = fill
        self.numberFormat = numberFormat
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.wrapText = wrapText
        self.indent = indent
        self.border = border
        self.topBorder = topBorder
        self.bottomBorder = bottomBorder
        self.leftBorder = leftBorder
        self.rightBorder = rightBorder
        self.borderColor = borderColor
    }

    /// Swift insists on declaration order for labelled arguments; this overload lets the style
    /// flags come first, as in `CellFormat(bold: true, fontSize: 14)`. Disfavoured so that calls
    /// which fit both initialisers pick the one above instead of being ambiguous.
    @_disfavoredOverload
    public init(
        bold: Bool = false,
        italic: Bool = false,
        underline: Bool = false,
        wrapText: Bool = false,
        fontName: String? = nil,
        fontSize: Double? = nil,
        fontColor: UInt32? = nil,
        fill: UInt32? = nil,
        numberFormat: String? = nil,
        horizontalAlignment: HorizontalAlignment? = nil,
        verticalAlignment: VerticalAlignment? = nil,
        indent: Int? = nil,
        border: BorderStyle? = nil,
        topBorder: BorderStyle? = nil,
        bottomBorder: BorderStyle? = nil,
        leftBorder: BorderStyle? = nil,
        rightBorder: BorderStyle? = nil,
        borderColor: UInt32? = nil
    ) {
        self.init(
            fontName: fontName, fontSize: fontSize, bold: bold, italic: italic,
            underline: underline, fontColor: fontColor, fill: fill, numberFormat: numberFormat,
            horizontalAlignment: horizontalAlignment, verticalAlignment: verticalAlignment,
            wrapText: wrapText, indent: indent, border: border, topBorder: topBorder,
            bottomBorder: bottomBorder, leftBorder: leftBorder, rightBorder: rightBorder,
            borderColor: borderColor)
    }

    /// How much wider than the default 11-point font this format's text is (never narrower:
    /// small fonts still need room for the padding).
    var widthScale: Double {
        guard let fontSize, fontSize > 11 else { return 1 }
        return fontSize / 11
    }
}
