import Foundation

/// Whether a plan ever contradicts itself, its answers or its bounds: each note's claim holds
/// against the items and the answers, the target is not the level the person holds, no figure
/// says more than its bound, nothing is promised that the manager did not offer, the items
/// keep the dates the manager gave, and no skill shows "–" (nothing to close) while its
/// score is below what the target expects. A failure is a bug in the planner or its words.
/// The planner runs the plan's part on every plan it makes and `Pipeline` the whole check
/// (assertions in debug builds); tests run it over generated people.
public enum PlanCheck {
    /// One claim of the plan that does not hold.
    public struct Failure: Hashable, Sendable, CustomStringConvertible {
        public enum Rule: String, Sendable, CaseIterable {
            /// A note says something the items or the answers contradict.
            case note
            /// "Target: X by DATE" where X is the level the person holds.
            case target
            /// A figure above its bound, or totals that do not add up.
            case figure
            /// An activity that needs something only the manager can give, not offered.
            case offer
            /// An item's date other than the one the manager gave.
            case date
            /// "–" (nothing to close) where the score is below the target's expectation.
            case gap
        }

        public var rule: Rule
        /// What the plan says, in its words or as its figure.
        public var claim: String
        /// Why that does not hold.
        public var why: String

        public init(rule: Rule, claim: String, why: String) {
            self.rule = rule
            self.claim = claim
            self.why = why
        }

        public var description: String { "\(rule.rawValue): \(claim): \(why)" }
    }

    /// Every claim of `plan` itself that does not hold (its notes, target, figures, offers and
    /// dates); `failures(of:answers:assessment:prompts:)` adds what its documents say.
    public static func planFailures(
        of plan: DevelopmentPlan, answers: Answers, assessment: Assessment, prompts: PromptSet
    ) -> [Failure] {
        var failures: [Failure] = []
        notes(plan, answers: answers, assessment: assessment, prompts: prompts, into: &failures)
        target(plan, prompts: prompts, into: &failures)
        figures(plan, answers: answers, prompts: prompts, into: &failures)
        offers(plan, answers: answers, prompts: prompts, into: &failures)
        dates(plan, answers: answers, into: &failures)
        return failures
    }

    // MARK: - Notes

    /// The choice values of a bank item whose words (as a note says them) are `label`.
    private static func values(labelled label: String, in itemID: String, prompts: PromptSet) -> [String] {
        let choices = prompts.bank.item(itemID)?.kind.choices ?? []
        return choices.filter { ($0.label.prefix(1).lowercased() + $0.label.dropFirst()) == label }.map(\.value)
    }

