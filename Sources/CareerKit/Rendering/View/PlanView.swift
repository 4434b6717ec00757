import Foundation
import Mustache

/// What the report templates see, as typed values answered on demand: a template asks for a
/// key and only then is its value worked out, so keys a template does not use cost nothing.
/// Every value comes already worded and formatted, so the templates stay logic-less. The
/// documents speak to the contributor as "you". The keys are `ViewSchema.plan`, documented
/// in prompts/templates/README.md; `validate` checks templates against them.
final class PlanView: MustacheParent {
    /// What depends only on the prompts, worked out once per run (bulk shares one).
    struct Shared: Sendable {
        let prompts: PromptSet
        let levelTitles: [String: String]
        let dimensionTitles: [String: String]
        let dimensionMeanings: [String: String]
        let materialGap: String
        let materialGapScalePoints: String
        let generator: String

        init(prompts: PromptSet) {
            self.prompts = prompts
            levelTitles = Dictionary(uniqueKeysWithValues: prompts.ladder.levels.map { ($0.id, $0.title) })
            dimensionTitles = Dictionary(uniqueKeysWithValues: Dimension.names.map { ($0, Dimension.title($0)) })
            dimensionMeanings = Dictionary(uniqueKeysWithValues: prompts.weights.dimensions.map { ($0.name, $0.meaning) })
            let points = prompts.weights.thresholds.divergencePoints
            materialGap = formatOneDecimal(ReasonText.materialGap(scalePoints: points))
            materialGapScalePoints = formatOneDecimal(points)
            generator = "careerpath \(careerpathVersion)"
        }
    }

    let answers: Answers
    let assessment: Assessment
    let plan: DevelopmentPlan
    let shared: Shared
    /// Whether to include the SVG charts (HTML only).
    let charts: Bool
    private var prompts: PromptSet { shared.prompts }

    init(answers: Answers, assessment: Assessment, plan: DevelopmentPlan, shared: Shared, charts: Bool) {
        self.answers = answers
        self.assessment = assessment
        self.plan = plan
        self.shared = shared
        self.charts = charts
    }

    private static func number(_ value: Double) -> ViewText { ViewText(formatOneDecimal(value)) }
    /// Scores are whole numbers everywhere; room to grow that rounds to nothing shows as 1.
    private static func score(_ value: Double) -> ViewText { ViewText(formatScore(value)) }
    private static func room(_ value: Double) -> ViewText { ViewText(formatScore(max(1, value))) }

    private func levelTitle(_ id: String?) -> String? {
        guard let id else { return nil }
        return shared.levelTitles[id] ?? id
    }

    /// Whether the manager gave no answers at all: said once, at the top of the document.
    private var managerMissing: Bool {
        answers.responses[.manager]?.isEmpty ?? true
    }

    // MARK: - The keys

    func child(named name: String) -> Any? {
        switch name {
        case "generator": return ViewText(shared.generator)
        case "person": return person
        case "session": return session
        case "manager_missing": return managerMissing
        case "manager_missing_text": return ViewText(managerMissing ? managerMissingText : "")
        case "track": return track
        case "profile": return profile
        case "dimensions": return dimensions
        case "divergence": return assessment.divergence.map { gap in ViewRow(own: { $0 == "text" ? ViewText(ReasonText.divergence(gap)) : nil }, root: self) }
        case "has_divergence": return !assessment.divergence.isEmpty
        case "material_gap": return ViewText(shared.materialGap)
        case "material_gap_scale_points": return ViewText(shared.materialGapScalePoints)
        case "flags": return ReasonText.flagCallouts(assessment.flags).viewTexts
        case "notes": return ViewText(answers.notes ?? "")
        case "note_paragraphs": return noteParagraphs.viewTexts
        case "has_notes": return !noteParagraphs.isEmpty
        case "has_notes_section": return !noteParagraphs.isEmpty || !arrangedNotes.end.isEmpty
        case "goal", "first_step", "manager_support": return ViewText(optionalText(name))
        case "has_goal", "has_first_step", "has_manager_support": return !optionalText(String(name.dropFirst(4))).isEmpty
        case "plan": return planGroup
        case "charts": return charts ? chartsGroup : nil
        default: return nil
        }
    }

