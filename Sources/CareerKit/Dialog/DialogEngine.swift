/// A pure state machine over the question bank: which question comes next for a mode, checking
/// each typed answer, going back, skipping optional questions, and asking follow-up questions
/// only when an earlier answer makes them relevant. It does no input or output.
///
/// Without an agenda it walks every question the mode asks, in bank order, except that an item
/// with `after` comes after the item it names (a manager's judgement after the contributor's
/// ratings). With an agenda (a one-on-one that follows preparations) it walks only the agenda's
/// steps: the differences between the two prepared views, then what is left.
public struct DialogEngine: Sendable {
    public let bank: QuestionBank
    public let mode: Mode
    /// The steps of a one-on-one that follows preparations, or nil for the whole dialog.
    public let agenda: [AgendaStep]?
    /// Accepted answers by role, then item id (prepared ones included).
    public private(set) var answers: [Role: [String: AnswerValue]]
    /// Optional items left unanswered on purpose.
    public private(set) var skipped: Set<String>
    /// The keys of the agenda steps dealt with in this session.
    public private(set) var covered: Set<String>
    /// What was decided about each difference, by topic.
    public private(set) var outcomes: [GapTopic: GapOutcome]
    /// The answers (`role.id`) this session gave a new value or removed.
    public private(set) var changed: Set<String>
    /// In a follow-up, the ids of the questions asked again (the others keep their earlier
    /// answers unasked); nil asks every question.
    public let asking: Set<String>?
    /// The steps in asking order, before conditions.
    private let steps: [AgendaStep]
    private let stepIndex: [String: Int]
    /// The key of the step being asked now, or nil when finished.
    private var position: String?

    /// The word that keeps both views of a difference, followed by why.
    public static let keepWord = "keep"

    /// Starts a dialog, or resumes one at the first step still open.
    ///
    /// - Parameters:
    ///   - agenda: the steps of a one-on-one that follows preparations; nil walks every
    ///     question the mode asks.
    ///   - covered: the keys of the agenda steps already dealt with (when resuming).
    ///   - asking: in a follow-up, the questions asked again; `answers` then holds the earlier
    ///     answers, kept ones and defaults, and `covered` the questions dealt with so far.
    public init(
        bank: QuestionBank, mode: Mode, answers: [Role: [String: AnswerValue]] = [:], skipped: Set<String> = [],
        agenda: [AgendaStep]? = nil, covered: Set<String> = [], outcomes: [GapTopic: GapOutcome] = [:],
        asking: [String]? = nil
    ) {
        self.bank = bank
        self.mode = mode
        self.agenda = agenda
        self.answers = answers
        self.skipped = skipped
        self.covered = covered
        self.outcomes = outcomes
        self.changed = []
        let asking = agenda == nil ? asking.map(Set.init) : nil
        self.asking = asking
        let steps = agenda
            ?? Self.askingOrder(bank, mode: mode).map { bank.items[$0].id }.filter { asking?.contains($0) ?? true }.map { .item($0) }
        self.steps = steps
        self.stepIndex = Dictionary(steps.enumerated().map { ($0.element.key, $0.offset) }) { first, _ in first }
        self.position = nil
        self.position = firstOpen()
    }

    /// The bank positions of the items a mode asks, in asking order: bank order, with each item
    /// that has `after` moved to just behind the item it names when that one comes later.
    public static func askingOrder(_ bank: QuestionBank, mode: Mode) -> [Int] {
        var order = bank.items.indices.filter {
            bank.items[$0].modes.contains(mode) && mode.roles.contains(bank.items[$0].role)
        }
        var moved: Set<Int> = []
        for position in order {
            guard let anchorID = bank.items[position].after,
                let anchor = order.firstIndex(where: { bank.items[$0].id == anchorID }),
                let here = order.firstIndex(of: position), here < anchor
            else { continue }
            order.remove(at: here)
            var slot = anchor  // the anchor moved up by one
            while slot < order.count, moved.contains(order[slot]), bank.items[order[slot]].after == anchorID { slot += 1 }
            order.insert(position, at: slot)
            moved.insert(position)
        }
        return order
    }

