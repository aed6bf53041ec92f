/// The words of the sample action plan: five strategies in the shape OBEC's area plans use,
/// eight projects each with the office group that would run them, and indicator patterns.
/// Every name is generic and fictional; no real plan is copied.
enum SampleActionPlanCatalogue {
    struct ProjectIdea {
        var name: String
        var group: Int
        /// Indexes into `indicators`.
        var indicators: [Int]
    }

    struct IndicatorIdea {
        var name: String
        var kind: String
        var unit: String
        var direction: String
        /// Quantitative: the target; qualitative: the described target.
        var target: String
    }

    static let groups = [
        "กลุ่มนโยบายและแผน", "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "กลุ่มส่งเสริมการจัดการศึกษา",
        "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา", "กลุ่มบริหารงานบุคคล", "กลุ่มบริหารงานการเงินและสินทรัพย์",
        "กลุ่มอำนวยการ", "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร", "หน่วยตรวจสอบภายใน",
    ]

    static let budgetSources = ["งบพัฒนาการศึกษา สพฐ.", "งบดำเนินงาน สพป.", "งบบริหารจัดการสำนักงาน", "เงินนอกงบประมาณ"]

    static let indicators = [
        IndicatorIdea(name: "ร้อยละของโรงเรียนที่เข้าร่วมกิจกรรม", kind: "quantitative", unit: "ร้อยละ", direction: "higher", target: "90"),
        IndicatorIdea(name: "จำนวนครูที่ผ่านการอบรม", kind: "quantitative", unit: "คน", direction: "higher", target: "120"),
        IndicatorIdea(name: "ร้อยละของนักเรียนที่อ่านออกเขียนได้", kind: "quantitative", unit: "ร้อยละ", direction: "higher", target: "85"),
        IndicatorIdea(name: "ร้อยละของนักเรียนออกกลางคัน", kind: "quantitative", unit: "ร้อยละ", direction: "lower", target: "0.5"),
        IndicatorIdea(name: "จำนวนวันเฉลี่ยในการดำเนินการ", kind: "quantitative", unit: "วัน", direction: "lower", target: "7"),
        IndicatorIdea(name: "ผู้เข้าร่วมนำความรู้ไปใช้ได้", kind: "qualitative", unit: "", direction: "higher", target: "ระดับดีขึ้นไป"),
        IndicatorIdea(name: "คะแนนเฉลี่ยการทดสอบระดับชาติ", kind: "quantitative", unit: "คะแนน", direction: "higher", target: "45"),
        IndicatorIdea(name: "ร้อยละของโรงเรียนที่ผ่านการประเมิน", kind: "quantitative", unit: "ร้อยละ", direction: "higher", target: "80"),
        IndicatorIdea(name: "จำนวนข้อร้องเรียนที่ค้างเกินกำหนด", kind: "quantitative", unit: "เรื่อง", direction: "lower", target: "3"),
        IndicatorIdea(name: "ระบบงานมีคุณภาพเป็นที่ยอมรับ", kind: "qualitative", unit: "", direction: "higher", target: "ผ่านเกณฑ์การประเมิน"),
    ]

