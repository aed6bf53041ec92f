import CSQLite

/// A SQLite database connection, the few calls the ledger needs: statements with bound values,
/// rows read column by column, and every failure as SQLite's message.
final class SQLiteConnection {
    struct Failure: Error {
        var message: String
    }

    private var handle: OpaquePointer?
    let path: String

    /// Opens `path`; `create` makes the file when it is missing.
    init(path: String, create: Bool) throws(Failure) {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw Failure(message: message)
        }
        // A busy ledger (another run confirming) is waited for a little, not failed at once.
        sqlite3_busy_timeout(handle, 5_000)
    }

    deinit { sqlite3_close(handle) }

    /// Runs `sql` (one or more statements without parameters).
    func execute(_ sql: String) throws(Failure) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw Failure(message: message)
        }
    }

    var lastError: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no database" }
    var lastInsertID: Int64 { sqlite3_last_insert_rowid(handle) }

    enum Value {
        case text(String?)
        case integer(Int64?)
    }

    /// Runs one statement with `values` bound in order, calling `row` for each result row.
    func run(_ sql: String, _ values: [Value] = [], row: ((Row) throws(Failure) -> Void)? = nil) throws(Failure) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw Failure(message: lastError) }
        defer { sqlite3_finalize(statement) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .text(let text?): status = sqlite3_bind_text(statement, index, text, -1, khet_sqlite_transient())
            case .integer(let number?): status = sqlite3_bind_int64(statement, index, number)
            case .text(nil), .integer(nil): status = sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw Failure(message: lastError) }
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw Failure(message: lastError) }
            if let row { try row(Row(statement: statement)) }
        }
    }

    struct Row {
        let statement: OpaquePointer?

        func text(_ column: Int32) -> String? {
            guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column) else { return nil }
            return String(cString: text)
        }

        func integer(_ column: Int32) -> Int64? {
            sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
        }
    }
}
