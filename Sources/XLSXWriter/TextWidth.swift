/// Grapheme-cluster counts for the text Khet writes most, without building `Character`s.
///
/// Counting clusters through `Character` costs far more than writing the cell. Nearly all of
/// Khet's text is printable ASCII or Thai, where clusters are simple: every scalar starts one,
/// except Thai's combining vowels and tone marks, which join the scalar before them. Anything
/// else (line breaks, control characters, other scripts) returns nil, for the general count.
public enum TextWidth {
    /// `text.count` (grapheme clusters, line breaks included), quickly for ASCII and Thai text:
    /// for sizing wrapped rows by the thousand.
    public static func clusterCount(_ text: String) -> Int {
        asciiOrThaiCount(text) ?? text.count
    }

    /// The cluster count of `text` when it is all printable ASCII and Thai, else nil.
    static func asciiOrThaiCount(_ text: String) -> Int? {
        var utf8 = text.utf8
        if let count = utf8.withContiguousStorageIfAvailable(count) { return count }
        // Bridged or otherwise non-contiguous strings: make a native copy first.
        var copy = text
        copy.makeContiguousUTF8()
        utf8 = copy.utf8
        return utf8.withContiguousStorageIfAvailable(count) ?? nil
    }

    /// Thai scalars whose Grapheme_Cluster_Break is Extend or SpacingMark (U+0E33 SARA AM):
    /// they never start a cluster of their own after a printable character.
    static func isThaiMark(_ value: UInt32) -> Bool {
        value == 0x0E31 || value == 0x0E33 || (0x0E34...0x0E3A).contains(value)
            || (0x0E47...0x0E4E).contains(value)
    }

    private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var clusters = 0
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                // Control characters (tabs, line breaks) have cluster rules of their own.
                guard byte >= 0x20, byte != 0x7F else { return nil }
                clusters += 1
                index += 1
                continue
            }
            // The Thai block U+0E00...U+0E7F is E0 B8 80...E0 B9 BF in UTF-8.
            guard byte == 0xE0, index + 2 < end else { return nil }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            guard second == 0xB8 || second == 0xB9, third & 0xC0 == 0x80 else { return nil }
            let scalar = 0x0E00 + (UInt32(second - 0xB8) << 6) + UInt32(third & 0x3F)
            // A mark at the very start has nothing to join, so it is a cluster by itself.
            if !isThaiMark(scalar) || index == 0 { clusters += 1 }
            index += 3
        }
        return clusters
    }
}
