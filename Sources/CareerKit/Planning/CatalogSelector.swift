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

    /// One candidate as plain numbers.
    private struct Row {
        var cost: Double
        var hours: Double
        var special: Bool
        var category: Int
        /// A number per (category, kind), -1 where the item has no kind.
        var kind: Int
        var bonus: Double
        var mix: Int
        var lane: Int
        var days: Int
        /// Bit per required group that the item's category satisfies.
        var covers: UInt32
    }

    private struct Tables {
        var rows: [Row]
        /// Per candidate, how often it builds each dimension: `dimensions` numbers a candidate.
        var buildCounts: [Int]
        var dimensions: Int
        var kinds: Int
        /// The dimensions with a gap to close, in order, with their gaps.
        var openGaps: [(dimension: Int, gap: Double)]
    }

    private func tables() -> Tables {
        var kindNumbers: [String: Int] = [:]
        var rows: [Row] = []
        rows.reserveCapacity(candidates.count)
        var buildCounts = [Int](repeating: 0, count: candidates.count * gaps.count)
        for (index, candidate) in candidates.enumerated() {
            var kind = -1
            if let name = candidate.item.kind {
                let key = candidate.item.category.rawValue + "/" + name
                if kindNumbers[key] == nil { kindNumbers[key] = kindNumbers.count }
                kind = kindNumbers[key]!
            }
            var bits: UInt32 = 0
            for (group, categories) in required.enumerated() where categories.contains(candidate.categoryIndex) {
                bits |= 1 << UInt32(group)
            }
            rows.append(
                Row(
                    cost: candidate.cost, hours: candidate.item.hours, special: candidate.isSpecialProject,
                    category: candidate.categoryIndex, kind: kind, bonus: candidate.bonus, mix: candidate.mixClass,
                    lane: PlanScheduler.lane(of: candidate.item.category).lane, days: candidate.item.weeks * 7, covers: bits))
            for dimension in candidate.builds { buildCounts[index * gaps.count + dimension] += 1 }
        }
        let openGaps = gaps.enumerated().filter { $0.element > 0 }.map { (dimension: $0.offset, gap: $0.element) }
        return Tables(rows: rows, buildCounts: buildCounts, dimensions: gaps.count, kinds: kindNumbers.count, openGaps: openGaps)
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
        let row = t.rows[index]
        let builds = index * t.dimensions
        for dimension in 0..<t.dimensions where t.buildCounts[builds + dimension] != 0 {
            state.counts[dimension] += sign * t.buildCounts[builds + dimension]
        }
        state.cost += s * row.cost
        if row.special { state.special += s * row.hours } else { state.development += s * row.hours }
        let categoryBefore = state.perCategory[row.category]
        state.perCategory[row.category] += sign
        if (categoryBefore > settings.maxPerCategory) != (state.perCategory[row.category] > settings.maxPerCategory) {
            state.overfull += sign
        }
        if row.kind >= 0 {
            let kindBefore = state.kindsUsed[row.kind]
            state.kindsUsed[row.kind] += sign
            if (kindBefore > 1) != (state.kindsUsed[row.kind] > 1) { state.overfull += sign }
        }
        state.bonus += s * row.bonus
        state.mixHours[row.mix] += s * row.hours
        let laneBefore = state.laneDays[row.lane]
        state.laneDays[row.lane] += sign * row.days
        if (laneBefore > limits.laneDays[row.lane]) != (state.laneDays[row.lane] > limits.laneDays[row.lane]) {
            state.overfull += sign
        }
        var bits = row.covers
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

    private func fits(cost: Double, development: Double, special: Double, items: Int, overfull: Int) -> Bool {
        overfull == 0 && items <= settings.maxItems && cost <= limits.budget + 1e-9
            && development <= limits.developmentHours + 1e-9 && special <= limits.specialProjectHours + 1e-9
    }

    private func stateFits(_ state: State) -> Bool {
        fits(
            cost: state.cost, development: state.development, special: state.special, items: state.chosen.count,
            overfull: state.overfull)
    }

    /// What the items bring themselves: gaps closed, interests, required categories covered.
    private func ownValue(_ state: State, _ t: Tables) -> Double {
        var closed = 0.0
        for (dimension, gap) in t.openGaps {
            closed += min(gap, settings.closurePoints * Double(state.counts[dimension]))
        }
        return closed + state.bonus + settings.requiredBonus * Double(state.covered)
    }

    /// The distance from the learning mix, weighted, for these hours on the job, social and formal.
    private func mixPenalty(_ onTheJob: Double, _ social: Double, _ formal: Double) -> Double {
        let total = onTheJob + social + formal
        guard total > 0 else { return 0 }
        let distance = abs(onTheJob / total * 100 - settings.mix.onTheJob)
            + abs(social / total * 100 - settings.mix.social)
            + abs(formal / total * 100 - settings.mix.formal)
        return settings.mixWeight * distance
    }

    private func fullValue(_ state: State, _ t: Tables) -> Double {
        ownValue(state, t) - mixPenalty(state.mixHours[0], state.mixHours[1], state.mixHours[2])
    }

    private func build(_ indices: [Int], _ t: Tables) -> State {
        var state = State(dimensions: gaps.count, categories: Catalog.Category.allCases.count, kinds: t.kinds, groups: required.count)
        for index in indices {
            apply(index, 1, to: &state, t)
            state.chosen.append(index)
        }
        return state
    }

    // MARK: - Trying an item without adding it

    /// What the state would be worth with one more item: its own and full value, or nil when
    /// it would not fit. The same numbers, rounded the same way, as adding the item to the
    /// state and measuring it, without touching the state.
    ///
    /// - Parameter items: how many items the state would then hold.
    private func valueAdding(_ index: Int, to state: State, items: Int, _ t: Tables) -> (own: Double, full: Double)? {
        let row = t.rows[index]
        var overfull = state.overfull
        let categoryBefore = state.perCategory[row.category]
        if (categoryBefore > settings.maxPerCategory) != (categoryBefore + 1 > settings.maxPerCategory) { overfull += 1 }
        if row.kind >= 0 {
            let kindBefore = state.kindsUsed[row.kind]
            if (kindBefore > 1) != (kindBefore + 1 > 1) { overfull += 1 }
        }
        let laneBefore = state.laneDays[row.lane]
        if (laneBefore > limits.laneDays[row.lane]) != (laneBefore + row.days > limits.laneDays[row.lane]) { overfull += 1 }
        var development = state.development
        var special = state.special
        if row.special { special += row.hours } else { development += row.hours }
        guard fits(cost: state.cost + row.cost, development: development, special: special, items: items, overfull: overfull)
        else { return nil }

        var covered = state.covered
        var bits = row.covers
        var group = 0
        while bits != 0 {
            if bits & 1 != 0, state.groupCounts[group] == 0 { covered += 1 }
            bits >>= 1
            group += 1
        }
        var closed = 0.0
        let builds = index * t.dimensions
        for (dimension, gap) in t.openGaps {
            closed += min(gap, settings.closurePoints * Double(state.counts[dimension] + t.buildCounts[builds + dimension]))
        }
        let own = closed + (state.bonus + row.bonus) + settings.requiredBonus * Double(covered)
        var mix = (state.mixHours[0], state.mixHours[1], state.mixHours[2])
        switch row.mix {
        case 0: mix.0 += row.hours
        case 1: mix.1 += row.hours
        default: mix.2 += row.hours
        }
        return (own, own - mixPenalty(mix.0, mix.1, mix.2))
    }

    /// Leaves the running sums as adding and then removing the item would: `x + c - c` can
    /// differ from `x` in the last bit, and the search has always carried that rounding, so
    /// repeating it keeps every plan exactly as it was.
    private func retrace(_ index: Int, in state: inout State, _ t: Tables) {
        let row = t.rows[index]
        state.cost = (state.cost + row.cost) - row.cost
        if row.special {
            state.special = (state.special + row.hours) - row.hours
        } else {
            state.development = (state.development + row.hours) - row.hours
        }
        state.bonus = (state.bonus + row.bonus) - row.bonus
        state.mixHours[row.mix] = (state.mixHours[row.mix] + row.hours) - row.hours
    }

    // MARK: - The same rules on index lists (for tests and callers)

    /// The value of a set of candidates (by index). Without `mix`, the value leaves out the
    /// lean toward the learning mix: what the items themselves bring.
    func value(_ chosen: [Int], mix: Bool = true) -> Double {
        let t = tables()
        let state = build(chosen, t)
        return mix ? fullValue(state, t) : ownValue(state, t)
    }

    func fits(_ chosen: [Int]) -> Bool {
        stateFits(build(chosen, tables()))
    }

    // MARK: - Selection

    /// The share of the limits an item uses, so cheap, short items are preferred at equal gain.
    private func weight(of index: Int, _ t: Tables) -> Double {
        var share = 0.01
        if limits.budget > 0 { share += t.rows[index].cost / limits.budget }
        let hoursLimit = t.rows[index].special ? limits.specialProjectHours : limits.developmentHours
        if hoursLimit > 0 { share += t.rows[index].hours / hoursLimit }
        return share
    }

    /// The chosen candidates' indices, in catalog order.
    func select() -> [Int] {
        let t = tables()
        let weights = candidates.indices.map { weight(of: $0, t) }
        var state = build([], t)
        var inSet = [Bool](repeating: false, count: candidates.count)

        // Greedy: among the items that bring something themselves (a gap, an interest, a
        // missing category), the best gain in full value per share of the limits. The full
        // gain may dip below zero early on, while one item alone skews the learning mix.
        while true {
            let own = ownValue(state, t)
            let current = fullValue(state, t)
            var best: (index: Int, ratio: Double)?
            for index in candidates.indices where !inSet[index] {
                if let trial = valueAdding(index, to: state, items: state.chosen.count + 1, t), trial.own > own + 1e-9 {
                    let ratio = (trial.full - current) / weights[index]
                    if best == nil || ratio > best!.ratio + 1e-12 { best = (index, ratio) }
                }
                retrace(index, in: &state, t)
            }
            guard let pick = best else { break }
            apply(pick.index, 1, to: &state, t)
            state.chosen.append(pick.index)
            inSet[pick.index] = true
        }

        // Local search: removals, one-for-one swaps and additions while the full value rises.
        var current = fullValue(state, t)
        var improved = true
        var rounds = 0
        while improved, rounds < 50 {
            improved = false
            rounds += 1
            for position in state.chosen.indices.reversed() {
                let out = state.chosen[position]
                apply(out, -1, to: &state, t)
                state.chosen.remove(at: position)
                let trial = fullValue(state, t)
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
                    if let trial = valueAdding(index, to: state, items: state.chosen.count, t), trial.full > current + 1e-9 {
                        apply(index, 1, to: &state, t)
                        state.chosen[position] = index
                        inSet[out] = false
                        inSet[index] = true
                        current = trial.full
                        improved = true
                        break search
                    }
                    retrace(index, in: &state, t)
                }
                apply(out, 1, to: &state, t)
            }
            for index in candidates.indices where !inSet[index] {
                if let trial = valueAdding(index, to: state, items: state.chosen.count + 1, t),
                    trial.own > ownValue(state, t) + 1e-9, trial.full > current + 1e-9
                {
                    apply(index, 1, to: &state, t)
                    state.chosen.append(index)
                    inSet[index] = true
                    current = trial.full
                    improved = true
                } else {
                    retrace(index, in: &state, t)
                }
            }
        }
        return state.chosen.sorted()
    }
}
