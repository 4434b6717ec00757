import Foundation
import Testing

/// The shared history on a real PostgreSQL server (a throwaway cluster of the tests' own):
/// real logins for two managers and their reports, their manager, an HR member and a
/// contributor; the server's row-level security decides what each sees and may write, for
/// careerpath and for SQL typed into psql alike.
@Suite(
    "PostgreSQL: a shared history with row-level access", .serialized,
    .enabled(if: PostgresCluster.missing == nil, "\(PostgresCluster.missing ?? "")"))
struct PostgresStoreTests {
    let cluster: PostgresCluster

    init() throws {
        cluster = try PostgresCluster.shared.get()
    }

    /// boss manages mgr1 and mgr2; mgr1 manages ana and ben, mgr2 manages chen and dara;
    /// hr1 is in careerpath_hr; pat (no employee id) reports to jo.
    static let org = """
        person.id,person.name,login,manager.login
        E1,Bea Boss,boss,
        E2,Mia Manager,mgr1,boss
        E3,Max Manager,mgr2,boss
        E1042,Ana Silva,ana,mgr1
        E1043,Ben Okafor,ben,mgr1
        E1044,Chen Wang,chen,mgr2
        E1045,Dara Novak,dara,mgr2
        E9,Hana Hart,hr1,
        ,Jo Lee,jo,boss
        ,Pat Doe,pat,jo

        """
    static let logins = ["boss", "mgr1", "mgr2", "ana", "ben", "chen", "dara", "hr1", "jo", "pat"]

    /// A new database with the schema and the org chart loaded by its administrator.
    struct Organisation {
        let cluster: PostgresCluster
        let name: String
        let folder: URL

        var administrator: String { "admin_" + name }
        func url(_ login: String) -> String { cluster.url(login, database: name) }
        var adminURL: String { url(administrator) }

        /// careerpath as `login`, with a data folder of that login's own (their laptop).
        @discardableResult
        func careerpath(_ login: String, _ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws
            -> CommandResult
        {
            let home = folder.appendingPathComponent("laptop-\(login)")
            var variables = [
                "HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
                "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                "CAREERPATH_DB": login == administrator ? adminURL : url(login), "CAREERPATH_COMMAND": "careerpath",
                "COLUMNS": "100",
            ]
            variables.merge(environment) { _, new in new }
            return try CommandRunner.run(arguments, standardInput: input, environment: variables)
        }

        func fixture(_ name: String) -> String {
            CommandRunner.fixtures.appendingPathComponent(name).path
        }
    }

    func organisation(_ name: String, org: String = Self.org) throws -> Organisation {
        let folder = try CommandRunner.makeTemporaryFolder()
        let organisation = Organisation(cluster: cluster, name: name, folder: folder)
        try cluster.makeDatabase(name, administrator: organisation.administrator, logins: Self.logins)
        let initialised = try organisation.careerpath(organisation.administrator, ["db", "init"])
        #expect(initialised.status == 0, "\(initialised.standardError)")
        _ = try cluster.rows("GRANT careerpath_hr TO hr1")
        let chart = folder.appendingPathComponent("org.csv")
        try Data(org.utf8).write(to: chart)
        let loaded = try organisation.careerpath(organisation.administrator, ["db", "org", chart.path])
        #expect(loaded.status == 0, "\(loaded.standardError)")
        #expect(loaded.outputLines == ["Loaded 10 people (4 managers) into the org chart of \(cluster.url(organisation.administrator, password: "", database: name).replacingOccurrences(of: ":@", with: "@"))."])
        return organisation
    }

    /// mgr1 records Ana's and Ben's one-on-ones, mgr2 Chen's, with `run`.
    func recordTeams(_ organisation: Organisation) throws {
        for (login, file) in [("mgr1", "ana-silva.yaml"), ("mgr1", "ben-okafor.yaml"), ("mgr2", "chen-wang.yaml")] {
            let result = try organisation.careerpath(login, ["run", "--answers", organisation.fixture(file), "--format", "json"])
            #expect(result.status == 0, "\(login) \(file): \(result.standardError)")
        }
    }

    static let ana = "run:2026-11-22:one-on-one:id:E1042"
    static let ben = "run:2026-11-22:one-on-one:id:E1043"
    static let chen = "run:2026-11-22:one-on-one:id:E1044"

