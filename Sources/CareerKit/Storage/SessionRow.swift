import Foundation
import GRDB

/// A row of the history's `session` table: one recorded conversation, without its plan items
/// and milestones. Dimensions and flags are JSON text columns. Written through GRDB's
/// records; read column by column (`init(stored:)`), every value checked.
struct SessionRow: Encodable, PersistableRecord {
    static let databaseTableName = "session"
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
    /// The name as careerpath matches it (`lowercased()`, every script), indexed.
    var personFold: String
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
        personFold = record.personName.lowercased()
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

    /// A row as read from the database.
    /// - Throws: `CareerError.damagedDatabase` naming the row and the column of any value
    ///   careerpath never writes.
    init(stored row: some ColumnReader) throws {
        id = try row.text("id")
        personKey = try row.text("person_key")
        personName = try row.text("person_name")
        personFold = personName.lowercased()
        personId = try row.optionalText("person_id")
        currentLevel = try row.text("current_level")
        date = try row.date("date")
        recordedAt = try row.text("recorded_at")
        mode = try row.text("mode")
        source = try row.text("source")
        recommended = try row.text("recommended")
        archetype = try row.text("archetype")
        confidence = try row.text("confidence")
        fitIc = try row.number("fit_ic", in: 0...100)
        fitManagement = try row.number("fit_management", in: 0...100)
        fitHybrid = try row.number("fit_hybrid", in: 0...100)
        dimensions = try row.text("dimensions")
        flags = try row.text("flags")
        // The JSON columns are checked here, where the row and column can be named.
        let scores = try? JSONDecoder().decode([String: Double].self, from: Data(dimensions.utf8))
        guard let scores, scores.values.allSatisfy({ $0.isFinite && (0...100).contains($0) }) else {
            throw row.damage("dimensions", allowed: "a JSON object of scores from 0 to 100")
        }
        guard (try? JSONDecoder().decode([String].self, from: Data(flags.utf8))) != nil else {
            throw row.damage("flags", allowed: "a JSON list of texts")
        }
        targetLevel = try row.text("target_level")
        document = try row.text("document")
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
        let scores: [String: Double] = try decode(dimensions, column: "dimensions", expected: "a JSON object of numbers")
        // Scores are 0 to 100: anything else (1e308) would stop the report that rounds it.
        if let wrong = scores.sorted(by: { $0.key < $1.key }).first(where: { !$0.value.isFinite || !(0...100).contains($0.value) }) {
            throw CareerError.damagedDatabase(
                path: path, reason: "session '\(id)': the dimensions column holds \(wrong.key) = \(wrong.value); allowed: 0 to 100")
        }
        return HistoryRecord(
            id: id, personKey: personKey, personName: personName, personID: personId, currentLevel: currentLevel, date: date,
            mode: mode, source: source, recommended: recommended, archetype: archetype, confidence: confidence,
            fits: ["ic": fitIc, "management": fitManagement, "hybrid": fitHybrid],
            dimensions: scores,
            flags: try decode(flags, column: "flags", expected: "a JSON list of texts"), targetLevel: targetLevel,
            document: document, items: try items.map { try $0.item(path: path) },
            milestones: try milestones.map { try $0.milestone(path: path) })
    }
}
