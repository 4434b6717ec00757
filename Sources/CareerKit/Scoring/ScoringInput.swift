/// The numbers scoring works from: each rated item's answer, and the top-three picks.
struct ScoringInput: Sendable {
    /// Contributor rating items by id, as answered (e.g. 1..6), possibly set to a neutral
    /// value to measure what one answer did.
    var contributor: [String: Double]
    var top3: [String]
    /// Manager rating items by id, as answered.
    var manager: [String: Double]

    init(_ answers: Answers) {
        contributor = [:]
        manager = [:]
        top3 = answers.value("top3", by: .contributor)?.values ?? []
        for (id, value) in answers.responses[.contributor] ?? [:] {
            if case .integer(let number) = value { contributor[id] = Double(number) }
        }
        for (id, value) in answers.responses[.manager] ?? [:] {
            if case .integer(let number) = value { manager[id] = Double(number) }
        }
    }
}