    /// The session ids `export --format jsonl` gives a login.
    func exported(_ organisation: Organisation, as login: String) throws -> [String] {
        let result = try organisation.careerpath(login, ["export", "--format", "jsonl"])
        #expect(result.status == 0, "\(login): \(result.standardError)")
        return result.outputLines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }.sorted()
    }

    @Test func eachLoginSeesExactlyTheirRowsInCareerpathAndInPsql() throws {
        let organisation = try organisation("visibility")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        try recordTeams(organisation)
        let expected: [String: [String]] = [
            "mgr1": [Self.ana, Self.ben], "mgr2": [Self.chen], "boss": [Self.ana, Self.ben, Self.chen],
            "ana": [Self.ana], "ben": [Self.ben], "chen": [Self.chen], "hr1": [Self.ana, Self.ben, Self.chen], "dara": [],
            "jo": [], "pat": [],
        ]
        for (login, ids) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(try exported(organisation, as: login) == ids, "export as \(login)")
            let sessions = cluster.psql(login, "SELECT id FROM careerpath.session ORDER BY id", password: PostgresCluster.password)
            let raw = sessions.output.split(separator: "\n").map(String.init)
            // psql as the same login, typing SQL: the same rows, and only their plan items.
            let psqlRows = try rowsIn(organisation, as: login, "SELECT id FROM careerpath.session ORDER BY id")
            #expect(psqlRows == ids, "psql as \(login) (\(raw.count))")
            let items = try rowsIn(organisation, as: login, "SELECT DISTINCT session_id FROM careerpath.plan_item ORDER BY 1")
            #expect(items == ids, "plan items as \(login)")
            let checkIns = try rowsIn(organisation, as: login, "SELECT DISTINCT session_id FROM careerpath.milestone ORDER BY 1")
            #expect(checkIns == ids, "check-ins as \(login)")
        }
        // history: the managers and HR see Ana, mgr2 and Dara are told nobody they may see is called so.
        for login in ["mgr1", "boss", "hr1", "ana"] {
            let history = try organisation.careerpath(login, ["history", "Ana Silva"])
            #expect(history.status == 0, "\(login): \(history.standardError)")
            #expect(history.outputLines.first == "Ana Silva (E1042): 1 recorded session")
        }
        for login in ["mgr2", "dara", "ben"] {
            let history = try organisation.careerpath(login, ["history", "E1042"])
            #expect(history.status == 67, "\(login)")
            // A suggestion may follow, from the people this login may see only.
            #expect(history.errorLines.count == 1)
            #expect(history.errorLines.first?.hasPrefix("careerpath: nobody called 'E1042' is in the history (\(redacted(organisation, login))) that you may see") == true)
            #expect(history.errorLines.first?.contains("Ana") == false)
        }
        // The same records as a SQLite history would give: the plan document comes back whole.
        let sqlite = organisation.folder.appendingPathComponent("local.sqlite").path
        _ = try organisation.careerpath("mgr1", ["run", "--answers", organisation.fixture("ana-silva.yaml"), "--format", "json", "--db", sqlite])
        let local = try organisation.careerpath("mgr1", ["history", "Ana Silva", "--format", "json", "--db", sqlite])
        let shared = try organisation.careerpath("mgr1", ["history", "Ana Silva", "--format", "json"])
        #expect(shared.status == 0)
        #expect(shared.standardOutput == local.standardOutput)
        let localCSV = try organisation.careerpath("mgr1", ["export", "--person", "E1042", "--format", "csv", "--db", sqlite])
        let sharedCSV = try organisation.careerpath("mgr1", ["export", "--person", "E1042", "--format", "csv"])
        #expect(sharedCSV.standardOutput == localCSV.standardOutput)
        #expect(sharedCSV.outputLines.count == 2)
    }

    func redacted(_ organisation: Organisation, _ login: String) -> String {
        "postgres://\(login)@127.0.0.1:\(cluster.port)/\(organisation.name)"
    }

    /// Rows of a query typed into psql as a login of this organisation's database.
    func rowsIn(_ organisation: Organisation, as login: String, _ sql: String) throws -> [String] {
        let result = psql(organisation, login, sql)
        guard result.status == 0 else { throw PostgresCluster.Failure(description: "psql as \(login): \(result.error)") }
        return result.output.split(separator: "\n").map(String.init)
    }

    func psql(_ organisation: Organisation, _ login: String, _ sql: String) -> (status: Int32, output: String, error: String) {
        PostgresCluster.psql(url: organisation.url(login), sql)
    }

    @Test func writesOutsideOnesRightsAreRefusedByTheServer() throws {
        let organisation = try organisation("rights")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        try recordTeams(organisation)
        // mgr2 is not Ana's manager: the server refuses, exit 77, and nothing is queued for later.
        let refused = try organisation.careerpath("mgr2", ["run", "--answers", organisation.fixture("ana-silva.yaml"), "--format", "json"])
        #expect(refused.status == 77)
        #expect(refused.errorLines.count == 1)
        #expect(refused.standardError.contains("refused: new row violates row-level security policy for table \"session\""))
        // A contributor may not record a one-on-one, not even her own.
        let own = try organisation.careerpath("ana", ["run", "--answers", organisation.fixture("ana-silva.yaml"), "--format", "json"])
        #expect(own.status == 77)
        // Typed into psql: updates and deletes of rows one may not write change nothing; an
        // insert is refused; a session cannot be filed under somebody else's login.
        #expect(psql(organisation, "ana", "UPDATE careerpath.plan_item SET status = 'done' RETURNING item_id").output == "")
        #expect(psql(organisation, "ana", "DELETE FROM careerpath.session RETURNING id").output == "")
        #expect(psql(organisation, "dara", "DELETE FROM careerpath.session RETURNING id").output == "")
        #expect(psql(organisation, "mgr2", "UPDATE careerpath.session SET recommended = 'management' RETURNING id").output == "\(Self.chen)\n")
        let insert = """
            INSERT INTO careerpath.session (id, person_key, person_name, person_id, person_login, current_level, date,
                recorded_at, mode, source, recommended, archetype, confidence, fit_ic, fit_management, fit_hybrid, dimensions,
                flags, target_level, document)
            VALUES ('forged', 'id:E1042', 'Ana Silva', 'E1042', 'dara', 'ic.senior', '2026-12-01', 'x', 'self', 'run', 'ic', 'a',
                'high', 1, 1, 1, '{}', '[]', 'ic.staff', '{}')
            """
        let forged = psql(organisation, "dara", insert)
        #expect(forged.status != 0)
        #expect(forged.error.contains("new row violates row-level security policy for table \"session\""))
        // Ana may write a self-assessment of her own (the trigger files it under her login).
        #expect(psql(organisation, "ana", insert + " RETURNING person_login").output == "ana\n")
        // HR reads everything but records nothing.
        let hrWrite = psql(organisation, "hr1", "UPDATE careerpath.session SET recommended = 'ic' RETURNING id")
        #expect(hrWrite.output == "")
        #expect(try rowsIn(organisation, as: "hr1", "SELECT count(*) FROM careerpath.session") == ["4"])
        // Nobody but the administrator changes the org chart.
        let promoted = psql(organisation, "mgr1", "UPDATE careerpath.org SET manager_login = NULL RETURNING login")
        #expect(promoted.status != 0 || promoted.output == "")
        #expect(psql(organisation, "ana", "SELECT login FROM careerpath.org ORDER BY 1").output == "ana\n")
        #expect(psql(organisation, "mgr1", "SELECT login FROM careerpath.org ORDER BY 1").output == "ana\nben\nmgr1\n")
        // A manager's manager reads the rows of everyone below them, directly or not, and no one else's.
        #expect(psql(organisation, "boss", "SELECT login FROM careerpath.org ORDER BY 1").output == "ana\nben\nboss\nchen\ndara\njo\nmgr1\nmgr2\npat\n")
        #expect(psql(organisation, "jo", "SELECT login FROM careerpath.org ORDER BY 1").output == "jo\npat\n")
        // A manager's login cannot ask for another manager's reports.
        #expect(psql(organisation, "mgr2", "SELECT careerpath.reports_of('mgr1')").output == "")
    }

    @Test func forgetByHRRemovesEverythingOfAPersonOnTheServer() throws {
        let organisation = try organisation("forget")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        try recordTeams(organisation)
        let counts = """
            SELECT (SELECT count(*) FROM careerpath.session WHERE person_id = 'E1042') || ' '
                || (SELECT count(*) FROM careerpath.plan_item WHERE session_id LIKE '%E1042') || ' '
                || (SELECT count(*) FROM careerpath.milestone WHERE session_id LIKE '%E1042')
            """
        let before = try rowsIn(organisation, as: organisation.administrator, counts)
        #expect(before.count == 1 && before[0].hasPrefix("1 ") && !before[0].hasSuffix(" 0"))
        // mgr2 may not forget Ana: there is nobody by that name they may see.
        let stranger = try organisation.careerpath("mgr2", ["forget", "E1042", "--yes"])
        #expect(stranger.status == 67)
        let forgotten = try organisation.careerpath("hr1", ["forget", "E1042", "--yes"])
        #expect(forgotten.status == 0, "\(forgotten.standardError)")
        #expect(forgotten.outputLines == ["Deleted 1 recorded session of Ana Silva from the history."])
        #expect(try rowsIn(organisation, as: organisation.administrator, counts) == ["0 0 0"])
        #expect(try exported(organisation, as: "hr1") == [Self.ben, Self.chen])
    }

    @Test func eightProcessesRecordingAtOnceLoseNothing() throws {
        let organisation = try organisation("eight")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        let dates = (1...8).map { String(format: "2026-10-%02d", $0) }
        final class Statuses: @unchecked Sendable {
            let lock = NSLock()
            var values = [Int32](repeating: -1, count: 8)
        }
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let result = try? organisation.careerpath(
                "mgr1", ["run", "--answers", organisation.fixture(index % 2 == 0 ? "ana-silva.yaml" : "ben-okafor.yaml"), "--date", dates[index], "--format", "json"])
            statuses.lock.lock()
            statuses.values[index] = result?.status ?? -1
            statuses.lock.unlock()
        }
        #expect(statuses.values == Array(repeating: 0, count: 8))
        #expect(try rowsIn(organisation, as: "mgr1", "SELECT count(*) FROM careerpath.session") == ["8"])
        let history = try organisation.careerpath("mgr1", ["history", "Ben Okafor"])
        #expect(history.outputLines.first == "Ben Okafor (E1043): 4 recorded sessions")
    }

    @Test func aWrongPasswordAndAServerOutOfReachGiveTheirExitCodesQuickly() throws {
        let organisation = try organisation("faults")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        var started = Date()
        let wrong = try organisation.careerpath(
            "mgr1", ["history", "Ana Silva"], environment: ["CAREERPATH_DB": cluster.url("mgr1", password: "wrong", database: "faults")])
        #expect(wrong.status == 77)
        #expect(wrong.errorLines == [
            "careerpath: the shared history postgres://mgr1@127.0.0.1:\(cluster.port)/faults refused: connection to server at \"127.0.0.1\", port \(cluster.port) failed: password authentication failed for user \"mgr1\""
        ])
        #expect(Date().timeIntervalSince(started) < 3)
        // Nobody listens on the port.
        let closed = try PostgresCluster.freePort()
        started = Date()
        let down = try organisation.careerpath(
            "mgr1", ["history", "Ana Silva"], environment: ["CAREERPATH_DB": "postgres://mgr1:pw@127.0.0.1:\(closed)/faults"])
        #expect(down.status == 69)
        #expect(down.errorLines.count == 1)
        #expect(down.standardError.hasPrefix("careerpath: the shared history postgres://mgr1@127.0.0.1:\(closed)/faults cannot be reached: "))
        #expect(Date().timeIntervalSince(started) < 3)
        // A server that takes the connection and never answers: the connect timeout (5 s
        // unless the URL says) ends it.
        let silent = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(silent) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(silent, $0, length) == 0 && getsockname(silent, $0, &length) == 0 }
        }
        listen(silent, 8)
        let silentPort = Int(UInt16(bigEndian: address.sin_port))
        started = Date()
        let slow = try organisation.careerpath(
            "mgr1", ["history", "Ana Silva"], environment: ["CAREERPATH_DB": "postgres://mgr1:pw@127.0.0.1:\(silentPort)/faults"])
        let waited = Date().timeIntervalSince(started)
        #expect(slow.status == 69)
        #expect(slow.standardError.contains("cannot be reached: "))
        #expect(waited >= 4 && waited < 8, "\(waited) s")
        started = Date()
        let slowShort = try organisation.careerpath(
            "mgr1", ["history", "Ana Silva"],
            environment: ["CAREERPATH_DB": "postgres://mgr1:pw@127.0.0.1:\(silentPort)/faults?connect_timeout=2"])
        #expect(slowShort.status == 69)
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func aRecordThatCannotReachTheServerWaitsOnTheLaptopAndIsSentByTheNextCommand() throws {
        let organisation = try organisation("outbox")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        cluster.stop()
        defer { if !cluster.running { try? cluster.start() } }
        let plans = organisation.folder.appendingPathComponent("plans")
        let queued = try organisation.careerpath("mgr1", ["run", "--answers", organisation.fixture("ana-silva.yaml"), "--out", plans.path])
        #expect(queued.status == 69)
        #expect(queued.outputLines.count == 3)  // the plan is written all the same
        #expect(FileManager.default.fileExists(atPath: plans.appendingPathComponent("E1042.md").path))
        let outbox = organisation.folder.appendingPathComponent("laptop-mgr1/data/careerpath/outbox.jsonl")
        #expect(queued.errorLines.count == 1)
        #expect(queued.standardError.contains("; the session is kept on this laptop (\(outbox.path)) and sent by the next command that reaches the server"))
        #expect(TalkFixture.permissions(of: outbox) == 0o600)
        try cluster.start()
        let next = try organisation.careerpath("mgr1", ["history", "Ana Silva"])
        #expect(next.status == 0, "\(next.standardError)")
        #expect(next.errorLines == [
            "careerpath: sent 1 session kept on this laptop while \(redacted(organisation, "mgr1")) could not be reached."
        ])
        #expect(next.outputLines.first == "Ana Silva (E1042): 1 recorded session")
        #expect(!FileManager.default.fileExists(atPath: outbox.path))
    }

    @Test func aSelfAssessmentOnOneLaptopIsFoundByTheOneOnOneOnTheManagers() throws {
        let organisation = try organisation("travel")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        let plans = organisation.folder.appendingPathComponent("plans").path
        func talk(_ login: String, _ options: [String], date: String, input: [String]) throws -> CommandResult {
            try organisation.careerpath(
                login, ["talk"] + options + ["--prompts", CommandRunner.promptsFolder.path, "--date", date, "--out", plans],
                input: input.joined(separator: "\n") + "\n")
        }
        // Pat prepares on her laptop, Jo on his.
        let own = try talk("pat", TalkFixture.selfSession, date: TalkFixture.selfDate, input: TalkFixture.selfAnswers)
        #expect(own.status == 0, "\(own.standardError)")
        let seen = try talk(
            "jo", ["--mode", "manager", "--person", TalkFixture.person, "--level", TalkFixture.level, "--manager", TalkFixture.managerName],
            date: TalkFixture.managerDate, input: TalkFixture.preparationAnswers)
        #expect(seen.status == 0, "\(seen.standardError)")
        // Pat sees her preparation on the server, not Jo's.
        #expect(try rowsIn(organisation, as: "pat", "SELECT count(*) FROM careerpath.preparation") == ["1"])
        #expect(try rowsIn(organisation, as: "jo", "SELECT count(*) FROM careerpath.preparation") == ["2"])
        // The one-on-one on Jo's laptop, which never held Pat's session file, picks up both.
        let meeting = [
            "4", "keep Pat leads the guild reviews I do not see", "keep", "The evidence is new", "", "", "", "", "", "", "",
            "Write the cache design doc by Friday", "",
        ]
        let result = try talk("jo", ["--person", TalkFixture.person], date: TalkFixture.date, input: meeting)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Array(result.outputLines.prefix(2)) == [
            "Pat Doe prepared on 2026-11-20 (self-assessment, 49 answers) and Jo Lee on 2026-11-21 (manager's",
            "preparation, 17 answers). This one-on-one asks only what is left: 3 places where your views differ,",
        ])
        #expect(try rowsIn(organisation, as: "pat", "SELECT mode FROM careerpath.session ORDER BY date") == ["self", "one-on-one"])
    }

    @Test func aLocalHistoryIsImportedAndTheOrgFileIsCheckedStrictly() throws {
        let organisation = try organisation("import")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        let sqlite = organisation.folder.appendingPathComponent("old.sqlite").path
        for file in ["ana-silva.yaml", "chen-wang.yaml"] {
            let run = try organisation.careerpath("mgr1", ["run", "--answers", organisation.fixture(file), "--format", "json", "--db", sqlite])
            #expect(run.status == 0)
        }
        for _ in 1...2 {  // again: replaced, never doubled
            let imported = try organisation.careerpath(organisation.administrator, ["db", "import", sqlite])
            #expect(imported.status == 0, "\(imported.standardError)")
            #expect(imported.outputLines == ["Imported 2 sessions of 2 people from \(sqlite) into \(redacted(organisation, organisation.administrator))."])
        }
        #expect(try exported(organisation, as: "hr1") == [Self.ana, Self.chen])
        #expect(try exported(organisation, as: "mgr2") == [Self.chen])

        let bad = organisation.folder.appendingPathComponent("bad.csv")
        try Data("person.id,person.name,login,manager.login,team\nE1,Bea Boss,boss,\nE2,,mgr1,nobody\nE2,Max,boss,boss\n".utf8).write(to: bad)
        let refused = try organisation.careerpath(organisation.administrator, ["db", "org", bad.path])
        #expect(refused.status == 65)
        #expect(refused.errorLines == [
            "\(bad.path):1:5: unknown column 'team'; allowed: person.id, person.name, login, manager.login"
        ])
        try Data("person.id,person.name,login,manager.login\nE1,Bea Boss,boss,\nE2,,mgr1,nobody\nE2,Max,boss,boss\n".utf8).write(to: bad)
        let rows = try organisation.careerpath(organisation.administrator, ["db", "org", bad.path])
        #expect(rows.status == 65)
        #expect(rows.errorLines == [
            "\(bad.path):3:2: person.name is empty; allowed: the person's name",
            "\(bad.path):4:1: the person.id 'E2' is already on line 3",
            "\(bad.path):4:3: the login 'boss' is already on line 2",
            "\(bad.path):4:4: 'boss' is named as their own manager",
        ])
        // A SQLite file is no server to set up.
        let local = try organisation.careerpath(organisation.administrator, ["db", "init", sqlite])
        #expect(local.status == 64)
    }

    @Test func bulkRecordsWholeBatchesWhenTheServerIsKilledAndARerunCompletesWithoutDuplicates() throws {
        let organisation = try organisation("bulk")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        let sheet = organisation.folder.appendingPathComponent("people.csv").path
        try BulkSafetyTests.generateSheet(people: 600, seed: 7, to: sheet)
        let out = organisation.folder.appendingPathComponent("plans").path
        let arguments = ["bulk", sheet, "--out", out, "--format", "json", "--record", "--quiet", "--jobs", "2"]
        let count = "SELECT count(*) FROM careerpath.session"
        // The administrator records for everyone; the server is stopped once the first
        // batches are in.
        final class Outcome: @unchecked Sendable { var result: CommandResult? }
        let outcome = Outcome()
        let running = Thread {
            outcome.result = try? organisation.careerpath(organisation.administrator, arguments)
        }
        running.start()
        var seen = 0
        let deadline = Date().addingTimeInterval(60)
        while seen == 0, Date() < deadline {
            usleep(50_000)
            seen = Int((try? rowsIn(organisation, as: organisation.administrator, count))?.first ?? "0") ?? 0
        }
        cluster.stop()
        defer { if !cluster.running { try? cluster.start() } }
        while running.isExecuting || !running.isFinished { usleep(50_000) }
        try cluster.start()
        #expect(outcome.result?.status == 69, "\(outcome.result?.standardError ?? "")")
        let kept = Int(try rowsIn(organisation, as: organisation.administrator, count).first ?? "") ?? -1
        #expect(kept > 0 && kept < 600, "\(kept)")
        #expect(kept % 256 == 0, "\(kept) sessions: not whole batches of 256")
        let items = try rowsIn(organisation, as: organisation.administrator, "SELECT count(DISTINCT session_id) FROM careerpath.plan_item")
        #expect(items == [String(kept)])
        // The rerun replaces what was there and adds the rest.
        let rerun = try organisation.careerpath(organisation.administrator, arguments)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(try rowsIn(organisation, as: organisation.administrator, count) == ["600"])
        // calibration from the shared history is the one a SQLite history of the same run gives.
        let sqlite = organisation.folder.appendingPathComponent("same.sqlite").path
        let local = try organisation.careerpath(
            organisation.administrator, ["bulk", sheet, "--out", out + "-local", "--format", "json", "--record", "--quiet", "--db", sqlite])
        #expect(local.status == 0)
        let fromSQLite = try organisation.careerpath("hr1", ["calibration", "--format", "json", "--db", sqlite])
        let fromServer = try organisation.careerpath("hr1", ["calibration", "--format", "json"])
        #expect(fromServer.status == 0, "\(fromServer.standardError)")
        #expect(fromServer.standardOutput == fromSQLite.standardOutput)
        #expect(fromServer.standardOutput.contains("\"manager\""))
    }

    @Test func libpqFindsTheServerThroughItsOwnVariablesThePasswordFileAndTheUnixSocket() throws {
        let organisation = try organisation("libpq")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        try recordTeams(organisation)
        let passwords = organisation.folder.appendingPathComponent("pgpass")
        try Data("*:*:*:mgr1:\(PostgresCluster.password)\n".utf8).write(to: passwords)
        chmod(passwords.path, 0o600)
        let history = try organisation.careerpath(
            "mgr1", ["history", "Ben Okafor"],
            environment: [
                "CAREERPATH_DB": "postgresql:///libpq", "PGHOST": cluster.folder.path, "PGPORT": String(cluster.port), "PGUSER": "mgr1",
                "PGPASSFILE": passwords.path,
            ])
        #expect(history.status == 0, "\(history.standardError)")
        #expect(history.outputLines.first == "Ben Okafor (E1043): 1 recorded session")
    }

    @Test func aTalkWhileTheServerIsDownLosesNothingAndItsPreparationStillReachesTheManager() throws {
        let organisation = try organisation("talkdown")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        let plans = organisation.folder.appendingPathComponent("plans")
        func talk(_ login: String, _ options: [String], date: String, input: [String]) throws -> CommandResult {
            try organisation.careerpath(
                login, ["talk"] + options + ["--prompts", CommandRunner.promptsFolder.path, "--date", date, "--out", plans.path],
                input: input.joined(separator: "\n") + "\n")
        }
        cluster.stop()
        defer { if !cluster.running { try? cluster.start() } }
        let own = try talk("pat", TalkFixture.selfSession, date: TalkFixture.selfDate, input: TalkFixture.selfAnswers)
        #expect(own.status == 69)
        // Said at the start (no looking back) and at the end (kept for later), one line each.
        #expect(own.errorLines.count == 2)
        #expect(own.errorLines.first?.hasSuffix("; this conversation starts without looking back at recorded sessions") == true)
        #expect(own.errorLines.last?.contains("; the session is kept on this laptop (") == true)
        #expect(own.standardOutput.contains("The plan is written (readable by you only):"))
        let sessions = organisation.folder.appendingPathComponent("laptop-pat/data/careerpath/sessions")
        let files = try FileManager.default.contentsOfDirectory(atPath: sessions.path)
        #expect(files.count == 1)
        let session = try JSONSerialization.jsonObject(with: Data(contentsOf: sessions.appendingPathComponent(files[0]))) as? [String: Any]
        #expect(session?["status"] as? String == "finished")
        try cluster.start()
        // Pat's next command sends it, her preparation with it; Jo's one-on-one finds it.
        let next = try organisation.careerpath("pat", ["history", "Pat Doe"])
        #expect(next.status == 0, "\(next.standardError)")
        #expect(next.errorLines.first?.hasPrefix("careerpath: sent 1 session kept on this laptop while ") == true)
        #expect(try rowsIn(organisation, as: "jo", "SELECT count(*) FROM careerpath.preparation") == ["1"])
        let meeting = try talk("jo", ["--person", TalkFixture.person, "--manager", TalkFixture.managerName], date: TalkFixture.date, input: [])
        #expect(meeting.outputLines.first == "Pat Doe prepared on 2026-11-20 (self-assessment, 49 answers); there is no manager's preparation from")
    }
}
