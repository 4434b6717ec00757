/// The question being asked now, with where the dialog stands.
public struct Question: Hashable, Sendable {
    /// The item asked; for a difference between the two views, the manager's item an agreed
    /// value is written to.
    public var item: BankItem
    public var section: BankSection
    /// 1-based position among the questions this session asks.
    public var index: Int
    /// How many questions this session asks, given the answers so far.
    public var total: Int
    /// The answer given earlier, when the question is visited again (or prepared beforehand).
    public var currentAnswer: AnswerValue?
    /// In a follow-up, whether `currentAnswer` is the earlier session's, not yet confirmed.
    public var lastTime: Bool = false
    /// The difference talked about, when this step is one.
    public var gap: ViewGap?
    /// What was decided about that difference, when the step is visited again.
    public var outcome: GapOutcome?

    /// Who answers: the contributor or the manager (for a difference, both of them together).
    public var role: Role { item.role }
}
