import KhetCore

/// An XLSX workbook opened for reading: its sheets in order, the shared strings and which cell
/// styles are dates. Only the small parts are read whole; a sheet is streamed by
/// `XLSXSheetReader`. Every failure is an `ImportError` naming the file (and the sheet).
final class XLSXWorkbook {
    struct Sheet {
        var name: String
        var partName: String
        var isHidden: Bool
    }

    let displayName: String
    let archive: ZipArchive
    private(set) var sheets: [Sheet] = []
    private(set) var sharedStrings = SharedStrings()
    /// By style index (`s` of a cell): whether the style shows numbers as dates.
    private(set) var dateStyles: [Bool] = []
    private(set) var date1904 = false

    /// The largest small part (workbook, relationships, styles) and the largest shared-strings
    /// part and sheet Khet inflates: far above any real area's file, far below a zip bomb.
    static let largestSmallPart = 16 << 20
    static let largestSharedStrings = 1 << 30
    static let largestSheet = 4 << 30

    init(source: RandomAccessBytes, displayName: String) throws {
        self.displayName = displayName
        do {
            archive = try ZipArchive(source: source)
        } catch let error as ZipError {
            throw XLSXWorkbook.failure(error, file: displayName)
        }
        if archive.entry("mimetype") != nil, archive.entry("content.xml") != nil {
            throw ImportError(.badData, Diagnostic(
                .error, code: "XLS005", file: displayName,
                message: "the file is an OpenDocument spreadsheet (.ods), not an XLSX workbook",
                thaiMessage: "ไฟล์นี้เป็นสเปรดชีต OpenDocument (.ods) ไม่ใช่สมุดงาน XLSX",
                hint: "open it in LibreOffice and save it as Excel 2007-365 (.xlsx)"))
        }
        let workbookPart = try mainPart()
        try readWorkbook(workbookPart)
        try readSharedStrings(folder: Self.folder(of: workbookPart))
        try readStyles(folder: Self.folder(of: workbookPart))
    }

