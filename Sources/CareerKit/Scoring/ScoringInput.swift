/// The answers scoring reads: each rated item's answer, and the top-three picks.
struct ScoringInput: Sendable {
    let answers: Answers
    var top3: [String]

    init(_ answers: Answers) {
        self.answers = answers
        top3 = answers.value(Instrument.topPicks, by: .contributor)?.values ?? []
    }

    /// The answer a role gave to an item, or nil when it was not answered.
    func answer(_ id: String, by role: Role) -> AnswerValue? {
        answers.value(id, by: role)
    }

    /// A role's rating of an item as a number (e.g. 1..6), or nil when it was not answered
    /// with one (n/a, text). A calibrated observation may have a fraction.
    func rating(_ id: String, by role: Role) -> Double? {
        switch answer(id, by: role) {
        case .integer(let number)?: return Double(number)
        case .number(let number)?: return number
        default: return nil
        }
    }
}
