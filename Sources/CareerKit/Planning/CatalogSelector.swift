/// Chooses catalog items for a plan: the set that closes the largest gaps and answers the
/// person's interests, within the budget and the hours.
///
/// It is a near-exact optimisation, not first-fit: a greedy pass adds, one at a time, the
/// item with the best gain in plan value per share of budget and hours used, then a swap pass
/// exchanges one chosen item for one left out whenever that raises the value, until no swap
/// does. Plan value has diminishing returns (a gap closes once), so a plain additive
/// knapsack would over-fill one dimension; greedy-plus-swap handles that, and on small
/// candidate pools it is checked against the exhaustive optimum in the tests.
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

    /// The value of a set of candidates (by index). Without `mix`, the value leaves out the
    /// lean toward the learning mix: what the items themselves bring.
    func value(_ chosen: [Int], mix: Bool = true) -> Double {
        var counts = [Int](repeating: 0, count: gaps.count)
        var bonus = 0.0
        var mixHours = [0.0, 0.0, 0.0]
        var categories = Set<Int>()
        for index in chosen {
            let candidate = candidates[index]
            for dimension in candidate.builds { counts[dimension] += 1 }
            bonus += candidate.bonus
            mixHours[candidate.mixClass] += candidate.item.hours
            categories.insert(candidate.categoryIndex)
        }
        var closed = 0.0
        for (dimension, gap) in gaps.enumerated() where gap > 0 {
            closed += min(gap, settings.closurePoints * Double(counts[dimension]))
        }
        let covered = required.filter { !$0.isDisjoint(with: categories) }.count
        var mixPenalty = 0.0
        let total = mixHours.reduce(0, +)
        if mix, total > 0 {
            let targets = [settings.mix.onTheJob, settings.mix.social, settings.mix.formal]
            for k in 0..<3 { mixPenalty += abs(mixHours[k] / total * 100 - targets[k]) }
        }
        return closed + bonus + settings.requiredBonus * Double(covered) - settings.mixWeight * mixPenalty
    }

    func fits(_ chosen: [Int]) -> Bool {
        var cost = 0.0
        var development = 0.0
        var special = 0.0
        var perCategory: [Int: Int] = [:]
        var kinds: Set<String> = []
        for index in chosen {
            let candidate = candidates[index]
            // One item of each kind (one conference, one hiring-loop project): variety over repeats.
            if let kind = candidate.item.kind, !kinds.insert(candidate.item.category.rawValue + kind).inserted { return false }
            cost += candidate.cost
            if candidate.isSpecialProject { special += candidate.item.hours } else { development += candidate.item.hours }
            perCategory[candidate.categoryIndex, default: 0] += 1
        }
        return chosen.count <= settings.maxItems && cost <= limits.budget + 1e-9
            && development <= limits.developmentHours + 1e-9 && special <= limits.specialProjectHours + 1e-9
            && perCategory.values.allSatisfy { $0 <= settings.maxPerCategory }
    }

    /// The share of the limits an item uses, so cheap, short items are preferred at equal gain.
    private func weight(of index: Int) -> Double {
        let candidate = candidates[index]
        var share = 0.01
        if limits.budget > 0 { share += candidate.cost / limits.budget }
        let hoursLimit = candidate.isSpecialProject ? limits.specialProjectHours : limits.developmentHours
        if hoursLimit > 0 { share += candidate.item.hours / hoursLimit }
        return share
    }

    /// The chosen candidates' indices, in catalog order.
    func select() -> [Int] {
        var chosen: [Int] = []
        // Greedy: among the items that bring something themselves (a gap, an interest, a
        // missing category), the best gain in full value per share of the limits. The full
        // gain may dip below zero early on, while one item alone skews the learning mix.
        while true {
            let own = value(chosen, mix: false)
            let current = value(chosen)
            var best: (index: Int, ratio: Double)?
            for index in candidates.indices where !chosen.contains(index) {
                let trial = chosen + [index]
                guard fits(trial), value(trial, mix: false) > own + 1e-9 else { continue }
                let ratio = (value(trial) - current) / weight(of: index)
                if best == nil || ratio > best!.ratio + 1e-12 { best = (index, ratio) }
            }
            guard let pick = best else { break }
            chosen.append(pick.index)
        }
        // Then swaps (one in, one out), additions and removals while the full value rises.
        var current = value(chosen)
        var improved = true
        var rounds = 0
        while improved, rounds < 50 {
            improved = false
            rounds += 1
            for position in chosen.indices.reversed() {
                var trial = chosen
                trial.remove(at: position)
                let trialValue = value(trial)
                if trialValue > current + 1e-9 {
                    chosen = trial
                    current = trialValue
                    improved = true
                }
            }
            search: for position in chosen.indices {
                for index in candidates.indices where !chosen.contains(index) {
                    var trial = chosen
                    trial[position] = index
                    guard fits(trial) else { continue }
                    let trialValue = value(trial)
                    if trialValue > current + 1e-9 {
                        chosen = trial
                        current = trialValue
                        improved = true
                        break search
                    }
                }
            }
            for index in candidates.indices where !chosen.contains(index) {
                let trial = chosen + [index]
                if fits(trial), value(trial, mix: false) > value(chosen, mix: false) + 1e-9, value(trial) > current + 1e-9 {
                    chosen = trial
                    current = value(trial)
                    improved = true
                }
            }
        }
        return chosen.sorted()
    }
}
