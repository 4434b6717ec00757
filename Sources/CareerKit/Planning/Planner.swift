import Foundation

/// Turns a scored conversation into a development plan: the target level on the recommended
/// track, the room to grow on that track's skills, catalog items that suit the person's
/// level and close that room within the budget and each month's hours, the special-project
/// share the manager offered, dates and check-ins with what done looks like.
public struct Planner: Sendable {
    let prompts: PromptSet

    public init(prompts: PromptSet) {
        self.prompts = prompts
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
        let track = assessment.recommended
        let exploratory = track == .undecided
        let growthInPlace = assessment.flags.contains(.growthInPlace)
        let managementLeads = track == .hybrid
            && (assessment.scores[.management] ?? 0) - (assessment.scores[.ic] ?? 0) >= settings.hybridManagementLead
        // A hybrid who wants people to report to them (a tech-lead-manager), by the archetype.
        let wantsReports = track == .hybrid && settings.hybridPeopleArchetypes.contains(assessment.archetype)
        let (targetID, equivalent) = LevelTargets.target(
            current: answers.person.currentLevel, recommended: track, growthInPlace: growthInPlace,
            managementLeads: managementLeads, wantsReports: wantsReports, ladder: ladder)
        let current = ladder.level(answers.person.currentLevel)
        let target = ladder.level(targetID)
        var notes: [PlanNote] = []

        // What the manager can give, or the defaults when they have not said.
        let managerAnswered = !(answers.responses[.manager]?.isEmpty ?? true)
        func managerNumber(_ id: String) -> Double? { answers.number(id, by: .manager) }
        var horizon = answers.number("goal.horizon_months", by: .contributor).map { Int($0) } ?? settings.defaultHorizonMonths
        let hoursPerMonth = managerNumber("capacity.dev_hours_per_month") ?? Double(settings.defaultDevHoursPerMonth)
        let offered = managerNumber("capacity.special_project_percent").map { Int($0) } ?? settings.defaultSpecialProjectPercent
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
        if !managerAnswered {
            notes.append(
                .managerMissing(
                    hoursPerMonth: hoursPerMonth, budget: budget > 0 ? formatMoney(budget, currency) : nil,
                    specialPercent: offered))
        }

        // The room to grow on what the recommended track's target level needs.
        let dimensions = exploratory ? [] : settings.trackDimensions[track.rawValue] ?? []
        let managerUniform = assessment.flags.contains(.managerUniform)
        let gaps = SkillGaps.gaps(
            dimensions: dimensions, assessment: assessment, current: current, target: target,
            growthInPlace: growthInPlace, useObservations: !managerUniform, settings: settings)
        if let current, !gaps.isEmpty, gaps.allSatisfy({ $0.basis == .level }) {
            notes.append(managerUniform ? .managerUniform(levelTitle: current.title) : .gapsFromLevel(levelTitle: current.title))
        }
        // Moving back to individual work from managing people; a hybrid result keeps leading
        // technically, and a technical lead who wants more technical scope is not moving back.
        let movingBack = track == .ic && current?.managesPeople == true && target?.track == "ic"
        // Trying people work before committing to it: someone without reports whose plan
        // leads toward them (a tech lead who wants more technical scope is not one).
        let intoPeopleWork = current?.managesPeople != true
            && (track == .management
                || (track == .hybrid && (current?.leadsTechnically != true || target?.managesPeople == true)))

        if let target, track == .hybrid, target.track == "ic", target.id != current?.id {
            notes.append(.hybridScope(levelTitle: target.title))
        }
        if let current, let target, current.leadsTechnically, target.id != current.id {
            if track == .ic, target.track == "ic" { notes.append(.technicalScope(role: current.title, levelTitle: target.title)) }
            if track == .hybrid, target.managesPeople { notes.append(.peopleStep(levelTitle: target.title)) }
        }
        if movingBack, let target { notes.append(.movingBack(levelTitle: target.title)) }
        let readiness = answers.value("view.readiness", by: .manager)?.text
        if let target, target.id != current?.id, readiness == "not_yet" || readiness == "within_2y" {
            // Every observation "not observed yet" (or none given): nothing was judged.
            let observations = prompts.weights.dimensions.flatMap(\.observations)
            let observed = observations.contains { id in
                guard let value = answers.value(id, by: .manager) else { return false }
                return value != .notObserved
            }
            notes.append(.buildEvidenceFirst(levelTitle: target.title, readiness: readiness!, observed: observed))
        }

        let start = answers.date.flatMap(SessionDate.parse) ?? today
        var end = SessionDate.adding(months: horizon, to: start)
        // Undecided: exploring ends at a decision check-in about a quarter in, with a trial of
        // each track before it; the next plan is made for the track chosen.
        var decision: Date?
        // Mild answers with a small lead: the plan follows the lean, with a trial of each track
        // and a decision check-in before the rest is relied on. (Moving back from managing
        // keeps its hand-over first: its plan has no room for both yet.)
        let tentative = !exploratory && !movingBack
            && assessment.confidenceReasons.contains { if case .mildAnswers = $0 { return true } else { return false } }
        if tentative {
            let date = SessionDate.adding(days: settings.decisionDays, to: start)
            if date < end { decision = date }
        }
        if exploratory {
            let date = min(SessionDate.adding(days: settings.decisionDays, to: start), end)
            decision = date
            // The plan ends there, unless the manager dated an offer after it: what they
            // offered keeps its date, and the exploring still ends at the decision.
            let offeredLater = ["offer.project.from", "offer.trial.from", "offer.course.when"].contains { id in
                guard let text = answers.value(id, by: .manager)?.text, let day = SessionDate.parse(text) else { return false }
                return day >= date
            }
            if date < end, !offeredLater {
                end = date
                horizon = max(1, Int((Double(settings.decisionDays) / 30.44).rounded()))
            }
        }
        let decisionDay = decision.flatMap { SessionDate.days(from: start, to: $0) }
        let horizonDays = SessionDate.days(from: start, to: end) ?? horizon * 30
        func interests(_ id: String) -> [String] { answers.value(id, by: .contributor)?.values ?? [] }
        // The manager's concrete offers and both first steps come first, their time reserved.
        let offers = OfferPlanner(
            answers: answers, settings: settings, catalog: catalog, bank: prompts.bank, rate: rate, start: start, end: end,
            horizonMonths: horizon, hoursPerMonth: hoursPerMonth,
            projectCapacity: managerNumber("capacity.special_project_percent").map { Int($0) }
        ).plan()
        notes += offers.notes
        var request = PlanRequest(
            track: track, current: current, target: target, gaps: gaps, trackDimensions: dimensions,
            exploratory: exploratory,
            needsTrial: intoPeopleWork && (track == .management || target?.managesPeople == true)
                && (answers.person.yearsManaging ?? 0) == 0,
            movingBack: movingBack,
            teachesFromHere: !exploratory && track != .management
                && ladder.rank(acrossLadders: answers.person.currentLevel) >= settings.teachFromRank,
            certificationInterests: interests("interest.certifications"),
            networkingInterests: interests("interest.networking"), projectInterests: interests("interest.projects"),
            avoid: Set(interests("goal.avoid")), domain: answers.person.domain, yearsExperience: answers.person.yearsExperience,
            yearsManaging: answers.person.yearsManaging, previous: previous ?? PlanHistory(), rate: rate,
            budget: max(0, budget - offers.cost),
            developmentHours: max(0, hoursPerMonth * Double(horizon) - offers.studyHours), hoursPerMonth: hoursPerMonth,
            monthSlack: settings.monthSlack, horizonDays: horizonDays)
        // The target level's criteria: which the two say are shown, which need evidence.
        let targetCriteria = target.flatMap { $0.id == current?.id ? nil : $0.identifiedCriteria } ?? []
        let shownBySelf = answers.value(Self.criteriaShownItem, by: .contributor).map { Set($0.values) }
        let shownByManager = answers.value(Self.criteriaSeenItem, by: .manager).map { Set($0.values) }
        request.criteriaNeedingEvidence = targetCriteria.map(\.id).filter {
            !(shownBySelf?.contains($0) == true && shownByManager?.contains($0) == true)
        }
        // Context: how far along they are, whether anyone is above them, their field.
        request.expert = ladder.rank(acrossLadders: answers.person.currentLevel) >= settings.expertFromRank
            || (answers.person.yearsExperience ?? 0) >= settings.expertFromYears
        request.atTop = current.map { ladder.next(after: $0.id) == nil } ?? false
        if let current { request.above = ladder.next(after: current.id) }
        if let domain = answers.person.domain?.lowercased(), !domain.isBlank {
            request.fieldWords = Set(domain.split { !$0.isLetter && !$0.isNumber }.map(String.init)).union([domain])
        }
        // What the two named in their own words: wanted in the plan when open to the person;
        // when not open yet, said plainly, with what is open now.
        let named = NamedItems(answers: answers, catalog: catalog) { request.eligibilityProblem($0) == nil }
        request.named = Set(named.open.map(\.id))
        for item in named.closed {
            for id in item.eligibility.instead where catalog.item(id).map({ request.eligibilityProblem($0) == nil }) == true {
                request.named.insert(id)
                request.insteadOf[id] = item.names.first ?? item.title
            }
        }
        request.jobHoursPerMonth = settings.jobHoursPerMonth
        request.maxSpreadWeeks = settings.maxSpreadWeeks
        request.offeredMentor = offers.mentor
        request.offeredProject = offers.project
        request.offeredTrial = offers.trial
        request.offeredKinds = Set(answers.value("offer.kinds", by: .manager)?.values ?? [])
        request.triesPeopleWork = intoPeopleWork
        request.tentative = tentative && decision != nil
        let candidates = PlanCandidates(request: request, catalog: catalog, settings: settings, bank: prompts.bank)

        // Special projects: the share the manager offered, when project work was asked for.
        // A named project the manager offered takes the share instead of the catalog's.
        let share = offers.project ? offers.projectPercent : ProjectPlanner.share(asked: request.projectInterests, offered: offered)
        if !offers.project, !request.projectInterests.isEmpty, share == 0 {
            notes.append(.projectTimeNotAgreed(managerAnswered: managerNumber("capacity.special_project_percent") != nil))
        }
        let projectLead = 14
        var projects: [DevelopmentPlan.Item] = []
        // Said once the plan is made, and only for kinds no item of the plan answers.
        var projectNotes: [(kind: String, note: PlanNote)] = []
        if share > 0, !offers.project {
            let choice = ProjectPlanner.choose(
                kinds: request.projectInterests, limit: settings.maxProjects, horizonDays: horizonDays, leadDays: projectLead,
                best: candidates.bestProject)
            for kind in choice.missing {
                let why = candidates.projectKindAvoided(kind)
                    ? "you also asked your next steps to avoid it; talk about which one you meant."
                    : "no project of that kind suits your level in the catalog yet."
                projectNotes.append((kind, .interestNotOffered(interest: candidates.label(kind, of: "interest.projects"), why: why)))
            }
            for kind in choice.noRoom {
                projectNotes.append((kind, .interestNotOffered(interest: candidates.label(kind, of: "interest.projects"), why: "one project at a time fits in \(horizon) months; it can follow in the next plan.")))
            }
            projects = ProjectPlanner.schedule(
                choice.items.map { candidates.planItem($0) }, start: start, horizonDays: horizonDays, leadDays: projectLead,
                perDay: ProjectPlanner.hoursPerDay(percent: share, workingHoursPerMonth: settings.workingHoursPerMonth))
        }

        // Development items: chosen for value, then placed month by month. When something
        // does not fit in any month, the least important item is left out (often the one that
        // did not fit, sometimes one that crowded a more important one) and the choice is made
        // again without it.
        // Moving back, the hand-over is in the plan whatever else is chosen: it is what the move stands on.
        let handover = request.movingBack
            ? candidates.items.indices.first { candidates.items[$0].item.purpose == .handover && candidates.items[$0].item.category != .mentoring }
            : nil
        let selector = candidates.selector(
            fixed: projects.compactMap { catalog.item($0.id) } + (handover.map { [candidates.items[$0].item] } ?? []),
            maxItems: (exploratory ? settings.maxExploratoryItems : settings.maxItems) - projects.count - (handover == nil ? 0 : 1))
        var left: Set<Int> = handover.map { [$0] } ?? []
        var failedBefore: Set<Int> = []
        var placed: [DevelopmentPlan.Item] = []
        var busiest = 0.0
        for _ in 0..<10 {
            let chosen = (handover.map { [$0] } ?? []) + selector.select(excluding: left)
            let result = schedule(
                chosen, candidates: candidates, start: start, end: end, hoursPerMonth: hoursPerMonth, reserved: offers.reservations,
                reservedHours: offers.studyHours, jobReserved: offers.jobReservations, decisionDay: decisionDay)
            placed = result.placed
            busiest = result.busiest
            // The hand-over is what a move back stands on: never the one left out.
            guard !result.unplaced.isEmpty, let least = chosen.last(where: { candidates.items[$0].item.purpose != .handover })
            else { break }
            // An item that fails again after room was made for it is the one to leave out.
            let again = result.unplaced.filter(failedBefore.contains)
            if again.isEmpty { left.insert(least) } else { left.formUnion(again) }
            failedBefore.formUnion(result.unplaced)
        }
        // The offers and first steps first, then the rest by date.
        var items = offers.items.sorted { ($0.start, $0.due, $0.id) < ($1.start, $1.due, $1.id) }
            + (placed + projects).sorted { ($0.start, $0.due, $0.id) < ($1.start, $1.due, $1.id) }
        let kindsInPlan = Set(items.compactMap(\.kind))
        notes += projectNotes.filter { !kindsInPlan.contains($0.kind) }.map(\.note)
        notes += conversationNotes(
            answers: answers, request: request, target: target, readiness: readiness, items: items, label: candidates.label)
        if exploratory {
            let tracks = Set(items.filter { $0.purpose == .trial }.flatMap { catalog.item($0.id)?.tracks.filter { $0 != "hybrid" } ?? [] })
            notes.insert(.exploratory(trials: tracks.count >= 2), at: 0)
        }
        if let last = projects.last, SessionDate.days(from: last.due, to: end) ?? 0 >= 28 {
            notes.append(.projectTimeFree(percent: share, from: SessionDate.format(last.due)))
        }
        notes += candidates.unmetInterests(in: items, leftOut: Set(left.subtracting(handover.map { [$0] } ?? []).map { candidates.items[$0].item.id }))

        // Per criterion of the target: the items that produce its evidence, whose "done when"
        // then says so.
        var criteria: [DevelopmentPlan.CriterionStatus] = []
        var unevidenced: [Ladder.Criterion] = []
        let evidences = items.map { catalog.item($0.id)?.evidences ?? [] }
        for criterion in targetCriteria {
            var status = DevelopmentPlan.CriterionStatus(
                id: criterion.id, text: criterion.text, contributor: shownBySelf.map { $0.contains(criterion.id) },
                manager: shownByManager.map { $0.contains(criterion.id) }, evidence: [], examples: criterion.examples)
            if !status.shownByBoth {
                for index in items.indices where evidences[index].contains(criterion.id) {
                    status.evidence.append(items[index].id)
                    let claim = MilestonePlanner.sentenceCase(MilestonePlanner.withoutFinalStop(criterion.text))
                    items[index].doneWhen += " Evidence for \(target?.title ?? "the next level"): \(claim)."
                }
            }
            if !status.shownByBoth, status.evidence.isEmpty { unevidenced.append(criterion) }
            criteria.append(status)
        }
        // What no activity evidences comes from the person's own work, agreed with the manager
        // early and shown by the half-way review: one item for all of it, in date order among
        // the rest, after the offers and first steps.
        if !unevidenced.isEmpty {
            // After a hand-over, like every stretch.
            let handedOver = items.first { $0.purpose == .handover }.flatMap { SessionDate.days(from: start, to: $0.due) } ?? 0
            let item = Self.evidenceItem(
                for: unevidenced, target: target?.title ?? "the next level",
                levels: Array(Set([answers.person.currentLevel, targetID])).sorted(), manager: managerName(answers), start: start,
                horizonDays: horizonDays, after: handedOver)
            for index in criteria.indices where unevidenced.contains(where: { $0.id == criteria[index].id }) {
                criteria[index].evidence = [item.id]
            }
            let lead = offers.items.count
            items = Array(items[..<lead]) + (Array(items[lead...]) + [item]).sorted { ($0.start, $0.due, $0.id) < ($1.start, $1.due, $1.id) }
        }
        for item in named.closed {
            let opening = request.eligibilityOpening(item, from: start)
            let inPlan = item.eligibility.instead.filter { id in items.contains { $0.id == id } }.compactMap { catalog.item($0)?.title }
            notes.insert(
                .notYetEligible(
                    name: item.names.first ?? item.title, rule: opening.rule, have: opening.have,
                    from: opening.date.map(SessionDate.monthAndYear), meanwhile: item.eligibility.meanwhile, inPlan: inPlan),
                at: 0)
            // The first step that names it says so where the person reads it.
            if let index = items.firstIndex(where: { $0.source == .firstStep && NamedItems.mentions($0.title, item) }) {
                items[index].summary += " \(item.names.first ?? item.title) is not open to you yet (see the note on it), so talk it through with \(answers.managerName.flatMap { $0.isBlank ? nil : $0 } ?? "your manager") before you book."
            }
        }
        let committed = round2(items.reduce(0) { $0 + $1.cost })
        if committed > budget + 1e-9 { notes.append(.offerOverBudget(budget: formatMoney(budget, currency), committed: formatMoney(committed, currency))) }
        // A real budget mostly unspent while the hours are full: say that hours are the limit.
        if budget > 0, committed < budget * 0.25,
            placed.reduce(0, { $0 + $1.hours }) >= hoursPerMonth * Double(horizon) * settings.maxFill * 0.8
        {
            notes.append(.budgetLimitedByHours(budget: formatMoney(budget, currency), hoursPerMonth: hoursPerMonth))
        }
        notes += unlockNotes(
            candidates: candidates, request: request, items: items, budget: budget, committed: committed, currency: currency,
            hoursPerMonth: hoursPerMonth, alreadySaid: notes.contains { if case .budgetLimitedByHours = $0 { return true } else { return false } })
        let developmentHours = items.filter { $0.time != .job }.reduce(0) { $0 + $1.hours }
        var plan = DevelopmentPlan(
            currentLevel: answers.person.currentLevel, targetLevel: targetID, equivalentLevel: equivalent,
            // With no rung above (the top of the ladder), the plan grows the person where they are.
            growthInPlace: growthInPlace || (!exploratory && targetID == answers.person.currentLevel), exploratory: exploratory,
            readiness: readiness, startDate: start, endDate: end,
            horizonMonths: horizon, hoursPerMonth: round1(developmentHours / Double(horizon)),
            busiestMonthHours: round1(max(busiest, PlanCheck.monthlyHours(items.filter { $0.time != .job }).values.max() ?? 0)),
            hoursCapacityPerMonth: hoursPerMonth, managerAnswered: managerAnswered,
            allocation: Self.allocation(items, settings: settings), specialProjectPercent: projects.isEmpty && !offers.project ? 0 : share,
            specialProjectHoursPerMonth: projects.isEmpty && !offers.project
                ? 0 : round1(ProjectPlanner.hoursPerDay(percent: share, workingHoursPerMonth: settings.workingHoursPerMonth) * 31),
            budgetAmount: max(budget, committed), currency: currency, committed: committed, items: items, milestones: [], gaps: gaps,
            notes: notes)
        plan.decisionDate = decision
        plan.offers = offers.offers
        plan.criteria = criteria
        plan.milestones = MilestonePlanner.milestones(for: plan, ladder: ladder)
        // A plan that contradicts itself is a bug here, not text to hide: debug builds and the
        // tests stop on it (not run in release builds). `Pipeline` checks the documents too.
        assert(
            PlanCheck.planFailures(of: plan, answers: answers, assessment: assessment, prompts: prompts).isEmpty,
            "the plan check failed: \(PlanCheck.planFailures(of: plan, answers: answers, assessment: assessment, prompts: prompts))")
        return plan
    }

