/// Writes an amount in Thai words as notices and cheques do, matching Excel's BAHTTEXT:
/// `1,200,101.00` → `หนึ่งล้านสองแสนหนึ่งร้อยเอ็ดบาทถ้วน`, `0.50` → `ห้าสิบสตางค์`.
public enum ThaiBahtText {
    private static let digitWords = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
    private static let placeWords = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"]

    public static func words(for amount: Money) -> String {
        let sign = amount.isNegative ? "ลบ" : ""
        let baht = abs(amount.wholeBaht)
        let satang = amount.satangPart
        if baht == 0 && satang == 0 { return "ศูนย์บาทถ้วน" }
        var text = sign
        if baht > 0 { text += number(baht) + "บาท" }
        text += satang == 0 ? "ถ้วน" : number(satang) + "สตางค์"
        return text
    }

    /// Thai words for a whole number ≥ 1, in groups of six digits joined by ล้าน.
    public static func number(_ value: Int64) -> String {
        guard value > 0 else { return digitWords[0] }
        let millions = value / 1_000_000
        let rest = value % 1_000_000
        var text = ""
        if millions > 0 { text = number(millions) + "ล้าน" }
        if rest > 0 { text += group(rest, hasHigherDigits: millions > 0) }
        return text
    }

    /// One group below a million. A final 1 is เอ็ด when anything stands before it (101, 1,000,001),
    /// a 1 in the tens is just สิบ, a 2 in the tens is ยี่สิบ.
    private static func group(_ value: Int64, hasHigherDigits: Bool) -> String {
        let digits = String(value).compactMap { $0.wholeNumberValue }
        var text = ""
        for (index, digit) in digits.enumerated() where digit != 0 {
            let place = digits.count - 1 - index
            switch (place, digit) {
            case (0, 1) where hasHigherDigits || digits.count > 1:
                text += "เอ็ด"
            case (1, 1):
                text += "สิบ"
            case (1, 2):
                text += "ยี่สิบ"
            default:
                text += digitWords[digit] + placeWords[place]
            }
        }
        return text
    }
}

extension Money {
    /// The amount in Thai words (`…บาทถ้วน`, `…บาทห้าสิบสตางค์`).
    public var thaiWords: String { ThaiBahtText.words(for: self) }
}