    /// The sheet `name` (or the first visible sheet), streamed row by row.
    func rows(ofSheet name: String?) throws -> XLSXSheetReader {
        let sheet: Sheet
        if let name {
            guard let found = sheets.first(where: { $0.name == name })
                    ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                let names = sheets.map(\.name)
                let guess = Suggestion.closest(to: name, among: names) { $0.lowercased() }
                throw ImportError(.badData, Diagnostic(
                    .error, code: "XLS006", file: displayName,
                    message: "the workbook has no sheet called '\(Diagnostic.quoted(name))'",
                    thaiMessage: "สมุดงานไม่มีแผ่นงานชื่อ '\(Diagnostic.quoted(name))'",
                    hint: guess.map { "did you mean '\($0)'?" }
                        ?? "its sheets: \(Diagnostic.quoted(names.joined(separator: ", ")))"))
            }
            sheet = found
        } else {
            guard let first = sheets.first(where: { !$0.isHidden }) ?? sheets.first else {
                throw ImportError(.badData, Diagnostic(.error, code: "XLS007", file: displayName,
                                                       message: "the workbook has no worksheet",
                                                       thaiMessage: "สมุดงานไม่มีแผ่นงาน"))
            }
            sheet = first
        }
        guard let entry = archive.entry(sheet.partName) else {
            throw ImportError(.badData, Diagnostic(.error, code: "XLS007", file: displayName,
                                                   message: "the sheet '\(Diagnostic.quoted(sheet.name))' is missing from the workbook",
                                                   thaiMessage: "ไม่พบแผ่นงาน '\(Diagnostic.quoted(sheet.name))' ในสมุดงาน",
                                                   hint: "open the file in Excel and save it again"))
        }
        return try XLSXSheetReader(workbook: self, sheet: sheet, entry: entry)
    }

    // MARK: - Parts

    func stream(_ entry: ZipArchive.Entry, limit: Int) throws -> XMLPullReader {
        do {
            return try XMLPullReader(stream: archive.stream(entry, limit: limit), partName: entry.name)
        } catch let error as ZipError {
            throw Self.failure(error, file: displayName)
        }
    }

    /// Walks a small part, calling `visit` at every start element.
    private func walk(_ partName: String, required: Bool, visit: (XMLPullReader) throws -> Void) throws {
        guard let entry = archive.entry(partName) else {
            guard !required else {
                throw ImportError(.badData, Diagnostic(.error, code: "XLS007", file: displayName,
                                                       message: "the workbook part \(Diagnostic.quoted(partName)) is missing",
                                                       thaiMessage: "ไม่พบส่วน \(Diagnostic.quoted(partName)) ของสมุดงาน",
                                                       hint: "open the file in Excel and save it again as .xlsx"))
            }
            return
        }
        let reader = try stream(entry, limit: partName.hasSuffix("sharedStrings.xml") ? Self.largestSharedStrings : Self.largestSmallPart)
        try Self.reading(partName, file: displayName, sheet: nil) {
            while try reader.read() { if reader.isStartElement { try visit(reader) } }
        }
    }

    /// The workbook part named by the package relationships, `xl/workbook.xml` in practice.
    private func mainPart() throws -> String {
        var target: String?
        try walk("_rels/.rels", required: false) { reader in
            if reader.nameIs(Names.relationship), target == nil,
               reader.attribute(Names.type)?.hasSuffix("/officeDocument") == true {
                target = reader.attribute(Names.target)
            }
        }
        return Self.resolve(target ?? "xl/workbook.xml", from: "")
    }

    private func readWorkbook(_ part: String) throws {
        var listed: [(name: String, relationship: String, hidden: Bool)] = []
        try walk(part, required: true) { reader in
            if reader.nameIs(Names.sheet), let name = reader.attribute(Names.name), let id = reader.attribute(Names.id) {
                let state = reader.attribute(Names.state) ?? "visible"
                listed.append((name, id, state != "visible"))
            } else if reader.nameIs(Names.workbookPr) {
                let value = reader.attribute(Names.date1904) ?? "0"
                date1904 = value == "1" || value == "true"
            }
        }
        var targets: [String: String] = [:]
        let folder = Self.folder(of: part)
        let relsName = folder + "_rels/" + String(part.split(separator: "/").last ?? "workbook.xml") + ".rels"
        try walk(relsName, required: true) { reader in
            if reader.nameIs(Names.relationship), let id = reader.attribute(Names.relationshipID), let target = reader.attribute(Names.target),
               reader.attribute(Names.type)?.hasSuffix("/worksheet") == true {
                targets[id] = Self.resolve(target, from: folder)
            }
        }
        // Chart sheets and dialog sheets have no worksheet relationship: they hold no table.
        sheets = listed.compactMap { entry in
            targets[entry.relationship].map { Sheet(name: entry.name, partName: $0, isHidden: entry.hidden) }
        }
    }

    private func readSharedStrings(folder: String) throws {
        guard let entry = archive.entry(folder + "sharedStrings.xml") else { return }
        let reader = try stream(entry, limit: Self.largestSharedStrings)
        var strings = SharedStrings()
        try Self.reading(entry.name, file: displayName, sheet: nil) {
            while try reader.read() {
                guard reader.isStartElement, reader.nameIs(Names.si) else { continue }
                strings.append(try Self.richText(in: reader))
            }
        }
        sharedStrings = strings
    }

    private func readStyles(folder: String) throws {
        var customDateIDs: Set<Int> = []
        var inCellFormats = false
        var styles: [Bool] = []
        try walk(folder + "styles.xml", required: false) { reader in
            if reader.nameIs(Names.numFmt), let id = reader.attribute(Names.numFmtId).flatMap(Int.init),
               let code = reader.attribute(Names.formatCode), DateFormats.isDate(formatCode: code) {
                customDateIDs.insert(id)
            } else if reader.nameIs(Names.cellXfs) {
                inCellFormats = true
            } else if reader.nameIs(Names.cellStyleXfs) || reader.nameIs(Names.dxfs) {
                inCellFormats = false
            } else if inCellFormats, reader.nameIs(Names.xf) {
                let id = reader.attribute(Names.numFmtId).flatMap(Int.init) ?? 0
                styles.append(DateFormats.builtInDateIDs.contains(id) || customDateIDs.contains(id))
            }
        }
        dateStyles = styles
    }

    /// The text of an `si` or `is` element: its `t` children, directly or in rich-text runs,
    /// without the phonetic guides (`rPh`). The reader ends on the element's end.
    static func richText(in reader: XMLPullReader) throws -> String {
        if reader.isEmptyElement { return "" }
        let depth = reader.depth
        var text = ""
        var inText = false
        var inPhonetic = false
        while try reader.read() {
            if reader.isEndElement {
                if reader.depth == depth { break }
                if reader.nameIs(Names.t) { inText = false }
                if reader.nameIs(Names.rPh) { inPhonetic = false }
            } else if reader.isStartElement {
                if reader.nameIs(Names.rPh) { inPhonetic = !reader.isEmptyElement }
                if reader.nameIs(Names.t) { inText = !reader.isEmptyElement }
            } else if inText, !inPhonetic, reader.isText {
                text += reader.text
            }
        }
        return OOXMLEscapes.decode(text)
    }

    // MARK: - Paths and failures

    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target: absolute (`/xl/worksheets/sheet1.xml`) or relative to `folder`, with `..`.
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    static func failure(_ error: ZipError, file: String, sheet: String? = nil) -> ImportError {
        var diagnostic = Diagnostic(.error, code: "XLS003", file: file, message: error.message,
                                    thaiMessage: error.thaiMessage, hint: error.hint)
        diagnostic.sheet = sheet
        return ImportError(.badData, diagnostic)
    }

    /// Runs `body`, turning the XML reader's failures into located errors.
    static func reading(_ part: String, file: String, sheet: String?, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as XMLPullReader.Failure {
            switch failure {
            case .zip(let error):
                throw Self.failure(error, file: file, sheet: sheet)
            case .malformed(let line, let doctype):
                var diagnostic = Diagnostic(
                    .error, code: "XLS008", file: file,
                    message: doctype ? "the workbook part \(Diagnostic.quoted(part)) has a DOCTYPE, which spreadsheets never have"
                                     : "the workbook part \(Diagnostic.quoted(part)) is not well-formed XML (its line \(line))",
                    thaiMessage: "ส่วน \(Diagnostic.quoted(part)) ของสมุดงานไม่ใช่ XML ที่ถูกรูปแบบ",
                    hint: "open the file in Excel or LibreOffice and save it again as .xlsx")
                diagnostic.sheet = sheet
                throw ImportError(.badData, diagnostic)
            }
        }
    }

    enum Names {
        static let relationship = XMLName("Relationship"), type = XMLName("Type"), target = XMLName("Target")
        static let id = XMLName("id"), relationshipID = XMLName("Id"), sheet = XMLName("sheet"), name = XMLName("name"), state = XMLName("state")
        static let workbookPr = XMLName("workbookPr"), date1904 = XMLName("date1904")
        static let si = XMLName("si"), t = XMLName("t"), rPh = XMLName("rPh")
        static let numFmt = XMLName("numFmt"), numFmtId = XMLName("numFmtId"), formatCode = XMLName("formatCode")
        static let cellXfs = XMLName("cellXfs"), cellStyleXfs = XMLName("cellStyleXfs"), dxfs = XMLName("dxfs"), xf = XMLName("xf")
    }
}
