import Foundation
import Testing

@testable import CareerKit

/// The observed plans that contradicted themselves (issue 26), each written as the person's
/// answers and what the plan must then say; and the check catching each kind of claim.
@Suite struct PlanCheckTests {
    let prompts = TestSupport.prompts
    let today = SessionDate.parse("2026-11-22")!

    func ana() throws -> Answers {
        try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
    }

    /// The assessment, the plan, its Markdown and what the check finds.
    func planned(_ answers: Answers) throws -> (plan: DevelopmentPlan, markdown: String, failures: [PlanCheck.Failure]) {
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: today)
        let markdown = try PlanRenderer(answers: answers, assessment: assessment, plan: plan, prompts: prompts).render(.md)
        return (plan, markdown, PlanCheck.failures(of: plan, answers: answers, assessment: assessment, prompts: prompts))
    }

    func set(_ answers: inout Answers, _ role: Role, _ values: [String: AnswerValue]) {
        answers.responses[role, default: [:]].merge(values) { $1 }
    }

    /// An engineering manager moving back to individual work over six months, with 8 hours a
    /// month: the plan used to say it starts by handing the team over, and had no hand-over.
    @Test func aManagerMovingBackOverSixMonthsGetsTheHandOverTheNoteNames() throws {
        var answers = try ana()
        answers.person.currentLevel = "mgmt.em"
        answers.person.yearsManaging = 4
        set(&answers, .contributor, ["goal.horizon_months": .integer(6), "interest.projects": .list([])])
        set(&answers, .manager, ["capacity.dev_hours_per_month": .integer(8), "capacity.special_project_percent": .integer(10)])
        let (plan, _, failures) = try planned(answers)
        #expect(plan.notes.contains(.movingBack(levelTitle: "Staff Engineer")))
        let handover = try #require(plan.items.first { $0.purpose == .handover })
        #expect(handover.id == "stretch.hand-over-the-team")
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Asked for open source both as networking and as a project, with little time: the plan
    /// has an open-source project and used to add "nothing of that kind is in the plan".
    @Test func anInterestAnsweredByAnItemOfItsKindIsNotCalledUnmet() throws {
        var answers = try ana()
        set(&answers, .contributor, ["interest.networking": .list(["open_source"]), "interest.projects": .list(["open_source"])])
        set(&answers, .manager, ["capacity.dev_hours_per_month": .integer(4), "capacity.special_project_percent": .integer(10)])
        let (plan, markdown, failures) = try planned(answers)
        #expect(plan.items.contains { $0.kind == "open_source" })
        #expect(!markdown.contains("but nothing of that kind is in the plan"))
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Special projects that end early: the note printed before the activities used to call
    /// them "the projects above".
    @Test func theNoteOnProjectTimeDoesNotPointAboveTheProjects() throws {
        var answers = try ana()
        set(&answers, .contributor, ["goal.horizon_months": .integer(24), "interest.projects": .list(["innovation"])])
        let (plan, markdown, failures) = try planned(answers)
        let free = try #require(plan.notes.first { if case .projectTimeFree = $0 { return true } else { return false } })
        #expect(free.sentence.hasPrefix("Your special projects end before the plan does: your 20% of project time is free from "))
        // It is not one of the two notices that lead: it stands under Notes, after the projects.
        let note = try #require(markdown.range(of: "- Your special projects end"))
        let project = try #require(markdown.range(of: "· special project ·"))
        #expect(note.lowerBound > project.lowerBound)
        #expect(markdown[..<note.lowerBound].contains("\n## Notes\n"))
        #expect(!markdown.contains("projects above"))
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A course the manager offered, 34 hours by a date six weeks away, with 16 hours a month:
    /// the summary used to say "at most 24 in any month, within the 16".
    @Test func aBusiestMonthAboveTheHoursFreedIsNotCalledWithinThem() throws {
        var answers = try ana()
        set(
            &answers, .manager,
            [
                "offer.kinds": .list(["course"]), "offer.course.name": .text("the regional engineering conference"),
                "offer.course.amount": .number(900), "offer.course.hours": .integer(34), "offer.course.when": .text("2027-01-05"),
            ])
        let (plan, markdown, failures) = try planned(answers)
        #expect(plan.busiestMonthHours > plan.hoursCapacityPerMonth)
        #expect(!markdown.contains("within the 16 a month"))
        #expect(markdown.contains("in the busiest month, more than the 16 a month your manager can free, so agree that month together."))
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A Distinguished Engineer, the top of the ladder: the plan used to read "Target:
    /// Distinguished Engineer by 2027-11-22".
    @Test func thePersonAtTheTopOfTheLadderGrowsInPlaceRatherThanTargetingTheirOwnLevel() throws {
        var answers = try ana()
        answers.person.currentLevel = "ic.distinguished"
        answers.person.yearsExperience = 22
        let (plan, markdown, failures) = try planned(answers)
        #expect(plan.targetLevel == "ic.distinguished")
        #expect(plan.growthInPlace)
        #expect(markdown.contains("- Target: **Distinguished Engineer**, growing in place"))
        #expect(!markdown.contains("Target: **Distinguished Engineer** by"))
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A manager who wants to grow a team, asking for hiring work, with no headcount offered:
    /// the plan used to hold "Hire and form a new team".
    @Test func hiringANewTeamNeedsHeadcountTheManagerOffered() throws {
        var answers = try ana()
        answers.person.currentLevel = "mgmt.em"
        answers.person.yearsManaging = 5
        set(
            &answers, .contributor,
            [
                "people.growth": .integer(6), "people.one_on_ones": .integer(6), "people.hiring": .integer(6),
                "hard.feedback": .integer(5), "hard.conflict": .integer(5), "hard.emotional_load": .integer(5),
                "others.team_outcomes": .integer(6), "others.priorities": .integer(6), "others.coordination": .integer(6),
                "depth.mastery": .integer(3), "depth.identity": .integer(2), "maker.hands_on": .integer(2), "maker.flow": .integer(2),
                "ladder.technical": .integer(2), "ladder.managerial": .integer(7),
                "top3": .list(["people.growth", "others.team_outcomes", "hard.feedback"]),
                "interest.projects": .list(["hiring_loop"]),
            ])
        set(
            &answers, .manager,
            [
                "obs.mentoring": .integer(5), "obs.hard_conversations": .integer(4), "obs.coordination": .integer(5),
                "view.track": .text("management"),
            ])
        let without = try planned(answers)
        #expect(!without.plan.items.contains { $0.id == "project.build-a-new-team" })
        #expect(without.failures.isEmpty, "\(without.failures)")
        set(&answers, .manager, ["offer.kinds": .list(["headcount"])])
        let with = try planned(answers)
        #expect(with.plan.items.contains { $0.id == "project.build-a-new-team" })
        #expect(with.failures.isEmpty, "\(with.failures)")
    }

    /// A principal engineer asking for hiring work, with no committee seat offered: the plan
    /// used to hold "Sit on the senior hiring committee".
    @Test func theSeniorHiringCommitteeNeedsASeatTheManagerOffered() throws {
        var answers = try ana()
        answers.person.currentLevel = "ic.principal"
        answers.person.yearsExperience = 16
        set(&answers, .contributor, ["interest.projects": .list(["hiring_loop"])])
        let without = try planned(answers)
        #expect(!without.plan.items.contains { $0.id == "project.senior-hiring-committee" })
        #expect(without.failures.isEmpty, "\(without.failures)")
        set(&answers, .manager, ["offer.kinds": .list(["committee_seat"])])
        let with = try planned(answers)
        #expect(with.plan.items.contains { $0.id == "project.senior-hiring-committee" })
    }

    /// Hard conversations well below what Staff Engineer expects, in a technical plan: the
    /// profile used to show "–", nothing to close, as if met already.
    @Test func roomThisPlanDoesNotWorkOnIsNotShownAsMet() throws {
        var answers = try ana()
        set(&answers, .contributor, ["hard.feedback": .integer(1), "hard.conflict": .integer(2), "hard.emotional_load": .integer(1)])
        set(&answers, .manager, ["obs.hard_conversations": .integer(1)])
        let (_, markdown, failures) = try planned(answers)
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| Hard conversations |") })
        #expect(row.hasSuffix("| not in this plan |"), "\(row)")
        let maker = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| Maker energy |") })
        #expect(maker.hasSuffix("| a preference |"), "\(maker)")
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A project the manager offered from a date after the plan ends: it used to be moved
    /// into the plan's last week. A trial keeps the manager's start date.
    @Test func offersKeepTheDatesTheManagerGave() throws {
        var answers = try ana()
        set(&answers, .contributor, ["goal.horizon_months": .integer(6)])
        set(
            &answers, .manager,
            [
                "offer.kinds": .list(["project", "trial"]), "offer.project.name": .text("the events platform migration"),
                "offer.project.percent": .integer(10), "offer.project.from": .text("2027-12-15"),
                "offer.trial.role": .text("deep_dive"), "offer.trial.from": .text("2027-05-09"),
            ])
        let (plan, _, failures) = try planned(answers)
        #expect(!plan.items.contains { $0.id == DevelopmentPlan.Source.projectID })
        #expect(
            plan.notes.contains(
                .offerAfterPlan(name: "the events platform migration", date: "2027-12-15", end: "2027-05-22")))
        let trial = try #require(plan.items.first { $0.purpose == .trial })
        #expect(SessionDate.format(trial.start) == "2027-05-09")
        #expect(SessionDate.format(trial.due) == "2027-05-22")
        #expect(failures.isEmpty, "\(failures)")
    }

    // MARK: - The check itself catches each kind of claim

    @Test func theCheckCatchesEachContradiction() throws {
        let answers = try ana()
        let assessment = Scorer(prompts: prompts).assess(answers)
        let sound = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: today)
        func rules(_ change: (inout DevelopmentPlan) -> Void) -> [PlanCheck.Failure.Rule] {
            var plan = sound
            change(&plan)
            return PlanCheck.failures(of: plan, answers: answers, assessment: assessment, prompts: prompts).map(\.rule)
        }
        #expect(rules { _ in } == [])
        #expect(rules { $0.notes.append(.movingBack(levelTitle: "Staff Engineer")) } == [.note])
        #expect(rules { $0.notes.append(.projectTimeFree(percent: 20, from: "2027-06-01")) }.isEmpty)
        #expect(rules { $0.targetLevel = "ic.senior" } == [.target])
        #expect(rules { $0.busiestMonthHours = 21 } == [.figure])
        #expect(rules { $0.busiestMonthHours = 1 } == [.figure])
        #expect(rules { $0.committed += 100 }.contains(.figure))
        #expect(
            rules { plan in
                let committee = TestSupport.prompts.catalog.item("project.senior-hiring-committee")!
                plan.items[0].id = committee.id
                plan.items[0].title = committee.title
            } == [.offer])
    }
}
