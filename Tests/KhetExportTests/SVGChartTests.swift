import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import KhetExport

/// The chart builder escapes every text it writes: its SVG is the report's one unescaped insert.
final class SVGChartTests: XCTestCase {
    func testEveryTextIsEscapedAndTheSVGIsWellFormed() throws {
        let hostile = "<script>alert(\"x\")</script> & 'q'"
        let chart = SVGChart(id: "c-\"x", title: hostile, description: hostile)
        let bars = chart.bars([.init(label: hostile, value: 5, shown: hostile), .init(label: "แม่สอด", value: 10, shown: "10")],
                              reference: (8, hostile))
        let stacks = chart.stackedBars([.init(label: hostile, values: [1, 2], shown: hostile)], series: [hostile, "ประถมศึกษา"])
        for svg in [bars, stacks] {
            XCTAssertFalse(svg.contains("<script"), svg)
            XCTAssertFalse(svg.contains("'q'"))
            XCTAssertTrue(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
            XCTAssertTrue(svg.contains("role=\"img\""))
            // A real XML parser reads it: every tag closed, every attribute quoted.
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        }
    }

    func testBarsScaleToTheLargestValueInIntegers() {
        let svg = SVGChart(id: "c", title: "t", description: "d").bars([.init(label: "a", value: 50, shown: "50"),
                                                                         .init(label: "b", value: 100, shown: "100")])
        // The plot is 720 − 230 − 120 = 370 units wide: 100 fills it, 50 takes half.
        XCTAssertTrue(svg.contains("width=\"185\""), svg)
        XCTAssertTrue(svg.contains("width=\"370\""), svg)
    }
}
