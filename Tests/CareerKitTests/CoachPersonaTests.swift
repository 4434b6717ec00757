import Foundation
import Testing

@testable import CareerKit

/// Twenty-two people written by a career coach before any run, with what the coach expected
/// of each result and plan (Fixtures/coach/EXPECTATIONS.md). Each test holds the parts of
/// that expectation a plan must keep, for the pattern the person stands for.
@Suite struct CoachPersonaTests {
    let prompts = TestSupport.prompts

    struct Result {
        var answers: Answers
        var assessment: Assessment
        var plan: DevelopmentPlan
        var markdown: String

        func has(_ id: String) -> Bool { plan.items.contains { $0.id == id } }
        var learnsFromSomeone: Bool { plan.items.contains { $0.category == .mentoring && $0.direction == .learn } }
    }

    func run(_ name: String) throws -> Result {
        let answers = try AnswersFile.load(path: TestSupport.fixture("coach/\(name).yaml"), prompts: prompts)
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: SessionDate.parse("2026-11-22")!)
        let markdown = try PlanRenderer(answers: answers, assessment: assessment, plan: plan, prompts: prompts).render(.md)
        return Result(answers: answers, assessment: assessment, plan: plan, markdown: markdown)
    }

    func share(_ plan: DevelopmentPlan, building dimensions: Set<String>) -> Double {
        Double(plan.items.filter { !dimensions.isDisjoint(with: $0.builds) }.count) / Double(max(1, plan.items.count))
    }

    static let people = [
        "priya-raghunathan", "marcus-oyelaran", "hana-kobayashi", "tomas-alvarez", "ingrid-solberg", "kwame-mensah",
        "aisha-bello", "diego-fernandez", "yusuf-demir", "mei-lin-tan", "fatima-zahra-el-amrani", "mateusz-kowalczyk",
        "svetlana-petrova", "rafael-costa", "lucia-romero", "anjali-deshpande", "nadia-haddad", "sung-min-park",
        "grace-mwangi", "arjun-mehta", "elif-yildiz", "oluwaseun-adebayo",
    ]

    /// What every one of the 22 plans keeps.
    @Test(arguments: people)
    func everyPlanKeepsTheBasics(_ name: String) throws {
        let result = try run(name)
        #expect(result.learnsFromSomeone, "no one to learn from")
        let levels: Set = [result.plan.currentLevel, result.plan.targetLevel]
        #expect(result.plan.items.allSatisfy { !levels.isDisjoint(with: $0.levels) })
        #expect(result.plan.busiestMonthHours <= result.plan.hoursCapacityPerMonth * 1.25 + 0.05)
        #expect(result.plan.committed <= result.plan.budgetAmount)
    }

    @Test func anICLeaningToManagementTriesItFirstWithPeopleSkills() throws {
        let priya = try run("priya-raghunathan")
        #expect(priya.assessment.recommended == .management)
        #expect(["mgmt.tech_lead", "mgmt.em"].contains(priya.plan.targetLevel))
        #expect(priya.plan.items.contains { $0.purpose == .trial })
        // The leadership certification she asked for fits now that study can be spread; hard
        // conversations are practised on the job (the postmortem programme). The feedback
        // workshop, which a coach would still add, no longer adds enough beside those.
        #expect(priya.has("cert.hbs-online-leadership-principles"))
        #expect(priya.plan.items.contains { $0.builds.contains("hard_conversations") && $0.time == .job && $0.purpose == nil })
        #expect(share(priya.plan, building: ["growing_people", "hard_conversations", "outcomes_through_others"]) >= 0.5)
    }

    @Test func aManagerAimingHigherGetsNoTechnicalDepthConference() throws {
        let marcus = try run("marcus-oyelaran")
        #expect(marcus.plan.targetLevel == "mgmt.senior_em")
        #expect(!marcus.plan.items.contains { $0.kind == "conference" && $0.builds.contains("technical_depth") })
        #expect(marcus.plan.committed >= 3000)
    }

    @Test func aTechLeadWhoWantsBothAimsAtTechnicalScopeNotAPeopleManagerRung() throws {
        let hana = try run("hana-kobayashi")
        #expect(hana.assessment.recommended == .hybrid)
        #expect(hana.plan.targetLevel == "ic.staff")
        #expect(!hana.plan.items.contains { $0.purpose == .trial }, "a trial of a role she already holds")
        #expect(hana.plan.notes.contains(.hybridScope(levelTitle: "Staff Engineer")))
    }

    @Test func aJuniorGetsJuniorItemsAndUnobservedSkillsReadAsNotObserved() throws {
        let tomas = try run("tomas-alvarez")
        #expect(tomas.plan.targetLevel == "ic.developer")
        #expect(tomas.plan.items.allSatisfy { $0.levels.contains("ic.junior") || $0.levels.contains("ic.developer") })
        #expect(!tomas.has("stretch.postmortem-programme"))
        #expect(tomas.markdown.contains("| Growing people | 27 | n/a |"))
    }

    @Test func aPrincipalWithABudgetGetsWorkThatFitsAndUsesIt() throws {
        let ingrid = try run("ingrid-solberg")
        #expect(ingrid.plan.targetLevel == "ic.distinguished")
        // Every criterion of Distinguished has an activity that produces its evidence; standing
        // outside the company comes from open-source maintainer time (job time within her
        // project share) and, since the catalog's entry-level items and the mentors who need
        // someone above her left room and budget, a keynote or panel as well.
        #expect(ingrid.plan.criteria.count == 4 && ingrid.plan.criteria.allSatisfy { !$0.evidence.isEmpty })
        #expect(ingrid.plan.criteria.first { $0.id == "ic.distinguished.recognised_outside" }?.evidence == [
            "net.keynote-or-panel", "project.open-source-maintainer-time",
        ])
        #expect(ingrid.plan.committed >= 3500)
        #expect(!ingrid.has("train.data-intensive-reading") && !ingrid.has("net.meetup-talk"))
    }

    @Test func aNamedCertificationDomainIsHonouredOrExplained() throws {
        let kwame = try run("kwame-mensah")
        let architecture = kwame.plan.items.contains {
            $0.category == .certification && prompts.catalog.item($0.id)!.domains.contains("architecture")
        }
        let explained = kwame.plan.notes.contains {
            if case .certificationNotOffered(let domain, _) = $0 { return domain.contains("architecture") } else { return false }
        }
        #expect(architecture || explained)
        #expect(!kwame.has("cert.terraform-associate"))
    }

    @Test func certificationsWithAnExperienceRuleWaitForTheExperience() throws {
        let aisha = try run("aisha-bello")
        #expect(aisha.answers.person.yearsExperience == 3)
        #expect(!aisha.has("cert.cissp") && !aisha.has("cert.cism"))
    }

    @Test func straightSixesFromAManagerAreLowInformation() throws {
        let diego = try run("diego-fernandez")
        #expect(diego.assessment.flags.contains(.managerUniform))
        #expect(diego.assessment.confidence != .high)
        #expect(diego.plan.gaps.allSatisfy { $0.basis == .level && $0.gap > 0 })
    }

    @Test func weakSignalGivesAnExploratoryPlanNotALabel() throws {
        let yusuf = try run("yusuf-demir")
        #expect(yusuf.assessment.recommended == .undecided)
        #expect(yusuf.assessment.confidence == .low)
        #expect(yusuf.plan.exploratory)
        #expect(yusuf.plan.items.contains { $0.purpose == .trial })
        let meiLin = try run("mei-lin-tan")
        #expect(meiLin.assessment.confidence == .low)
        #expect(meiLin.assessment.recommended == .undecided || meiLin.assessment.recommended == .ic)
    }

    @Test func aLifestyleAnchorNeverTakesThePromotionAway() throws {
        let fatima = try run("fatima-zahra-el-amrani")
        #expect(fatima.plan.targetLevel == "ic.staff")
        #expect(!fatima.plan.growthInPlace)
        let grace = try run("grace-mwangi")
        #expect(grace.plan.growthInPlace)
        #expect(grace.plan.targetLevel == "ic.staff")
    }

    @Test func payOrStatusIsAConversationNotAVerdict() throws {
        let mateusz = try run("mateusz-kowalczyk")
        #expect(mateusz.assessment.flags.contains(.payStatusMotive))
        #expect(mateusz.assessment.recommended != .management)
        #expect(!mateusz.assessment.explanation.contains { $0.item == "motive.pay_status" })
    }

    @Test func movingBackHandsTheTeamOverFirstAndLandsOnTheEqualRung() throws {
        let svetlana = try run("svetlana-petrova")
        #expect(svetlana.plan.targetLevel == "ic.staff")
        let handover = try #require(svetlana.plan.items.first { $0.purpose == .handover })
        #expect(handover.start == svetlana.plan.startDate)
    }

    @Test func fourHoursAMonthMeansAFewItemsAndNoOverloadedMonth() throws {
        let rafael = try run("rafael-costa")
        // A few things to study; the stretch work that evidences Principal's criteria is his job.
        #expect(rafael.plan.items.filter { $0.time != .job }.count <= 4)
        #expect(rafael.plan.items.filter { $0.time == .job }.allSatisfy { $0.category == .stretchAssignment })
        #expect(rafael.plan.busiestMonthHours <= 5)
    }

    @Test func askedProjectWorkRunsAtTheManagersOfferOfTheKindAsked() throws {
        let lucia = try run("lucia-romero")
        #expect(lucia.plan.specialProjectPercent == 20)
        let projects = lucia.plan.items.filter { $0.category == .specialProject }
        #expect(!projects.isEmpty && projects.allSatisfy { $0.kind == "innovation" })
        #expect(lucia.plan.specialProjectHoursPerMonth == 32)
    }

    @Test func withoutAManagerNothingIsPromisedOnTheirBehalf() throws {
        let nadia = try run("nadia-haddad")
        #expect(!nadia.markdown.contains("your manager can free"))
        #expect(nadia.plan.notes.contains { if case .managerMissing = $0 { return true } else { return false } })
        let anjali = try run("anjali-deshpande")
        #expect(anjali.assessment.confidence == .low)
    }

    @Test func aManagerSeeingMoreThanThePersonClaimsDoesNotLowerConfidence() throws {
        let sungMin = try run("sung-min-park")
        #expect(sungMin.assessment.recommended == .management)
        #expect(sungMin.assessment.confidence == .high)
    }

    @Test func claimingMoreThanSeenBuildsEvidenceBeforeReadiness() throws {
        let arjun = try run("arjun-mehta")
        #expect(arjun.assessment.confidence != .high)
        #expect(arjun.plan.milestones.last?.description.contains("Evidence toward Staff Engineer:") == true)
    }

    @Test func aSeniorManagerAimingAtDirectorGetsLeadershipWorkThatCosts() throws {
        let oluwaseun = try run("oluwaseun-adebayo")
        #expect(oluwaseun.plan.targetLevel == "mgmt.director")
        #expect(oluwaseun.plan.committed >= 3000)
        #expect(share(oluwaseun.plan, building: ["growing_people", "hard_conversations", "outcomes_through_others"]) >= 0.5)
    }
}
