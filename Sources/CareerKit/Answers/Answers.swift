/// One person's answers, from any source: an answers file, a CSV row or a talk.
public struct Answers: Hashable, Sendable {
    public var person: Person
    public var managerName: String?
    /// The manager's employee id, when the sheet gives one (`manager.id`): what HR joins on.
    public var managerID: String?
    /// The session date as `YYYY-MM-DD`, when known.
    public var date: String?
    public var mode: Mode
    /// Accepted answers by role, then by item id.
    public var responses: [Role: [String: AnswerValue]]
    public var notes: String?

    public init(
        person: Person, managerName: String? = nil, managerID: String? = nil, date: String? = nil, mode: Mode,
        responses: [Role: [String: AnswerValue]] = [:], notes: String? = nil
    ) {
        self.person = person
        self.managerName = managerName
        self.managerID = managerID
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

    /// Years of managing people as the contributor answered them, for when the person's own
    /// `years_managing` is not given: `experience.years_managing`, or 0 when
    /// `experience.leading` says they have not managed people; nil when neither was answered.
    public static func yearsManaging(answeredIn responses: [Role: [String: AnswerValue]]) -> Int? {
        let answers = responses[.contributor] ?? [:]
        if case .integer(let years)? = answers[yearsManagingItem] { return years }
        if case .text(let leading)? = answers[leadingItem], leading != "managed" { return 0 }
        return nil
    }

    /// The contributor's answer on how much leading they have done (`none`, `informal`,
    /// `tech_lead`, `managed`), and how many years they managed people.
    public static let leadingItem = "experience.leading"
    public static let yearsManagingItem = "experience.years_managing"

    /// How many items each role answered.
    public var answeredCount: Int {
        responses.values.reduce(0) { $0 + $1.count }
    }
}
