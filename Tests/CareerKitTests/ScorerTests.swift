import Foundation
import Testing

@testable import CareerKit

/// Builds answers from compact dictionaries, for scoring tests.
func makeAnswers(
    contributor: [String: AnswerValue] = [:], manager: [String: AnswerValue] = [:], mode: Mode? = nil
) -> Answers {
    var responses: [Role: [String: AnswerValue]] = [:]
    if !contributor.isEmpty { responses[.contributor] = contributor }
    if !manager.isEmpty { responses[.manager] = manager }
    let derived: Mode = contributor.isEmpty ? .manager : manager.isEmpty ? .selfAssessment : .oneOnOne
    return Answers(
        person: Person(name: "Test", currentLevel: "ic.senior"), date: "2026-11-22", mode: mode ?? derived,
        responses: responses)
}

/// Every dimension item of a group set to one value.
func group(_ prefix: String, _ value: Int) -> [String: AnswerValue] {
    let ids = Instrument.dimensionItems.map(\.id).filter { $0.hasPrefix(prefix + ".") }
    return Dictionary(uniqueKeysWithValues: ids.map { ($0, AnswerValue.integer(value)) })
}

func merge(_ parts: [String: AnswerValue]...) -> [String: AnswerValue] {
    parts.reduce(into: [:]) { $0.merge($1) { _, new in new } }
}

@Suite struct ScorerTests {
    let scorer = Scorer(prompts: TestSupport.prompts)

    /// A hand-computed specialist, worked through in weights.yaml's terms:
    /// self scores depth 100, maker 0, focus 60, people 0, hard 0, others 0, leverage 40,
    /// challenge 100; top three add 10 per pick (depth capped at 100, focus 70).
    /// ic = .2*100 + .15*0 + .15*70 + .1*100 + .3*100 (ladder 7) + .1*50 (ladder 4) = 75.5;
    /// management = 0; hybrid = min(75.5, 0) + .3*(40-50) + .3*(min(100, 0)-50) < 0, so 0.
    var specialist: Answers {
        makeAnswers(contributor: merge(
            group("depth", 6), group("maker", 1), group("focus", 4), group("people", 1), group("hard", 1),
            group("others", 1), group("leverage", 3), group("challenge", 6),
            [
                "ladder.technical": .integer(7), "ladder.managerial": .integer(1), "ladder.projects": .integer(4),
                "motive.pay_status": .integer(1),
                "top3": .list(["depth.mastery", "depth.learning", "focus.deep_blocks"]),
            ]))
    }

