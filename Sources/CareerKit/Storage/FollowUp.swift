/// A session that follows an earlier finished session of the same kind for the same person
/// (found among the session files):
/// which questions it asks again (the earlier answer offered as the default) and which earlier
/// answers it keeps without asking, as the bank's `follow_up` says.
///
/// A question marked `keep` is kept only when the earlier session answered it or left it out
/// on purpose; one it never reached (a new question, an offer not made then) is asked.
public struct FollowUp: Hashable, Sendable {
    /// The earlier session's id and date.
    public var session: String
    public var date: String
    /// The earlier answers kept without asking, by role then item id.
    public var kept: [Role: [String: AnswerValue]]
    /// Optional questions the earlier session left out, kept left out.
    public var keptSkipped: Set<String>
    /// The ids of the questions asked again, in asking order (asked only when their condition
    /// holds).
    public var asked: [String]
    /// The earlier answers of the questions asked again: their defaults.
    public var defaults: [Role: [String: AnswerValue]]

    /// What follows `earlier` in `mode`. Earlier answers the bank no longer accepts are left
    /// out (their questions are asked).
    public init(earlier: SessionRecord, bank: QuestionBank, mode: Mode) {
        session = earlier.id
        date = earlier.date
        kept = [:]
        keptSkipped = []
        asked = []
        defaults = [:]
        let answers = earlier.responses
        let skipped = Set(earlier.skipped)
        for position in DialogEngine.askingOrder(bank, mode: mode) {
            let item = bank.items[position]
            var earlierAnswer: AnswerValue?
            if let value = answers[item.role]?[item.id], case .success(let checked) = AnswerParser.strict(Self.raw(value), for: item) {
                earlierAnswer = checked
            }
            switch (item.followUp, earlierAnswer) {
            case (.keep, let value?):
                kept[item.role, default: [:]][item.id] = value
            case (.keep, nil) where item.optional && skipped.contains(item.id):
                keptSkipped.insert(item.id)
            default:
                asked.append(item.id)
                if let earlierAnswer { defaults[item.role, default: [:]][item.id] = earlierAnswer }
            }
        }
    }

    private static func raw(_ value: AnswerValue) -> RawAnswer {
        if case .list(let values) = value { return .list(values) }
        return .scalar(value.text)
    }

    /// How many answers are kept without asking (those left out included).
    public var keptCount: Int { kept.values.reduce(0) { $0 + $1.count } + keptSkipped.count }

    /// The answers a follow-up starts from: the kept ones and the defaults.
    public var startingAnswers: [Role: [String: AnswerValue]] {
        kept.merging(defaults) { $0.merging($1) { first, _ in first } }
    }

    /// The kept answers by section id, in bank order: what the summary counts.
    public func keptBySection(_ bank: QuestionBank) -> [(section: BankSection, count: Int)] {
        bank.sections.compactMap { section in
            let count = section.items.filter { kept[$0.role]?[$0.id] != nil || keptSkipped.contains($0.id) }.count
            return count == 0 ? nil : (section, count)
        }
    }

    /// The person's last finished session of `mode` dated before `date` (the latest date, then
    /// the latest saved), or nil. A session is the person's when both carry an employee id and
    /// the ids match, or else when the names match (ignoring case).
    public static func earlierSession(
        in sessions: [SessionRecord], person: String, personID: String?, mode: Mode, before date: String, except id: String? = nil
    ) -> SessionRecord? {
        func same(_ one: String?, _ other: String?) -> Bool {
            guard let one, let other else { return false }
            return one.trimmingWhitespace().lowercased() == other.trimmingWhitespace().lowercased()
        }
        return sessions.filter { record in
            guard record.status == .finished, record.mode == mode, record.date < date, record.id != id, record.agenda == nil || mode == .oneOnOne
            else { return false }
            return personID != nil && record.person.id != nil ? same(personID, record.person.id) : same(person, record.person.name)
        }.max { ($0.date, $0.updated, $0.id) < ($1.date, $1.updated, $1.id) }
    }
}
