/// One district (อำเภอ) of the sample area and the odds that shape its schools. The odds are
/// rough impressions of สพป.ตาก เขต 2 (border towns round แม่สอด, highland villages in อุ้มผาง
/// and ท่าสองยาง), not statistics: the sample only has to look plausible. All odds are per mille.
struct SampleDistrict: Sendable {
    var name: String
    /// Relative share of the area's schools.
    var weight: Int
    /// Chance that a school is small (1–120 pupils).
    var smallPerMille: Int
    /// Chance that a school is a large town school (600–1,500 pupils).
    var largePerMille: Int
    /// Chance that a (not large) school houses boarders.
    var boardingPerMille: Int
    /// Chance that a (not large) school is a certified special-area school.
    var specialAreaPerMille: Int

    /// The five districts of Tak zone 2, weighted about 30/17/20/18/15 %. Large schools only in
    /// the border town แม่สอด; boarding and special-area schools mostly in the remote highlands.
    static let takZone2: [SampleDistrict] = [
        SampleDistrict(name: "แม่สอด", weight: 30, smallPerMille: 460, largePerMille: 60,
                       boardingPerMille: 10, specialAreaPerMille: 0),
        SampleDistrict(name: "แม่ระมาด", weight: 17, smallPerMille: 610, largePerMille: 0,
                       boardingPerMille: 30, specialAreaPerMille: 30),
        SampleDistrict(name: "ท่าสองยาง", weight: 20, smallPerMille: 610, largePerMille: 0,
                       boardingPerMille: 150, specialAreaPerMille: 200),
        SampleDistrict(name: "พบพระ", weight: 18, smallPerMille: 570, largePerMille: 0,
                       boardingPerMille: 30, specialAreaPerMille: 30),
        SampleDistrict(name: "อุ้มผาง", weight: 15, smallPerMille: 710, largePerMille: 0,
                       boardingPerMille: 250, specialAreaPerMille: 300),
    ]
}
