/// Turns UTF-16 bytes into UTF-8 chunk by chunk, so the byte-level CSV parser can read Excel's
/// "Unicode text" files without loading them whole. A pair of bytes may be split between chunks,
/// and so may a surrogate pair; both are carried over.
///
/// Invalid input (a lone surrogate, an odd byte at the end) becomes the byte 0xFF, which never
/// occurs in UTF-8, so the field holding it fails to decode where it is; the original bytes of
/// the first such unit are kept to name them in the message.
struct UTF16Transcoder {
    let bigEndian: Bool
    private var carriedByte: UInt8?
    private var pendingHighSurrogate: UInt16?
    private var pendingHighBytes: [UInt8] = []
    /// The bytes of the first unit that was not UTF-16, for the diagnostic.
    private(set) var firstInvalidUnit: [UInt8]?
    static let invalidMarker: UInt8 = 0xFF

    init(bigEndian: Bool) { self.bigEndian = bigEndian }

    mutating func transcode(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 2)
        var index = 0
        if let carried = carriedByte, let first = input.first {
            carriedByte = nil
            unit(carried, first, into: &output)
            index = 1
        }
        while index + 1 < input.count {
            unit(input[index], input[index + 1], into: &output)
            index += 2
        }
        if index < input.count { carriedByte = input[index] }
        return output
    }

    /// What is left at the end of the file: an odd byte or a high surrogate with no partner.
    mutating func finish() -> [UInt8] {
        var output: [UInt8] = []
        if !pendingHighBytes.isEmpty { invalid(pendingHighBytes, into: &output) }
        pendingHighSurrogate = nil
        pendingHighBytes = []
        if let carried = carriedByte { invalid([carried], into: &output) }
        carriedByte = nil
        return output
    }

    private mutating func unit(_ first: UInt8, _ second: UInt8, into output: inout [UInt8]) {
        let value = bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(value) {
                let scalar = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(value - 0xDC00)
                appendUTF8(scalar, into: &output)
                pendingHighBytes = []
                return
            }
            invalid(pendingHighBytes, into: &output)
            pendingHighBytes = []
        }
        switch value {
        case 0xD800...0xDBFF:
            pendingHighSurrogate = value
            pendingHighBytes = [first, second]
        case 0xDC00...0xDFFF:
            invalid([first, second], into: &output)
        default:
            appendUTF8(UInt32(value), into: &output)
        }
    }

    private mutating func invalid(_ bytes: [UInt8], into output: inout [UInt8]) {
        if firstInvalidUnit == nil { firstInvalidUnit = bytes }
        output.append(UTF16Transcoder.invalidMarker)
    }

    private func appendUTF8(_ scalar: UInt32, into output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
