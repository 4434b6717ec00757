/// The fixed contract of `docs/contract.md`: the items every bank must have, with their role
/// and type. Wording is the bank's; ids, roles, types and ranges are not.
public enum Instrument {
    public struct Requirement: Sendable {
        public var id: String
        public var role: Role
        /// What the item's kind must be: checked by `matches(_:)`.
        public var expected: String
        let matches: @Sendable (ItemKind) -> Bool
    }

    /// The contributor's three picks among the rating items that matter most to them.
    public static let topPicks = "top3"

    static let dimensionGroups: [(prefix: String, dimension: String, suffixes: [String])] = [
        ("depth", "technical_depth", ["mastery", "learning", "identity"]),
        ("maker", "maker_energy", ["flow", "hands_on", "shipping"]),
        ("focus", "focus_protection", ["deep_blocks", "meetings_drain", "interruptions"]),
        ("people", "growing_people", ["growth", "one_on_ones", "hiring"]),
        ("hard", "hard_conversations", ["feedback", "conflict", "emotional_load"]),
        ("others", "outcomes_through_others", ["team_outcomes", "priorities", "coordination"]),
        ("leverage", "technical_leverage", ["cross_team", "architecture", "strategy"]),
        ("challenge", "challenge", ["hard_problems", "variety", "title_indifferent"]),
    ]

    /// The 24 rating items of the eight dimension groups, with the dimension each feeds.
    public static let dimensionItems: [(id: String, dimension: String)] = dimensionGroups.flatMap { group in
        group.suffixes.map { ("\(group.prefix).\($0)", group.dimension) }
    }

    public static let networkingKinds = CatalogLoader.networkingKinds
    public static let projectKinds = CatalogLoader.projectKinds

    public static let requirements: [Requirement] = {
        func scale(_ id: String, _ role: Role, _ name: String, _ range: ClosedRange<Int>) -> Requirement {
            Requirement(id: id, role: role, expected: "type scale with scale \(name) (\(range.lowerBound)..\(range.upperBound))") {
                if case .scale(let scale) = $0 { return scale.points == range }
                return false
            }
        }
        func choice(_ id: String, _ role: Role, _ values: [String]) -> Requirement {
            Requirement(id: id, role: role, expected: "type choice with the values \(values.joined(separator: ", "))") {
                if case .choice(let choices) = $0 { return Set(choices.map(\.value)) == Set(values) }
                return false
            }
        }
        func multi(_ id: String, _ values: [String]?) -> Requirement {
            let what = values.map { " with the values \($0.joined(separator: ", "))" } ?? ""
            return Requirement(id: id, role: .contributor, expected: "type multi\(what)") {
                if case .multi(let choices) = $0 { return values.map { Set(choices.map(\.value)) == Set($0) } ?? true }
                return false
            }
        }
        func integer(_ id: String, _ range: ClosedRange<Int>) -> Requirement {
            Requirement(id: id, role: id.hasPrefix("goal") ? .contributor : .manager,
                        expected: "type integer with min \(range.lowerBound) and max \(range.upperBound)") {
                if case .integer(let min, let max) = $0 { return min == range.lowerBound && max == range.upperBound }
                return false
            }
        }
        func text(_ id: String) -> Requirement {
            Requirement(id: id, role: .contributor, expected: "type text with max_length 2000") {
                if case .text(let length) = $0 { return length == 2000 }
                return false
            }
        }
        var all: [Requirement] = dimensionItems.map { scale($0.id, .contributor, "agree6", 1...6) }
        all += ["motive.pay_status", "anchor.autonomy", "anchor.lifestyle", "anchor.security"].map {
            scale($0, .contributor, "agree6", 1...6)
        }
        all.append(
            Requirement(id: topPicks, role: .contributor, expected: "type pick with count 3 and choices_from dimension_items") {
                if case .pick(let count, _) = $0 { return count == 3 }
                return false
            })
        all += ["ladder.technical", "ladder.managerial", "ladder.projects"].map {
            scale($0, .contributor, "attract7", 1...7)
        }
        all.append(choice("goal.promotion", .contributor, ["seeking", "open", "not_now"]))
        all.append(integer("goal.horizon_months", 3...36))
        all += ["goal.statement", "reality.energizers", "reality.drainers"].map(text)
        all.append(multi("interest.certifications", nil))
        all.append(multi("interest.networking", networkingKinds))
        all.append(multi("interest.projects", projectKinds))
        all += ["obs.depth", "obs.craft", "obs.mentoring", "obs.hard_conversations", "obs.coordination",
                "obs.influence", "obs.problem_solving"].map { scale($0, .manager, "seen6", 1...6) }
        all.append(choice("view.track", .manager, ["ic", "management", "hybrid", "unsure"]))
        all.append(choice("view.readiness", .manager, ["ready_now", "within_1y", "within_2y", "not_yet"]))
        all.append(integer("capacity.dev_hours_per_month", 0...80))
        all.append(integer("capacity.special_project_percent", 0...50))
        all.append(
            Requirement(id: "budget.amount", role: .manager, expected: "type number with min 0") {
                if case .number(let min, _) = $0 { return min == 0 }
                return false
            })
        all.append(
            Requirement(id: "budget.currency", role: .manager, expected: "type currency") {
                $0 == .currency
            })
        return all
    }()
}
