/// Grapheme-cluster counts for the text Khet writes most, without building `Character`s.
///
/// Counting clusters through `Character` costs far more than writing the cell. Nearly all of
/// Khet's text is printable ASCII, Thai, common punctuation (dashes, bullets) and line feeds,
/// where clusters are simple: every scalar starts one, except Thai's combining vowels and tone
/// marks, which join the scalar before them unless a line starts there. Anything else
/// (carriage returns, other control characters, other scripts, emoji) returns nil, for the
/// general count.
public enum TextWidth {
    /// `text.count` (grapheme clusters, line breaks included), quickly for ASCII and Thai text:
    /// for sizing wrapped rows by the thousand.
    public static func clusterCount(_ text: String) -> Int {
        counts(text)?.clusters ?? text.count
    }

    /// The lines `text` wraps onto in a column `width` characters wide, in a font `scale` times
    /// as wide as 14 points. Thai at 14 points takes about 1.2 units a character, and lines
    /// break between words (a long word moves whole to the next line), so a line holds about
    /// two thirds of its width in characters, as LibreOffice prints it
    /// (TH Sarabun's glyphs are half an em wide), and words do not break, so a line holds less.
    public static func wrappedLines(_ text: String, width: Double, scale: Double = 1) -> Int {
        let perLine = max((width - 1.5) * 0.66, 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { lines, line in
            let clusters = Double(clusterCount(String(line))) * max(scale, 0.1)
            return lines + max(1, Int((clusters / perLine).rounded(.up)))
        }
    }

    /// Clusters in all of `text` and in its longest line, when every scalar is one this type
    /// understands; else nil.
    static func counts(_ text: String) -> (clusters: Int, longestLine: Int)? {
        if let counts = text.utf8.withContiguousStorageIfAvailable(count) { return counts }
        // Bridged or otherwise non-contiguous strings: make a native copy first.
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(count) ?? nil
    }

    /// Thai scalars whose Grapheme_Cluster_Break is Extend or SpacingMark (U+0E33 SARA AM):
    /// they never start a cluster of their own after a printable character.
    static func isThaiMark(_ value: UInt32) -> Bool {
        value == 0x0E31 || value == 0x0E33 || (0x0E34...0x0E3A).contains(value)
            || (0x0E47...0x0E4E).contains(value)
    }

    /// Non-ASCII scalars outside the Thai block that are always a cluster of their own next to
    /// the scalars accepted here: Latin-1 symbols and letters except the soft hyphen, and general
    /// punctuation (dashes, quotes, bullets, ellipsis, per mille) up to the invisible controls.
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0...0xFF: return value != 0xAD
        case 0x2010...0x2027, 0x2030...0x205E: return true
        default: return false
        }
    }

    private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> (clusters: Int, longestLine: Int)? {
        var clusters = 0
        var line = 0
        var longest = 0
        var lineStart = true
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A {
                    // A line feed is a cluster of its own, and a mark after it starts one.
                    longest = max(longest, line)
                    line = 0
                    clusters += 1
                    lineStart = true
                    index += 1
                    continue
                }
                // Other control characters (tabs, carriage returns) have rules of their own.
                guard byte >= 0x20, byte != 0x7F else { return nil }
                line += 1
                clusters += 1
                lineStart = false
                index += 1
                continue
            }
            let scalar: UInt32
            if byte & 0xE0 == 0xC0, index + 1 < end {
                scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if byte & 0xF0 == 0xE0, index + 2 < end {
                scalar = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                    | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                return nil
            }
            if (0x0E00...0x0E7F).contains(scalar) {
                if !isThaiMark(scalar) || lineStart {
                    line += 1
                    clusters += 1
                }
            } else if standsAlone(scalar) {
                line += 1
                clusters += 1
            } else {
                return nil
            }
            lineStart = false
        }
        return (clusters, max(longest, line))
    }
}
