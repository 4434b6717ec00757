import Foundation

/// Scores one person's answers: dimensions, track fits, recommendation, confidence, reasons
/// and disagreements. Every number comes from `Weights`; nothing is tuned in code.
public struct Scorer: Sendable {
    public let weights: Weights
    /// The lowest and highest point of each rating item's scale.
    private let ranges: [String: ClosedRange<Int>]
    private let contributorScoringItems: [String]
    private let managerScoringItems: [String]
    private let fitIndex: FitIndex

    public init(prompts: PromptSet) {
        weights = prompts.weights
        var ranges: [String: ClosedRange<Int>] = [:]
        for item in prompts.bank.items {
            if case .scale(let scale) = item.kind { ranges[item.id] = scale.points }
        }
        self.ranges = ranges
        let ladder = ["ladder.technical", "ladder.managerial", "ladder.projects"]
        contributorScoringItems = weights.dimensions.flatMap(\.items) + ladder + ["motive.pay_status", "top3"]
        managerScoringItems = weights.dimensions.flatMap(\.observations) + ["view.track"]
        fitIndex = FitIndex(weights: weights, ranges: ranges)
    }

    public func assess(_ answers: Answers) -> Assessment {
        let input = ScoringInput(answers)
        let thresholds = weights.thresholds
        let selfScores = self.selfScores(input)
        let managerScores = self.managerScores(input)
        let hasSelf = !selfScores.isEmpty
        // The manager's view is their observations and view of the track, not the budget alone.
        let hasManager = managerScoringItems.contains { answers.value($0, by: .manager) != nil }

        let dimensions = weights.dimensions.map { rule -> Assessment.DimensionScore in
            let own = selfScores[rule.name]
            let seen = managerScores[rule.name]
            var combined: Double?
            if let own, let seen {
                combined = rule.selfWeight * own + (1 - rule.selfWeight) * seen
            } else {
                combined = own ?? seen
            }
            return Assessment.DimensionScore(
                name: rule.name, selfScore: own.map(round1), managerScore: seen.map(round1), combined: combined.map(round1))
        }

        let fits = self.fits(input)
        let ranked = Track.allCases.sorted { (fits[$0]!, $1) > (fits[$1]!, $0) }
        var recommended = ranked[0]
        var runnerUp = ranked[1]
        var flags: [String] = []
        var notes: [String] = []
        let best = fits[recommended]!
        let exploratory = best < thresholds.lowFit
        if exploratory {
            recommended = .ic
            runnerUp = ranked.first { $0 != .ic }!
            flags.append("exploratory")
        }

        // Confidence: the margin first (on the scores as reported), then one step down for
        // each weakness found.
        let first = round1(fits[ranked[0]]!)
        let second = round1(fits[ranked[1]]!)
        let margin = round1(first - second)
        var confidence: Confidence =
            margin >= thresholds.highMargin && first >= thresholds.lowFit + thresholds.highFloor
            ? .high : margin >= thresholds.mediumMargin ? .medium : .low
        notes.append(
            "The best fit, \(ranked[0].rawValue) at \(ReasonText.formatPoints(first)), leads \(ranked[1].rawValue) at \(ReasonText.formatPoints(second)) by \(ReasonText.formatPoints(margin)) points.")
        // A view from one side only caps confidence before any other weakness lowers it.
        if !hasSelf {
            confidence = .low
            flags.append("no-self-view")
            notes.append("There are no answers from the contributor: the track is read from the manager's observations only.")
        } else if !hasManager {
            confidence = min(confidence, .medium)
            flags.append("no-manager-view")
            notes.append("There are no manager answers to compare the contributor's view with.")
        }

        if exploratory {
            confidence = .low
            notes.append(
                "No fit reaches \(Int(thresholds.lowFit)): neither track pulls strongly yet, so the result leans on challenging projects while the person explores.")
        }

        let coverage = self.coverage(answers)
        if coverage.answered < Int((Double(coverage.asked) * thresholds.minCoverage).rounded(.up)) {
            confidence = confidence.lowered
            notes.append("Only \(coverage.answered) of \(coverage.asked) scoring questions were answered.")
        }

        var divergence: [Assessment.Divergence] = []
        for rule in weights.dimensions {
            guard let own = selfScores[rule.name], let seen = managerScores[rule.name] else { continue }
            let gapPoints = (own - seen) / 100 * 5  // back to scale points on 1..6
            if abs(gapPoints) >= thresholds.divergencePoints - 1e-9 {
                divergence.append(
                    Assessment.Divergence(
                        dimension: rule.name, selfScore: round1(own), managerScore: round1(seen), gap: round1(own - seen)))
            }
        }
        let dimensionGaps = divergence.count
        if case .text(let view)? = answers.value("view.track", by: .manager), view != "unsure",
            view != recommended.rawValue
        {
            divergence.append(
                Assessment.Divergence(dimension: "track", selfView: recommended.rawValue, managerView: view))
            notes.append("The manager sees the track as \(view); the answers point to \(recommended.rawValue).")
            confidence = confidence.lowered
        }
        if dimensionGaps >= thresholds.divergentDimensions {
            confidence = confidence.lowered
            notes.append("The contributor and manager see \(dimensionGaps) dimensions differently.")
        }
        if !divergence.isEmpty { flags.append("rater-divergence") }

        let inconsistent = inconsistentDimensions(input)
        if inconsistent.count >= thresholds.inconsistentDimensions {
            confidence = confidence.lowered
            notes.append(
                "Answers inside \(inconsistent.count) dimensions point different ways (\(inconsistent.joined(separator: ", "))).")
        }
        if isUniform(input) {
            confidence = .low
            flags.append("uniform-answers")
            notes.append("Nearly every rating is the same, so the ratings cannot tell the tracks apart.")
        }
        if let pay = input.contributor["motive.pay_status"], pay >= thresholds.payStatusFlag {
            flags.append("pay-status-motive")
        }
        // Growth in place: the contributor said "not now", or a strong security or lifestyle
        // anchor and no wish to be promoted soon. It changes the plan, never the track.
        let anchors = ["anchor.security", "anchor.lifestyle"].filter { (input.contributor[$0] ?? 0) >= thresholds.anchorFlag }
        let promotion = answers.value("goal.promotion", by: .contributor)?.text
        if promotion == "not_now" || (!anchors.isEmpty && promotion != "seeking") {
            flags.append("growth-in-place")
        }

        let archetype = exploratory ? "solver" : self.archetype(for: recommended, input: input)
        let explanation = explain(input, recommended: recommended, runnerUp: runnerUp, answers: answers)
        return Assessment(
            dimensions: dimensions, scores: fits.mapValues(round1), recommended: recommended, runnerUp: runnerUp,
            archetype: archetype, confidence: confidence, confidenceNotes: notes, explanation: explanation,
            divergence: divergence, flags: flags)
    }

