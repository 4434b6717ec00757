import CareerKit

/// What `:review` shows: every answer so far by section, as a table that fits the terminal,
/// with a line that says what its columns are.
struct AnswerReview {
    let engine: DialogEngine
    let record: SessionRecord
    let bank: QuestionBank
    let names: TalkNames
    let width: Int
    let color: Bool

    private var paint: Painter { Painter(color: color) }

    func render() -> String {
        let asked = engine.askedItems
        let prepared = record.answerSources ?? [:]
        var explain = "Who answered (C \(names.person), M \(names.manager ?? "the manager")"
        if !prepared.isEmpty { explain += "; * prepared beforehand" }
        explain += "), the question's id"
        let idWidth = max(10, min(30, asked.map(\.id.count).max() ?? 10, width - 7 - 16))
        let fixed = 2 + 2 + 2 + idWidth + 2
        let wordsWidth = width - fixed >= 48 ? min(32, (width - fixed) * 2 / 5) : 0
        explain += wordsWidth > 0 ? ", a few words naming it, and the answer (- not yet answered)." : " and the answer (- not yet answered)."
        var lines = TextWrap.lines(explain, width: width)
        for section in bank.sections {
            let items = asked.filter { $0.section == section.id }
            guard !items.isEmpty else { continue }
            lines.append(paint(section.title, "1"))
            for item in items {
                let answer: String
                if let value = engine.answers[item.role]?[item.id] {
                    answer = QuestionCard.describe(value, item: item)
                } else if engine.skipped.contains(item.id) {
                    answer = "(skipped)"
                } else {
                    answer = "-"
                }
                let mark = prepared[item.role.rawValue]?[item.id] != nil ? "*" : " "
                var line = "  " + (item.role == .contributor ? "C" : "M") + mark + " " + fit(item.id, idWidth) + "  "
                if wordsWidth > 0 { line += fit(item.short ?? item.text, wordsWidth) + "  " }
                // The answer wraps in its own column rather than being cut.
                let column = line.count
                let answerLines = TextWrap.lines(answer, width: max(20, width - column))
                lines.append(line + (answerLines.first ?? ""))
                lines += answerLines.dropFirst().map { String(repeating: " ", count: column) + $0 }
            }
        }
        lines += outcomeLines()
        if !record.notes.isEmpty {
            lines.append(paint("Notes", "1"))
            for note in record.notes { lines += TextWrap.lines(note, width: width, indent: "  - ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What was decided about each difference so far.
    private func outcomeLines() -> [String] {
        let gaps = (engine.agenda ?? []).compactMap { step -> ViewGap? in
            if case .gap(let gap) = step { return gap }
            return nil
        }
        guard !gaps.isEmpty else { return [] }
        var lines = [paint(bank.differences.title, "1")]
        for gap in gaps {
            let title = gap.topic == .readiness ? "Readiness" : gap.topic.title
            let outcome: String
            switch engine.outcomes[gap.topic]?.resolution {
            case .agreed?: outcome = "agreed on " + (engine.outcomes[gap.topic]?.value ?? "")
            case .kept?: outcome = "both views kept: " + (engine.outcomes[gap.topic]?.note ?? "")
            case .skipped?: outcome = "left for another time"
            case nil: outcome = "-"
            }
            lines.append(cut("  " + fit(title, idWidthOutcome) + "  " + outcome, width))
        }
        return lines
    }

    private let idWidthOutcome = 26

    private func fit(_ text: String, _ width: Int) -> String {
        cut(text, width).padding(toLength: width, withPad: " ", startingAt: 0)
    }

    private func cut(_ text: String, _ width: Int) -> String {
        text.count > width ? String(text.prefix(max(1, width - 1))) + "…" : text
    }
}
