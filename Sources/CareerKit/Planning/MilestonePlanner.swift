import Foundation

/// Check-ins for a plan: after 30 days, after 90 days, half-way and at the end, each saying
/// what should be true by then.
enum MilestonePlanner {
    static func milestones(for plan: DevelopmentPlan, ladder: Ladder) -> [DevelopmentPlan.Milestone] {
        let start = plan.startDate
        let end = plan.endDate
        let totalDays = Calendar(identifier: .gregorian).dateComponents([.day], from: start, to: end).day ?? 0
        let middle = SessionDate.adding(days: totalDays / 2, to: start)
        var checkpoints: [(Date, String)] = [
            (SessionDate.adding(days: 30, to: start), "30-day check-in"),
            (SessionDate.adding(days: 90, to: start), "90-day check-in"),
            (middle, "Half-way review"),
        ]
        checkpoints = checkpoints.filter { $0.0 < end }.sorted { $0.0 < $1.0 }
        var milestones: [DevelopmentPlan.Milestone] = []
        var previous = start
        for (index, (date, title)) in checkpoints.enumerated() {
            let started = plan.items.filter { $0.start <= date && $0.due > date }.map(\.title)
            let finished = plan.items.filter { $0.due > previous && $0.due <= date }.map(\.title)
            var parts: [String] = []
            if index == 0 {
                parts.append("The plan is under way and a regular check-in is in the calendar.")
            }
            if !finished.isEmpty { parts.append("Done: " + list(finished) + ".") }
            if !started.isEmpty { parts.append("Under way: " + list(started) + ".") }
            if title == "Half-way review" {
                let topGaps = plan.gaps.filter { $0.gap > 0 }.prefix(2).map { Dimension.title($0.dimension).lowercased() }
                if !topGaps.isEmpty { parts.append("Look again at the largest gaps (\(topGaps.joined(separator: ", "))) and adjust the plan.") }
            }
            milestones.append(DevelopmentPlan.Milestone(due: date, title: title, description: parts.joined(separator: " ")))
            previous = date
        }
        var closing: [String] = []
        let remaining = plan.items.filter { $0.due > previous }.map(\.title)
        if !remaining.isEmpty { closing.append("Done: " + list(remaining) + ".") }
        if let target = ladder.level(plan.targetLevel) {
            if plan.targetLevel == plan.currentLevel {
                closing.append("Growing in place as \(target.title): \(target.summary)")
            } else if !target.promotionCriteria.isEmpty {
                let criteria = target.promotionCriteria.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
                closing.append("Ready for \(target.title) when: " + criteria.joined(separator: "; ") + ".")
            } else {
                closing.append("Ready for \(target.title): \(target.summary)")
            }
        }
        milestones.append(DevelopmentPlan.Milestone(due: end, title: "End of plan", description: closing.joined(separator: " ")))
        return milestones
    }

    private static func list(_ titles: [String]) -> String {
        Dimension.list(titles)
    }
}
