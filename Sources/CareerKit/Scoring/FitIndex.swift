/// The track-fit model with every id resolved to a position once, so a fit is plain
/// arithmetic on arrays. Reasons recompute the fits once per answer, so this is the hot path:
/// a fit reads no dictionary and allocates nothing.
struct FitIndex: Sendable {
    enum Source: Sendable {
        /// A dimension's preference score, by position in `Weights.dimensions`.
        case dimension(Int)
        /// A ladder answer, normalised, by slot.
        case answer(Int)
        /// The lower of the technical and managerial ladder answers.
        case bothLadders
    }

    struct Input: Sendable {
        var source: Source
        var weight: Double
    }

    /// One person's ratings by slot (NaN where unanswered), their top-three picks per
    /// dimension, and whether the contributor's view is there (else the manager's
    /// observations stand in).
    struct Vector: Sendable {
        var values: [Double]
        var picks: [Int]
        var usesSelf: Bool
    }

    /// The three track fits of one vector, 0..100.
    struct Fits: Sendable {
        var ic: Double
        var management: Double
        var hybrid: Double

        subscript(track: Track) -> Double {
            switch track {
            case .ic: return ic
            case .management: return management
            case .hybrid: return hybrid
            case .undecided: return max(ic, management, hybrid)
            }
        }

        var byTrack: [Track: Double] { [.ic: ic, .management: management, .hybrid: hybrid] }
    }

    /// Item ids by slot: contributor rating items first, then manager rating items.
    let ids: [String]
    /// The slots of contributor items and of manager items, in `ids`.
    let contributorSlots: Range<Int>
    let managerSlots: Range<Int>
    /// Per slot, the answer that counts as neutral when measuring what an answer did: the
    /// middle of the scale, or its lowest point for a pay or status motive.
    let neutral: [Double]
    /// Per dimension, the slots of its contributor items and of its manager observations.
    let items: [[Int]]
    let observations: [[Int]]
    private let contributorSlotOfID: [String: Int]
    private let low: [Double]
    private let span: [Double]
    /// Per contributor slot, the dimension it feeds (for the top-three picks), or -1.
    private let dimensionOfSlot: [Int]
    private let ic: [Input]
    private let management: [Input]
    private let hybrid: [Input]
    private let technical: Int?
    private let managerial: Int?
    private let pay: Int?
    private let ipsativePoints: Double
    private let payPenalty: Double

    init(weights: Weights, ranges: [String: ClosedRange<Int>]) {
        var contributorSlots: [String: Int] = [:]
        var managerSlots: [String: Int] = [:]
        var ids: [String] = []
        var low: [Double] = []
        var span: [Double] = []
        var neutral: [Double] = []
        func slot(_ id: String, in table: inout [String: Int]) -> Int? {
            if let existing = table[id] { return existing }
            guard let range = ranges[id] else { return nil }
            table[id] = ids.count
            ids.append(id)
            low.append(Double(range.lowerBound))
            span.append(Double(range.upperBound - range.lowerBound))
            // A pay or status motive has no neutral middle: "not at all" is the baseline.
            neutral.append(
                id == "motive.pay_status" ? Double(range.lowerBound) : Double(range.lowerBound + range.upperBound) / 2)
            return ids.count - 1
        }
        items = weights.dimensions.map { $0.items.compactMap { slot($0, in: &contributorSlots) } }
        let ladder = ["ladder.technical", "ladder.managerial", "ladder.projects", "motive.pay_status"]
        let ladderSlots = ladder.map { slot($0, in: &contributorSlots) }
        let managerStart = ids.count
        observations = weights.dimensions.map { $0.observations.compactMap { slot($0, in: &managerSlots) } }
        var dimensionOfSlot = [Int](repeating: -1, count: ids.count)
        for (dimension, slots) in items.enumerated() {
            for slot in slots { dimensionOfSlot[slot] = dimension }
        }
        self.ids = ids
        self.contributorSlots = 0..<managerStart
        self.managerSlots = managerStart..<ids.count
        self.neutral = neutral
        self.contributorSlotOfID = contributorSlots
        self.low = low
        self.span = span
        self.dimensionOfSlot = dimensionOfSlot
        technical = ladderSlots[0]
        managerial = ladderSlots[1]
        pay = ladderSlots[3]
        let names = weights.dimensions.map(\.name)
        func resolve(_ inputs: [Weights.Input]) -> [Input] {
            inputs.compactMap { input in
                if input.key == "both_ladders" { return Input(source: .bothLadders, weight: input.weight) }
                if let dimension = names.firstIndex(of: input.key) { return Input(source: .dimension(dimension), weight: input.weight) }
                if let slot = contributorSlots[input.key] { return Input(source: .answer(slot), weight: input.weight) }
                return nil
            }
        }
        ic = resolve(weights.ic)
        management = resolve(weights.management)
        hybrid = resolve(weights.hybrid.inputs)
        ipsativePoints = weights.ipsativePoints
        payPenalty = weights.payStatusPenalty
    }

