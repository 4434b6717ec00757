/// Scores one person's answers: dimensions, track fits, recommendation, confidence, reasons
/// and disagreements. Every number comes from `Weights`; nothing is tuned in code.
public struct Scorer: Sendable {
    /// An archetype with its inputs resolved to positions in `Weights.dimensions`.
    private struct ArchetypeRule: Sendable {
        var name: String
        var inputs: [(dimension: Int, weight: Double)]
    }

    /// How much one answer moved the lead, before it becomes a reason.
    private struct Push {
        var item: String
        /// The answer's slot in the vector, or nil for the top-three picks.
        var slot: Int?
        var push: Double
        var points: Double
    }

    public let weights: Weights
    private let contributorScoringItems: [String]
    private let managerScoringItems: [String]
    private let fitIndex: FitIndex
    private let archetypes: [Track: [ArchetypeRule]]

    public init(prompts: PromptSet) {
        weights = prompts.weights
        var ranges: [String: ClosedRange<Int>] = [:]
        for item in prompts.bank.items {
            if case .scale(let scale) = item.kind { ranges[item.id] = scale.points }
        }
        let ladder = ["ladder.technical", "ladder.managerial", "ladder.projects"]
        contributorScoringItems = weights.dimensions.flatMap(\.items) + ladder + ["motive.pay_status", Instrument.topPicks]
        managerScoringItems = weights.dimensions.flatMap(\.observations) + ["view.track"]
        fitIndex = FitIndex(weights: weights, ranges: ranges)
        let names = weights.dimensions.map(\.name)
        var archetypes: [Track: [ArchetypeRule]] = [:]
        for track in Track.allCases {
            archetypes[track] = (weights.archetypes[track.rawValue] ?? []).map { archetype in
                ArchetypeRule(
                    name: archetype.name,
                    inputs: archetype.inputs.compactMap { input in
                        names.firstIndex(of: input.key).map { (dimension: $0, weight: input.weight) }
                    })
            }
        }
        self.archetypes = archetypes
    }

