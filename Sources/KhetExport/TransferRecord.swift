import Foundation
import KhetCalc
import KhetCore

/// `lines.json` of a pay run: every line the transfer pays, grouped by programme, round and kind,
/// exactly as `khet confirm` records it in the ledger. The office confirms this file, not a
/// recomputation, so what is recorded is what the notices showed. School codes, items, counts
/// and amounts only: no pupil's data.
public struct TransferRecord: Codable, Sendable, Equatable {
    public static let format = "khet-transfer"
    public static let currentVersion = 1
    public static let fileName = "lines.json"
    /// A plan run's lines, in the same format with no rounds paid: what `khet diff` compares.
    /// Another name than a pay run's, which `khet confirm` records and no plan run replaces.
    public static let planFileName = "allocation-lines.json"

    /// One programme's round in the transfer: its payment, or its correction of an earlier payment.
    public struct Payment: Codable, Sendable, Equatable {
        public var programme: String
        /// As a batch names it (`1/2568-advance`).
        public var round: String
        /// `payment` or `correction`.
        public var kind: String
        /// The snapshot the round counts on (BE), for whole-year programmes the latest of the batch.
        public var countedOn: String?
        public var lines: [Line]

        public init(programme: String, round: String, kind: String, countedOn: String?, lines: [Line]) {
            self.programme = programme
            self.round = round
            self.kind = kind
            self.countedOn = countedOn
            self.lines = lines
        }

        public var total: Money { lines.map { Money(satang: $0.amountSatang) }.sum() }

        enum CodingKeys: String, CodingKey {
            case programme, round, kind, lines
            case countedOn = "counted_on"
        }
    }

    public struct Line: Codable, Sendable, Equatable {
        public var school: String
        public var item: String
        public var grade: String?
        public var level: String?
        public var pupils: Int?
        public var rateSatang: Int64?
        public var amountSatang: Int64
        /// `LineBasis.kindName`.
        public var basis: String

        public init(school: String, item: String, grade: String?, level: String?, pupils: Int?, rateSatang: Int64?,
                    amountSatang: Int64, basis: String) {
            self.school = school
            self.item = item
            self.grade = grade
            self.level = level
            self.pupils = pupils
            self.rateSatang = rateSatang
            self.amountSatang = amountSatang
            self.basis = basis
        }

        public var amount: Money { Money(satang: amountSatang) }

        enum CodingKeys: String, CodingKey {
            case school, item, grade, level, pupils, basis
            case rateSatang = "rate_satang"
            case amountSatang = "amount_satang"
        }
    }

    public var format: String
    public var version: Int
    public var area: String
    public var fiscalYear: Int
    public var batchDate: String
    /// The rounds the batch pays, as it names them; none in a plan run's lines.
    public var rounds: [String]
    /// How many entries the ledger held when the transfer was computed: confirming is refused
    /// once the ledger has changed, since the transfer was computed against what it said then.
    public var ledgerEntries: Int
    /// The SHA-256 of each input, by role.
    public var inputs: [String: String]
    public var payments: [Payment]

    public init(area: String, fiscalYear: Int, batchDate: String, rounds: [String], ledgerEntries: Int,
                inputs: [String: String], payments: [Payment]) {
        self.format = Self.format
        self.version = Self.currentVersion
        self.area = area
        self.fiscalYear = fiscalYear
        self.batchDate = batchDate
        self.rounds = rounds
        self.ledgerEntries = ledgerEntries
        self.inputs = inputs
        self.payments = payments
    }

    enum CodingKeys: String, CodingKey {
        case format, version, area, rounds, inputs, payments
        case fiscalYear = "fiscal_year"
        case batchDate = "batch_date"
        case ledgerEntries = "ledger_entries"
    }

    public var total: Money { payments.map(\.total).sum() }

    /// The lines of a transfer, grouped: payments by (programme, round); corrections by the round they correct.
    /// `roundName` names a round as a batch does; `countedOn` gives the snapshot a round counted on.
    public static func payments(of lines: [AllocationLine], roundName: (PaymentRound) -> String,
                                countedOn: (PaymentRound) -> ThaiDate?) -> [Payment] {
        struct Key: Hashable { var programme: String; var round: PaymentRound; var correction: Bool }
        var grouped: [Key: [Line]] = [:]
        var order: [Key] = []
        for line in lines {
            var isCorrection = false
            if case .correction = line.basis { isCorrection = true }
            let key = Key(programme: line.programmeID, round: line.round, correction: isCorrection)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(Line(
                school: line.schoolCode, item: line.itemID, grade: line.grade?.thaiCode, level: line.level?.rawValue,
                pupils: line.basis.pupils, rateSatang: line.basis.rate?.satang, amountSatang: line.amount.satang,
                basis: line.basis.kindName))
        }
        let sorted = order.sorted { ($0.round, $0.programme, $0.correction ? 1 : 0) < ($1.round, $1.programme, $1.correction ? 1 : 0) }
        return sorted.map { key in
            Payment(programme: key.programme, round: roundName(key.round), kind: key.correction ? "correction" : "payment",
                    countedOn: countedOn(key.round)?.isoBE, lines: grouped[key] ?? [])
        }
    }

    /// Stable, sorted, pretty JSON: two runs of the same batch write the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads `data`, refusing anything that is not a Khet transfer of this version.
    public static func decode(_ data: Data) throws -> TransferRecord {
        let record = try JSONDecoder().decode(TransferRecord.self, from: data)
        guard record.format == format, record.version == currentVersion else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not a \(format) file of version \(currentVersion)"))
        }
        return record
    }
}
