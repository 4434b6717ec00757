import GRDB

/// A row of the history's `plan_item` table: one activity of a recorded plan and its status.
struct PlanItemRow: Encodable, PersistableRecord {
    static let databaseTableName = "plan_item"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let sessionId = Column("session_id")
        static let itemId = Column("item_id")
        static let due = Column("due")
    }

    var sessionId: String
    var itemId: String
    var category: String
    var title: String
    var due: String
    var status: String
    var note: String?
    /// When the status was last set, by a follow-up's date.
    var statusDate: String?

    init(_ item: HistoryRecord.PlanItem, session: String) {
        sessionId = session
        itemId = item.itemID
        category = item.category
        title = item.title
        due = item.due
        status = item.status.rawValue
        note = item.note
        statusDate = nil
    }

    /// A row as read from the database.
    /// - Throws: `CareerError.damagedDatabase` naming the row and the column of any value
    ///   careerpath never writes.
    init(stored row: some ColumnReader) throws {
        sessionId = try row.text("session_id")
        itemId = try row.text("item_id")
        category = try row.text("category")
        title = try row.text("title")
        due = try row.date("due")
        status = try row.text("status")
        guard ItemStatus(rawValue: status) != nil else {
            throw row.damage("status", allowed: "one of " + ItemStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        note = try row.optionalText("note")
        statusDate = try row.optionalDate("status_date")
    }

    /// - Throws: `CareerError.damagedDatabase` for a status careerpath does not write.
    func item(path: String) throws -> HistoryRecord.PlanItem {
        HistoryRecord.PlanItem(
            itemID: itemId, category: category, title: title, due: due,
            status: try ItemStatus(stored: status, path: path, row: "session '\(sessionId)', item '\(itemId)'"), note: note)
    }
}