    private func managerName(_ answers: Answers) -> String {
        answers.managerName.flatMap { $0.isBlank ? nil : $0 } ?? "your manager"
    }

    /// The plan item for the criteria that no activity evidences: pieces of the person's own
    /// work, chosen with the manager in the first weeks, shown by the half-way review. Part of
    /// the job: it takes no study hours and promises nothing the manager did not offer.
    static let ownWorkID = "criterion.own-work"

    static func evidenceItem(
        for criteria: [Ladder.Criterion], target: String, levels: [String], manager: String, start: Date, horizonDays: Int,
        after: Int = 0
    ) -> DevelopmentPlan.Item {
        let claims = criteria.map { MilestonePlanner.sentenceCase(MilestonePlanner.withoutFinalStop($0.text)) }
        let from = min(max(14, after), max(0, horizonDays - 7))
        let due = min(max(horizonDays, 1), max(from + 7, horizonDays / 2))
        let by = SessionDate.format(SessionDate.adding(days: from, to: start))
        let examples = criteria.compactMap { $0.examples.first.map(MilestonePlanner.withoutFinalStop) }
        let example = examples.isEmpty ? "" : " For example: \(examples.joined(separator: "; "))."
        let one = criteria.count == 1
        var item = DevelopmentPlan.Item(
            category: .stretchAssignment, id: ownWorkID,
            title: one ? "Show it in your own work: \(claims[0])" : "Show \(criteria.count) of \(target)'s criteria in your own work",
            summary: one
                ? "No activity in this plan produces this evidence, so it comes from your own work. By \(by), choose with \(manager) one piece of work you already have that can show it, and who will see the result.\(example)"
                : "Nothing else in this plan shows these yet: \(claims.joined(separator: "; ")). By \(by), choose with \(manager) a piece of work you already have for each, and who will see the results.\(example)",
            doneWhen: "Evidence for \(target): \(claims.joined(separator: "; ")).",
            cost: 0, hours: 0, weeks: max(1, (due - from) / 7),
            start: SessionDate.adding(days: from, to: start), due: SessionDate.adding(days: due, to: start),
            builds: Array(Set(criteria.flatMap(\.dimensions))).sorted(),
            reason: one ? "a promotion criterion of \(target) that no activity here evidences" : "promotion criteria of \(target) that no activity here evidences",
            issuer: nil, kind: nil, levels: levels, direction: nil, purpose: nil)
        item.time = .job
        item.source = .criterion
        return item
    }

