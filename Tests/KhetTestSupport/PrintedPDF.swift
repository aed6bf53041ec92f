import Foundation

/// Workbooks printed to PDF with LibreOffice, read back with poppler: what a page shows, word by
/// word, and how large its text is printed.
///
/// The printed size of text is measured from word boxes (`pdftotext -bbox`): LibreOffice writes
/// fonts without ascent and descent, so poppler draws every word box the same multiple of its
/// size on the page. That multiple is measured once, on a calibration sheet of one cell of TH
/// Sarabun New at 14 points printed at 100%; a word's height over that gives its printed scale.
public enum PrintedPDF {
    public struct Word: Equatable {
        public var text: String
        public var xMin, yMin, xMax, yMax: Double
        public var width: Double { xMax - xMin }
        public var height: Double { yMax - yMin }

        /// Two words drawn over each other: what a cell's text cut off by its neighbour or by its
        /// row looks like once printed (the cut part is still drawn, under a clip).
        public func overlaps(_ other: Word) -> Bool {
            let across = min(xMax, other.xMax) - max(xMin, other.xMin)
            let down = min(yMax, other.yMax) - max(yMin, other.yMin)
            guard across > 2, down > 2 else { return false }
            return across * down > 0.2 * min(width * height, other.width * other.height)
        }
    }

    public struct Page {
        public var number: Int
        public var words: [Word]
        /// The page's text as `PrintedPDF.comparable` makes it: pdftotext puts spaces where Thai
        /// marks stack, and reports some marks out of order.
        public var squeezedText: String

        /// Whether the page's text holds `text` (compared as `PrintedPDF.comparable` makes both).
        public func contains(_ text: String) -> Bool { squeezedText.contains(PrintedPDF.comparable(text)) }

        /// Pairs of words drawn over each other. Combining marks that poppler reports as words of
        /// their own (a few points wide) are left out.
        public var overlappingWords: [(Word, Word)] {
            let solid = words.filter { $0.width > 3 }
            var pairs: [(Word, Word)] = []
            for (index, word) in solid.enumerated() {
                for other in solid[(index + 1)...] where word.overlaps(other) { pairs.append((word, other)) }
            }
            return pairs
        }

        /// The median height of the words that belong to `titles` (the header row a sheet
        /// repeats on every page, always at the sheet's body size): the page's printed scale
        /// times the calibration's height.
        public func height(ofWordsIn titles: [String]) -> Double? {
            let pieces = titles.map(PrintedPDF.comparable)
            let heights = words.filter { word in
                let piece = PrintedPDF.comparable(word.text)
                return piece.count >= 2 && pieces.contains { $0.contains(piece) }
            }.map(\.height).sorted()
            return heights.isEmpty ? nil : heights[heights.count / 2]
        }

