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
                try connection.execute(PostgresSchema.rules(owner: owner))
                return Setup(applied: applied, owner: owner)
            }
        } catch let error as CareerError {
            throw error
        } catch {
            throw Self.failure(error, place: connection.place, reading: false)
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
                    "id", "person_key", "person_name", "person_id", "current_level", "date", "recorded_at", "mode", "source",
                    "recommended", "archetype", "confidence", "fit_ic", "fit_management", "fit_hybrid", "dimensions", "flags",
                    "target_level", "document",
                ],
                rows: rows.map { row in
                    [
                        row.id, row.personKey, row.personName, row.personId, row.currentLevel, row.date, row.recordedAt, row.mode,
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

    /// Deletes every session of the person this login may delete (plan items, check-ins and
    /// preparations go with them).
    public func forget(personKey: String) throws -> Int {
        try write {
            try connection.execute("DELETE FROM careerpath.session WHERE person_key = $1", [personKey]).changed
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

    public func personKey(for reference: String) throws -> String {
        let rows = try read {
            try connection.execute(
                """
                SELECT DISTINCT person_key, person_name, person_id FROM careerpath.session
                WHERE person_id = $1 OR person_key = $1 OR person_key = $2 OR lower(person_name) = $3
                """, [reference, "name:" + reference.lowercased(), reference.lowercased()]
            ).rows
        }
        let keys = Array(Set(rows.map { $0[0] ?? "" }))
        switch keys.count {
        case 1: return keys[0]
        case 0: throw CareerError.unknownPerson("nobody called '\(reference)' is in the history (\(path)) that you may see")
        default:
            let ids = Set(rows.compactMap { $0[2] }).sorted().joined(separator: ", ")
            throw CareerError.usage("more than one person is called '\(reference)'; use their id (\(ids))")
        }
    }

    public func people(personKey: String) throws -> [(name: String, id: String?)] {
        try read {
            try connection.execute(
                "SELECT person_name, person_id FROM careerpath.session WHERE person_key = $1 ORDER BY date, recorded_at, id",
                [personKey]
            ).rows.map { ($0[0] ?? "", $0[1]) }
        }
    }

    public func sessions(personKey: String) throws -> [HistoryRecord] {
        try sessions(personKey: personKey, since: nil)
    }

    /// Everyone this login may see, or one person, on or after a date; read in one snapshot.
    public func sessions(personKey: String?, since: String?) throws -> [HistoryRecord] {
        let filter = "($1::text IS NULL OR s.person_key = $1) AND ($2::text IS NULL OR s.date >= $2)"
        let arguments = [personKey, since]
        let (sessions, items, milestones) = try read {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? connection.execute("COMMIT") }
            let sessions = try connection.execute(
                """
                SELECT s.id, s.person_key, s.person_name, s.person_id, s.current_level, s.date, s.recorded_at, s.mode, s.source,
                    s.recommended, s.archetype, s.confidence, s.fit_ic, s.fit_management, s.fit_hybrid, s.dimensions, s.flags,
                    s.target_level, s.document
                FROM careerpath.session s WHERE \(filter)
                ORDER BY s.person_key, s.date, s.recorded_at, s.id
                """, arguments
            ).rows
            let items = try connection.execute(
                """
                SELECT p.session_id, p.item_id, p.category, p.title, p.due, p.status, p.note, p.status_date
                FROM careerpath.plan_item p JOIN careerpath.session s ON s.id = p.session_id WHERE \(filter)
                ORDER BY p.session_id, p.due, p.item_id
                """, arguments
            ).rows
            let milestones = try connection.execute(
                """
                SELECT m.session_id, m.position, m.title, m.due, m.status, m.status_date
                FROM careerpath.milestone m JOIN careerpath.session s ON s.id = m.session_id WHERE \(filter)
                ORDER BY m.session_id, m.position
                """, arguments
            ).rows
            return (sessions, items, milestones)
        }
        let itemsBySession = Dictionary(grouping: items.map(PlanItemRow.init(postgres:)), by: \.sessionId)
        let milestonesBySession = Dictionary(grouping: milestones.map(MilestoneRow.init(postgres:)), by: \.sessionId)
        return try sessions.map { columns in
            let row = SessionRow(postgres: columns)
            return try row.record(items: itemsBySession[row.id] ?? [], milestones: milestonesBySession[row.id] ?? [], path: path)
        }
    }

    public func preparations(person: String, personID: String?, earliest: String, latest: String) throws -> [SessionRecord] {
        let rows = try read {
            try connection.execute(
                """
                SELECT p.session_id, p.record FROM careerpath.preparation p JOIN careerpath.session s ON s.id = p.session_id
                WHERE s.mode IN ('self', 'manager') AND s.date >= $1 AND s.date <= $2
                    AND (s.person_id = $3 OR lower(s.person_name) = lower($4))
                ORDER BY p.session_id
                """, [earliest, latest, personID, person]
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

extension SessionRow {
    /// From the columns of the PostgreSQL store's query, in its order.
    init(postgres columns: [String?]) {
        self.init(
            id: columns[0] ?? "", personKey: columns[1] ?? "", personName: columns[2] ?? "", personId: columns[3],
            currentLevel: columns[4] ?? "", date: columns[5] ?? "", recordedAt: columns[6] ?? "", mode: columns[7] ?? "",
            source: columns[8] ?? "", recommended: columns[9] ?? "", archetype: columns[10] ?? "", confidence: columns[11] ?? "",
            fitIc: Double(columns[12] ?? "") ?? 0, fitManagement: Double(columns[13] ?? "") ?? 0,
            fitHybrid: Double(columns[14] ?? "") ?? 0, dimensions: columns[15] ?? "", flags: columns[16] ?? "",
            targetLevel: columns[17] ?? "", document: columns[18] ?? "")
    }

    init(
        id: String, personKey: String, personName: String, personId: String?, currentLevel: String, date: String,
        recordedAt: String, mode: String, source: String, recommended: String, archetype: String, confidence: String,
        fitIc: Double, fitManagement: Double, fitHybrid: Double, dimensions: String, flags: String, targetLevel: String,
        document: String
    ) {
        self.id = id
        self.personKey = personKey
        self.personName = personName
        self.personId = personId
        self.currentLevel = currentLevel
        self.date = date
        self.recordedAt = recordedAt
        self.mode = mode
        self.source = source
        self.recommended = recommended
        self.archetype = archetype
        self.confidence = confidence
        self.fitIc = fitIc
        self.fitManagement = fitManagement
        self.fitHybrid = fitHybrid
        self.dimensions = dimensions
        self.flags = flags
        self.targetLevel = targetLevel
        self.document = document
    }
}

extension PlanItemRow {
    init(postgres columns: [String?]) {
        self.init(
            HistoryRecord.PlanItem(
                itemID: columns[1] ?? "", category: columns[2] ?? "", title: columns[3] ?? "", due: columns[4] ?? "",
                status: .notStarted, note: columns[6]),
            session: columns[0] ?? "")
        status = columns[5] ?? ""
        statusDate = columns[7]
    }
}

extension MilestoneRow {
    init(postgres columns: [String?]) {
        self.init(
            HistoryRecord.Milestone(position: Int(columns[1] ?? "") ?? 0, title: columns[2] ?? "", due: columns[3] ?? "", status: .notStarted),
            session: columns[0] ?? "")
        status = columns[4] ?? ""
        statusDate = columns[5]
    }
}
