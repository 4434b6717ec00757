import Foundation

/// The development plan as text for a terminal, after the track fit: the target and the
/// time and money it takes, then each activity with its dates, hours and cost, and the
/// check-ins. What the files hold at length (reasons, done-when, notes) stays in them.
public struct TerminalPlan {
    let plan: DevelopmentPlan
    let ladder: Ladder
    let style: TerminalReport.Style

    public init(plan: DevelopmentPlan, ladder: Ladder, style: TerminalReport.Style) {
        self.plan = plan
        self.ladder = ladder
        self.style = style
    }

    private func paint(_ text: String, _ code: String) -> String {
        style.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func title(_ level: String) -> String { ladder.level(level)?.title ?? level }

    private func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        let lines = TextWrap.lines(text, width: max(40, style.width), indent: indent)
        guard let hanging else { return lines }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : hanging + $0.element.dropFirst(indent.count) }
    }

    public func render() -> String {
        var lines = [paint("The plan", "1")]
        let span = "\(SessionDate.format(plan.startDate)) to \(SessionDate.format(plan.endDate)) (\(plan.horizonMonths) months)"
        let aim: String
        if plan.growthInPlace || plan.targetLevel == plan.currentLevel {
            aim = "Growing as \(title(plan.currentLevel)), \(span)."
        } else {
            aim = "\(title(plan.currentLevel)) toward \(title(plan.targetLevel)), \(span)."
        }
        lines += wrap(aim, indent: "  ")
        var time = "Development time: \(formatHours(plan.developmentHours)) in all, at most \(formatHours(plan.busiestMonthHours)) in any month"
        time += plan.busiestMonthHours > plan.hoursCapacityPerMonth + 0.5
            ? " (\(formatHours(plan.hoursCapacityPerMonth)) a month can be freed; an event's month may take more)"
            : " (\(formatHours(plan.hoursCapacityPerMonth)) a month can be freed)"
        if plan.specialProjectPercent > 0 {
            time += "; \(plan.specialProjectPercent)% of working time for special projects"
        }
        lines += wrap(time + ".", indent: "  ")
        if plan.jobHours > 0 {
            lines += wrap("Job time: \(formatHours(plan.jobHours)) of stretch work and trials, done as part of the job, not study hours.", indent: "  ")
        }
        if plan.budgetAmount > 0 || plan.committed > 0 {
            lines += wrap(
                "Cost: \(formatMoney(plan.committed, plan.currency)) of a budget of \(formatMoney(plan.budgetAmount, plan.currency)).",
                indent: "  ")
        }
        let items = plan.items.sorted { ($0.start, $0.due, $0.title) < ($1.start, $1.due, $1.title) }
        lines.append("")
        guard !items.isEmpty else {
            lines += wrap("No activities are planned yet: the files say what would make room for them.", indent: "  ")
            return lines.joined(separator: "\n") + "\n"
        }
        // Dates, hours and cost in fixed columns; the activity wraps beside them.
        let hoursWidth = max(5, items.map { formatHours($0.hours).count }.max() ?? 0)
        let costs = items.map { $0.cost == 0 ? "free" : formatMoney($0.cost, plan.currency) }
        let costWidth = max(4, costs.map(\.count).max() ?? 0)
        let lead = "  " + "from".padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + "due".padding(toLength: 10, withPad: " ", startingAt: 0)
        lines.append(paint(lead + "  " + "hours".leftPadded(hoursWidth) + "  " + "cost".leftPadded(costWidth) + "  activity", "2"))
        for (item, cost) in zip(items, costs) {
            let prefix = "  " + SessionDate.format(item.start) + "  " + SessionDate.format(item.due) + "  "
                + formatHours(item.hours).leftPadded(hoursWidth) + "  " + cost.leftPadded(costWidth) + "  "
            let hanging = String(repeating: " ", count: prefix.count)
            lines += wrap("\(item.title) (\(item.category.title.lowercased()))", indent: prefix, hanging: hanging)
        }
        if !plan.criteria.isEmpty {
            lines.append("")
            lines.append(paint("Ready for \(title(plan.targetLevel)) when", "1"))
            for criterion in plan.criteria {
                let status: String
                if criterion.shownByBoth {
                    status = "shown already, you both say"
                } else if criterion.evidence.isEmpty {
                    status = "no activity yet: agree one together"
                } else {
                    status = "evidence from " + plan.evidenceNames(criterion).joined(separator: "; ")
                }
                lines += wrap("\(criterion.text) (\(status))", indent: "  - ")
            }
        }
        if !plan.milestones.isEmpty {
            lines.append("")
            lines.append(paint("Check-ins", "1"))
            for milestone in plan.milestones {
                lines += wrap("\(SessionDate.format(milestone.due))  \(milestone.title)", indent: "  ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whole hours: the terminal shows one precision for every number of hours.
    private func formatHours(_ hours: Double) -> String {
        String(Int(hours.rounded())) + " h"
    }
}