    /// The question to ask now, or nil when the dialog is finished.
    public var current: Question? {
        guard let position, let step = step(position) else { return nil }
        let asked = askedSteps()
        let index = (asked.firstIndex { $0.key == position } ?? 0) + 1
        switch step {
        case .item(let id):
            let item = bank.item(id)!
            let answer = answers[item.role]?[item.id]
            return Question(
                item: item, section: section(of: item), index: index, total: asked.count,
                currentAnswer: answer, lastTime: answer != nil && asking != nil && !covered.contains(step.key))
        case .gap(let gap):
            let item = target(of: gap)
            return Question(
                item: item, section: differencesSection, index: index, total: asked.count,
                currentAnswer: answers[item.role]?[item.id], gap: gap, outcome: outcomes[gap.topic])
        }
    }

    public var isFinished: Bool { position == nil }

    /// Every question this mode asks given the answers so far, in order (with an agenda, the
    /// prepared ones too): what `:review` lists.
    public var askedItems: [BankItem] {
        Self.askingOrder(bank, mode: mode).map { bank.items[$0] }.filter(isAsked)
    }

    /// How many steps this session asks given the answers so far.
    public var stepCount: Int { askedSteps().count }

    /// Handles one input and says what happened.
    @discardableResult
    public mutating func handle(_ input: DialogInput) -> DialogEvent {
        guard let position, let step = step(position) else { return .finished }
        switch (input, step) {
        case (.back, _):
            let asked = askedSteps()
            let here = stepIndex[position] ?? 0
            guard let previous = asked.last(where: { (stepIndex[$0.key] ?? 0) < here }) else { return .atFirstQuestion }
            self.position = previous.key
            if case .gap(let gap) = previous { return .wentBack(toItemID: target(of: gap).id) }
            return .wentBack(toItemID: itemID(of: previous))
        case (.skip, .item(let id)):
            let item = bank.item(id)!
            guard item.optional else { return .cannotSkip(itemID: item.id) }
            if answers[item.role]?[item.id] != nil { changed.insert(Self.key(item)) }
            answers[item.role]?[item.id] = nil
            skipped.insert(item.id)
            prune()
            moveOn(from: step)
            return .skipped(itemID: item.id)
        case (.skip, .gap(let gap)):
            outcomes[gap.topic] = GapOutcome(resolution: .skipped)
            moveOn(from: step)
            return .skipped(itemID: step.key)
        case (.answer(let text), .item(let id)):
            return answer(text, item: bank.item(id)!, step: step)
        case (.answer(let text), .gap(let gap)):
            return settle(gap, text: text, step: step)
        }
    }

    /// Whether the item is asked, given the mode and the answers so far.
    public func isAsked(_ item: BankItem) -> Bool {
        guard item.modes.contains(mode), mode.roles.contains(item.role) else { return false }
        guard let condition = item.condition else { return true }
        guard let target = bank.item(condition.item), isAsked(target) else { return false }
        return condition.holds(for: answers[target.role]?[target.id])
    }

    // MARK: - Answers

    private mutating func answer(_ text: String, item: BankItem, step: AgendaStep) -> DialogEvent {
        let earlier = answers[item.role]?[item.id]
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            if let earlier {
                moveOn(from: step)
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
            if value != earlier { changed.insert(Self.key(item)) }
            answers[item.role, default: [:]][item.id] = value
            skipped.remove(item.id)
            prune()
            moveOn(from: step)
            return .accepted(itemID: item.id, value: value)
        }
    }