    /// The readiness answers, soonest first (`readiness.self` and `view.readiness`).
    static let readinessOrder = ["ready_now", "within_1y", "within_2y", "not_yet"]

    /// Which of the target level's criteria each side says are already shown (criterion ids).
    static let criteriaShownItem = "criteria.shown"
    static let criteriaSeenItem = "criteria.seen"

    /// With little time or no budget, one sentence on what more would unlock; with budget left
    /// over, what it could buy next.
    private func unlockNotes(
        candidates: PlanCandidates, request: PlanRequest, items: [DevelopmentPlan.Item], budget: Double, committed: Double,
        currency: String, hoursPerMonth: Double, alreadySaid: Bool
    ) -> [PlanNote] {
        var notes: [PlanNote] = []
        let unlock = settings.unlock
        // Ranked once, for all three notes, and only when one of them may be said.
        var cache: [(item: Catalog.Item, worth: Double)]?
        func ranked() -> [(item: Catalog.Item, worth: Double)] {
            if let cache { return cache }
            let list = candidates.rankedForUnlock(plan: items)
            cache = list
            return list
        }
        if hoursPerMonth <= unlock.littleHoursPerMonth {
            var relaxed = request
            relaxed.hoursPerMonth = unlock.moreHoursPerMonth
            relaxed.developmentHours = unlock.moreHoursPerMonth * Double(max(1, request.horizonDays) / 30)
            relaxed.budget = max(0, budget - committed)
            if let item = candidates.unlockedBy(relaxed, plan: items, ranked: ranked()) {
                notes.append(.moreTimeWouldUnlock(hoursPerMonth: unlock.moreHoursPerMonth, title: item.title))
            }
        }
        let left = round2(budget - committed)
        if budget <= 0 {
            var relaxed = request
            relaxed.budget = unlock.budgetToSuggest * request.rate
            if let item = candidates.unlockedBy(relaxed, plan: items, ranked: ranked()), item.cost > 0 {
                notes.append(.moneyWouldUnlock(amount: formatMoney(round2(item.cost * request.rate), currency), title: item.title))
            }
        } else if left > 0, !alreadySaid {
            var relaxed = request
            relaxed.budget = left
            relaxed.hoursPerMonth = max(request.hoursPerMonth, unlock.moreHoursPerMonth)
            relaxed.developmentHours = max(request.developmentHours, relaxed.hoursPerMonth * Double(max(1, request.horizonDays) / 30))
            if let item = candidates.unlockedBy(relaxed, plan: items, costAtMost: left, onlyNew: false, ranked: ranked()), item.cost > 0 {
                notes.append(
                    .budgetLeft(
                        left: formatMoney(left, currency), title: item.title, cost: formatMoney(round2(item.cost * request.rate), currency)))
            }
        }
        return notes
    }

