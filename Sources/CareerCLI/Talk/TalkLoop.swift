import CareerKit
import Foundation

/// The conversation: feeds typed lines to the dialog engine, renders its questions and
/// events, handles the `:` commands, and saves the session after every accepted answer.
struct TalkLoop {
    let prompts: PromptSet
    let store: SessionStore
    var record: SessionRecord
    var engine: DialogEngine
    var reader: any LineReader
    let outDirectory: String
    /// Where finished sessions are recorded, or nil to leave the history alone.
    let history: HistoryStore?
    /// The last recorded session of this person, reviewed first.
    let previous: HistoryRecord?
    let width: Int
    let color: Bool
    let now: () -> Date

    enum Outcome: Equatable {
        /// Every question done and the plan written.
        case finished
        /// Stopped early; the session is saved and can be resumed.
        case paused
    }

    private var out: Terminal { .standardOutput }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static let commands = [":help", ":back", ":skip", ":review", ":fit", ":note", ":who", ":save", ":quit"]

    /// Runs until the dialog ends or the person stops.
    mutating func run() throws -> Outcome {
        if let previous, let review = PlanReview(previous: previous, date: record.date) {
            record.follows = previous.id
            let store = self.store
            guard try review.run(record: &record, reader: &reader, save: { try store.save($0) }) else { return try pause() }
        }
        var shownSections: Set<String> = []
        var showCard = true
        while let question = engine.current {
            // A section's heading and intro show once, the first time the dialog reaches it.
            if shownSections.insert(question.section.id).inserted {
                out.write("\n" + paint("== \(question.section.title) ==", "1;34") + "\n")
                if !question.section.intro.isEmpty { out.write(wrap(question.section.intro) + "\n") }
                showCard = true
            }
            let card = QuestionCard(
                question: question, personName: record.person.name, managerName: record.managerName, width: width,
                color: color)
            if showCard { out.write("\n" + card.render()) }
            showCard = false
            reader.setCompletions(completions(for: question))
            let prompt = question.role == .contributor ? "contributor> " : "manager> "
            switch reader.read(prompt: prompt) {
            case .end:
                return try pause()
            case .line(let raw):
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line == "?" {
                    out.write(paint("  " + question.item.help, "2") + "\n")
                    continue
                }
                if line.hasPrefix(":") {
                    switch try command(line, question: question) {
                    case .stay: continue
                    case .redraw: showCard = true
                    case .quit:
                        return try pause()
                    }
                    continue
                }
                switch engine.handle(.answer(line)) {
                case .accepted, .skipped:
                    try save()
                    showCard = true
                case .rejected(_, let problem):
                    out.write(paint("  Not accepted: ", "31") + problem.message + "\n")
                case .cannotSkip:
                    out.write("  This question needs an answer.\n")
                default:
                    showCard = true
                }
            }
        }
        try finish()
        return .finished
    }

    enum CommandResult { case stay, redraw, quit }

