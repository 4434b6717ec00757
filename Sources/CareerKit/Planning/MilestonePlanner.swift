import Foundation

/// Check-ins for a plan: after 30 days, after 90 days, half-way and at the end, each saying
/// what should be true by then.
enum MilestonePlanner {
    /// An item due at a check-in and what done looks like for it.
    struct Outcome: Hashable, Sendable {
        var title: String
        var doneWhen: String
    }

    /// One check-in with its parts kept apart, so a report can show each list as a sub-list.
    struct CheckIn: Hashable, Sendable {
        var due: Date
        var title: String
        /// What should be true or be done at this check-in, as a sentence, when there is one.
        var action: String?
        /// The items due since the previous check-in, in due order, with what done looks like.
        var dueByNow: [Outcome]
        /// Titles of the items started and not yet due.
        var underWay: [String]
        /// At the end of a plan that aims at a promotion: e.g. `Ready for Staff Engineer when:`,
        /// or, when the manager sees readiness further off, `Evidence toward Staff Engineer:`.
        var readyTitle: String?
        /// The target level's promotion criteria, as the ladder words them.
        var readyWhen: [String]
    }

    static func milestones(for plan: DevelopmentPlan, ladder: Ladder) -> [DevelopmentPlan.Milestone] {
        checkIns(for: plan, ladder: ladder).map {
            DevelopmentPlan.Milestone(due: $0.due, title: $0.title, description: description(of: $0))
        }
    }

    /// The check-ins of a plan, each with what is due, what is under way and, at the end,
    /// what makes the person ready for the target level.
    static func checkIns(for plan: DevelopmentPlan, ladder: Ladder) -> [CheckIn] {
        let start = plan.startDate
        let end = plan.endDate
        let totalDays = SessionDate.days(from: start, to: end) ?? 0
        let middle = SessionDate.adding(days: totalDays / 2, to: start)
        /// The check-ins before the end, by what they are for rather than by their titles.
        enum Checkpoint: CaseIterable {
            case after30Days, after90Days, decision, halfWay

            var title: String {
                switch self {
                case .after30Days: return "30-day check-in"
                case .after90Days: return "90-day check-in"
                case .decision: return "Decision check-in"
                case .halfWay: return "Half-way review"
                }
            }
        }
        let decision = plan.decisionDate
        func date(_ checkpoint: Checkpoint) -> Date? {
            switch checkpoint {
            case .after30Days: return SessionDate.adding(days: 30, to: start)
            // The decision check-in, when there is one, takes the 90-day check-in's place.
            case .after90Days: return decision == nil ? SessionDate.adding(days: 90, to: start) : nil
            case .decision: return decision
            case .halfWay: return middle
            }
        }
        // A plan that ends at its decision check-in (undecided) has only the 30-day check-in
        // before it: its trials are under way, and the decision comes at the end.
        let decidesAtEnd = decision.map { $0 >= end } ?? false
        let checkpoints = Checkpoint.allCases.filter { !decidesAtEnd || $0 == .after30Days }
            .compactMap { checkpoint in date(checkpoint).map { (checkpoint, $0) } }
            .filter { $0.1 < end }.sorted { $0.1 < $1.1 }
        var checkIns: [CheckIn] = []
        var previous = start
        for (index, (checkpoint, date)) in checkpoints.enumerated() {
            let title = checkpoint.title
            var action: String?
            if index == 0 { action = "The plan is under way and a regular check-in is in the calendar." }
            if checkpoint == .decision { action = decisionAction(plan, ladder: ladder) }
            if checkpoint == .halfWay {
                let topGaps = plan.gaps.filter { $0.gap > 0 }.prefix(2).map { Dimension.title($0.dimension).lowercased() }
                if !topGaps.isEmpty {
                    action = "Look again at where there is most room to grow (\(Dimension.list(topGaps))) and adjust the plan."
                }
            }
            checkIns.append(
                CheckIn(
                    due: date, title: title, action: action,
                    dueByNow: outcomes(plan.items.filter { $0.due > previous && $0.due <= date }),
                    underWay: plan.items.filter { $0.start <= date && $0.due > date }.map(\.title),
                    readyTitle: nil, readyWhen: []))
            previous = date
        }
        var closing = CheckIn(
            due: end, title: decidesAtEnd ? "Decision check-in" : "End of plan", action: nil,
            dueByNow: outcomes(plan.items.filter { $0.due > previous }), underWay: [], readyTitle: nil, readyWhen: [])
        if plan.exploratory {
            closing.action = decidesAtEnd
                ? decisionAction(plan, ladder: ladder) : "Look back on the path chosen at the decision check-in, and make the next plan for it."
        } else if let target = ladder.level(plan.targetLevel) {
            let buildEvidence = plan.readiness == "not_yet" || plan.readiness == "within_2y"
            if plan.targetLevel == plan.currentLevel {
                closing.action = "Growing in place as \(target.title): \(sentenceCase(target.summary))"
            } else if !target.promotionCriteria.isEmpty {
                closing.readyTitle = buildEvidence ? "Evidence toward \(target.title):" : "Ready for \(target.title) when:"
                closing.readyWhen = target.promotionCriteria
            } else {
                closing.action = "Ready for \(target.title): \(sentenceCase(target.summary))"
            }
        }
        checkIns.append(closing)
        return checkIns
    }

