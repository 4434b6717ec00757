import Foundation
import Testing

/// Who a name or an id means, on the server as in a SQLite history: namesakes without an id
/// kept apart and named by their keys, a person recorded by name before their id found whole,
/// names matched with careerpath's own case folding (every script), forget by those keys.
extension PostgresStoreTests {
    /// The people of these tests: two Sam Lees without an id (a bulk run), and İlkay Gündoğan,
    /// recorded by name first and later with an id.
    struct People {
        let twins: String
        let byName: String
        let withID: String

        init(in folder: URL) throws {
            let lines = try String(contentsOf: CommandRunner.fixtures.appendingPathComponent("team.csv"), encoding: .utf8)
                .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
            let twinLines = [lines[0]] + lines[1...2].map {
                $0.replacingOccurrences(of: "Ana Silva,E1042,", with: "Sam Lee,,").replacingOccurrences(of: "Ben Okafor,E1043,", with: "Sam Lee,,")
            }
            twins = folder.appendingPathComponent("twins.csv").path
            try Data((twinLines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: twins))
            let ana = try String(contentsOf: CommandRunner.fixtures.appendingPathComponent("ana-silva.yaml"), encoding: .utf8)
            let ilkay = ana.replacingOccurrences(of: "Ana Silva", with: "İlkay Gündoğan").replacingOccurrences(of: "E1042", with: "E7001")
            withID = folder.appendingPathComponent("ilkay.yaml").path
            try Data(ilkay.utf8).write(to: URL(fileURLWithPath: withID))
            byName = folder.appendingPathComponent("ilkay-by-name.yaml").path
            try Data(ilkay.replacingOccurrences(of: "  id: E7001\n", with: "").utf8).write(to: URL(fileURLWithPath: byName))
        }
    }

    /// The same commands, as the administrator, into a SQLite history (`sqlite`) or the
    /// server (nil); what each says, for comparing the two.
    func lookUps(_ organisation: Organisation, _ people: People, sqlite: String?) throws -> [String] {
        let database = sqlite.map { ["--db", $0] } ?? []
        let plans = organisation.folder.appendingPathComponent(sqlite == nil ? "plans-server" : "plans-local").path
        func run(_ arguments: [String]) throws -> CommandResult {
            try organisation.careerpath(organisation.administrator, arguments + database)
        }
        var said: [String] = []
        func note(_ arguments: [String], _ result: CommandResult) {
            said.append("$ \(arguments.joined(separator: " ")) -> \(result.status)")
            said += result.outputLines + result.errorLines
        }
        for arguments in [
            ["bulk", people.twins, "--out", plans, "--record", "--quiet", "--date", "2026-11-22"],
            ["run", "--answers", people.byName, "--format", "json", "--date", "2026-08-01"],
            ["run", "--answers", people.withID, "--format", "json"],
        ] {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let where_ = sqlite == nil ? "the server" : "SQLite"
        // Two people without an id share the name: asked which one, by the keys shown.
        let asked = try run(["history", "Sam Lee"])
        note(["history", "Sam Lee"], asked)
        #expect(asked.status == 64, "\(where_)")
        #expect(
            asked.errorLines == [
                "careerpath: more than one person is called 'Sam Lee': 'name:sam lee' (Sam Lee, 1 session on 2026-11-22, manager Jordan Lee, "
                    + "level ic.senior); 'name:sam lee#2' (Sam Lee, 1 session on 2026-11-22, manager Jordan Lee, level ic.senior); say which one "
                    + "by what is quoted, e.g. 'name:sam lee#2'"
            ], "\(where_)")
        let second = try run(["history", "name:sam lee#2"])
        note(["history", "name:sam lee#2"], second)
        #expect(second.outputLines.first == "Sam Lee: 1 recorded session", "\(where_): \(second.standardError)")
        // By name in any case (İ folds to i and a combining dot, as Swift folds it), or by id:
        // one person, both sessions.
        for reference in ["İLKAY GÜNDOĞAN", "İlkay Gündoğan".lowercased(), "E7001"] {
            let history = try run(["history", reference])
            note(["history", reference], history)
            #expect(history.outputLines.first == "İlkay Gündoğan (E7001): 2 recorded sessions", "\(where_) \(reference): \(history.standardError)")
        }
        // The records themselves, as each store gives them back, in the same order.
        let export = try run(["export", "--format", "csv"])
        note(["export", "--format", "csv"], export)
        #expect(export.outputLines.count == 5, "\(where_): \(export.standardError)")
        let wholePerson = try run(["export", "--format", "csv", "--person", "İLKAY GÜNDOĞAN"])
        note(["export", "--person", "İLKAY GÜNDOĞAN"], wholePerson)
        #expect(wholePerson.outputLines.count == 3, "\(where_): \(wholePerson.standardError)")
        let forgotTwin = try run(["forget", "name:sam lee#2", "--yes"])
        note(["forget", "name:sam lee#2"], forgotTwin)
        #expect(forgotTwin.outputLines == ["Deleted 1 recorded session of Sam Lee from the history."], "\(where_): \(forgotTwin.standardError)")
        let left = try run(["history", "Sam Lee"])
        note(["history", "Sam Lee"], left)
        #expect(left.outputLines.first == "Sam Lee: 1 recorded session", "\(where_): \(left.standardError)")
        // forget by the name finds the sessions recorded before the id too.
        let forgot = try run(["forget", "İLKAY GÜNDOĞAN", "--yes"])
        note(["forget", "İLKAY GÜNDOĞAN"], forgot)
        #expect(forgot.outputLines == ["Deleted 2 recorded sessions of İlkay Gündoğan from the history."], "\(where_): \(forgot.standardError)")
        for reference in ["E7001", "İlkay Gündoğan"] {
            let gone = try run(["history", reference])
            said.append("$ history \(reference) -> \(gone.status)")
            #expect(gone.status == 67, "\(where_) \(reference)")
        }
        return said
    }

