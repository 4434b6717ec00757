import Foundation

/// Turns a scored conversation into a development plan: level targets, gaps, catalog items
/// within budget and hours, the special-project share, dates and milestones.
public struct Planner: Sendable {
    let prompts: PromptSet

    /// Per catalog item, in catalog order: the dimensions it builds as positions in
    /// `Dimension.names`, worked out once rather than for every plan.
    private let buildIndices: [[Int]]

    public init(prompts: PromptSet) {
        self.prompts = prompts
        buildIndices = prompts.catalog.items.map { $0.builds.compactMap { Dimension.names.firstIndex(of: $0) } }
    }

    private var settings: PlanningSettings { prompts.weights.planning }

    /// Makes the plan. `today` is used when the answers carry no session date, so a caller
    /// that injects a fixed clock gets reproducible output.
    ///
    /// - Throws: `CareerError.invalidData` when the catalog has no exchange rate for the
    ///   budget's currency.
    /// - Parameter previous: what the last plan says: finished or dropped items are left out,
    ///   items still under way are carried forward first.
    public func plan(
        for answers: Answers, assessment: Assessment, today: Date, previous: PlanHistory? = nil
    ) throws -> DevelopmentPlan {
        let ladder = prompts.ladder
        let catalog = prompts.catalog
        let growthInPlace = assessment.flags.contains("growth-in-place")
        let (target, equivalent) = LevelTargets.target(
            current: answers.person.currentLevel, recommended: assessment.recommended, growthInPlace: growthInPlace,
            ladder: ladder)
        var notes: [String] = []

        // What the manager can give, or the defaults when they have not said.
        func managerNumber(_ id: String) -> Double? { answers.number(id, by: .manager) }
        let horizon = answers.number("goal.horizon_months", by: .contributor).map { Int($0) } ?? settings.defaultHorizonMonths
        let hoursPerMonth = managerNumber("capacity.dev_hours_per_month") ?? Double(settings.defaultDevHoursPerMonth)
        let specialCap = managerNumber("capacity.special_project_percent").map { Int($0) } ?? settings.defaultSpecialProjectPercent
        let currency = answers.value("budget.currency", by: .manager)?.text ?? catalog.currency
        guard let rate = catalog.convert(1, to: currency) else {
            throw CareerError.invalidData([
                Diagnostic(
                    path: prompts.directory + "/" + PromptSet.catalogFile, line: 1, column: 1,
                    message: "there is no exchange rate for '\(currency)', the budget currency; add it under 'exchange_rates'")
            ])
        }
        // The default budget is in the catalog's currency, like every cost.
        let budget = managerNumber("budget.amount") ?? round2(settings.defaultBudget * rate)
        if answers.responses[.manager]?.isEmpty ?? true {
            notes.append(
                "The manager has not answered yet, so the plan assumes \(Int(hoursPerMonth)) development hours a month, a budget of \(formatMoney(budget, currency)) and \(specialCap)% special-project time. Revisit it together.")
        }

        // Gaps against the target level.
        let expects = ladder.level(target)?.expects ?? [:]
        let gaps: [DevelopmentPlan.Gap] = assessment.dimensions.compactMap { score in
            guard let current = score.combined, let expected = expects[score.name],
                prompts.weights.dimension(score.name)?.planGap ?? true
            else { return nil }
            return DevelopmentPlan.Gap(
                dimension: score.name, expected: Double(expected), current: current, gap: round1(Double(expected) - current))
        }.sorted { ($0.gap, $1.dimension) > ($1.gap, $0.dimension) }

        // The special-project share: from the project kinds the contributor named, within the cap.
        let projectInterests = answers.value("interest.projects", by: .contributor)?.values ?? []
        let wanted = projectInterests.count * settings.specialProjectPercentPerInterest
        let specialPercent = min(specialCap, Int((Double(wanted) / 5).rounded()) * 5)

        let start = answers.date.flatMap(SessionDate.parse) ?? today
        let end = SessionDate.adding(months: horizon, to: start)
        let horizonDays = SessionDate.days(from: start, to: end) ?? horizon * 30
        let selection = select(
            answers: answers, assessment: assessment, previous: previous ?? PlanHistory(), gaps: gaps,
            currency: currency, budget: budget, horizonDays: horizonDays,
            developmentHours: hoursPerMonth * Double(horizon),
            specialHours: Double(specialPercent) / 100 * settings.workingHoursPerMonth * Double(horizon))

        let items = PlanScheduler.schedule(selection, start: start, end: end)
        let committed = round2(items.reduce(0) { $0 + $1.cost })
        let developmentHours = items.filter { $0.category != .specialProject }.reduce(0) { $0 + $1.hours }

        var plan = DevelopmentPlan(
            currentLevel: answers.person.currentLevel, targetLevel: target, equivalentLevel: equivalent,
            growthInPlace: growthInPlace, startDate: start, endDate: end, horizonMonths: horizon,
            hoursPerMonth: round1(developmentHours / Double(horizon)), hoursCapacityPerMonth: hoursPerMonth,
            allocation: Self.allocation(items, settings: settings), specialProjectPercent: specialPercent,
            budgetAmount: budget, currency: currency, committed: committed, items: items, milestones: [], gaps: gaps,
            notes: notes)
        plan.milestones = MilestonePlanner.milestones(for: plan, ladder: ladder)
        return plan
    }

