/// Reads one stored row column by column, every value checked: the wrong type, a number out of
/// range or not finite, or a missing value is damage, named with the place, the row and the
/// column. The history's rows (`SessionRow`, `PlanItemRow`, `MilestoneRow`) read themselves
/// through it, so a SQLite file (`StoredRow`) and a server (`PostgresRow`) are checked alike.
protocol ColumnReader {
    /// The damage error for a column.
    func damage(_ column: String, allowed: String) -> CareerError
    /// A text column that must hold text.
    func text(_ column: String) throws -> String
    /// A text column that may be empty (NULL).
    func optionalText(_ column: String) throws -> String?
    /// A date column: `YYYY-MM-DD`, a real day.
    func date(_ column: String) throws -> String
    /// A date column that may be empty (NULL).
    func optionalDate(_ column: String) throws -> String?
    /// A number column whose value must be finite and within `range`.
    func number(_ column: String, in range: ClosedRange<Double>) throws -> Double
    /// A whole-number column whose value must be within `range`.
    func integer(_ column: String, in range: ClosedRange<Int>) throws -> Int
}

extension StoredRow: ColumnReader {}