    @Test func namesakesFoldedNamesAndNameThenIdAreFoundAsInASQLiteHistory() throws {
        let organisation = try organisation("people")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        let people = try People(in: organisation.folder)
        // The server's lower() folds İ otherwise than careerpath does: matching there would
        // miss the name typed in capitals.
        let serverFold = try rowsIn(organisation, as: organisation.administrator, "SELECT lower('İlkay Gündoğan')")
        #expect(serverFold != ["İlkay Gündoğan".lowercased()])
        let local = try lookUps(organisation, people, sqlite: organisation.folder.appendingPathComponent("local.sqlite").path)
        let shared = try lookUps(organisation, people, sqlite: nil)
        #expect(shared == local)
        // Nothing of İlkay is left on the server, by id or by name; one Sam Lee is.
        #expect(
            try rowsIn(
                organisation, as: organisation.administrator,
                "SELECT count(*) FROM careerpath.session WHERE person_id = 'E7001' OR person_name LIKE '%lkay%'") == ["0"])
        #expect(try rowsIn(organisation, as: organisation.administrator, "SELECT person_key FROM careerpath.session ORDER BY 1") == ["name:sam lee"])
    }

    /// A name typed into psql (no folding given) is still found by careerpath: the server
    /// fills in the folded name.
    @Test func aSessionWrittenThroughPsqlIsFoundByItsName() throws {
        let organisation = try organisation("psqlrow")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        let recorded = try organisation.careerpath(
            organisation.administrator, ["run", "--answers", organisation.fixture("ana-silva.yaml"), "--format", "json"])
        #expect(recorded.status == 0, "\(recorded.standardError)")
        _ = try rowsIn(
            organisation, as: organisation.administrator,
            """
            INSERT INTO careerpath.session (id, person_key, person_name, person_id, current_level, date, recorded_at, mode, source,
                recommended, archetype, confidence, fit_ic, fit_management, fit_hybrid, dimensions, flags, target_level, document)
            SELECT 'typed', 'name:zoe quinn', 'Zoe Quinn', NULL, current_level, date, recorded_at, mode, source, recommended,
                archetype, confidence, fit_ic, fit_management, fit_hybrid, dimensions, flags, target_level, document
            FROM careerpath.session WHERE id = '\(Self.ana)'
            """)
        #expect(try rowsIn(organisation, as: organisation.administrator, "SELECT person_fold FROM careerpath.session WHERE id = 'typed'") == ["zoe quinn"])
        let history = try organisation.careerpath(organisation.administrator, ["history", "ZOE QUINN"])
        #expect(history.outputLines.first == "Zoe Quinn: 1 recorded session", "\(history.standardError)")
    }

    /// A value careerpath never writes, typed into a row through psql (`NaN` is a double
    /// precision PostgreSQL takes), is named with its table, session and column (exit 65),
    /// never shown; forget still works around it.
    @Test func damageTypedIntoTheServerIsNamedAndForgetStillWorks() throws {
        let organisation = try organisation("damage")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        let admin = organisation.administrator
        #expect(try organisation.careerpath(admin, ["run", "--answers", organisation.fixture("ana-silva.yaml"), "--format", "json"]).status == 0)
        let place = redacted(organisation, admin)
        for (sql, table, column, allowed, found) in [
            ("UPDATE careerpath.session SET fit_ic = 'NaN'", "session", "fit_ic", "a number from 0 to 100", "'NaN'"),
            ("UPDATE careerpath.session SET fit_ic = 50, date = '2026-13-40'", "session", "date", "a date, YYYY-MM-DD", "'2026-13-40'"),
            ("UPDATE careerpath.session SET date = '2026-11-22'; UPDATE careerpath.plan_item SET due = '9999-99-99'", "plan_item", "due",
             "a date, YYYY-MM-DD", "'9999-99-99'"),
        ] {
            _ = try rowsIn(organisation, as: admin, sql)
            let history = try organisation.careerpath(admin, ["history", "E1042"])
            #expect(history.status == 65, "\(column)")
            #expect(history.errorLines == [
                "careerpath: the shared history \(place) holds what careerpath never writes (a row of the \(table) table (session "
                    + "'\(Self.ana)'), column \(column): allowed \(allowed), found \(found)); its administrator corrects or deletes that row"
            ])
        }
        let forgot = try organisation.careerpath(admin, ["forget", "Ana Silva", "--yes"])
        #expect(forgot.outputLines == ["Deleted 1 recorded session of Ana Silva from the history."], "\(forgot.standardError)")
        #expect(try rowsIn(organisation, as: admin, "SELECT count(*) FROM careerpath.plan_item") == ["0"])
    }

    /// A server set up by the careerpath before names were folded (schema 1) is refused until
    /// `db init` brings it up to date; then careerpath's own folding is written into the rows
    /// recorded before, and they are found by name as new ones are.
    @Test func dbInitBringsASchemaOneServerUpToDateWithFoldedNames() throws {
        let organisation = try organisation("upgrade")
        defer { try? FileManager.default.removeItem(at: organisation.folder) }
        let admin = organisation.administrator
        let people = try People(in: organisation.folder)
        #expect(try organisation.careerpath(admin, ["run", "--answers", people.withID, "--format", "json"]).status == 0)
        // As schema 1 left it: no folded names.
        _ = try rowsIn(
            organisation, as: admin,
            "DELETE FROM careerpath.schema_version WHERE version >= 2; ALTER TABLE careerpath.session DROP COLUMN person_fold")
        let refused = try organisation.careerpath(admin, ["history", "E7001"])
        #expect(refused.status == 64)
        #expect(refused.errorLines == [
            "careerpath: the shared history \(redacted(organisation, admin)) was set up by an older careerpath (schema 1, this one needs 3): "
                + "its administrator brings it up to date with `careerpath db init`"
        ])
        let upgraded = try organisation.careerpath(admin, ["db", "init"])
        #expect(upgraded.status == 0, "\(upgraded.standardError)")
        #expect(upgraded.outputLines.first?.hasPrefix("Set up the shared history \(redacted(organisation, admin)) (schema 2, 3);") == true)
        #expect(try rowsIn(organisation, as: admin, "SELECT person_fold FROM careerpath.session") == ["İlkay Gündoğan".lowercased()])
        let history = try organisation.careerpath(admin, ["history", "İLKAY GÜNDOĞAN"])
        #expect(history.outputLines.first == "İlkay Gündoğan (E7001): 1 recorded session", "\(history.standardError)")
        let again = try organisation.careerpath(admin, ["db", "init"])
        #expect(again.outputLines.first?.hasPrefix("The shared history \(redacted(organisation, admin)) was up to date (schema 3);") == true)
    }
}
