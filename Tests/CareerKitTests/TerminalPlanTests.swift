import Foundation
import Testing

@testable import CareerKit

/// Issue 23, point 4: the plan itself on screen, after the track fit: what it aims at, the time
/// and money, each activity with its dates, hours and cost in columns, and the check-ins.
@Suite struct TerminalPlanTests {
    let prompts = TestSupport.prompts

    /// Ana's plan with two activities of known dates, hours and cost.
    func plan() throws -> DevelopmentPlan {
        let answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        let assessment = Scorer(prompts: prompts).assess(answers)
        var plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-22")!)
        var first = try #require(plan.items.first)
        first.title = "Be mentored by a principal engineer"
        first.category = .mentoring
        first.start = SessionDate.parse("2026-11-23")!
        first.due = SessionDate.parse("2027-02-14")!
        first.hours = 12
        first.cost = 0
        var second = first
        second.title = "Attend a conference on distributed systems, with a talk to the team afterwards"
        second.category = .networking
        second.start = SessionDate.parse("2027-03-01")!
        second.due = SessionDate.parse("2027-03-05")!
        second.hours = 20.4
        second.cost = 1_250
        plan.items = [second, first]
        plan.budgetAmount = 3_000
        plan.committed = 1_250
        plan.busiestMonthHours = 20.4
        plan.hoursCapacityPerMonth = 16
        plan.specialProjectPercent = 0
        plan.milestones = Array(plan.milestones.prefix(1))
        return plan
    }

    @Test func theActivitiesAreInDateOrderWithDatesHoursAndCost() throws {
        let plan = try plan()
        let text = TerminalPlan(plan: plan, ladder: prompts.ladder, style: .init(width: 72, color: false)).render()
        let milestone = try #require(plan.milestones.first)
        #expect(text == """
            The plan
              Senior Engineer toward Staff Engineer, 2026-11-22 to 2027-11-22 (12
              months).
              Development time: 32 h in all, at most 20 h in any month (16 h a month
              can be freed; an event's month may take more).
              Cost: 1,250 USD of a budget of 3,000 USD.

              from        due         hours       cost  activity
              2026-11-23  2027-02-14   12 h       free  Be mentored by a principal
                                                        engineer (mentoring)
              2027-03-01  2027-03-05   20 h  1,250 USD  Attend a conference on
                                                        distributed systems, with a
                                                        talk to the team afterwards
                                                        (networking)

            Check-ins
              \(SessionDate.format(milestone.due)) \(milestone.title)

            """)
    }

    @Test func aPlanWithNoActivitiesSaysSo() throws {
        var plan = try plan()
        plan.items = []
        let text = TerminalPlan(plan: plan, ladder: prompts.ladder, style: .init(width: 80, color: false)).render()
        #expect(text.hasSuffix("\n  No activities are planned yet: the files say what would make room for them.\n"))
    }
}
