import Foundation
import Testing

@testable import CareerKit

@Suite struct LevelTargetTests {
    let ladder = TestSupport.prompts.ladder

    func target(_ current: String, _ track: Track, inPlace: Bool = false) -> String {
        LevelTargets.target(current: current, recommended: track, growthInPlace: inPlace, ladder: ladder).target
    }

    @Test func nextRungOnTheSameTrack() {
        #expect(target("ic.senior", .ic) == "ic.staff")
        #expect(target("mgmt.em", .management) == "mgmt.senior_em")
    }

    @Test func crossingTracksLandsOnTheEquivalentRung() {
        #expect(target("mgmt.em", .ic) == "ic.staff")
        #expect(target("mgmt.director", .ic) == "ic.distinguished")
        #expect(target("ic.principal", .management) == "mgmt.senior_em")
    }

    @Test func levelsWithoutAPeerUseTheNearestBelowOrTheFirstRung() {
        #expect(target("ic.junior", .management) == "mgmt.tech_lead")
        #expect(target("mgmt.vp", .ic) == "ic.distinguished")
    }

    @Test func hybridStaysOnTheCurrentTrack() {
        #expect(target("ic.senior", .hybrid) == "ic.staff")
        #expect(target("mgmt.tech_lead", .hybrid) == "mgmt.em")
    }

    @Test func growthInPlaceAndTheTopOfTheLadderKeepTheLevel() {
        #expect(target("ic.senior", .ic, inPlace: true) == "ic.senior")
        #expect(target("ic.distinguished", .ic) == "ic.distinguished")
    }

    @Test func equivalentLevelIsOnTheOtherTrack() {
        let result = LevelTargets.target(current: "ic.senior", recommended: .ic, growthInPlace: false, ladder: ladder)
        #expect(result.equivalent == "mgmt.em")
        let none = LevelTargets.target(current: "ic.junior", recommended: .ic, growthInPlace: false, ladder: ladder)
        #expect(none.equivalent == nil)
    }
}

@Suite struct PlannerTests {
    let prompts = TestSupport.prompts
    let today = SessionDate.parse("2026-11-23")!

