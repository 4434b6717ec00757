import CareerKit

/// How one question looks in the terminal: where we are, whose turn, the question, and the
/// answers it takes.
struct QuestionCard {
    let question: Question
    let names: TalkNames
    let mode: Mode
    let width: Int
    let color: Bool
    /// Who prepared the answer shown as the default, when it came from a preparation.
    var preparedBy: String?
    /// The next level on the person's track and what it asks for, for a question that shows it;
    /// nil at the top of the ladder.
    var nextLevel: Ladder.Level?
    /// The person's level, for a question that shows the next one.
    var currentLevel: Ladder.Level?

    private var paint: Painter { Painter(color: color) }

    /// Who answers, e.g. "Contributor (Ana Silva)'s turn", or in a preparation whose it is.
    var turn: String {
        switch (mode, question.role) {
        case (.selfAssessment, _): return "\(names.person)'s self-assessment"
        case (.manager, _): return names.manager.map { "\($0), preparing for \(names.person)" } ?? "Preparing for \(names.person)"
        case (_, .contributor): return "Contributor (\(names.person))'s turn"
        case (_, .manager): return "Manager" + (names.manager.map { " (\($0))" } ?? "") + "'s turn"
        }
    }

    func render() -> String {
        let item = question.item
        var lines: [String] = [heading(turn, code: question.role == .contributor ? "36;1" : "35;1")]
        if item.shows == .nextLevelCriteria { lines += criteriaLines() }
        lines += wrap(item.text, indent: "")
        lines += answerLines()
        if let current = question.currentAnswer {
            if question.lastTime {
                lines.append(paint("  Last time: \(describe(current)). Press Enter to keep it, or give a new answer.", "2"))
            } else if let preparedBy {
                lines.append(paint("  \(preparedBy) prepared: \(describe(current)). Press Enter to keep it, or give another answer.", "2"))
            } else {
                lines.append(paint("  Answered before: \(describe(current)). Press Enter to keep it.", "2"))
            }
        }
        var hint = "  ? for help on this question, :help for commands"
        if item.optional { hint += ", :skip to leave it out" }
        lines.append(paint(hint, "2"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `[12/55] Reality` on the left, whose turn on the right.
    func heading(_ who: String, code: String) -> String {
        let position = "[\(question.index)/\(question.total)] \(question.section.title)"
        let gap = max(2, width - position.count - who.count)
        return paint(position, "1") + String(repeating: " ", count: gap) + paint(who, code)
    }

    private func criteriaLines() -> [String] {
        guard let nextLevel else {
            let top = currentLevel.map { " (\($0.title))" } ?? ""
            return wrap("You are at the top of this ladder\(top): think of the next step in scope rather than in title.", indent: "")
        }
        let whose = question.item.role == .manager ? "their" : "your"
        var lines = wrap("The next level on \(whose) track is \(nextLevel.title). It asks for:", indent: "")
        // With an example of the evidence each, where the ladder gives one (a company's framework).
        for criterion in nextLevel.identifiedCriteria {
            lines += wrap(criterion.text + (criterion.examples.first.map { " For example: \($0)." } ?? ""), indent: "  - ")
        }
        return lines
    }

    /// The answers the question takes, as the card lists them.
    func answerLines() -> [String] {
        let item = question.item
        switch item.kind {
        case .scale(let scale):
            var parts = scale.points.map { "\($0) \(scale.labels[$0] ?? "")" }
            if let label = scale.notObserved { parts.append("\(AnswerValue.notObservedText) \(label)") }
            return wrapList(parts, separator: "   ")
        case .choice(let choices):
            return choices.enumerated().map { "  \($0.offset + 1)) \($0.element.label)  [\($0.element.value)]" }
        case .multi(let choices):
            var lines = ["  Pick any, separated by commas, or 'none':"]
            // The ladder's criteria: only the next level's are listed, with their numbers in the whole list.
            let shown = item.shows == .nextLevelCriteria ? Set((nextLevel?.identifiedCriteria ?? []).map(\.id)) : nil
            lines += choices.enumerated().filter { shown?.contains($0.element.value) ?? true }
                .map { "  \($0.offset + 1)) \($0.element.label)  [\($0.element.value)]" }
            return lines
        case .pick(let count, let choices):
            var lines = ["  Pick exactly \(count), by number or id, separated by spaces or commas:"]
            let width = String(choices.count).count
            lines += choices.enumerated().map {
                let number = String($0.offset + 1)
                return "  " + String(repeating: " ", count: width - number.count) + number + ") \($0.element.label)  [\($0.element.value)]"
            }
            return lines
        case .integer(let min, let max):
            if item.unit == .percent { return ["  A whole number from \(min) to \(max), in percent (10 or 10%)."] }
            return ["  A whole number from \(min) to \(max)."]
        case .number(let min, let max):
            if let max { return ["  A number from \(formatted(min)) to \(formatted(max))."] }
            return ["  A number, \(formatted(min)) or more."]
        case .text(let maxLength):
            return ["  In your own words (up to \(maxLength) characters)."]
        case .currency:
            return ["  A currency code such as USD, EUR or GBP."]
        case .date:
            return ["  A date, written year-month-day, such as 2027-03-01."]
        }
    }

    private func formatted(_ value: Double) -> String { formatNumber(value) }

    /// An answer in words, e.g. `5 (usually true of me)`.
    func describe(_ value: AnswerValue) -> String {
        QuestionCard.describe(value, item: question.item)
    }

    static func describe(_ value: AnswerValue, item: BankItem) -> String {
        switch (item.kind, value) {
        case (.scale(let scale), .integer(let point)):
            return "\(point) (\(scale.labels[point] ?? ""))"
        case (.scale(let scale), .notObserved):
            return "\(AnswerValue.notObservedText) (\(scale.notObserved ?? "not observed"))"
        case (.choice(let choices), .text(let text)):
            return choices.first { $0.value == text }?.label ?? text
        case (_, .list(let values)):
            return values.isEmpty ? "none" : values.joined(separator: ", ")
        case (.integer, .integer(let number)) where item.unit == .percent:
            return "\(number)%"
        default:
            return value.text
        }
    }

    func wrap(_ text: String, indent: String) -> [String] {
        TextWrap.lines(text, width: width, indent: indent)
    }

    func wrapList(_ parts: [String], separator: String) -> [String] {
        var lines: [String] = []
        var current = " "
        for part in parts {
            if current.count > 1, current.count + separator.count + part.count > width {
                lines.append(current)
                current = " "
            }
            current += (current.count > 1 ? separator : " ") + part
        }
        if current.count > 1 { lines.append(current) }
        return lines
    }
}

/// The two people of a conversation, as the screens name them.
struct TalkNames {
    /// The contributor's name.
    var person: String
    /// The manager's name, when known.
    var manager: String?

    /// Fills `{person}` and `{manager}` in a text from the bank.
    func fill(_ text: String) -> String {
        text.replacingOccurrences(of: "{person}", with: person)
            .replacingOccurrences(of: "{manager}", with: manager ?? "the manager")
    }
}
