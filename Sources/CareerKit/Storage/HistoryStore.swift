import Foundation
import GRDB

/// The local history of finished conversations, in one SQLite file (write-ahead logging, so
/// two processes can use it at once), readable by its owner only.
public final class HistoryStore: Sendable {
    public let path: String
    private let pool: DatabasePool


    /// How long a process waits for another that holds the database (opening, migrating,
    /// writing) before giving up.
    static let busyTimeout: TimeInterval = 10

    /// Opens (or creates) the database and brings its tables up to date.
    ///
    /// Safe for any number of processes that use a new file for the first time at once: the
    /// busy timeout is set before a connection runs its first statement, so it covers
    /// opening; the switch to write-ahead logging, which SQLite may refuse without waiting
    /// while another connection changes it, is retried; and a migration runs in an
    /// immediate transaction, so a process that loses the race to create the tables waits
    /// for the winner and finds them made.
    ///
    /// - Throws: `CareerError.damagedDatabase` when the file is not a careerpath history (or
    ///   is damaged); `CareerError.cannotWrite` when it cannot be created or opened.
    public init(path: String) throws {
        self.path = path
        let folder = PathName.parent(of: path)
        if !folder.isEmpty { try PrivateFile.makeDirectory(folder) }
        // Owner-only from the start; never through a link planted at its name.
        let created = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if created >= 0 {
            fchmod(created, 0o600)
            close(created)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        do {
            pool = try Self.openPool(path: path, configuration: configuration)
            try Self.migrate(pool)
        } catch let error as DatabaseError {
            throw Self.failure(error, path: path, opening: true)
        } catch {
            throw CareerError.cannotWrite(path: path, reason: "the history database cannot be opened: \(error)")
        }
        // SQLite creates the -wal and -shm files beside it with the process umask; keep them private too.
        for suffix in ["", "-wal", "-shm"] { PrivateFile.restrict(path + suffix) }
    }

    /// Opens the pool, retrying while another process holds the file during the switch to
    /// write-ahead logging, up to the busy timeout.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        var pause: useconds_t = 2_000
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where isBusy(error) && Date() < deadline {
                usleep(pause)
                pause = min(pause * 2, 100_000)
            }
        }
    }

    /// Brings the tables up to date. Reading commands must not wait for a writer: nothing is
    /// written when nothing is missing. Each migration runs in an immediate transaction; a
    /// process that lost the race to apply it (the other committed between our check and our
    /// transaction) meets "already exists", has nothing half-done, and finds it applied.
    private static func migrate(_ pool: DatabasePool) throws {
        let migrator = Self.migrator
        for attempt in 1...5 {
            if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError {
                if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempt == 5 || !(isBusy(error) || error.resultCode == .SQLITE_ERROR) { throw error }
            }
        }
    }

    private static func isBusy(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    /// The library error for a database error: damage (or a file that is not a careerpath
    /// history) is one error whatever the command was doing; anything else cannot be read or
    /// written.
    private static func failure(_ error: DatabaseError, path: String, opening: Bool = false, reading: Bool = false) -> CareerError {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
            return .damagedDatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        case .SQLITE_ERROR where opening || reading:
            // A table or column missing or in the way: some other program's database.
            return .damagedDatabase(path: path, reason: "it is not a careerpath history (\(error.message ?? "schema error"))")
        default:
            let reason = isBusy(error)
                ? "another program has held the database for more than \(Int(busyTimeout)) seconds; try again"
                : error.message ?? "\(error)"
            return reading ? .cannotRead(path: path, reason: reason) : .cannotWrite(path: path, reason: reason)
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sessions, plan items and milestones") { db in
            try db.execute(
                sql: """
                    CREATE TABLE session (
                        id TEXT PRIMARY KEY NOT NULL,
                        person_key TEXT NOT NULL,
                        person_name TEXT NOT NULL,
                        person_id TEXT,
                        current_level TEXT NOT NULL,
                        date TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        mode TEXT NOT NULL,
                        source TEXT NOT NULL,
                        recommended TEXT NOT NULL,
                        archetype TEXT NOT NULL,
                        confidence TEXT NOT NULL,
                        fit_ic REAL NOT NULL,
                        fit_management REAL NOT NULL,
                        fit_hybrid REAL NOT NULL,
                        dimensions TEXT NOT NULL,
                        flags TEXT NOT NULL,
                        target_level TEXT NOT NULL,
                        document TEXT NOT NULL
                    );
                    CREATE INDEX session_person ON session(person_key, date);
                    CREATE TABLE plan_item (
                        session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        item_id TEXT NOT NULL,
                        category TEXT NOT NULL,
                        title TEXT NOT NULL,
                        due TEXT NOT NULL,
                        status TEXT NOT NULL DEFAULT 'not_started',
                        note TEXT,
                        status_date TEXT,
                        PRIMARY KEY (session_id, item_id)
                    );
                    CREATE TABLE milestone (
                        session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        title TEXT NOT NULL,
                        due TEXT NOT NULL,
                        status TEXT NOT NULL DEFAULT 'not_started',
                        status_date TEXT,
                        PRIMARY KEY (session_id, position)
                    );
                    """)
        }
        return migrator
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError {
            throw Self.failure(error, path: path)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw Self.failure(error, path: path, reading: true)
        }
    }

    private static func insert(_ record: HistoryRecord, in db: Database, now: String) throws {
        // The same id recorded again replaces the session whole: its old plan items and
        // milestones go with it (ON DELETE CASCADE).
        _ = try SessionRow.deleteOne(db, key: record.id)
        try SessionRow(record, recordedAt: now).insert(db)
        for item in record.items { try PlanItemRow(item, session: record.id).insert(db) }
        for milestone in record.milestones { try MilestoneRow(milestone, session: record.id).insert(db) }
    }


    /// Records one finished conversation (replacing a record with the same id).
    public func record(_ record: HistoryRecord) throws {
        let now = SessionDate.timestamp(Date())
        try write { try Self.insert(record, in: $0, now: now) }
    }

    /// Records many in one transaction: all of them or none.
    public func record(_ records: [HistoryRecord]) throws {
        let now = SessionDate.timestamp(Date())
        try write { db in
            for record in records { try Self.insert(record, in: db, now: now) }
        }
    }

    /// Finds the person a reference means: an id, or a name when only one person has it.
    ///
    /// - Throws: `CareerError.unknownPerson` when nobody matches, `CareerError.usage` when
    ///   more than one person does.
    public func personKey(for reference: String) throws -> String {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT person_key, person_name, person_id FROM session
                    WHERE person_id = ? OR person_key = ? OR person_key = ? OR lower(person_name) = ?
                    """,
                arguments: [reference, reference, "name:" + reference.lowercased(), reference.lowercased()])
        }
        let keys = Array(Set(rows.map { $0["person_key"] as String }))
        switch keys.count {
        case 1: return keys[0]
        case 0: throw CareerError.unknownPerson("nobody called '\(reference)' is in the history (\(path))")
        default:
            let ids = rows.compactMap { $0["person_id"] as String? }.sorted().joined(separator: ", ")
            throw CareerError.usage("more than one person is called '\(reference)'; use their id (\(ids))")
        }
    }

    /// The name and id each recorded session of a person was filed with, oldest first. Reads
    /// no plan, so `forget` works on a history whose plan rows are damaged.
    public func people(personKey: String) throws -> [(name: String, id: String?)] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT person_name, person_id FROM session WHERE person_key = ? ORDER BY date, recorded_at, id",
                arguments: [personKey]
            ).map { ($0["person_name"], $0["person_id"]) }
        }
    }

    /// Every recorded session of a person, oldest first.
    public func sessions(personKey: String) throws -> [HistoryRecord] {
        try sessions(personKey: personKey, since: nil)
    }

    /// Sessions for export: everyone or one person, on or after a date, oldest first (by
    /// person when there are several).
    ///
    /// - Throws: `CareerError.damagedDatabase` when a row holds what careerpath never writes.
    public func sessions(personKey: String?, since: String?) throws -> [HistoryRecord] {
        try read { db in
            var request = SessionRow.all()
            if let personKey { request = request.filter(SessionRow.Columns.personKey == personKey) }
            if let since { request = request.filter(SessionRow.Columns.date >= since) }
            let rows = try request.order(
                SessionRow.Columns.personKey, SessionRow.Columns.date, SessionRow.Columns.recordedAt, SessionRow.Columns.id
            ).fetchAll(db)
            return try rows.map { row in
                let items = try PlanItemRow.filter(PlanItemRow.Columns.sessionId == row.id)
                    .order(PlanItemRow.Columns.due, PlanItemRow.Columns.itemId).fetchAll(db)
                let milestones = try MilestoneRow.filter(MilestoneRow.Columns.sessionId == row.id)
                    .order(MilestoneRow.Columns.position).fetchAll(db)
                return try row.record(items: items, milestones: milestones, path: path)
            }
        }
    }

    /// Writes a follow-up's review of a recorded plan, all of it or nothing, and returns the
    /// record as it now stands.
    /// - Parameters:
    ///   - review: what became of each activity and check-in.
    ///   - date: the follow-up's date, kept as the date of each status.
    public func applyReview(_ review: [ReviewKey: SessionRecord.ReviewEntry], to record: HistoryRecord, date: String) throws -> HistoryRecord {
        var updated = record
        try write { db in
            for (key, entry) in review.sorted(by: { $0.key.description < $1.key.description }) {
                switch key {
                case .item(let id):
                    try db.execute(
                        sql: "UPDATE plan_item SET status = ?, note = ?, status_date = ? WHERE session_id = ? AND item_id = ?",
                        arguments: [entry.status.rawValue, entry.note, date, record.id, id])
                    if let index = updated.items.firstIndex(where: { $0.itemID == id }) {
                        updated.items[index].status = entry.status
                        updated.items[index].note = entry.note
                    }
                case .milestone(let position):
                    try db.execute(
                        sql: "UPDATE milestone SET status = ?, status_date = ? WHERE session_id = ? AND position = ?",
                        arguments: [entry.status.rawValue, date, record.id, position])
                    if let index = updated.milestones.firstIndex(where: { $0.position == position }) {
                        updated.milestones[index].status = entry.status
                    }
                }
            }
        }
        return updated
    }

    /// Deletes everything about a person and says how many sessions went.
    public func forget(personKey: String) throws -> Int {
        try write { db in
            // Plan items and milestones go with their sessions (ON DELETE CASCADE).
            try db.execute(sql: "DELETE FROM session WHERE person_key = ?", arguments: [personKey])
            return db.changesCount
        }
    }
}