    public func assess(_ answers: Answers) -> Assessment {
        let input = ScoringInput(answers)
        let vector = fitIndex.vector(input)
        let thresholds = weights.thresholds
        let selfScores = dimensionScores(vector, manager: false)
        let managerScores = dimensionScores(vector, manager: true)
        let hasSelf = selfScores.contains { $0 != nil }
        // The manager's view is their observations and view of the track, not the budget alone.
        let hasManager = managerScoringItems.contains { answers.value($0, by: .manager) != nil }

        let dimensions = weights.dimensions.indices.map { index -> Assessment.DimensionScore in
            let rule = weights.dimensions[index]
            let own = selfScores[index]
            let seen = managerScores[index]
            var combined: Double?
            if let own, let seen {
                combined = rule.selfWeight * own + (1 - rule.selfWeight) * seen
            } else {
                combined = own ?? seen
            }
            return Assessment.DimensionScore(
                name: rule.name, selfScore: own.map(round1), managerScore: seen.map(round1), combined: combined.map(round1))
        }

        let fits = fitIndex.fits(vector)
        let ranked = Track.scored.sorted { (fits[$0], $1) > (fits[$1], $0) }
        var recommended = ranked[0]
        var runnerUp = ranked[1]
        var flags: [AssessmentFlag] = []
        var notes: [ConfidenceNote] = []
        let best = fits[recommended]
        var exploratory = best < thresholds.lowFit

        // Confidence: the margin first (on the scores as reported), then one step down for
        // each weakness found.
        let first = round1(fits[ranked[0]])
        let second = round1(fits[ranked[1]])
        let margin = round1(first - second)
        // Someone who rates themselves far below what the manager has seen on what pulls
        // toward the best track, with the manager calling them ready now, undersells: their
        // own weak pull says nothing against the fit, so the fit's floor does not apply.
        let readyNow = answers.value("view.readiness", by: .manager)?.text == "ready_now"
        let undersells = readyNow && !isUniformObservations(vector)
            && !undersold(selfScores, managerScores, track: ranked[0]).isEmpty
        var confidence: Confidence =
            margin >= thresholds.highMargin && (first >= thresholds.lowFit + thresholds.highFloor || undersells)
            ? .high : margin >= thresholds.mediumMargin ? .medium : .low
        notes.append(.margin(best: ranked[0], bestFit: first, runnerUp: ranked[1], runnerUpFit: second, margin: margin))

        // The management path's appeal alone does not make a management recommendation: the
        // answers about people work, or the manager's view, must support it.
        let managerView = answers.value("view.track", by: .manager)?.text
        if recommended == .management, hasSelf, managerView != Track.management.rawValue {
            let support = fitIndex.managementSupport(vector)
            if !support.isNaN, support < thresholds.managementSupport {
                notes.append(.managementNotSupported(support: round1(support), floor: thresholds.managementSupport))
                confidence = min(confidence, .medium)
                if fits[runnerUp] >= thresholds.lowFit {
                    recommended = runnerUp
                    runnerUp = .management
                } else {
                    recommended = .undecided
                }
            }
        }
        // Too little signal to pick: everything answered alike, or no fit clearly ahead.
        let uniform = isUniform(vector)
        // Closeness between technical tracks (IC and hybrid) still points one way; closeness
        // between IC and management does not.
        let opposed = Set(ranked.prefix(2)) == [.ic, .management]
        if recommended != .undecided, hasSelf, uniform || (opposed && margin < thresholds.undecidedMargin) {
            if !uniform { notes.append(.noClearLead(margin: margin, needed: thresholds.undecidedMargin)) }
            recommended = .undecided
        }
        if recommended == .undecided {
            exploratory = false
            runnerUp = ranked[0]
            flags.append(.undecided)
        } else if exploratory {
            recommended = .ic
            runnerUp = ranked.first { $0 != .ic }!
            flags.append(.exploratory)
        }
        // A view from one side only caps confidence before any other weakness lowers it.
        if !hasSelf {
            confidence = .low
            flags.append(.noSelfView)
            notes.append(.noContributorAnswers)
        } else if !hasManager {
            confidence = min(confidence, .medium)
            flags.append(.noManagerView)
            notes.append(.noManagerAnswers)
        }

        if exploratory {
            confidence = .low
            notes.append(.noStrongFit(threshold: thresholds.lowFit))
        }

        let coverage = self.coverage(answers)
        if coverage.answered < Int((Double(coverage.asked) * thresholds.minCoverage).rounded(.up)) {
            confidence = confidence.lowered
            notes.append(.lowCoverage(answered: coverage.answered, asked: coverage.asked))
        }

        // A manager who gives every observation the same rating says little about strengths:
        // like a contributor's uniform answers, it counts as low information.
        let managerUniform = isUniformObservations(vector)
        if managerUniform {
            flags.append(.managerUniform)
            notes.append(.uniformObservations)
            confidence = confidence.lowered
        }

        var divergence: [Assessment.Divergence] = []
        var against = 0
        var supporting: [String] = []
        var claimed: [String] = []
        let planned = Set(weights.planning.trackDimensions[recommended.rawValue] ?? [])
        let pull = Set(fitIndex.trackDimensions(recommended))
        for (index, rule) in weights.dimensions.enumerated() where !managerUniform {
            guard let own = selfScores[index], let seen = managerScores[index] else { continue }
            let gapPoints = (own - seen) / 100 * 5  // back to scale points on 1..6
            if abs(gapPoints) >= thresholds.divergencePoints - 1e-9 {
                divergence.append(
                    .dimension(rule.name, selfScore: round1(own), managerScore: round1(seen), gap: round1(own - seen)))
                // A manager who sees more of what the recommended track needs than the person
                // claims supports the result: a strength to name, not a doubt.
                // Seeing more than the person claims elsewhere is underselling, not a doubt
                // about the track: only a claim beyond what was seen counts against it.
                if seen > own {
                    if pull.contains(index) { supporting.append(rule.name) }
                } else {
                    against += 1
                }
                // Claiming clearly more than has been seen on a skill the plan works on is a
                // conversation about evidence.
                if own > seen, planned.contains(rule.name) { claimed.append(rule.name) }
            }
        }
        if let view = managerView, view != "unsure", view != recommended.rawValue {
            divergence.append(.track(recommended: recommended, managerView: view))
            notes.append(.managerSeesAnotherTrack(view: view, recommended: recommended))
            if recommended != .undecided { confidence = confidence.lowered }
        }
        if against >= thresholds.divergentDimensions {
            confidence = confidence.lowered
            notes.append(.dimensionsDiffer(count: against))
        }
        if !supporting.isEmpty { notes.append(readyNow ? .undersold(supporting) : .managerSeesMore(supporting)) }
        if !claimed.isEmpty {
            confidence = min(confidence, .medium)
            notes.append(.claimsMoreThanSeen(claimed))
        }
        if !divergence.isEmpty { flags.append(.raterDivergence) }

        let inconsistent = inconsistentDimensions(vector)
        if inconsistent.count >= thresholds.inconsistentDimensions {
            confidence = confidence.lowered
            notes.append(.inconsistentDimensions(inconsistent))
        }
        if uniform {
            flags.append(.uniformAnswers)
            notes.append(.uniformAnswers)
        }
        // Mild answers (mostly the scale's middle) with a small lead carry little signal:
        // low confidence, and a trial of each track before deciding.
        if recommended != .undecided, !uniform, let share = middleShare(vector), share >= thresholds.mildShare,
            margin < thresholds.mildMargin
        {
            confidence = .low
            notes.append(.mildAnswers(share: share, margin: margin, needed: thresholds.mildMargin))
        }
        if recommended == .undecided { confidence = .low }
        // All answers alike (often all high, acquiescence) say nothing about pay in particular.
        if !uniform, let pay = input.rating("motive.pay_status", by: .contributor), pay >= thresholds.payStatusFlag {
            flags.append(.payStatusMotive)
        }
        // Growth in place only when the contributor said "not now": family, lifestyle or
        // security answers change how a plan is paced, never whether it aims at a promotion.
        if answers.value("goal.promotion", by: .contributor)?.text == "not_now" {
            flags.append(.growthInPlace)
        }

        let archetype =
            recommended == .undecided ? "explorer" : exploratory ? "solver" : self.archetype(for: recommended, vector: vector)
        let explanation = explain(
            vector, input: input, recommended: recommended == .undecided ? ranked[0] : recommended,
            runnerUp: recommended == .undecided ? ranked[1] : runnerUp)
        let scores = FitIndex.Fits(ic: round1(fits.ic), management: round1(fits.management), hybrid: round1(fits.hybrid))
        return Assessment(
            dimensions: dimensions, scores: scores.byTrack, recommended: recommended, runnerUp: runnerUp,
            archetype: archetype, confidence: confidence, confidenceReasons: notes, explanation: explanation,
            divergence: divergence, flags: flags)
    }

