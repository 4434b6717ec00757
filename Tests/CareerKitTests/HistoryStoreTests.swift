import Foundation
import GRDB
import Testing

@testable import CareerKit

@Suite struct HistoryStoreTests {
    let prompts = TestSupport.prompts

    func database() throws -> String {
        try TestSupport.temporaryDirectory().appendingPathComponent("history.sqlite").path
    }

    /// Ana's example answers on a given date, scored and planned.
    func record(date: String, edit: (inout Answers) -> Void = { _ in }, previous: PlanHistory? = nil) throws
        -> (HistoryRecord, DevelopmentPlan)
    {
        var answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        answers.date = date
        edit(&answers)
        let result = try Pipeline(prompts: prompts).consult(answers, today: Date(), previous: previous)
        return (result.record(.talk(session: "s-" + date)), result.plan)
    }

    @Test func migratesAnEmptyFileAndKeepsItPrivate() throws {
        let path = try database()
        _ = try HistoryStore(path: path)
        let queue = try DatabaseQueue(path: path)
        let tables = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(tables.contains("session") && tables.contains("plan_item") && tables.contains("milestone"))
        let migrations = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == ["v1: sessions, plan items and milestones", "v2: the person id and each name as careerpath matches it, indexed"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Opening again runs no migration twice.
        _ = try HistoryStore(path: path)
    }

    @Test func latestSessionsAreEachPersonsOnTheirLatestDateOnly() throws {
        let store = try HistoryStore(path: try database())
        let (early, _) = try record(date: "2026-05-01")
        let (late, _) = try record(date: "2026-11-22")
        var sameDay = late
        sameDay.id = "s-2026-11-22-again"
        let (other, _) = try record(date: "2026-06-01") { $0.person = Person(name: "Ben Okafor", id: "E1043", currentLevel: "ic.developer") }
        try store.record([early, late, sameDay, other])
        #expect(try store.latestSessions(since: nil).map(\.id) == [late.id, sameDay.id, other.id])
        #expect(try store.latestSessions(since: "2026-06-02").map(\.id) == [late.id, sameDay.id])
        // Whole records, as `sessions` reads them.
        #expect(try store.latestSessions(since: nil).first == store.sessions(personKey: late.personKey).first { $0.id == late.id })
    }

    @Test func aFileOfTheFirstSchemaIsMigratedWithEachNameFoldedAsCareerpathFoldsIt() throws {
        let path = try database()
        let (ana, _) = try record(date: "2026-11-22") { $0.person = Person(name: "ÉMILE ÇA", id: nil, currentLevel: "ic.senior") }
        // The file as the first careerpath left it: no fold column, no index on the id.
        try HistoryStore(path: path).record(ana)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP INDEX session_fold; DROP INDEX session_person_id; ALTER TABLE session DROP COLUMN person_fold")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2:%'")
        }
        try queue.close()
        // Read-only, it is read as it is; opened to write, it is migrated.
        #expect(try HistoryStore(path: path, readOnly: true).person(for: "émile ça").keys == [ana.personKey])
        _ = try HistoryStore(path: path)
        let folded = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT person_fold FROM session") }
        #expect(folded == ["émile ça"])
        #expect(try HistoryStore(path: path, readOnly: true).person(for: "Émile Ça").keys == [ana.personKey])
    }

    @Test func twoSessionsThenHistoryOldestFirstWithWhatChanged() throws {
        let store = try HistoryStore(path: try database())
        let (second, _) = try record(date: "2027-02-22") { $0.responses[.contributor]?["people.growth"] = .integer(6) }
        let (first, _) = try record(date: "2026-11-22")
        try store.record(second)
        try store.record(first)
        let key = try store.personKey(for: "Ana Silva")
        #expect(key == "id:E1042")
        #expect(try store.personKey(for: "E1042") == key)
        let sessions = try store.sessions(personKey: key)
        #expect(sessions.map(\.date) == ["2026-11-22", "2027-02-22"])
        #expect(sessions[0].recommended == "ic")
        #expect(sessions[0].items.count == first.items.count)
        let changes = HistoryReport.changes(from: sessions[0], to: sessions[1])
        #expect(changes.first == "Moved most: Growing people +8 (35 to 43).")
        #expect(changes.last == "Target level unchanged: ic.staff.")
        let text = HistoryReport(records: sessions).text()
        #expect(text.hasPrefix("Ana Silva (E1042): 2 recorded sessions"))
        #expect(text.contains("Trend  IC ▇▇"))
    }

    @Test func followUpStatusesChangeTheNextPlan() throws {
        let store = try HistoryStore(path: try database())
        let (first, firstPlan) = try record(date: "2026-11-22")
        try store.record(first)
        // Catalog items: the person's own work for a criterion is made afresh by each plan.
        let chosen = firstPlan.items.filter { $0.source == .catalog }
        let done = chosen[0].id
        let dropped = chosen[1].id
        let going = chosen[2].id
        let review: [ReviewKey: SessionRecord.ReviewEntry] = [
            .item(done): .init(status: .done), .item(dropped): .init(status: .dropped, note: "no time"),
            .item(going): .init(status: .inProgress), .milestone(0): .init(status: .done),
        ]
        let updated = try store.applyReview(review, to: first, date: "2027-02-22")
        let stored = try #require(try store.sessions(personKey: first.personKey).first)
        // What the review returns is what the database now holds.
        func statuses(_ record: HistoryRecord) -> [String: ItemStatus] {
            Dictionary(uniqueKeysWithValues: record.items.map { ($0.itemID, $0.status) })
        }
        #expect(statuses(updated) == statuses(stored))
        #expect(updated.milestones == stored.milestones)
        #expect(stored.milestones.map(\.status) == [.done] + Array(repeating: .notStarted, count: stored.milestones.count - 1))
        #expect(HistoryReport.progress(of: stored) == "1 done, 1 in progress, 1 dropped (no time), \(firstPlan.items.count - 3) not started")
        let history = PlanHistory(record: stored)
        #expect(history.excluded == [done, dropped])
        let (_, next) = try record(date: "2027-02-22", previous: history)
        #expect(!next.items.contains { $0.id == done || $0.id == dropped })
        #expect(next.items.first { $0.id == going }?.reason.hasPrefix("carried over from the last plan") == true)
    }

    @Test func concurrentWritersAllLand() throws {
        let path = try database()
        _ = try HistoryStore(path: path)
        let (template, _) = try record(date: "2026-11-22")
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            do {
                let store = try HistoryStore(path: path)  // a connection of its own, as another process has
                for index in 0..<25 {
                    var copy = template
                    copy.id = "w\(writer)-\(index)"
                    copy.personKey = "id:P\(writer)"
                    try store.record(copy)
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        let store = try HistoryStore(path: path)
        #expect(try store.sessions(personKey: nil, since: nil).count == 100)
        #expect(try store.sessions(personKey: "id:P3").count == 25)
    }

    @Test func exportRoundTripsThroughCSV() throws {
        let store = try HistoryStore(path: try database())
        let (first, _) = try record(date: "2026-11-22")
        let (second, secondPlan) = try record(date: "2027-02-22") { $0.person.name = "=cmd|' /C calc'!A0" }
        try store.record([first, second])
        let csv = try HistoryCSV.render(try store.sessions(personKey: nil, since: "2027-01-01"))
        let rows = Array(try CSVAnswersReaderTests.parseCSV(csv))
        #expect(rows.count == 2)
        #expect(rows[0] == HistoryCSV.header)
        #expect(rows[1][1] == "'=cmd|' /C calc'!A0")
        #expect(rows[1][2] == "2027-02-22")
        #expect(rows[1][6] == "ic")
        #expect(rows[1][19] == "s-2027-02-22")
        // Without the prompts, the titles and catalog amounts are left empty, never guessed.
        #expect(rows[1].count == HistoryCSV.header.count)
        #expect(Array(rows[1][20...]) == ["", "Jordan Lee", "", "", formatFixed(secondPlan.committed, decimals: 0), "USD", "", ""])
    }

    @Test func theCSVExportNamesTheManagerTheTitlesAndTheCatalogAmount() throws {
        let store = try HistoryStore(path: try database())
        let (euro, plan) = try record(date: "2027-02-22") {
            $0.managerID = "M7"
            $0.responses[.manager]?["budget.currency"] = .text("EUR")
        }
        try store.record([euro])
        let csv = try HistoryCSV.render(try store.sessions(personKey: nil, since: nil), prompts: prompts)
        let rows = Array(try CSVAnswersReaderTests.parseCSV(csv))
        #expect(rows.count == 2)
        #expect(rows[0] == HistoryCSV.header)
        #expect(plan.currency == "EUR")
        #expect(Array(rows[1][20...]) == [
            "M7", "Jordan Lee", "Senior Engineer", prompts.ladder.level(plan.targetLevel)?.title ?? "?",
            formatOneDecimal(plan.committed), "EUR", formatOneDecimal(plan.committed / 0.87), "USD",
        ])
    }

    @Test func recordingManyIsOneTransaction() throws {
        let store = try HistoryStore(path: try database())
        let (first, _) = try record(date: "2026-11-22")
        // A record that cannot be stored (the same plan item twice) takes the batch with it.
        var broken = first
        broken.id = "broken"
        let item = try #require(first.items.first)
        broken.items = [item, item]
        #expect(throws: (any Error).self) { try store.record([first, broken]) }
        #expect(try store.sessions(personKey: nil, since: nil).isEmpty)
    }

    @Test func forgetDeletesEverythingAboutAPersonAndCounts() throws {
        let path = try database()
        let store = try HistoryStore(path: path)
        let (first, _) = try record(date: "2026-11-22")
        let (second, _) = try record(date: "2027-02-22")
        var other = first
        other.id = "other"
        other.personKey = "id:E9"
        other.personID = "E9"
        other.personName = "Ben Okafor"
        try store.record([first, second, other])
        // Recorded again, a session replaces its plan items rather than adding to them.
        try store.record(first)
        let items = try DatabaseQueue(path: path).read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM plan_item WHERE session_id = ?", arguments: [first.id])
        }
        #expect(items == first.items.count)
        #expect(try store.forget(personKey: first.personKey) == 2)
        #expect(throws: CareerError.self) { try store.personKey(for: "Ana Silva") }
        let queue = try DatabaseQueue(path: path)
        let leftover = try queue.read { db in
            try ["plan_item", "milestone"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0) WHERE session_id LIKE 's-%'") }
        }
        #expect(leftover == [0, 0])
        let kept = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM milestone WHERE session_id = 'other'") }
        #expect(kept == other.milestones.count)
        #expect(try store.sessions(personKey: "id:E9").count == 1)
    }

    /// A JSON column or a status careerpath never writes is damage, named with the session
    /// and the column, not an empty value.
    @Test(arguments: [
        ("UPDATE session SET dimensions = 'oops'", "(session 's-2026-11-22'), column dimensions: allowed a JSON object of scores from 0 to 100, found the text 'oops'"),
        ("UPDATE session SET flags = '{}'", "(session 's-2026-11-22'), column flags: allowed a JSON list of texts, found the text '{}'"),
        ("UPDATE plan_item SET status = 'finished' WHERE rowid = (SELECT min(rowid) FROM plan_item)", "column status: allowed one of done, in_progress, dropped, not_started, found the text 'finished'"),
        ("UPDATE milestone SET status = 'held' WHERE position = 0", "of the milestone table (session 's-2026-11-22'), column status: allowed one of done, in_progress, dropped, not_started, found the text 'held'"),
    ])
    func damagedRowsAreReportedNotReadAsEmpty(_ damage: String, _ message: String) throws {
        let path = try database()
        let store = try HistoryStore(path: path)
        let (first, _) = try record(date: "2026-11-22")
        try store.record(first)
        try DatabaseQueue(path: path).write { try $0.execute(sql: damage) }
        do {
            _ = try store.sessions(personKey: first.personKey)
            Issue.record("the damage was read")
        } catch CareerError.damagedDatabase(let where_, let reason) {
            #expect(where_ == path)
            #expect(reason.contains(message), "\(reason)")
        }
    }

    /// Point 16 of issue 13: damage found while opening and damage found while reading are
    /// one error, naming the file.
    @Test func aFileThatIsNotADatabaseIsDamageOnOpening() throws {
        let path = try database()
        try Data(String(repeating: "this is not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CareerError.damagedDatabase(path: path, reason: "file is not a database")) {
            _ = try HistoryStore(path: path)
        }
    }

    @Test func aDatabaseDamagedInsideIsDamageOnReading() throws {
        let path = try database()
        let (first, _) = try record(date: "2026-11-22")
        do {
            // Closed at the end of the block: everything is in the main file, none in the log.
            try HistoryStore(path: path).record(first)
        }
        // The page of the session table, overwritten: the schema still reads, the rows do not.
        let page = try #require(try {
            let queue = try DatabaseQueue(path: path)
            return try queue.read { try Int.fetchOne($0, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'session'") }
        }())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        handle.write(Data(repeating: 0xA5, count: 4096))
        try handle.close()
        var caught: CareerError?
        do {
            let reopened = try HistoryStore(path: path)
            _ = try reopened.sessions(personKey: first.personKey)
        } catch let error as CareerError {
            caught = error
        }
        guard case .damagedDatabase(let named, _)? = caught else {
            Issue.record("expected damagedDatabase, got \(String(describing: caught))")
            return
        }
        #expect(named == path)
        #expect(caught?.description.hasPrefix("the history database '\(path)' is damaged or not a careerpath history (") == true)
        #expect(caught?.description.hasSuffix("); move it aside or restore it from a backup, and careerpath starts a new one") == true)
    }

    /// Found beyond the issue: SQLite's lower() folds ASCII only, so a person with an id and
    /// a name such as "Élodie Dupont" could not be found by that name at all.
    @Test func aNameOutsideASCIIFindsItsPersonInAnyCase() throws {
        let store = try HistoryStore(path: try database())
        let (first, _) = try record(date: "2026-11-22") { $0.person.name = "Élodie Dupont" }
        try store.record(first)
        for name in ["Élodie Dupont", "élodie dupont", "ÉLODIE DUPONT"] {
            #expect(try store.personKey(for: name) == "id:E1042", "\(name)")
        }
    }

    /// Point 3 of issue 20: recorded by name alone first, then with an id: one person, found
    /// whole by either; a second person without an id of that name makes it ambiguous again.
    @Test func aPersonRecordedByNameThenWithAnIdIsOnePerson() throws {
        let store = try HistoryStore(path: try database())
        let (byName, _) = try record(date: "2026-08-01") { $0.person.id = nil }
        let (withID, _) = try record(date: "2026-11-22")
        try store.record([byName, withID])
        #expect(byName.personKey == "name:ana silva")
        for reference in ["Ana Silva", "E1042", "name:ana silva", byName.id] {
            let person = try store.person(for: reference)
            #expect(person.keys == ["id:E1042", "name:ana silva"], "\(reference)")
            #expect(try store.sessions(of: person).map(\.date) == ["2026-08-01", "2026-11-22"])
        }
        var namesake = byName
        namesake.id = "another"
        namesake.personKey = "name:ana silva#2"
        try store.record(namesake)
        #expect(try store.candidates(for: "Ana Silva").map(\.keys) == [["name:ana silva"], ["name:ana silva#2"], ["id:E1042"]])
        #expect(try store.person(for: "E1042").keys == ["id:E1042"])
    }

    @Test func anUnknownPersonIsItsOwnError() throws {
        let path = try database()
        let store = try HistoryStore(path: path)
        #expect(throws: CareerError.unknownPerson("nobody called 'Nobody' is in the history (\(path))")) {
            try store.personKey(for: "Nobody")
        }
    }

    @Test func anAmbiguousNameAsksForTheId() throws {
        let store = try HistoryStore(path: try database())
        let (first, _) = try record(date: "2026-11-22")
        var twin = first
        twin.id = "twin"
        twin.personKey = "id:E2"
        twin.personID = "E2"
        try store.record([first, twin])
        #expect(throws: CareerError.usage(
            "more than one person is called 'Ana Silva': 'E1042' (Ana Silva, 1 session on 2026-11-22, manager Jordan Lee, level ic.senior); "
                + "'E2' (Ana Silva, 1 session on 2026-11-22, manager Jordan Lee, level ic.senior); say which one by what is quoted, e.g. 'E2'")) {
            try store.personKey(for: "Ana Silva")
        }
    }
}

/// Errors collected from concurrent work.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
