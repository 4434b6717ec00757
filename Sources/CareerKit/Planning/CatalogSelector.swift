/// Chooses catalog items for a plan: the set that closes the largest gaps and answers the
/// person's interests, within the budget and the hours.
///
/// It is a near-exact optimisation, not first-fit: a greedy pass adds, one at a time, the
/// item with the best gain in plan value per share of budget and hours used, then a local
/// search removes, swaps (one in, one out) and adds items while the value rises. Plan value
/// has diminishing returns (a gap closes once), so a plain additive knapsack would over-fill
/// one dimension; greedy-plus-local-search handles that, and on small candidate pools it is
/// checked against the exhaustive optimum in the tests. Each step is evaluated in constant
/// time on a running state, so a plan takes well under a millisecond.
struct CatalogSelector {
    struct Candidate {
        let item: Catalog.Item
        /// In the budget currency.
        let cost: Double
        /// Indices into `Dimension.names`.
        let builds: [Int]
        /// Interest and domain bonus.
        let bonus: Double
        /// 0 on the job, 1 social, 2 formal.
        let mixClass: Int
        let isSpecialProject: Bool
        let categoryIndex: Int
    }

    struct Limits {
        var budget: Double
        var developmentHours: Double
        var specialProjectHours: Double
        /// Days each scheduling lane has (see PlanScheduler): its items run one after another,
        /// so their weeks must fit, or they would be squeezed into the last days.
        var laneDays: [Int] = [Int.max, Int.max, Int.max]
    }

    let candidates: [Candidate]
    /// The gap to close on each dimension, 0 where there is none.
    let gaps: [Double]
    let limits: Limits
    let settings: PlanningSettings
    /// Groups of category indices of which the plan should hold at least one each.
    let required: [Set<Int>]

    static func mixClass(of category: Catalog.Category) -> Int {
        switch category {
        case .stretchAssignment, .specialProject: return 0
        case .mentoring, .networking: return 1
        case .training, .certification: return 2
        }
    }

    // MARK: - Flat tables, built once

    private struct Tables {
        var cost: [Double]
        var hours: [Double]
        var special: [Bool]
        var category: [Int]
        /// A number per (category, kind), -1 where the item has no kind.
        var kind: [Int]
        var bonus: [Double]
        var mix: [Int]
        var lane: [Int]
        var days: [Int]
        var builds: [[Int]]
        /// Bit per required group that the item's category satisfies.
        var covers: [UInt32]
        var kinds: Int
    }

    private func tables() -> Tables {
        var kindNumbers: [String: Int] = [:]
        var tables = Tables(
            cost: [], hours: [], special: [], category: [], kind: [], bonus: [], mix: [], lane: [], days: [], builds: [],
            covers: [], kinds: 0)
        for candidate in candidates {
            tables.cost.append(candidate.cost)
            tables.hours.append(candidate.item.hours)
            tables.special.append(candidate.isSpecialProject)
            tables.category.append(candidate.categoryIndex)
            if let kind = candidate.item.kind {
                let key = candidate.item.category.rawValue + "/" + kind
                if kindNumbers[key] == nil { kindNumbers[key] = kindNumbers.count }
                tables.kind.append(kindNumbers[key]!)
            } else {
                tables.kind.append(-1)
            }
            tables.bonus.append(candidate.bonus)
            tables.mix.append(candidate.mixClass)
            tables.lane.append(PlanScheduler.lane(of: candidate.item.category).lane)
            tables.days.append(candidate.item.weeks * 7)
            tables.builds.append(candidate.builds)
            var bits: UInt32 = 0
            for (group, categories) in required.enumerated() where categories.contains(candidate.categoryIndex) {
                bits |= 1 << UInt32(group)
            }
            tables.covers.append(bits)
        }
        tables.kinds = kindNumbers.count
        return tables
    }

