/// Page setup for printing a worksheet.
public struct PrintSetup: Sendable {
    public var paper: Paper
    public var orientation: Orientation
    /// Fit to one page wide and `fitToHeight` pages tall.
    public var fitToWidth: Bool
    /// Pages tall when fitting to the width: 0 means as many as needed, 1 makes a one-page
    /// document such as a notice.
    public var fitToHeight: Int
    /// With `fitToWidth`: fit only while the sheet prints at this percentage or more. A sheet
    /// that would shrink further turns to landscape, and when even that is too small it prints
    /// at `overflowScale` over more pages across. Decided at close, when every column's width
    /// is known (`PrintScaleDecision`).
    public var minimumFitScale: Int?
    /// The print scale, in percent, of a sheet too wide to fit legibly.
    public var overflowScale = 80
    /// Without `fitToWidth`: the print scale in percent (nil: 100%).
    public var scale: Int?
    /// Rows repeated at the top of every printed page (0-based).
    public var repeatRows: ClosedRange<Int>?
    /// Columns repeated at the left of every printed page, for sheets wider than a page.
    public var repeatColumns: ClosedRange<Int>?
    /// libxlsxwriter header/footer codes, e.g. "&CPage &P of &N" (at most 255 characters).
    public var header: String?
    public var footer: String?
    public var centerHorizontally: Bool
    public var margins: PrintMargins?
    public var printArea: CellRange?

    public init(
        paper: Paper = .a4,
        orientation: Orientation = .portrait,
        fitToWidth: Bool = true,
        repeatRows: ClosedRange<Int>? = nil,
        header: String? = nil,
        footer: String? = nil,
        centerHorizontally: Bool = false,
        margins: PrintMargins? = nil,
        printArea: CellRange? = nil,
        fitToHeight: Int = 0
    ) {
        self.paper = paper
        self.orientation = orientation
        self.fitToWidth = fitToWidth
        self.fitToHeight = fitToHeight
        self.repeatRows = repeatRows
        self.header = header
        self.footer = footer
        self.centerHorizontally = centerHorizontally
        self.margins = margins
        self.printArea = printArea
    }
}

/// Paper sizes, valued by Excel's paper codes.
public enum Paper: UInt8, Sendable {
    case letter = 1
    case legal = 5
    case a3 = 8
    case a4 = 9
    case a5 = 11
}

public enum Orientation: Sendable {
    case portrait, landscape
}

/// Page margins in inches, as Excel stores them.
public struct PrintMargins: Hashable, Sendable {
    public var left: Double
    public var right: Double
    public var top: Double
    public var bottom: Double

    public init(left: Double, right: Double, top: Double, bottom: Double) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }
}
