import Foundation
import Testing

@testable import CareerKit

/// The plan check over generated people, with and without the manager's concrete offers: no
/// plan may contradict itself, its answers or its bounds.
@Suite struct PlanCheckPopulationTests {
    static let prompts = TestSupport.prompts

    /// 600 people: the population of `PlanPopulationTests` (seed 2611), every other one with
    /// the offers, avoidances and way-back answers a manager and a person add.
    static let failures: [(id: String, failure: PlanCheck.Failure)] = {
        var generator = PopulationGenerator(seed: 2611)
        let scorer = Scorer(prompts: prompts)
        let planner = Planner(prompts: prompts)
        var found: [(id: String, failure: PlanCheck.Failure)] = []
        for index in 0..<600 {
            var answers = generator.person(index)
            if index % 2 == 1 { answers = generator.withOffers(answers) }
            let assessment = scorer.assess(answers)
            let plan = try! planner.plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-22")!)
            for failure in PlanCheck.failures(of: plan, answers: answers, assessment: assessment, prompts: prompts) {
                found.append((answers.person.id!, failure))
            }
        }
        return found
    }()

    @Test(arguments: PlanCheck.Failure.Rule.allCases)
    func noPlanFailsTheCheck(_ rule: PlanCheck.Failure.Rule) {
        let failures = Self.failures.filter { $0.failure.rule == rule }
        // PLANCHECK_REPORT=1 prints every failure, to count them before and after a change.
        if ProcessInfo.processInfo.environment["PLANCHECK_REPORT"] != nil, !failures.isEmpty {
            let people = Set(failures.map(\.id)).count
            print("PLANCHECK \(rule.rawValue): \(failures.count) failures in \(people) plans")
            for (id, failure) in failures { print("PLANCHECK   \(id) \(failure)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.first.map { "\($0.id) \($0.failure)" } ?? "")")
    }
}
