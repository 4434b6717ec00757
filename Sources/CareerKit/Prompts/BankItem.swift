/// One question of the bank: who answers it, when, what it asks and what it accepts.
public struct BankItem: Hashable, Sendable, Identifiable {
    /// The fixed id, e.g. `depth.mastery`.
    public var id: String
    public var role: Role
    public var modes: Set<Mode>
    public var kind: ItemKind
    /// The question as it is asked.
    public var text: String
    /// One line that explains the question.
    public var help: String
    /// Whether the question may be skipped.
    public var optional: Bool
    /// The scoring dimension a rating question feeds, when it feeds one.
    public var dimension: String?
    /// A few words naming the question when picking the top three.
    public var short: String?
    /// When set, the question is asked only if the condition holds.
    public var condition: Condition?
    /// The section (goal, reality, options, will) the question belongs to.
    public var section: String
    /// What the number means when it is not a count, e.g. `percent` (so `10%` is read as 10).
    public var unit: Unit?
    /// In a one-on-one that follows both preparations, the question is gone through again,
    /// together, with the prepared answer as the default.
    public var together: Bool
    /// An item this one is asked after, in every mode that asks both: a manager's judgement
    /// comes after the contributor's own ratings, so it cannot anchor them.
    public var after: String?
    /// What the card shows above the question, e.g. the next level's promotion criteria.
    public var shows: Display?
    /// In a follow-up (a session after an earlier one of the same kind), whether the question
    /// is asked again with the earlier answer as the default, or that answer kept unasked.
    public var followUp: OnFollowUp

    /// What a follow-up does with a question answered in the earlier session.
    public enum OnFollowUp: String, CaseIterable, Hashable, Sendable {
        /// Asked again, the earlier answer offered as the default: what is likely to change.
        case ask
        /// The earlier answer kept without asking: stable preferences and motives.
        case keep
    }

    /// What a number counts, when it is not plain.
    public enum Unit: String, CaseIterable, Hashable, Sendable {
        case percent
    }

    /// Something shown with the question.
    public enum Display: String, CaseIterable, Hashable, Sendable {
        /// The promotion criteria of the next level on the person's track.
        case nextLevelCriteria = "next_level_criteria"
    }

    public init(
        id: String, role: Role, modes: Set<Mode>, kind: ItemKind, text: String, help: String,
        optional: Bool = false, dimension: String? = nil, short: String? = nil, condition: Condition? = nil,
        section: String, unit: Unit? = nil, together: Bool = false, after: String? = nil, shows: Display? = nil,
        followUp: OnFollowUp = .ask
    ) {
        self.id = id
        self.role = role
        self.modes = modes
        self.kind = kind
        self.text = text
        self.help = help
        self.optional = optional
        self.dimension = dimension
        self.short = short
        self.condition = condition
        self.section = section
        self.unit = unit
        self.together = together
        self.after = after
        self.shows = shows
        self.followUp = followUp
    }
}
