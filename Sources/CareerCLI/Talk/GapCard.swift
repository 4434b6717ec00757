import CareerKit

/// How a difference between the two prepared views looks: both views side by side, and the
/// two ways to settle it (agree on a value, or keep both and say why).
struct GapCard {
    let question: Question
    let gap: ViewGap
    let names: TalkNames
    /// The merged answers, for the contributor's side.
    let answers: Answers
    let prompts: PromptSet
    let width: Int
    let color: Bool

    private var paint: Painter { Painter(color: color) }

    private var card: QuestionCard {
        QuestionCard(question: question, names: names, mode: .oneOnOne, width: width, color: color)
    }

    /// The difference's title, e.g. "Hard conversations" or "The track".
    var title: String {
        switch gap.topic {
        case .track: return "The track"
        case .readiness:
            let next = prompts.ladder.next(after: answers.person.currentLevel).map { " (\($0.title))" } ?? ""
            return "Readiness for the next level\(next)"
        case .dimension: return gap.topic.title
        }
    }

    func render() -> String {
        var lines = [card.heading("Together", code: "33;1")]
        var heading = paint(title, "1")
        if let name = gap.topic.dimension, let meaning = prompts.weights.dimension(name)?.meaning {
            heading += ": " + meaning.prefix(1).lowercased() + meaning.dropFirst()
        }
        lines += card.wrap(heading, indent: "")
        lines += views()
        lines += card.wrap(agreeLine(), indent: "")
        lines += card.answerLines()
        lines.append("  Or type: keep WHY, to keep both views with a note on why.")
        if let outcome = question.outcome { lines.append(paint("  " + decided(outcome) + " Press Enter to keep it.", "2")) }
        lines.append(paint("  ? for help, :skip to leave it for another time, :help for commands", "2"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// What each of them prepared.
    private func views() -> [String] {
        let manager = names.manager ?? "The manager"
        var lines: [String] = []
        switch gap.topic {
        case .track:
            lines.append("  \(names.person)'s answers point to: \(ReasonText.trackTitle(gap.selfView)).")
            lines.append("  \(manager)'s view: \(label(gap.managerAnswers.first, of: MeetingAgenda.managerTrack)).")
        case .readiness:
            lines.append("  \(names.person): \(label(gap.selfView, of: MeetingAgenda.selfReadiness)).")
            if case .text(let evidence)? = answers.value(MeetingAgenda.readinessEvidence, by: .contributor) {
                lines += card.wrap("Evidence: \(evidence)", indent: "    ")
            }
            lines.append("  \(manager): \(label(gap.managerAnswers.first, of: MeetingAgenda.managerReadiness)).")
        default:
            let average = gap.selfScore.map { " (\(formatOneDecimal(1 + $0 / 100 * 5)) of 6 on average)" } ?? ""
            lines.append("  \(names.person)'s own ratings\(average):")
            for id in gap.contributorItems { lines.append(row(id, role: .contributor, value: answers.value(id, by: .contributor))) }
            lines.append("  \(manager)'s observation\(gap.managerItems.count == 1 ? "" : "s"):")
            for (id, text) in zip(gap.managerItems, gap.managerAnswers) {
                lines.append(row(id, role: .manager, value: prepared(text, id)))
            }
        }
        return lines
    }

    /// One answer as a row: a few words naming the question, then the answer in words.
    private func row(_ id: String, role: Role, value: AnswerValue?) -> String {
        guard let item = prompts.bank.item(id) else { return "    \(id)" }
        let answer = value.map { QuestionCard.describe($0, item: item) } ?? "-"
        let words = item.short ?? item.id
        let room = max(12, width - 6 - answer.count)
        let shown = words.count > room ? String(words.prefix(room - 1)) + "…" : words
        return "    " + shown.padding(toLength: max(shown.count, min(room, 44)), withPad: " ", startingAt: 0) + "  " + answer
    }

    private func prepared(_ text: String, _ id: String) -> AnswerValue? {
        guard let item = prompts.bank.item(id), case .success(let value) = AnswerParser.strict(.scalar(text), for: item) else {
            return nil
        }
        return value
    }

    /// The label of a choice value, e.g. "Within about a year".
    private func label(_ value: String?, of id: String) -> String {
        guard let value else { return "-" }
        return prompts.bank.item(id)?.kind.choices.first { $0.value == value }?.label ?? value
    }

    private func agreeLine() -> String {
        switch gap.topic {
        case .track: return "Agree on the track that suits \(names.person) best:"
        case .readiness: return "Agree on how soon \(names.person) could be ready:"
        default: return "Agree on what \(names.manager ?? "the manager") has seen:"
        }
    }

    /// What was decided, in words: "Agreed before: 4 (often)." or "Kept both views: why."
    func decided(_ outcome: GapOutcome) -> String {
        switch outcome.resolution {
        case .agreed:
            let value = outcome.value.flatMap { prepared($0, question.item.id) }.map { QuestionCard.describe($0, item: question.item) }
            return "Agreed before: \(value ?? outcome.value ?? "")."
        case .kept: return "Kept both views before: \(outcome.note ?? "")."
        case .skipped: return "Left for another time before."
        }
    }

    /// The line of help `?` shows at a difference.
    static let help = "Hear each other's reasons first: what each of you has seen. Then agree on a value, or keep both views and say why. Both are good outcomes; the plan records either."
}