        /// The median height of every word wider than a combining mark, leaving out the page's
        /// header and footer lines (the printed draft warning, the page number).
        public var wordHeight: Double? {
            guard let top = words.map(\.yMin).min(), let bottom = words.map(\.yMin).max() else { return nil }
            let heights = words.filter { $0.width > 3 && $0.yMin > top + 8 && $0.yMin < bottom - 8 }.map(\.height).sorted()
            return heights.isEmpty ? nil : heights[heights.count / 2]
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Converts `files` into PDFs in `folder` with one `soffice` call and a private profile (so
    /// parallel runs never share one), plus the calibration sheet; returns the word height of
    /// 14-point TH Sarabun New at 100%.
    public static func convert(_ files: [String], into folder: TemporaryDirectory) throws -> Double {
        let soffice = try ExternalTool.require("soffice", install: "apt-get install libreoffice-calc-nogui")
        let calibration = try folder.write("calibration.fods", calibrationSheet)
        let profile = try TemporaryDirectory("khet-soffice-profile")
        let result = try ProcessRunner.run(soffice, ["-env:UserInstallation=\(profile.url.absoluteString)", "--headless",
                                                     "--convert-to", "pdf", "--outdir", folder.path] + files + [calibration])
        guard result.status == 0 else { throw Failure(description: "soffice failed: \(result.standardError)") }
        let pages = try read(folder.file("calibration.pdf"))
        guard let word = pages.first?.words.first(where: { $0.text == calibrationWord }) else {
            throw Failure(description: "the calibration sheet did not print '\(calibrationWord)'")
        }
        return word.height
    }

    /// Every page of `pdf`, with its words.
    public static func read(_ pdf: String) throws -> [Page] {
        let pdftotext = try ExternalTool.require("pdftotext", install: "apt-get install poppler-utils")
        let boxes = try ProcessRunner.run(pdftotext, ["-bbox", pdf, "-"])
        guard boxes.status == 0 else { throw Failure(description: "pdftotext failed on \(pdf): \(boxes.standardError)") }
        let pattern = try NSRegularExpression(
            pattern: #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
        var pages: [Page] = []
        for (index, chunk) in boxes.standardOutput.components(separatedBy: "<page ").dropFirst().enumerated() {
            // Through NSString: a word may begin with a Thai mark, which joins the `>` before it
            // into one Character, so a String range would not start where the word does.
            let text = chunk as NSString
            let words = pattern.matches(in: chunk, range: NSRange(location: 0, length: text.length)).compactMap { match -> Word? in
                func group(_ number: Int) -> String { text.substring(with: match.range(at: number)) }
                guard let xMin = Double(group(1)), let yMin = Double(group(2)), let xMax = Double(group(3)),
                      let yMax = Double(group(4)) else { return nil }
                return Word(text: unescape(group(5)), xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax)
            }
            pages.append(Page(number: index + 1, words: words,
                              squeezedText: comparable(words.map(\.text).joined())))
        }
        return pages
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Text compared as printed: without whitespace, and without Thai's combining vowels and
    /// tone marks, which poppler reports out of order or as words of their own.
    public static func comparable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            let value = scalar.value
            let isMark = value == 0x0E31 || (0x0E34...0x0E3A).contains(value) || (0x0E47...0x0E4E).contains(value)
            return !isMark && !scalar.properties.isWhitespace
        }))
    }

    static let calibrationWord = "ค่าจัดการเรียนการสอน"

    /// One cell in TH Sarabun New at 14 points, for Thai (LibreOffice's "complex" script) too.
    static let calibrationSheet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" \
        office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
        <office:font-face-decls><style:font-face style:name="TH Sarabun New" svg:font-family="'TH Sarabun New'"/></office:font-face-decls>
        <office:automatic-styles><style:style style:name="ce1" style:family="table-cell"><style:text-properties \
        style:font-name="TH Sarabun New" fo:font-size="14pt" style:font-name-complex="TH Sarabun New" style:font-size-complex="14pt"/>\
        </style:style></office:automatic-styles>
        <office:body><office:spreadsheet><table:table table:name="c"><table:table-row><table:table-cell table:style-name="ce1" \
        office:value-type="string"><text:p>\(calibrationWord)</text:p></table:table-cell></table:table-row></table:table>\
        </office:spreadsheet></office:body></office:document>

        """
}

extension PrintedPDF.Page {
    /// Whether `text` is printed whole on the page: its words, in reading order, stacked in one
    /// column as a wrapped cell prints them (each line below the last, overlapping it across).
    public func showsWhole(_ text: String) -> Bool {
        let target = PrintedPDF.comparable(text)
        guard !target.isEmpty else { return true }
        let ordered = words.sorted { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }
        for (index, first) in ordered.enumerated() {
            let piece = PrintedPDF.comparable(first.text)
            guard !piece.isEmpty, target.hasPrefix(piece) else { continue }
            var rest = target.dropFirst(piece.count)
            var band = (first.xMin - 40, first.xMax + 40)
            var last = first
            for word in ordered[(index + 1)...] where !rest.isEmpty {
                let piece = PrintedPDF.comparable(word.text)
                guard !piece.isEmpty, rest.hasPrefix(piece), word.yMin >= last.yMin - 1, word.yMin - last.yMax < 30,
                      word.xMax > band.0, word.xMin < band.1 else { continue }
                rest = rest.dropFirst(piece.count)
                band = (min(band.0, word.xMin - 40), max(band.1, word.xMax + 40))
                last = word
            }
            if rest.isEmpty { return true }
        }
        return false
    }

    /// The text at the bottom left of the page: the sheet's name, which every Khet sheet prints
    /// in its footer.
    public var footerLeft: String {
        guard let bottom = words.map(\.yMin).max() else { return "" }
        return PrintedPDF.comparable(words.filter { $0.yMin > bottom - 8 && $0.xMin < 250 }.sorted { $0.xMin < $1.xMin }
            .map(\.text).joined())
    }
}
