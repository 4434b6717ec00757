/// Chooses catalog items for a plan: the set worth most, within the budget, the hours and
/// the plan's shape.
///
/// A plan's value is the room to grow it closes on the recommended track's dimensions (each
/// item closes `closure_points` times its impact on each dimension it builds, up to the gap
/// and no further), plus what the person asked for, plus what every plan of its kind needs
/// (someone to learn from, learning on the job, a trial before a move into management), less
/// a small lean toward the 70-20-10 mix. Closing one skill the same way twice (two stretch
/// assignments on hard conversations) counts for less than closing it two ways (practice and
/// a course). Cost and hours are limits, never divisors: a free,
/// short item does not win because it is cheap, and a large budget buys the course that
/// closes the most. At least half of the items work on the track's dimensions.
///
/// A greedy pass adds the item with the largest gain, then a local search removes, swaps
/// (one in, one out) and adds items while the value rises. On small pools the result is
/// checked against the exhaustive optimum in the tests.
struct CatalogSelector {
    struct Candidate {
        /// In the budget currency.
        var cost: Double
        var hours: Double
        /// Points it closes on each plan dimension (in the order of `gaps`).
        var closure: [Double]
        /// Interest and carried-over value.
        var bonus: Double
        /// Field and level fit: counted in the value, to choose between items that bring
        /// something, but never a reason on its own to add one.
        var tie: Double = 0
        /// Bit per required group it covers.
        var groups: UInt32
        /// Index into `Catalog.Category.allCases`.
        var category: Int
        /// A number per (category, kind), -1 where the item has no kind.
        var kind: Int
        /// 0 on the job, 1 from other people, 2 formal.
        var mix: Int
        /// Whether it builds one of the track's dimensions.
        var onTrack: Bool
        /// The development hours it takes against the limit: its hours, or 0 for job time
        /// (stretch work, trials, hand-overs), which is work, not study.
        var studyHours: Double? = nil
        var limitHours: Double { studyHours ?? hours }
    }

    struct Limits {
        var budget: Double
        var hours: Double
        var maxItems: Int
        var maxPerCategory: Int
    }

    let candidates: [Candidate]
    /// Items already in the plan (special projects): they count toward value and shape but are
    /// never removed, and take none of the limits.
    let fixed: [Candidate]
    /// The room to grow on each plan dimension.
    let gaps: [Double]
    /// The value of covering each required group.
    let groupValues: [Double]
    let limits: Limits
    let mix: (onTheJob: Double, social: Double, formal: Double)
    let mixWeight: Double
    /// Whether at least half of the chosen items must be on track.
    let keepOnTrack: Bool
    /// The least value of its own an item must add to join.
    var minGain: Double = 1e-9
    /// Points of one dimension that one way of learning (on the job, from others, formal)
    /// closes in full; beyond them, each point counts `repeatShare`. People learn a skill
    /// best from a mix: practice, feedback and a framework.
    var closurePerMode: Double = .infinity
    var repeatShare: Double = 1

    static func mixClass(of category: Catalog.Category) -> Int {
        switch category {
        case .stretchAssignment, .specialProject, .firstStep: return 0
        case .mentoring, .networking: return 1
        case .training, .certification: return 2
        }
    }

    // MARK: - The running state of a chosen set

    private struct State {
        var chosen: [Int] = []
        /// Points closed per dimension and way of learning: `dimension * 3 + mix class`.
        var closed: [Double]
        var bonus = 0.0
        var tie = 0.0
        var groupCounts: [Int]
        var mixHours = [0.0, 0.0, 0.0]
        var cost = 0.0
        var hours = 0.0
        var perCategory: [Int]
        /// How many chosen items have each kind number.
        var kinds: [Int]
        var onTrack = 0
        var offTrack = 0
    }

    private func emptyState() -> State {
        var state = State(
            closed: Array(repeating: 0, count: gaps.count * 3), groupCounts: Array(repeating: 0, count: groupValues.count),
            perCategory: Array(repeating: 0, count: Catalog.Category.allCases.count),
            kinds: Array(repeating: 0, count: (candidates + fixed).map(\.kind).max().map { $0 + 1 } ?? 0))
        for item in fixed { apply(item, 1, to: &state) }
        return state
    }

