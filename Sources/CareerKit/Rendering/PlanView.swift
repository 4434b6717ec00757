import Foundation

/// What the report templates see: every value already worded and formatted, so the
/// templates stay logic-less. Keys are documented in prompts/templates/README.md.
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

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    private static let flagText: [String: String] = [
        "pay-status-motive": "Pay or status is a main reason for wanting management: worth talking through before any move.",
        "rater-divergence": "The contributor and the manager see some things differently: see the disagreements below.",
        "exploratory": "Neither track pulls strongly yet: the plan leans on challenging projects while the person explores.",
        "uniform-answers": "Nearly every rating was the same, so the ratings alone cannot tell the tracks apart.",
        "growth-in-place": "The plan grows the person where they are rather than toward a promotion.",
        "no-manager-view": "Only the contributor answered: add the manager's view to firm up the result.",
        "no-self-view": "Only the manager answered: the contributor's own view is missing.",
    ]

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
                "mode": modeText, "manager": answers.managerName ?? "",
                "has_manager": answers.managerName != nil,
            ] as [String: Any],
        ]
        let ranked = Track.allCases.sorted { (assessment.scores[$0] ?? 0, $1) > (assessment.scores[$1] ?? 0, $0) }
        context["track"] = [
            "recommended": assessment.recommended.title,
            "recommended_id": assessment.recommended.rawValue,
            "archetype": assessment.archetype.replacingOccurrences(of: "_", with: " "),
            "confidence": assessment.confidence.rawValue,
            "confidence_notes": assessment.confidenceNotes,
            "scores": ranked.map { track -> [String: Any] in
                let score = assessment.scores[track] ?? 0
                return [
                    "title": track.shortTitle, "value": Self.number(score), "recommended": track == assessment.recommended,
                    "bar": TerminalReport.bar(score, width: 20),
                ]
            },
            "reasons": assessment.explanation.map { ReasonText.sentence($0, bank: prompts.bank) },
        ] as [String: Any]
        let expects = prompts.ladder.level(plan.targetLevel)?.expects ?? [:]
        let gaps = Dictionary(uniqueKeysWithValues: plan.gaps.map { ($0.dimension, $0) })
        context["dimensions"] = assessment.dimensions.map { score -> [String: Any] in
            func cell(_ value: Double?) -> String { value.map(Self.number) ?? "–" }
            return [
                "title": Dimension.title(score.name), "name": score.name,
                "meaning": prompts.weights.dimension(score.name)?.meaning ?? "",
                "self": cell(score.selfScore), "manager": cell(score.managerScore), "combined": cell(score.combined),
                "expected": expects[score.name].map(String.init) ?? "–",
                "gap": gaps[score.name].map { $0.gap > 0 ? Self.number($0.gap) : "none" } ?? "–",
            ]
        }
        context["divergence"] = assessment.divergence.map { gap -> [String: Any] in
            if gap.dimension == "track" {
                return ["text": "Track: the manager sees \(gap.managerView ?? "?"); the answers point to \(gap.selfView ?? "?")."]
            }
            let higher = (gap.gap ?? 0) > 0 ? "the contributor rates it higher" : "the manager rates it higher"
            return [
                "text": "\(Dimension.title(gap.dimension)): contributor \(Self.number(gap.selfScore ?? 0)), manager \(Self.number(gap.managerScore ?? 0)); \(higher)."
            ]
        }
        context["has_divergence"] = !assessment.divergence.isEmpty
        context["flags"] = assessment.flags.compactMap { Self.flagText[$0] }
        context["notes"] = answers.notes ?? ""
        context["has_notes"] = !(answers.notes ?? "").isEmpty
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

    private var modeText: String {
        switch answers.mode {
        case .oneOnOne: return "one-on-one"
        case .selfAssessment: return "self-assessment"
        case .manager: return "manager's preparation"
        }
    }

    private func planContext() -> [String: Any] {
        let money = { (value: Double) in formatMoney(value, plan.currency) }
        let byCategory = Catalog.Category.allCases.compactMap { category -> [String: Any]? in
            let items = plan.items.filter { $0.category == category }
            guard !items.isEmpty else { return nil }
            return ["title": category.title, "items": items.map(itemContext)]
        }
        return [
            "current": levelTitle(plan.currentLevel) ?? plan.currentLevel,
            "target": levelTitle(plan.targetLevel) ?? plan.targetLevel,
            "target_id": plan.targetLevel,
            "equivalent": levelTitle(plan.equivalentLevel) ?? "",
            "has_equivalent": plan.equivalentLevel != nil,
            "growth_in_place": plan.growthInPlace,
            "start": SessionDate.format(plan.startDate), "end": SessionDate.format(plan.endDate),
            "horizon_months": plan.horizonMonths,
            "hours_per_month": Self.number(plan.hoursPerMonth),
            "hours_capacity": Self.number(plan.hoursCapacityPerMonth),
            "total_hours": Self.number(plan.developmentHours),
            "on_the_job": plan.allocation.onTheJob, "social": plan.allocation.social, "formal": plan.allocation.formal,
            "special_project_percent": plan.specialProjectPercent,
            "budget": money(plan.budgetAmount), "committed": money(plan.committed),
            "remaining": money(round2(plan.budgetAmount - plan.committed)),
            "items": plan.items.map(itemContext),
            "has_items": !plan.items.isEmpty,
            "categories": byCategory,
            "milestones": plan.milestones.map {
                ["due": SessionDate.format($0.due), "title": $0.title, "description": $0.description]
            },
            "gaps": plan.gaps.filter { $0.gap > 0 }.map {
                ["title": Dimension.title($0.dimension), "gap": Self.number($0.gap), "expected": Self.number($0.expected),
                 "current": Self.number($0.current)]
            },
            "notes": plan.notes,
        ]
    }

    private func itemContext(_ item: DevelopmentPlan.Item) -> [String: Any] {
        [
            "category": item.category.title, "id": item.id, "title": item.title, "summary": item.summary,
            "cost": item.cost == 0 ? "free" : formatMoney(item.cost, plan.currency), "hours": Self.number(item.hours),
            "start": SessionDate.format(item.start), "due": SessionDate.format(item.due),
            "builds": item.builds.map { Dimension.title($0).lowercased() }.joined(separator: ", "),
            "reason": item.reason, "issuer": item.issuer ?? "", "has_issuer": item.issuer != nil,
        ]
    }
}

/// The version shown in reports; the command line reports the same.
public let careerpathVersion = "0.1.0"
