import Foundation
import Testing

@testable import CareerKit

/// Issue 12, point 1: prepare apart, meet on what differs. What a one-on-one after
/// preparations asks, and how the dialog engine walks it.
@Suite struct MeetingAgendaTests {
    let prompts = TestSupport.prompts
    var bank: QuestionBank { prompts.bank }

    /// The dimension ratings of a contributor: each dimension's three items at one value.
    static let selfRatings: [String: Int] = [
        "technical_depth": 6, "maker_energy": 1, "focus_protection": 4, "growing_people": 6, "hard_conversations": 1,
        "outcomes_through_others": 6, "technical_leverage": 1, "challenge": 6,
    ]

    /// A whole self-assessment: the ratings above, every other question answered.
    func selfAnswers(_ ratings: [String: Int] = selfRatings, readiness: String = "ready_now") -> [String: AnswerValue] {
        var engine = DialogEngine(bank: bank, mode: .selfAssessment)
        while let question = engine.current {
            let item = question.item
            let input: String
            switch item.id {
            case "readiness.self": input = readiness
            case "interest.wants_certification": input = "yes"
            case "experience.leading": input = "informal"
            case "top3": input = "1 2 3"
            default:
                switch item.kind {
                case .scale: input = String(item.dimension.flatMap { ratings[$0] } ?? 4)
                case .choice(let choices), .multi(let choices): input = choices[0].value
                case .pick: input = "1 2 3"
                case .integer(let min, _): input = String(min + 6)
                case .number: input = "1000"
                case .text: input = "words"
                case .currency: input = "EUR"
                case .date: input = "2027-03-01"
                }
            }
            engine.handle(.answer(input))
        }
        return engine.answers[.contributor] ?? [:]
    }

    /// A whole manager's preparation with these observations.
    func managerAnswers(_ observations: [String: String], track: String, readiness: String = "within_2y") -> [String: AnswerValue] {
        var answers: [String: AnswerValue] = [
            "view.track": .text(track), "view.readiness": .text(readiness), "capacity.dev_hours_per_month": .integer(16),
            "capacity.special_project_percent": .integer(10), "budget.amount": .number(1500), "budget.currency": .text("EUR"),
            "will.support": .text("Clear the Friday sync"), "offer.kinds": .list([]), "criteria.seen": .list([]),
        ]
        for (id, value) in observations {
            answers[id] = value == "n/a" ? .notObserved : .integer(Int(value)!)
        }
        return answers
    }

    func merged(_ own: [String: AnswerValue], _ seen: [String: AnswerValue]) -> Answers {
        Answers(
            person: Person(name: "Pat Doe", currentLevel: "ic.senior"), managerName: "Jo Lee", date: "2026-11-22",
            mode: .oneOnOne, responses: [.contributor: own, .manager: seen])
    }

    /// The observations that differ from `selfRatings` by two points or more on every dimension
    /// that has one, without rating everything alike.
    static let farApart = [
        "obs.depth": "1", "obs.craft": "6", "obs.mentoring": "3", "obs.hard_conversations": "4", "obs.conflict": "4",
        "obs.coordination": "1", "obs.influence": "4", "obs.problem_solving": "2",
    ]

    /// The track the contributor's answers point to, and one the manager can see instead.
    func otherTrack(_ own: [String: AnswerValue]) -> String {
        let recommended = Scorer(prompts: prompts).assess(merged(own, [:])).recommended
        return recommended == .ic ? "management" : "ic"
    }

    static let together = [
        "item:interest.wants_certification", "item:interest.certifications", "item:interest.networking",
        "item:interest.projects", "item:capacity.dev_hours_per_month", "item:capacity.special_project_percent",
        "item:budget.amount", "item:will.first_step", "item:will.support",
    ]

    // MARK: - What is asked

    @Test func bothPreparationsGiveTheDifferencesLargestFirstThenOptionsAndWill() {
        let own = selfAnswers()
        let seen = managerAnswers(
            ["obs.depth": "2", "obs.craft": "1", "obs.mentoring": "6", "obs.hard_conversations": "1", "obs.conflict": "1",
             "obs.coordination": "6", "obs.influence": "1", "obs.problem_solving": "6"],
            track: otherTrack(own))
        let agenda = MeetingAgenda(prompts: prompts, answers: merged(own, seen), skipped: [], prepared: [.contributor, .manager])
        // technical depth 6 vs 2 (4 points apart) before the dimensions 0 points apart (none),
        // then the track, then readiness (ready now against two years).
        #expect(agenda.steps.map(\.key) == ["gap:technical_depth", "gap:track", "gap:readiness"] + Self.together)
        #expect(agenda.leftOut.isEmpty)
        guard case .gap(let depth) = agenda.steps[0] else { return }
        #expect(depth.contributorItems == ["depth.mastery", "depth.learning", "depth.identity"])
        #expect(depth.managerItems == ["obs.depth"])
        #expect(depth.managerAnswers == ["2"])
        #expect(depth.selfScore == 100)
        #expect(depth.managerScore == 20)
        guard case .gap(let readiness) = agenda.steps[2] else { return }
        #expect(readiness.selfView == "ready_now")
        #expect(readiness.managerAnswers == ["within_2y"])
        #expect(readiness.contributorItems == ["readiness.self", "readiness.evidence"])
    }

