import Foundation
import GRDB

/// The local history of finished conversations, in one SQLite file (write-ahead logging, so
/// two processes can use it at once), readable by its owner only.
public final class HistoryStore: Sendable {
    public let path: String
    private let pool: any DatabaseWriter


    /// How long a process waits for another that holds the database (opening, migrating,
    /// writing) before giving up.
    static let busyTimeout: TimeInterval = 10

    /// Opens (or creates) the database and brings its tables up to date.
    ///
    /// Safe for any number of processes that use a new file for the first time at once: the
    /// busy timeout is set before a connection runs its first statement, so it covers
    /// opening; the switch to write-ahead logging, which SQLite may refuse without waiting
    /// while another connection changes it, is retried; and a migration runs in an
    /// immediate transaction, so a process that lost the race to create the tables waits
    /// for the winner and finds them made.
    ///
    /// - Parameter readOnly: for commands that only read: a file that exists is opened
    ///   read-only (so a read-only file or folder can be read) and never migrated; a missing
    ///   one is created as for writing.
    /// - Throws: `CareerError.damagedDatabase` when the file is not a careerpath history (or
    ///   is damaged), `CareerError.cannotWrite` when it cannot be created or opened, or when
    ///   a link (or anything but a file) is at its name or at the names SQLite writes beside it.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        let folder = PathName.parent(of: path)
        if !folder.isEmpty { try PrivateFile.makeDirectory(folder) }
        // Owner-only from the start; never through a link planted at its name.
        let created = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if created >= 0 {
            fchmod(created, 0o600)
            close(created)
        }
        try Self.refuseLinks(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        var reading = readOnly && created < 0
        var opened: (any DatabaseWriter)?
        do {
            if reading {
                let queue = try Self.openReadOnly(path: path, configuration: configuration)
                // A file without careerpath's tables yet is one another process has just made
                // and is migrating (or an empty file): opened as for writing, which waits.
                reading = try queue.read { db in
                    // A file of an older careerpath is read as it is (see `filings(for:in:)`), not migrated.
                    try db.tableExists("grdb_migrations") && Self.migrator.appliedIdentifiers(db).contains(Self.firstMigration)
                }
                opened = queue
            }
            if !reading {
                let writer = try Self.openPool(path: path, configuration: configuration)
                try Self.checkSchema(writer, path: path)
                try Self.migrate(writer)
                opened = writer
            }
        } catch let error as DatabaseError {
            throw Self.failure(error, path: path, opening: true)
        } catch let error as CareerError {
            throw error
        } catch {
            throw CareerError.cannotWrite(path: path, reason: "the history database cannot be opened: \(error)")
        }
        guard let opened else { throw CareerError.cannotWrite(path: path, reason: "the history database cannot be opened") }
        pool = opened
        // SQLite creates the -wal and -shm files beside it with the process umask; keep them private too.
        if !reading { for suffix in ["", "-wal", "-shm"] { PrivateFile.restrict(path + suffix) } }
    }

