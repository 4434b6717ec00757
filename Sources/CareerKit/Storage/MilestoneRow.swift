import GRDB

/// A row of the history's `milestone` table: one check-in of a recorded plan, held or not.
struct MilestoneRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "milestone"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
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

    /// - Throws: `CareerError.damagedDatabase` for a status careerpath does not write.
    func milestone(path: String) throws -> HistoryRecord.Milestone {
        HistoryRecord.Milestone(
            position: position, title: title, due: due,
            status: try ItemStatus(stored: status, path: path, row: "session '\(sessionId)', check-in \(position)"))
    }
}