    @Test func theMostAMeetingAsksIsEighteenQuestions() {
        let own = selfAnswers()
        let seen = managerAnswers(Self.farApart, track: otherTrack(own))
        let agenda = MeetingAgenda(prompts: prompts, answers: merged(own, seen), skipped: [], prepared: [.contributor, .manager])
        let gaps = agenda.steps.filter { $0.key.hasPrefix("gap:") }.map(\.key)
        // Seven dimensions with an observation, ordered by size (5, 5, 5, 4, 3, 3, 3 points),
        // ties in the order of the dimensions.
        #expect(gaps == [
            "gap:technical_depth", "gap:maker_energy", "gap:outcomes_through_others", "gap:challenge", "gap:growing_people",
            "gap:hard_conversations", "gap:technical_leverage", "gap:track", "gap:readiness",
        ])
        let engine = DialogEngine(bank: bank, mode: .oneOnOne, answers: merged(own, seen).responses, agenda: agenda.steps)
        #expect(engine.stepCount == 18)
        #expect(engine.stepCount <= MeetingAgenda.questionLimit)
    }

    @Test func aLowerLimitLeavesOutTheSmallestDifferencesButNeverTheTrackOrReadiness() {
        let own = selfAnswers()
        let seen = managerAnswers(Self.farApart, track: otherTrack(own))
        let agenda = MeetingAgenda(
            prompts: prompts, answers: merged(own, seen), skipped: [], prepared: [.contributor, .manager], limit: 12)
        #expect(agenda.steps.filter { $0.key.hasPrefix("gap:") }.map(\.key) == ["gap:technical_depth", "gap:track", "gap:readiness"])
        #expect(agenda.leftOut.map(\.topic.description) == [
            "maker_energy", "outcomes_through_others", "challenge", "growing_people", "hard_conversations", "technical_leverage",
        ])
        #expect(agenda.steps.count == 12)
    }

    @Test func noObservationAtAllMeansNoDimensionToSettle() {
        let own = selfAnswers()
        let seen = managerAnswers(Self.farApart.mapValues { _ in "n/a" }, track: "unsure", readiness: "ready_now")
        let agenda = MeetingAgenda(prompts: prompts, answers: merged(own, seen), skipped: [], prepared: [.contributor, .manager])
        #expect(agenda.steps.map(\.key) == Self.together)
    }

    @Test func withTheSelfAssessmentOnlyTheManagersQuestionsAreAsked() {
        let own = selfAnswers()
        let agenda = MeetingAgenda(prompts: prompts, answers: merged(own, [:]), skipped: [], prepared: [.contributor])
        // Every manager question, the offers' follow-ups too: those are asked when the offer is named.
        let managerItems = bank.items.filter { $0.role == .manager && $0.modes.contains(.oneOnOne) }.map { "item:" + $0.id }
        #expect(agenda.steps.map(\.key) == managerItems)
        #expect(agenda.steps.count == 30)
        #expect(DialogEngine(bank: bank, mode: .manager).askedItems.count == 17)
    }

    @Test func withTheManagersPreparationOnlyTheContributorsQuestionsAreAsked() {
        let seen = managerAnswers(Self.farApart, track: "ic")
        let agenda = MeetingAgenda(prompts: prompts, answers: merged([:], seen), skipped: ["goal.statement"], prepared: [.manager])
        let asked = DialogEngine(bank: bank, mode: .oneOnOne, answers: merged([:], seen).responses, agenda: agenda.steps)
        #expect(agenda.steps.allSatisfy { step in
            guard case .item(let id) = step else { return false }
            return bank.item(id)?.role == .contributor
        })
        // Skipped in a preparation: not asked again.
        #expect(!agenda.steps.contains(.item("goal.statement")))
        #expect(asked.stepCount == 47)
    }

    // MARK: - Walking it

    func meetingEngine() -> DialogEngine {
        let own = selfAnswers()
        let seen = managerAnswers(
            ["obs.depth": "2", "obs.craft": "1", "obs.mentoring": "6", "obs.hard_conversations": "1", "obs.conflict": "1",
             "obs.coordination": "6", "obs.influence": "1", "obs.problem_solving": "6"],
            track: otherTrack(own))
        let answers = merged(own, seen)
        let agenda = MeetingAgenda(prompts: prompts, answers: answers, skipped: [], prepared: [.contributor, .manager])
        return DialogEngine(bank: bank, mode: .oneOnOne, answers: answers.responses, agenda: agenda.steps)
    }

    @Test func agreeingOnAValueReplacesTheManagersPreparedAnswer() {
        var engine = meetingEngine()
        #expect(engine.current?.gap?.topic == .dimension("technical_depth"))
        #expect(engine.current?.item.id == "obs.depth")
        #expect(engine.current?.index == 1)
        #expect(engine.current?.total == 12)
        #expect(engine.handle(.answer("often")) == .accepted(itemID: "obs.depth", value: .integer(4)))
        #expect(engine.answers[.manager]?["obs.depth"] == .integer(4))
        #expect(engine.outcomes[.dimension("technical_depth")] == GapOutcome(resolution: .agreed, value: "4"))
        #expect(engine.changed == ["manager.obs.depth"])
        #expect(engine.current?.gap?.topic == .track)
    }

    @Test func keepingBothViewsNeedsANoteAndLeavesThePreparedAnswers() {
        var engine = meetingEngine()
        engine.handle(.answer("4"))
        let track = engine.answers[.manager]?["view.track"]
        #expect(
            engine.handle(.answer("keep"))
                == .rejected(
                    itemID: "view.track",
                    problem: AnswerProblem(message: "say why both views stand after the word keep, e.g. keep the guild work is outside the team")))
        #expect(engine.handle(.answer("")) == .rejected(
            itemID: "view.track",
            problem: AnswerProblem(message: "an answer is needed: agree on a value from the list, or type keep and why both views stand")))
        #expect(engine.handle(.answer("Keep: the team needs a lead next year")) == .keptBoth(topic: .track))
        #expect(engine.outcomes[.track] == GapOutcome(resolution: .kept, note: "the team needs a lead next year"))
        #expect(engine.answers[.manager]?["view.track"] == track)
        #expect(!engine.changed.contains("manager.view.track"))
        // "keeper" is not the word keep: it is an answer, and not an allowed one.
        #expect(engine.current?.gap?.topic == .readiness)
        if case .rejected = engine.handle(.answer("keeper")) {} else { Issue.record("'keeper' was taken") }
        #expect(engine.handle(.skip) == .skipped(itemID: "gap:readiness"))
        #expect(engine.outcomes[.readiness] == GapOutcome(resolution: .skipped))
    }

    @Test func goingThroughAPreparedAnswerTogetherKeepsItsSourceUnlessItChanges() {
        var engine = meetingEngine()
        for answer in ["4", "keep still open", "within_1y"] { engine.handle(.answer(answer)) }
        #expect(engine.current?.item.id == "interest.wants_certification")
        #expect(engine.current?.currentAnswer == .text("yes"))
        #expect(engine.handle(.answer("")) == .accepted(itemID: "interest.wants_certification", value: .text("yes")))
        #expect(engine.handle(.answer("security")) == .accepted(itemID: "interest.certifications", value: .list(["security"])))
        #expect(engine.changed == ["manager.obs.depth", "manager.view.readiness", "contributor.interest.certifications"])
        // Back from a question goes to the step before it, a difference included.
        engine.handle(.back)
        engine.handle(.back)
        engine.handle(.back)
        #expect(engine.current?.gap?.topic == .readiness)
        #expect(engine.current?.outcome == GapOutcome(resolution: .agreed, value: "within_1y"))
        // Enter keeps what was decided.
        #expect(engine.handle(.answer("")) == .accepted(itemID: "view.readiness", value: .text("within_1y")))
        while !engine.isFinished { engine.handle(.answer("")) }
        #expect(engine.covered.count == 12)
    }

    @Test func aResumedMeetingStartsAtTheFirstStepNotDealtWith() {
        var engine = meetingEngine()
        engine.handle(.answer("4"))
        engine.handle(.answer("keep still open"))
        let resumed = DialogEngine(
            bank: bank, mode: .oneOnOne, answers: engine.answers, agenda: engine.agenda, covered: engine.covered,
            outcomes: engine.outcomes)
        #expect(resumed.current?.gap?.topic == .readiness)
        #expect(resumed.current?.index == 3)
    }

    @Test func theDecisionsBecomeNotesForThePlan() {
        var engine = meetingEngine()
        engine.handle(.answer("4"))
        engine.handle(.answer("keep the team needs a lead next year"))
        engine.handle(.skip)
        guard case .gap(let track)? = engine.agenda?[1] else { return }
        let own = ReasonText.trackTitle(track.selfView).lowercased()
        let seen = track.managerAnswers[0] == "ic" ? "individual contributor track" : "management track"
        #expect(MeetingNotes.lines(agenda: engine.agenda ?? [], outcomes: engine.outcomes, bank: bank) == [
            "Technical depth: agreed on 4, often (the manager had prepared 2, rarely).",
            "Track: both views kept (yours: \(own); the manager: \(seen)): the team needs a lead next year",
        ])
    }
}
