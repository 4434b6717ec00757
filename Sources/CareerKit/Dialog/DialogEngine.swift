/// A pure state machine over the question bank: which question comes next for a mode, checking
/// each typed answer, going back, skipping optional questions, and asking follow-up questions
/// only when an earlier answer makes them relevant. It does no input or output.
public struct DialogEngine: Sendable {
    public let bank: QuestionBank
    public let mode: Mode
    /// Accepted answers by role, then item id.
    public private(set) var answers: [Role: [String: AnswerValue]]
    /// Optional items left unanswered on purpose.
    public private(set) var skipped: Set<String>
    /// The position in `bank.items` of the question being asked, or nil when finished.
    private var position: Int?

    /// Starts a dialog, or resumes one at the first question still open.
    public init(
        bank: QuestionBank, mode: Mode, answers: [Role: [String: AnswerValue]] = [:], skipped: Set<String> = []
    ) {
        self.bank = bank
        self.mode = mode
        self.answers = answers
        self.skipped = skipped
        self.position = nil
        self.position = firstOpen()
    }

    /// The question to ask now, or nil when the dialog is finished.
    public var current: Question? {
        guard let position else { return nil }
        let item = bank.items[position]
        let asked = askedPositions()
        return Question(
            item: item, section: bank.section(item.section) ?? BankSection(id: item.section, title: item.section, intro: "", items: []),
            index: (asked.firstIndex(of: position) ?? 0) + 1, total: asked.count,
            currentAnswer: answers[item.role]?[item.id])
    }

    public var isFinished: Bool { position == nil }

    /// The questions this session asks given the answers so far, in order.
    public var askedItems: [BankItem] {
        askedPositions().map { bank.items[$0] }
    }

    /// Handles one input and says what happened.
    @discardableResult
    public mutating func handle(_ input: DialogInput) -> DialogEvent {
        guard let position else { return .finished }
        let item = bank.items[position]
        switch input {
        case .back:
            guard let previous = askedPositions().last(where: { $0 < position }) else { return .atFirstQuestion }
            self.position = previous
            return .wentBack(toItemID: bank.items[previous].id)
        case .skip:
            guard item.optional else { return .cannotSkip(itemID: item.id) }
            answers[item.role]?[item.id] = nil
            skipped.insert(item.id)
            prune()
            advance(from: position)
            return .skipped(itemID: item.id)
        case .answer(let text):
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                if let earlier = answers[item.role]?[item.id] {
                    advance(from: position)
                    return .accepted(itemID: item.id, value: earlier)
                }
                if item.optional { return handle(.skip) }
                return .rejected(
                    itemID: item.id,
                    problem: AnswerProblem(message: "an answer is needed; allowed: \(item.kind.allowedDescription)"))
            }
            switch AnswerParser.typed(text, for: item) {
            case .failure(let problem):
                return .rejected(itemID: item.id, problem: problem)
            case .success(let value):
                answers[item.role, default: [:]][item.id] = value
                skipped.remove(item.id)
                prune()
                advance(from: position)
                return .accepted(itemID: item.id, value: value)
            }
        }
    }

    /// Whether the item is asked, given the mode and the answers so far.
    public func isAsked(_ item: BankItem) -> Bool {
        guard item.modes.contains(mode), mode.roles.contains(item.role) else { return false }
        guard let condition = item.condition else { return true }
        guard let target = bank.item(condition.item), isAsked(target) else { return false }
        return condition.holds(for: answers[target.role]?[target.id])
    }

    private func askedPositions() -> [Int] {
        bank.items.indices.filter { isAsked(bank.items[$0]) }
    }

    private func isOpen(_ item: BankItem) -> Bool {
        answers[item.role]?[item.id] == nil && !skipped.contains(item.id)
    }

    private func firstOpen() -> Int? {
        askedPositions().first { isOpen(bank.items[$0]) }
    }

    /// Moves to the next question asked; past the end, back to any question still open.
    private mutating func advance(from position: Int) {
        self.position = askedPositions().first { $0 > position } ?? firstOpen()
    }

    /// Forgets answers to follow-up questions that a changed answer made irrelevant.
    private mutating func prune() {
        for item in bank.items where item.condition != nil && !isAsked(item) {
            answers[item.role]?[item.id] = nil
            skipped.remove(item.id)
        }
    }
}
