/// Plain sentences for the reasons behind a result.
public enum ReasonText {
    /// E.g. "The contributor rated the technical expert path (ladder.technical) 7, extremely:
    /// 15 points toward ic."
    public static func sentence(_ reason: Assessment.Reason, bank: QuestionBank) -> String {
        let points = "\(formatPoints(reason.points)) points toward \(reason.toward.rawValue)"
        if reason.item == "top3" {
            return "The contributor's top three picks (top3: \(reason.answer)): \(points)."
        }
        let item = bank.item(reason.item)
        let who = reason.role == .contributor ? "The contributor" : "The manager"
        let name = item?.short.map { "\($0) (\(reason.item))" } ?? reason.item
        return "\(who) rated \(name) \(describeAnswer(reason.answer, item: item)): \(points)."
    }

    /// The answer with its label, e.g. `7 (extremely)`.
    public static func describeAnswer(_ answer: String, item: BankItem?) -> String {
        guard let item else { return answer }
        if case .scale(let scale) = item.kind, let point = Int(answer), let label = scale.labels[point] {
            return "\(point), \(label)"
        }
        return answer
    }

    static func formatPoints(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
