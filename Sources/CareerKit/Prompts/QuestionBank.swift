/// All the questions, grouped into sections in GROW order.
public struct QuestionBank: Sendable {
    public var scales: [String: Scale]
    public var sections: [BankSection]
    /// How a one-on-one that follows both preparations introduces the differences it talks about.
    public var differences: Differences

    /// The words of the part of a one-on-one where the two prepared views differ.
    public struct Differences: Hashable, Sendable {
        public var title: String
        public var intro: String

        public init(title: String, intro: String) {
            self.title = title
            self.intro = intro
        }
    }
    /// Every item in asking order.
    public let items: [BankItem]
    private let index: [String: Int]

    public init(scales: [String: Scale], sections: [BankSection], differences: Differences) {
        self.scales = scales
        self.sections = sections
        self.differences = differences
        self.items = sections.flatMap(\.items)
        var index: [String: Int] = [:]
        for (position, item) in items.enumerated() where index[item.id] == nil {
            index[item.id] = position
        }
        self.index = index
    }

    /// The item with this id, or nil.
    public func item(_ id: String) -> BankItem? {
        index[id].map { items[$0] }
    }

    /// The items a role answers, in asking order.
    public func items(for role: Role) -> [BankItem] {
        items.filter { $0.role == role }
    }

    /// The rating items that feed a scoring dimension (the choices of `top3`).
    public var dimensionItems: [BankItem] {
        items.filter { $0.dimension != nil }
    }

    /// The section with this id.
    public func section(_ id: String) -> BankSection? {
        sections.first { $0.id == id }
    }
}
