/// Where each pupil was first seen (school index and line), for the duplicate check.
///
/// A national file has six million pupils, so the common case takes 8 bytes a pupil: an
/// open-addressing table of one `UInt64` per slot, the first twelve digits of the ID (the
/// thirteenth is their check digit, so it tells nothing new) in the top 40 bits and the line in
/// the low 24. The school of a sighting is not stored per pupil: rows come grouped by school, so
/// the lines where the school of recorded sightings changes are kept once per change and
/// searched only when a duplicate turns up.
///
/// G codes (no check digit, a flag bit) and files past 16.7 million lines use the wide table:
/// 16 bytes a pupil, the whole key and the school and line beside it. Once a line does not fit
/// in 24 bits, every compact entry moves there and the compact table is dropped.
struct PupilSightings {
    struct Sighting: Equatable {
        let school: UInt32
        let line: UInt32
    }

    private static let lineBits: UInt64 = 24
    private static let lineMask: UInt64 = (1 << lineBits) - 1
    private static let gCodeBit: UInt64 = 1 << 63

    private var compact = CompactTable()
    private var wide = WideTable()
    private var compactIsUsed = true
    /// The school of every recorded sighting from a line on: `line << 32 | school`, lines rising.
    private var schoolRuns: [UInt64] = []

    var count: Int { compact.count + wide.count }

    /// Sizes the table for about `pupils` pupils at once, so a large file does not hold the
    /// old and the new table together while it grows (a third more at the peak).
    mutating func reserve(pupils: Int) {
        guard compact.count == 0, pupils > 0 else { return }
        var exponent: UInt64 = 12
        while exponent < 40 && (1 << exponent) * 7 < pupils * 8 { exponent += 1 }
        compact = CompactTable(capacityExponent: exponent)
    }

    /// The first sighting of `key`, or nil after recording this one as the first. Lines must
    /// rise from call to call, as they do when a file is read from the top.
    mutating func firstSighting(of key: UInt64, school: UInt32, line: UInt32) -> Sighting? {
        let isGCode = key & PupilSightings.gCodeBit != 0
        if compactIsUsed && !isGCode && UInt64(line) > PupilSightings.lineMask { moveCompactToWide() }
        if isGCode || !compactIsUsed {
            // Without the check digit, as the entries moved from the compact table are.
            let wideKey = isGCode ? key : key / 10 * 10
            return wide.firstSighting(of: wideKey, value: UInt64(school) << 32 | UInt64(line)).map(Self.sighting)
        }
        // The top twelve digits plus one: zero marks an empty slot; 10^12 < 2^40.
        let stored = (key / 10 + 1) << PupilSightings.lineBits | UInt64(line)
        if let found = compact.firstSighting(of: stored, keyShift: PupilSightings.lineBits) {
            let firstLine = UInt32(truncatingIfNeeded: found & PupilSightings.lineMask)
            return Sighting(school: self.school(atLine: firstLine), line: firstLine)
        }
        if schoolRuns.last.map({ UInt32(truncatingIfNeeded: $0) != school }) ?? true {
            schoolRuns.append(UInt64(line) << 32 | UInt64(school))
        }
        return nil
    }

    private static func sighting(_ value: UInt64) -> Sighting {
        Sighting(school: UInt32(truncatingIfNeeded: value >> 32), line: UInt32(truncatingIfNeeded: value))
    }

    /// The school of the compact sighting on `line`: the last run starting at or before it.
    private func school(atLine line: UInt32) -> UInt32 {
        var low = 0, high = schoolRuns.count
        while low < high {
            let middle = (low + high) / 2
            if UInt32(truncatingIfNeeded: schoolRuns[middle] >> 32) <= line { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? UInt32(truncatingIfNeeded: schoolRuns[low - 1]) : 0
    }

    private mutating func moveCompactToWide() {
        for stored in compact.storedValues() {
            let line = UInt32(truncatingIfNeeded: stored & PupilSightings.lineMask)
            // The key's check digit is gone; any stand-in works as long as every key of the same
            // twelve digits maps to the same one, which `key / 10 * 10` does.
            let key = ((stored >> PupilSightings.lineBits) - 1) * 10
            _ = wide.firstSighting(of: key, value: UInt64(school(atLine: line)) << 32 | UInt64(line))
        }
        compact = CompactTable(capacityExponent: 1)
        schoolRuns = []
        compactIsUsed = false
    }
}

extension PupilSightings {
    /// Linear probing over one `UInt64` a slot; the key is the stored value above `keyShift`.
    fileprivate struct CompactTable {
        private var slots: [UInt64]
        private var shift: UInt64
        private(set) var count = 0

        init(capacityExponent: UInt64 = 12) {
            slots = Array(repeating: 0, count: 1 << Int(capacityExponent))
            shift = 64 - capacityExponent
        }

        /// The stored value with the same key, or nil after storing this one.
        mutating func firstSighting(of stored: UInt64, keyShift: UInt64) -> UInt64? {
            if (count + 1) * 8 > slots.count * 7 { grow(keyShift: keyShift) }
            let key = stored >> keyShift
            let mask = slots.count - 1
            var slot = CompactTable.slot(of: key, shift: shift)
            return slots.withUnsafeMutableBufferPointer { slots in
                while true {
                    let found = slots[slot]
                    if found == 0 {
                        slots[slot] = stored
                        count += 1
                        return nil
                    }
                    if found >> keyShift == key { return found }
                    slot = (slot + 1) & mask
                }
            }
        }

        func storedValues() -> [UInt64] { slots.filter { $0 != 0 } }

        private static func slot(of key: UInt64, shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        private mutating func grow(keyShift: UInt64) {
            let old = slots
            slots = Array(repeating: 0, count: old.count * 2)
            shift -= 1
            let mask = slots.count - 1
            for stored in old where stored != 0 {
                var slot = CompactTable.slot(of: stored >> keyShift, shift: shift)
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = stored
            }
        }
    }

    /// Linear probing over a whole key and a value per slot: 16 bytes a pupil.
    fileprivate struct WideTable {
        /// Keys are stored plus one, so zero marks an empty slot (no ID has the key `UInt64.max`).
        private var keys: [UInt64] = []
        private var values: [UInt64] = []
        private var shift: UInt64 = 64
        private(set) var count = 0

        mutating func firstSighting(of key: UInt64, value: UInt64) -> UInt64? {
            if keys.isEmpty {
                keys = Array(repeating: 0, count: 1 << 10)
                values = Array(repeating: 0, count: 1 << 10)
                shift = 64 - 10
            }
            if (count + 1) * 8 > keys.count * 7 { grow() }
            let stored = key &+ 1
            let mask = keys.count - 1
            var slot = WideTable.slot(of: stored, shift: shift)
            while true {
                let found = keys[slot]
                if found == 0 {
                    keys[slot] = stored
                    values[slot] = value
                    count += 1
                    return nil
                }
                if found == stored { return values[slot] }
                slot = (slot + 1) & mask
            }
        }

        private static func slot(of stored: UInt64, shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        private mutating func grow() {
            let oldKeys = keys, oldValues = values
            keys = Array(repeating: 0, count: oldKeys.count * 2)
            values = Array(repeating: 0, count: oldKeys.count * 2)
            shift -= 1
            let mask = keys.count - 1
            for index in 0..<oldKeys.count where oldKeys[index] != 0 {
                var slot = WideTable.slot(of: oldKeys[index], shift: shift)
                while keys[slot] != 0 { slot = (slot + 1) & mask }
                keys[slot] = oldKeys[index]
                values[slot] = oldValues[index]
            }
        }
    }
}
