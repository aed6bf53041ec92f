import Foundation
import KhetCore
import KhetTemplates
import Mustache

/// `annual-report-<FY>.html`: the director's annual report (domain §10) as one self-contained
/// file. Rendered from `templates/report/*.mustache` with the CSS inlined and charts as inline
/// SVG, so it opens offline and asks nothing of the network. Mustache escapes every value;
/// the only unescaped insert is the SVG of `SVGChart`, which escapes its own text.
public struct AnnualReport {
    public enum Failure: Error, CustomStringConvertible {
        case missingTemplate(String)
        case badTemplate(String, String)

        public var description: String {
            switch self {
            case .missingTemplate(let name): return "the report template \(name) is missing; reinstall Khet"
            case .badTemplate(let name, let message): return "the report template \(name) does not parse: \(message)"
            }
        }
    }

    static let templateNames = ["report", "cover", "contents", "chapter", "section", "figure", "table"]

    public let data: AnnualReportData

    public init(data: AnnualReportData) { self.data = data }

    public var fileName: String { "annual-report-\(data.allocation.fiscalYear.year).html" }

    @discardableResult
    public func write(into folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(fileName)
        try Data(try render().utf8).write(to: url)
        return url
    }

    /// The whole document.
    public func render() throws -> String {
        var library = MustacheLibrary()
        for name in Self.templateNames {
            library.register(try template(named: "\(name).mustache"), named: name)
        }
        // The stylesheet is a partial, so it goes in as template text, unescaped, like the
        // rest of our own markup (escaping would turn `>` selectors into `&gt;`).
        library.register(try template(named: "report.css"), named: "css")
        guard let html = library.render(ReportViewBuilder(data: data).view(), withTemplate: "report") else {
            throw Failure.missingTemplate("report.mustache")
        }
        return html
    }

    private func template(named name: String) throws -> MustacheTemplate {
        guard let url = KhetTemplates.url("report/" + name), let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Failure.missingTemplate(name)
        }
        do {
            return try MustacheTemplate(string: text)
        } catch {
            throw Failure.badTemplate(name, "\(error)")
        }
    }
}
