/// One part of the conversation in GROW order: goal, reality, options, will.
public struct BankSection: Hashable, Sendable {
    public var id: String
    public var title: String
    /// Shown when the section starts.
    public var intro: String
    public var items: [BankItem]

    public init(id: String, title: String, intro: String, items: [BankItem]) {
        self.id = id
        self.title = title
        self.intro = intro
        self.items = items
    }

    /// The section ids, in the order a conversation takes them.
    public static let growOrder = ["goal", "reality", "options", "will"]
}
