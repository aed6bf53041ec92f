import KhetCore

/// What one envelope did to its programme (or item): the entitlements, the envelope, what was
/// allocated, and what is left unallocated (เงินเหลือจ่าย) when entitlements fall short.
public struct EnvelopeOutcome: Sendable, Hashable {
    public var programmeID: String
    /// Nil for a programme's envelope; the item's id for an item's own envelope.
    public var itemID: String?
    public var entitlement: Money
    public var envelope: Money
    public var allocated: Money
    /// What earlier transfers of the year (the ledger) already took of the envelope; this run
    /// scales only what is left.
    public var paidBefore: Money

    public init(programmeID: String, itemID: String?, entitlement: Money, envelope: Money, allocated: Money,
                paidBefore: Money = .zero) {
        self.programmeID = programmeID
        self.itemID = itemID
        self.entitlement = entitlement
        self.envelope = envelope
        self.allocated = allocated
        self.paidBefore = paidBefore
    }

    /// What is left of the envelope for this run's lines.
    public var available: Money { envelope - paidBefore }

    /// The envelope was smaller than the entitlements, so amounts were scaled down.
    public var isScaled: Bool { entitlement > available }
    /// Money of the envelope that no school received, this year so far and in this run.
    public var unallocated: Money { envelope - paidBefore - allocated }

    /// The scale factor in parts per million (1,000,000 = unscaled), for display; exact integers.
    public var scalePerMillion: Int64 {
        guard isScaled, entitlement.satang > 0 else { return 1_000_000 }
        let product = max(0, available.satang).multipliedFullWidth(by: 1_000_000)
        return entitlement.satang.dividingFullWidth(product).quotient
    }
}