    /// What the decision check-in decides and on what evidence: the trials the plan holds.
    static func decisionAction(_ plan: DevelopmentPlan, ladder: Ladder) -> String {
        let trials = plan.items.filter { $0.purpose == .trial }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            .map { sentenceCase(withoutFinalStop($0.title)) }
        let evidence = trials.isEmpty ? "from what this plan's activities showed" : "from what the trials showed: " + trials.joined(separator: "; ")
        if !plan.exploratory, let target = ladder.level(plan.targetLevel) {
            // A plan that follows a small lead: the decision confirms the path or changes it.
            let aim = plan.targetLevel == plan.currentLevel ? "growing as \(target.title)" : "working toward \(target.title)"
            return "Decide together whether to keep \(aim), \(evidence). Compare which work gave you energy and what your manager saw; if the other path suits you better, make a new plan for it."
        }
        return "Decide together which path to follow, \(evidence). Compare which work gave you energy and what your manager saw, then make the next plan for that path."
    }

    private static func outcomes(_ items: [DevelopmentPlan.Item]) -> [Outcome] {
        items.sorted { ($0.due, $0.start, $0.id) < ($1.due, $1.start, $1.id) }.map { Outcome(title: $0.title, doneWhen: $0.doneWhen) }
    }

    /// The check-in as one readable paragraph, e.g. `Due by now: Lead a design review.
    /// Under way: Mentor a junior engineer; Lead the postmortem programme.`
    static func description(of checkIn: CheckIn) -> String {
        var parts: [String] = []
        if let action = checkIn.action { parts.append(action) }
        if !checkIn.dueByNow.isEmpty {
            let due = checkIn.dueByNow.map { "\($0.title) (done when: \(sentenceCase(withoutFinalStop($0.doneWhen))))" }
            parts.append("Due by now: " + due.joined(separator: "; ") + ".")
        }
        if !checkIn.underWay.isEmpty { parts.append("Under way: " + checkIn.underWay.joined(separator: "; ") + ".") }
        if let title = checkIn.readyTitle, !checkIn.readyWhen.isEmpty {
            let criteria = checkIn.readyWhen.map { sentenceCase(withoutFinalStop($0)) }
            parts.append(title + " " + criteria.joined(separator: "; ") + ".")
        }
        return parts.joined(separator: " ")
    }

    static func withoutFinalStop(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// Lowercases the first letter for use mid-sentence, unless the word looks like a name
    /// or an acronym (its second letter is a capital too).
    static func sentenceCase(_ text: String) -> String {
        let rest = text.dropFirst()
        guard let first = text.first, let second = rest.first, first.isUppercase, !second.isUppercase else { return text }
        return first.lowercased() + rest
    }
}