    private static func notes(
        _ plan: DevelopmentPlan, answers: Answers, assessment: Assessment, prompts: PromptSet, into failures: inout [Failure]
    ) {
        let catalog = prompts.catalog
        let placement = prompts.templates.notesBeforeItems
        let leading = Set(PlanNote.arranged(plan, answers: answers, assessment: assessment).lead)
        for note in plan.notes {
            let sentence = note.sentence
            // Where a note points must be where the items are, in every document and every list
            // of notes it is shown in.
            let lists: [ReportTemplates.NoteList] = [.all, leading.contains(note) ? .lead : .end]
            let places = placement.sorted(by: { $0.key < $1.key }).flatMap { file, befores in
                lists.compactMap { list in befores[list].map { (file: "\(file) (\(list.rawValue))", before: $0) } }
            }
            for (file, before) in places {
                let words = sentence.lowercased()
                if before, words.contains(" above") {
                    failures.append(Failure(rule: .note, claim: sentence, why: "\(file) prints the notes before the activities, so nothing is above"))
                } else if !before, words.contains(" below") {
                    failures.append(Failure(rule: .note, claim: sentence, why: "\(file) prints the notes after the activities, so nothing is below"))
                }
            }
            switch note {
            case .movingBack:
                if !plan.items.contains(where: { $0.purpose == .handover }) {
                    failures.append(Failure(rule: .note, claim: sentence, why: "the plan has no hand-over item"))
                }
            case .interestNotOffered(let interest, _):
                let kinds = values(labelled: interest, in: "interest.networking", prompts: prompts)
                    + values(labelled: interest, in: "interest.projects", prompts: prompts)
                for item in plan.items where item.kind.map(kinds.contains) == true {
                    failures.append(Failure(rule: .note, claim: sentence, why: "'\(item.id)' in the plan is of that kind"))
                }
            case .certificationNotOffered(let domain, _):
                let domains = values(labelled: domain, in: "interest.certifications", prompts: prompts)
                for item in plan.items where item.category == .certification {
                    if catalog.item(item.id)?.domains.contains(where: domains.contains) == true {
                        failures.append(Failure(rule: .note, claim: sentence, why: "'\(item.id)' in the plan is of that field"))
                    }
                }
            case .projectTimeNotAgreed:
                if plan.specialProjectPercent > 0 {
                    failures.append(Failure(rule: .note, claim: sentence, why: "the plan gives \(plan.specialProjectPercent)% to special projects"))
                }
            case .projectTimeFree:
                if !plan.items.contains(where: { $0.category == .specialProject }) {
                    failures.append(Failure(rule: .note, claim: sentence, why: "the plan has no special project"))
                }
            case .leftOutAsAsked(let what):
                // The things the note names, in the words of the question.
                let choices = prompts.bank.item("goal.avoid")?.kind.choices ?? []
                let named = Set(choices.filter { what.lowercased().contains($0.label.lowercased()) }.map(\.value))
                for item in plan.items {
                    if let catalogItem = catalog.item(item.id), let value = PlanRequest.avoided(catalogItem, avoid: named) {
                        failures.append(Failure(rule: .note, claim: sentence, why: "'\(item.id)' runs into '\(value)'"))
                    }
                }
            case .moreTimeWouldUnlock(_, let title), .moneyWouldUnlock(_, let title), .budgetLeft(_, let title, _):
                if plan.items.contains(where: { $0.title == title }) {
                    failures.append(Failure(rule: .note, claim: sentence, why: "'\(title)' is in the plan already"))
                }
            case .exploratory:
                if !plan.exploratory { failures.append(Failure(rule: .note, claim: sentence, why: "the plan is not exploratory")) }
            default:
                break
            }
        }
    }

    // MARK: - Target

    /// The documents say "Target: X by DATE" unless the plan grows in place or explores.
    private static func target(_ plan: DevelopmentPlan, prompts: PromptSet, into failures: inout [Failure]) {
        guard !plan.growthInPlace, !plan.exploratory, plan.targetLevel == plan.currentLevel else { return }
        let title = prompts.ladder.level(plan.targetLevel)?.title ?? plan.targetLevel
        failures.append(
            Failure(
                rule: .target, claim: "Target: \(title) by \(SessionDate.format(plan.endDate))",
                why: "\(title) is the level the person holds already"))
    }

    // MARK: - Figures

    /// Hours per calendar month (`yyyy-mm`), each item's hours spread evenly over its days.
    static func monthlyHours(_ items: [DevelopmentPlan.Item]) -> [String: Double] {
        var months: [String: Double] = [:]
        for item in items {
            let days = max(1, SessionDate.days(from: item.start, to: item.due) ?? 1)
            for span in SessionDate.monthSpans(from: item.start, days: days) {
                months[span.month, default: 0] += item.hours / Double(days) * Double(span.days)
            }
        }
        return months
    }

