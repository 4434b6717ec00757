/// One row of the shared history as libpq gives it (every value as text, or NULL), read with
/// the checks of a SQLite row (`ColumnReader`). The server's column types keep out most
/// damage, but not all: anyone who may write a row can type `NaN`, `1e308` or `9999-99-99`
/// into it through psql, and that must be named (exit 65), never crash another login's report.
struct PostgresRow: ColumnReader {
    let names: [String]
    let values: [String?]
    let table: String
    let path: String

    /// - Parameter names: the columns of the query, in its order.
    init(_ values: [String?], names: [String], table: String, path: String) {
        self.values = values
        self.names = names
        self.table = table
        self.path = path
    }

    /// The value of a column: nil when the query has no such column, `.some(nil)` for NULL.
    private func value(_ column: String) -> String?? {
        guard let index = names.firstIndex(of: column), index < values.count else { return nil }
        return .some(values[index])
    }

    /// The row's place: its table, and the session it belongs to when that can be read.
    var place: String {
        let sessionColumn = table == "session" ? "id" : "session_id"
        guard case .some(.some(let session)) = value(sessionColumn) else { return "a row of the \(table) table" }
        return "a row of the \(table) table (session \(PrintableText.quoted(session)))"
    }

    func damage(_ column: String, allowed: String) -> CareerError {
        let found: String
        switch value(column) {
        case nil: found = "no such column"
        case .some(nil): found = "nothing (NULL)"
        case .some(.some(let text)): found = PrintableText.quoted(text)
        }
        return .damagedDatabase(path: path, reason: "\(place), column \(column): allowed \(allowed), found \(found)")
    }

    func text(_ column: String) throws -> String {
        guard case .some(.some(let text)) = value(column) else { throw damage(column, allowed: "a text") }
        return text
    }

    func optionalText(_ column: String) throws -> String? {
        guard case .some(let text) = value(column) else { throw damage(column, allowed: "a text or nothing") }
        return text
    }

    func date(_ column: String) throws -> String {
        guard case .some(.some(let text)) = value(column), SessionDate.parse(text) != nil else {
            throw damage(column, allowed: "a date, YYYY-MM-DD")
        }
        return text
    }

    func optionalDate(_ column: String) throws -> String? {
        if case .some(nil) = value(column) { return nil }
        return try date(column)
    }

    func number(_ column: String, in range: ClosedRange<Double>) throws -> Double {
        guard case .some(.some(let text)) = value(column), let number = Double(text), number.isFinite, range.contains(number) else {
            throw damage(column, allowed: "a number from \(formatOneDecimal(range.lowerBound)) to \(formatOneDecimal(range.upperBound))")
        }
        return number
    }

    func integer(_ column: String, in range: ClosedRange<Int>) throws -> Int {
        guard case .some(.some(let text)) = value(column), let number = Int(text), range.contains(number) else {
            throw damage(column, allowed: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