    /// What the contributor's own answers add to the conversation about the plan: what they
    /// asked to avoid, their own view of readiness, whether they want a way back, and what
    /// would keep them here.
    private func conversationNotes(
        answers: Answers, request: PlanRequest, target: Ladder.Level?, readiness: String?, items: [DevelopmentPlan.Item],
        label: (String, String) -> String
    ) -> [PlanNote] {
        var notes: [PlanNote] = []
        let avoid = answers.value("goal.avoid", by: .contributor)?.values ?? []
        if !avoid.isEmpty {
            // Only the catalog leaves things out; what the manager offered stays, and is said.
            var runInto: [String] = []
            for item in items {
                guard let catalogItem = prompts.catalog.item(item.id), let value = request.avoided(catalogItem) else { continue }
                if !runInto.contains(value) { runInto.append(value) }
                notes.append(.offerRunsIntoAvoid(title: item.title, what: label(value, "goal.avoid").lowercased()))
            }
            let leftOut = avoid.filter { !runInto.contains($0) }
            if !leftOut.isEmpty { notes.append(.leftOutAsAsked(Dimension.list(leftOut.map { label($0, "goal.avoid") }))) }
            if avoid.contains("managing_people"), request.track == .management || request.track == .hybrid {
                notes.append(.avoidsWhereTheAnswersPoint)
            }
        }
        if let own = answers.value("readiness.self", by: .contributor)?.text, let readiness, own != readiness, let target,
            target.id != request.current?.id
        {
            let evidence = (answers.value("readiness.evidence", by: .contributor)?.text).flatMap { $0.isBlank ? nil : $0 }
            notes.append(
                .readinessSeenDifferently(
                    own: label(own, "readiness.self"), manager: label(readiness, "view.readiness"), evidence: evidence,
                    managerSooner: Self.readinessOrder.firstIndex(of: readiness) ?? 0 < Self.readinessOrder.firstIndex(of: own) ?? 0))
        }
        if answers.value("goal.move_back", by: .contributor)?.text == "essential", let target, let current = request.current,
            target.track != current.track
        {
            notes.append(.wayBack(levelTitle: current.title))
        }
        if let keep = answers.value("reality.keep_here", by: .contributor)?.text, !keep.isBlank {
            notes.append(.whatKeepsYouHere(keep))
        }
        return notes
    }