    // MARK: - Dimensions

    /// Per dimension name, the values that are not missing.
    private func named(_ values: [Double]) -> [String: Double] {
        var result: [String: Double] = [:]
        for (index, rule) in weights.dimensions.enumerated() where !values[index].isNaN { result[rule.name] = values[index] }
        return result
    }

    /// The contributor's own ratings per dimension, 0..100 (no top-three bonus).
    func selfScores(_ input: ScoringInput) -> [String: Double] {
        named(fitIndex.dimensionMeans(fitIndex.vector(input).answers, manager: false))
    }

    /// The manager's observations per dimension, 0..100.
    func managerScores(_ input: ScoringInput) -> [String: Double] {
        named(fitIndex.dimensionMeans(fitIndex.vector(input).answers, manager: true))
    }

    /// What the person wants, per dimension: their ratings plus the top-three bonus. With no
    /// contributor answers at all, the manager's observations stand in.
    func preferences(_ input: ScoringInput) -> [String: Double] {
        let vector = fitIndex.vector(input)
        return named(fitIndex.preferences(vector.answers, picks: vector.picks, usesSelf: vector.usesSelf))
    }

    // MARK: - Track fits

    private func weighted(_ inputs: [Weights.Input], _ values: [String: Double]) -> Double? {
        var sum = 0.0
        var total = 0.0
        for input in inputs {
            guard let value = values[input.key] else { continue }
            sum += input.weight * value
            total += input.weight
        }
        return total > 0 ? sum / total : nil
    }