    static let strategies: [(name: String, projects: [ProjectIdea])] = [
        ("ยกระดับคุณภาพผู้เรียนและผลสัมฤทธิ์ทางการเรียน", [
            ProjectIdea(name: "ส่งเสริมการอ่านออกเขียนได้ชั้นประถมศึกษาปีที่ 1–3", group: 1, indicators: [2, 0]),
            ProjectIdea(name: "ยกระดับผลสัมฤทธิ์การทดสอบระดับชาติ (O-NET)", group: 1, indicators: [6, 0]),
            ProjectIdea(name: "พัฒนาการจัดการเรียนรู้เชิงรุก (Active Learning)", group: 1, indicators: [1, 5]),
            ProjectIdea(name: "ส่งเสริมทักษะภาษาอังกฤษเพื่อการสื่อสาร", group: 1, indicators: [0, 5]),
            ProjectIdea(name: "วิทยาศาสตร์ คณิตศาสตร์ และวิทยาการคำนวณ", group: 1, indicators: [6, 1]),
            ProjectIdea(name: "พัฒนาการศึกษาปฐมวัยสู่มาตรฐาน", group: 2, indicators: [7, 5]),
            ProjectIdea(name: "แข่งขันศิลปหัตถกรรมนักเรียน ระดับเขตพื้นที่", group: 2, indicators: [0]),
            ProjectIdea(name: "นิเทศ ติดตาม การจัดการเรียนการสอนในชั้นเรียน", group: 1, indicators: [7, 4]),
        ]),
        ("สร้างโอกาสและความเสมอภาคทางการศึกษา", [
            ProjectIdea(name: "ลดอัตราการออกกลางคันและติดตามเด็กนอกระบบ", group: 2, indicators: [3, 0]),
            ProjectIdea(name: "ช่วยเหลือนักเรียนยากจนและด้อยโอกาส", group: 2, indicators: [0, 4]),
            ProjectIdea(name: "พัฒนาโรงเรียนขนาดเล็กและโรงเรียนในพื้นที่สูง", group: 0, indicators: [7, 5]),
            ProjectIdea(name: "การศึกษาสำหรับนักเรียนพักนอน", group: 2, indicators: [0, 3]),
            ProjectIdea(name: "จัดการศึกษาเรียนรวมสำหรับเด็กที่มีความต้องการพิเศษ", group: 2, indicators: [1, 5]),
            ProjectIdea(name: "ห้องเรียนเคลื่อนที่สำหรับพื้นที่ห่างไกล", group: 7, indicators: [0]),
            ProjectIdea(name: "ระบบดูแลช่วยเหลือนักเรียน", group: 2, indicators: [3, 5]),
            ProjectIdea(name: "ทุนการศึกษาสำหรับนักเรียนชายแดน", group: 2, indicators: [0, 4]),
        ]),
        ("พัฒนาครูและบุคลากรทางการศึกษา", [
            ProjectIdea(name: "พัฒนาครูด้วยชุมชนการเรียนรู้ทางวิชาชีพ (PLC)", group: 3, indicators: [1, 5]),
            ProjectIdea(name: "พัฒนาผู้บริหารสถานศึกษาใหม่", group: 3, indicators: [1]),
            ProjectIdea(name: "ยกย่องเชิดชูเกียรติครูและบุคลากรดีเด่น", group: 4, indicators: [0, 5]),
            ProjectIdea(name: "พัฒนาสมรรถนะครูด้านการวัดและประเมินผล", group: 3, indicators: [1, 7]),
            ProjectIdea(name: "อบรมครูผู้ช่วยและครูบรรจุใหม่", group: 3, indicators: [1, 5]),
            ProjectIdea(name: "พัฒนาบุคลากรสำนักงานเขตพื้นที่", group: 4, indicators: [1, 4]),
            ProjectIdea(name: "ส่งเสริมวินัยและจรรยาบรรณวิชาชีพ", group: 4, indicators: [8, 5]),
            ProjectIdea(name: "พัฒนาครูด้านดิจิทัลเพื่อการสอน", group: 7, indicators: [1, 0]),
        ]),
        ("ส่งเสริมความปลอดภัยและการศึกษาเพื่อการพัฒนาที่ยั่งยืน", [
            ProjectIdea(name: "สถานศึกษาปลอดภัย", group: 2, indicators: [7, 8]),
            ProjectIdea(name: "โรงเรียนสีขาว ปลอดยาเสพติดและอบายมุข", group: 2, indicators: [0, 5]),
            ProjectIdea(name: "อาหารกลางวันและโภชนาการนักเรียน", group: 2, indicators: [0, 3]),
            ProjectIdea(name: "โรงเรียนสิ่งแวดล้อมศึกษาเพื่อการพัฒนาที่ยั่งยืน", group: 2, indicators: [7]),
            ProjectIdea(name: "ลูกเสือ เนตรนารี และยุวกาชาด", group: 2, indicators: [0, 5]),
            ProjectIdea(name: "ป้องกันและแก้ไขปัญหาการกลั่นแกล้งในโรงเรียน", group: 2, indicators: [8, 5]),
            ProjectIdea(name: "เกษตรเพื่ออาหารกลางวันตามแนวพระราชดำริ", group: 2, indicators: [0]),
            ProjectIdea(name: "ส่งเสริมคุณธรรม จริยธรรม และค่านิยมที่ดี", group: 1, indicators: [7, 5]),
        ]),
        ("พัฒนาระบบบริหารจัดการด้วยเทคโนโลยีดิจิทัล", [
            ProjectIdea(name: "พัฒนาระบบข้อมูลสารสนเทศทางการศึกษา (DMC)", group: 7, indicators: [0, 9]),
            ProjectIdea(name: "จัดทำแผนปฏิบัติการและติดตามประเมินผล", group: 0, indicators: [4, 9]),
            ProjectIdea(name: "ตรวจสอบภายในและควบคุมภายใน", group: 8, indicators: [7, 8]),
            ProjectIdea(name: "เพิ่มประสิทธิภาพการเบิกจ่ายงบประมาณ", group: 5, indicators: [4, 0]),
            ProjectIdea(name: "สำนักงานดิจิทัลและระบบสารบรรณอิเล็กทรอนิกส์", group: 6, indicators: [4, 9]),
            ProjectIdea(name: "ประเมินคุณธรรมและความโปร่งใส (ITA)", group: 0, indicators: [7, 9]),
            ProjectIdea(name: "ประชาสัมพันธ์และสร้างเครือข่ายการมีส่วนร่วม", group: 6, indicators: [0, 5]),
            ProjectIdea(name: "ปรับปรุงอาคารสถานที่สำนักงานเขตพื้นที่", group: 5, indicators: [8]),
        ]),
    ]

    static let problems = [
        "ได้รับจัดสรรงบประมาณล่าช้า ทำให้ต้องเลื่อนกิจกรรม", "ภารกิจของโรงเรียนซ้อนกับช่วงดำเนินโครงการ",
        "ระยะทางไกลและการเดินทางลำบากในฤดูฝน", "ครูย้ายระหว่างปีทำให้ขาดความต่อเนื่อง",
        "ระบบเครือข่ายอินเทอร์เน็ตในพื้นที่สูงไม่เสถียร",
    ]

    static let suggestions = [
        "ควรจัดสรรงบประมาณให้แล้วเสร็จภายในไตรมาสแรก", "ควรบูรณาการกิจกรรมกับโครงการอื่นที่มีเป้าหมายเดียวกัน",
        "ควรใช้การประชุมออนไลน์สำหรับโรงเรียนในพื้นที่ห่างไกล", "ควรมีพี่เลี้ยงติดตามผลหลังการอบรม",
    ]
}
