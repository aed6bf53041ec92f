import Foundation
import KhetTestSupport
import XCTest

/// No English in Thai outputs and no Thai in English ones: the sample run in each language, and
/// every text of every workbook (the area workbook, the evaluation, the distribution list and
/// three notices, letter and enclosure), the report's text and the sheets' names read back with
/// openpyxl. A word of the other language is allowed only when the inputs hold it (a school's
/// name, a framework's citation), or when it is a file name or a SHA-256 digest. Diagnostics
/// keep the words their importers give (many only in English), so their sheet is left out; and
/// the amount in Thai words stays Thai on English notices, as Thai payment documents require.
final class OutputLanguageTests: XCTestCase {
    private func problems(language: String) throws -> [String] {
        let folder = try Repository.sampleCopy("khet-language")
        let batch = folder.file("batch.toml")
        let text = try String(contentsOfFile: batch, encoding: .utf8)
        try text.replacingOccurrences(of: "language = \"th\"", with: "language = \"\(language)\"")
            .write(toFile: batch, atomically: true, encoding: .utf8)
        let output = folder.file("out")
        let run = try ProcessRunner.khet(["run", batch, "--output", output, "--quiet"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".xml") || $0.hasSuffix(".toml") }.map(folder.file)
            + ["templates/frameworks/fy2568.xml", "templates/evaluation/scales.xml"].map(Repository.path)
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", Self.script, language, output] + inputs)
        XCTAssertEqual(result.status, 0, result.standardError)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.last?.hasSuffix("problems"), true, result.standardOutput + result.standardError)
        return Array(lines.dropLast())
    }

    func testThaiOutputsHoldNoEnglishWords() throws {
        let found = try problems(language: "th")
        XCTAssertTrue(found.isEmpty, "English in the Thai outputs (file | sheet | word | text):\n" + found.joined(separator: "\n"))
    }

    func testEnglishOutputsHoldNoThaiWords() throws {
        let found = try problems(language: "en")
        XCTAssertTrue(found.isEmpty, "Thai in the English outputs (file | sheet | word | text):\n" + found.joined(separator: "\n"))
    }

    /// Prints one line per word found (file | sheet | word | text), then "<n> problems".
    private static let script = #"""
import sys, re, os, glob, html
import openpyxl
lang, out, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
# The inputs' own text: CSV bodies and XML text without tags; data may be in any language.
data = []
for path in inputs:
    text = open(path, encoding='utf-8', errors='replace').read()
    if path.endswith('.xml'):
        # Text and attribute values, never element or attribute names.
        # For English outputs every attribute value (Thai units, targets) is data; for Thai
        # ones only the attributes that hold words, never codes such as status="provisional".
        pattern = r'="([^"]*)"' if lang == 'en' else r'\b(?:source|name|title|note|shortName)="([^"]*)"'
        values = re.findall(pattern, text)
        text = html.unescape(re.sub(r'<[^>]*>', ' ', text) + ' ' + ' '.join(values))
    elif path.endswith('.toml'):
        # Quoted values only: keys and comments are not data.
        text = ' '.join(re.findall(r'"([^"]*)"', '\n'.join(l.split('#')[0] if l.count('"') % 2 == 0 else l for l in text.split('\n'))))
    elif path.endswith('.csv'):
        text = '\n'.join(text.split('\n')[1:])
    data.append(text)
data = '\n'.join(data)
code = re.compile(r'\b[A-Z]{3,4}\d{3}\b')
path = re.compile(r'\S*[/\\]\S*|\S+\.(xml|csv|xlsx|toml|html|json)\b')
hexes = re.compile(r'\b[0-9a-f]{16,}\b')
# A file's name is not a word of the data.
data = path.sub(' ', data)
thai = re.compile(r'[\u0E00-\u0E7F]+')
latin = re.compile(r'[A-Za-z]{2,}')
allowed_latin = {'SHA', 'xlsx', 'schools'}
def texts():
    files = sorted(glob.glob(out + '/*.xlsx')) + sorted(glob.glob(out + '/schools/*.xlsx'))[:3]
    for f in files:
        wb = openpyxl.load_workbook(f, read_only=True)
        for ws in wb.worksheets:
            yield f, ws.title, ws.title
            # Diagnostics are the importers' and calculators' messages, in the words they give.
            if ws.title in ('คำเตือน', 'Diagnostics'): continue
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    if isinstance(v, str) and not v.startswith('='):
                        yield f, ws.title, v
    for f in glob.glob(out + '/*.html'):
        t = open(f, encoding='utf-8').read()
        t = re.sub(r'(?s)<(style|script)[^>]*>.*?</\1>', ' ', t)
        t = re.sub(r'<[^>]*>', '\n', t)
        for line in html.unescape(t).split('\n'):
            if line.strip(): yield f, 'html', line.strip()
bad = {}
code = re.compile(r'\b[A-Z]{3,4}\d{3}\b')
path = re.compile(r'\S*[/\\]\S*|\S+\.(xml|csv|xlsx|toml|html|json)\b')
hexes = re.compile(r'\b[0-9a-f]{16,}\b')
for f, sheet, v in texts():
    # Diagnostics are the importers' and calculators' messages, printed as they give them (with
    # their code); file paths and SHA-256 digests are names, not words.
    if code.search(v): continue
    v = hexes.sub(' ', path.sub(' ', v))
    if lang == 'th':
        words = [w for w in latin.findall(v) if w not in allowed_latin and w not in data]
    else:
        # The amount in Thai words is the form Thai payment documents require, in either language.
        if v.endswith('บาทถ้วน') or v.endswith('สตางค์'): continue
        words = [w for w in thai.findall(v) if w not in data]
    for w in words:
        bad.setdefault((os.path.basename(f), sheet, w), v)
for (f, s, w), v in sorted(bad.items())[:60]:
    print(f, '|', s, '|', w, '|', v[:100])
print(len(bad), 'problems')
"""#
}