    /// The three fits, 0..100.
    func fits(_ input: ScoringInput) -> [Track: Double] {
        let values = fitIndex.vector(input)
        return fitIndex.fits(values.answers, picks: values.picks, usesSelf: values.usesSelf)
    }

    private func archetype(for track: Track, input: ScoringInput) -> String {
        let values = preferences(input)
        let options = weights.archetypes[track.rawValue] ?? []
        var best: (name: String, score: Double)?
        for option in options {
            let score = weighted(option.inputs, values) ?? 0
            if best == nil || score > best!.score { best = (option.name, score) }
        }
        return best?.name ?? track.rawValue
    }

    // MARK: - Reasons

    /// The answers that moved the result most: each one set to a neutral answer in turn, and
    /// the change in the recommended track's lead over the runner-up measured.
    private func explain(_ input: ScoringInput, recommended: Track, runnerUp: Track, answers: Answers)
        -> [Assessment.Reason]
    {
        func lead(_ fits: [Track: Double]) -> Double { fits[recommended]! - fits[runnerUp]! }
        let base = fitIndex.vector(input)
        let actual = lead(fitIndex.fits(base.answers, picks: base.picks, usesSelf: base.usesSelf))
        var reasons: [Assessment.Reason] = []
        let role: Role = base.usesSelf ? .contributor : .manager
        let candidates = base.usesSelf ? Array(input.contributor.keys) : Array(input.manager.keys)
        var values = base.answers
        for id in candidates.sorted() {
            guard let range = ranges[id], let slot = fitIndex.slot(id, role: role) else { continue }
            // A pay or status motive has no neutral middle: "not at all" is the baseline.
            let baseline = id == "motive.pay_status" ? Double(range.lowerBound) : Double(range.lowerBound + range.upperBound) / 2
            let saved = values[slot]
            values[slot] = baseline
            let push = actual - lead(fitIndex.fits(values, picks: base.picks, usesSelf: base.usesSelf))
            values[slot] = saved
            guard abs(push) >= 0.05 else { continue }
            reasons.append(
                Assessment.Reason(
                    item: id, role: role, answer: answers.value(id, by: role)?.text ?? "",
                    toward: push > 0 ? recommended : runnerUp, points: round1(abs(push))))
        }
        if base.usesSelf, !input.top3.isEmpty {
            let noPicks = [Int](repeating: 0, count: base.picks.count)
            let push = actual - lead(fitIndex.fits(base.answers, picks: noPicks, usesSelf: true))
            if abs(push) >= 0.05 {
                reasons.append(
                    Assessment.Reason(
                        item: "top3", role: .contributor, answer: input.top3.joined(separator: ", "),
                        toward: push > 0 ? recommended : runnerUp, points: round1(abs(push))))
            }
        }
        return Array(reasons.sorted { ($0.points, $1.item) > ($1.points, $0.item) }.prefix(6))
    }

    // MARK: - Confidence inputs

    private func coverage(_ answers: Answers) -> (answered: Int, asked: Int) {
        var asked = 0
        var answered = 0
        for role in answers.mode.roles {
            let items = role == .contributor ? contributorScoringItems : managerScoringItems
            asked += items.count
            answered += items.filter { answers.value($0, by: role) != nil }.count
        }
        return (answered, asked)
    }

    /// Dimensions whose own questions are answered far apart (e.g. 1 and 5).
    private func inconsistentDimensions(_ input: ScoringInput) -> [String] {
        weights.dimensions.compactMap { rule in
            let values = rule.items.compactMap { input.contributor[$0] }
            guard values.count >= 2, let low = values.min(), let high = values.max() else { return nil }
            return high - low >= weights.thresholds.inconsistentSpread ? rule.name : nil
        }
    }

    /// Whether the dimension ratings barely vary: everything answered the same.
    private func isUniform(_ input: ScoringInput) -> Bool {
        let values = weights.dimensions.flatMap(\.items).compactMap { input.contributor[$0] }
        guard values.count >= 12 else { return false }
        let average = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(values.count)
        return variance.squareRoot() < weights.thresholds.uniformDeviation
    }
}

/// Rounds to one decimal place, as reported.
func round1(_ value: Double) -> Double {
    (value * 10).rounded() / 10
}