    private func select(
        answers: Answers, assessment: Assessment, previous: PlanHistory, gaps: [DevelopmentPlan.Gap], currency: String,
        budget: Double, horizonDays: Int,
        developmentHours: Double, specialHours: Double
    ) -> [DevelopmentPlan.Item] {
        let catalog = prompts.catalog
        let certificationInterests = Set(answers.value("interest.certifications", by: .contributor)?.values ?? [])
        let networkingInterests = Set(answers.value("interest.networking", by: .contributor)?.values ?? [])
        let projectInterests = Set(answers.value("interest.projects", by: .contributor)?.values ?? [])
        let domain = answers.person.domain
        let categories = Catalog.Category.allCases
        let gapByName = Dictionary(uniqueKeysWithValues: gaps.map { ($0.dimension, $0.gap) })

        /// The words people chose from, e.g. "Speaking at meetups or conferences".
        func label(_ value: String, of itemID: String) -> String {
            let label = prompts.bank.item(itemID)?.kind.choices.first { $0.value == value }?.label ?? value
            return label.prefix(1).lowercased() + label.dropFirst()
        }
        func answersInterest(_ item: Catalog.Item) -> Bool {
            switch item.category {
            case .certification: return !certificationInterests.isDisjoint(with: item.domains)
            case .networking: return item.kind.map(networkingInterests.contains) == true
            case .specialProject: return item.kind.map(projectInterests.contains) == true
            default: return false
            }
        }
        /// Why an item is in the plan, in a few words (worked out only for the chosen ones).
        func reason(_ item: Catalog.Item) -> String {
            var why: [String] = []
            let closing = item.builds.filter { (gapByName[$0] ?? 0) > 0 }.map { Dimension.title($0).lowercased() }
            if !closing.isEmpty { why.append("room to grow in " + Dimension.list(closing)) }
            if answersInterest(item) {
                switch item.category {
                case .certification:
                    let domains = certificationInterests.intersection(item.domains).sorted().map { label($0, of: "interest.certifications") }
                    why.append("you named " + Dimension.list(domains) + " as a certification interest")
                case .networking: why.append("you asked for " + label(item.kind!, of: "interest.networking"))
                default: why.append("you asked for " + label(item.kind!, of: "interest.projects"))
                }
            }
            if previous.carried.contains(item.id) { why.insert("carried over from the last plan", at: 0) }
            if why.isEmpty {
                switch item.category {
                case .mentoring: why.append("someone to learn from: every plan has a mentor")
                case .stretchAssignment, .specialProject: why.append("most growth comes from real work like this")
                default: why.append("adds some formal learning to the plan")
                }
            }
            return why.joined(separator: "; ")
        }
        let rate = catalog.convert(1, to: currency) ?? 1
        var candidates: [CatalogSelector.Candidate] = []
        candidates.reserveCapacity(catalog.items.count)
        let track = assessment.recommended.rawValue
        for (position, item) in catalog.items.enumerated()
        where item.tracks.contains(track) && !previous.excluded.contains(item.id) {
            var bonus = answersInterest(item) ? settings.interestBonus : 0
            if previous.carried.contains(item.id) { bonus += settings.interestBonus }
            if let domain, item.domains.contains(domain) { bonus += settings.domainBonus }
            candidates.append(
                CatalogSelector.Candidate(
                    item: item, cost: round2(item.cost * rate),
                    builds: buildIndices[position], bonus: bonus,
                    mixClass: CatalogSelector.mixClass(of: item.category), isSpecialProject: item.category == .specialProject,
                    categoryIndex: categories.firstIndex(of: item.category)!))
        }
        func index(_ category: Catalog.Category) -> Int { categories.firstIndex(of: category)! }
        var required: [Set<Int>] = [[index(.mentoring)], [index(.stretchAssignment), index(.specialProject)]]
        if !certificationInterests.isEmpty { required.append([index(.certification)]) }
        if !networkingInterests.isEmpty { required.append([index(.networking)]) }
        if !projectInterests.isEmpty, specialHours > 0 { required.append([index(.specialProject)]) }

        let selector = CatalogSelector(
            candidates: candidates,
            gaps: Dimension.names.map { max(0, gapByName[$0] ?? 0) },
            limits: CatalogSelector.Limits(
                budget: budget, developmentHours: developmentHours, specialProjectHours: specialHours,
                laneDays: (0..<3).map { lane in horizonDays - PlanScheduler.offsetDays(ofLane: lane) }),
            settings: settings, required: required)
        return selector.select().map { index in
            let candidate = candidates[index]
            let item = candidate.item
            return DevelopmentPlan.Item(
                category: item.category, id: item.id, title: item.title, summary: item.summary, cost: candidate.cost,
                hours: item.hours, weeks: item.weeks, start: .distantPast, due: .distantPast,
                builds: item.builds, reason: reason(item), issuer: item.issuer)
        }
    }

