import ArgumentParser
import CareerKit
import Foundation

extension Careerpath {
    /// `careerpath talk`: the interactive conversation.
    struct Talk: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "talk",
            abstract: "Hold a career conversation: a self-assessment, a manager's preparation, or a one-on-one.",
            discussion: """
                The contributor and the manager each prepare alone, on their own time (--mode self and \
                --mode manager). The one-on-one then picks up both preparations from the last 90 days \
                and asks only what is left: where the two views differ, one at a time, then options and \
                next steps, in at most 20 questions. Without preparations (or with --fresh) it walks \
                every question in GROW order (Goal, Reality, Options, Will).

                A follow-up (someone whose last session of the same kind is finished) starts from \
                that session's answers: it asks again only what is likely to change, each question \
                showing last time's answer (Enter keeps it), and keeps the rest as it was (:review kept \
                lists them); a one-on-one reaches the plan in at most 20 questions. --fresh asks everything.

                Answer with a number, the words, or their first letters (TAB completes). Every accepted \
                answer is saved at once, so nothing is lost if the laptop closes: resume with --resume. \
                At the end it shows the track fit and writes the plan (Markdown, JSON and HTML).

                Commands: \(TalkCommand.allCases.map(\.usage).joined(separator: " "))
                Ctrl-C clears the line; Ctrl-D saves and stops.

                Examples:
                  careerpath talk --mode self --person "Ana Silva" --level senior
                  careerpath talk --mode manager --person "Ana Silva" --manager "Jordan Lee"
                  careerpath talk --person "Ana Silva" --manager "Jordan Lee"
                  careerpath talk --list
                  careerpath talk --resume "Ana Silva"
                """)

        @Option(name: .long, help: ArgumentHelp("The contributor's name.", valueName: "name"))
        var person: String?

        @Option(name: .long, help: ArgumentHelp("The manager's name.", valueName: "name"))
        var manager: String?

        @Option(name: .long, help: "one-on-one (both together), self (the contributor alone) or manager (the manager alone).")
        var mode: Mode?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The contributor's current level: an id such as ic.senior, a title, or a word of it (senior, EM).",
                valueName: "level"))
        var level: String?

        @Option(name: .long, help: ArgumentHelp("An employee id for the contributor.", valueName: "id"))
        var personID: String?

        @Option(name: .long, help: ArgumentHelp("Continue a saved session: its id, the person's name, or the file.", valueName: "session"))
        var resume: String?

        @Flag(name: .long, help: "List the unfinished sessions and stop.")
        var list = false

        @Flag(name: .long, help: "Ask every question, leaving aside any preparations and the answers of the last session of this kind.")
        var fresh = false

        @Option(name: .long, help: ArgumentHelp("Where to write the plan files. (default: the careerpath data folder)", valueName: "dir"))
        var out: String?

        @Option(name: .long, help: ArgumentHelp("The session date, YYYY-MM-DD. (default: today)", valueName: "date"))
        var date: String?

        @Flag(name: .long, help: "Do not record the finished session in the history database.")
        var noRecord = false

        @Option(
            name: .long,
            help: ArgumentHelp(
                "A preparation someone sent (written by --write-preparation), for a one-on-one without a shared history; repeat for both.",
                valueName: "file"))
        var preparation: [String] = []

        @Option(
            name: .customLong("write-preparation"),
            help: ArgumentHelp("With --mode self or manager: also write the finished preparation to this file, to send.", valueName: "file"))
        var writePreparation: String?

        @OptionGroup var database: DatabaseOption
        @OptionGroup var prompts: PromptsOption

        func validate() throws {
            try DateOption.check(date, option: "--date")
            for (option, value) in [("--person", person), ("--manager", manager), ("--person-id", personID)] {
                if let value, value.count > Person.fieldLimit {
                    throw ValidationError("\(option) has \(value.count) characters; allowed: up to \(Person.fieldLimit)")
                }
                if let value, value.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
                    throw ValidationError("\(option) is empty; give a name or leave the option out to be asked")
                }
            }
            if resume != nil, person != nil || level != nil || mode != nil || fresh {
                throw ValidationError("--resume continues a saved session; --person, --level, --mode and --fresh come from it")
            }
            if !preparation.isEmpty {
                if let mode, mode != .oneOnOne {
                    throw ValidationError("--preparation is for a one-on-one, which takes the preparations sent to it; --mode \(mode.rawValue) makes one")
                }
                if resume != nil || fresh || person == nil {
                    throw ValidationError("--preparation needs --person (whose preparation it is), and neither --resume nor --fresh")
                }
            }
            if writePreparation != nil, resume == nil, mode == nil || mode == .oneOnOne {
                throw ValidationError("--write-preparation is for --mode self or --mode manager: a one-on-one is no preparation")
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
                interactive ? ReadlineReader(historyPath: try LineHistory.refusingLinks(directories.adoptingFormerLineHistory())) : PlainReader()
            let color = interactive && Terminal.standardOutput.usesColor
            let width = min(100, Terminal.standardOutput.width)
            // Looking back needs the history only where one exists; a first talk creates it
            // when it records the finished session, not before the first question.
            // A shared history out of reach does not stop the conversation: it starts without
            // looking back, and its record waits on this laptop.
            var history: (any HistoryStorage)?
            do {
                history = !noRecord && database.exists ? try database.open() : nil
            } catch let error as CareerError where DatabaseOption.keptForLater(error) != nil {
                Terminal.standardError.write(
                    "careerpath: \(error); this conversation starts without looking back at recorded sessions\n")
            }

            var record: SessionRecord
            // Held for the whole talk (the kernel lets go if it crashes): a second talk of the
            // same session is refused rather than saving over this one's answers.
            var lock: SessionLock?
            defer { lock?.release() }
            if let resume {
                record = try store.find(resume, prompts: set).record
                lock = try SessionLock.take(session: store.path(for: record.id))
                // Read again under the lock: a talk that just ended may have saved since.
                if let saved = try? SessionStore.load(path: store.path(for: record.id), prompts: set), saved.id == record.id { record = saved }
                guard record.status == .open else {
                    throw CareerError.usage("the session '\(record.id)' is finished; its plan is in \(record.planFiles.first ?? "its plan files")")
                }
                let progress = record.agenda == nil
                    ? "\(record.ownAnswerCount) answers so far"
                    : "\(record.covered?.count ?? 0) of \(record.engine(bank: set.bank).stepCount) steps done"
                Terminal.standardOutput.write("Resuming \(PrintableText.escaped(record.person.name))'s \(record.mode.rawValue) session (\(progress)).\n")
            } else {
                // Preparations sent as files, checked before the first question.
                let day = date ?? SessionDate.format(Date())
                let sent = try preparation.map {
                    try PreparationFile.load(path: $0, prompts: set, person: PrintableText.stripped(person ?? ""), personID: personID, date: day)
                }
                var start = TalkStart(
                    mode: mode, person: person, personID: personID, manager: manager, level: level, fresh: fresh,
                    date: day, store: store, history: history, prompts: set, width: width, sent: sent)
                guard let started = try start.run(reader: &reader) else {
                    Terminal.standardOutput.write("Stopped before the first question; nothing was saved.\n")
                    // From a pipe or a script, input that ended this early is a failure to say.
                    if !interactive { throw ExitCode(ExitStatus.paused) }
                    return
                }
                record = started.record
                lock = try SessionLock.take(session: store.path(for: record.id))
                try store.save(record)
                Terminal.standardOutput.write(TextWrap.lines(started.opening, width: width).joined(separator: "\n") + "\n")
                Terminal.standardOutput.write("Session \(record.id) saved to \(store.path(for: record.id)).\n")
            }
            // A follow-up: the person's last recorded plan, before this session's date (not a
            // preparation this one-on-one picked up). Without an id, a name that only one
            // recorded person has finds their history.
            var personKeys = [HistoryRecord.personKey(for: record.asAnswers.person)]
            if let history {
                do {
                    personKeys = try history.person(for: record.person.id ?? record.person.name).keys
                } catch CareerError.usage {
                    // Namesakes without an id: which one this is cannot be told, so no plan of
                    // either is reviewed, and neither's history is joined.
                    personKeys = []
                    Terminal.standardError.write(
                        "careerpath: more than one person called \(PrintableText.quoted(record.person.name)) is in the history; "
                            + "this conversation starts without reviewing a last plan\n")
                } catch CareerError.unknownPerson {
                } catch let error as CareerError where DatabaseOption.keptForLater(error) != nil {
                    // A server gone since it opened: the look back below says so once.
                }
            }
            let preparations = Set((record.preparations ?? []).map(\.id))
            var previous: HistoryRecord?
            do {
                previous = try history?.sessions(personKeys: personKeys, since: nil).sorted { ($0.date, $0.id) < ($1.date, $1.id) }.last {
                    $0.date < record.date && $0.id != record.id && !preparations.contains($0.id) && !$0.items.isEmpty
                }
            } catch let error as CareerError {
                // Damage in an old record (or a server gone since) must not stop today's
                // conversation: said, then left.
                if case .damagedDatabase = error {} else if DatabaseOption.keptForLater(error) == nil { throw error }
                Terminal.standardError.write("careerpath: \(error); this conversation starts without reviewing the last plan\n")
            }
            if let previous, record.person.id == nil, let id = previous.personID {
                record.person.id = id  // file the new session with the same person
                try store.save(record)
            }
            if writePreparation != nil, record.mode == .oneOnOne {
                throw CareerError.usage("--write-preparation is for a self-assessment or a manager's preparation; '\(record.id)' is a one-on-one")
            }
            var loop = TalkLoop(
                prompts: set, store: store, record: record, engine: record.engine(bank: set.bank), reader: reader,
                outDirectory: out ?? directories.plans, history: history,
                recordFinished: noRecord ? nil : { [database, history] in try database.recordOrQueue($0, store: history) },
                writePreparation: record.mode == .oneOnOne ? nil : writePreparation,
                previous: previous,
                width: width, color: color, now: Date.init)
            // Input that ends before the last question (a script, a pipe) pauses the session:
            // say so in the exit status, so a script can tell it from a finished one.
            if try loop.run() == .paused, !interactive { throw ExitCode(ExitStatus.paused) }
            if let unsent = loop.unsent { throw ExitCode(ExitStatus.code(for: unsent)) }
        }

        private func listing(_ store: SessionStore) -> String {
            let open = store.all().filter { $0.record.status == .open }
            guard !open.isEmpty else { return "No unfinished sessions.\n" }
            var lines = ["Unfinished sessions (resume with \(CommandLineHint.command("talk", "--resume")) ID):"]
            for (_, record) in open {
                let updated = String(record.updated.prefix(16)).replacingOccurrences(of: "T", with: " ")
                lines.append(
                    "  \(PrintableText.escaped(record.id))  \(PrintableText.escaped(record.person.name)), \(record.mode.rawValue), \(record.ownAnswerCount) answers, last saved \(updated)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

extension Mode: ExpressibleByArgument {}
