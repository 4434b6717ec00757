import GRDB

/// A row of the history's `milestone` table: one check-in of a recorded plan, held or not.
struct MilestoneRow: Encodable, PersistableRecord {
    static let databaseTableName = "milestone"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let sessionId = Column("session_id")
        static let position = Column("position")
    }

    var sessionId: String
    var position: Int
    var title: String
    var due: String
    var status: String
    var statusDate: String?

    init(_ milestone: HistoryRecord.Milestone, session: String) {
        sessionId = session
        position = milestone.position
        title = milestone.title
        due = milestone.due
        status = milestone.status.rawValue
        statusDate = nil
    }

    /// The most check-ins a plan could have: a position beyond it is damage.
    static let positions = 0...9_999

    /// A row as read from the database.
    /// - Throws: `CareerError.damagedDatabase` naming the row and the column of any value
    ///   careerpath never writes.
    init(stored row: some ColumnReader) throws {
        sessionId = try row.text("session_id")
        position = try row.integer("position", in: Self.positions)
        title = try row.text("title")
        due = try row.date("due")
        status = try row.text("status")
        guard ItemStatus(rawValue: status) != nil else {
            throw row.damage("status", allowed: "one of " + ItemStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        statusDate = try row.optionalDate("status_date")
    }

    /// - Throws: `CareerError.damagedDatabase` for a status careerpath does not write.
    func milestone(path: String) throws -> HistoryRecord.Milestone {
        HistoryRecord.Milestone(
            position: position, title: title, due: due,
            status: try ItemStatus(stored: status, path: path, row: "session '\(sessionId)', check-in \(position)"))
    }
}
