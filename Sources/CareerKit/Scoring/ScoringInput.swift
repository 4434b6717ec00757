/// The answers scoring reads: each rated item's answer, and the top-three picks. It shares
/// the answers' storage rather than copying it.
struct ScoringInput: Sendable {
    var top3: [String]
    private let contributor: [String: AnswerValue]
    private let manager: [String: AnswerValue]

    init(_ answers: Answers) {
        contributor = answers.responses[.contributor] ?? [:]
        manager = answers.responses[.manager] ?? [:]
        top3 = contributor["top3"]?.values ?? []
    }

    /// The answer a role gave to an item, or nil when it was not answered.
    func answer(_ id: String, by role: Role) -> AnswerValue? {
        role == .contributor ? contributor[id] : manager[id]
    }

    /// A role's rating of an item as a number (e.g. 1..6), or nil when the item was not
    /// answered with a whole number.
    func rating(_ id: String, by role: Role) -> Double? {
        if case .integer(let number)? = answer(id, by: role) { return Double(number) }
        return nil
    }
}
