/// The annual report as the Mustache templates see it: plain stored strings, flags and
/// arrays (Mustache reads them by reflection). Text is escaped by Mustache when rendered; only
/// `ReportFigure.svg` is inserted as it is.
struct ReportView {
    struct ContentsEntry {
        var id: String
        var label: String
        var title: String
    }

    struct KeyFigure {
        var label: String
        var value: String
        var unit: String
        var note: String
    }

    struct ListBlock {
        var title: String
        var items: [String]
        var hasTitle: Bool

        init(title: String, items: [String]) {
            self.title = title
            self.items = items
            hasTitle = !title.isEmpty
        }
    }

    struct Section {
        var id: String
        var title: String
        var paragraphs: [String] = []
        var figures: [ReportFigure] = []
        var tables: [ReportTable] = []
        var lists: [ListBlock] = []
    }

    struct Chapter {
        var id: String
        var label: String
        var title: String
        var paragraphs: [String] = []
        var keyFigures: [KeyFigure] = []
        var sections: [Section] = []
        var hasKeyFigures: Bool = false
    }

    var lang: String
    var title: String
    var areaName: String
    var areaShortName: String
    var areaCode: String
    var period: String
    var prepared: String
    var isDraft: Bool
    var draft: String
    var draftMark: String
    var contentsTitle: String
    var contents: [ContentsEntry]
    var chapters: [Chapter]
    var generator: String
}
