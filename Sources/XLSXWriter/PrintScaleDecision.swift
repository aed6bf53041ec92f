/// Whether a sheet fits the paper's width legibly: the scale a fit to one page wide would print
/// at, from the columns' widths and the printable width, and what to do when it is too small.
///
/// Widths are counted as LibreOffice lays them out, the wider of the two programs: 7.7 pixels
/// a character plus 5 of padding, 96 pixels an inch (Excel takes 7 with Calibri), so a sheet
/// judged legible is legible in both.
struct PrintScaleDecision {
    static let defaultColumnWidth = 8.43

    let orientation: Orientation
    /// Nil: fit to one page wide; else print at this percentage over more pages across.
    let fixedScale: Int?

    init(setup: PrintSetup, columnWidths: [Double]) {
        let minimum = setup.minimumFitScale ?? 0
        let sheetPixels = columnWidths.reduce(0) { $0 + Self.pixels($1) }
        func fitScale(_ orientation: Orientation) -> Double {
            let printable = Self.printableInches(setup.paper, orientation, setup.margins) * 96
            return sheetPixels <= 0 ? 100 : min(100, printable / sheetPixels * 100)
        }
        if fitScale(setup.orientation) >= Double(minimum) {
            (orientation, fixedScale) = (setup.orientation, nil)
        } else if fitScale(.landscape) >= Double(minimum) {
            (orientation, fixedScale) = (.landscape, nil)
        } else {
            (orientation, fixedScale) = (.landscape, min(max(setup.overflowScale, minimum), 100))
        }
    }

    static func pixels(_ width: Double) -> Double {
        width <= 0 ? 0 : width < 1 ? (width * 12).rounded() : (width * 7.7).rounded() + 5
    }

    /// The paper's width inside the margins (Excel's default margins: 0.7 inch left and right).
    static func printableInches(_ paper: Paper, _ orientation: Orientation, _ margins: PrintMargins?) -> Double {
        let (short, long): (Double, Double)
        switch paper {
        case .letter: (short, long) = (8.5, 11)
        case .legal: (short, long) = (8.5, 14)
        case .a3: (short, long) = (11.69, 16.54)
        case .a4: (short, long) = (8.27, 11.69)
        case .a5: (short, long) = (5.83, 8.27)
        }
        let width = orientation == .portrait ? short : long
        return max(width - (margins?.left ?? 0.7) - (margins?.right ?? 0.7), 1)
    }
}
