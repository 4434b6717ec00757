import Foundation
import GRDB

/// A row of the history's `session` table: one recorded conversation, without its plan items
/// and milestones. Dimensions and flags are JSON text columns.
struct SessionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let id = Column("id")
        static let personKey = Column("person_key")
        static let date = Column("date")
        static let recordedAt = Column("recorded_at")
    }

    var id: String
    var personKey: String
    var personName: String
    var personId: String?
    var currentLevel: String
    var date: String
    var recordedAt: String
    var mode: String
    var source: String
    var recommended: String
    var archetype: String
    var confidence: String
    var fitIc: Double
    var fitManagement: Double
    var fitHybrid: Double
    var dimensions: String
    var flags: String
    var targetLevel: String
    var document: String

    init(_ record: HistoryRecord, recordedAt: String) {
        id = record.id
        personKey = record.personKey
        personName = record.personName
        personId = record.personID
        currentLevel = record.currentLevel
        date = record.date
        self.recordedAt = recordedAt
        mode = record.mode
        source = record.source
        recommended = record.recommended
        archetype = record.archetype
        confidence = record.confidence
        fitIc = record.fits["ic"] ?? 0
        fitManagement = record.fits["management"] ?? 0
        fitHybrid = record.fits["hybrid"] ?? 0
        dimensions = JSONValue.object(record.dimensions.map { ($0.key, .number($0.value)) }).compactText()
        flags = JSONValue(record.flags).compactText()
        targetLevel = record.targetLevel
        document = record.document
    }

    /// The record this row and its children make.
    /// - Throws: `CareerError.damagedDatabase` when a JSON column does not hold what it should.
    func record(items: [PlanItemRow], milestones: [MilestoneRow], path: String) throws -> HistoryRecord {
        func decode<T: Decodable>(_ text: String, column: String, expected: String) throws -> T {
            do {
                return try JSONDecoder().decode(T.self, from: Data(text.utf8))
            } catch {
                throw CareerError.damagedDatabase(
                    path: path, reason: "session '\(id)': the \(column) column is not \(expected): '\(PrintableText.excerpt(text))'")
            }
        }
        return HistoryRecord(
            id: id, personKey: personKey, personName: personName, personID: personId, currentLevel: currentLevel, date: date,
            mode: mode, source: source, recommended: recommended, archetype: archetype, confidence: confidence,
            fits: ["ic": fitIc, "management": fitManagement, "hybrid": fitHybrid],
            dimensions: try decode(dimensions, column: "dimensions", expected: "a JSON object of numbers"),
            flags: try decode(flags, column: "flags", expected: "a JSON list of texts"), targetLevel: targetLevel,
            document: document, items: try items.map { try $0.item(path: path) },
            milestones: try milestones.map { try $0.milestone(path: path) })
    }
}
