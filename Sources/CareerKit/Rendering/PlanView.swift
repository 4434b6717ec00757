import Foundation

/// What the report templates see: every value already worded and formatted, so the
/// templates stay logic-less. The documents speak to the contributor as "you". Keys are
/// documented in prompts/templates/README.md.
struct PlanView {
    let answers: Answers
    let assessment: Assessment
    let plan: DevelopmentPlan
    let prompts: PromptSet
    /// Whether to include the SVG charts (HTML only).
    let charts: Bool

    private func levelTitle(_ id: String?) -> String? {
        guard let id else { return nil }
        return prompts.ladder.level(id)?.title ?? id
    }

    private static func number(_ value: Double) -> String { formatOneDecimal(value) }

    /// Whether the manager gave no answers at all: said once, at the top of the document.
    private var managerMissing: Bool {
        answers.responses[.manager]?.isEmpty ?? true
    }

    func context() -> [String: Any] {
        let person = answers.person
        var context: [String: Any] = [
            "generator": "careerpath \(careerpathVersion)",
            "person": [
                "name": person.name, "id": person.id ?? "", "has_id": person.id != nil,
                "level": levelTitle(person.currentLevel) ?? person.currentLevel, "level_id": person.currentLevel,
                "domain": person.domain ?? "",
            ] as [String: Any],
            "session": [
                "date": answers.date ?? SessionDate.format(plan.startDate),
                "mode": modeText, "summary": sessionSummary, "manager": answers.managerName ?? "",
                "has_manager": answers.managerName != nil,
            ] as [String: Any],
            "manager_missing": managerMissing,
            "manager_missing_text": managerMissing ? managerMissingText : "",
        ]
        context["track"] = trackContext()
        let expects = prompts.ladder.level(plan.targetLevel)?.expects ?? [:]
        let gaps = Dictionary(uniqueKeysWithValues: plan.gaps.map { ($0.dimension, $0) })
        let hasSelf = assessment.dimensions.contains { $0.selfScore != nil }
        let hasManager = assessment.dimensions.contains { $0.managerScore != nil }
        context["profile"] = ["has_self": hasSelf, "has_manager": hasManager, "has_both": hasSelf && hasManager]
        context["dimensions"] = assessment.dimensions.map { score -> [String: Any] in
            func cell(_ value: Double?) -> String { value.map(Self.number) ?? "–" }
            return [
                "title": Dimension.title(score.name), "name": score.name,
                "meaning": prompts.weights.dimension(score.name)?.meaning ?? "",
                "self": cell(score.selfScore), "combined": cell(score.combined),
                // Not observed yet is not low: said as such.
                "manager": score.managerScore == nil && notObserved(score.name) ? AnswerValue.notObservedText : cell(score.managerScore),
                "expected": expects[score.name].map(String.init) ?? "–",
                // One mark for no room to grow: met already, or not a skill the plan works on.
                "gap": gaps[score.name].flatMap { $0.gap > 0 ? Self.number($0.gap) : nil } ?? "–",
            ]
        }
        let materialGap = ReasonText.materialGap(scalePoints: prompts.weights.thresholds.divergencePoints)
        context["divergence"] = assessment.divergence.map { ["text": ReasonText.divergence($0)] }
        context["has_divergence"] = !assessment.divergence.isEmpty
        context["material_gap"] = Self.number(materialGap)
        context["material_gap_scale_points"] = Self.number(prompts.weights.thresholds.divergencePoints)
        context["flags"] = ReasonText.flagCallouts(assessment.flags)
        // Notes taken one by one in a talk are lines: a paragraph each, not one run-on paragraph.
        let noteParagraphs = (answers.notes ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        context["notes"] = answers.notes ?? ""
        context["note_paragraphs"] = noteParagraphs
        context["has_notes"] = !noteParagraphs.isEmpty
        // Mustache treats an empty text as true, so each optional text has its own flag.
        for (key, id, role) in [
            ("goal", "goal.statement", Role.contributor), ("first_step", "will.first_step", .contributor),
            ("manager_support", "will.support", .manager),
        ] {
            let text = answers.value(id, by: role)?.text ?? ""
            context[key] = text
            context["has_" + key] = !text.isEmpty
        }
        context["plan"] = planContext()
        if charts {
            context["charts"] = [
                "fits": PlanCharts.trackFits(assessment),
                "profile": PlanCharts.dimensionProfile(assessment, expects: expects),
                "ladders": PlanCharts.ladders(prompts.ladder, current: plan.currentLevel, target: plan.targetLevel),
            ]
        }
        return context
    }

    /// Whether the manager answered every observation of a dimension with n/a.
    private func notObserved(_ dimension: String) -> Bool {
        answers.notObserved(prompts.weights.dimension(dimension)?.observations ?? [])
    }

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
            "\(Self.number(plan.hoursCapacityPerMonth)) development hours a month",
            plan.budgetAmount > 0 ? "a budget of \(formatMoney(plan.budgetAmount, plan.currency))" : "no budget",
            special > 0 ? "\(special)% of your working time for special projects" : "no time for special projects",
        ]
        let capped = assessment.flags.contains("no-manager-view") ? ", which keeps confidence at medium or below," : ""
        return "Your manager has not answered yet, so the result rests on your answers alone\(capped) and the plan assumes "
            + Dimension.list(assumed) + ". Go through it together and adjust it."
    }

    private func trackContext() -> [String: Any] {
        let ranked = Track.scored.sorted { (assessment.scores[$0] ?? 0, $1) > (assessment.scores[$1] ?? 0, $0) }
        let reasons = ReasonText.split(assessment, bank: prompts.bank)
        let archetypeText = ReasonText.archetypeText(assessment.archetype)
        return [
            "recommended": assessment.recommended.title,
            "recommended_id": assessment.recommended.rawValue,
            "archetype": ReasonText.archetypeTitle(assessment.archetype),
            "archetype_id": assessment.archetype,
            "archetype_text": archetypeText ?? "",
            "has_archetype_text": archetypeText != nil,
            "confidence": assessment.confidence.rawValue,
            "confidence_text": ReasonText.confidenceText(assessment.confidence),
            "confidence_notes": ReasonText.confidenceNotes(assessment, missingManager: false),
            "scores": ranked.map { track -> [String: Any] in
                let score = assessment.scores[track] ?? 0
                return [
                    "title": track.shortTitle, "value": Self.number(score), "recommended": track == assessment.recommended,
                    "bar": TerminalReport.bar(score, width: 20),
                ]
            },
            "other": ReasonText.otherTrack(assessment).shortTitle,
            "lead": ReasonText.leadTrack(assessment).shortTitle,
            "reasons_toward": reasons.toward,
            "reasons_against": reasons.against,
            "has_reasons": !assessment.explanation.isEmpty,
            "has_reasons_toward": !reasons.toward.isEmpty,
            "has_reasons_against": !reasons.against.isEmpty,
        ]
    }

    private func planContext() -> [String: Any] {
        let money = { (value: Double) in formatMoney(value, plan.currency) }
        let levelNote = self.levelNote
        // The manager-has-not-answered note is said once, at the top.
        let notes = plan.notes.filter {
            if case .managerMissing = $0 { return !managerMissing }
            return true
        }.map(\.sentence)
        return [
            "current": levelTitle(plan.currentLevel) ?? plan.currentLevel,
            "target": levelTitle(plan.targetLevel) ?? plan.targetLevel,
            "target_id": plan.targetLevel,
            "equivalent": levelTitle(plan.equivalentLevel) ?? "",
            "has_equivalent": plan.equivalentLevel != nil,
            "level_note": levelNote ?? "",
            "has_level_note": levelNote != nil,
            "growth_in_place": plan.growthInPlace,
            "start": SessionDate.format(plan.startDate), "end": SessionDate.format(plan.endDate),
            "horizon_months": plan.horizonMonths,
            "hours_per_month": Self.number(plan.hoursPerMonth),
            "hours_capacity": Self.number(plan.hoursCapacityPerMonth),
            "total_hours": Self.number(plan.developmentHours),
            "busiest_month_hours": Self.number(plan.busiestMonthHours),
            "special_project_hours": Self.number(plan.specialProjectHours),
            "special_project_hours_per_month": Self.number(plan.specialProjectHoursPerMonth),
            "exploratory": plan.exploratory,
            "on_the_job": plan.allocation.onTheJob, "social": plan.allocation.social, "formal": plan.allocation.formal,
            "special_project_percent": plan.specialProjectPercent,
            "budget": money(plan.budgetAmount), "committed": money(plan.committed),
            "remaining": money(round2(plan.budgetAmount - plan.committed)),
            "summary": summary,
            "items": plan.items.sorted { ($0.start, $0.due, $0.id) < ($1.start, $1.due, $1.id) }.map(itemContext),
            "has_items": !plan.items.isEmpty,
            "milestones": MilestonePlanner.checkIns(for: plan, ladder: prompts.ladder).map(checkInContext),
            "gaps": plan.gaps.filter { $0.gap > 0 }.map {
                ["title": Dimension.title($0.dimension), "gap": Self.number($0.gap), "expected": Self.number($0.expected),
                 "current": Self.number($0.current)]
            },
            "notes": notes,
        ]
    }

    /// How the target sits against the other track, e.g. `Staff Engineer is the same level
    /// as Engineering Manager.`, or for a move across tracks, one sentence saying so.
    private var levelNote: String? {
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
    }

    /// The plan in numbers, in sentences, each total saying what it counts; clauses that
    /// would say zero are left out.
    private var summary: String {
        var sentences = ["\(plan.horizonMonths) months, \(SessionDate.format(plan.startDate)) to \(SessionDate.format(plan.endDate))."]
        let capacity = Self.number(plan.hoursCapacityPerMonth)
        if plan.developmentHours > 0 {
            let against = plan.managerAnswered
                ? "within the \(capacity) a month your manager can free"
                : "against a default of \(capacity) a month until your manager says what they can free"
            sentences.append(
                "Development activities take \(Self.number(plan.developmentHours)) hours: about \(Self.number(plan.hoursPerMonth)) a month "
                    + "and at most \(Self.number(plan.busiestMonthHours)) in any month, \(against).")
        } else {
            sentences.append("No development hours are planned yet.")
        }
        if plan.specialProjectPercent > 0 {
            sentences.append(
                "Special projects take \(plan.specialProjectPercent)% of your working time on top: "
                    + "\(Self.number(plan.specialProjectHours)) hours, at most \(Self.number(plan.specialProjectHoursPerMonth)) in any month.")
            sentences.append("Together the activities below add up to \(Self.number(plan.developmentHours + plan.specialProjectHours)) hours.")
        }
        let money = { (value: Double) in formatMoney(value, plan.currency) }
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

    private func itemContext(_ item: DevelopmentPlan.Item) -> [String: Any] {
        [
            "category": item.category.title, "category_lower": item.category.title.lowercased(), "id": item.id,
            "title": item.title, "summary": item.summary,
            "cost": item.cost == 0 ? "free" : formatMoney(item.cost, plan.currency), "hours": Self.number(item.hours),
            "start": SessionDate.format(item.start), "due": SessionDate.format(item.due),
            "builds": LazyText { item.builds.map { Dimension.title($0).lowercased() }.joined(separator: ", ") },
            "reason": item.reason, "issuer": item.issuer ?? "", "has_issuer": item.issuer != nil,
            "done_when": item.doneWhen, "kind": item.kind ?? "",
            "direction_text": item.direction.map { $0 == .learn ? "someone to learn from" : "you teach" } ?? "",
            "has_direction": item.direction != nil,
        ]
    }

    private func checkInContext(_ checkIn: MilestonePlanner.CheckIn) -> [String: Any] {
        [
            "due": SessionDate.format(checkIn.due), "title": checkIn.title,
            "description": LazyText { MilestonePlanner.description(of: checkIn) },
            "action": checkIn.action ?? "", "has_action": checkIn.action != nil,
            "due_now": checkIn.dueByNow.map { ["title": $0.title, "done_when": $0.doneWhen] },
            "has_due_now": !checkIn.dueByNow.isEmpty,
            "under_way": checkIn.underWay, "has_under_way": !checkIn.underWay.isEmpty,
            "ready_title": checkIn.readyTitle ?? "", "ready_when": checkIn.readyWhen,
            "has_ready_when": checkIn.readyTitle != nil && !checkIn.readyWhen.isEmpty,
        ]
    }
}

/// The version shown in reports; the command line reports the same.
public let careerpathVersion = "0.1.0"
