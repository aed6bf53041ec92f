import CZlib
import KhetCore
import KhetImport

private let date = ThaiDate(year: 2567, month: 11, day: 10)

/// Any bytes as the XML of a worksheet, inside a well-formed workbook (stored entries with their
/// right checksums), so the mutations reach the sheet reader and the importer rather than stop at
/// the zip's checksum as in the `xlsx` target. Read or an ImportError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXSheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let date else { return 0 }
    let sheet = Array(UnsafeBufferPointer(start: data, count: size))
    let workbook = StoredZip.archive([
        ("xl/workbook.xml", Array("<workbook xmlns:r=\"r\"><workbookPr/><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
        ("xl/_rels/workbook.xml.rels", Array("<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".utf8)),
        ("xl/sharedStrings.xml", Array("<sst><si><t>รหัสโรงเรียน</t></si><si><t>ป.1</t></si><si><r><t>ชาย</t></r><rPh><t>x</t></rPh></si><si><t>63020001</t></si></sst>".utf8)),
        ("xl/styles.xml", Array("<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"d/m/yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>".utf8)),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
    do {
        let reader = try TableFile.workbook(bytes: workbook, displayName: "fuzz.xlsx")
        _ = try SnapshotImporter().read(from: reader, date: date)
    } catch is ImportError {
    } catch {
        fatalError("the XLSX sheet reader threw something other than an ImportError: \(error)")
    }
    return 0
}

/// A zip of stored (uncompressed) entries with their CRC-32, local headers and central directory.
enum StoredZip {
    static func archive(_ entries: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for (name, bytes) in entries {
            let offset = out.count
            let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            let nameBytes = Array(name.utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
                + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(UInt16(nameBytes.count)) + le16(0) + nameBytes + bytes
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
                + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(UInt16(nameBytes.count)) + le16(0) + le16(0)
                + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + nameBytes
        }
        let directoryOffset = out.count
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            + le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}
