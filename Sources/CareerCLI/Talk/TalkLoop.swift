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
    /// The history the session looked back in, when there was one.
    let history: (any HistoryStorage)?
    /// Records a finished session (with the review of the last plan, and the session itself
    /// when it is a preparation), or keeps it on this laptop when the server is out of reach
    /// and returns why; nil leaves the history alone.
    let recordFinished: ((Outbox.Entry) throws -> CareerError?)?
    /// Where to write a finished preparation for sending, when asked.
    var writePreparation: String? = nil
    /// The last recorded session of this person, reviewed first.
    let previous: HistoryRecord?
    let width: Int
    let color: Bool
    let now: () -> Date
    /// Why the finished session waits on this laptop instead of being in the history.
    private(set) var unsent: CareerError?

    enum Outcome: Equatable {
        /// Every question done and the plan written.
        case finished
        /// Stopped early; the session is saved and can be resumed.
        case paused
    }

    private var out: Terminal { .standardOutput }

    private var names: TalkNames { TalkNames(person: record.person.name, manager: record.managerName) }

    private var paint: Painter { Painter(color: color) }

    static let commands = TalkCommand.allCases.map(\.name)

    /// Runs until the dialog ends or the person stops.
    mutating func run() throws -> Outcome {
        if let previous, let review = PlanReview(previous: previous, date: record.date) {
            record.follows = previous.id
            let store = self.store
            guard try review.run(record: &record, reader: &reader, save: { try store.save($0) }) else { return try pause() }
        }
        // A follow-up says once, before its first question, what it kept from last time.
        if let followUp = record.followUp, (record.covered ?? []).isEmpty, !followUp.kept.isEmpty {
            out.write("\n" + wrap(keptSummary(followUp)) + "\n")
        }
        var shownSections: Set<String> = []
        var showCard = true
        while let question = engine.current {
            // A section's heading and intro show once, the first time the dialog reaches it.
            if shownSections.insert(question.section.id).inserted {
                out.write("\n" + paint("== \(question.section.title) ==", "1;34") + "\n")
                let intro = question.section.intro(for: record.mode)
                if !intro.isEmpty { out.write(wrap(names.fill(intro)) + "\n") }
                showCard = true
            }
            if showCard { out.write("\n" + render(question)) }
            showCard = false
            reader.setCompletions(completions(for: question))
            let prompt = question.gap != nil ? "together> " : question.role == .contributor ? "contributor> " : "manager> "
            switch reader.read(prompt: prompt) {
            case .end:
                return try pause()
            case .line(let raw):
                var line = raw.trimmingCharacters(in: .whitespaces)
                if line == "?" {
                    let help = TextWrap.lines(question.gap != nil ? GapCard.help : question.item.help, width: width, indent: "  ")
                    out.write(help.map { paint($0, "2") }.joined(separator: "\n") + "\n")
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
                if question.gap != nil, line.lowercased() == DialogEngine.keepWord {
                    reader.setCompletions(Completions([]))
                    guard case .line(let why) = reader.read(prompt: "Why do both views stand? ") else { return try pause() }
                    line = DialogEngine.keepWord + " " + why.trimmingCharacters(in: .whitespaces)
                }
                switch engine.handle(.answer(line)) {
                case .accepted, .skipped, .keptBoth:
                    try save()
                    showCard = true
                case .rejected(_, let problem):
                    // Wrapped to the width, the words after "Not accepted:" aligned under it.
                    let said = TextWrap.lines(problem.message, width: width, indent: "  Not accepted: ")
                    out.write(paint("  Not accepted: ", "31") + said.joined(separator: "\n").dropFirst("  Not accepted: ".count) + "\n")
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

    private func render(_ question: Question) -> String {
        if let gap = question.gap {
            return GapCard(
                question: question, gap: gap, names: names, answers: currentAnswers, prompts: prompts, width: width,
                color: color
            ).render()
        }
        var card = QuestionCard(question: question, names: names, mode: record.mode, width: width, color: color)
        if question.currentAnswer != nil, let source = record.answerSources?[question.role.rawValue]?[question.item.id] {
            card.preparedBy = record.preparations?.first { $0.id == source }?.by
        }
        if question.item.shows == .nextLevelCriteria {
            card.currentLevel = prompts.ladder.level(record.person.currentLevel)
            card.nextLevel = prompts.ladder.next(after: record.person.currentLevel)
        }
        return card.render()
    }

    /// The session's answers as the dialog has them now.
    private var currentAnswers: Answers {
        var answers = record.asAnswers
        answers.responses = engine.answers
        return answers
    }

    enum CommandResult { case stay, redraw, quit }

    private mutating func command(_ line: String, question: Question) throws -> CommandResult {
        let (command, word, argument) = TalkCommand.parse(line)
        guard let command else {
            out.write("  Unknown command '\(PrintableText.escaped(word))'; :help lists the commands.\n")
            return .stay
        }
        switch command {
        case .help:
            out.write(helpText())
            return .stay
        case .back:
            if case .atFirstQuestion = engine.handle(.back) {
                out.write("  This is the first question.\n")
                return .stay
            }
            return .redraw
        case .skip:
            switch engine.handle(.skip) {
            case .cannotSkip:
                out.write("  This question needs an answer; it cannot be skipped.\n")
                return .stay
            default:
                try save()
                return .redraw
            }
        case .review:
            let review = AnswerReview(engine: engine, record: record, bank: prompts.bank, names: names, width: width, color: color)
            // A page at a time on a terminal, so nothing scrolls away unread.
            let pager = Pager(rows: out.height, paging: reader.isInteractive && out.isTTY)
            pager.show(review.render(section: argument.isEmpty ? nil : argument), reader: &reader, out: out)
            return .stay
        case .fit:
            out.write(fit())
            return .stay
        case .note:
            guard !argument.isEmpty else {
                out.write("  Type the note after the command, e.g. :note wants to try the on-call rotation\n")
                return .stay
            }
            record.notes.append(PrintableText.stripped(argument))
            try save()
            out.write("  Note kept; it will be printed in the plan.\n")
            return .stay
        case .who:
            let who: String
            if question.gap != nil {
                who = "for both of you together"
            } else if question.role == .contributor {
                who = "\(record.person.name)'s turn (the contributor)"
            } else {
                who = record.managerName.map { "\($0)'s turn (the manager)" } ?? "the manager's turn"
            }
            out.write("  It is \(who): question \(question.index) of \(question.total), \(question.section.title).\n")
            return .stay
        case .save:
            try save()
            out.write("  Saved to \(store.path(for: record.id)).\n")
            return .stay
        case .quit:
            try save()
            return .quit
        }
    }

    /// What TAB completes: the question's answers (whole labels, in order, for scales and
    /// choices), `keep` at a difference, and the commands.
    private func completions(for question: Question) -> Completions {
        let keep = question.gap != nil ? [DialogEngine.keepWord] : []
        switch question.item.kind {
        case .pick(_, let choices), .multi(let choices):
            return Completions(choices.map(\.value) + Self.commands)
        case .scale(let scale):
            var labels = scale.points.compactMap { scale.labels[$0] }
            if scale.notObserved != nil { labels.append(AnswerValue.notObservedText) }
            return Completions(labels + keep + Self.commands, wholeLine: true)
        default:
            return Completions(question.item.kind.choices.map(\.value) + keep + Self.commands, wholeLine: true)
        }
    }

    private mutating func save() throws {
        record.record(engine, now: now())
        do {
            try store.save(record)
        } catch let error as CareerError {
            // A full disk or a folder gone: the file keeps what was saved before this answer.
            if case .cannotWrite = error {
                Terminal.standardError.write(
                    "careerpath: the last answer could not be saved; the ones before it are in the session file. "
                        + "When there is room again, resume with: \(CommandLineHint.command("talk", "--resume", record.id))\n")
            }
            throw error
        }
    }

    /// Saves and stops; a session with nothing of its own is removed rather than left behind.
    private mutating func pause() throws -> Outcome {
        let ownAnswers = engine.tracksCovered ? engine.covered.count : record.answeredCount
        if ownAnswers == 0, record.notes.isEmpty, record.review?.isEmpty ?? true {
            try? FileManager.default.removeItem(atPath: store.path(for: record.id))
            out.write(
                record.agenda == nil
                    ? "\nNothing was answered, so nothing was kept.\n"
                    : "\nNothing was decided yet, so nothing was kept; the preparations are still there.\n")
            return .paused
        }
        try save()
        out.write(pausedMessage())
        return .paused
    }

    private func pausedMessage() -> String {
        let count = TalkOpening.count
        var saved: [String] = []
        if record.agenda != nil {
            saved.append("\(engine.covered.count) of \(engine.stepCount) steps of this one-on-one")
        } else if record.ownAnswerCount > 0 || (record.review?.isEmpty ?? true) {
            saved.append(count(record.ownAnswerCount, "answer"))
        }
        if let review = record.review, !review.isEmpty { saved.append(count(review.count, "review answer")) }
        return "\nSaved \(saved.joined(separator: " and ")). Resume with: \(CommandLineHint.command("talk", "--resume", record.id))\n"
    }

    private mutating func finish() throws {
        var answers = currentAnswers
        let decisions = MeetingNotes.lines(agenda: record.agenda ?? [], outcomes: engine.outcomes, bank: prompts.bank)
        if !decisions.isEmpty { answers.notes = ((answers.notes.map { [$0] } ?? []) + decisions).joined(separator: "\n") }
        // The review is written with the new record (or kept on this laptop with it).
        var planHistory: PlanHistory?
        if let previous, history != nil, let review = record.review {
            planHistory = PlanHistory(record: previous.reviewed(review))
        }
        let result = try Pipeline(prompts: prompts).consult(answers, today: now(), previous: planHistory)
        out.write("\n" + paint("== Result ==", "1;34") + "\n\n")
        var report = TerminalReport(
            answers: answers, assessment: result.assessment, prompts: prompts,
            style: TerminalReport.Style(width: width, color: color))
        if record.mode == .manager { report.audience = .manager(about: record.person.name) }
        report.outcomes = engine.outcomes
        out.write(report.render())
        out.write("\n" + TerminalPlan(plan: result.plan, ladder: prompts.ladder, style: TerminalReport.Style(width: width, color: color)).render())
        let paths = try result.write(PlanRenderer.Format.allCases, into: outDirectory, base: record.id)
        out.write("\nThe plan is written (readable by you only):\n" + paths.map { "  \($0)\n" }.joined())
        // Into the history first (or kept on this laptop for it): a session marked finished
        // must be in it.
        var finished = record
        finished.record(engine, now: now())
        finished.status = .finished
        finished.planFiles = paths
        if let recordFinished {
            var recorded = result.record(.talk(session: record.id))
            // Without an id, the person is the one whose plan this talk reviewed: filed with them.
            if record.person.id == nil, let previous, previous.personID == nil { recorded.personKey = previous.personKey }
            let reviewed = previous != nil && history != nil ? record.review : nil
            unsent = try recordFinished(
                Outbox.Entry(
                    place: "", record: recorded,
                    preparation: record.mode == .oneOnOne ? nil : finished, reviewOf: reviewed == nil ? nil : previous,
                    review: reviewed, reviewDate: reviewed == nil ? nil : record.date))
        }
        record.status = .finished
        record.planFiles = paths
        try save()
        if let unsent {
            // Everything is kept: the plan, the session file, and the record waiting to be sent.
            Terminal.standardError.write(ExitStatus.message(for: unsent))
        }
        if let writePreparation {
            try PreparationFile.write(record, to: writePreparation)
            let command = CommandLineHint.command("talk", "--person", record.person.name, "--preparation", writePreparation)
            out.write(
                "\n" + wrap("The preparation is also in \(PrintableText.escaped(writePreparation)) (readable by you only): send it, and the one-on-one takes it with \(command).") + "\n")
        } else if record.mode != .oneOnOne {
            let command = CommandLineHint.command("talk", "--person", record.person.name)
            out.write("\n" + wrap("When you meet, \(command) picks up this preparation and asks only what is left.") + "\n")
        }
    }

    /// What a follow-up kept without asking, by section, and how to see it.
    private func keptSummary(_ followUp: SessionRecord.FollowUpRecord) -> String {
        let kept = Set(followUp.kept)
        let parts = prompts.bank.sections.compactMap { section -> String? in
            let count = section.items.filter { kept.contains($0.role.rawValue + "." + $0.id) || kept.contains($0.id) }.count
            return count == 0 ? nil : "\(section.title) \(count)"
        }
        return "Kept from last time (\(followUp.date)), as answered then: \(TalkOpening.count(followUp.kept.count, "answer")) "
            + "on what rarely changes (\(parts.joined(separator: ", "))). \(TalkCommand.review.name) kept shows them."
    }

    private func helpText() -> String {
        let resume = CommandLineHint.command("talk", "--resume")
        let commands = TalkCommand.allCases.filter { $0 != .help }.map { command in
            let summary = command == .quit ? command.summary + " with \(resume)" : command.summary
            return "    " + command.usage.padding(toLength: 13, withPad: " ", startingAt: 0) + summary
        }
        return """
              Answer with the number, the words, or the first letters of the words (TAB completes).
              For lists, separate answers with commas. Enter keeps an earlier answer.
              Where your views differ: agree on a value, or type keep and say why both views stand.
                ?            help on this question

            """ + commands.joined(separator: "\n") + "\n  Ctrl-C clears the line; Ctrl-D saves and stops.\n"
    }

    private func fit() -> String {
        let assessment = Pipeline(prompts: prompts).assess(currentAnswers)
        var lines = [paint("Track fit so far", "1")]
        let order = Track.scored.sorted { (assessment.scores[$0] ?? 0, $1) > (assessment.scores[$1] ?? 0, $0) }
        for track in order {
            let score = assessment.scores[track] ?? 0
            lines.append(
                "  " + track.shortTitle.padding(toLength: 24, withPad: " ", startingAt: 0) + TerminalReport.bar(score, width: 24)
                    + " " + String(Int(score.rounded())))
        }
        lines.append("  Leaning \(assessment.recommended.shortTitle.lowercased()), \(assessment.confidence.rawValue) confidence so far (\(TalkOpening.count(engine.answers.values.reduce(0) { $0 + $1.count }, "answer"))).")
        return lines.joined(separator: "\n") + "\n"
    }

    private func wrap(_ text: String) -> String {
        TextWrap.lines(text, width: width).joined(separator: "\n")
    }
}
