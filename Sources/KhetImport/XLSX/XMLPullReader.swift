import CLibXML2
import Foundation

/// libxml2's streaming reader over one zip entry: each part of a workbook is parsed as it is
/// inflated, node by node, so memory stays flat whatever the sheet's size. Hardened as Khet's
/// other XML: no network, no DTD loaded, no entities substituted, and a DOCTYPE (which no
/// spreadsheet has) stops the read.
final class XMLPullReader {
    enum Failure: Error {
        case zip(ZipError)
        /// Not well-formed at `line` of the part, or holding a DOCTYPE.
        case malformed(line: Int, doctype: Bool)
    }

    private let stream: ZipEntryStream
    private var reader: xmlTextReaderPtr?
    /// The first error the input callback met; libxml2 only hears "-1".
    fileprivate var streamError: ZipError?

    private static let readCallback: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        let owner = Unmanaged<XMLPullReader>.fromOpaque(context).takeUnretainedValue()
        do {
            let target = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
            return Int32(try owner.stream.read(into: UnsafeMutableBufferPointer(start: target, count: Int(length))))
        } catch let error as ZipError {
            owner.streamError = error
            return -1
        } catch {
            owner.streamError = .readFailed
            return -1
        }
    }

    init(stream: ZipEntryStream, partName: String) throws {
        self.stream = stream
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        reader = xmlReaderForIO(Self.readCallback, nil, Unmanaged.passUnretained(self).toOpaque(), partName, nil, options)
        guard reader != nil else { throw Failure.malformed(line: 0, doctype: false) }
    }

    deinit { if let reader { xmlFreeTextReader(reader) } }

    /// Moves to the next node; false at the end of the part.
    func read() throws -> Bool {
        guard let reader else { return false }
        let status = xmlTextReaderRead(reader)
        if status == 1 {
            if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                throw Failure.malformed(line: line, doctype: true)
            }
            return true
        }
        if let streamError { throw Failure.zip(streamError) }
        if status == 0 { return false }
        throw Failure.malformed(line: line, doctype: false)
    }

    var line: Int { reader.map { Int(xmlTextReaderGetParserLineNumber($0)) } ?? 0 }

    /// Bytes of the part inflated so far (libxml2 reads ahead of the node it is on).
    var bytesRead: Int { stream.bytesProduced }

    var isStartElement: Bool { reader.map { xmlTextReaderNodeType($0) == Int32(XML_READER_TYPE_ELEMENT.rawValue) } ?? false }
    var isEndElement: Bool { reader.map { xmlTextReaderNodeType($0) == Int32(XML_READER_TYPE_END_ELEMENT.rawValue) } ?? false }
    var isEmptyElement: Bool { reader.map { xmlTextReaderIsEmptyElement($0) == 1 } ?? false }
    var isText: Bool {
        guard let reader else { return false }
        let type = xmlTextReaderNodeType(reader)
        return type == Int32(XML_READER_TYPE_TEXT.rawValue) || type == Int32(XML_READER_TYPE_CDATA.rawValue)
            || type == Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue) || type == Int32(XML_READER_TYPE_WHITESPACE.rawValue)
    }

    /// Whether the current node's local name is `name` (an ASCII name with its NUL, see `XMLName`).
    func nameIs(_ name: XMLName) -> Bool {
        guard let reader, let local = xmlTextReaderConstLocalName(reader) else { return false }
        return name.bytes.withUnsafeBufferPointer { wanted in
            guard let wanted = wanted.baseAddress else { return false }
            return strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self), wanted) == 0
        }
    }

    var depth: Int { reader.map { Int(xmlTextReaderDepth($0)) } ?? 0 }

    /// The attribute's value on the current element (local name, any namespace), or nil.
    func attribute(_ name: XMLName) -> String? {
        guard let reader else { return nil }
        var found: String?
        if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
            repeat {
                if nameIs(name), let value = xmlTextReaderConstValue(reader) {
                    found = String(cString: value)
                    break
                }
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            xmlTextReaderMoveToElement(reader)
        }
        return found
    }

    /// Several attributes of the current element in one walk over its attributes (a cell's
    /// `r`, `t` and `s`, read for every cell of a sheet), in the order of `names`.
    func attributes(_ names: [XMLName]) -> [String?] {
        var found = [String?](repeating: nil, count: names.count)
        guard let reader, xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return found }
        repeat {
            if let index = names.firstIndex(where: nameIs), let value = xmlTextReaderConstValue(reader) {
                found[index] = String(cString: value)
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return found
    }

    /// The text of the current text node.
    var text: String {
        guard let reader, let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }
}

/// An element or attribute name kept as NUL-terminated bytes, compared without making a String.
struct XMLName: Sendable {
    let bytes: [CChar]
    init(_ name: StaticString) {
        bytes = name.withUTF8Buffer { Array($0).map { CChar(bitPattern: $0) } } + [0]
    }
}
