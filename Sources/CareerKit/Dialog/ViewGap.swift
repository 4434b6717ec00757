/// A place where the contributor's prepared view and the manager's differ, talked about in
/// the one-on-one: a dimension rated two or more points apart, a manager who sees another
/// track, or a different view of readiness for the next level.
public struct ViewGap: Codable, Hashable, Sendable {
    public var topic: GapTopic
    /// The contributor's items behind their view: a dimension's rating items, or the readiness
    /// items. Empty for the track, which is read from all their answers.
    public var contributorItems: [String]
    /// The manager's items an agreed value is written to: the dimension's observations,
    /// `view.track` or `view.readiness`.
    public var managerItems: [String]
    /// For a dimension: each view's score, 0..100.
    public var selfScore: Double?
    public var managerScore: Double?
    /// For the track and readiness: the contributor's view as a value (`ic`, `within_1y`).
    public var selfView: String?
    /// The manager's prepared answers to `managerItems`, as files write them (`2`, `management`).
    public var managerAnswers: [String]

    public init(
        topic: GapTopic, contributorItems: [String], managerItems: [String], selfScore: Double? = nil,
        managerScore: Double? = nil, selfView: String? = nil, managerAnswers: [String]
    ) {
        self.topic = topic
        self.contributorItems = contributorItems
        self.managerItems = managerItems
        self.selfScore = selfScore
        self.managerScore = managerScore
        self.selfView = selfView
        self.managerAnswers = managerAnswers
    }

    /// Whether the gap is about one of the eight dimensions.
    public var isDimension: Bool { topic.dimension != nil }

    enum CodingKeys: String, CodingKey {
        case topic
        case contributorItems = "contributor_items"
        case managerItems = "manager_items"
        case selfScore = "self_score"
        case managerScore = "manager_score"
        case selfView = "self_view"
        case managerAnswers = "manager_answers"
    }
}
