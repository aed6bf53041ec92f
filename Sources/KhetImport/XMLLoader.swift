import CLibXML2
import Foundation
import KhetTemplates
import KhetCore

/// Parses an XML file with libxml2, hardened against hostile files, validates it against one of
/// the bundled schemas and returns its elements as Swift values. Every problem is a Diagnostic
/// with file, line and column.
///
/// Hardening (see `HardenedXMLParser`): the network is never used, no DTD is loaded, entities
/// are not substituted, and a file with a DOCTYPE is refused outright as soon as the parser
/// meets it, in any encoding (no Khet format needs one, and it is where entity bombs and external
/// entities live).
public struct XMLLoader {
    public struct Result {
        public var root: XMLElementNode?
        public var diagnostics: [Diagnostic]
    }

    public let schemaPath: String

    /// `schemaName` is a file under `templates/schema/`, e.g. `framework.xsd`.
    public init(schemaName: String) throws {
        guard let url = KhetTemplates.url("schema/" + schemaName) else {
            throw ImportError(.missingFile, Diagnostic(.error, code: "XML000", file: "schema/" + schemaName,
                                                       message: "the bundled schema is missing; reinstall Khet"))
        }
        schemaPath = url.path
    }

    public func load(path: String, displayName: String) throws -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ImportError(exists ? .badData : .missingFile,
                              Diagnostic(.error, code: "FILE001", file: displayName,
                                         message: exists ? "cannot read the file" : "file not found",
                                         thaiMessage: exists ? "อ่านไฟล์ไม่ได้" : "ไม่พบไฟล์"))
        }
        return try load(bytes: [UInt8](data), displayName: displayName)
    }

    /// Parses and validates `bytes` as the file `displayName`.
    public func load(bytes: [UInt8], displayName: String) throws -> Result {
        var tags = StartTagLocator(bytes)
        let collector = XMLErrorCollector(file: displayName)
        let parsed = collector.capturing { HardenedXMLParser.parse(bytes, name: displayName) }
        if let doctypeLine = parsed.doctypeLine {
            return Result(root: nil, diagnostics: [Diagnostic(
                .error, code: "XML002", file: displayName, line: doctypeLine, column: 1,
                message: "DOCTYPE declarations are not allowed in Khet XML files",
                thaiMessage: "ไฟล์ XML ของ Khet ห้ามมีการประกาศ DOCTYPE",
                hint: "remove the <!DOCTYPE …> line")])
        }
        guard let document = parsed.document else {
            var diagnostics = collector.diagnostics
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(.error, code: "XML001", file: displayName, line: 1, column: 1,
                                              message: bytes.isEmpty ? "the file is empty" : "the file is not well-formed XML",
                                              thaiMessage: bytes.isEmpty ? "ไฟล์ว่าง" : "ไฟล์ไม่ใช่ XML ที่ถูกรูปแบบ"))
            }
            return Result(root: nil, diagnostics: diagnostics)
        }
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else {
            return Result(root: nil, diagnostics: [Diagnostic(.error, code: "XML001", file: displayName, line: 1,
                                                              column: 1, message: "the file has no root element",
                                                              thaiMessage: "ไฟล์ไม่มีองค์ประกอบราก")])
        }

        var positions: [UnsafeMutableRawPointer: (line: Int, column: Int)] = [:]
        let root = Self.copy(rootNode, tags: &tags, positions: &positions)
        collector.positions = positions

        try validate(document, collector: collector)
        return Result(root: collector.diagnostics.hasErrors ? nil : root, diagnostics: collector.diagnostics)
    }

    private func validate(_ document: xmlDocPtr, collector: XMLErrorCollector) throws {
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
            throw ImportError(.badData, Diagnostic(.error, code: "XML000", file: schemaPath,
                                                   message: "cannot open the bundled schema"))
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        guard let schema = xmlSchemaParse(parserContext) else {
            throw ImportError(.badData, Diagnostic(.error, code: "XML000", file: schemaPath,
                                                   message: "the bundled schema does not compile"))
        }
        defer { xmlSchemaFree(schema) }
        guard let validator = xmlSchemaNewValidCtxt(schema) else { return }
        defer { xmlSchemaFreeValidCtxt(validator) }
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetValidStructuredErrors(validator, { context, error in
            guard let context, let error else { return }
            Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error, code: "XML003")
        }, context)
        _ = xmlSchemaValidateDoc(validator, document)
    }

    /// Copies a libxml2 element and its descendants into Swift values.
    private static func copy(_ node: xmlNodePtr, tags: inout StartTagLocator,
                             positions: inout [UnsafeMutableRawPointer: (line: Int, column: Int)]) -> XMLElementNode {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        // The start tag in the bytes gives the exact place; libxml2's line is the fallback.
        let (line, column) = tags.next(name) ?? (Int(xmlGetLineNo(node)), 1)
        positions[UnsafeMutableRawPointer(node)] = (line, column)

        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, let value = xmlGetProp(node, attributeName) {
                attributes[String(cString: attributeName)] = String(cString: value)
                // libxml2's `xmlFree` is a global function pointer (mutable C state Swift 6 will
                // not read); Khet never replaces libxml2's allocator, so it is `free`.
                free(value)
            }
            attribute = current.pointee.next
        }
        var children: [XMLElementNode] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(copy(current, tags: &tags, positions: &positions))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default:
                break
            }
            child = current.pointee.next
        }
        return XMLElementNode(name: name, attributes: attributes, children: children, text: text,
                              line: line, column: column)
    }
}
