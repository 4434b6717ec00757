/// Which kind of session is held, and so which questions are asked.
public enum Mode: String, CaseIterable, Codable, Sendable {
    /// Manager and contributor together: both roles answer.
    case oneOnOne = "one-on-one"
    /// The contributor alone, assessing themselves.
    case selfAssessment = "self"
    /// The manager alone, preparing for the talk.
    case manager

    /// The roles that answer in this mode.
    public var roles: [Role] {
        switch self {
        case .oneOnOne: return [.contributor, .manager]
        case .selfAssessment: return [.contributor]
        case .manager: return [.manager]
        }
    }
}
