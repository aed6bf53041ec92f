/// Where each pupil was first seen (school index and line), for the duplicate check: an
/// open-addressing table of 16 bytes a pupil. A national file has six million pupils; a
/// `Dictionary` of the same pairs needs twice the memory at its growth steps and a hash call
/// per row, which together were most of the import's peak memory.
struct PupilSightings {
    struct Sighting: Equatable {
        let school: UInt32
        let line: UInt32
    }

    /// Keys are stored plus one, so zero marks an empty slot (no ID has the key `UInt64.max`).
    private var keys: [UInt64]
    private var values: [UInt64]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: 1 << 10)
        values = Array(repeating: 0, count: 1 << 10)
        shift = 64 - 10
    }

    /// The first sighting of `key`, or nil after recording this one as the first.
    mutating func firstSighting(of key: UInt64, school: UInt32, line: UInt32) -> Sighting? {
        if (count + 1) * 8 > keys.count * 7 { grow() }
        let stored = key &+ 1
        let mask = keys.count - 1
        var slot = PupilSightings.slot(of: stored, shift: shift)
        while true {
            let found = keys[slot]
            if found == 0 {
                keys[slot] = stored
                values[slot] = UInt64(school) << 32 | UInt64(line)
                count += 1
                return nil
            }
            if found == stored {
                let value = values[slot]
                return Sighting(school: UInt32(truncatingIfNeeded: value >> 32), line: UInt32(truncatingIfNeeded: value))
            }
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
            var slot = PupilSightings.slot(of: oldKeys[index], shift: shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }
}
