import CareerKit
import Foundation

/// The start of a talk: asks for what the command line did not say (the kind of session, the
/// names, the contributor's level), picks up the preparations a one-on-one follows, and says
/// on the first screen what the session will ask.
struct TalkStart {
    var mode: Mode?
    var person: String?
    var personID: String?
    var manager: String?
    var level: String?
    var fresh: Bool
    /// The session date, `YYYY-MM-DD`.
    let date: String
    let store: SessionStore
    let history: (any HistoryStorage)?
    let prompts: PromptSet
    /// Columns for the lines it writes.
    let width: Int
    /// Preparations sent as files (`--preparation`), already checked.
    var sent: [SessionRecord] = []

    struct Started {
        var record: SessionRecord
        /// What the first screen says about the session.
        var opening: String
    }

    private var out: Terminal { .standardOutput }
    private var ladder: Ladder { prompts.ladder }

    /// Asks what is missing and builds the session; nil when input ends first.
    mutating func run(reader: inout any LineReader) throws -> Started? {
        func ask(_ prompt: String, completions: Completions = Completions([])) -> String? {
            reader.setCompletions(completions)
            guard case .line(let line) = reader.read(prompt: prompt) else { return nil }
            // Kept in the session and the plans: no control characters.
            return PrintableText.stripped(line).trimmingCharacters(in: .whitespaces)
        }
        // `talk --person NAME` is the one-on-one; the preparations say --mode.
        if mode == nil, person != nil { mode = .oneOnOne }
        while mode == nil {
            guard let answer = ask("Session: one-on-one, self or manager? [one-on-one] ", completions: Completions(Mode.allCases.map(\.rawValue), wholeLine: true))
            else { return nil }
            if answer.isEmpty {
                mode = .oneOnOne
            } else if let match = Mode.allCases.first(where: { $0.rawValue.hasPrefix(answer.lowercased()) }) {
                mode = match
            } else {
                out.write("  Allowed: one-on-one, self, manager.\n")
            }
        }
        while person?.isEmpty ?? true {
            guard let answer = ask("Contributor's name: ") else { return nil }
            if answer.count > Person.fieldLimit {
                out.write("  Allowed: a name of up to \(Person.fieldLimit) characters.\n")
                continue
            }
            person = answer
        }
        let name = PrintableText.stripped(person!)
        let mode = self.mode!
        // With a shared history, preparations finished on other laptops count too (those this
        // login may see: never a manager's preparation for the contributor).
        var shared = sent
        if mode == .oneOnOne, !fresh, let history, let earliest = Preparations.earliestDate(before: date) {
            shared += (try? history.preparations(person: name, personID: personID, earliest: earliest, latest: date)) ?? []
        }
        let preparations = mode == .oneOnOne && !fresh
            ? Preparations.find(
                in: store, shared: shared, person: name, personID: personID, manager: manager, date: date, prompts: prompts)
            : Preparations()

        var levelID: String? = preparations.currentLevel
        if let given = level {
            let matches = ladder.levels(matching: given)
            if matches.count == 1 {
                levelID = matches[0].id
            } else if reader.isInteractive {
                say(problem(given, matches: matches))
            } else {
                // From a script the next line is an answer, not a level: the option is wrong.
                throw CareerError.usage("--level: " + problem(given, matches: matches))
            }
        }
        let known = levelID == nil ? lastKnownLevel(name) : nil
        while levelID == nil {
            let prompt = known.map { "\(name)'s current level [\($0.title)] (Enter keeps it; TAB lists the levels by rung): " }
                ?? "\(name)'s current level (TAB lists the levels by rung): "
            guard let answer = ask(prompt, completions: Completions(ladder.levelsByRung().map(\.title), wholeLine: true)) else {
                return nil
            }
            if answer.isEmpty, let known {
                levelID = known.id
                continue
            }
            let matches = ladder.levels(matching: answer)
            if matches.count == 1 {
                levelID = matches[0].id
                if answer.lowercased() != matches[0].id { out.write("  \(matches[0].title) (\(matches[0].id)).\n") }
            } else {
                say(problem(answer, matches: matches))
            }
        }
        var managerName = manager ?? preparations.managerPreparation?.managerName
        var askManager = managerName == nil && mode != .selfAssessment
        while askManager {
            guard let answer = ask("Manager's name (Enter to leave out): ") else { return nil }
            // Too long is asked again, like the contributor's name: never cut silently.
            if answer.count > Person.fieldLimit {
                out.write("  Allowed: a name of up to \(Person.fieldLimit) characters.\n")
                continue
            }
            managerName = answer.isEmpty ? nil : answer
            askManager = false
        }
        managerName = managerName.map(PrintableText.stripped)
        let contributor = Person(name: name, id: personID.map(PrintableText.stripped), currentLevel: levelID!)
        let id = SessionStore.newID(person: name, date: date)
        if !preparations.records.isEmpty {
            let meeting = preparations.meeting(
                id: id, person: contributor, managerName: managerName, date: date, prompts: prompts, now: Date())
            return Started(
                record: meeting.record,
                opening: TalkOpening.prepared(meeting.record, preparations: preparations, leftOut: meeting.agenda.leftOut, prompts: prompts))
        }
        var record = SessionRecord(id: id, person: contributor, managerName: managerName, mode: mode, date: date, now: Date())
        // A follow-up: the person's last finished session of this kind gives its answers, kept
        // or offered as defaults as the bank says.
        if !fresh, let earlier = FollowUp.earlierSession(
            in: store.all(prompts: prompts).map(\.record), person: name, personID: personID, mode: mode, before: date)
        {
            let followUp = FollowUp(earlier: earlier, bank: prompts.bank, mode: mode)
            record.follow(followUp)
            return Started(record: record, opening: TalkOpening.followUp(record, followUp: followUp, prompts: prompts))
        }
        return Started(record: record, opening: TalkOpening.unprepared(record, fresh: fresh, prompts: prompts))
    }

    private func say(_ text: String) {
        out.write(TextWrap.lines(text, width: width, indent: "  ").joined(separator: "\n") + "\n")
    }

    /// Why a typed level was not taken: it fits several, or none (then the levels by rung).
    private func problem(_ typed: String, matches: [Ladder.Level]) -> String {
        let quoted = PrintableText.quoted(typed)
        if matches.count > 1 {
            let named = matches.map { "\($0.title) (\($0.id))" }
            return "\(quoted) could be \(named.dropLast().joined(separator: ", ")) or \(named.last!); type more of it."
        }
        let rows = ladder.rungRows().rows
        let rungs = Dictionary(grouping: ladder.levelsByRung()) { rows[$0.id] ?? 0 }.sorted { $0.key < $1.key }
        let listed = rungs.map { $0.value.map { "\($0.title) (\($0.id))" }.joined(separator: " or ") }
        return "No level is called \(quoted). The levels, lowest rung first: " + listed.joined(separator: "; ") + "."
    }

    /// The level of this person's latest recorded session, or of their latest session file.
    private func lastKnownLevel(_ name: String) -> Ladder.Level? {
        if let history, let person = try? history.person(for: personID ?? name),
            let last = try? history.sessions(of: person).last, let level = ladder.level(last.currentLevel)
        {
            return level
        }
        let wanted = name.lowercased()
        return store.all().first { $0.record.person.name.lowercased() == wanted }.flatMap { ladder.level($0.record.person.currentLevel) }
    }
}
