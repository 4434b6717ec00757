import Foundation
import GRDB
import Testing

@testable import CareerKit

/// Point 10 of issue 20: a history damaged in any one value never crashes a command that reads
/// it. Every column of every table is damaged one at a time (the wrong type, a huge number, a
/// number that is not one, NULL, binary data, an impossible date, empty text, escape
/// sequences), and each
/// history command (history, export in both formats, calibration, forget, a talk's look back)
/// either works or reports the damage naming the file, the row and the column. Forget works
/// around any of them.
@Suite struct HistoryDamageTests {
    let prompts = TestSupport.prompts

    static let damages = [
        "X'00FF'", "NULL", "1e308", "9e999", "-9223372036854775808", "'NaN'", "'9999-99-99'", "''", "'{\"ic\": 1e308}'",
        "char(27) || ']0;PWNED' || char(7) || char(27) || '[2J'",
    ]

    /// Damage inside the plan document calibration and export read.
    static let documentDamages = [
        "json_set(document, '$.dimensions.challenge.self', 1e308, '$.dimensions.challenge.manager', -1e308)",
        "json_set(document, '$.dimensions.challenge.self', 'x')", "json_set(document, '$.dimensions', json('[1]'))",
        "json_set(document, '$.session.manager', 1e308)", "json_remove(document, '$.dimensions')",
    ]

    /// A history with two sessions of Ana (E1042), the first reviewed, and one of a person
    /// recorded by name alone; closed, so the file holds everything.
    func pristine(in folder: URL, others: Int = 0) throws -> String {
        let path = folder.appendingPathComponent("pristine-\(others).sqlite").path
        let store = try HistoryStore(path: path)
        var answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        answers.date = "2026-11-22"
        let first = try Pipeline(prompts: prompts).consult(answers, today: Date()).record(.talk(session: "s1"))
        answers.date = "2027-02-22"
        let second = try Pipeline(prompts: prompts).consult(answers, today: Date()).record(.talk(session: "s2"))
        answers.person.id = nil
        answers.person.name = "Sam Lee"
        let named = try Pipeline(prompts: prompts).consult(answers, today: Date()).record(.run)
        // More people of the same manager, so calibration has offsets to work out.
        var more: [HistoryRecord] = []
        for number in 0..<others {
            answers.person.name = "Person \(number)"
            more.append(try Pipeline(prompts: prompts).consult(answers, today: Date()).record(.run))
        }
        try store.record([first, second, named] + more)
        let review: [ReviewKey: SessionRecord.ReviewEntry] = [
            .item(first.items[0].itemID): .init(status: .dropped, note: "no time"), .milestone(0): .init(status: .done),
        ]
        _ = try store.applyReview(review, to: first, date: "2027-02-22")
        // One file, no log beside it, so a copy is the whole database.
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        return path
    }

    enum Outcome: Equatable { case worked, reported }

    /// Runs a command's reading; anything but success or damage named with file, row and
    /// column is a failure of the test.
    func outcome(_ label: String, path: String, column: String, _ body: () throws -> Void) -> Outcome? {
        do {
            try body()
            return .worked
        } catch CareerError.usage, CareerError.unknownPerson where ["person_key", "person_id", "person_name", "person_fold"].contains(column) {
            // A session whose person is changed is someone else's: a namesake, or nobody's
            // (the folded name is how a name finds its sessions).
            return .worked
        } catch CareerError.damagedDatabase(let named, let reason) {
            #expect(named == path, "\(label)")
            #expect(reason.contains("row ") && reason.contains(column), "\(label): \(reason)")
            return .reported
        } catch {
            Issue.record("\(label): \(error)")
            return nil
        }
    }

    /// Every column of the schema, as `table.column`; the last stands for damage inside the
    /// plan document. Listed, so the cases run in parallel; checked against the schema below.
    static let columns = [
        "session.id", "session.person_key", "session.person_name", "session.person_id", "session.current_level", "session.date",
        "session.recorded_at", "session.mode", "session.source", "session.recommended", "session.archetype", "session.confidence",
        "session.fit_ic", "session.fit_management", "session.fit_hybrid", "session.dimensions", "session.flags",
        "session.target_level", "session.document", "session.person_fold", "plan_item.session_id", "plan_item.item_id", "plan_item.category",
        "plan_item.title", "plan_item.due", "plan_item.status", "plan_item.note", "plan_item.status_date",
        "milestone.session_id", "milestone.position", "milestone.title", "milestone.due", "milestone.status",
        "milestone.status_date", "inside session.document",
    ]

    /// The pristine histories, made once: the sweep's, and one where calibration has five people.
    static let pristines: Result<(plain: String, calibrated: String), any Error> = Result {
        let root = try TestSupport.temporaryDirectory()
        let suite = HistoryDamageTests()
        return (try suite.pristine(in: root), try suite.pristine(in: root, others: 3))
    }

    @Test func theSweepCoversEveryColumnOfTheSchema() throws {
        let path = try Self.pristines.get().plain
        let columns = try DatabaseQueue(path: path).read { db in
            try ["session", "plan_item", "milestone"].flatMap { table in try db.columns(in: table).map { "\(table).\($0.name)" } }
        }
        #expect(columns + ["inside session.document"] == Self.columns)
    }