    func plan(_ answers: Answers) throws -> (Assessment, DevelopmentPlan) {
        let assessment = Scorer(prompts: prompts).assess(answers)
        return (assessment, try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: today))
    }

    @Test func anaGetsAStaffPlanWithinHerBudgetAndHours() throws {
        let ana = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        let (_, plan) = try plan(ana)
        #expect(plan.currentLevel == "ic.senior")
        #expect(plan.targetLevel == "ic.staff")
        #expect(plan.equivalentLevel == "mgmt.em")
        #expect(SessionDate.format(plan.startDate) == "2026-11-22")
        #expect(SessionDate.format(plan.endDate) == "2027-11-22")
        #expect(plan.committed <= 3000)
        #expect(plan.developmentHours <= 16 * 12)
        #expect(plan.specialProjectPercent == 10)  // two project interests, 5 each, cap 20
        let categories = Set(plan.items.map(\.category))
        #expect(categories.isSuperset(of: [.mentoring, .certification, .networking, .specialProject]))
        #expect(plan.items.contains { $0.category == .certification && $0.reason.contains("cloud") || $0.reason.contains("architecture") })
        #expect(plan.gaps.first?.dimension == "growing_people")
        #expect(plan.milestones.map(\.title) == ["30-day check-in", "90-day check-in", "Half-way review", "End of plan"])
        #expect(plan.milestones.last?.description.contains("Ready for Staff Engineer when:") == true)
    }

    @Test func notNowMeansGrowthInPlace() throws {
        var ana = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        ana.responses[.contributor]?["goal.promotion"] = .text("not_now")
        let (assessment, plan) = try plan(ana)
        #expect(assessment.flags.contains("growth-in-place"))
        #expect(plan.targetLevel == "ic.senior")
        #expect(plan.growthInPlace)
        #expect(plan.milestones.last?.description.contains("Growing in place as Senior Engineer") == true)
    }

    @Test func selfAssessmentUsesTheDefaultsAndSaysSo() throws {
        let dara = try AnswersFile.load(path: TestSupport.fixture("dara-novak.yaml"), prompts: prompts)
        let (_, plan) = try plan(dara)
        #expect(plan.budgetAmount == 0)
        #expect(plan.committed == 0)
        #expect(plan.hoursCapacityPerMonth == 8)
        #expect(plan.notes.first?.hasPrefix("The manager has not answered yet") == true)
        #expect(plan.items.allSatisfy { $0.cost == 0 })
    }

    @Test func costsAreConvertedToTheBudgetCurrency() throws {
        let chen = try AnswersFile.load(path: TestSupport.fixture("chen-wang.yaml"), prompts: prompts)
        let (_, plan) = try plan(chen)
        #expect(plan.currency == "EUR")
        let rate = try #require(prompts.catalog.exchangeRates["EUR"])
        for item in plan.items {
            let catalogCost = try #require(prompts.catalog.item(item.id)?.cost)
            #expect(item.cost == round2(catalogCost * rate))
        }
    }

    /// A default budget is in the catalog's currency: a manager who names yen but no amount
    /// gets the default converted, not the same number of yen.
    @Test func theDefaultBudgetIsConvertedToTheManagersCurrency() throws {
        let folder = try TestSupport.promptsCopy(editing: PromptSet.weightsFile) {
            $0.replacingOccurrences(of: "default_budget: 0", with: "default_budget: 1000")
        }
        let copy = try PromptSet.load(from: folder)
        var ana = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: copy)
        ana.responses[.manager]?["budget.amount"] = nil
        ana.responses[.manager]?["budget.currency"] = .text("JPY")
        let plan = try Planner(prompts: copy).plan(
            for: ana, assessment: Scorer(prompts: copy).assess(ana), today: SessionDate.parse("2026-11-23")!)
        #expect(plan.currency == "JPY")
        #expect(plan.budgetAmount == 148_000)
        ana.responses[.manager]?["budget.currency"] = nil
        let inDollars = try Planner(prompts: copy).plan(
            for: ana, assessment: Scorer(prompts: copy).assess(ana), today: SessionDate.parse("2026-11-23")!)
        #expect(inDollars.currency == "USD")
        #expect(inDollars.budgetAmount == 1000)
    }

    @Test func unknownBudgetCurrencyIsAClearError() throws {
        var ana = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        ana.responses[.manager]?["budget.currency"] = .text("NZD")
        let problems = TestSupport.diagnostics { _ = try plan(ana) }
        #expect(problems.map(\.message) == ["there is no exchange rate for 'NZD', the budget currency; add it under 'exchange_rates'"])
    }

    @Test func zeroBudgetAndZeroHoursGiveAnEmptyButValidPlan() throws {
        var ana = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        ana.responses[.manager]?["capacity.dev_hours_per_month"] = .integer(0)
        ana.responses[.manager]?["capacity.special_project_percent"] = .integer(0)
        ana.responses[.manager]?["budget.amount"] = .number(0)
        let (_, plan) = try plan(ana)
        #expect(plan.items.isEmpty)
        #expect(plan.allocation == (70, 20, 10) as (Int, Int, Int))
        #expect(plan.hoursPerMonth == 0)
    }

    /// The rules every plan keeps, over many generated people and resources.
    @Test func invariantsHoldOverGeneratedPeople() throws {
        var generator = AnswerGenerator(random: SeededGenerator(seed: 99))
        var random = SeededGenerator(seed: 5)
        let levels = prompts.ladder.levels.map(\.id)
        for index in 0..<250 {
            var answers = generator.answers(withManager: index % 4 != 0)
            answers.person.currentLevel = levels[index % levels.count]
            answers.responses[.contributor]?["goal.horizon_months"] = .integer(Int.random(in: 3...36, using: &random))
            answers.responses[.contributor]?["goal.promotion"] = .text(["seeking", "open", "not_now"][index % 3])
            answers.responses[.contributor]?["interest.projects"] = .list(Array(Instrument.projectKinds.shuffled(using: &random).prefix(index % 4)))
            answers.responses[.contributor]?["interest.networking"] = .list(Array(Instrument.networkingKinds.shuffled(using: &random).prefix(index % 3)))
            answers.responses[.contributor]?["interest.certifications"] = .list(["cloud", "data", "leadership"].shuffled(using: &random).prefix(index % 2).map { $0 })
            if index % 4 != 0 {
                answers.responses[.manager]?["capacity.dev_hours_per_month"] = .integer(Int.random(in: 0...40, using: &random))
                answers.responses[.manager]?["capacity.special_project_percent"] = .integer(Int.random(in: 0...50, using: &random))
                answers.responses[.manager]?["budget.amount"] = .number(Double(Int.random(in: 0...6000, using: &random)))
                answers.responses[.manager]?["budget.currency"] = .text(["USD", "EUR", "GBP"][index % 3])
            }
            let (assessment, plan) = try plan(answers)
            let cap = answers.number("capacity.special_project_percent", by: .manager) ?? 0
            let hoursCap = answers.number("capacity.dev_hours_per_month", by: .manager) ?? 8
            #expect(plan.committed <= plan.budgetAmount + 1e-9)
            #expect(abs(plan.committed - plan.items.reduce(0) { $0 + $1.cost }) < 0.01)
            #expect(plan.hoursPerMonth <= hoursCap + 0.05)
            #expect(plan.developmentHours <= hoursCap * Double(plan.horizonMonths) + 1e-9)
            #expect(plan.allocation.onTheJob + plan.allocation.social + plan.allocation.formal == 100)
            #expect(Double(plan.specialProjectPercent) <= cap)
            #expect(plan.specialProjectPercent % 5 == 0 || Double(plan.specialProjectPercent) == cap)
            if plan.specialProjectPercent == 0 { #expect(!plan.items.contains { $0.category == .specialProject }) }
            for item in plan.items {
                // Never squeezed: every item has its full duration inside the horizon.
                #expect(item.due.timeIntervalSince(item.start) == Double(item.weeks * 7 * 86_400), "\(item.id) squeezed")
                #expect(item.start >= plan.startDate)
                #expect(item.start <= item.due)
                #expect(item.due <= plan.endDate)
                #expect(prompts.catalog.item(item.id)?.tracks.contains(assessment.recommended.rawValue) == true)
            }
            #expect(plan.milestones.allSatisfy { $0.due > plan.startDate && $0.due <= plan.endDate })
            #expect(plan.milestones.last?.due == plan.endDate)
            #expect(plan.items.count <= prompts.weights.planning.maxItems)
            // Target level rules.
            let current = prompts.ladder.level(answers.person.currentLevel)!
            let target = prompts.ladder.level(plan.targetLevel)!
            if assessment.flags.contains("growth-in-place") {
                #expect(plan.targetLevel == answers.person.currentLevel)
            } else {
                let wanted = LevelTargets.ladderTrack(for: assessment.recommended, currentTrack: current.track)
                #expect(target.track == wanted)
                if wanted == current.track {
                    #expect(target.rank == current.rank + 1 || (target.rank == current.rank && prompts.ladder.next(after: current.id) == nil))
                }
            }
            // A mentor and some on-the-job learning whenever the hours allow one.
            let freeHours = plan.hoursCapacityPerMonth * Double(plan.horizonMonths)
            if freeHours >= 40 {
                #expect(plan.items.contains { $0.category == .mentoring }, "no mentoring with \(freeHours) h")
                #expect(plan.items.contains { $0.category == .stretchAssignment || $0.category == .specialProject })
            }
        }
    }
}

