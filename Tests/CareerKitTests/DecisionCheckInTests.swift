import Foundation
import Testing

@testable import CareerKit

/// Issue 26, points 4 and 7: people who are undecided get a decision point about a quarter in
/// (`decision_days` in weights.yaml), with a trial of each track to finish before it, not a
/// year of exploring; and someone who undersells themselves keeps the confidence the answers
/// earn, and is told so. The expectations were written before the first run.
@Suite struct DecisionCheckInTests {
    let prompts = TestSupport.prompts

    func plan(_ answers: Answers) throws -> (Assessment, DevelopmentPlan) {
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-22")!)
        return (assessment, plan)
    }

    func date(_ text: String) -> Date { SessionDate.parse(text)! }

    /// Before: a 12-month exploratory plan to 2027-11-22, its deep dive due 2027-02-28 after
    /// the 90-day check-in, and the decision left to the end of the year.
    @Test func anUndecidedPlanEndsAtADecisionCheckInWithTheTrialsBeforeIt() throws {
        let answers = try AnswersFile.load(path: TestSupport.fixture("personas/all-sixes.yaml"), prompts: prompts)
        let (assessment, plan) = try plan(answers)
        #expect(assessment.recommended == .undecided)
        #expect(prompts.weights.planning.decisionDays == 90)
        #expect(plan.decisionDate == date("2027-02-20"))
        #expect(plan.endDate == date("2027-02-20"))
        #expect(plan.horizonMonths == 3)
        #expect(plan.milestones.map(\.title) == ["30-day check-in", "Decision check-in"])
        let trials = plan.items.filter { $0.purpose == .trial }
        // A trial of each track, both finished by the decision.
        #expect(trials.contains { prompts.catalog.item($0.id)!.tracks.contains("management") })
        #expect(trials.contains { !prompts.catalog.item($0.id)!.tracks.contains("management") })
        #expect(plan.items.allSatisfy { $0.due <= date("2027-02-20") })
        // The check-in says what is decided, and on what evidence: the trials by name.
        let decision = try #require(plan.milestones.last)
        #expect(decision.due == date("2027-02-20"))
        #expect(decision.description.hasPrefix(
            "Decide together which path to follow, from what the trials showed: shadow a manager's one-on-ones and a hiring loop; a two-month deep dive on one technical question. Compare which work gave you energy and what your manager saw, then make the next plan for that path."))
    }

    /// The manager dated a project after the decision: it keeps its date, the plan keeps its
    /// length, and the exploring still ends at the decision check-in in the middle.
    @Test func anOfferDatedAfterTheDecisionKeepsItsDateAndTheTrialsStillComeFirst() throws {
        var answers = try AnswersFile.load(path: TestSupport.fixture("personas/all-sixes.yaml"), prompts: prompts)
        answers.responses[.manager]?["offer.project.name"] = .text("Search relevance pilot")
        answers.responses[.manager]?["offer.project.percent"] = .integer(10)
        answers.responses[.manager]?["offer.project.from"] = .text("2027-04-01")
        let (_, plan) = try plan(answers)
        #expect(plan.endDate == date("2027-11-22"))
        #expect(plan.decisionDate == date("2027-02-20"))
        #expect(plan.items.first { $0.id == DevelopmentPlan.Source.projectID }?.start == date("2027-04-01"))
        #expect(plan.milestones.map(\.title) == ["30-day check-in", "Decision check-in", "Half-way review", "End of plan"])
        #expect(plan.milestones[1].due == date("2027-02-20"))
        let explores = plan.items.filter { ($0.purpose == .trial || $0.purpose == .exploration) && $0.source != .offer }
        #expect(!explores.isEmpty && explores.allSatisfy { $0.due <= date("2027-02-20") })
    }

    /// Self far below what the manager has seen on every technical dimension, the manager
    /// calling them ready now. Before: medium, because their own low ratings kept the IC fit
    /// under the floor for high. A coach: the track is clear (a 39-point lead, the manager
    /// agrees), confidence stays high, and the report says why.
    @Test func someoneWhoUndersellsWithTheManagerSayingReadyNowKeepsHighConfidenceAndIsToldSo() {
        let answers = makeAnswers(
            contributor: merge(
                ["depth.mastery": .integer(3), "depth.learning": .integer(3), "depth.identity": .integer(2)],
                ["maker.flow": .integer(4), "maker.hands_on": .integer(4), "maker.shipping": .integer(3)],
                group("focus", 3), group("people", 2),
                ["hard.feedback": .integer(2), "hard.conflict": .integer(2), "hard.emotional_load": .integer(1)],
                group("others", 2),
                ["leverage.cross_team": .integer(2), "leverage.architecture": .integer(3), "leverage.strategy": .integer(2)],
                ["challenge.hard_problems": .integer(3), "challenge.variety": .integer(4), "challenge.title_indifferent": .integer(3)],
                [
                    "ladder.technical": .integer(5), "ladder.managerial": .integer(2), "ladder.projects": .integer(4),
                    "motive.pay_status": .integer(2), "top3": .list(["maker.hands_on", "challenge.variety", "depth.mastery"]),
                    "readiness.self": .text("not_yet"),
                ]),
            manager: [
                "obs.depth": .integer(6), "obs.craft": .integer(6), "obs.mentoring": .integer(5), "obs.hard_conversations": .integer(4),
                "obs.conflict": .integer(4), "obs.coordination": .integer(5), "obs.influence": .integer(5),
                "obs.problem_solving": .integer(6), "view.track": .text("ic"), "view.readiness": .text("ready_now"),
            ])
        let result = Scorer(prompts: prompts).assess(answers)
        #expect(result.recommended == .ic)
        #expect(result.scores[.ic] == 54.8 && result.scores[.management] == 15.5)
        #expect(result.confidence == .high)
        #expect(result.confidenceReasons.contains(.undersold(["technical_depth", "maker_energy", "challenge"])))
        #expect(ReasonText.confidenceNotes(result, missingManager: false) == [
            // Whole scores, and the lead is the difference of the scores as shown.
            "Individual contributor fits best at 55 out of 100, 39 points ahead of Management at 16.",
            "Your manager sees more technical depth, maker energy and challenging work in you than you claim, and sees you ready now: a strength to name, and no reason for less confidence in the result.",
        ])
    }

    /// Mostly 3s and 4s with a lead under mild_margin (the ScorerConfidenceTests person), a
    /// senior engineer. Before: low confidence and a note proposing "a short trial of each
    /// path", but a plan with no trial at all. A coach: the plan follows the lean toward Staff
    /// Engineer, with a trial of management and one of deep technical work before a decision
    /// check-in at 90 days that says what is decided.
    @Test func mildAnswersGetATrialOfEachTrackBeforeADecisionCheckIn() throws {
        var answers = ScorerConfidenceTests().mild
        answers.responses[.manager]?.merge(
            ["view.readiness": .text("within_1y"), "capacity.dev_hours_per_month": .integer(12), "budget.amount": .number(2000),
             "budget.currency": .text("USD")]) { _, new in new }
        answers.responses[.contributor]?["goal.horizon_months"] = .integer(12)
        let (assessment, plan) = try plan(answers)
        #expect(assessment.recommended == .ic && assessment.confidence == .low)
        #expect(plan.targetLevel == "ic.staff")
        #expect(plan.endDate == date("2027-11-22"))
        #expect(plan.decisionDate == date("2027-02-20"))
        #expect(plan.milestones.map(\.title) == ["30-day check-in", "Decision check-in", "Half-way review", "End of plan"])
        let trials = plan.items.filter { $0.purpose == .trial }
        #expect(trials.contains { prompts.catalog.item($0.id)!.tracks.contains("management") }, "\(plan.items.map(\.id))")
        #expect(trials.contains { !prompts.catalog.item($0.id)!.tracks.contains("management") })
        #expect(trials.allSatisfy { $0.due <= date("2027-02-20") })
        #expect(plan.milestones[1].description.hasPrefix("Decide together whether to keep working toward Staff Engineer, from what the trials showed: "))
    }
}
