import Foundation
import Testing

@testable import CareerKit

/// Issue 26, point 6: confidence the right way round. Mild answers with a small lead say little
/// (low, with a trial of each path); a person who rates themselves below what the manager has
/// seen keeps the confidence the answers earn.
@Suite struct ScorerConfidenceTests {
    let scorer = Scorer(prompts: TestSupport.prompts)

    /// Mostly 3s and 4s, leaning technical: a coach expects a lean toward IC with low confidence.
    var mild: Answers {
        makeAnswers(
            contributor: merge(
                group("depth", 4), group("maker", 4), group("focus", 3), group("people", 3), group("hard", 2),
                group("others", 3), group("leverage", 4), group("challenge", 4),
                [
                    "ladder.technical": .integer(4), "ladder.managerial": .integer(4), "ladder.projects": .integer(4),
                    "motive.pay_status": .integer(3), "top3": .list(["depth.mastery", "people.growth", "leverage.strategy"]),
                ]),
            manager: [
                "obs.depth": .integer(4), "obs.craft": .integer(5), "obs.mentoring": .integer(3), "obs.hard_conversations": .integer(3),
                "obs.conflict": .integer(4), "obs.coordination": .integer(3), "obs.influence": .integer(4),
                "obs.problem_solving": .integer(4),
            ])
    }

    @Test func mildAnswersWithASmallLeadAreLowConfidence() throws {
        let result = scorer.assess(mild)
        let margin = try #require(result.confidenceReasons.compactMap { note -> Double? in
            if case .margin(_, _, _, _, let margin) = note { return margin }
            return nil
        }.first)
        #expect(result.recommended == .ic, "\(result.confidenceReasons) \(result.scores)")
        #expect(margin >= 8 && margin < 12, "margin \(margin) \(result.scores)")
        #expect(result.confidence == .low)
        #expect(result.confidenceReasons.contains { if case .mildAnswers = $0 { return true } else { return false } })
    }

    @Test func theSameLeadWithClearAnswersKeepsItsConfidence() {
        // The same person answering with conviction: the middle of the scale is no longer most.
        var answers = mild
        var own = answers.responses[.contributor]!
        for (id, value) in own { if case .integer(4) = value, id.contains(".") && !id.hasPrefix("ladder") { own[id] = .integer(6) } }
        for (id, value) in own { if case .integer(3) = value, !id.hasPrefix("ladder") && !id.hasPrefix("motive") { own[id] = .integer(1) } }
        answers.responses[.contributor] = own
        let result = scorer.assess(answers)
        #expect(!result.confidenceReasons.contains { if case .mildAnswers = $0 { return true } else { return false } })
        #expect(result.confidence != .low)
    }

    /// Self far below what the manager has seen, on every dimension, the manager calling them
    /// ready now: underselling, a strength to name. The divergence never counts against the
    /// result, so confidence is what the margin and the rest earn.
    @Test func someoneWhoUndersellsKeepsTheirConfidence() {
        let undersold = makeAnswers(
            contributor: merge(
                group("depth", 4), group("maker", 4), group("focus", 4), group("people", 1), group("hard", 1),
                group("others", 1), group("leverage", 3), group("challenge", 4),
                [
                    "ladder.technical": .integer(6), "ladder.managerial": .integer(1), "ladder.projects": .integer(4),
                    "motive.pay_status": .integer(2), "top3": .list(["depth.mastery", "maker.hands_on", "leverage.strategy"]),
                ]),
            manager: [
                "obs.depth": .integer(6), "obs.craft": .integer(6), "obs.mentoring": .integer(4), "obs.hard_conversations": .integer(4),
                "obs.conflict": .integer(3), "obs.coordination": .integer(4), "obs.influence": .integer(6),
                "obs.problem_solving": .integer(6), "view.track": .text("ic"), "view.readiness": .text("ready_now"),
            ])
        let result = scorer.assess(undersold)
        #expect(result.recommended == .ic)
        #expect(!result.confidenceReasons.contains { if case .dimensionsDiffer = $0 { return true } else { return false } })
        // The manager calls them ready now, so the note says the underselling keeps confidence.
        #expect(result.confidenceReasons.contains { if case .undersold = $0 { return true } else { return false } })
        #expect(result.confidence == .high, "\(result.confidenceReasons) \(result.scores)")
    }
}

/// Coach: all-high answers (acquiescence) carry no pay or status warning: the 6 on pay is one
/// of sixty 6s, not a signal about pay.
@Suite struct AcquiescentPayTests {
    @Test func allSixesGiveNoPayWarning() throws {
        let prompts = TestSupport.prompts
        var answers = try AnswersFile.load(path: TestSupport.fixture("personas/all-sixes.yaml"), prompts: prompts)
        answers.responses[.contributor]?["motive.pay_status"] = .integer(6)
        let assessment = Scorer(prompts: prompts).assess(answers)
        #expect(assessment.flags.contains(.uniformAnswers))
        #expect(!assessment.flags.contains(.payStatusMotive))
        // The same pay answer among varied answers is still raised.
        var varied = try AnswersFile.load(path: TestSupport.fixture("ana-silva.yaml"), prompts: prompts)
        varied.responses[.contributor]?["motive.pay_status"] = .integer(6)
        #expect(Scorer(prompts: prompts).assess(varied).flags.contains(.payStatusMotive))
    }
}