    /// The dimensions pulling toward `track` that the manager rates at least a material
    /// disagreement above the contributor's own ratings.
    private func undersold(_ own: [Double?], _ seen: [Double?], track: Track) -> [String] {
        fitIndex.trackDimensions(track).compactMap { index in
            guard let own = own[index], let seen = seen[index] else { return nil }
            return (seen - own) / 100 * 5 >= weights.thresholds.divergencePoints - 1e-9 ? weights.dimensions[index].name : nil
        }
    }

    // MARK: - Dimensions

    /// Each dimension's score, 0..100, by position in `Weights.dimensions`: from the
    /// contributor's own ratings (no top-three bonus) or the manager's observations; nil where
    /// nothing was answered.
    private func dimensionScores(_ vector: FitIndex.Vector, manager: Bool) -> [Double?] {
        weights.dimensions.indices.map { dimension in
            let score = fitIndex.dimensionMean(dimension, vector, manager: manager)
            return score.isNaN ? nil : score
        }
    }

    // MARK: - Track fits

    /// The three fits, 0..100.
    func fits(_ input: ScoringInput) -> [Track: Double] {
        fitIndex.fits(fitIndex.vector(input)).byTrack
    }

    /// The track's archetype whose inputs weigh most in what the person wants.
    private func archetype(for track: Track, vector: FitIndex.Vector) -> String {
        var best: (name: String, score: Double)?
        for option in archetypes[track] ?? [] {
            var sum = 0.0
            var total = 0.0
            for input in option.inputs {
                let value = fitIndex.preference(input.dimension, vector)
                guard !value.isNaN else { continue }
                sum += input.weight * value
                total += input.weight
            }
            let score = total > 0 ? sum / total : 0
            if best == nil || score > best!.score { best = (option.name, score) }
        }
        return best?.name ?? track.rawValue
    }

    // MARK: - Reasons

