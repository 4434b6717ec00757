/// The question being asked now, with where the dialog stands.
public struct Question: Hashable, Sendable {
    public var item: BankItem
    public var section: BankSection
    /// 1-based position among the questions this session asks.
    public var index: Int
    /// How many questions this session asks, given the answers so far.
    public var total: Int
    /// The answer given earlier, when the question is visited again.
    public var currentAnswer: AnswerValue?

    /// Who answers: the contributor or the manager.
    public var role: Role { item.role }
}
