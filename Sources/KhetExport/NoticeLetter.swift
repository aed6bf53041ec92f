import KhetCore

/// What the batch says about the covering letter of the school notices (`[letter]` in
/// batch.toml). Every field may be missing; `resolved(area:batchDate:)` fills the gaps from the
/// area and the batch, so a batch without `[letter]` still gets a complete letter.
public struct NoticeLetter: Sendable, Hashable {
    /// The office's letter-number prefix, `ศธ 04120/ว`.
    public var numberPrefix: String?
    /// The running number the registry gave the circular letter; without it the letter leaves a
    /// dotted gap after the prefix, for the registry to write in when the letter is sent.
    public var number: String?
    /// The date printed on the letter; the batch date when missing.
    public var date: ThaiDate?
    public var signerName: String?
    public var signerPosition: String?
    /// The office's name and address, top right: the area's name when missing.
    public var letterhead: [String]
    /// The group to contact, bottom left (กลุ่มนโยบายและแผน, a telephone number).
    public var contact: [String]

    public init(numberPrefix: String? = nil, number: String? = nil, date: ThaiDate? = nil, signerName: String? = nil,
                signerPosition: String? = nil, letterhead: [String] = [], contact: [String] = []) {
        self.numberPrefix = numberPrefix
        self.number = number
        self.date = date
        self.signerName = signerName
        self.signerPosition = signerPosition
        self.letterhead = letterhead
        self.contact = contact
    }

    /// The letter as printed: every field present.
    struct Resolved {
        var number: String
        var date: ThaiDate
        var signerName: String
        var signerPosition: String
        var letterhead: [String]
        var contact: [String]
    }

    /// A gap to be written in by hand, as Thai offices leave one for a number or a signature.
    static let handwrittenGap = "................................"

    func resolved(area: Area, batchDate: ThaiDate, labels: Labels) -> Resolved {
        let prefix = numberPrefix ?? labels.defaultLetterPrefix
        let running = number ?? "……………"
        return Resolved(
            number: prefix.isEmpty ? running : "\(prefix) \(running)",
            date: date ?? batchDate,
            signerName: signerName ?? Self.handwrittenGap,
            signerPosition: signerPosition ?? labels.defaultSignerPosition(area),
            letterhead: letterhead.isEmpty ? [area.name] : letterhead,
            contact: contact.isEmpty ? [labels.defaultContact] : contact)
    }
}
