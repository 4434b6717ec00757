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

    public init(
        id: String, role: Role, modes: Set<Mode>, kind: ItemKind, text: String, help: String,
        optional: Bool = false, dimension: String? = nil, short: String? = nil, condition: Condition? = nil,
        section: String
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
    }
}
