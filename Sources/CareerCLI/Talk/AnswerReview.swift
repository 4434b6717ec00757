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

    /// The word of `:review kept`: the answers a follow-up kept from last time.
    static let keptWord = "kept"

    /// The review; with `section` (a section's id or the first word of its title, or
    /// `differences`), only that part, for a terminal too short for all of it; with `kept`,
    /// the answers a follow-up kept from last time without asking.
    func render(section wanted: String? = nil) -> String {
        var asked = engine.askedItems
        var chosen = wanted.map { $0.lowercased() }
        if chosen == Self.keptWord {
            guard let followUp = record.followUp, !followUp.kept.isEmpty else {
                return "  Nothing was kept from an earlier session: this one asks every question.\n"
            }
            let kept = Set(followUp.kept)
            asked = asked.filter { kept.contains($0.role.rawValue + "." + $0.id) || kept.contains($0.id) }
            chosen = nil
        }
        let onlyKept = wanted?.lowercased() == Self.keptWord
        let sections = bank.sections.filter { section in
            guard let chosen else { return true }
            return section.id.lowercased() == chosen || section.title.lowercased().hasPrefix(chosen)
        }
        let showDifferences = chosen.map { bank.differences.title.lowercased().hasPrefix($0) || $0 == "differences" } ?? true
        if let wanted, sections.isEmpty, !showDifferences {
            let known = bank.sections.map { $0.title.lowercased() } + ["differences"] + (record.followUp == nil ? [] : [Self.keptWord])
            return "  No section is called \(PrintableText.quoted(wanted)); allowed: \(known.joined(separator: ", ")).\n"
        }
        let prepared = record.answerSources ?? [:]
        var explain = "Who answered (C \(names.person), M \(names.manager ?? "the manager")"
        if !prepared.isEmpty { explain += "; * prepared beforehand" }
        explain += "), the question's id"
        let idWidth = max(10, min(30, asked.map(\.id.count).max() ?? 10, width - 7 - 16))
        let fixed = 2 + 2 + 2 + idWidth + 2
        let wordsWidth = width - fixed >= 48 ? min(32, (width - fixed) * 2 / 5) : 0
        explain += wordsWidth > 0 ? ", a few words naming it, and the answer (- not yet answered)." : " and the answer (- not yet answered)."
        var lines: [String] = []
        if onlyKept, let followUp = record.followUp {
            lines += TextWrap.lines("Kept from the session of \(followUp.date), as answered then; they count as answered today.", width: width)
        }
        lines += TextWrap.lines(explain, width: width)
        for section in sections {
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
        if showDifferences, !onlyKept { lines += outcomeLines() }
        if chosen == nil, !onlyKept, !record.notes.isEmpty {
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
            // In words, as the plan's notes say them: "agreed on 4, often", "within about a year".
            let item = gap.managerItems.first.flatMap(bank.item)
            switch engine.outcomes[gap.topic]?.resolution {
            case .agreed?: outcome = "agreed on " + MeetingNotes.words(engine.outcomes[gap.topic]?.value ?? "", item: item)
            case .kept?: outcome = "talked through, both views kept: " + (engine.outcomes[gap.topic]?.note ?? "")
            case .skipped?: outcome = "left for another time"
            case nil: outcome = "-"
            }
            // The reason wraps in its column rather than being cut.
            let head = "  " + fit(title, idWidthOutcome) + "  "
            let wrapped = TextWrap.lines(outcome, width: max(20, width - head.count))
            lines.append(head + (wrapped.first ?? ""))
            lines += wrapped.dropFirst().map { String(repeating: " ", count: head.count) + $0 }
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
