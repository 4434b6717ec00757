import Foundation
import Testing

@testable import CareerKit

/// Issue 26, point 3: a tech lead is a technical-leadership role (the ladder's `kind`), not
/// the first rung of people management. What a coach expects was written down before the
/// first run: a tech lead whose answers point to technical work grows toward Staff Engineer
/// with work across teams and hands nothing over; one who wants reports aims at the first
/// people-management rung with people work first; a company's ladder decides which levels
/// are which.
@Suite struct TechLeadPlanTests {
    let prompts = TestSupport.prompts

    func techLead(contributor: [String: AnswerValue], manager: [String: AnswerValue]) -> Answers {
        var answers = makeAnswers(contributor: contributor, manager: manager)
        answers.person = Person(
            name: "Sam Rivera", id: "T1", currentLevel: "mgmt.tech_lead", domain: "software", yearsExperience: 8, yearsManaging: 0)
        answers.managerName = "Jo Lee"
        return answers
    }

    func plan(_ answers: Answers) throws -> (Assessment, DevelopmentPlan) {
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-22")!)
        return (assessment, plan)
    }

    static let managerBudget: [String: AnswerValue] = [
        "capacity.dev_hours_per_month": .integer(12), "capacity.special_project_percent": .integer(10),
        "budget.amount": .number(3000), "budget.currency": .text("USD"),
    ]

    /// A tech lead who wants to lead the platform's technical direction across teams: the
    /// answers point to technical work.
    var platformLead: Answers {
        techLead(
            contributor: merge(
                group("depth", 5), group("maker", 5), group("focus", 4), group("people", 2), group("hard", 2),
                group("others", 3), group("leverage", 6), group("challenge", 5),
                [
                    "ladder.technical": .integer(7), "ladder.managerial": .integer(2), "ladder.projects": .integer(5),
                    "motive.pay_status": .integer(2), "top3": .list(["leverage.strategy", "leverage.cross_team", "depth.mastery"]),
                    "goal.promotion": .text("seeking"), "goal.horizon_months": .integer(12),
                    "goal.statement": .text("Lead the technical direction of our data platform across teams."),
                ]),
            manager: merge(
                [
                    "obs.depth": .integer(5), "obs.craft": .integer(5), "obs.mentoring": .integer(3),
                    "obs.hard_conversations": .integer(3), "obs.conflict": .integer(3), "obs.coordination": .integer(4),
                    "obs.influence": .integer(5), "obs.problem_solving": .integer(5), "view.track": .text("ic"),
                    "view.readiness": .text("within_1y"),
                ], Self.managerBudget))
    }

    /// Before: "moved back" to Senior Engineer, the rung the tech lead already ranks with, with
    /// a hand-over of a team they do not manage. A coach: Staff Engineer, scope across teams.
    @Test func aTechLeadWithTechnicalAnswersGrowsTowardStaffWithScopeAndHandsNothingOver() throws {
        let (assessment, plan) = try plan(platformLead)
        #expect(assessment.recommended == .ic)
        #expect(plan.targetLevel == "ic.staff")
        #expect(!plan.items.contains { $0.purpose == .handover || $0.purpose == .rebuild })
        #expect(!plan.notes.contains { if case .movingBack = $0 { return true } else { return false } })
        #expect(plan.notes.contains(.technicalScope(role: "Tech Lead", levelTitle: "Staff Engineer")))
        // Scope: work at Staff Engineer's level that builds technical leverage.
        let scope = plan.items.filter {
            ($0.category == .stretchAssignment || $0.category == .specialProject) && $0.levels.contains("ic.staff")
                && $0.builds.contains("technical_leverage")
        }
        #expect(!scope.isEmpty, "\(plan.items.map(\.id))")
        #expect(plan.milestones.last?.description.contains("Ready for Staff Engineer when:") == true)
    }

    /// A tech lead who wants people to report to them too (four to six, in their words).
    var wantsReports: Answers {
        techLead(
            contributor: merge(
                group("depth", 5), group("maker", 4), group("focus", 3), group("people", 5), group("hard", 3),
                group("others", 5), group("leverage", 5), group("challenge", 4),
                [
                    "ladder.technical": .integer(7), "ladder.managerial": .integer(5), "ladder.projects": .integer(4),
                    "motive.pay_status": .integer(2), "top3": .list(["people.growth", "others.team_outcomes", "leverage.cross_team"]),
                    "goal.promotion": .text("seeking"), "goal.horizon_months": .integer(12),
                    "goal.statement": .text("Keep setting the team's technical direction and take on four to six reports of my own."),
                ]),
            manager: merge(
                [
                    "obs.depth": .integer(5), "obs.craft": .integer(4), "obs.mentoring": .integer(5),
                    "obs.hard_conversations": .integer(4), "obs.conflict": .integer(4), "obs.coordination": .integer(5),
                    "obs.influence": .integer(5), "obs.problem_solving": .integer(4), "view.track": .text("hybrid"),
                    "view.readiness": .text("within_1y"),
                ], Self.managerBudget))
    }

