/// Which kind of session is held, and so which questions are asked.
public enum Mode: String, CaseIterable, Codable, Sendable {
    /// Manager and contributor together: both roles answer.
    case oneOnOne = "one-on-one"
    /// The contributor alone, assessing themselves.
    case selfAssessment = "self"
    /// The manager alone, preparing for the talk.
    case manager

    /// The kind of session in words, for titles: "one-on-one", "self-assessment",
    /// "manager's preparation".
    public var title: String {
        switch self {
        case .oneOnOne: return "one-on-one"
        case .selfAssessment: return "self-assessment"
        case .manager: return "manager's preparation"
        }
    }

    /// The roles that answer in this mode.
    public var roles: [Role] {
        switch self {
        case .oneOnOne: return [.contributor, .manager]
        case .selfAssessment: return [.contributor]
        case .manager: return [.manager]
        }
    }
}
