import CLibXML2

/// libxml2's parser with everything a hostile file could use switched off. Options: no network
/// (`NONET`), no external DTD (no `DTDLOAD`), no entity substitution (no `NOENT`), libxml2's
/// default limits on depth, text size and entity amplification kept (no `HUGE`). On top, the SAX
/// handler for a DOCTYPE stops the parser the moment one appears, before its internal subset
/// (where entities are declared) is read; this works whatever the file's encoding, unlike a
/// byte search for "<!DOCTYPE".
enum HardenedXMLParser {
    struct Parsed {
        var document: xmlDocPtr?
        /// Set when the file has a DOCTYPE: the line the parser was on.
        var doctypeLine: Int?
    }

    private final class DoctypeWatch {
        var line: Int?
    }

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// The parsed document (the caller frees it), or nil when the file is not well-formed or
    /// has a DOCTYPE. Errors go to libxml2's structured error handler of this thread.
    static func parse(_ bytes: [UInt8], name: String) -> Parsed {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return Parsed() }
        let watch = DoctypeWatch()
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let created = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCreateMemoryParserCtxt($0, Int32(buffer.count))
            }
            guard let context = created else { return nil }
            defer { xmlFreeParserCtxt(context) }
            _ = xmlCtxtUseOptions(context, options)
            context.pointee._private = Unmanaged.passUnretained(watch).toOpaque()
            // The context owns its own copy of the SAX handler, so this changes no other parse.
            context.pointee.sax.pointee.internalSubset = { user, _, _, _ in
                guard let user else { return }
                let parser = user.assumingMemoryBound(to: xmlParserCtxt.self)
                if let state = parser.pointee._private {
                    let line = parser.pointee.input.map { Int($0.pointee.line) } ?? 1
                    Unmanaged<DoctypeWatch>.fromOpaque(state).takeUnretainedValue().line = max(line, 1)
                }
                xmlStopParser(parser)
            }
            _ = xmlParseDocument(context)
            let parsed = context.pointee.myDoc
            context.pointee.myDoc = nil
            guard context.pointee.wellFormed != 0, watch.line == nil else {
                if let parsed { xmlFreeDoc(parsed) }
                return nil
            }
            return parsed
        }
        return Parsed(document: document, doctypeLine: watch.line)
    }
}
