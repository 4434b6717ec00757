/// Who answers a question.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// The person whose career it is.
    case contributor
    /// Their manager.
    case manager

    /// How the role is shown to people.
    public var title: String {
        switch self {
        case .contributor: return "Contributor"
        case .manager: return "Manager"
        }
    }
}
