/// Windows-874, Microsoft's superset of TIS-620, decoded from a table: Foundation on Linux
/// cannot decode it. ASCII is ASCII; 0xA1–0xDA and 0xDF–0xFB are the Thai block U+0E01–U+0E5B
/// in order; 0xA0 is a no-break space; 0x80–0x9F hold the euro sign, the ellipsis and the
/// typographic quotes and dashes Word and Excel put in. The rest is undefined.
public enum Windows874 {
    /// The character of each byte from 0x80 up; nil where the code page defines none.
    private static let upperHalf: [Unicode.Scalar?] = (0x80...0xFF).map { byte -> Unicode.Scalar? in
        switch byte {
        case 0x80: return Unicode.Scalar(0x20AC)
        case 0x85: return Unicode.Scalar(0x2026)
        case 0x91: return Unicode.Scalar(0x2018)
        case 0x92: return Unicode.Scalar(0x2019)
        case 0x93: return Unicode.Scalar(0x201C)
        case 0x94: return Unicode.Scalar(0x201D)
        case 0x95: return Unicode.Scalar(0x2022)
        case 0x96: return Unicode.Scalar(0x2013)
        case 0x97: return Unicode.Scalar(0x2014)
        case 0xA0: return Unicode.Scalar(0x00A0)
        case 0xA1...0xDA, 0xDF...0xFB: return Unicode.Scalar(UInt32(0x0E01 + byte - 0xA1))
        default: return nil
        }
    }

    /// True when `byte` means something in Windows-874.
    public static func isDefined(_ byte: UInt8) -> Bool {
        byte < 0x80 || upperHalf[Int(byte) - 0x80] != nil
    }

    /// True for the bytes of Thai letters, vowels, tone marks and digits (0xA1–0xFB).
    static func isThai(_ byte: UInt8) -> Bool { byte >= 0xA1 && byte <= 0xFB && isDefined(byte) }

    /// The text of `bytes`, or the offset of the first byte Windows-874 does not define.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> Result<String, UndecodableByte>
    where Bytes.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for (offset, byte) in bytes.enumerated() {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else if let scalar = upperHalf[Int(byte) - 0x80] {
                scalars.append(scalar)
            } else {
                return .failure(UndecodableByte(offset: offset))
            }
        }
        return .success(String(scalars))
    }

    public struct UndecodableByte: Error, Equatable {
        public var offset: Int
    }
}
