import KhetCalc
import KhetCore

/// What one school's notice says, aggregated to a few printed pages: the school's
/// money by round, then by programme, one row per item and level (or grade, where the framework
/// sets a rate per grade), with the rows that are not pupils × rate explained in words.
/// Built by `SchoolNoticeBuilder`, written by `NoticeWorkbook`.
struct SchoolNotice {
    struct Row: Equatable {
        enum Detail: Equatable {
            /// Pupils summed over the grades the row stands for; every grade is paid the same rate.
            case perPupil(pupils: Int, rate: Money)
            /// A deduction, a top-up or a flat amount, in the words of `LineDescription`.
            case explained(String)
        }

        var item: String
        /// A level (`ประถมศึกษา`), a grade (`ป.1`), or empty when the line is for the item as a whole.
        var target: String
        var detail: Detail
        var amount: Money
    }

    struct ProgrammeBlock {
        var id: String
        var name: String
        var rows: [Row]
    }

    struct Section {
        var round: PaymentRound
        var title: String
        var programmes: [ProgrammeBlock]

        var subtotal: Money { programmes.flatMap(\.rows).map(\.amount).sum() }
    }

    let school: School
    let sections: [Section]
    /// Distinct citations of the rates in the table, in the order the rows first use them.
    let rateSources: [String]

    var total: Money { sections.map(\.subtotal).sum() }

    /// The file name inside the batch's `schools/` folder: the school code only, never its name.
    var fileName: String { "\(school.code).xlsx" }
}