    /// The running totals of a chosen set, updated item by item.
    private struct State {
        var chosen: [Int] = []
        var counts: [Int]
        var cost = 0.0
        var development = 0.0
        var special = 0.0
        var perCategory: [Int]
        var kindsUsed: [Int]
        var bonus = 0.0
        var mixHours = [0.0, 0.0, 0.0]
        var laneDays = [0, 0, 0]
        /// How many chosen items satisfy each required group.
        var groupCounts: [Int]
        /// How many required groups have at least one item.
        var covered = 0
        /// How many categories hold more items than allowed, and kinds more than one.
        var overfull = 0

        init(dimensions: Int, categories: Int, kinds: Int, groups: Int) {
            counts = Array(repeating: 0, count: dimensions)
            perCategory = Array(repeating: 0, count: categories)
            kindsUsed = Array(repeating: 0, count: kinds)
            groupCounts = Array(repeating: 0, count: groups)
        }
    }

    private func apply(_ index: Int, _ sign: Int, to state: inout State, _ t: Tables) {
        let s = Double(sign)
        for dimension in t.builds[index] { state.counts[dimension] += sign }
        state.cost += s * t.cost[index]
        if t.special[index] { state.special += s * t.hours[index] } else { state.development += s * t.hours[index] }
        let category = t.category[index]
        let categoryBefore = state.perCategory[category]
        state.perCategory[category] += sign
        if (categoryBefore > settings.maxPerCategory) != (state.perCategory[category] > settings.maxPerCategory) {
            state.overfull += sign
        }
        let kind = t.kind[index]
        if kind >= 0 {
            let kindBefore = state.kindsUsed[kind]
            state.kindsUsed[kind] += sign
            if (kindBefore > 1) != (state.kindsUsed[kind] > 1) { state.overfull += sign }
        }
        state.bonus += s * t.bonus[index]
        state.mixHours[t.mix[index]] += s * t.hours[index]
        let lane = t.lane[index]
        let laneBefore = state.laneDays[lane]
        state.laneDays[lane] += sign * t.days[index]
        if (laneBefore > limits.laneDays[lane]) != (state.laneDays[lane] > limits.laneDays[lane]) { state.overfull += sign }
        var bits = t.covers[index]
        var group = 0
        while bits != 0 {
            if bits & 1 != 0 {
                let before = state.groupCounts[group]
                state.groupCounts[group] += sign
                if (before > 0) != (state.groupCounts[group] > 0) { state.covered += sign }
            }
            bits >>= 1
            group += 1
        }
    }

    private func stateFits(_ state: State) -> Bool {
        state.overfull == 0 && state.chosen.count <= settings.maxItems && state.cost <= limits.budget + 1e-9
            && state.development <= limits.developmentHours + 1e-9 && state.special <= limits.specialProjectHours + 1e-9
    }

    /// What the items bring themselves: gaps closed, interests, required categories covered.
    private func ownValue(_ state: State) -> Double {
        var closed = 0.0
        for (dimension, gap) in gaps.enumerated() where gap > 0 {
            closed += min(gap, settings.closurePoints * Double(state.counts[dimension]))
        }
        return closed + state.bonus + settings.requiredBonus * Double(state.covered)
    }

    /// The distance from the learning mix, weighted.
    private func mixPenalty(_ state: State) -> Double {
        let total = state.mixHours[0] + state.mixHours[1] + state.mixHours[2]
        guard total > 0 else { return 0 }
        let distance = abs(state.mixHours[0] / total * 100 - settings.mix.onTheJob)
            + abs(state.mixHours[1] / total * 100 - settings.mix.social)
            + abs(state.mixHours[2] / total * 100 - settings.mix.formal)
        return settings.mixWeight * distance
    }

    private func fullValue(_ state: State) -> Double { ownValue(state) - mixPenalty(state) }

    private func build(_ indices: [Int], _ t: Tables) -> State {
        var state = State(dimensions: gaps.count, categories: Catalog.Category.allCases.count, kinds: t.kinds, groups: required.count)
        for index in indices {
            apply(index, 1, to: &state, t)
            state.chosen.append(index)
        }
        return state
    }

