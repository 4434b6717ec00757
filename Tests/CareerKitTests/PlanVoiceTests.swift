import Foundation
import Testing

@testable import CareerKit

/// Where a plan's notes stand and how its numbers read: a case each (issue 26, point 2).
@Suite struct PlanVoiceTests {
    let prompts = TestSupport.prompts
    let today = SessionDate.parse("2026-11-23")!

    func rendered(_ fixture: String, manager: [String: AnswerValue] = [:]) throws -> (plan: DevelopmentPlan, markdown: String) {
        var answers = try AnswersFile.load(path: TestSupport.fixture(fixture), prompts: prompts)
        for (id, value) in manager { answers.responses[.manager, default: [:]][id] = value }
        let assessment = Scorer(prompts: prompts).assess(answers)
        let plan = try Planner(prompts: prompts).plan(for: answers, assessment: assessment, today: today)
        return (plan, try PlanRenderer(answers: answers, assessment: assessment, plan: plan, prompts: prompts).render(.md))
    }

    // MARK: - Notes

    /// The two best-ranked notes lead, whatever order the planner made them in; the rest keep
    /// the plan's order for the end. The manager-has-not-answered text and the flags take
    /// their places first.
    @Test func theTwoNotesThatChangeHowThePlanReadsLeadAndTheRestGoToTheEnd() {
        let notes: [PlanNote] = [
            .budgetLeft(left: "800 USD", title: "a course", cost: "700 USD"), .leftOutAsAsked("on-call"),
            .movingBack(levelTitle: "Staff Engineer"), .exploratory(trials: true),
            .notYetEligible(name: "CISSP", rule: "five years", have: 2, from: "2029", meanwhile: nil, inPlan: []),
        ]
        let arranged = PlanNote.arranged(notes, notices: 0, managerMissingShown: false)
        #expect(arranged.lead == [notes[4], notes[3]])
        #expect(arranged.end == [notes[0], notes[1], notes[2]])
        let afterAFlag = PlanNote.arranged(notes, notices: 1, managerMissingShown: false)
        #expect(afterAFlag.lead == [notes[4]])
        #expect(afterAFlag.end == [notes[0], notes[1], notes[2], notes[3]])
        #expect(PlanNote.arranged(notes, notices: 2, managerMissingShown: false).lead.isEmpty)
        // A note no ranking places first never leads, even with room to spare.
        #expect(PlanNote.arranged([notes[0], notes[1]], notices: 0, managerMissingShown: false).lead.isEmpty)
        // Said once at the top when the manager gave no answers: in neither list.
        let missing = PlanNote.managerMissing(hoursPerMonth: 8, budget: nil, specialPercent: 0)
        let shown = PlanNote.arranged([missing, notes[0]], notices: 1, managerMissingShown: true)
        #expect(shown.lead.isEmpty && shown.end == [notes[0]])
        #expect(PlanNote.arranged([notes[0], missing], notices: 0, managerMissingShown: false).lead == [missing])
    }

    /// Ana's plan carried a note on the budget left before her activities; it is under Notes
    /// at the end now, and `plan.notes` still lists it for companies' own templates.
    @Test func anasBudgetNoteStandsUnderNotesAtTheEnd() throws {
        let (plan, markdown) = try rendered("ana-silva.yaml")
        let note = try #require(plan.notes.first { if case .budgetLeft = $0 { return true } else { return false } })
        let notes = try #require(markdown.range(of: "\n## Notes\n\n- " + note.sentence))
        let lastItem = try #require(markdown.range(of: "*Done when:*", options: .backwards))
        #expect(notes.lowerBound > lastItem.lowerBound)
        #expect(!markdown.contains("> " + note.sentence))
    }

    /// The shipped templates say where each list stands, for the plan check's "above/below".
    @Test func theTemplatesRecordWhereEachListOfNotesStands() {
        for file in [ReportTemplates.markdownFile, ReportTemplates.htmlFile] {
            #expect(prompts.templates.notesBeforeItems[file] == [.lead: true, .end: false])
        }
    }

    // MARK: - Numbers

    /// Scores are whole: 77.2 reads 77 in the bars and the text alike; a half rounds up.
    @Test func scoresAreWholeNumbers() {
        #expect(formatScore(77.2) == "77")
        #expect(formatScore(77.5) == "78")
        #expect(formatScore(-0.3) == "0")
        #expect(formatScore(100) == "100")
    }

    /// An offered project at 11% of 160 working hours: the activity said "about 17 hours a
    /// month" beside the summary's "at most 17.6 in any month". One figure, read the same.
    @Test func anOfferedProjectsHoursReadTheSameInTheActivityAndTheSummary() throws {
        let (plan, markdown) = try rendered(
            "ana-silva.yaml",
            manager: [
                "offer.project.name": .text("Payments architecture review"), "offer.project.percent": .integer(11),
                "offer.project.from": .text("2027-01-04"),
            ])
        #expect(plan.specialProjectHoursPerMonth == 17.6)
        #expect(markdown.contains("with 11% of your working time (about 17.6 hours a month)"))
        #expect(markdown.contains("at most 17.6 in any month"))
        #expect(plan.offers.first { $0.kind == .project }?.hoursPerMonth == 17.6)
    }

    /// Money is whole units unless a price has cents, then both cents.
    @Test func moneyIsWholeUnlessAPriceHasCents() {
        #expect(formatMoney(3000, "USD") == "3,000 USD")
        #expect(formatMoney(899.5, "EUR") == "899.50 EUR")
    }
}