    /// The person's ratings as a vector, read once per assessment.
    func vector(_ input: ScoringInput) -> Vector {
        var values = [Double](repeating: .nan, count: ids.count)
        var usesSelf = false
        for slot in contributorSlots {
            guard let value = input.rating(ids[slot], by: .contributor) else { continue }
            values[slot] = value
            if dimensionOfSlot[slot] >= 0 { usesSelf = true }
        }
        for slot in managerSlots {
            if let value = input.rating(ids[slot], by: .manager) { values[slot] = value }
        }
        var picks = [Int](repeating: 0, count: items.count)
        for id in input.top3 {
            if let slot = contributorSlotOfID[id], dimensionOfSlot[slot] >= 0 { picks[dimensionOfSlot[slot]] += 1 }
        }
        return Vector(values: values, picks: picks, usesSelf: usesSelf)
    }

    @inline(__always)
    private func normalised(_ values: [Double], _ slot: Int) -> Double {
        (values[slot] - low[slot]) / span[slot] * 100
    }

    /// The mean of the answered slots, 0..100, or NaN when none is answered.
    private func mean(_ slots: [Int], _ values: [Double]) -> Double {
        var sum = 0.0
        var count = 0
        for slot in slots where !values[slot].isNaN {
            sum += normalised(values, slot)
            count += 1
        }
        return count > 0 ? sum / Double(count) : .nan
    }

    /// One dimension's score from the contributor's items, or from the manager's observations;
    /// NaN where nothing was answered.
    func dimensionMean(_ dimension: Int, _ vector: Vector, manager: Bool) -> Double {
        mean(manager ? observations[dimension] : items[dimension], vector.values)
    }

    /// What the person wants on one dimension: their rating plus the top-three bonus, capped at
    /// 100; with no contributor answers, the manager's observation stands in. NaN when unknown.
    func preference(_ dimension: Int, _ vector: Vector) -> Double {
        guard vector.usesSelf else { return mean(observations[dimension], vector.values) }
        let score = mean(items[dimension], vector.values)
        return score.isNaN ? .nan : min(100, score + Double(vector.picks[dimension]) * ipsativePoints)
    }

    /// The dimensions (by position) that feed a track's fit; for hybrid, those of every
    /// track, since it needs both pulls; none for undecided.
    func trackDimensions(_ track: Track) -> [Int] {
        func dimensions(_ inputs: [Input]) -> [Int] {
            inputs.compactMap { if case .dimension(let index) = $0.source { return index } else { return nil } }
        }
        switch track {
        case .ic: return dimensions(ic)
        case .management: return dimensions(management)
        case .hybrid: return Array(Set(dimensions(ic) + dimensions(management) + dimensions(hybrid))).sorted()
        case .undecided: return []
        }
    }

    /// How much the person wants the people side of management: the weighted mean of the
    /// management fit's dimension inputs (no ladder answer), 0..100, or NaN when unanswered.
    func managementSupport(_ vector: Vector) -> Double {
        var sum = 0.0
        var total = 0.0
        for input in management {
            guard case .dimension(let index) = input.source else { continue }
            let value = preference(index, vector)
            guard !value.isNaN else { continue }
            sum += input.weight * value
            total += input.weight
        }
        return total > 0 ? sum / total : .nan
    }

    /// The three fits, 0..100: the same model as weights.yaml describes.
    func fits(_ vector: Vector) -> Fits {
        let values = vector.values
        func value(_ source: Source) -> Double {
            switch source {
            case .dimension(let index): return preference(index, vector)
            case .answer(let slot): return values[slot].isNaN ? .nan : normalised(values, slot)
            case .bothLadders:
                guard let technical, let managerial, !values[technical].isNaN, !values[managerial].isNaN else { return .nan }
                return min(normalised(values, technical), normalised(values, managerial))
            }
        }
        func weighted(_ inputs: [Input]) -> Double {
            var sum = 0.0
            var total = 0.0
            for input in inputs {
                let v = value(input.source)
                guard !v.isNaN else { continue }
                sum += input.weight * v
                total += input.weight
            }
            return total > 0 ? sum / total : 0
        }
        let icFit = weighted(ic)
        var managementFit = weighted(management)
        if let pay, !values[pay].isNaN {
            managementFit = max(0, managementFit - normalised(values, pay) / 100 * payPenalty)
        }
        var hybridFit = min(icFit, managementFit)
        for input in hybrid {
            let v = value(input.source)
            guard !v.isNaN else { continue }
            hybridFit += input.weight * (v - 50)
        }
        return Fits(ic: icFit, management: managementFit, hybrid: max(0, min(100, hybridFit)))
    }
}
