import Foundation

/// The history of an organisation on its PostgreSQL server (`postgres://` or `postgresql://`
/// URL), shared by everyone's laptops. What each login may see and write is the server's
/// row-level security (`PostgresSchema`); this store only ever sees what its login may.
public final class PostgresHistoryStore: HistoryStorage {
    /// The URL without its password.
    public let path: String
    let connection: PostgresConnection
    /// The newest schema version this careerpath knows.
    public static var schemaVersion: Int { PostgresSchema.version }

    /// Connects and checks that `db init` made the tables.
    ///
    /// - Throws: `CareerError.unavailable` (server down or slow), `CareerError.refused` (the
    ///   login), `CareerError.usage` when the database has no careerpath tables yet or newer ones.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        connection = try PostgresConnection(url: url, environment: environment)
        path = connection.place
        let version: Int
        do {
            version = Int(try connection.execute("SELECT max(version) FROM careerpath.schema_version").rows.first?[0] ?? "") ?? 0
        } catch let failure as PostgresConnection.Failure where ["42P01", "3F000"].contains(failure.state) {
            version = 0
        } catch {
            throw failed(error, reading: true)
        }
        guard version > 0 else {
            throw CareerError.usage(
                "the shared history \(path) has no careerpath tables yet: its administrator sets it up with `careerpath db init`")
        }
        guard version <= PostgresSchema.version else {
            throw CareerError.usage(
                "the shared history \(path) was set up by a newer careerpath (schema \(version), this one knows \(PostgresSchema.version)); update careerpath")
        }
        guard version == PostgresSchema.version else {
            throw CareerError.usage(
                "the shared history \(path) was set up by an older careerpath (schema \(version), this one needs \(PostgresSchema.version)): "
                    + "its administrator brings it up to date with `careerpath db init`")
        }
    }

    /// What `db init` did.
    public struct Setup: Sendable, Equatable {
        /// The schema versions applied now (none when it was up to date).
        public var applied: [Int]
        /// The login that owns the tables.
        public var owner: String
    }

    /// Creates or brings up to date the tables, the group role `careerpath_hr`, the functions
    /// and the policies, in one transaction (safe to run again, and by two at once).
    public static func initialize(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> Setup
    {
        let connection = try PostgresConnection(url: url, environment: environment)
        let owner = connection.user
        do {
            return try connection.transaction {
                try connection.execute("SELECT pg_advisory_xact_lock(hashtext('careerpath db init'))")
                try connection.execute(
                    """
                    CREATE SCHEMA IF NOT EXISTS careerpath;
                    CREATE TABLE IF NOT EXISTS careerpath.schema_version (
                        version integer PRIMARY KEY,
                        description text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    );
                    """)
                let current = Int(try connection.execute("SELECT coalesce(max(version), 0) FROM careerpath.schema_version").rows[0][0] ?? "0") ?? 0
                guard current <= PostgresSchema.version else {
                    throw CareerError.usage(
                        "the shared history \(connection.place) was set up by a newer careerpath (schema \(current)); update careerpath")
                }
                var applied: [Int] = []
                for migration in PostgresSchema.migrations where migration.version > current {
                    try connection.execute(migration.sql)
                    try connection.execute(
                        "INSERT INTO careerpath.schema_version (version, description) VALUES ($1, $2)",
                        [String(migration.version), migration.description])
                    applied.append(migration.version)
                }
                if applied.contains(2) { try refold(connection) }
                try connection.execute(PostgresSchema.rules(owner: owner))
                return Setup(applied: applied, owner: owner)
            }
        } catch let error as CareerError {
            throw error
        } catch {
            throw Self.failure(error, place: connection.place, reading: false)
        }
    }

    /// Writes careerpath's own case folding of each session's name (Swift's `lowercased()`,
    /// every script) where the server's `lower()` folded otherwise, so a name is found the same
    /// way as in a SQLite history.
    private static func refold(_ connection: PostgresConnection) throws {
        let rows = try connection.execute("SELECT id, person_name, person_fold FROM careerpath.session ORDER BY id").rows
        let changed = rows.compactMap { row -> (id: String, fold: String)? in
            guard let id = row[0], let name = row[1], name.lowercased() != row[2] else { return nil }
            return (id, name.lowercased())
        }
        var start = 0
        while start < changed.count {
            let chunk = changed[start..<min(changed.count, start + 5_000)]
            try connection.execute(
                """
                UPDATE careerpath.session s SET person_fold = v.fold
                FROM unnest($1::text[], $2::text[]) AS v(id, fold) WHERE s.id = v.id
                """, [PostgresConnection.arrayLiteral(chunk.map(\.id)), PostgresConnection.arrayLiteral(chunk.map(\.fold))])
            start += chunk.count
        }
    }

    // MARK: Errors

    /// The library error for a failed statement.
    static func failure(_ error: Error, place: String, reading: Bool) -> CareerError {
        if let error = error as? CareerError { return error }
        guard let failure = error as? PostgresConnection.Failure else {
            return reading ? .cannotRead(path: place, reason: "\(error)") : .cannotWrite(path: place, reason: "\(error)")
        }
        if failure.connectionLost || failure.state.hasPrefix("08") || failure.state.hasPrefix("57P") {
            return .unavailable(place: place, reason: failure.message)
        }
        if failure.state == "42501", failure.message.contains("row-level security") {
            return .refused(
                place: place,
                reason: failure.message
                    + " (this login may write only its own self-assessments and the sessions of people below it in the org chart, which `careerpath db org` loads)")
        }
        if failure.state == "42501" || failure.state.hasPrefix("28") {
            return .refused(place: place, reason: failure.message)
        }
        let reason = "\(failure.message) (SQLSTATE \(failure.state))"
        return reading ? .cannotRead(path: place, reason: reason) : .cannotWrite(path: place, reason: reason)
    }

    private func failed(_ error: Error, reading: Bool) -> CareerError {
        Self.failure(error, place: path, reading: reading)
    }

    private func read<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw failed(error, reading: true)
        }
    }

    /// A write in one transaction, tried again when another writer of the same ids got there
    /// first (two laptops recording the same run).
    private func write<T>(_ body: () throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try connection.transaction(body)
            } catch let failure as PostgresConnection.Failure
                where ["23505", "40001", "40P01"].contains(failure.state) && attempt < 5
            {
                attempt += 1
                usleep(useconds_t(attempt * 20_000))
            } catch {
                throw failed(error, reading: false)
            }
        }
    }

    // MARK: Writing

    public func record(_ record: HistoryRecord) throws {
        try self.record([record])
    }

    /// Rows per INSERT statement: far below PostgreSQL's 65,535 parameters.
    static let rowsPerStatement = 500

    /// Records many in one transaction: all of them or none. A record with the same id is
    /// replaced whole (its plan items, check-ins and preparation go with it).
    public func record(_ records: [HistoryRecord]) throws {
        guard !records.isEmpty else { return }
        let now = SessionDate.timestamp(Date())
        let rows = records.map { SessionRow($0, recordedAt: now) }
        try write {
            try connection.execute(
                "DELETE FROM careerpath.session WHERE id = ANY($1::text[])", [PostgresConnection.arrayLiteral(records.map(\.id))])
            try insert(
                "careerpath.session",
                columns: [
                    "id", "person_key", "person_name", "person_fold", "person_id", "current_level", "date", "recorded_at", "mode", "source",
                    "recommended", "archetype", "confidence", "fit_ic", "fit_management", "fit_hybrid", "dimensions", "flags",
                    "target_level", "document",
                ],
                rows: rows.map { row in
                    [
                        row.id, row.personKey, row.personName, row.personName.lowercased(), row.personId, row.currentLevel, row.date, row.recordedAt, row.mode,
                        row.source, row.recommended, row.archetype, row.confidence, String(row.fitIc), String(row.fitManagement),
                        String(row.fitHybrid), row.dimensions, row.flags, row.targetLevel, row.document,
                    ]
                })
            try insert(
                "careerpath.plan_item", columns: ["session_id", "item_id", "category", "title", "due", "status", "note"],
                rows: records.flatMap { record in
                    record.items.map { [record.id, $0.itemID, $0.category, $0.title, $0.due, $0.status.rawValue, $0.note] }
                })
            try insert(
                "careerpath.milestone", columns: ["session_id", "position", "title", "due", "status"],
                rows: records.flatMap { record in
                    record.milestones.map { [record.id, String($0.position), $0.title, $0.due, $0.status.rawValue] }
                })
        }
    }

    /// Multi-row INSERTs of at most `rowsPerStatement` rows each.
    private func insert(_ table: String, columns: [String], rows: [[String?]]) throws {
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + Self.rowsPerStatement)]
            var values: [String] = []
            values.reserveCapacity(chunk.count)
            var number = 0
            for _ in chunk {
                values.append("(" + columns.map { _ in number += 1; return "$\(number)" }.joined(separator: ",") + ")")
            }
            try connection.execute(
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + values.joined(separator: ", "),
                chunk.flatMap { $0 })
            start += chunk.count
        }
    }

    public func applyReview(_ review: [ReviewKey: SessionRecord.ReviewEntry], to record: HistoryRecord, date: String) throws
        -> HistoryRecord
    {
        try write {
            for (key, entry) in review.sorted(by: { $0.key.description < $1.key.description }) {
                switch key {
                case .item(let id):
                    try connection.execute(
                        "UPDATE careerpath.plan_item SET status = $1, note = $2, status_date = $3 WHERE session_id = $4 AND item_id = $5",
                        [entry.status.rawValue, entry.note, date, record.id, id])
                case .milestone(let position):
                    try connection.execute(
                        "UPDATE careerpath.milestone SET status = $1, status_date = $2 WHERE session_id = $3 AND position = $4",
                        [entry.status.rawValue, date, record.id, String(position)])
                }
            }
        }
        return record.reviewed(review)
    }

    /// Deletes every session filed under any of the keys that this login may delete (plan
    /// items, check-ins and preparations go with them), in one transaction.
    public func forget(personKeys: [String]) throws -> Int {
        guard !personKeys.isEmpty else { return 0 }
        return try write {
            try connection.execute("DELETE FROM careerpath.session WHERE \(Self.filedUnder(1, 2))", Self.keyArguments(personKeys)).changed
        }
    }

    public func keepPreparation(_ session: SessionRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(session), as: UTF8.self)
        try write {
            _ = try connection.execute(
                """
                INSERT INTO careerpath.preparation (session_id, record) VALUES ($1, $2)
                ON CONFLICT (session_id) DO UPDATE SET record = EXCLUDED.record
                """, [session.id, text])
        }
    }

    // MARK: Reading

    /// The condition for the sessions filed under keys given as two text arrays, parameters
    /// `$keys` (the keys) and `$ids` (the ids of the `id:` keys): by the key column, or by the
    /// id column (as in the SQLite store), each with its index.
    private static func filedUnder(_ keys: Int, _ ids: Int, table: String = "") -> String {
        let prefix = table.isEmpty ? "" : table + "."
        return "(\(prefix)person_key = ANY($\(keys)::text[]) OR \(prefix)person_id = ANY($\(ids)::text[]))"
    }

    /// The two arrays `filedUnder` takes.
    private static func keyArguments(_ keys: [String]) -> [String?] {
        let ids = keys.filter { $0.hasPrefix("id:") }.map { String($0.dropFirst(3)) }
        return [PostgresConnection.arrayLiteral(keys), PostgresConnection.arrayLiteral(ids)]
    }

    private static let filingColumns = "id, person_key, person_name, person_id"

    /// The filings of the sessions a condition selects, oldest first.
    private func filings(where condition: String, _ arguments: [String?]) throws -> [PersonFiling] {
        try connection.execute(
            "SELECT \(Self.filingColumns) FROM careerpath.session WHERE \(condition) ORDER BY date, recorded_at, id", arguments
        ).rows.map { PersonFiling(id: $0[0], key: $0[1] ?? "", name: $0[2], personID: $0[3]) }
    }

    /// Everyone a reference may mean among the sessions this login may see, by their first
    /// session. The server sends only the sessions that can matter (those the reference
    /// matches, the rest of those people's, and every other with a name they have); the
    /// matching is `PersonFiling`'s, as in the SQLite store.
    public func candidates(for reference: String) throws -> [HistoryStore.RecordedPerson] {
        let wanted = reference.lowercased()
        return try read {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? connection.execute("COMMIT") }
            let matching = try filings(
                where: "person_id = $1 OR person_key = $1 OR id = $1 OR person_key = $2 OR person_fold = $3",
                [reference, "name:" + wanted, wanted])
            guard !matching.isEmpty else { return [] }
            let theirs = try filings(where: Self.filedUnder(1, 2), Self.keyArguments(Array(Set(matching.map(\.key))).sorted()))
            let names = Set((matching + theirs).compactMap { $0.name?.lowercased() }).sorted()
            let namesakes = try filings(where: "person_fold = ANY($1::text[])", [PostgresConnection.arrayLiteral(names)])
            var seen: Set<String> = []
            let all = (matching + theirs + namesakes).filter { seen.insert($0.id ?? "").inserted }
            return try PersonFiling.people(matching: reference, in: all).map(summary(of:))
                .sorted { ($0.first, $0.reference) < ($1.first, $1.reference) }
        }
    }

    /// A person's summary from their sessions; the manager from each one's plan document.
    private func summary(of keys: [String]) throws -> HistoryStore.RecordedPerson {
        let rows = try connection.execute(
            """
            SELECT person_name, person_id, current_level, date, document FROM careerpath.session
            WHERE \(Self.filedUnder(1, 2)) ORDER BY date, recorded_at, id
            """, Self.keyArguments(keys)
        ).rows
        return HistoryStore.RecordedPerson(
            keys: keys,
            sessions: rows.map { row in
                let document = row[4].flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
                return HistoryStore.RecordedPerson.Session(
                    name: row[0], id: row[1], level: row[2], date: row[3].flatMap { SessionDate.parse($0) == nil ? nil : $0 },
                    manager: (document?["session"] as? [String: Any])?["manager"] as? String)
            })
    }

    public func people(personKeys: [String]) throws -> [(name: String, id: String?, session: String?)] {
        guard !personKeys.isEmpty else { return [] }
        return try read {
            try filings(where: Self.filedUnder(1, 2), Self.keyArguments(personKeys)).filter { personKeys.contains($0.key) }
                .map { ($0.name ?? "", $0.personID, $0.id) }
        }
    }

    static let sessionColumns = [
        "id", "person_key", "person_name", "person_id", "current_level", "date", "recorded_at", "mode", "source", "recommended",
        "archetype", "confidence", "fit_ic", "fit_management", "fit_hybrid", "dimensions", "flags", "target_level", "document",
    ]
    static let itemColumns = ["session_id", "item_id", "category", "title", "due", "status", "note", "status_date"]
    static let milestoneColumns = ["session_id", "position", "title", "due", "status", "status_date"]

    /// Everyone this login may see, or the sessions filed under the keys, on or after a date;
    /// read in one snapshot.
    public func sessions(personKeys: [String]?, since: String?) throws -> [HistoryRecord] {
        try records(
            where: "($1::text[] IS NULL OR \(Self.filedUnder(1, 2, table: "s"))) AND ($3::text IS NULL OR s.date >= $3)",
            (personKeys.map(Self.keyArguments) ?? [nil, nil]) + [since])
    }

    /// Each person's sessions on their latest date that this login may see (see
    /// `HistoryStorage`): the server picks them, so everyone's older sessions never travel.
    public func latestSessions(since: String?) throws -> [HistoryRecord] {
        try records(
            joining: "JOIN (SELECT person_key, max(date) AS date FROM careerpath.session GROUP BY person_key) l "
                + "ON l.person_key = s.person_key AND l.date = s.date",
            where: "($1::text IS NULL OR s.date >= $1)", [since])
    }

    /// The sessions a condition on `s` (and what `joining` adds) selects, with their plan items
    /// and milestones, read in one snapshot.
    private func records(joining: String = "", where filter: String, _ arguments: [String?]) throws -> [HistoryRecord] {
        let (sessions, items, milestones) = try read {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? connection.execute("COMMIT") }
            let sessions = try connection.execute(
                """
                SELECT \(Self.sessionColumns.map { "s." + $0 }.joined(separator: ", "))
                FROM careerpath.session s \(joining) WHERE \(filter)
                ORDER BY s.person_key, s.date, s.recorded_at, s.id
                """, arguments
            ).rows
            let items = try connection.execute(
                """
                SELECT \(Self.itemColumns.map { "p." + $0 }.joined(separator: ", "))
                FROM careerpath.plan_item p JOIN careerpath.session s ON s.id = p.session_id \(joining) WHERE \(filter)
                ORDER BY p.session_id, p.due, p.item_id
                """, arguments
            ).rows
            let milestones = try connection.execute(
                """
                SELECT \(Self.milestoneColumns.map { "m." + $0 }.joined(separator: ", "))
                FROM careerpath.milestone m JOIN careerpath.session s ON s.id = m.session_id \(joining) WHERE \(filter)
                ORDER BY m.session_id, m.position
                """, arguments
            ).rows
            return (sessions, items, milestones)
        }
        // Every value checked as a SQLite row's is: damage typed in through psql is named.
        let itemsBySession = Dictionary(
            grouping: try items.map { try PlanItemRow(stored: PostgresRow($0, names: Self.itemColumns, table: "plan_item", path: path)) },
            by: \.sessionId)
        let milestonesBySession = Dictionary(
            grouping: try milestones.map {
                try MilestoneRow(stored: PostgresRow($0, names: Self.milestoneColumns, table: "milestone", path: path))
            }, by: \.sessionId)
        return try sessions.map { columns in
            let row = try SessionRow(stored: PostgresRow(columns, names: Self.sessionColumns, table: "session", path: path))
            return try row.record(items: itemsBySession[row.id] ?? [], milestones: milestonesBySession[row.id] ?? [], path: path)
        }
    }

    public func preparations(person: String, personID: String?, earliest: String, latest: String) throws -> [SessionRecord] {
        let rows = try read {
            try connection.execute(
                """
                SELECT p.session_id, p.record FROM careerpath.preparation p JOIN careerpath.session s ON s.id = p.session_id
                WHERE s.mode IN ('self', 'manager') AND s.date >= $1 AND s.date <= $2
                    AND (s.person_id = $3 OR s.person_fold = ANY($4::text[]))
                ORDER BY p.session_id
                """, [earliest, latest, personID, PostgresConnection.arrayLiteral(Array(Set([person.lowercased(), person.trimmingWhitespace().lowercased()])).sorted())]
            ).rows
        }
        return try rows.map { row in
            do {
                return try JSONDecoder().decode(SessionRecord.self, from: Data((row[1] ?? "").utf8))
            } catch {
                throw CareerError.damagedDatabase(
                    path: path, reason: "the preparation of session '\(row[0] ?? "")' is not a session record: \(error.localizedDescription)")
            }
        }
    }

    // MARK: The org chart

    /// Replaces the whole org chart with `chart` and files under their logins the sessions
    /// recorded before their person was in it. Only the administrator may.
    /// - Returns: how many sessions were filed anew.
    public func loadOrg(_ chart: OrgChart) throws -> Int {
        try write {
            try connection.execute("DELETE FROM careerpath.org")
            try insert(
                "careerpath.org", columns: ["login", "person_id", "person_name", "manager_login"],
                rows: chart.people.map { [$0.login, $0.personID, $0.name, $0.managerLogin] })
            let filed = try connection.execute(
                """
                UPDATE careerpath.session SET person_login = NULL
                WHERE person_login IS NULL OR person_login NOT IN (SELECT login FROM careerpath.org)
                """
            ).changed
            return filed
        }
    }
}