    /// Places the chosen items, most important first: a hand-over, someone to learn from and a
    /// trial lead; preparation comes before the certification it prepares for. With a decision
    /// check-in (`decisionDay`, days from the start), trials and the ways of exploring finish
    /// by it.
    private func schedule(
        _ chosen: [Int], candidates: PlanCandidates, start: Date, end: Date, hoursPerMonth: Double,
        reserved: [OfferPlanner.Reservation], reservedHours: Double, jobReserved: [OfferPlanner.Reservation],
        decisionDay: Int? = nil
    ) -> (placed: [DevelopmentPlan.Item], unplaced: [Int], busiest: Double) {
        let ordered = chosen.enumerated().sorted { a, b in
            let first = candidates.items[a.element].schedulingRank
            let second = candidates.items[b.element].schedulingRank
            return (first, a.offset) < (second, b.offset)
        }.map(\.element)
        let total = chosen.reduce(reservedHours) { candidates.items[$1].item.isJobTime ? $0 : $0 + candidates.items[$1].item.hours }
        var scheduler = PlanScheduler(
            start: start, end: end, hoursPerMonth: hoursPerMonth, slack: settings.monthSlack, maxAtOnce: settings.maxAtOnce,
            totalHours: total)
        scheduler.maxSpreadWeeks = settings.maxSpreadWeeks
        for reservation in reserved { scheduler.reserve(reservation, hoursPerMonth: hoursPerMonth) }
        // Job time has its own months: work beside the day job, not study hours.
        let jobTotal = chosen.reduce(0) { candidates.items[$1].item.isJobTime ? $0 + candidates.items[$1].item.hours : $0 }
        var jobScheduler = PlanScheduler(
            start: start, end: end, hoursPerMonth: settings.jobHoursPerMonth, slack: 0, maxAtOnce: settings.maxJobAtOnce,
            totalHours: jobTotal)
        for reservation in jobReserved { jobScheduler.reserve(reservation, hoursPerMonth: settings.jobHoursPerMonth) }
        var placed: [DevelopmentPlan.Item] = []
        var unplaced: [Int] = []
        var handoverDue = 0
        for index in ordered {
            let candidate = candidates.items[index]
            var item = candidates.planItem(candidate.item)
            var earliest = candidate.earliestDay
            if candidate.item.category == .stretchAssignment { earliest = max(earliest, handoverDue) }
            if candidate.item.category == .certification {
                // Preparation first: after any course in the same field.
                for prior in placed where prior.category == .training {
                    let shared = prompts.catalog.item(prior.id)?.domains.contains(where: candidate.item.domains.contains) ?? false
                    if shared { earliest = max(earliest, SessionDate.days(from: start, to: prior.due) ?? 0) }
                }
            }
            let latest = explores(candidate.item) ? decisionDay : nil
            let fits = candidate.item.isJobTime
                ? jobScheduler.place(&item, earliest: earliest, latestDue: latest)
                : scheduler.place(&item, earliest: earliest, latestDue: latest)
            if fits {
                if candidate.item.purpose == .handover { handoverDue = SessionDate.days(from: start, to: item.due) ?? 0 }
                placed.append(item)
            } else {
                unplaced.append(index)
            }
        }
        return (placed, unplaced, scheduler.busiestMonth)
    }

    /// Whether an item is a way of trying a track or of deciding between them.
    private func explores(_ item: Catalog.Item) -> Bool { item.purpose == .trial || item.purpose == .exploration }

    /// Percent of plan hours on the job, from others and formal, summing to 100 (largest
    /// remainder). With no hours at all, the target mix.
    static func allocation(_ items: [DevelopmentPlan.Item], settings: PlanningSettings) -> DevelopmentPlan.Allocation {
        var hours = [0.0, 0.0, 0.0]
        for item in items { hours[CatalogSelector.mixClass(of: item.category)] += item.hours }
        let total = hours.reduce(0, +)
        let shares = total > 0 ? hours.map { $0 / total * 100 } : [settings.mix.onTheJob, settings.mix.social, settings.mix.formal]
        var whole = shares.map { Int($0.rounded(.down)) }
        let order = shares.indices.sorted { (shares[$0] - Double(whole[$0]), $1) > (shares[$1] - Double(whole[$1]), $0) }
        for index in order.prefix(100 - whole.reduce(0, +)) { whole[index] += 1 }
        return DevelopmentPlan.Allocation(onTheJob: whole[0], social: whole[1], formal: whole[2])
    }
}