    private func apply(_ item: Candidate, _ sign: Int, to state: inout State) {
        let s = Double(sign)
        for dimension in item.closure.indices where item.closure[dimension] != 0 {
            state.closed[dimension * 3 + item.mix] += s * item.closure[dimension]
        }
        state.bonus += s * item.bonus
        state.tie += s * item.tie
        var bits = item.groups
        var group = 0
        while bits != 0 {
            if bits & 1 != 0 { state.groupCounts[group] += sign }
            bits >>= 1
            group += 1
        }
        state.mixHours[item.mix] += s * item.hours
        state.perCategory[item.category] += sign
        if item.kind >= 0 { state.kinds[item.kind] += sign }
        if item.onTrack { state.onTrack += sign } else { state.offTrack += sign }
    }

    /// Adds or removes a candidate, with its cost and hours.
    private func change(_ index: Int, _ sign: Int, in state: inout State) {
        let item = candidates[index]
        apply(item, sign, to: &state)
        state.cost += Double(sign) * item.cost
        state.hours += Double(sign) * item.limitHours
        if sign > 0 {
            state.chosen.append(index)
        } else if let position = state.chosen.firstIndex(of: index) {
            state.chosen.remove(at: position)
        }
    }

    private func mixPenalty(_ hours: [Double]) -> Double {
        mixPenalty(hours[0], hours[1], hours[2])
    }

    private func mixPenalty(_ onTheJob: Double, _ social: Double, _ formal: Double) -> Double {
        let total = onTheJob + social + formal
        guard total > 0, mixWeight > 0 else { return 0 }
        let distance = abs(onTheJob / total * 100 - mix.onTheJob) + abs(social / total * 100 - mix.social)
            + abs(formal / total * 100 - mix.formal)
        return mixWeight * distance
    }

    /// One dimension's points closed, with each way of learning counted in full up to
    /// `closurePerMode`; `extra` points added to `mode` first.
    @inline(__always)
    private func closedPoints(_ state: State, _ dimension: Int, extra: Double = 0, mode extraMode: Int = -1) -> Double {
        var closed = 0.0
        for mode in 0..<3 {
            var points = state.closed[dimension * 3 + mode]
            if mode == extraMode { points += extra }
            closed += min(points, closurePerMode) + repeatShare * max(0, points - closurePerMode)
        }
        return closed
    }

    /// What the state would be worth with one more candidate, without changing it: its core
    /// value and its full value, or nil when the candidate would not fit. The same numbers as
    /// adding it and measuring, without copying the state (the search tries thousands).
    private func trying(_ index: Int, on state: State, core: Double) -> (core: Double, value: Double)? {
        let item = candidates[index]
        guard state.cost + item.cost <= limits.budget + 1e-9, state.hours + item.limitHours <= limits.hours + 1e-9,
            state.chosen.count + 1 <= limits.maxItems, state.perCategory[item.category] + 1 <= limits.maxPerCategory
        else { return nil }
        if item.kind >= 0, state.kinds[item.kind] >= 1 { return nil }
        if keepOnTrack, state.offTrack + (item.onTrack ? 0 : 1) > max(state.onTrack + (item.onTrack ? 1 : 0), 1) { return nil }
        var next = core + item.bonus
        for dimension in gaps.indices where gaps[dimension] > 0 && item.closure[dimension] != 0 {
            let before = min(gaps[dimension], closedPoints(state, dimension))
            let after = min(gaps[dimension], closedPoints(state, dimension, extra: item.closure[dimension], mode: item.mix))
            next += after - before
        }
        var bits = item.groups
        var group = 0
        while bits != 0 {
            if bits & 1 != 0, state.groupCounts[group] == 0 { next += groupValues[group] }
            bits >>= 1
            group += 1
        }
        var hours = (state.mixHours[0], state.mixHours[1], state.mixHours[2])
        switch item.mix {
        case 0: hours.0 += item.hours
        case 1: hours.1 += item.hours
        default: hours.2 += item.hours
        }
        return (next, next + state.tie + item.tie - mixPenalty(hours.0, hours.1, hours.2))
    }

    /// What the items bring themselves: room closed, interests, required groups covered, and
    /// how well they fit the person's field and level.
    private func ownValue(_ state: State) -> Double {
        coreValue(state) + state.tie
    }

    /// What the items bring themselves, leaving out field and level fit: what an item must
    /// add to join.
    private func coreValue(_ state: State) -> Double {
        var value = state.bonus
        for dimension in gaps.indices where gaps[dimension] > 0 {
            value += min(gaps[dimension], closedPoints(state, dimension))
        }
        for group in groupValues.indices where state.groupCounts[group] > 0 { value += groupValues[group] }
        return value
    }

    private func value(_ state: State) -> Double {
        ownValue(state) - mixPenalty(state.mixHours)
    }

