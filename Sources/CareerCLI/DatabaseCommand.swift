import ArgumentParser
import CareerKit
import Foundation

extension Careerpath {
    /// `careerpath db`: setting up an organisation's shared history on its PostgreSQL server.
    struct DatabaseCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Set up a shared history on a PostgreSQL server: tables, org chart, imports.",
            discussion: """
                The server finds who may see what: contributors their own sessions, managers \
                those of everyone below them, members of careerpath_hr everything.
                Examples:
                  careerpath db init postgres://admin@db.example.com/careerpath
                  careerpath db org org.csv
                  careerpath db import ~/.local/share/careerpath/history.sqlite
                """,
            subcommands: [Init.self, Org.self, Import.self])

        /// The shared history the settings (or an argument) name; a SQLite file is refused.
        static func server(_ url: String?, _ database: DatabaseOption, command: String) throws -> String {
            let location = try url.map(HistoryLocation.init) ?? database.location()
            guard case .server(let url) = location else {
                throw CareerError.usage(
                    "db \(command) is for a shared history on a PostgreSQL server (a postgres:// URL in --db, CAREERPATH_DB or the config file); '\(location.shown)' is a SQLite file")
            }
            return url
        }

        struct Init: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "init",
                abstract: "Create or bring up to date the shared history's tables, policies and the role careerpath_hr.",
                discussion: """
                    Run once by the organisation's administrator (a login that may create tables and \
                    roles); running it again is safe and brings an older schema up to date. The \
                    tables belong to that login.
                    Example: careerpath db init postgres://admin@db.example.com/careerpath
                    """)

            @Argument(help: ArgumentHelp("The server's URL. (default: --db, CAREERPATH_DB or the config file)", valueName: "url"))
            var url: String?

            @OptionGroup var database: DatabaseOption

            func run() throws {
                let url = try DatabaseCommand.server(url, database, command: "init")
                let setup = try PostgresHistoryStore.initialize(url: url)
                let place = PrintableText.escaped(HistoryLocation(url).shown)
                let done = setup.applied.isEmpty
                    ? "The shared history \(place) was up to date (schema \(PostgresHistoryStore.schemaVersion))"
                    : "Set up the shared history \(place) (schema \(setup.applied.map(String.init).joined(separator: ", ")))"
                Terminal.standardOutput.write(
                    done + "; its rules and the role careerpath_hr are in place, owned by \(PrintableText.escaped(setup.owner)).\n"
                        + "Next: careerpath db org org.csv (who reports to whom), and GRANT careerpath_hr TO each HR login.\n")
            }
        }

        struct Org: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "org",
                abstract: "Load who reports to whom into the shared history (it replaces the org chart).",
                discussion: """
                    FILE is a CSV file with the columns person.id, person.name, login (the person's \
                    database login) and manager.login (their manager's; empty at the top). The file is \
                    the whole organisation: anyone left out is no longer in the chart.
                    Example: careerpath db org org.csv
                    """)

            @Argument(help: ArgumentHelp("The org chart, CSV.", valueName: "file"))
            var file: String

            @OptionGroup var database: DatabaseOption

            func run() throws {
                let chart = try OrgChart.load(path: file)
                let url = try DatabaseCommand.server(nil, database, command: "org")
                let store = try PostgresHistoryStore(url: url)
                let filed = try store.loadOrg(chart)
                let managers = Set(chart.people.compactMap(\.managerLogin)).count
                Terminal.standardOutput.write(
                    "Loaded \(chart.people.count) people (\(managers) manager\(managers == 1 ? "" : "s")) into the org chart of \(PrintableText.escaped(store.path))"
                        + (filed > 0 ? "; \(filed) session\(filed == 1 ? "" : "s") filed again under their logins" : "") + ".\n")
            }
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Copy a local history (a SQLite file) into the shared one.",
                discussion: """
                    Every recorded session with its plan and the statuses follow-ups gave it, 256 per \
                    transaction; a session already there (the same id) is replaced, so an import can \
                    be run again. The server's rules apply: you import only sessions you may write.
                    Example: careerpath db import ~/.local/share/careerpath/history.sqlite
                    """)

            @Argument(help: ArgumentHelp("The local history file.", valueName: "file"))
            var file: String

            @OptionGroup var database: DatabaseOption

            func run() throws {
                guard FileManager.default.fileExists(atPath: file) else {
                    throw CareerError.cannotRead(path: file, reason: "no such history file")
                }
                let records = try HistoryStore(path: file).sessions(personKey: nil, since: nil)
                let url = try DatabaseCommand.server(nil, database, command: "import")
                let store = try PostgresHistoryStore(url: url)
                var start = 0
                while start < records.count {
                    let batch = Array(records[start..<min(records.count, start + 256)])
                    try store.record(batch)
                    start += batch.count
                }
                let people = Set(records.map(\.personKey)).count
                Terminal.standardOutput.write(
                    "Imported \(records.count) session\(records.count == 1 ? "" : "s") of \(people) \(people == 1 ? "person" : "people") from \(PrintableText.escaped(file)) into \(PrintableText.escaped(store.path)).\n")
            }
        }
    }
}