    @Test func handComputedSpecialist() {
        let result = scorer.assess(specialist)
        #expect(result.scores == [.ic: 75.5, .management: 0, .hybrid: 0])
        #expect(result.recommended == .ic)
        #expect(result.runnerUp == .management)
        #expect(result.archetype == "specialist")
        #expect(result.dimension("technical_depth")?.selfScore == 100)
        #expect(result.dimension("focus_protection")?.selfScore == 60)
        #expect(result.dimension("focus_protection")?.managerScore == nil)
        #expect(result.dimension("technical_leverage")?.combined == 40)
        // Margin 75.5 would be high, but with no manager to compare with, medium is the most.
        #expect(result.confidence == .medium)
        #expect(result.flags == [.noManagerView])
        #expect(result.confidenceNotes == [
            // Scores read whole in every text: 75.5 is 76.
            "The best fit, ic at 76, leads management at 0 by 76 points.",
            "There are no manager answers to compare the contributor's view with.",
        ])
        // ladder.managerial 1 -> neutral 4: management 17.5, so the lead falls 17.5;
        // ladder.technical 7 -> 4: ic falls .3 * 50 = 15.
        #expect(result.explanation.prefix(2).map { [$0.item, $0.toward.rawValue, String($0.points)] } == [
            ["ladder.managerial", "ic", "17.5"], ["ladder.technical", "ic", "15.0"],
        ])
        #expect(ReasonText.sentence(result.explanation[0], bank: TestSupport.prompts.bank)
            == "The contributor rated the management path (ladder.managerial) 1, not at all: 18 points toward ic.")
    }

    @Test func combinedScoresUseTheDimensionWeights() {
        // growing_people: self 3,3,3 -> 40; manager obs.mentoring 6 -> 100; self_weight 0.4 -> 76.
        let answers = makeAnswers(contributor: group("people", 3), manager: ["obs.mentoring": .integer(6)])
        let score = scorer.assess(answers).dimension("growing_people")
        #expect(score == Assessment.DimensionScore(name: "growing_people", selfScore: 40, managerScore: 100, combined: 76))
    }

    @Test func topThreePicksRaiseTheirDimensionsFit() {
        let base = merge(group("depth", 4), group("maker", 4), group("focus", 4), group("people", 4), group("hard", 4),
                         group("others", 4), group("leverage", 4), group("challenge", 4), ["ladder.managerial": .integer(4)])
        let plain = scorer.fits(ScoringInput(makeAnswers(contributor: base)))
        let picked = scorer.fits(ScoringInput(makeAnswers(contributor: merge(base, [
            "top3": .list(["people.growth", "people.hiring", "hard.feedback"])
        ]))))
        // Two picks in growing people (+20 -> 80) and one in hard conversations (+10 -> 70):
        // management rises by .25*20 + .2*10 = 7 (from 56.5 to 63.5); ic does not move.
        #expect(plain[.management] == 56.5)
        #expect(picked[.management] == 63.5)
        #expect(picked[.ic] == plain[.ic])
    }

    @Test func payOrStatusMotiveLowersManagementAndIsFlagged() {
        let base = merge(group("people", 5), group("hard", 5), group("others", 5), ["ladder.managerial": .integer(7)])
        let unmotivated = scorer.assess(makeAnswers(contributor: merge(base, ["motive.pay_status": .integer(1)])))
        let motivated = scorer.assess(makeAnswers(contributor: merge(base, ["motive.pay_status": .integer(6)])))
        // (.25*80 + .2*80 + .2*80 + .35*100) = 87, less 10 points at motive.pay_status 6.
        #expect(unmotivated.scores[.management] == 87)
        #expect(motivated.scores[.management] == 77)
        #expect(motivated.flags.contains(.payStatusMotive))
        #expect(!unmotivated.flags.contains(.payStatusMotive))
    }

    @Test func materialDisagreementIsListedWithBothValues() {
        // hard conversations: self 5,5,5 -> 80; manager 2 -> 20: 3 scale points apart.
        // growing people: self 4,4,4 -> 60; manager 3 -> 40: 1 point apart, a brief talk, not listed.
        let answers = makeAnswers(
            contributor: merge(group("hard", 5), group("people", 4)),
            manager: ["obs.hard_conversations": .integer(2), "obs.mentoring": .integer(3), "view.track": .text("unsure")])
        let result = scorer.assess(answers)
        #expect(result.divergence == [
            .dimension("hard_conversations", selfScore: 80, managerScore: 20, gap: 60)
        ])
        #expect(result.flags.contains(.raterDivergence))
    }

    @Test func managersTrackViewDifferingIsADivergence() {
        let answers = makeAnswers(contributor: specialist.responses[.contributor]!, manager: ["view.track": .text("management")])
        let result = scorer.assess(answers)
        #expect(result.divergence == [.track(recommended: .ic, managerView: "management")])
        #expect(result.flags.contains(.raterDivergence))
        #expect(result.confidenceNotes.contains("The manager sees the track as management; the answers point to ic."))
    }

    @Test func bothFitsLowGiveAnExploratoryProjectResult() {
        let answers = makeAnswers(contributor: merge(
            group("depth", 2), group("maker", 2), group("focus", 2), group("people", 2), group("hard", 2),
            group("others", 2), group("leverage", 2), group("challenge", 5),
            ["ladder.technical": .integer(3), "ladder.managerial": .integer(2), "ladder.projects": .integer(7)]))
        let result = scorer.assess(answers)
        #expect(result.recommended == .ic)
        #expect(result.archetype == "solver")
        #expect(result.confidence == .low)
        #expect(result.flags.contains(.exploratory))
        #expect(result.scores.values.allSatisfy { $0 < 50 })
    }

    @Test func everythingSixIsLowConfidence() {
        var contributor: [String: AnswerValue] = [:]
        for (id, _) in Instrument.dimensionItems { contributor[id] = .integer(6) }
        contributor["ladder.technical"] = .integer(7)
        contributor["ladder.managerial"] = .integer(7)
        contributor["ladder.projects"] = .integer(7)
        contributor["top3"] = .list(["depth.mastery", "people.growth", "leverage.strategy"])
        let result = scorer.assess(makeAnswers(contributor: contributor, manager: ["obs.depth": .integer(6), "obs.mentoring": .integer(6)]))
        #expect(result.confidence == .low)
        #expect(result.flags.contains(.uniformAnswers))
    }

    @Test func selfOnlyScoresWithManagerValuesNull() {
        let result = scorer.assess(specialist)
        #expect(result.dimensions.allSatisfy { $0.managerScore == nil })
        #expect(result.recommended == .ic)
        #expect(result.confidence <= .medium)
    }

    @Test func managerOnlyScoresFromObservationsWithLowConfidence() {
        let answers = makeAnswers(manager: [
            "obs.mentoring": .integer(6), "obs.hard_conversations": .integer(5), "obs.coordination": .integer(6),
            "obs.depth": .integer(3), "obs.craft": .integer(3), "view.track": .text("management"),
        ])
        let result = scorer.assess(answers)
        #expect(result.dimensions.allSatisfy { $0.selfScore == nil })
        #expect(result.dimension("growing_people")?.combined == 100)
        #expect(result.recommended == .management)
        #expect(result.confidence == .low)
        #expect(result.flags.contains(.noSelfView))
        #expect(result.explanation.allSatisfy { $0.role == .manager })
    }

    @Test func nothingAnsweredStillScores() {
        let result = scorer.assess(makeAnswers(mode: .oneOnOne))
        #expect(result.confidence == .low)
        #expect(result.scores == [.ic: 0, .management: 0, .hybrid: 0])
    }

    @Test func fewAnswersLowerConfidence() {
        let sparse = makeAnswers(contributor: merge(group("depth", 6), ["ladder.technical": .integer(7), "ladder.managerial": .integer(1)]))
        let result = scorer.assess(sparse)
        #expect(result.confidenceNotes.contains("Only 5 of 29 scoring questions were answered."))
        #expect(result.confidence == .low)
        #expect(result.confidenceReasons.contains(.lowCoverage(answered: 5, asked: 29)))
        #expect(ReasonText.confidenceNotes(result, missingManager: true).contains(
            "Only 5 of the 29 questions the fit is read from were answered, so it says less."))
    }

    /// Answers inside a dimension that disagree (a spread of 3 or more on 1..6) in two
    /// dimensions lower confidence a step, and the reports name the dimensions in words.
    @Test func answersThatPointDifferentWaysInsideTwoDimensionsLowerConfidence() {
        var contributor = merge(
            group("depth", 6), group("maker", 5), group("focus", 4), group("people", 2), group("hard", 2),
            group("others", 2), group("leverage", 5), group("challenge", 5),
            ["ladder.technical": .integer(7), "ladder.managerial": .integer(1), "ladder.projects": .integer(4)])
        let steady = scorer.assess(makeAnswers(contributor: contributor))
        contributor["depth.identity"] = .integer(2)
        contributor["people.hiring"] = .integer(6)
        let mixed = scorer.assess(makeAnswers(contributor: contributor))
        #expect(!steady.confidenceReasons.contains { if case .inconsistentDimensions = $0 { true } else { false } })
        #expect(mixed.confidenceReasons.contains(.inconsistentDimensions(["technical_depth", "growing_people"])))
        #expect(mixed.confidenceNotes.contains(
            "Answers inside 2 dimensions point different ways (technical_depth, growing_people)."))
        #expect(steady.confidence == .medium)  // a self-assessment is at most medium
        #expect(mixed.confidence == .low)
        #expect(ReasonText.confidenceNotes(mixed, missingManager: false).contains(
            "Your answers within technical depth and growing people point different ways, so they say less."))
    }
}