@Suite struct CatalogSelectorTests {
    /// On small pools the greedy-plus-swap choice is checked against every subset.
    @Test func selectionIsCloseToTheExhaustiveOptimum() {
        let prompts = TestSupport.prompts
        var random = SeededGenerator(seed: 11)
        var worst = 1.0
        var ratios: [Double] = []
        for _ in 0..<40 {
            let pool = Array(prompts.catalog.items.shuffled(using: &random).prefix(12))
            let categories = Catalog.Category.allCases
            let candidates = pool.map { item in
                CatalogSelector.Candidate(
                    item: item, cost: item.cost, builds: item.builds.compactMap { Dimension.names.firstIndex(of: $0) },
                    bonus: Double(Int.random(in: 0...1, using: &random)) * 12,
                    mixClass: CatalogSelector.mixClass(of: item.category), isSpecialProject: item.category == .specialProject,
                    categoryIndex: categories.firstIndex(of: item.category)!)
            }
            let selector = CatalogSelector(
                candidates: candidates, gaps: Dimension.names.map { _ in Double(Int.random(in: 0...40, using: &random)) },
                limits: .init(budget: Double(Int.random(in: 0...3000, using: &random)), developmentHours: Double(Int.random(in: 20...200, using: &random)),
                              specialProjectHours: Double(Int.random(in: 0...200, using: &random))),
                settings: prompts.weights.planning, required: [[categories.firstIndex(of: .mentoring)!]])
            let chosen = selector.select()
            #expect(selector.fits(chosen))
            var best = selector.value([])
            for mask in 0..<(1 << candidates.count) {
                let subset = candidates.indices.filter { mask & (1 << $0) != 0 }
                if selector.fits(subset) { best = max(best, selector.value(subset)) }
            }
            let got = selector.value(chosen)
            if best > 0 {
                ratios.append(got / best)
                worst = min(worst, got / best)
            }
        }
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        print("selector: mean ratio to the optimum \(mean), worst \(worst), over \(ratios.count) pools")
        #expect(mean >= 0.97, "mean ratio to the optimum: \(mean)")
        #expect(worst >= 0.75, "worst ratio to the optimum: \(worst)")
    }
}
