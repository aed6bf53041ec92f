/// Why a zip archive (the container of an XLSX file) cannot be read. The XLSX layer turns it
/// into a located diagnostic; the wording names no content of the file.
enum ZipError: Error, Equatable {
    /// No end-of-central-directory record: not a zip file, or cut short.
    case notAnArchive
    /// A structure of the archive points outside the file or has a wrong signature.
    case damaged(String)
    /// Password-protected entries.
    case encrypted(entry: String)
    /// A compression method other than stored and deflate.
    case unsupportedMethod(entry: String, method: Int)
    /// An entry that inflates to more than its declared size or than Khet reads.
    case tooLarge(entry: String)
    /// The inflated bytes do not match the entry's checksum.
    case checksumMismatch(entry: String)
    case readFailed

    var message: String {
        switch self {
        case .notAnArchive: return "the file is not a complete XLSX (zip) file"
        case .damaged(let what): return "the XLSX (zip) structure is damaged: \(what)"
        case .encrypted: return "the workbook is password-protected"
        case .unsupportedMethod(_, let method): return "a part of the workbook is compressed with method \(method), which Khet does not read"
        case .tooLarge(let entry): return "the workbook part \(entry) is larger than it declares or than Khet reads"
        case .checksumMismatch(let entry): return "the workbook part \(entry) is damaged (its checksum does not match)"
        case .readFailed: return "reading the file failed"
        }
    }

    var thaiMessage: String {
        switch self {
        case .notAnArchive: return "ไฟล์นี้ไม่ใช่ไฟล์ XLSX ที่สมบูรณ์"
        case .damaged: return "โครงสร้างไฟล์ XLSX เสียหาย"
        case .encrypted: return "สมุดงานนี้ตั้งรหัสผ่านไว้"
        case .unsupportedMethod: return "ส่วนหนึ่งของสมุดงานบีบอัดด้วยวิธีที่ Khet อ่านไม่ได้"
        case .tooLarge: return "ส่วนหนึ่งของสมุดงานใหญ่เกินกว่าที่ระบุไว้หรือเกินกว่าที่ Khet อ่าน"
        case .checksumMismatch: return "ส่วนหนึ่งของสมุดงานเสียหาย (ค่าตรวจสอบไม่ตรงกัน)"
        case .readFailed: return "อ่านไฟล์ไม่สำเร็จ"
        }
    }

    var hint: String {
        switch self {
        case .encrypted: return "remove the password in Excel (File > Info > Protect Workbook) and save again"
        default: return "open the file in Excel or LibreOffice and save it again as .xlsx"
        }
    }
}
