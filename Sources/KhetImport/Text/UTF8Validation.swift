/// Where a run of bytes stops being UTF-8, for deciding a file's encoding from its first chunk
/// (which may end in the middle of a character).
enum UTF8Validation {
    enum Outcome: Equatable {
        case valid
        /// A complete but invalid sequence starts at this offset.
        case invalid(at: Int)
    }

    /// Checks `bytes`; a sequence cut off by the end counts as valid unless `isComplete`.
    static func check<Bytes: RandomAccessCollection>(_ bytes: Bytes, isComplete: Bool) -> Outcome
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .invalid(at: index - bytes.startIndex)
            }
            for step in 1..<length {
                let position = index + step
                guard position < bytes.endIndex else {
                    return isComplete ? .invalid(at: index - bytes.startIndex) : .valid
                }
                let byte = bytes[position]
                let (low, high) = step == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= low && byte <= high else { return .invalid(at: index - bytes.startIndex) }
            }
            index += length
        }
        return .valid
    }
}
