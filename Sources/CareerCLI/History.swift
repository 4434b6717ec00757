import ArgumentParser
import CareerKit
import Foundation

extension Careerpath {
    /// `careerpath history PERSON`: how a person's track fit and plan moved over time.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a person's recorded sessions: track fits over time, what changed, how each plan went.",
            discussion: """
                PERSON is an employee id, or a name when only one person has it. Sessions are
                recorded when a talk or a run finishes (and by bulk --record).
                Example: careerpath history "Ana Silva"
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: ArgumentHelp("An employee id or a name.", valueName: "person"))
        var person: String

        @Option(name: .long, help: "text (for people) or json (for systems).")
        var format: Format = .text

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.open()
            let records = try store.sessions(personKey: try store.personKey(for: person))
            let report = HistoryReport(records: records)
            Terminal.standardOutput.write(format == .json ? try report.json() : report.text())
        }
    }

    /// `careerpath export`: recorded sessions for HR systems.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export recorded sessions as CSV or JSON Lines, for HR systems.",
            discussion: """
                CSV: one row per session (person, date, track, confidence, fits, target level, plan
                progress). JSON Lines: one full session document per line.
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

        func validate() throws {
            try DateOption.check(since, option: "--since")
        }

        func run() throws {
            let store = try database.open()
            let key = try person.map { try store.personKey(for: $0) }
            let records = try store.sessions(personKey: key, since: since)
            switch format {
            case .jsonl:
                for record in records {
                    let report = HistoryReport(records: [record])
                    var entry = (report.dictionary()["sessions"] as? [[String: Any]])?.first ?? [:]
                    entry["schema"] = "careerpath.session/1"
                    entry["person"] = ["name": record.personName, "id": record.personID.map { $0 as Any } ?? NSNull()]
                    // The whole plan document, as `careerpath run --format json` wrote it.
                    entry["document"] = try? JSONSerialization.jsonObject(with: Data(record.document.utf8))
                    let data = try JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys, .withoutEscapingSlashes])
                    Terminal.standardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
                }
            case .csv:
                Terminal.standardOutput.write(try HistoryCSV.render(records))
            }
        }
    }

    /// `careerpath forget PERSON`: deletes a person's records.
    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete everything the history holds about a person.",
            discussion: """
                For when someone leaves or asks. Asks to confirm on a terminal; --yes skips the
                question (and is required when not on a terminal). Says how many sessions went.
                """)

        @Argument(help: ArgumentHelp("An employee id or a name.", valueName: "person"))
        var person: String

        @Flag(name: .long, help: "Do not ask to confirm.")
        var yes = false

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.open()
            let key = try store.personKey(for: person)
            let sessions = try store.sessions(personKey: key)
            let name = sessions.last?.personName ?? person
            if !yes {
                guard Terminal.standardInput.isTTY else {
                    throw CareerError.usage("forget deletes records for good: add --yes to confirm when not on a terminal")
                }
                Terminal.standardOutput.write("Delete \(sessions.count) session\(sessions.count == 1 ? "" : "s") of \(name) for good? [y/N] ")
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    Terminal.standardOutput.write("Nothing deleted.\n")
                    return
                }
            }
            let count = try store.forget(personKey: key)
            // The conversation files too: saved sessions and the plans talk wrote for them.
            let sessionStore = SessionStore(directory: AppDirectories.current().sessions)
            var files = 0
            for (path, record) in sessionStore.all()
            where HistoryRecord.personKey(for: record.asAnswers.person) == key {
                for file in record.planFiles + [path] where (try? FileManager.default.removeItem(atPath: file)) != nil {
                    files += 1
                }
            }
            var message = "Deleted \(count) session\(count == 1 ? "" : "s") of \(name)"
            if files > 0 { message += " and \(files) session and plan file\(files == 1 ? "" : "s")" }
            Terminal.standardOutput.write(message + ".\n")
        }
    }
}
