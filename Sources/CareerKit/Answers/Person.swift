/// Who the conversation is about.
public struct Person: Hashable, Sendable {
    /// The most characters a name, an id, a level or a domain may have (a manager's name
    /// too): enough for any real one, and a 50 MB name is refused before it is planned.
    public static let fieldLimit = 200

    public var name: String
    /// An employee id, when the company uses one.
    public var id: String?
    /// A level id of the ladder, e.g. `ic.senior`.
    public var currentLevel: String
    /// The person's field, e.g. `software` or `data`.
    public var domain: String?
    public var yearsExperience: Int?
    public var yearsManaging: Int?

    public init(
        name: String, id: String? = nil, currentLevel: String, domain: String? = nil, yearsExperience: Int? = nil,
        yearsManaging: Int? = nil
    ) {
        self.name = name
        self.id = id
        self.currentLevel = currentLevel
        self.domain = domain
        self.yearsExperience = yearsExperience
        self.yearsManaging = yearsManaging
    }
}
