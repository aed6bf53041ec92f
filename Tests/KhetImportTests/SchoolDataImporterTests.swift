import KhetCore
import KhetImport
import KhetTestSupport
import XCTest

final class SchoolDataImporterTests: XCTestCase {
    func testSchoolsWithThaiHeadersInAnyOrder() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("schools.csv", """
            อำเภอ,รหัสโรงเรียน,ชื่อโรงเรียน,พักนอน
            แม่สอด,9963020002,"โรงเรียนบ้านสอง, สาขา",0
            อุ้มผาง,9963020001,โรงเรียนบ้านหนึ่ง,ใช่

            """)
        let result = try SchoolsImporter().read(path: path, displayName: "schools.csv")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.schools.map(\.code), ["9963020001", "9963020002"])
        XCTAssertEqual(result.schools[0].isBoarding, true)
        XCTAssertEqual(result.schools[1].name, "โรงเรียนบ้านสอง, สาขา")
        XCTAssertEqual(result.schools[1].district, "แม่สอด")
    }

    func testSchoolProblemsArePinnedToTheirCells() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("schools.csv", """
            school_code,name,district,boarding,extra
            1,A,X,maybe,
            1,B,X,0,
            ,C,X,0,
            12a,D,X,0,

            """)
        let result = try SchoolsImporter().read(path: path, displayName: "schools.csv")
        let summary = result.diagnostics.map { "\($0.code)@\($0.line):\($0.column)" }
        XCTAssertEqual(summary, ["CSV011@1:36", "SCH006@2:7", "SCH003@3:1", "SCH001@4:1", "SCH002@5:1"])
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
    }

    func testMissingRequiredColumnIsNamed() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("schools.csv", "code,name\n1,A\n")
        let result = try SchoolsImporter().read(path: path, displayName: "schools.csv")
        XCTAssertEqual(result.diagnostics.errors.map(\.code), ["CSV012"])
        XCTAssertTrue(result.diagnostics[0].message.contains("อำเภอ"))
    }

    func testSnapshotWithLatinAndThaiGradeHeaders() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("pupils.csv", """
            รหัสโรงเรียน,K2,อ.3,ป1,p.2,ม.1,รวม
            9963020001,10,12,"1,005",,๗,1034
            9963020002,1,2,3,4,5,99

            """)
        let date = try XCTUnwrap(ThaiDate(year: 2568, month: 6, day: 10))
        let result = try SnapshotImporter().read(path: path, displayName: "pupils.csv", date: date)
        let counts = result.snapshot.counts(for: "9963020001")
        XCTAssertEqual(counts[.k2], 10)
        XCTAssertEqual(counts[.p1], 1005)
        XCTAssertEqual(counts[.p2], 0, "a blank cell means no pupils")
        XCTAssertEqual(counts[.m1], 7, "Thai digits are read")
        XCTAssertEqual(counts.total, 1034)
        XCTAssertEqual(result.diagnostics.map(\.code), ["PUP006"], "the second row's total is wrong")
        XCTAssertEqual(result.diagnostics.first?.line, 3)
        XCTAssertEqual(result.diagnostics.first?.column, 22)
    }

    func testSnapshotRejectsBadCountsAndDuplicateSchools() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("pupils.csv", "code,P1,P2\n1,5,x\n1,3,3\n2,-1,0\n")
        let date = try XCTUnwrap(ThaiDate(year: 2568, month: 6, day: 10))
        let result = try SnapshotImporter().read(path: path, displayName: "pupils.csv", date: date)
        XCTAssertEqual(result.diagnostics.map { "\($0.code)@\($0.line):\($0.column)" },
                       ["PUP005@2:5", "PUP004@3:1", "PUP005@4:3"])
        XCTAssertTrue(result.diagnostics.hasErrors)
    }
}