    // MARK: - The same rules on index lists (for tests and callers)

    /// The value of a set of candidates (by index). Without `mix`, the value leaves out the
    /// lean toward the learning mix: what the items themselves bring.
    func value(_ chosen: [Int], mix: Bool = true) -> Double {
        let state = build(chosen, tables())
        return mix ? fullValue(state) : ownValue(state)
    }

    func fits(_ chosen: [Int]) -> Bool {
        stateFits(build(chosen, tables()))
    }

    // MARK: - Selection

    /// The share of the limits an item uses, so cheap, short items are preferred at equal gain.
    private func weight(of index: Int, _ t: Tables) -> Double {
        var share = 0.01
        if limits.budget > 0 { share += t.cost[index] / limits.budget }
        let hoursLimit = t.special[index] ? limits.specialProjectHours : limits.developmentHours
        if hoursLimit > 0 { share += t.hours[index] / hoursLimit }
        return share
    }

    /// The chosen candidates' indices, in catalog order.
    func select() -> [Int] {
        let t = tables()
        var state = build([], t)
        var inSet = [Bool](repeating: false, count: candidates.count)

        // Greedy: among the items that bring something themselves (a gap, an interest, a
        // missing category), the best gain in full value per share of the limits. The full
        // gain may dip below zero early on, while one item alone skews the learning mix.
        while true {
            let own = ownValue(state)
            let current = fullValue(state)
            var best: (index: Int, ratio: Double)?
            for index in candidates.indices where !inSet[index] {
                apply(index, 1, to: &state, t)
                state.chosen.append(index)
                if stateFits(state), ownValue(state) > own + 1e-9 {
                    let ratio = (fullValue(state) - current) / weight(of: index, t)
                    if best == nil || ratio > best!.ratio + 1e-12 { best = (index, ratio) }
                }
                state.chosen.removeLast()
                apply(index, -1, to: &state, t)
            }
            guard let pick = best else { break }
            apply(pick.index, 1, to: &state, t)
            state.chosen.append(pick.index)
            inSet[pick.index] = true
        }

        // Local search: removals, one-for-one swaps and additions while the full value rises.
        var current = fullValue(state)
        var improved = true
        var rounds = 0
        while improved, rounds < 50 {
            improved = false
            rounds += 1
            for position in state.chosen.indices.reversed() {
                let out = state.chosen[position]
                apply(out, -1, to: &state, t)
                state.chosen.remove(at: position)
                let trial = fullValue(state)
                if trial > current + 1e-9 {
                    inSet[out] = false
                    current = trial
                    improved = true
                } else {
                    state.chosen.insert(out, at: position)
                    apply(out, 1, to: &state, t)
                }
            }
            search: for position in state.chosen.indices {
                let out = state.chosen[position]
                apply(out, -1, to: &state, t)
                for index in candidates.indices where !inSet[index] {
                    apply(index, 1, to: &state, t)
                    state.chosen[position] = index
                    if stateFits(state) {
                        let trial = fullValue(state)
                        if trial > current + 1e-9 {
                            inSet[out] = false
                            inSet[index] = true
                            current = trial
                            improved = true
                            break search
                        }
                    }
                    apply(index, -1, to: &state, t)
                }
                state.chosen[position] = out
                apply(out, 1, to: &state, t)
            }
            for index in candidates.indices where !inSet[index] {
                let own = ownValue(state)
                apply(index, 1, to: &state, t)
                state.chosen.append(index)
                if stateFits(state), ownValue(state) > own + 1e-9, fullValue(state) > current + 1e-9 {
                    inSet[index] = true
                    current = fullValue(state)
                    improved = true
                } else {
                    state.chosen.removeLast()
                    apply(index, -1, to: &state, t)
                }
            }
        }
        return state.chosen.sorted()
    }
}
