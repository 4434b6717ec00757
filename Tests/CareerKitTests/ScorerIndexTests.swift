import Testing

@testable import CareerKit

/// The position-indexed tables scoring works from: slots, neutral answers, vectors and fits.
@Suite struct ScorerIndexTests {
    let index: FitIndex = {
        var ranges: [String: ClosedRange<Int>] = [:]
        for item in TestSupport.prompts.bank.items {
            if case .scale(let scale) = item.kind { ranges[item.id] = scale.points }
        }
        return FitIndex(weights: TestSupport.prompts.weights, ranges: ranges)
    }()

    func slot(_ id: String) -> Int { index.ids.firstIndex(of: id)! }

    @Test func contributorSlotsComeBeforeManagerSlots() {
        // 24 dimension items, three ladder items and the pay or status motive; then the
        // eight manager observations (obs.conflict joined the hard-conversations dimension).
        #expect(index.contributorSlots == 0..<28)
        #expect(index.managerSlots == 28..<36)
        #expect(index.ids[28...].contains("obs.conflict"))
        #expect(index.ids[0] == "depth.mastery")
        #expect(index.ids[24...27] == ["ladder.technical", "ladder.managerial", "ladder.projects", "motive.pay_status"])
        #expect(index.ids[28] == "obs.depth")
        #expect(index.items[0] == [0, 1, 2])
        #expect(index.observations[0] == [28])
        #expect(index.observations[2] == [])
        let hard = TestSupport.prompts.weights.dimensions.firstIndex { $0.name == "hard_conversations" }!
        #expect(index.observations[hard] == [slot("obs.hard_conversations"), slot("obs.conflict")])
    }

    @Test func neutralAnswerIsTheScaleMiddleButNoPayMotive() {
        #expect(index.neutral[slot("depth.mastery")] == 3.5)
        #expect(index.neutral[slot("ladder.technical")] == 4)
        #expect(index.neutral[slot("obs.depth")] == 3.5)
        #expect(index.neutral[slot("motive.pay_status")] == 1)
    }

    @Test func vectorHoldsWholeNumberRatingsByPosition() {
        let answers = makeAnswers(
            contributor: [
                "depth.mastery": .integer(6), "ladder.technical": .integer(7), "goal.promotion": .text("open"),
                "top3": .list(["depth.mastery", "depth.learning", "maker.flow", "goal.promotion"]),
            ],
            manager: ["obs.craft": .integer(2), "view.track": .text("ic")])
        let vector = index.vector(ScoringInput(answers))
        let answered = vector.values.indices.filter { !vector.values[$0].isNaN }
        #expect(answered == [slot("depth.mastery"), slot("ladder.technical"), slot("obs.craft")])
        #expect(vector.values[slot("depth.mastery")] == 6)
        #expect(vector.values[slot("ladder.technical")] == 7)
        #expect(vector.values[slot("obs.craft")] == 2)
        #expect(vector.picks == [2, 1, 0, 0, 0, 0, 0, 0])
        #expect(vector.usesSelf)
    }

    @Test func vectorWithoutContributorDimensionRatingsLeansOnTheManager() {
        let answers = makeAnswers(contributor: ["ladder.technical": .integer(7)], manager: ["obs.depth": .integer(5)])
        let vector = index.vector(ScoringInput(answers))
        #expect(!vector.usesSelf)
        // The manager's observation stands in: 5 on 1..6 is 80.
        #expect(index.preference(0, vector) == 80)
        #expect(index.dimensionMean(0, vector, manager: false).isNaN)
        #expect(index.dimensionMean(0, vector, manager: true) == 80)
    }

    @Test func preferenceAddsTenPerTopThreePickUpToOneHundred() {
        let answers = makeAnswers(contributor: merge(group("depth", 6), group("maker", 4), [
            "top3": .list(["depth.mastery", "depth.learning", "maker.flow"])
        ]))
        let vector = index.vector(ScoringInput(answers))
        #expect(index.dimensionMean(0, vector, manager: false) == 100)
        #expect(index.preference(0, vector) == 100)
        #expect(index.dimensionMean(1, vector, manager: false) == 60)
        #expect(index.preference(1, vector) == 70)
        #expect(index.preference(2, vector).isNaN)
    }

    @Test func fitsAreReadByTrack() {
        let fits = FitIndex.Fits(ic: 75.5, management: 12, hybrid: 0)
        #expect(Track.scored.map { fits[$0] } == [75.5, 12, 0])
        // Undecided has no fit of its own: it reads as the best of the three.
        #expect(fits[.undecided] == 75.5)
        #expect(fits.byTrack == [.ic: 75.5, .management: 12, .hybrid: 0])
    }

    @Test func scoringInputReadsNumbersAsRatingsAndNothingElse() {
        let input = ScoringInput(makeAnswers(
            contributor: ["depth.mastery": .integer(4), "goal.promotion": .text("open"), "top3": .list(["maker.flow"])],
            manager: ["budget.amount": .number(1500.5), "obs.depth": .number(4.4), "obs.craft": .notObserved]))
        #expect(input.rating("depth.mastery", by: .contributor) == 4)
        #expect(input.rating("depth.mastery", by: .manager) == nil)
        #expect(input.rating("goal.promotion", by: .contributor) == nil)
        // A calibrated observation may have a fraction; n/a is no rating.
        #expect(input.rating("obs.depth", by: .manager) == 4.4)
        #expect(input.rating("obs.craft", by: .manager) == nil)
        #expect(input.answer("budget.amount", by: .manager) == .number(1500.5))
        #expect(input.answer("goal.promotion", by: .contributor) == .text("open"))
        #expect(input.top3 == ["maker.flow"])
    }
}