/// "n/a" (no chance to observe yet) is not low: left out of every score, counted as answered.
@Suite struct NotObservedTests {
    let prompts = TestSupport.prompts

    @Test func anObservationNotMadeYetIsLeftOutNeverReadAsLow() throws {
        let observed = makeAnswers(
            contributor: group("people", 4), manager: ["obs.mentoring": .integer(1), "obs.depth": .integer(5)])
        let unseen = makeAnswers(
            contributor: group("people", 4), manager: ["obs.mentoring": .notObserved, "obs.depth": .integer(5)])
        let scorer = Scorer(prompts: prompts)
        #expect(scorer.assess(observed).dimension("growing_people")?.managerScore == 0)
        let result = scorer.assess(unseen)
        #expect(result.dimension("growing_people")?.managerScore == nil)
        #expect(result.dimension("growing_people")?.combined == 60)
        #expect(result.dimension("technical_depth")?.managerScore == 80)
    }

    @Test func filesAcceptNAOnObservationsOnly() throws {
        let observation = try #require(prompts.bank.item("obs.mentoring"))
        #expect(try AnswerParser.strict(.scalar("n/a"), for: observation).get() == .notObserved)
        #expect(try AnswerParser.typed("N/A", for: observation).get() == .notObserved)
        #expect(try AnswerParser.typed("no chance", for: observation).get() == .notObserved)
        // "ne" is still "never", not "n/a".
        #expect(try AnswerParser.typed("ne", for: observation).get() == .integer(1))
        let rating = try #require(prompts.bank.item("depth.mastery"))
        guard case .failure(let problem) = AnswerParser.strict(.scalar("n/a"), for: rating) else {
            Issue.record("n/a accepted on a contributor rating")
            return
        }
        #expect(problem.message == "'n/a' is not allowed; allowed: 1..6 (1 = strongly disagree, 6 = strongly agree)")
    }
}
