/// What a one-on-one decided about each difference between the two prepared views, as lines
/// for the plan's notes: "Hard conversations: agreed on 4, often (prepared: 2, rarely)."
public enum MeetingNotes {
    public static func lines(agenda: [AgendaStep], outcomes: [GapTopic: GapOutcome], bank: QuestionBank) -> [String] {
        agenda.compactMap { step -> String? in
            guard case .gap(let gap) = step, let outcome = outcomes[gap.topic] else { return nil }
            let item = gap.managerItems.first.flatMap(bank.item)
            let prepared = gap.managerAnswers.first.map { words($0, item: item) } ?? "-"
            switch outcome.resolution {
            case .agreed:
                return "\(title(gap)): agreed on \(words(outcome.value ?? "", item: item)) (the manager had prepared \(prepared))."
            case .kept:
                return "\(title(gap)): both views kept (\(selfView(gap, bank: bank)); the manager: \(prepared)): \(outcome.note ?? "")"
            case .skipped:
                return nil
            }
        }
    }

    /// The difference's topic in words.
    public static func title(_ gap: ViewGap) -> String {
        gap.topic.title
    }

    private static func selfView(_ gap: ViewGap, bank: QuestionBank) -> String {
        if let score = gap.selfScore { return "yours: \(formatOneDecimal(1 + score / 100 * 5)) of 6" }
        if gap.topic == .track { return "yours: " + ReasonText.trackTitle(gap.selfView).lowercased() }
        return "yours: " + words(gap.selfView ?? "-", item: bank.item(MeetingAgenda.selfReadiness))
    }

    /// A value as people read it: `4, often` for a scale point, a choice's label.
    public static func words(_ value: String, item: BankItem?) -> String {
        guard let item else { return value }
        switch item.kind {
        case .scale(let scale):
            if let point = Int(value), let label = scale.labels[point] { return "\(point), \(label)" }
            if value == AnswerValue.notObservedText, let label = scale.notObserved { return "n/a, \(label)" }
            return value
        default:
            return item.kind.choices.first { $0.value == value }?.label.lowercased() ?? value
        }
    }
}