    @Test(arguments: columns)
    func aDamagedColumnNeverCrashesAnyCommand(_ name: String) throws {
        let inside = name.hasPrefix("inside ")
        let parts = name.dropFirst(inside ? "inside ".count : 0).split(separator: ".").map(String.init)
        let (table, column) = (parts[0], parts[1])
        let pristine = try Self.pristines.get()
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var applied = 0
        var reported = 0
        var nullApplied = false
        for (number, damage) in (inside ? Self.documentDamages : Self.damages).enumerated() {
            let folder = root.appendingPathComponent("case\(number)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("history.sqlite").path
            try FileManager.default.copyItem(atPath: inside ? pristine.calibrated : pristine.plain, toPath: path)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            let update = "UPDATE \(table) SET \(column) = \(damage) WHERE rowid = (SELECT min(rowid) FROM \(table))"
            do {
                try DatabaseQueue(path: path, configuration: configuration).write { try $0.execute(sql: update) }
            } catch {
                // NOT NULL refuses it: another program (or a hand) could have dropped the
                // constraint, so it is dropped here too, by rewriting the stored schema.
                guard damage == "NULL" else { continue }
                do {
                    try DatabaseQueue(path: path, configuration: configuration).writeWithoutTransaction { db in
                        try db.execute(sql: "PRAGMA writable_schema = ON")
                        try db.execute(
                            sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?",
                            arguments: ["\(column) TEXT NOT NULL", "\(column) TEXT", table])
                        try db.execute(
                            sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?",
                            arguments: ["\(column) REAL NOT NULL", "\(column) REAL", table])
                        try db.execute(
                            sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?",
                            arguments: ["\(column) INTEGER NOT NULL", "\(column) INTEGER", table])
                        try db.execute(sql: "PRAGMA writable_schema = OFF")
                    }
                    try DatabaseQueue(path: path, configuration: configuration).write { try $0.execute(sql: update) }
                } catch {
                    continue  // a primary key, which no rewrite makes nullable
                }
            }
            applied += 1
            if damage == "NULL" { nullApplied = true }
            let label = "\(table).\(column) = \(damage)"
            let store: HistoryStore
            do {
                store = try HistoryStore(path: path)
            } catch {
                Issue.record("\(label): opening: \(error)")
                continue
            }
            var outcomes: [Outcome?] = []
            outcomes.append(outcome("history: \(label)", path: path, column: column) {
                let records = try store.sessions(of: try store.person(for: "E1042"))
                // Nothing from the database reaches a terminal raw.
                #expect(!HistoryReport(records: records).text().contains("\u{1B}"), "history: \(label)")
                #expect(!HistoryReport(records: records).json().contains("\u{1B}"), "history: \(label)")
            })
            outcomes.append(outcome("export: \(label)", path: path, column: column) {
                let records = try store.sessions(personKey: nil, since: nil)
                #expect(!(try HistoryCSV.render(records)).contains("\u{1B}"), "export: \(label)")
                for record in records { #expect(!HistoryReport.exportLine(record).contains("\u{1B}"), "export: \(label)") }
            })
            outcomes.append(outcome("calibration: \(label)", path: path, column: column) {
                _ = Calibration.fromHistory(
                    try store.sessions(personKey: nil, since: nil), ladder: prompts.ladder, settings: prompts.weights.calibration)
            })
            outcomes.append(outcome("talk's look back: \(label)", path: path, column: column) {
                if let last = try store.sessions(of: try store.person(for: "Ana Silva")).last {
                    _ = PlanHistory(record: last)
                }
            })
            reported += outcomes.filter { $0 == .reported }.count
            // Forget works around every one of them: Ana's sessions and their plan rows go.
            do {
                let found = try Forgetting.find(
                    "E1042", history: store, sessions: SessionStore(directory: folder.appendingPathComponent("sessions").path),
                    plans: folder.appendingPathComponent("plans").path, lineHistories: [])
                _ = try found.perform(history: store)
                let left = try DatabaseQueue(path: path).read { db in
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM session WHERE person_id = 'E1042' OR person_key = 'id:E1042'")
                }
                #expect(left == 0, "forget: \(label)")
            } catch {
                // Only the two columns that say who a session is about may hide it.
                #expect(["person_key", "person_id"].contains(column), "forget: \(label): \(error)")
            }
        }
        // The sweep did damage: values could be stored, and (outside the document) reported.
        #expect(applied >= 3, "\(name): \(applied) applied")
        // NULL reached every column but the session's own key.
        if !inside, name != "session.id" { #expect(nullApplied, "\(name): NULL could not be stored") }
        // (A session id changed in a plan row only orphans it: nothing reads it any more. The
        // folded name is only searched, never read back: damage there hides a session from its
        // name, as damage to the name itself may.)
        if !inside, column != "session_id", column != "person_fold" { #expect(reported >= 1, "\(name): \(reported) reported") }
    }

    /// The two from the issue, with the exact message: a fit of 1e308 and a name stored as
    /// binary data.
    @Test func aHugeFitAndABinaryNameAreNamedByFileRowAndColumn() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = try pristine(in: root)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE session SET fit_ic = 1e308 WHERE id = 's1'")
            try db.execute(sql: "UPDATE session SET person_name = X'00FF' WHERE id = 's2'")
        }
        let store = try HistoryStore(path: path)
        #expect(throws: CareerError.damagedDatabase(
            path: path,
            reason: "row 1 of the session table (session 's1'), column fit_ic: allowed a number from 0 to 100, found the number 1e+308")) {
            _ = try store.sessions(of: try store.person(for: "E1042"))
        }
        let found = try Forgetting.find(
            "E1042", history: store, sessions: SessionStore(directory: root.path + "/sessions"), plans: root.path + "/plans", lineHistories: [])
        #expect(found.name == "Ana Silva")
        #expect(try found.perform(history: store).recordedSessions == 2)
        #expect(try store.sessions(personKey: nil, since: nil).map(\.personName) == ["Sam Lee"])
    }
}