    /// Notes taken one by one in a talk are lines: a paragraph each, not one run-on paragraph.
    private lazy var noteParagraphs: [String] = (answers.notes ?? "").split(whereSeparator: \.isNewline)
        .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }

    /// The goal, first step and manager's support, as typed; empty when not answered.
    private func optionalText(_ key: String) -> String {
        let (id, role): (String, Role) =
            switch key {
            case "goal": ("goal.statement", .contributor)
            case "first_step": ("will.first_step", .contributor)
            default: ("will.support", .manager)
            }
        return answers.value(id, by: role)?.text ?? ""
    }

    private lazy var person = ViewGroup { [unowned self] key in
        let person = answers.person
        switch key {
        case "name": return ViewText(person.name)
        case "id": return ViewText(person.id ?? "")
        case "has_id": return person.id != nil
        case "level": return ViewText(levelTitle(person.currentLevel) ?? person.currentLevel)
        case "level_id": return ViewText(person.currentLevel)
        case "domain": return ViewText(person.domain ?? "")
        default: return nil
        }
    }

    private lazy var session = ViewGroup { [unowned self] key in
        switch key {
        case "date": return ViewText(answers.date ?? SessionDate.format(plan.startDate))
        case "mode": return ViewText(modeText)
        case "summary": return ViewText(sessionSummary)
        case "manager": return ViewText(answers.managerName ?? "")
        case "has_manager": return answers.managerName != nil
        default: return nil
        }
    }

    /// Which columns the profile table has: asked in every row, so worked out once.
    private lazy var hasSelfColumn = assessment.dimensions.contains { $0.selfScore != nil }
    private lazy var hasManagerColumn = assessment.dimensions.contains {
        $0.managerScore != nil || $0.isUnseen(in: answers, weights: prompts.weights)
    }

    private lazy var profile = ViewGroup { [unowned self] key in
        switch key {
        case "has_self": return hasSelfColumn
        case "has_manager": return hasManagerColumn
        case "has_both": return hasSelfColumn && hasManagerColumn
        default: return nil
        }
    }

    private var expects: [String: Int] { prompts.ladder.level(plan.targetLevel)?.expects ?? [:] }

    private lazy var dimensions: [ViewRow] = {
        let expects = self.expects
        let gaps = Dictionary(uniqueKeysWithValues: plan.gaps.map { ($0.dimension, $0) })
        return assessment.dimensions.map { score in
            ViewRow(
                own: { [unowned self] key in
                    func cell(_ value: Double?) -> ViewText { value.map(Self.score) ?? ViewText("–") }
                    switch key {
                    case "title": return ViewText(shared.dimensionTitles[score.name] ?? score.name)
                    case "name": return ViewText(score.name)
                    case "meaning": return ViewText(shared.dimensionMeanings[score.name] ?? "")
                    case "self": return cell(score.selfScore)
                    case "combined": return cell(score.combined)
                    // Not observed yet is not low: said as such.
                    case "manager":
                        return score.isUnseen(in: answers, weights: prompts.weights)
                            ? ViewText(AnswerValue.notObservedText) : cell(score.managerScore)
                    case "expected": return ViewText(expects[score.name].map(String.init) ?? "–")
                    case "gap": return roomToGrow(score, gap: gaps[score.name], expected: expects[score.name])
                    default: return nil
                    }
                }, root: self)
        }
    }()

    /// The room-to-grow cell: the room the plan works on; `–` only where the score meets what
    /// the target expects (nothing to close); otherwise a preference, which no plan closes, or
    /// a skill this plan does not work on (another track's, or any while exploring).
    private func roomToGrow(_ score: Assessment.DimensionScore, gap: DevelopmentPlan.Gap?, expected: Int?) -> ViewText {
        if let gap, gap.gap > 0 { return Self.room(gap.gap) }
        if prompts.weights.dimensions.first(where: { $0.name == score.name })?.planGap == false { return ViewText(Self.preferenceMark) }
        guard let expected, let shown = score.combined ?? score.managerScore ?? score.selfScore, round1(shown) < Double(expected)
        else { return ViewText("–") }
        return ViewText(Self.notInPlanMark)
    }

    /// The room-to-grow words for a preference and for a skill the plan does not work on.
    static let preferenceMark = "a preference"
    static let notInPlanMark = "not in this plan"

    private lazy var chartsGroup = ViewGroup { [unowned self] key in
        switch key {
        case "fits": return ViewText(PlanCharts.trackFits(assessment))
        case "profile": return ViewText(PlanCharts.dimensionProfile(assessment, expects: expects))
        case "ladders": return ViewText(PlanCharts.ladders(prompts.ladder, current: plan.currentLevel, target: plan.targetLevel))
        default: return nil
        }
    }

    // MARK: - Session words

    private var modeText: String {
        switch answers.mode {
        case .oneOnOne: return "one-on-one"
        case .selfAssessment: return "self-assessment"
        case .manager: return "manager's preparation"
        }
    }

    /// The kind of session with the manager's name, e.g. `self-assessment (manager: Jordan Lee)`.
    private var sessionSummary: String {
        let name = answers.managerName
        switch answers.mode {
        case .oneOnOne: return name.map { "one-on-one with \($0)" } ?? "one-on-one"
        case .selfAssessment: return name.map { "self-assessment (manager: \($0))" } ?? "self-assessment"
        case .manager: return name.map { "prepared by your manager, \($0)" } ?? "prepared by your manager"
        }
    }

    /// The one place a document says the manager has not answered, with what the plan
    /// assumes until they do.
    private var managerMissingText: String {
        let special = prompts.weights.planning.defaultSpecialProjectPercent
        let assumed = [
            "\(formatOneDecimal(plan.hoursCapacityPerMonth)) development hours a month",
            plan.budgetAmount > 0 ? "a budget of \(formatMoney(plan.budgetAmount, plan.currency))" : "no budget",
            special > 0 ? "\(special)% of your working time for special projects" : "no time for special projects",
        ]
        let capped = assessment.flags.contains(.noManagerView) ? ", which keeps confidence at medium or below" : ""
        return "Your manager has not answered yet, so the result rests on your answers alone\(capped). Until they answer, the plan assumes "
            + Dimension.list(assumed) + ". Go through it together and adjust it."
    }

    // MARK: - The track

    private lazy var reasons = ReasonText.split(assessment, bank: prompts.bank)

    private lazy var track = ViewGroup { [unowned self] key in
        switch key {
        case "recommended": return ViewText(assessment.recommended.title)
        case "recommended_id": return ViewText(assessment.recommended.rawValue)
        case "lead": return ViewText(ReasonText.leadTrack(assessment).shortTitle)
        case "archetype": return ViewText(ReasonText.archetypeTitle(assessment.archetype))
        case "archetype_id": return ViewText(assessment.archetype)
        case "archetype_text": return ViewText(ReasonText.archetypeText(assessment.archetype) ?? "")
        case "has_archetype_text": return ReasonText.archetypeText(assessment.archetype) != nil
        case "confidence": return ViewText(assessment.confidence.rawValue)
        case "confidence_text": return ViewText(ReasonText.confidenceText(assessment.confidence))
        case "confidence_notes": return ReasonText.confidenceNotes(assessment, missingManager: false).viewTexts
        case "scores": return trackScores
        case "other": return ViewText(ReasonText.otherTrack(assessment).shortTitle)
        case "reasons_toward": return reasons.toward.viewTexts
        case "reasons_against": return reasons.against.viewTexts
        case "has_reasons": return !assessment.explanation.isEmpty
        case "has_reasons_toward": return !reasons.toward.isEmpty
        case "has_reasons_against": return !reasons.against.isEmpty
        default: return nil
        }
    }

    private var trackScores: [ViewRow] {
        let ranked = Track.scored.sorted { (assessment.scores[$0] ?? 0, $1) > (assessment.scores[$1] ?? 0, $0) }
        return ranked.map { track in
            let score = assessment.scores[track] ?? 0
            return ViewRow(
                own: { [unowned self] key in
                    switch key {
                    case "title": return ViewText(track.shortTitle)
                    case "value": return Self.score(score)
                    case "recommended": return track == assessment.recommended
                    case "bar": return ViewText(TerminalReport.bar(score, width: 20))
                    default: return nil
                    }
                }, root: self)
        }
    }

    // MARK: - The plan

    private lazy var planGroup = ViewGroup { [unowned self] key in planChild(key) }

    private func planChild(_ key: String) -> Any? {
        let money = { (value: Double) in ViewText(formatMoney(value, self.plan.currency)) }
        switch key {
        case "current": return ViewText(levelTitle(plan.currentLevel) ?? plan.currentLevel)
        case "target": return ViewText(levelTitle(plan.targetLevel) ?? plan.targetLevel)
        case "target_id": return ViewText(plan.targetLevel)
        case "equivalent": return ViewText(levelTitle(plan.equivalentLevel) ?? "")
        case "has_equivalent": return plan.equivalentLevel != nil
        case "level_note": return ViewText(levelNote ?? "")
        case "has_level_note": return levelNote != nil
        case "growth_in_place": return plan.growthInPlace
        case "exploratory": return plan.exploratory
        case "start": return ViewText(SessionDate.format(plan.startDate))
        case "end": return ViewText(SessionDate.format(plan.endDate))
        case "horizon_months": return ViewText(String(plan.horizonMonths))
        case "hours_per_month": return Self.number(plan.hoursPerMonth)
        case "hours_capacity": return Self.number(plan.hoursCapacityPerMonth)
        case "total_hours": return Self.number(plan.developmentHours)
        case "busiest_month_hours": return Self.number(plan.busiestMonthHours)
        case "on_the_job": return ViewText(String(plan.allocation.onTheJob))
        case "social": return ViewText(String(plan.allocation.social))
        case "formal": return ViewText(String(plan.allocation.formal))
        case "special_project_percent": return ViewText(String(plan.specialProjectPercent))
        case "special_project_hours": return Self.number(plan.specialProjectHours)
        case "special_project_hours_per_month": return Self.number(plan.specialProjectHoursPerMonth)
        case "budget": return money(plan.budgetAmount)
        case "committed": return money(plan.committed)
        case "remaining": return money(round2(plan.budgetAmount - plan.committed))
        case "summary": return ViewText(summary)
        case "items": return items
        case "has_items": return !plan.items.isEmpty
        case "milestones": return milestones
        case "gaps": return gapRows
        case "criteria": return criteriaRows
        case "has_criteria": return !plan.criteria.isEmpty
        case "notes":
            // The manager-has-not-answered note is said once, at the top.
            return plan.notes.filter {
                if case .managerMissing = $0 { return !managerMissing }
                return true
            }.map(\.sentence).viewTexts
        case "lead_notes": return arrangedNotes.lead.map(\.sentence).viewTexts
        case "end_notes": return arrangedNotes.end.map(\.sentence).viewTexts
        case "has_lead_notes": return !arrangedNotes.lead.isEmpty
        case "has_end_notes": return !arrangedNotes.end.isEmpty
        default: return nil
        }
    }

    /// The notes that lead (at most two notices before the first activity, counting the
    /// manager-has-not-answered text and the flags) and those under Notes at the end.
    private lazy var arrangedNotes = PlanNote.arranged(plan, answers: answers, assessment: assessment)

    // In the plan's order: the manager's offers and the first steps, then the rest by date.
    /// The target level's criteria: where the two views stand, and what will show each.
    private lazy var criteriaRows: [ViewRow] = plan.criteria.map { criterion in
        ViewRow(
            own: { [unowned self] key in
                switch key {
                case "text": return ViewText(criterion.text)
                case "status": return ViewText(Self.views(of: criterion))
                case "has_status": return !Self.views(of: criterion).isEmpty
                case "shown_by_both": return criterion.shownByBoth
                case "has_evidence": return !criterion.evidence.isEmpty
                case "has_examples": return !criterion.examples.isEmpty
                case "examples": return criterion.examples.viewTexts
                case "examples_text": return ViewText(criterion.examples.joined(separator: "; "))
                case "evidence":
                    return ViewText(Dimension.list(plan.evidenceNames(criterion)))
                default: return nil
                }
            }, root: self)
    }

    /// "You say it is shown; your manager has not said yet."
    static func views(of criterion: DevelopmentPlan.CriterionStatus) -> String {
        if criterion.shownByBoth { return "You both say it is already shown." }
        if criterion.contributor == nil, criterion.manager == nil { return "" }
        func view(_ shown: Bool?, _ who: String, _ verb: String) -> String {
            switch shown {
            case true?: return "\(who) \(verb) it is already shown"
            case false?: return "\(who) \(verb) it is not shown yet"
            case nil: return "\(who) did not say"
            }
        }
        return view(criterion.contributor, "you", "say").prefix(1).uppercased() + view(criterion.contributor, "you", "say").dropFirst()
            + "; " + view(criterion.manager, "your manager", "says") + "."
    }

    private lazy var items: [ViewRow] = plan.items.map { item in
        ViewRow(
            own: { [unowned self] key in
                switch key {
                case "category": return ViewText(item.category.title)
                case "category_lower": return ViewText(item.category.title.lowercased())
                case "id": return ViewText(item.id)
                case "title": return ViewText(item.title)
                case "summary": return ViewText(item.summary)
                case "cost": return item.cost == 0 ? ViewText("free") : ViewText(formatMoney(item.cost, plan.currency))
                case "hours": return Self.number(item.hours)
                case "hours_text": return ViewText(Self.number(item.hours).text + (item.hours == 1 ? " hour" : " hours"))
                case "start": return ViewText(SessionDate.format(item.start))
                case "due": return ViewText(SessionDate.format(item.due))
                case "builds": return ViewText(item.builds.map { (shared.dimensionTitles[$0] ?? $0).lowercased() }.joined(separator: ", "))
                case "reason": return ViewText(item.reason)
                case "issuer": return ViewText(item.issuer ?? "")
                case "has_issuer": return item.issuer != nil
                case "done_when": return ViewText(item.doneWhen)
                case "kind": return ViewText(item.kind ?? "")
                case "direction_text":
                    return ViewText(item.direction.map { $0 == .learn ? "someone to learn from" : "you teach" } ?? "")
                case "has_direction": return item.direction != nil
                default: return nil
                }
            }, root: self)
    }

    private lazy var milestones: [ViewRow] = MilestonePlanner.checkIns(for: plan, ladder: prompts.ladder).map { checkIn in
        ViewRow(
            own: { [unowned self] key in
                switch key {
                case "due": return ViewText(SessionDate.format(checkIn.due))
                case "title": return ViewText(checkIn.title)
                case "description": return ViewText(MilestonePlanner.description(of: checkIn))
                case "action": return ViewText(checkIn.action ?? "")
                case "has_action": return checkIn.action != nil
                case "due_now":
                    return checkIn.dueByNow.map { due in
                        ViewRow(own: { $0 == "title" ? ViewText(due.title) : $0 == "done_when" ? ViewText(due.doneWhen) : nil }, root: self)
                    }
                case "has_due_now": return !checkIn.dueByNow.isEmpty
                case "under_way": return checkIn.underWay.viewTexts
                case "has_under_way": return !checkIn.underWay.isEmpty
                case "ready_title": return ViewText(checkIn.readyTitle ?? "")
                case "ready_when": return checkIn.readyWhen.viewTexts
                case "has_ready_when": return checkIn.readyTitle != nil && !checkIn.readyWhen.isEmpty
                default: return nil
                }
            }, root: self)
    }

    private var gapRows: [ViewRow] {
        plan.gaps.filter { $0.gap > 0 }.map { gap in
            ViewRow(
                own: { [unowned self] key in
                    switch key {
                    case "title": return ViewText(shared.dimensionTitles[gap.dimension] ?? gap.dimension)
                    case "gap": return Self.room(gap.gap)
                    case "expected": return Self.score(gap.expected)
                    case "current": return Self.score(gap.current)
                    default: return nil
                    }
                }, root: self)
        }
    }

    /// How the target sits against the other track, e.g. `Staff Engineer is the same level
    /// as Engineering Manager.`, or for a move across tracks, one sentence saying so.
    private lazy var levelNote: String? = {
        let ladder = prompts.ladder
        guard let target = ladder.level(plan.targetLevel) else { return nil }
        let equivalent = plan.equivalentLevel.flatMap(ladder.level)
        if let current = ladder.level(plan.currentLevel), current.track != target.track {
            let trackTitle = (ladder.tracks.first { $0.id == target.track }?.title ?? target.track).lowercased()
            guard let equivalent else { return "This is a move across to the \(trackTitle) track." }
            if equivalent.id == current.id {
                return "This is a sideways move to the \(trackTitle) track: \(target.title) is the same level as \(current.title), your level now."
            }
            return "This is a move across to the \(trackTitle) track: \(target.title) is the same level as \(equivalent.title)."
        }
        return equivalent.map { "\(target.title) is the same level as \($0.title)." }
    }()

    /// The plan in numbers, in sentences, each total saying what it counts; clauses that
    /// would say zero are left out.
    private var summary: String {
        let number = { (value: Double) in formatOneDecimal(value) }
        var sentences = ["\(plan.horizonMonths) months, \(SessionDate.format(plan.startDate)) to \(SessionDate.format(plan.endDate))."]
        let capacity = number(plan.hoursCapacityPerMonth)
        if plan.developmentHours > 0 {
            let busiest = number(plan.busiestMonthHours)
            let busiestMonth: String
            if !plan.managerAnswered {
                busiestMonth = "at most \(busiest) in any month, against a default of \(capacity) a month until your manager says what they can free"
            } else if plan.busiestMonthHours <= plan.hoursCapacityPerMonth {
                busiestMonth = "at most \(busiest) in any month, within the \(capacity) a month your manager can free"
            } else {
                // Said as it is: a month above what can be freed is a month to agree.
                busiestMonth = "\(busiest) in the busiest month, more than the \(capacity) a month your manager can free, so agree that month together"
            }
            sentences.append(
                "Development activities take \(number(plan.developmentHours)) hours: about \(number(plan.hoursPerMonth)) a month "
                    + "and \(busiestMonth).")
        } else {
            sentences.append("No development hours are planned yet.")
        }
        if plan.jobHours > 0 {
            sentences.append(
                "Stretch work, trials and first steps take \(number(round1(plan.jobHours))) hours of work time: part of your job, not study time.")
        }
        if plan.specialProjectPercent > 0 {
            sentences.append(
                "Special projects take \(plan.specialProjectPercent)% of your working time on top: "
                    + "\(number(plan.specialProjectHours)) hours, at most \(number(plan.specialProjectHoursPerMonth)) in any month.")
            sentences.append("Together the activities below add up to \(number(round1(plan.developmentHours + plan.jobHours + plan.specialProjectHours))) hours.")
        }
        let money = { (value: Double) in formatMoney(value, self.plan.currency) }
        if plan.budgetAmount > 0 {
            if plan.committed > 0 {
                sentences.append(
                    "Budget \(money(plan.budgetAmount)): \(money(plan.committed)) committed, \(money(round2(plan.budgetAmount - plan.committed))) left.")
            } else {
                sentences.append("Budget \(money(plan.budgetAmount)), none of it needed yet: every activity is free.")
            }
        } else {
            sentences.append(plan.specialProjectPercent > 0 ? "No budget agreed yet." : "No budget or project time agreed yet.")
        }
        if !plan.items.isEmpty {
            let mix = [
                (plan.allocation.onTheJob, "on the job"), (plan.allocation.social, "from other people"),
                (plan.allocation.formal, "formal"),
            ].filter { $0.0 > 0 }.map { "\($0.0)% \($0.1)" }
            sentences.append("Learning mix, by hours: " + Dimension.list(mix) + ".")
        }
        return sentences.joined(separator: " ")
    }
}

/// The version shown in reports; the command line reports the same.
public let careerpathVersion = "0.1.0"
