import ArgumentParser
import CareerKit
import Foundation

extension Careerpath {
    /// `careerpath history PERSON`: how a person's track fit and plan moved over time.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Show a person's recorded sessions: track fits over time, what changed, how each plan went.",
            discussion: """
                PERSON is an employee id, or a name when only one person has it (two people \
                without an id who share a name are listed, with what to type to choose one). \
                Sessions are recorded when a talk or a run finishes (and by bulk --record). \
                --list shows everyone in the history; a name that matches nobody gets the closest \
                ones suggested.
                Example: careerpath history "Ana Silva"; careerpath history --list
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: ArgumentHelp("An employee id or a name.", valueName: "person"))
        var person: String?

        @Flag(name: .long, help: "List everyone in the history instead: name, id, sessions, last session, level, manager.")
        var list = false

        @Option(name: .long, help: "text (for people) or json (for systems).")
        var format: Format = .text

        @OptionGroup var database: DatabaseOption

        func validate() throws {
            if list, person != nil { throw ValidationError("give a person or --list, not both") }
            if !list, person == nil { throw ValidationError("name a person (an employee id or a name), or use --list to see who is in the history") }
        }

        func run() throws {
            let store = try database.open(reading: true)
            guard let person else {
                Terminal.standardOutput.write(Self.listing(try store.sessions(personKey: nil, since: nil), json: format == .json))
                return
            }
            let found = try Suggestions.person(person, in: store) { try store.person(for: person) }
            let report = HistoryReport(records: try store.sessions(of: found))
            Terminal.standardOutput.write(format == .json ? report.json() : report.text())
        }

        /// Everyone recorded, one line each, by name: what to type to see their history.
        static func listing(_ records: [HistoryRecord], json: Bool) -> String {
            var people: [String: [HistoryRecord]] = [:]
            for record in records { people[record.personKey, default: []].append(record) }
            let rows = people.map { key, records -> (key: String, latest: HistoryRecord, count: Int) in
                (key, records.max { ($0.date, $0.id) < ($1.date, $1.id) }!, records.count)
            }.sorted { NaturalOrder.precedes($0.latest.personName, $1.latest.personName) || ($0.latest.personName == $1.latest.personName && $0.key < $1.key) }
            if json {
                return rows.map { row in
                    let object: [String: Any] = [
                        "name": row.latest.personName, "id": row.latest.personID ?? NSNull(), "sessions": row.count,
                        "last_session": row.latest.date, "current_level": row.latest.currentLevel, "key": row.key,
                    ]
                    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
                    return String(decoding: data, as: UTF8.self) + "\n"
                }.joined()
            }
            guard !rows.isEmpty else { return "Nobody is in the history yet.\n" }
            var lines = ["\(rows.count) \(rows.count == 1 ? "person" : "people") in the history:"]
            for row in rows {
                let latest = row.latest
                let id = latest.personID.map { " (\(PrintableText.escaped($0)))" } ?? ""
                lines.append(
                    "  \(PrintableText.escaped(latest.personName))\(id): \(row.count) session\(row.count == 1 ? "" : "s"), last \(latest.date), \(PrintableText.escaped(latest.currentLevel))")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// `careerpath export`: recorded sessions for HR systems.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export recorded sessions as CSV or JSON Lines, for HR systems.",
            discussion: """
                CSV: one row per session (person, date, track, confidence, fits, target level, plan \
                progress, then the manager's id and name, the level titles and the committed budget in \
                its own currency and in the catalog's). JSON Lines: one full session document per line.
                Example: careerpath export --since 2026-01-01 --format csv > sessions.csv
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, jsonl }

        @Option(name: .long, help: ArgumentHelp("Only this person (an id or a name).", valueName: "person"))
        var person: String?

        @Option(name: .long, help: ArgumentHelp("Only sessions on or after this date, YYYY-MM-DD.", valueName: "date"))
        var since: String?

        @Option(name: .long, help: "csv or jsonl.")
        var format: Format

        @OptionGroup var database: DatabaseOption
        /// For the CSV's level titles and the catalog's currency and rates.
        @OptionGroup var prompts: PromptsOption

        func validate() throws {
            try DateOption.check(since, option: "--since")
        }

        func run() throws {
            let store = try database.open(reading: true)
            let keys = try person.map { reference in try Suggestions.person(reference, in: store) { try store.person(for: reference).keys } }
            let records = try store.sessions(personKeys: keys, since: since)
            switch format {
            case .jsonl:
                for record in records { Terminal.standardOutput.write(HistoryReport.exportLine(record)) }
            case .csv:
                Terminal.standardOutput.write(try HistoryCSV.render(records, prompts: try prompts.load()))
            }
        }
    }

    /// `careerpath forget PERSON`: deletes everything careerpath keeps about a person.
    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget",
            abstract: "Delete everything careerpath keeps about a person.",
            discussion: """
                For when someone leaves or asks: their recorded sessions, their session files \
                (unfinished ones too) and the plans talk wrote for them, and the lines of the \
                line-editing history that name them. Asks to confirm on a terminal; --yes skips \
                the question (and is required when not on a terminal). Says everything it removed.
                """)

        @Argument(help: ArgumentHelp("An employee id or a name.", valueName: "person"))
        var person: String

        @Flag(name: .long, help: "Do not ask to confirm.")
        var yes = false

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let directories = AppDirectories.current()
            // Someone with only an unfinished session is found without a database.
            let store = database.exists ? try database.open() : nil
            let found = try Suggestions.person(person, in: store) {
                try Forgetting.find(
                    person, history: store, sessions: SessionStore(directory: directories.sessions), plans: directories.plans,
                    lineHistories: [directories.lineHistory, directories.formerLineHistory])
            }
            let name = PrintableText.escaped(found.name)
            if !yes {
                guard Terminal.standardInput.isTTY else {
                    throw CareerError.usage("forget deletes records for good: add --yes to confirm when not on a terminal")
                }
                Terminal.standardOutput.write("Delete everything about \(name) for good (\(Self.summary(found)))? [y/N] ")
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    Terminal.standardOutput.write("Nothing deleted.\n")
                    return
                }
            }
            let done = try found.perform(history: store)
            Terminal.standardOutput.write(Self.report(done))
            // Sessions of theirs still waiting on this laptop for the shared history go too.
            let waiting = try DatabaseOption.outbox.forget(personKeys: found.personKeys, names: found.terms)
            if waiting > 0 {
                Terminal.standardOutput.write(
                    "Deleted \(Self.plural(waiting, "session")) of \(PrintableText.escaped(done.name)) waiting on this laptop to be sent to the shared history.\n")
            }
        }

        static func plural(_ count: Int, _ noun: String) -> String {
            "\(count) \(noun)\(count == 1 ? "" : "s")"
        }

        /// What would go, in a few words.
        static func summary(_ found: Forgetting) -> String {
            var parts = [plural(found.recordedSessions, "recorded session")]
            if !found.sessionFiles.isEmpty { parts.append(plural(found.sessionFiles.count, "session file")) }
            if !found.planFiles.isEmpty { parts.append(plural(found.planFiles.count, "plan file")) }
            if found.historyLines > 0 { parts.append(plural(found.historyLines, "line") + " of line-editing history") }
            return parts.joined(separator: ", ")
        }

        /// Every thing that went, one line each.
        static func report(_ done: Forgetting) -> String {
            let name = PrintableText.escaped(done.name)
            var lines: [String] = []
            if !done.personKeys.isEmpty {
                lines.append("Deleted \(plural(done.recordedSessions, "recorded session")) of \(name) from the history.")
            }
            for file in done.sessionFiles { lines.append("Deleted the session file \(PrintableText.escaped(file)).") }
            for file in done.planFiles { lines.append("Deleted the plan file \(PrintableText.escaped(file)).") }
            for file in done.lockFiles { lines.append("Deleted the lock file \(PrintableText.escaped(file)) of a talk that stopped.") }
            for file in done.plansElsewhere {
                lines.append(
                    "Left the plan file \(PrintableText.escaped(file)): it is outside careerpath's plans folder (written with "
                        + "talk --out), so forget does not touch it; delete it yourself if it should go.")
            }
            if done.historyLines > 0 {
                lines.append(
                    "Removed \(plural(done.historyLines, "line")) naming \(name) or holding a note from the line-editing history "
                        + "(\(done.lineHistories.map(PrintableText.escaped).joined(separator: ", "))).")
            }
            return lines.map { $0 + "\n" }.joined()
        }
    }
}
