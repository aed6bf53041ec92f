/// The language of an output. Thai is the default everywhere (house rule "Thai first").
public enum Language: String, Sendable, CaseIterable {
    case thai = "th"
    case english = "en"

    /// Picks the Thai or the English form of a label.
    public func pick(_ thai: String, _ english: String) -> String {
        self == .thai ? thai : english
    }
}
