/// Why the notices could not be written. School codes become file names, so one that is not
/// plain digits is refused rather than allowed to reach the file system.
public enum NoticeError: Error, CustomStringConvertible {
    case unsafeSchoolCode(String)

    public var description: String {
        switch self {
        case .unsafeSchoolCode(let code):
            return "school code '\(code)' is not made of digits only, so it cannot name a notice file"
        }
    }
}
