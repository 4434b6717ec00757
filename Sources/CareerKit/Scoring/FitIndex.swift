/// The track-fit model with every id resolved to a position once, so a fit is plain
/// arithmetic on arrays. Reasons recompute the fits once per answer, so this is the hot path.
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

    /// Slots of contributor rating items, then of manager rating items.
    private let contributorSlots: [String: Int]
    private let managerSlots: [String: Int]
    private let low: [Double]
    private let span: [Double]
    /// Per dimension, the slots of its contributor items and of its manager observations.
    private let items: [[Int]]
    private let observations: [[Int]]
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
        var low: [Double] = []
        var span: [Double] = []
        func slot(_ id: String, in table: inout [String: Int]) -> Int? {
            if let existing = table[id] { return existing }
            guard let range = ranges[id] else { return nil }
            table[id] = low.count
            low.append(Double(range.lowerBound))
            span.append(Double(range.upperBound - range.lowerBound))
            return low.count - 1
        }
        items = weights.dimensions.map { $0.items.compactMap { slot($0, in: &contributorSlots) } }
        let ladder = ["ladder.technical", "ladder.managerial", "ladder.projects", "motive.pay_status"]
        let ladderSlots = ladder.map { slot($0, in: &contributorSlots) }
        observations = weights.dimensions.map { $0.observations.compactMap { slot($0, in: &managerSlots) } }
        var dimensionOfSlot = [Int](repeating: -1, count: low.count)
        for (dimension, slots) in items.enumerated() {
            for slot in slots { dimensionOfSlot[slot] = dimension }
        }
        self.contributorSlots = contributorSlots
        self.managerSlots = managerSlots
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

    func slot(_ id: String, role: Role) -> Int? {
        role == .contributor ? contributorSlots[id] : managerSlots[id]
    }

    /// The answers as a vector (NaN where unanswered), the top-three picks per dimension, and
    /// whether the contributor's view is there (else the manager's observations stand in).
    func vector(_ input: ScoringInput) -> (answers: [Double], picks: [Int], usesSelf: Bool) {
        var answers = [Double](repeating: .nan, count: low.count)
        var usesSelf = false
        for (id, slot) in contributorSlots {
            if let value = input.contributor[id] {
                answers[slot] = value
                if dimensionOfSlot[slot] >= 0 { usesSelf = true }
            }
        }
        for (id, slot) in managerSlots {
            if let value = input.manager[id] { answers[slot] = value }
        }
        var picks = [Int](repeating: 0, count: items.count)
        for id in input.top3 {
            if let slot = contributorSlots[id], dimensionOfSlot[slot] >= 0 { picks[dimensionOfSlot[slot]] += 1 }
        }
        return (answers, picks, usesSelf)
    }

    @inline(__always)
    private func normalised(_ values: [Double], _ slot: Int) -> Double {
        (values[slot] - low[slot]) / span[slot] * 100
    }

    private func mean(_ slots: [Int], _ values: [Double]) -> Double {
        var sum = 0.0
        var count = 0
        for slot in slots where !values[slot].isNaN {
            sum += normalised(values, slot)
            count += 1
        }
        return count > 0 ? sum / Double(count) : .nan
    }

    /// Each dimension's score from the contributor's items, or from the manager's observations;
    /// NaN where nothing was answered.
    func dimensionMeans(_ values: [Double], manager: Bool) -> [Double] {
        (manager ? observations : items).map { mean($0, values) }
    }

    /// What the person wants, per dimension: their ratings plus the top-three bonus, capped at
    /// 100; with no contributor answers, the manager's observations stand in.
    func preferences(_ values: [Double], picks: [Int], usesSelf: Bool) -> [Double] {
        guard usesSelf else { return dimensionMeans(values, manager: true) }
        return dimensionMeans(values, manager: false).enumerated().map { dimension, score in
            score.isNaN ? .nan : min(100, score + Double(picks[dimension]) * ipsativePoints)
        }
    }

    /// The three fits, 0..100: the same model as weights.yaml describes.
    func fits(_ values: [Double], picks: [Int], usesSelf: Bool) -> [Track: Double] {
        let preferences = self.preferences(values, picks: picks, usesSelf: usesSelf)
        func value(_ source: Source) -> Double {
            switch source {
            case .dimension(let index): return preferences[index]
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
        return [.ic: icFit, .management: managementFit, .hybrid: max(0, min(100, hybridFit))]
    }
}
