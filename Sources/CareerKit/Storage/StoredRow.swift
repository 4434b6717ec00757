import Foundation
import GRDB

/// One row of the history database, read column by column with every value checked: the
/// wrong type, a number out of range or not finite, or a missing value is damage, named
/// with the file, the table, the row and the column, never a crash and never a guess.
///
/// Nothing read from the database goes through GRDB's converting subscripts (which stop the
/// program on a value of the wrong type) or through an unchecked numeric conversion.
struct StoredRow {
    let row: Row
    let table: String
    let path: String

    init(_ row: Row, table: String, path: String) {
        self.row = row
        self.table = table
        self.path = path
    }

    /// The row's place: its SQLite row number, and the session it belongs to when that can be read.
    var place: String {
        var words = "row \(rowid.map(String.init) ?? "?") of the \(table) table"
        let sessionColumn = table == "session" ? "id" : "session_id"
        if case .string(let session)? = value(sessionColumn)?.storage {
            words += " (session \(PrintableText.quoted(session)))"
        }
        return words
    }

    var rowid: Int64? {
        if case .int64(let number)? = value("rowid")?.storage { return number }
        return nil
    }

    private func value(_ column: String) -> DatabaseValue? {
        row.hasColumn(column) ? row[column] as DatabaseValue : nil
    }

    /// The damage error for a column.
    func damage(_ column: String, allowed: String) -> CareerError {
        .damagedDatabase(
            path: path, reason: "\(place), column \(column): allowed \(allowed), found \(Self.describe(value(column)))")
    }

    /// A text column that must hold text.
    func text(_ column: String) throws -> String {
        guard case .string(let text)? = value(column)?.storage else { throw damage(column, allowed: "a text") }
        return text
    }

    /// A text column that may be empty (NULL).
    func optionalText(_ column: String) throws -> String? {
        switch value(column)?.storage {
        case .null?: return nil
        case .string(let text)?: return text
        default: throw damage(column, allowed: "a text or nothing")
        }
    }

    /// A date column: `YYYY-MM-DD`, a real day.
    func date(_ column: String) throws -> String {
        guard case .string(let text)? = value(column)?.storage, SessionDate.parse(text) != nil else {
            throw damage(column, allowed: "a date, YYYY-MM-DD")
        }
        return text
    }

    /// A date column that may be empty (NULL).
    func optionalDate(_ column: String) throws -> String? {
        if case .null? = value(column)?.storage { return nil }
        return try date(column)
    }

    /// A number column whose value must be finite and within `range`.
    func number(_ column: String, in range: ClosedRange<Double>) throws -> Double {
        let number: Double
        switch value(column)?.storage {
        case .double(let value)?: number = value
        case .int64(let value)?: number = Double(value)
        default: number = .nan
        }
        guard number.isFinite, range.contains(number) else {
            throw damage(column, allowed: "a number from \(formatOneDecimal(range.lowerBound)) to \(formatOneDecimal(range.upperBound))")
        }
        return number
    }

    /// A whole-number column whose value must be within `range`.
    func integer(_ column: String, in range: ClosedRange<Int>) throws -> Int {
        guard case .int64(let stored)? = value(column)?.storage, stored >= range.lowerBound, stored <= range.upperBound
        else { throw damage(column, allowed: "a whole number from \(range.lowerBound) to \(range.upperBound)") }
        return Int(stored)
    }

    /// A value in words, for a message: its type, and an excerpt of it.
    static func describe(_ value: DatabaseValue?) -> String {
        switch value?.storage {
        case nil: return "no such column"
        case .null?: return "nothing (NULL)"
        case .int64(let number)?: return "the whole number \(number)"
        case .double(let number)?: return "the number \(number)"
        case .string(let text)?: return "the text \(PrintableText.quoted(text))"
        case .blob(let data)?: return "binary data (\(data.count) bytes)"
        }
    }
}