    /// Opens the file read-only and checks it is careerpath's. A history in write-ahead
    /// logging needs its shared-memory file (`-shm`) even to be read; when that cannot be made
    /// (a read-only folder, another user's file), the file is read as one nobody changes
    /// meanwhile (SQLite's `immutable`): no one who could is using careerpath as this user.
    private static func openReadOnly(path: String, configuration: Configuration) throws -> DatabaseQueue {
        var readOnly = configuration
        readOnly.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: readOnly)
            try checkSchema(queue, path: path)
            return queue
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            // Read that way, the log beside it is not read at all: with changes in it, the
            // history would be shown as it was before them. Said instead.
            var log = stat()
            if lstat(path + "-wal", &log) == 0, log.st_size > 0 {
                throw CareerError.cannotRead(
                    path: path,
                    reason: "its latest changes are in \(path)-wal, which cannot be read without write access to the folder; "
                        + "open it once as a user who can write there")
            }
            var escaped = ""
            for character in path.unicodeScalars {
                switch character {
                case "%", "?", "#": escaped += String(format: "%%%02X", character.value)
                default: escaped.unicodeScalars.append(character)
                }
            }
            let queue = try DatabaseQueue(path: "file:" + escaped + "?mode=ro&immutable=1", configuration: readOnly)
            try checkSchema(queue, path: path)
            return queue
        }
    }

    /// The files SQLite keeps beside the database, which it opens following links.
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// Refuses a link, or anything but a regular file, at the database's name or at the names
    /// SQLite writes beside it: SQLite would write through it, into a file whose permissions
    /// careerpath does not choose (world-readable personal data).
    static func refuseLinks(_ path: String) throws {
        for name in [path] + companionSuffixes.map({ path + $0 }) {
            var status = stat()
            guard lstat(name, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            guard kind != S_IFREG else { continue }
            throw CareerError.cannotWrite(
                path: name,
                reason: kind == S_IFLNK
                    ? "it is a symbolic link; careerpath never writes the history through a link (its target may be readable by others): remove the link, or give --db the file itself"
                    : "it is not a regular file; give --db a file")
        }
    }

    /// The tables a careerpath history holds.
    static let ownTables: Set<String> = ["grdb_migrations", "session", "plan_item", "milestone"]

    /// Refuses a database that holds tables careerpath never makes (some other program's
    /// file), before anything is added to it.
    private static func checkSchema(_ reader: any DatabaseReader, path: String) throws {
        let tables = try reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        // careerpath's tables never exist without the record of the migration that made them
        // (GRDB creates that record first): tables of those names alone are someone else's.
        let made = tables.isEmpty || tables.contains("grdb_migrations")
        let foreign = made ? tables.filter { !ownTables.contains($0) } : tables
        guard !foreign.isEmpty else { return }
        let named = foreign.prefix(5).map { PrintableText.quoted($0) }.joined(separator: ", ") + (foreign.count > 5 ? ", …" : "")
        throw CareerError.damagedDatabase(
            path: path, reason: "it is not a careerpath history: it holds tables careerpath did not make (\(named)); give --db another file")
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

    static let firstMigration = "v1: sessions, plan items and milestones"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
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
        migrator.registerMigration("v2: the person id and each name as careerpath matches it, indexed") { db in
            // Without these, finding one person read every session of the file (a million
            // rows took seconds); the fold is Swift's lowercased(), which SQL's lower() is not.
            try db.execute(
                sql: """
                    ALTER TABLE session ADD COLUMN person_fold TEXT;
                    CREATE INDEX session_person_id ON session(person_id);
                    CREATE INDEX session_fold ON session(person_fold);
                    """)
            let names = try Row.fetchAll(db, sql: "SELECT rowid, person_name FROM session")
            for row in names {
                // A damaged name stays unfolded: such rows are read on every search.
                guard let name = row["person_name"] as String? else { continue }
                try db.execute(sql: "UPDATE session SET person_fold = ? WHERE rowid = ?", arguments: [name.lowercased(), row["rowid"] as Int64?])
            }
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

    /// A person as the history knows them, with what tells them apart from a namesake.
    public struct RecordedPerson: Hashable, Sendable {
        /// The keys their sessions are filed under: one, or an id and the key of the sessions
        /// recorded earlier by their name alone (see `person(for:)`).
        public var keys: [String]
        /// The name of their latest session.
        public var name: String
        public var id: String?
        /// The dates of their first and last sessions.
        public var first: String
        public var last: String
        /// The managers named in their sessions, and their levels, as recorded.
        public var managers: [String]
        public var levels: [String]
        public var sessions: Int

        /// What to type to mean this person and no one else: their id, else their key.
        public var reference: String { id ?? keys[0] }

        /// The person in one line, e.g. `E1042 (Ana Silva, 2 sessions from 2026-11-22 to
        /// 2027-02-22, manager Jordan Lee, level ic.senior)`.
        public var summary: String {
            var parts = [name, sessions == 1 ? "1 session on \(first)" : "\(sessions) sessions from \(first) to \(last)"]
            if !managers.isEmpty { parts.append("manager " + managers.joined(separator: " then ")) }
            if !levels.isEmpty { parts.append("level " + levels.joined(separator: " then ")) }
            return PrintableText.quoted(reference) + " (" + parts.joined(separator: ", ") + ")"
        }
    }

    /// The SQL condition for the sessions filed under any of `count` keys: by the key column,
    /// or by the id column (a session with an id is that person's even when its key column is
    /// damaged).
    private static func filedUnder(_ keys: [String]) -> (sql: String, arguments: StatementArguments) {
        let ids = keys.filter { $0.hasPrefix("id:") }.map { String($0.dropFirst(3)) }
        func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
        // `person_id IN (ids)` rather than `'id:' || person_id IN (keys)`: the same rows, by the index.
        return ("(person_key IN (\(marks(keys.count))) OR person_id IN (\(marks(ids.count))))", StatementArguments(keys + ids))
    }

    /// Who each session is filed under, read column by column: a row whose key cannot be read
    /// belongs to nobody a reference can find (and is reported when its sessions are read).
    private func filings(_ db: Database, where condition: String = "1", _ arguments: StatementArguments = []) throws
        -> [(rowid: Int64, filing: PersonFiling)]
    {
        try Row.fetchAll(
            db, sql: "SELECT rowid, id, person_key, person_name, person_id FROM session WHERE \(condition) ORDER BY rowid",
            arguments: arguments
        ).compactMap { row in
            let stored = StoredRow(row, table: "session", path: path)
            let personID = (try? stored.optionalText("person_id")) ?? nil
            // Filed under the id when there is one, whatever the key column holds (see `filedUnder`).
            guard let rowid = stored.rowid, let key = personID.map({ "id:" + $0 }) ?? (try? stored.text("person_key")) else { return nil }
            return (rowid, PersonFiling(id: try? stored.text("id"), key: key, name: try? stored.text("person_name"), personID: personID))
        }
    }

    /// The filings that can matter to a reference, oldest row first: those it matches, the
    /// rest of those people's, and every other with a name they have (and every row whose
    /// name could not be folded). Through the indexes of migration v2; a file opened
    /// read-only before it was migrated is read whole.
    private func filings(for reference: String, in db: Database) throws -> [PersonFiling] {
        guard try db.columns(in: "session").contains(where: { $0.name == "person_fold" }) else { return try filings(db).map(\.filing) }
        let wanted = reference.lowercased()
        let id = reference.hasPrefix("id:") ? String(reference.dropFirst(3)) : reference
        let matching = try filings(
            db, where: "person_id IN (?, ?) OR person_key = ? OR id = ? OR person_key = ? OR person_fold = ? OR person_fold IS NULL",
            [reference, id, reference, reference, "name:" + wanted, wanted])
        guard !matching.isEmpty else { return [] }
        let theirs = Self.filedUnder(Array(Set(matching.map(\.filing.key))).sorted())
        let others = try filings(db, where: theirs.sql, theirs.arguments)
        let names = Array(Set((matching + others).compactMap { $0.filing.name?.lowercased() })).sorted()
        let namesakes = try filings(
            db, where: "person_fold IN (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))", StatementArguments(names))
        var seen: Set<Int64> = []
        return (matching + others + namesakes).filter { seen.insert($0.rowid).inserted }.sorted { $0.rowid < $1.rowid }.map(\.filing)
    }

    /// Everyone a reference may mean, by their first session (see `HistoryStorage.person(for:)`).
    public func candidates(for reference: String) throws -> [RecordedPerson] {
        try read { db in
            try PersonFiling.people(matching: reference, in: try filings(for: reference, in: db)).map { keys in
                try summary(of: keys, in: db)
            }.sorted { ($0.first, $0.reference) < ($1.first, $1.reference) }
        }
    }

    /// A person's summary from their sessions, read leniently: a damaged value is left out.
    private func summary(of keys: [String], in db: Database) throws -> RecordedPerson {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT rowid, person_name, person_id, current_level, date, json_extract(CASE WHEN json_valid(document) THEN document END, '$.session.manager') AS manager
                FROM session WHERE \(Self.filedUnder(keys).sql) ORDER BY date, recorded_at, id
                """,
            arguments: Self.filedUnder(keys).arguments
        ).map { StoredRow($0, table: "session", path: path) }
        return RecordedPerson(
            keys: keys,
            sessions: rows.map { row in
                RecordedPerson.Session(
                    name: try? row.text("person_name"), id: (try? row.optionalText("person_id")) ?? nil,
                    level: try? row.text("current_level"), date: try? row.date("date"),
                    manager: (try? row.optionalText("manager")) ?? nil)
            })
    }

    /// The name and id each recorded session of a person was filed with, oldest first. Reads
    /// nothing else, and leaves out a value that cannot be read, so `forget` works on a
    /// history whose other columns or plan rows are damaged.
    public func people(personKeys: [String]) throws -> [(name: String, id: String?, session: String?)] {
        try read { db in
            let filed = Self.filedUnder(personKeys)
            return try filings(db, where: filed.sql, filed.arguments).map(\.filing).filter { personKeys.contains($0.key) }
                .map { ($0.name ?? "", $0.personID, $0.id) }
        }
    }

    /// Sessions for export: everyone or one person, on or after a date, oldest first (by
    /// person when there are several).
    ///
    /// - Throws: `CareerError.damagedDatabase` when a row holds what careerpath never writes.
    public func sessions(personKeys: [String]?, since: String?) throws -> [HistoryRecord] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let personKeys {
            let filed = Self.filedUnder(personKeys)
            conditions.append(filed.sql)
            arguments += filed.arguments
        }
        if let since {
            conditions.append("date >= ?")
            arguments += [since]
        }
        return try records(from: "session", where: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
    }

    /// Each person's sessions on their latest date (by key; all of them when several share
    /// it), when that date is on or after `since`: what calibration reads, without reading
    /// everyone's older sessions.
    public func latestSessions(since: String?) throws -> [HistoryRecord] {
        try records(
            from: "session JOIN (SELECT person_key AS latest_key, max(date) AS latest_date FROM session GROUP BY person_key) "
                + "ON latest_key = person_key AND latest_date = date",
            where: since == nil ? "1" : "date >= ?", since.map { [$0] } ?? [])
    }

    /// The sessions of a query on `session` (joined to what `from` adds), with their plan
    /// items and milestones, oldest first by person.
    private func records(from: String, where condition: String, _ arguments: StatementArguments) throws -> [HistoryRecord] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT session.rowid, session.* FROM \(from) WHERE \(condition) ORDER BY person_key, date, recorded_at, id",
                arguments: arguments)
            return try rows.map { stored in
                let row = try SessionRow(stored: StoredRow(stored, table: "session", path: path))
                let items = try Row.fetchAll(
                    db, sql: "SELECT rowid, * FROM plan_item WHERE session_id = ? ORDER BY due, item_id", arguments: [row.id]
                ).map { try PlanItemRow(stored: StoredRow($0, table: "plan_item", path: path)) }
                let milestones = try Row.fetchAll(
                    db, sql: "SELECT rowid, * FROM milestone WHERE session_id = ? ORDER BY position", arguments: [row.id]
                ).map { try MilestoneRow(stored: StoredRow($0, table: "milestone", path: path)) }
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

    /// Deletes everything filed under any of the keys, in one transaction, and says how many
    /// sessions went. Reads no value, so damage anywhere never keeps a person from going.
    public func forget(personKeys: [String]) throws -> Int {
        guard !personKeys.isEmpty else { return 0 }
        return try write { db in
            let (condition, arguments) = Self.filedUnder(personKeys)
            // Plan items and milestones go with their sessions, whatever their own rows hold.
            let sessions = "SELECT id FROM session WHERE \(condition)"
            try db.execute(sql: "DELETE FROM plan_item WHERE session_id IN (\(sessions))", arguments: arguments)
            try db.execute(sql: "DELETE FROM milestone WHERE session_id IN (\(sessions))", arguments: arguments)
            try db.execute(sql: "DELETE FROM session WHERE \(condition)", arguments: arguments)
            return db.changesCount
        }
    }
}