    /// Agrees on a value for a difference, or keeps both views with a note (`keep WHY`).
    private mutating func settle(_ gap: ViewGap, text: String, step: AgendaStep) -> DialogEvent {
        let item = target(of: gap)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            guard outcomes[gap.topic] != nil else {
                return .rejected(
                    itemID: item.id,
                    problem: AnswerProblem(message: "an answer is needed: agree on a value from the list, or type keep and why both views stand"))
            }
            moveOn(from: step)
            return outcomes[gap.topic]?.resolution == .kept ? .keptBoth(topic: gap.topic) : .accepted(itemID: item.id, value: answers[item.role]?[item.id] ?? .text(""))
        }
        if let note = Self.keptNote(trimmed) {
            guard !note.isEmpty else {
                return .rejected(
                    itemID: item.id,
                    problem: AnswerProblem(message: "say why both views stand after the word keep, e.g. keep the guild work is outside the team"))
            }
            restorePrepared(gap)
            outcomes[gap.topic] = GapOutcome(resolution: .kept, note: PrintableText.stripped(note))
            moveOn(from: step)
            return .keptBoth(topic: gap.topic)
        }
        switch AnswerParser.typed(trimmed, for: item) {
        case .failure(let problem):
            return .rejected(itemID: item.id, problem: AnswerProblem(message: problem.message + "; or keep and why both views stand"))
        case .success(let value):
            for id in gap.managerItems {
                answers[.manager, default: [:]][id] = value
                changed.insert(Self.key(.manager, id))
            }
            outcomes[gap.topic] = GapOutcome(resolution: .agreed, value: value.text)
            moveOn(from: step)
            return .accepted(itemID: item.id, value: value)
        }
    }

    /// The note after `keep` (empty when none was given), or nil when the text does not keep.
    static func keptNote(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix(keepWord) else { return nil }
        let rest = text.dropFirst(keepWord.count)
        guard rest.isEmpty || rest.first == " " || rest.first == ":" else { return nil }
        return rest.drop { $0 == " " || $0 == ":" }.trimmingCharacters(in: .whitespaces)
    }

    /// Puts the manager's prepared answers back, after an agreement was changed to keeping both.
    private mutating func restorePrepared(_ gap: ViewGap) {
        guard outcomes[gap.topic]?.resolution == .agreed else { return }
        for (id, text) in zip(gap.managerItems, gap.managerAnswers) {
            guard let item = bank.item(id), case .success(let value) = AnswerParser.strict(.scalar(text), for: item) else { continue }
            answers[.manager, default: [:]][id] = value
        }
    }

    // MARK: - Steps

    private func step(_ key: String) -> AgendaStep? {
        stepIndex[key].map { steps[$0] }
    }

    private func itemID(of step: AgendaStep) -> String {
        if case .item(let id) = step { return id }
        return step.key
    }

    /// The manager's item a difference is settled on (the first, when there are several).
    private func target(of gap: ViewGap) -> BankItem {
        gap.managerItems.lazy.compactMap { bank.item($0) }.first
            ?? BankItem(
                id: gap.topic.description, role: .manager, modes: [mode], kind: .text(maxLength: 0), text: gap.topic.title,
                help: "", section: "")
    }

    private func section(of item: BankItem) -> BankSection {
        bank.section(item.section) ?? BankSection(id: item.section, title: item.section, intros: [:], items: [])
    }

    private var differencesSection: BankSection {
        BankSection(
            id: "differences", title: bank.differences.title,
            intros: Dictionary(uniqueKeysWithValues: Mode.allCases.map { ($0, bank.differences.intro) }), items: [])
    }

    private func askedSteps() -> [AgendaStep] {
        steps.filter { step in
            guard case .item(let id) = step else { return true }
            return bank.item(id).map(isAsked) ?? false
        }
    }

    /// Whether the dialog marks the steps dealt with (an agenda, or a follow-up whose answers
    /// start filled in) rather than telling them by their answers.
    public var tracksCovered: Bool { agenda != nil || asking != nil }

    private func isOpen(_ step: AgendaStep) -> Bool {
        if tracksCovered { return !covered.contains(step.key) }
        guard case .item(let id) = step, let item = bank.item(id) else { return false }
        return answers[item.role]?[item.id] == nil && !skipped.contains(item.id)
    }

    private func firstOpen() -> String? {
        askedSteps().first(where: isOpen)?.key
    }

    /// Marks the step dealt with and moves to the next one asked; past the end, back to any
    /// step still open.
    private mutating func moveOn(from step: AgendaStep) {
        if tracksCovered { covered.insert(step.key) }
        let here = stepIndex[step.key] ?? 0
        position = askedSteps().first { (stepIndex[$0.key] ?? 0) > here }?.key ?? firstOpen()
    }

    /// Forgets answers to follow-up questions that a changed answer made irrelevant.
    private mutating func prune() {
        for item in bank.items where item.condition != nil && !isAsked(item) {
            if answers[item.role]?[item.id] != nil { changed.insert(Self.key(item)) }
            answers[item.role]?[item.id] = nil
            skipped.remove(item.id)
            covered.remove(AgendaStep.item(item.id).key)
        }
    }

    /// How `changed` names an answer: `role.id`.
    static func key(_ item: BankItem) -> String { key(item.role, item.id) }
    static func key(_ role: Role, _ id: String) -> String { role.rawValue + "." + id }
}
