/// One part of the conversation in GROW order: goal, reality, options, will.
public struct BankSection: Hashable, Sendable {
    public var id: String
    public var title: String
    /// Shown when the section starts, worded for who is at the keyboard in each mode. A mode
    /// without its own intro shows none.
    public var intros: [Mode: String]
    public var items: [BankItem]

    public init(id: String, title: String, intros: [Mode: String], items: [BankItem]) {
        self.id = id
        self.title = title
        self.intros = intros
        self.items = items
    }

    /// The intro for a mode, or "" when there is none.
    public func intro(for mode: Mode) -> String {
        intros[mode] ?? ""
    }

    /// The section ids, in the order a conversation takes them.
    public static let growOrder = ["goal", "reality", "options", "will"]
}