    /// Percent of plan hours on the job, from others and formal, summing to 100 (largest
    /// remainder). With no hours at all, the target mix.
    static func allocation(_ items: [DevelopmentPlan.Item], settings: PlanningSettings) -> (onTheJob: Int, social: Int, formal: Int) {
        var hours = [0.0, 0.0, 0.0]
        for item in items { hours[CatalogSelector.mixClass(of: item.category)] += item.hours }
        let total = hours.reduce(0, +)
        let shares = total > 0 ? hours.map { $0 / total * 100 } : [settings.mix.onTheJob, settings.mix.social, settings.mix.formal]
        var whole = shares.map { Int($0.rounded(.down)) }
        let order = shares.indices.sorted { (shares[$0] - Double(whole[$0]), $1) > (shares[$1] - Double(whole[$1]), $0) }
        for index in order.prefix(100 - whole.reduce(0, +)) { whole[index] += 1 }
        return (whole[0], whole[1], whole[2])
    }
}

func round2(_ value: Double) -> Double {
    (value * 100).rounded() / 100
}

/// An amount with its currency, e.g. `1,250 USD` or `99.50 EUR`.
public func formatMoney(_ amount: Double, _ currency: String) -> String {
    let whole = amount == amount.rounded()
    let number = formatFixed(amount, decimals: whole ? 0 : 2)
    var digits = whole ? number : String(number.prefix { $0 != "." })
    let fraction = whole ? "" : String(number.drop { $0 != "." })
    var grouped = ""
    while digits.count > 3 {
        grouped = "," + digits.suffix(3) + grouped
        digits = String(digits.dropLast(3))
    }
    return digits + grouped + fraction + " " + currency
}