    /// The answers that moved the result most: each one set to a neutral answer in turn, and
    /// the change in the recommended track's lead over the runner-up measured.
    private func explain(_ vector: FitIndex.Vector, input: ScoringInput, recommended: Track, runnerUp: Track)
        -> [Assessment.Reason]
    {
        func lead(_ fits: FitIndex.Fits) -> Double { fits[recommended] - fits[runnerUp] }
        let actual = lead(fitIndex.fits(vector))
        let role: Role = vector.usesSelf ? .contributor : .manager
        // The six biggest pushes so far, most points first, then by item.
        var kept: [Push] = []
        kept.reserveCapacity(7)
        func keep(_ push: Push) {
            let position = kept.firstIndex { push.points > $0.points || (push.points == $0.points && push.item < $0.item) }
            guard let position else {
                if kept.count < 6 { kept.append(push) }
                return
            }
            kept.insert(push, at: position)
            if kept.count > 6 { kept.removeLast() }
        }
        var trial = vector
        for slot in vector.usesSelf ? fitIndex.contributorSlots : fitIndex.managerSlots where !vector.values[slot].isNaN {
            trial.values[slot] = fitIndex.neutral[slot]
            let push = actual - lead(fitIndex.fits(trial))
            trial.values[slot] = vector.values[slot]
            // A pay or status motive is a conversation, not a reason shown as points.
            guard abs(push) >= 0.05, fitIndex.ids[slot] != "motive.pay_status" else { continue }
            keep(Push(item: fitIndex.ids[slot], slot: slot, push: push, points: round1(abs(push))))
        }
        if vector.usesSelf, !input.top3.isEmpty {
            trial.picks = [Int](repeating: 0, count: vector.picks.count)
            let push = actual - lead(fitIndex.fits(trial))
            if abs(push) >= 0.05 {
                keep(Push(item: Instrument.topPicks, slot: nil, push: push, points: round1(abs(push))))
            }
        }
        // Only the reasons kept get their answer text.
        return kept.map { push in
            Assessment.Reason(
                item: push.item, role: push.slot == nil ? .contributor : role,
                answer: push.slot == nil
                    ? input.top3.joined(separator: ", ") : input.answer(push.item, by: role)?.text ?? "",
                toward: push.push > 0 ? recommended : runnerUp, points: push.points,
                picks: push.slot == nil ? input.top3 : nil)
        }
    }

    // MARK: - Confidence inputs

    private func coverage(_ answers: Answers) -> (answered: Int, asked: Int) {
        var asked = 0
        var answered = 0
        for role in answers.mode.roles {
            let items = role == .contributor ? contributorScoringItems : managerScoringItems
            let responses = answers.responses[role] ?? [:]
            asked += items.count
            for id in items where responses[id] != nil { answered += 1 }
        }
        return (answered, asked)
    }

    /// Dimensions whose own questions are answered far apart (e.g. 1 and 5).
    private func inconsistentDimensions(_ vector: FitIndex.Vector) -> [String] {
        weights.dimensions.indices.compactMap { dimension in
            var count = 0
            var low = Double.infinity
            var high = -Double.infinity
            for slot in fitIndex.items[dimension] where !vector.values[slot].isNaN {
                count += 1
                low = min(low, vector.values[slot])
                high = max(high, vector.values[slot])
            }
            guard count >= 2 else { return nil }
            return high - low >= weights.thresholds.inconsistentSpread ? weights.dimensions[dimension].name : nil
        }
    }

    /// Whether the manager gave (nearly) every observation the same rating.
    private func isUniformObservations(_ vector: FitIndex.Vector) -> Bool {
        let values = fitIndex.managerSlots.map { vector.values[$0] }.filter { !$0.isNaN }
        guard values.count >= 5 else { return false }
        let average = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(values.count)
        return variance.squareRoot() < weights.thresholds.uniformObservationDeviation
    }

    /// Whether the dimension ratings barely vary: everything answered the same.
    /// The share of the contributor's ratings on the two middle points of the 1..6 scale (3
    /// and 4), or nil with too few ratings to say.
    private func middleShare(_ vector: FitIndex.Vector) -> Double? {
        var count = 0
        var middle = 0
        for slots in fitIndex.items {
            for slot in slots where !vector.values[slot].isNaN {
                count += 1
                if (3...4).contains(vector.values[slot]) { middle += 1 }
            }
        }
        return count >= 12 ? Double(middle) / Double(count) : nil
    }

    private func isUniform(_ vector: FitIndex.Vector) -> Bool {
        var count = 0
        var sum = 0.0
        for slots in fitIndex.items {
            for slot in slots where !vector.values[slot].isNaN {
                count += 1
                sum += vector.values[slot]
            }
        }
        guard count >= 12 else { return false }
        let average = sum / Double(count)
        var squares = 0.0
        for slots in fitIndex.items {
            for slot in slots where !vector.values[slot].isNaN {
                squares += (vector.values[slot] - average) * (vector.values[slot] - average)
            }
        }
        let variance = squares / Double(count)
        return variance.squareRoot() < weights.thresholds.uniformDeviation
    }
}
