/// Why the ledger refused: nothing was changed in every case.
public enum LedgerError: Error, Equatable, Sendable {
    /// The file is not a Khet ledger, or is damaged (SQLite's own words in `reason`).
    case damaged(path: String, reason: String)
    case otherArea(path: String, found: String, expected: String)
    case otherFiscalYear(path: String, found: Int, expected: Int)
    /// The round was confirmed as entry `entryID`; confirm again only as a correction.
    case alreadyConfirmed(programmeID: String, round: String, entryID: Int64)
    case correctionWithoutReason
    /// A correction of a round never paid.
    case nothingToCorrect(programmeID: String, round: String)
    case cannotOpen(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var message: String {
        switch self {
        case .damaged(let path, let reason): return "\(path) is not a Khet ledger or is damaged (\(reason))"
        case .otherArea(let path, let found, let expected): return "\(path) is the ledger of area \(found), not \(expected)"
        case .otherFiscalYear(let path, let found, let expected): return "\(path) is the ledger of fiscal year \(found), not \(expected)"
        case .alreadyConfirmed(let programme, let round, let id):
            return "\(programme) \(round) was already confirmed (entry \(id)); confirm it again only as a correction, with its reason"
        case .correctionWithoutReason: return "a correction needs its reason"
        case .nothingToCorrect(let programme, let round): return "\(programme) \(round) was never confirmed, so there is nothing to correct"
        case .cannotOpen(let path, let reason): return "cannot open the ledger \(path): \(reason)"
        case .writeFailed(let path, let reason): return "writing the ledger \(path) failed, nothing was recorded: \(reason)"
        }
    }
}
