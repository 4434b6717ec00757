import Foundation
import Testing

@testable import CareerKit

/// Context, not placeholders, and eligibility said plainly (issue 21, points 4 and 5): exact
/// plans for people of our own, each with the coach's expectation written before it ran, and
/// properties over the generated population.
@Suite struct PlanContextTests {
    let prompts = TestSupport.prompts
    let today = SessionDate.parse("2026-11-23")!

    func plan(_ answers: Answers) throws -> DevelopmentPlan {
        let assessment = Scorer(prompts: prompts).assess(answers)
        return try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: today)
    }

    /// Ana Silva's answers, as someone else: level, field and years, and extra answers.
    func person(
        level: String, domain: String, years: Int, contributor: [String: AnswerValue] = [:], manager: [String: AnswerValue] = [:]
    ) throws -> Answers {
        var answers = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        answers.person.currentLevel = level
        answers.person.domain = domain
        answers.person.yearsExperience = years
        for (id, value) in contributor { answers.responses[.contributor, default: [:]][id] = value }
        for (id, value) in manager { answers.responses[.manager, default: [:]][id] = value }
        return answers
    }

    /// Coach: a security engineer with 3 years whose first step is "book the CISSP exam date".
    /// The plan must say she cannot sit it yet (five years of security work), from when she
    /// can (about two years from now), what she can do meanwhile (the Associate of ISC2
    /// route, or the material without the exam), and hold the ISC2 CC she can take now. The
    /// CISSP itself is not an item, and her first step warns her before she books.
    @Test func aSecurityEngineerWithThreeYearsIsToldWhenTheCISSPOpens() throws {
        let mina = try person(
            level: "ic.developer", domain: "security", years: 3,
            contributor: [
                "will.first_step": .text("Book the CISSP exam date"), "interest.certifications": .list(["security"]),
                "goal.statement": .text("Become the security engineer the platform teams trust."),
            ], manager: ["capacity.dev_hours_per_month": .integer(8), "budget.amount": .number(2000)])
        let plan = try plan(mina)
        #expect(!plan.items.contains { $0.id == "cert.cissp" })
        let note = try #require(plan.notes.first { if case .notYetEligible = $0 { return true } else { return false } })
        #expect(note.sentence == "You named CISSP, which is not open to you yet: it asks for five years of paid security work in two of its eight areas (a four-year degree can waive one year), and you have 3. You can sit it from about November 2028. You can pass the exam before then and become an Associate of ISC2 until you have the years, or study its material without the exam. ISC2 Certified in Cybersecurity (CC) is open to you now and in the plan.")
        let entry = try #require(plan.items.first { $0.id == "cert.isc2-certified-in-cybersecurity" })
        #expect(entry.reason.contains("open to you now, on the way to CISSP"))
        let step = try #require(plan.items.first { $0.id == DevelopmentPlan.Source.contributorStepID })
        #expect(step.summary.hasSuffix("CISSP is not open to you yet (see the note on it), so talk it through with Jordan Lee before you book."))
        // Security is her job: no "security champion" stretch.
        #expect(!plan.items.contains { $0.id == "stretch.security-champion" })
    }

    /// Coach: a senior with 8 years who names the CKA in his first step, with no certification
    /// interest ticked: what he named is in the plan, and it says why.
    @Test func aCertificationNamedInTheFirstStepIsPlanned() throws {
        let answers = try person(
            level: "ic.senior", domain: "infrastructure", years: 8,
            contributor: ["will.first_step": .text("Pick a date for the CKA exam"), "interest.certifications": .list([])])
        let plan = try plan(answers)
        let cka = try #require(plan.items.first { $0.id == "cert.kubernetes-administrator" })
        #expect(cka.reason.contains("you named it"))
        #expect(!plan.notes.contains { if case .notYetEligible = $0 { return true } else { return false } })
    }

    /// "CC" inside a word is not the ISC2 CC; a name is found only as a whole word.
    @Test func namesAreFoundAsWholeWords() {
        #expect(NamedItems.contains("i accept the plan", word: "cc") == false)
        #expect(NamedItems.contains("take the isc2 cc first", word: "isc2 cc"))
        #expect(NamedItems.contains("security+ next", word: "security+"))
        #expect(NamedItems.contains("cissp.", word: "cissp"))
        #expect(NamedItems.contains("ccissp", word: "cissp") == false)
    }

    /// Coach: a staff infrastructure engineer with 14 years gets no fundamentals course, no
    /// entry certificate and no first conference; a mentor is named in his field.
    @Test func anExperiencedStaffEngineerGetsNoFundamentalsAndAMentorInHisField() throws {
        let answers = try person(level: "ic.staff", domain: "infrastructure", years: 14)
        let plan = try plan(answers)
        for item in plan.items {
            #expect(prompts.catalog.item(item.id)?.entry != true, "\(item.id)")
            #expect(!item.title.contains("{") && !item.summary.contains("{"), "\(item.title)")
        }
        if let mentor = plan.items.first(where: { $0.id == "mentor.from-staff-engineer" }) {
            #expect(mentor.title == "Be mentored by a Principal Engineer in infrastructure")
        }
    }

    /// The blanks are filled from the person: their field, the rung above theirs.
    @Test func catalogBlanksAreFilledFromThePerson() throws {
        var request = PlanRequest(
            track: .ic, current: prompts.ladder.level("ic.staff"), target: prompts.ladder.level("ic.principal"), gaps: [],
            trackDimensions: [], exploratory: false, needsTrial: false, movingBack: false, teachesFromHere: false,
            certificationInterests: [], networkingInterests: [], projectInterests: [], domain: "infrastructure",
            yearsExperience: 9, yearsManaging: 0, previous: PlanHistory(), rate: 1, budget: 0, developmentHours: 0,
            hoursPerMonth: 0, monthSlack: 0, horizonDays: 365)
        request.above = prompts.ladder.level("ic.principal")
        let candidates = PlanCandidates(request: request, catalog: prompts.catalog, settings: prompts.weights.planning, bank: prompts.bank)
        #expect(candidates.words("Learn from {above} in {field}") == "Learn from a Principal Engineer in infrastructure")
        request.domain = nil
        request.above = prompts.ladder.level("mgmt.em")
        let other = PlanCandidates(request: request, catalog: prompts.catalog, settings: prompts.weights.planning, bank: prompts.bank)
        #expect(other.words("{above}, {field}") == "an Engineering Manager, your field")
    }

    /// A catalog text with an unknown blank is an error naming the item and what is allowed.
    @Test func anUnknownBlankInTheCatalogIsNamed() throws {
        let directory = try TestSupport.promptsCopy(editing: PromptSet.catalogFile) {
            $0.replacingOccurrences(of: "title: Learn from a specialist in {field}", with: "title: Learn from a specialist in {feild}")
        }
        let diagnostics = TestSupport.diagnostics { _ = try PromptSet.load(from: directory) }
        #expect(diagnostics.contains { $0.message == "catalog item 'mentor.from-domain-expert' 'title' has '{feild}'; allowed: {field} (the person's field) and {above} (the rung above theirs)" })
    }

    /// A certification's 'instead' must name an item of the catalog.
    @Test func anUnknownInsteadIsNamed() throws {
        let directory = try TestSupport.promptsCopy(editing: PromptSet.catalogFile) {
            $0.replacingOccurrences(of: "instead: [cert.capm]", with: "instead: [cert.capn]")
        }
        let diagnostics = TestSupport.diagnostics { _ = try PromptSet.load(from: directory) }
        #expect(diagnostics.contains { $0.message == "catalog item 'cert.pmp' 'eligibility' 'instead' names 'cert.capn', which is not in the catalog; allowed: the id of another item" })
    }

    /// Coach: a manager who observed nothing (every observation "not observed yet") and said
    /// "not yet" has not judged readiness; the plan must not tell her she is not ready.
    @Test func aManagerWhoObservedNothingIsNotReadAsNotReady() throws {
        var observations: [String: AnswerValue] = ["view.readiness": .text("not_yet")]
        for id in prompts.weights.dimensions.flatMap(\.observations) { observations[id] = .notObserved }
        let plan = try plan(try person(level: "ic.senior", domain: "software", years: 7, manager: observations))
        let note = try #require(plan.notes.first { if case .buildEvidenceFirst = $0 { return true } else { return false } })
        #expect(note.sentence == "Your manager has not had the chance to observe your work yet, so this plan builds evidence against the promotion criteria of Staff Engineer before readiness is discussed.")
        #expect(!plan.notes.contains { $0.sentence.contains("not ready") })
    }

    /// Coach: an underseller (she says "not yet", her manager "ready now") is told to ask what
    /// the manager sees, not to agree what evidence would show she is ready.
    @Test func anUndersellerIsToldWhatTheManagerSees() throws {
        let plan = try plan(
            try person(
                level: "ic.senior", domain: "software", years: 7, contributor: ["readiness.self": .text("not_yet")],
                manager: ["view.readiness": .text("ready_now")]))
        let note = try #require(plan.notes.first { if case .readinessSeenDifferently = $0 { return true } else { return false } })
        #expect(note.sentence.hasSuffix("Ask them what they see in your work: it may be evidence you are underrating."))
        #expect(!note.sentence.contains("what evidence would show you are ready"))
    }

    // MARK: over the generated population

    static let population = PlanPopulationTests.population

    @Test func everyCriterionOfTheTargetHasAnItemOrAShownLine() {
        for result in Self.population {
            for criterion in result.plan.criteria where !criterion.shownByBoth {
                #expect(!criterion.evidence.isEmpty, "\(result.answers.person.id!) \(criterion.id)")
                for id in criterion.evidence { #expect(result.plan.items.contains { $0.id == id }) }
            }
        }
    }

    @Test func noItemIsWhatThePersonDoesAsTheirJobOrBelowThem() {
        let ladder = prompts.ladder
        let settings = prompts.weights.planning
        for result in Self.population {
            let person = result.answers.person
            let field = person.domain?.lowercased() ?? ""
            let expert = ladder.rank(acrossLadders: person.currentLevel) >= settings.expertFromRank
                || (person.yearsExperience ?? 0) >= settings.expertFromYears
            let atTop = ladder.next(after: person.currentLevel) == nil
            for item in result.plan.items {
                guard let entry = prompts.catalog.item(item.id) else { continue }
                #expect(!entry.partOfJobIn.contains(field), "\(person.id!) \(item.id)")
                #expect(!(expert && entry.entry), "\(person.id!) \(item.id)")
                #expect(!(atTop && entry.needsPeopleAbove), "\(person.id!) \(item.id)")
                // One teaches from where one stands.
                if entry.direction == .teach { #expect(entry.levels.contains(person.currentLevel), "\(person.id!) \(item.id)") }
                #expect(!(item.title + item.summary + item.doneWhen).contains("{"), "\(person.id!) \(item.id)")
            }
        }
    }
}