    /// Before: Staff Engineer, the IC ladder, with the note "scope first, headcount later" to a
    /// tech lead who has the scope. A coach: the first people-management rung, people work first.
    @Test func aHybridTechLeadWhoWantsReportsAimsAtThePeopleStepWithPeopleWork() throws {
        let (assessment, plan) = try plan(wantsReports)
        #expect(assessment.recommended == .hybrid)
        #expect(assessment.archetype == "tech_lead_manager")
        // The management fit does not lead by the hybrid_management_lead: the archetype decides.
        let lead = (assessment.scores[.management] ?? 0) - (assessment.scores[.ic] ?? 0)
        #expect(lead < prompts.weights.planning.hybridManagementLead, "\(assessment.scores)")
        #expect(plan.targetLevel == "mgmt.em")
        #expect(!plan.notes.contains { if case .hybridScope = $0 { return true } else { return false } })
        #expect(plan.notes.contains(.peopleStep(levelTitle: "Engineering Manager")))
        // Never having had reports, they try people work first, in the first quarter.
        let trial = try #require(plan.items.first { $0.purpose == .trial }, "\(plan.items.map(\.id))")
        #expect(prompts.catalog.item(trial.id)!.tracks.contains("management"))
        #expect(trial.start < SessionDate.parse("2027-01-01")!)
        let people: Set = ["growing_people", "hard_conversations", "outcomes_through_others"]
        #expect(plan.items.filter { !people.isDisjoint(with: $0.builds) }.count * 2 >= plan.items.count)
        #expect(!plan.items.contains { $0.purpose == .handover || $0.purpose == .rebuild })
    }

    /// Nadia (personas/tech-lead-manager) wants reports and gets the people step too: a trial
    /// of people work, and no one to learn from about moving back from managing.
    @Test func aTechLeadIsNeverOfferedWhatIsWrittenForLeavingManagement() throws {
        let answers = try AnswersFile.load(path: TestSupport.fixture("personas/tech-lead-manager.yaml"), prompts: prompts)
        let (_, plan) = try plan(answers)
        #expect(plan.targetLevel == "mgmt.em")
        #expect(!plan.items.contains { $0.id == "mentor.pendulum-mentor" || $0.id == "stretch.hand-over-the-team" })
        #expect(plan.items.contains { $0.id == "stretch.people-lead-for-two" })
    }

    @Test func theShippedTechLeadIsATechnicalLeadershipLevelThatRanksWithSenior() throws {
        let level = try #require(prompts.ladder.level("mgmt.tech_lead"))
        #expect(level.kind == .technicalLeadership && level.leadsTechnically && !level.managesPeople)
        #expect(prompts.ladder.equivalent(of: "mgmt.tech_lead")?.id == "ic.senior")
        #expect(prompts.ladder.level("mgmt.em")?.managesPeople == true)
        #expect(prompts.ladder.level("ic.staff")?.kind == .individual)
    }
}

/// The rules follow the ladder's `kind`, never the shipped ids: a company's ladder decides.
@Suite struct LadderKindTests {
    func level(_ id: String, _ track: String, _ rank: Int, _ kind: Ladder.Kind) -> Ladder.Level {
        var level = Ladder.Level(
            id: id, track: track, title: id, summary: "", expects: [:], promotionCriteria: [], rank: rank)
        level.kind = kind
        return level
    }

    /// A company whose tech lead stands on the IC track, beside its senior engineers.
    var company: Ladder {
        Ladder(
            tracks: [.init(id: "ic", title: "IC"), .init(id: "management", title: "Management")],
            levels: [
                level("eng.2", "ic", 0, .individual), level("eng.3", "ic", 1, .individual), level("eng.tl", "ic", 2, .technicalLeadership),
                level("eng.4", "ic", 3, .individual), level("mgr.1", "management", 0, .peopleManagement),
                level("mgr.2", "management", 1, .peopleManagement),
            ],
            equivalences: [(ic: "eng.4", management: "mgr.1")])
    }

    func target(_ ladder: Ladder, _ current: String, _ track: Track, wantsReports: Bool = false) -> String {
        LevelTargets.target(current: current, recommended: track, growthInPlace: false, wantsReports: wantsReports, ladder: ladder).target
    }

    @Test func aCompanysTechnicalLeadershipLevelGrowsTheSameWays() {
        #expect(target(company, "eng.tl", .ic) == "eng.4")
        #expect(target(company, "eng.tl", .hybrid) == "eng.4")
        #expect(target(company, "eng.tl", .hybrid, wantsReports: true) == "mgr.1")
        #expect(target(company, "eng.tl", .management) == "mgr.1")
    }

    /// A ladder whose `mgmt.tech_lead` manages people (it says no kind): moving to IC work
    /// from it is moving back, as that company's ladder says.
    @Test func withoutTheKindTheSameIdIsAPeopleManager() throws {
        var ladder = TestSupport.prompts.ladder
        let index = try #require(ladder.levels.firstIndex { $0.id == "mgmt.tech_lead" })
        ladder.levels[index].kind = .peopleManagement
        #expect(target(ladder, "mgmt.tech_lead", .ic) == "ic.senior")
        #expect(target(TestSupport.prompts.ladder, "mgmt.tech_lead", .ic) == "ic.staff")
    }

    @Test func aKindThatDoesNotFitTheTrackIsAnErrorWithItsPlace() throws {
        var line = 0
        let folder = try TestSupport.promptsCopy(editing: "ladder.yaml") { text in
            let edited = text.replacingOccurrences(of: "kind: technical_leadership", with: "kind: individual")
            line = edited.components(separatedBy: "\n").firstIndex { $0.contains("kind: individual") }! + 1
            return edited
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let found = TestSupport.diagnostics { _ = try PromptSet.load(from: folder) }
            .map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
        #expect(found == [
            "ladder.yaml:\(line):11: level 'mgmt.tech_lead' 'kind' is 'individual', which a level of the management track cannot be; allowed: people_management, technical_leadership"
        ])
    }
}
