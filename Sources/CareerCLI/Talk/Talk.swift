import ArgumentParser
import CareerKit
import Foundation

extension Careerpath {
    /// `careerpath talk`: the interactive conversation.
    struct Talk: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hold a career conversation: a one-on-one, a self-assessment, or a manager's preparation.",
            discussion: """
                Walks through the questions in GROW order (Goal, Reality, Options, Will), saying \
                whose turn it is. Answer with a number, the words, or their first letters (TAB \
                completes). Every accepted answer is saved at once, so nothing is lost if the \
                laptop closes: resume with --resume. At the end it shows the track fit and writes \
                the plan (Markdown, JSON and HTML).

                Commands: :help :back :skip :review :fit :note TEXT :who :save :quit
                Ctrl-C clears the line; Ctrl-D saves and stops.

                Examples:
                  careerpath talk --person "Ana Silva" --manager "Jordan Lee" --level ic.senior
                  careerpath talk --mode self
                  careerpath talk --list
                  careerpath talk --resume "Ana Silva"
                """)

        @Option(name: .long, help: ArgumentHelp("The contributor's name.", valueName: "name"))
        var person: String?

        @Option(name: .long, help: ArgumentHelp("The manager's name.", valueName: "name"))
        var manager: String?

        @Option(name: .long, help: "one-on-one (both answer), self (contributor alone) or manager (manager alone).")
        var mode: Mode?

        @Option(name: .long, help: ArgumentHelp("The contributor's current level id, e.g. ic.senior.", valueName: "level"))
        var level: String?

        @Option(name: .long, help: ArgumentHelp("An employee id for the contributor.", valueName: "id"))
        var personID: String?

        @Option(name: .long, help: ArgumentHelp("Continue a saved session: its id, the person's name, or the file.", valueName: "session"))
        var resume: String?

        @Flag(name: .long, help: "List the unfinished sessions and stop.")
        var list = false

        @Option(name: .long, help: ArgumentHelp("Where to write the plan files. (default: the careerpath data folder)", valueName: "dir"))
        var out: String?

        @Option(name: .long, help: ArgumentHelp("The session date, YYYY-MM-DD. (default: today)", valueName: "date"))
        var date: String?

        @Flag(name: .long, help: "Do not record the finished session in the history database.")
        var noRecord = false

        @OptionGroup var database: DatabaseOption
        @OptionGroup var prompts: PromptsOption

        func validate() throws {
            try DateOption.check(date, option: "--date")
            for (option, value) in [("--person", person), ("--manager", manager), ("--person-id", personID)] {
                if let value, value.count > Person.fieldLimit {
                    throw ValidationError("\(option) has \(value.count) characters; allowed: up to \(Person.fieldLimit)")
                }
            }
            if resume != nil, person != nil || level != nil || mode != nil {
                throw ValidationError("--resume continues a saved session; --person, --level and --mode come from it")
            }
        }

        func run() throws {
            let directories = AppDirectories.current()
            let store = SessionStore(directory: directories.sessions)
            if list {
                Terminal.standardOutput.write(listing(store))
                return
            }
            let set = try prompts.load()
            let interactive = Terminal.standardInput.isTTY && Terminal.standardOutput.isTTY
            var reader: any LineReader =
                interactive ? ReadlineReader(historyPath: directories.history) : PlainReader()
            let color = interactive && Terminal.standardOutput.usesColor

            var record: SessionRecord
            if let resume {
                record = try store.find(resume).record
                guard record.status == .open else {
                    throw CareerError.usage("the session '\(record.id)' is finished; its plan is in \(record.planFiles.first ?? "its plan files")")
                }
                Terminal.standardOutput.write("Resuming \(PrintableText.escaped(record.person.name))'s \(record.mode.rawValue) session (\(record.answeredCount) answers so far).\n")
            } else {
                guard let started = try start(reader: &reader, ladder: set.ladder) else {
                    Terminal.standardOutput.write("Stopped before the first question; nothing was saved.\n")
                    return
                }
                record = started
                try store.save(record)
                Terminal.standardOutput.write("Session \(record.id) saved to \(store.path(for: record.id)).\n")
            }
            let engine = DialogEngine(bank: set.bank, mode: record.mode, answers: record.responses, skipped: Set(record.skipped))
            let history = noRecord ? nil : try database.open()
            // A follow-up: the person's last recorded plan, before this session's date.
            // Without an id, a name that only one recorded person has finds their history.
            var personKey = HistoryRecord.personKey(for: record.asAnswers.person)
            if record.person.id == nil, let history, let known = try? history.personKey(for: record.person.name) {
                personKey = known
            }
            let previous = try history?.sessions(personKey: personKey)
                .last { $0.date < record.date && $0.id != record.id && !$0.items.isEmpty }
            if let previous, record.person.id == nil, let id = previous.personID {
                record.person.id = id  // file the new session with the same person
                try store.save(record)
            }
            var loop = TalkLoop(
                prompts: set, store: store, record: record, engine: engine, reader: reader,
                outDirectory: out ?? directories.plans, history: history, previous: previous,
                width: min(100, Terminal.standardOutput.width), color: color, now: Date.init)
            // Input that ends before the last question (a script, a pipe) pauses the session:
            // say so in the exit status, so a script can tell it from a finished one.
            if try loop.run() == .paused, !interactive { throw ExitCode(ExitStatus.paused) }
        }

        /// Asks for what the command line did not say; nil when input ends first.
        private func start(reader: inout any LineReader, ladder: Ladder) throws -> SessionRecord? {
            let out = Terminal.standardOutput
            func ask(_ prompt: String, completions: [String] = []) -> String? {
                reader.setCompletions(completions)
                guard case .line(let line) = reader.read(prompt: prompt) else { return nil }
                // Kept in the session and the plans: no control characters.
                return PrintableText.stripped(line).trimmingCharacters(in: .whitespaces)
            }
            var mode = self.mode
            while mode == nil {
                guard let answer = ask("Session: one-on-one, self or manager? [one-on-one] ", completions: Mode.allCases.map(\.rawValue)) else { return nil }
                if answer.isEmpty { mode = .oneOnOne } else if let match = Mode.allCases.first(where: { $0.rawValue.hasPrefix(answer.lowercased()) }) {
                    mode = match
                } else {
                    out.write("  Allowed: one-on-one, self, manager.\n")
                }
            }
            var name = person
            while name?.isEmpty ?? true {
                guard let answer = ask("Contributor's name: ") else { return nil }
                if answer.count > Person.fieldLimit {
                    out.write("  Allowed: a name of up to \(Person.fieldLimit) characters.\n")
                    continue
                }
                name = answer
            }
            var levelID = level
            if let given = levelID, ladder.level(given) == nil {
                out.write("  '\(given)' is not a level of the ladder.\n")
                levelID = nil
            }
            while levelID == nil {
                let ids = ladder.levels.map(\.id)
                guard let answer = ask("\(name!)'s current level (TAB lists them): ", completions: ids) else { return nil }
                let lowered = answer.lowercased()
                let matches = ladder.levels.filter {
                    $0.id == lowered || $0.title.lowercased() == lowered
                }
                let prefixed = matches.isEmpty
                    ? ladder.levels.filter { $0.id.hasPrefix(lowered) || $0.title.lowercased().hasPrefix(lowered) } : matches
                if !answer.isEmpty, prefixed.count == 1 {
                    levelID = prefixed[0].id
                } else {
                    out.write("  Allowed: " + ladder.levels.map { "\($0.id) (\($0.title))" }.joined(separator: ", ") + "\n")
                }
            }
            var managerName = manager
            if managerName == nil, mode != .selfAssessment {
                guard let answer = ask("Manager's name (Enter to leave out): ") else { return nil }
                managerName = answer.isEmpty ? nil : String(answer.prefix(Person.fieldLimit))
            }
            let sessionDate = date ?? SessionDate.format(Date())
            managerName = managerName.map(PrintableText.stripped)
            let personRecord = Person(
                name: PrintableText.stripped(name!), id: personID.map(PrintableText.stripped), currentLevel: levelID!)
            return SessionRecord(
                id: SessionStore.newID(person: name!, date: sessionDate), person: personRecord, managerName: managerName,
                mode: mode!, date: sessionDate, now: Date())
        }

        private func listing(_ store: SessionStore) -> String {
            let open = store.all().filter { $0.record.status == .open }
            guard !open.isEmpty else { return "No unfinished sessions.\n" }
            var lines = ["Unfinished sessions (resume with careerpath talk --resume ID):"]
            for (_, record) in open {
                let updated = String(record.updated.prefix(16)).replacingOccurrences(of: "T", with: " ")
                lines.append(
                    "  \(PrintableText.escaped(record.id))  \(PrintableText.escaped(record.person.name)), \(record.mode.rawValue), \(record.answeredCount) answers, last saved \(updated)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

extension Mode: ExpressibleByArgument {}