    private func fits(_ state: State) -> Bool {
        guard state.cost <= limits.budget + 1e-9, state.hours <= limits.hours + 1e-9,
            state.chosen.count <= limits.maxItems
        else { return false }
        if state.perCategory.contains(where: { $0 > limits.maxPerCategory }) { return false }
        if state.kinds.contains(where: { $0 > 1 }) { return false }
        // While building, one item may run ahead of the on-track ones.
        if keepOnTrack, state.offTrack > max(state.onTrack, 1) { return false }
        return true
    }

    // MARK: - The same rules on index lists (for tests and callers)

    /// The value of a set of candidates (by index).
    func value(_ chosen: [Int]) -> Double {
        var state = emptyState()
        for index in chosen { change(index, 1, in: &state) }
        return value(state)
    }

    func fits(_ chosen: [Int]) -> Bool {
        var state = emptyState()
        for index in chosen { change(index, 1, in: &state) }
        return fits(state) && (!keepOnTrack || state.offTrack <= state.onTrack || chosen.isEmpty)
    }

    // MARK: - Selection

    /// The chosen candidates' indices, most valuable first (each by what the plan would lose
    /// without it).
    func select(excluding excluded: Set<Int> = []) -> [Int] {
        var state = emptyState()
        var inSet = [Bool](repeating: false, count: candidates.count)
        for index in excluded { inSet[index] = true }

        // What the plan needs first, most valuable need first: the best item for each need
        // still open (someone to learn from before a long assignment takes all the hours).
        for group in groupValues.indices.sorted(by: { (groupValues[$0], $1) > (groupValues[$1], $0) }) {
            guard state.groupCounts[group] == 0 else { continue }
            let core = coreValue(state)
            var best: (index: Int, value: Double)?
            for index in candidates.indices where !inSet[index] && candidates[index].groups & (1 << UInt32(group)) != 0 {
                guard let trial = trying(index, on: state, core: core) else { continue }
                if best == nil || trial.value > best!.value + 1e-9 { best = (index, trial.value) }
            }
            if let pick = best {
                change(pick.index, 1, in: &state)
                inSet[pick.index] = true
            }
        }

        // Greedy: the largest gain among items that bring something themselves.
        while true {
            let core = coreValue(state)
            var best: (index: Int, value: Double)?
            for index in candidates.indices where !inSet[index] {
                guard let trial = trying(index, on: state, core: core), trial.core >= core + minGain else { continue }
                if best == nil || trial.value > best!.value + 1e-9 { best = (index, trial.value) }
            }
            guard let pick = best else { break }
            change(pick.index, 1, in: &state)
            inSet[pick.index] = true
        }

        // Local search: removals, one-for-one swaps and additions while the value rises.
        var current = value(state)
        var improved = true
        var rounds = 0
        while improved, rounds < 30 {
            improved = false
            rounds += 1
            for index in state.chosen.reversed() {
                var without = state
                change(index, -1, in: &without)
                if fits(without), value(without) > current + 1e-9 {
                    state = without
                    inSet[index] = false
                    current = value(state)
                    improved = true
                }
            }
            swap: for out in state.chosen {
                var without = state
                change(out, -1, in: &without)
                let core = coreValue(without)
                for index in candidates.indices where !inSet[index] {
                    // The item coming in must bring something itself, not only move the mix.
                    if let trial = trying(index, on: without, core: core), trial.value > current + 1e-9,
                        trial.core >= core + minGain
                    {
                        change(index, 1, in: &without)
                        state = without
                        inSet[out] = false
                        inSet[index] = true
                        current = value(state)
                        improved = true
                        break swap
                    }
                }
            }
            for index in candidates.indices where !inSet[index] {
                let core = coreValue(state)
                if let trial = trying(index, on: state, core: core), trial.core >= core + minGain, trial.value > current + 1e-9 {
                    change(index, 1, in: &state)
                    inSet[index] = true
                    current = value(state)
                    improved = true
                }
            }
        }
        // At least half on track: drop the off-track item the plan misses least until it holds.
        while keepOnTrack, state.offTrack > state.onTrack {
            let offTrack = state.chosen.filter { !candidates[$0].onTrack }
            guard let drop = offTrack.max(by: { valueWithout($0, state) < valueWithout($1, state) }) else { break }
            change(drop, -1, in: &state)
        }
        return state.chosen.sorted { (valueWithout($0, state), $1) < (valueWithout($1, state), $0) }
    }

    /// The plan's value without one of its items: the lower, the more the item matters.
    private func valueWithout(_ index: Int, _ state: State) -> Double {
        var without = state
        change(index, -1, in: &without)
        return value(without)
    }
}
