/// One person's answers, from any source: an answers file, a CSV row or a talk.
public struct Answers: Hashable, Sendable {
    public var person: Person
    public var managerName: String?
    /// The session date as `YYYY-MM-DD`, when known.
    public var date: String?
    public var mode: Mode
    /// Accepted answers by role, then by item id.
    public var responses: [Role: [String: AnswerValue]]
    public var notes: String?

    public init(
        person: Person, managerName: String? = nil, date: String? = nil, mode: Mode,
        responses: [Role: [String: AnswerValue]] = [:], notes: String? = nil
    ) {
        self.person = person
        self.managerName = managerName
        self.date = date
        self.mode = mode
        self.responses = responses
        self.notes = notes
    }

    /// The answer a role gave to an item, or nil when it was not answered.
    public func value(_ id: String, by role: Role) -> AnswerValue? {
        responses[role]?[id]
    }

    /// A role's answer as a number, or nil.
    public func number(_ id: String, by role: Role) -> Double? {
        value(id, by: role)?.numeric
    }

    /// Whether the manager answered every one of these observations with n/a (none is empty).
    public func notObserved(_ observations: [String]) -> Bool {
        !observations.isEmpty && observations.allSatisfy { value($0, by: .manager) == .notObserved }
    }

    /// How many items each role answered.
    public var answeredCount: Int {
        responses.values.reduce(0) { $0 + $1.count }
    }
}
