/// The largest values Khet accepts from its inputs, far above any real school or rate and
/// low enough that no amount computed from them can overflow: 20,000 pupils × 10 million baht
/// is 2 × 10¹³ satang a line, against 9.2 × 10¹⁸ in an Int64. Importers refuse larger values at
/// their line, so the calculators never see them.
public enum InputLimits {
    /// Pupils in one grade of one school (the largest Thai schools have about 8,000 in all).
    public static let pupilsPerGrade = 20_000
    /// A rate per pupil or per school, in baht.
    public static let rateBaht: Int64 = 10_000_000
    /// An envelope, in baht (OBEC's whole budget is about 3 × 10¹¹).
    public static let envelopeBaht: Int64 = 1_000_000_000_000
}
