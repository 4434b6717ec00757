import Foundation

/// What the plan documents say, checked against the plan: the summary's figures against
/// their bounds and totals, and "–" in the profile's room to grow only where nothing is left
/// to close. Read from the values the templates insert, so the words are checked as written.
extension PlanCheck {
    /// Every claim of `plan` and of its documents that does not hold; empty for a sound plan.
    public static func failures(
        of plan: DevelopmentPlan, answers: Answers, assessment: Assessment, prompts: PromptSet
    ) -> [Failure] {
        let view = PlanView(
            answers: answers, assessment: assessment, plan: plan, shared: PlanView.Shared(prompts: prompts), charts: false)
        var failures = planFailures(of: plan, answers: answers, assessment: assessment, prompts: prompts)
        summary(plan, view: view, into: &failures)
        roomToGrow(view, into: &failures)
        return failures
    }

    /// The numbers in a text, in order ("1,200.5" is one number).
    static func numbers(in text: Substring) -> [Double] {
        var result: [Double] = []
        var current = ""
        for character in text + " " {
            if character.isNumber || (character == "." || character == ",") && !current.isEmpty {
                current.append(character)
            } else if !current.isEmpty {
                while current.last == "." || current.last == "," { current.removeLast() }
                if let value = Double(current.replacingOccurrences(of: ",", with: "")) { result.append(value) }
                current = ""
            }
        }
        return result
    }

    /// "at most B in any month, within the C": B no more than C; "add up to T hours": the
    /// activities' hours as shown.
    private static func summary(_ plan: DevelopmentPlan, view: PlanView, into failures: inout [Failure]) {
        guard let summary = ((view.child(named: "plan") as? ViewGroup)?.child(named: "summary") as? ViewText)?.text else { return }
        func fail(_ claim: String, _ why: String) { failures.append(Failure(rule: .figure, claim: claim, why: why)) }
        for sentence in summary.components(separatedBy: ". ") where sentence.contains("within the ") {
            guard let atMost = sentence.range(of: "at most "), let within = sentence.range(of: "within the ") else { continue }
            let busiest = numbers(in: sentence[atMost.upperBound...]).first
            let bound = numbers(in: sentence[within.upperBound...]).first
            if let busiest, let bound, busiest > bound + 1e-9 {
                fail(sentence, "\(formatOneDecimal(busiest)) is more than \(formatOneDecimal(bound))")
            }
        }
        let shown = plan.items.reduce(0) { $0 + round1($1.hours) }
        if let together = summary.range(of: "add up to "), let total = numbers(in: summary[together.upperBound...]).first,
            abs(total - shown) > 0.05 * Double(max(1, plan.items.count))
        {
            fail("the activities add up to \(formatOneDecimal(total)) hours", "their hours add up to \(formatOneDecimal(round1(shown)))")
        }
    }

    /// "–" in the profile's room to grow says there is nothing to close: only where the score
    /// the table shows meets what the target expects.
    private static func roomToGrow(_ view: PlanView, into failures: inout [Failure]) {
        guard let rows = view.child(named: "dimensions") as? [ViewRow] else { return }
        func cell(_ row: ViewRow, _ key: String) -> String? { (row.own(key) as? ViewText)?.text }
        for row in rows where cell(row, "gap") == "–" {
            guard let expected = cell(row, "expected").flatMap(Double.init), let shown = cell(row, "combined").flatMap(Double.init)
            else { continue }
            if shown < expected {
                failures.append(
                    Failure(
                        rule: .gap, claim: "\(cell(row, "title") ?? "?"): – (nothing to close)",
                        why: "\(formatOneDecimal(shown)) against \(formatOneDecimal(expected)) expected"))
            }
        }
    }
}