    private static func figures(
        _ plan: DevelopmentPlan, answers: Answers, prompts: PromptSet, into failures: inout [Failure]
    ) {
        let settings = prompts.weights.planning
        func fail(_ claim: String, _ why: String) { failures.append(Failure(rule: .figure, claim: claim, why: why)) }
        let capacity = plan.hoursCapacityPerMonth
        // Only the manager's own offer may take more than that, and a note then says so.
        let offerSaysSo = plan.notes.contains { if case .offerOverHours = $0 { return true } else { return false } }
        if plan.busiestMonthHours > capacity * (1 + settings.monthSlack) + 0.05, !offerSaysSo {
            fail(
                "at most \(formatOneDecimal(plan.busiestMonthHours)) development hours in any month",
                "above the \(formatOneDecimal(capacity)) a month and the \(formatOneDecimal(settings.monthSlack * 100))% a one-week event may add")
        }
        // The busiest month as the plan shows it, against the months its items really take.
        let development = plan.items.filter { $0.time != .job }
        if let busiest = monthlyHours(development).values.max(), busiest > plan.busiestMonthHours + 0.05 {
            fail(
                "at most \(formatOneDecimal(plan.busiestMonthHours)) development hours in any month",
                "one month holds \(formatOneDecimal(round1(busiest)))")
        }
        let projects = plan.items.filter { $0.category == .specialProject }
        if let busiest = monthlyHours(projects).values.max(), busiest > plan.specialProjectHoursPerMonth + 0.05 {
            fail(
                "special projects take at most \(formatOneDecimal(plan.specialProjectHoursPerMonth)) hours in any month",
                "one month holds \(formatOneDecimal(round1(busiest)))")
        }
        if let offered = answers.number("capacity.special_project_percent", by: .manager), Double(plan.specialProjectPercent) > offered {
            fail("\(plan.specialProjectPercent)% of working time for special projects", "the manager can free \(formatOneDecimal(offered))%")
        }
        let committed = round2(plan.items.reduce(0) { $0 + $1.cost })
        if abs(committed - plan.committed) > 0.01 {
            fail("\(formatMoney(plan.committed, plan.currency)) committed", "the activities cost \(formatMoney(committed, plan.currency))")
        }
        if plan.committed > plan.budgetAmount + 0.01 {
            fail("\(formatMoney(plan.committed, plan.currency)) committed", "above the budget of \(formatMoney(plan.budgetAmount, plan.currency))")
        }
        if plan.horizonMonths > 0, abs(plan.hoursPerMonth - round1(plan.developmentHours / Double(plan.horizonMonths))) > 0.051 {
            fail(
                "about \(formatOneDecimal(plan.hoursPerMonth)) development hours a month",
                "\(formatOneDecimal(plan.developmentHours)) hours over \(plan.horizonMonths) months")
        }
        let mix = plan.allocation.onTheJob + plan.allocation.social + plan.allocation.formal
        if mix != 100 { fail("learning mix of \(mix)%", "the three shares must add up to 100") }

    }

    // MARK: - What the manager offered

    private static func offers(_ plan: DevelopmentPlan, answers: Answers, prompts: PromptSet, into failures: inout [Failure]) {
        let offered = Set(answers.value("offer.kinds", by: .manager)?.values ?? [])
        for item in plan.items {
            guard let need = prompts.catalog.item(item.id)?.needsOffer, !offered.contains(need) else { continue }
            failures.append(Failure(rule: .offer, claim: item.title, why: "it needs '\(need)' from the manager, which was not offered"))
        }
    }

    // MARK: - Dates

    private static func dates(_ plan: DevelopmentPlan, answers: Answers, into failures: inout [Failure]) {
        func fail(_ claim: String, _ why: String) { failures.append(Failure(rule: .date, claim: claim, why: why)) }
        func given(_ id: String) -> Date? {
            guard case .text(let value)? = answers.value(id, by: .manager) else { return nil }
            return SessionDate.parse(value.trimmingCharacters(in: .whitespaces))
        }
        let format = SessionDate.format
        for item in plan.items where item.start < plan.startDate || item.due > plan.endDate {
            fail("\(item.title), \(format(item.start)) to \(format(item.due))", "outside the plan, \(format(plan.startDate)) to \(format(plan.endDate))")
        }
        for offer in plan.offers {
            guard let item = plan.items.first(where: { $0.id == offer.itemID }) else { continue }
            switch offer.kind {
            case .project:
                if let from = given("offer.project.from"), format(item.start) != format(max(from, plan.startDate)) {
                    fail("\(item.title) from \(format(item.start))", "the manager gave \(format(from))")
                }
            case .trial:
                if let from = given("offer.trial.from"), format(item.start) != format(max(from, plan.startDate)) {
                    fail("\(item.title) from \(format(item.start))", "the manager gave \(format(from))")
                }
            case .course:
                if let when = given("offer.course.when"), format(item.due) != format(when) {
                    fail("\(item.title) done by \(format(item.due))", "the manager gave \(format(when))")
                }
            case .mentor:
                break
            }
        }
        // The first hands-on project after managing follows the hand-over.
        if let handover = plan.items.first(where: { $0.purpose == .handover }) {
            for item in plan.items where item.purpose == .rebuild && item.start < handover.due {
                fail("\(item.title) from \(format(item.start))", "the hand-over runs until \(format(handover.due))")
            }
        }
    }
}
