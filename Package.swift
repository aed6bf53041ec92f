// swift-tools-version:6.0
import PackageDescription

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

// The targets, and dependencies pointing one way (nothing reaches up):
//
//   khet (executable: command tree, terminal presentation, exit codes; prints KhetCore/KhetImport values)
//    ├─> KhetBatch  (batch.toml -> inputs -> calculators -> exporters -> output folder; national runner)
//    │     ├─> KhetImport  (CSV/XLSX/XML readers) -> KhetCore, CLibXML2, CZlib, KhetTemplates
//    │     ├─> KhetCalc    (calculators)          -> KhetCore
//    │     ├─> KhetExport  (workbooks, report)    -> KhetCore, KhetDigest, KhetCalc, XLSXWriter, KhetTemplates
//    │     └─> KhetLedger  (confirmed rounds in SQLite, behind a protocol) -> KhetCore, KhetDigest, CSQLite
//    └─> KhetSample (synthetic area and national data sets, CSV and DMC-style XLSX) -> KhetCore, XLSXWriter
//   XLSXWriter -> CXlsxWriter; KhetDigest (SHA-256) -> CCrypto; KhetCore depends on nothing.
//
// Every library target and the executable are compiled in the Swift 6 language mode (data races
// are compile errors); the test targets stay in Swift 5 mode.
let package = Package(
    name: "Khet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "khet", targets: ["khet"]),
        .library(name: "KhetCore", targets: ["KhetCore"]),
        .library(name: "XLSXWriter", targets: ["XLSXWriter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The annual report's HTML templates (logic-less, HTML-escaping by default).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // Test-only: property-based tests of the envelope and the calculators (Swift Testing).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // zlib inflates the parts of XLSX inputs (a zip archive), streaming.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // SQLite keeps the ledger of confirmed rounds (KhetLedger): one file, transactions, no server.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Frameworks, schemas and report templates live at the top of the repository so an
        // analyst finds them; this target bundles them as resources.
        .target(
            name: "KhetTemplates",
            path: "templates",
            exclude: ["README.md"],
            resources: [.copy("frameworks"), .copy("schema"), .copy("evaluation"), .copy("report")],
            swiftSettings: swift6
        ),
        .target(name: "KhetCore", swiftSettings: swift6),
        // SHA-256 by libcrypto: manifest.json fingerprints every input and output, the ledger each entry.
        .target(name: "KhetDigest", dependencies: ["CCrypto"], swiftSettings: swift6),
        .target(name: "KhetImport", dependencies: ["KhetCore", "CLibXML2", "CZlib", "KhetTemplates"], swiftSettings: swift6),
        .target(name: "KhetCalc", dependencies: ["KhetCore"], swiftSettings: swift6),
        .target(name: "KhetLedger", dependencies: ["KhetCore", "KhetDigest", "CSQLite"], swiftSettings: swift6),
        .target(name: "XLSXWriter", dependencies: ["CXlsxWriter"], swiftSettings: swift6),
        .target(name: "KhetExport", dependencies: [
            "KhetCore", "KhetDigest", "KhetCalc", "XLSXWriter", "KhetTemplates",
            .product(name: "Mustache", package: "swift-mustache"),
        ], swiftSettings: swift6),
        .target(
            name: "KhetBatch",
            dependencies: [
                "KhetCore", "KhetDigest", "KhetImport", "KhetCalc", "KhetExport", "KhetLedger", "KhetTemplates",
            ],
            swiftSettings: swift6
        ),
        .target(name: "KhetSample", dependencies: ["KhetCore", "XLSXWriter"], swiftSettings: swift6),
        .executableTarget(
            name: "khet",
            dependencies: [
                "KhetBatch", "KhetSample", "KhetCore", "KhetImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swift6
        ),
        .target(name: "KhetTestSupport", dependencies: ["KhetCore"], path: "Tests/KhetTestSupport"),
        .testTarget(name: "KhetCoreTests", dependencies: ["KhetCore", "KhetTestSupport"]),
        .testTarget(name: "KhetImportTests", dependencies: ["KhetImport", "KhetTestSupport"]),
        .testTarget(name: "KhetLedgerTests", dependencies: ["KhetLedger", "KhetCore", "KhetTestSupport"]),
        .testTarget(name: "KhetCalcTests", dependencies: [
            "KhetCalc", "KhetImport", "KhetTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "KhetTestSupport"]),
        .testTarget(name: "KhetExportTests", dependencies: ["KhetExport", "KhetDigest", "KhetImport", "KhetTestSupport"]),
        .testTarget(name: "KhetBatchTests", dependencies: ["KhetBatch", "KhetSample", "KhetCore", "KhetImport", "KhetCalc", "KhetLedger", "KhetTestSupport"]),
        .testTarget(name: "KhetSampleTests", dependencies: ["KhetSample", "KhetCore", "KhetTestSupport"]),
        .testTarget(name: "KhetEndToEndTests", dependencies: ["KhetTestSupport", "KhetCore"]),
        // Unit tests of the executable's own types (the progress display's text).
        .testTarget(name: "KhetCommandTests", dependencies: ["khet", "KhetBatch", "KhetImport"]),
    ],
    swiftLanguageModes: [.v5]
)