    private mutating func command(_ line: String, question: Question) throws -> CommandResult {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts[0].lowercased()
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case ":help", ":h":
            out.write(helpText())
            return .stay
        case ":back", ":b":
            if case .atFirstQuestion = engine.handle(.back) {
                out.write("  This is the first question.\n")
                return .stay
            }
            return .redraw
        case ":skip", ":s":
            switch engine.handle(.skip) {
            case .cannotSkip:
                out.write("  This question needs an answer; it cannot be skipped.\n")
                return .stay
            default:
                try save()
                return .redraw
            }
        case ":review", ":r":
            out.write(review())
            return .stay
        case ":fit", ":f":
            out.write(fit())
            return .stay
        case ":note", ":n":
            guard !argument.isEmpty else {
                out.write("  Type the note after the command, e.g. :note wants to try the on-call rotation\n")
                return .stay
            }
            record.notes.append(PrintableText.stripped(argument))
            try save()
            out.write("  Note kept; it will be printed in the plan.\n")
            return .stay
        case ":who", ":w":
            let who = question.role == .contributor
                ? "\(record.person.name)'s turn (the contributor)"
                : (record.managerName.map { "\($0)'s turn (the manager)" } ?? "the manager's turn")
            out.write("  It is \(who): question \(question.index) of \(question.total), \(question.section.title).\n")
            return .stay
        case ":save":
            try save()
            out.write("  Saved to \(store.path(for: record.id)).\n")
            return .stay
        case ":quit", ":q", ":exit":
            try save()
            return .quit
        default:
            out.write("  Unknown command '\(parts[0])'; :help lists the commands.\n")
            return .stay
        }
    }

    private func completions(for question: Question) -> [String] {
        var words = Self.commands
        switch question.item.kind {
        case .pick(_, let choices):
            words += choices.map(\.value)
        case .scale(let scale):
            // The first word of each label is enough: a unique prefix is accepted.
            words += scale.points.compactMap { scale.labels[$0]?.split(separator: " ").first.map(String.init) }
            if scale.notObserved != nil { words.append(AnswerValue.notObservedText) }
        default:
            words += question.item.kind.choices.map(\.value)
        }
        return words
    }

    private mutating func save() throws {
        record.record(engine.answers, skipped: engine.skipped, now: now())
        try store.save(record)
    }

    /// Saves and stops; a session with no answer at all is removed rather than left behind.
    private mutating func pause() throws -> Outcome {
        if record.answeredCount == 0, record.notes.isEmpty, record.review?.isEmpty ?? true {
            try? FileManager.default.removeItem(atPath: store.path(for: record.id))
            out.write("\nNothing was answered, so nothing was kept.\n")
            return .paused
        }
        try save()
        out.write(pausedMessage())
        return .paused
    }

    private func pausedMessage() -> String {
        let answered = record.answeredCount
        return "\nSaved \(answered) answer\(answered == 1 ? "" : "s"). Resume with: careerpath talk --resume \(record.id)\n"
    }

    private mutating func finish() throws {
        let answers = record.asAnswers
        let assessment = Scorer(prompts: prompts).assess(answers)
        var planHistory: PlanHistory?
        if let previous, let history, record.review != nil {
            planHistory = try PlanReview.apply(record, previous: previous, store: history)
        }
        let plan = try Planner(prompts: prompts).plan(
            for: answers, assessment: assessment, today: now(), previous: planHistory)
        out.write("\n" + paint("== Result ==", "1;34") + "\n\n")
        let report = TerminalReport(
            answers: answers, assessment: assessment, prompts: prompts,
            style: TerminalReport.Style(width: width, color: color))
        out.write(report.render())
        try PrivateFile.makeDirectory(outDirectory)
        let renderer = PlanRenderer(answers: answers, assessment: assessment, plan: plan, prompts: prompts)
        let base = record.id
        var paths: [String] = []
        for format in PlanRenderer.Format.allCases {
            let path = (outDirectory as NSString).appendingPathComponent("\(base).\(format.fileExtension)")
            try PrivateFile.write(try renderer.render(format), to: path, durably: true)
            paths.append(path)
        }
        out.write("\nThe plan is written (readable by you only):\n" + paths.map { "  \($0)\n" }.joined())
        // Into the history first: a session marked finished must be in it.
        if let history {
            try history.record(
                try HistoryRecord.make(
                    id: record.id, source: "talk", answers: answers, assessment: assessment, plan: plan, prompts: prompts))
        }
        record.status = .finished
        record.planFiles = paths
        try save()
    }

    private func helpText() -> String {
        """
          Answer with the number, the words, or the first letters of the words (TAB completes).
          For lists, separate answers with commas. Enter keeps an earlier answer.
            ?            help on this question
            :back        go to the previous question
            :skip        leave out an optional question
            :review      the answers so far, by section
            :fit         the track fit so far
            :note TEXT   keep a note with the session; it goes into the plan
            :who         whose turn it is
            :save        save now (answers are saved after each one anyway)
            :quit        save and stop; resume later with careerpath talk --resume
          Ctrl-C clears the line; Ctrl-D saves and stops.

        """
    }

    private func review() -> String {
        var lines: [String] = []
        let asked = engine.askedItems
        for section in prompts.bank.sections {
            let items = asked.filter { $0.section == section.id }
            guard !items.isEmpty else { continue }
            lines.append(paint(section.title, "1"))
            for item in items {
                let label = item.short ?? item.text
                let shortLabel = label.count > 48 ? String(label.prefix(47)) + "…" : label
                let answer: String
                if let value = engine.answers[item.role]?[item.id] {
                    answer = QuestionCard.describe(value, item: item)
                } else if engine.skipped.contains(item.id) {
                    answer = "(skipped)"
                } else {
                    answer = "-"
                }
                lines.append("  \(item.role == .contributor ? "C" : "M")  \(item.id.padding(toLength: 32, withPad: " ", startingAt: 0)) \(shortLabel.padding(toLength: 48, withPad: " ", startingAt: 0))  \(answer)")
            }
        }
        if !record.notes.isEmpty {
            lines.append(paint("Notes", "1"))
            lines += record.notes.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func fit() -> String {
        let answers = Answers(
            person: record.asAnswers.person, managerName: record.managerName, date: record.date, mode: record.mode,
            responses: engine.answers)
        let assessment = Scorer(prompts: prompts).assess(answers)
        var lines = [paint("Track fit so far", "1")]
        let order = Track.scored.sorted { (assessment.scores[$0] ?? 0, $1) > (assessment.scores[$1] ?? 0, $0) }
        for track in order {
            let score = assessment.scores[track] ?? 0
            lines.append(
                "  " + track.shortTitle.padding(toLength: 24, withPad: " ", startingAt: 0) + TerminalReport.bar(score, width: 24)
                    + " " + String(Int(score.rounded())))
        }
        lines.append("  Leaning \(assessment.recommended.shortTitle.lowercased()), \(assessment.confidence.rawValue) confidence so far (\(engine.answers.values.reduce(0) { $0 + $1.count }) answers).")
        return lines.joined(separator: "\n") + "\n"
    }

    private func wrap(_ text: String) -> String {
        TextWrap.lines(text, width: width).joined(separator: "\n")
    }
}
