/// What became of a plan item or a check-in since it was planned. The raw values are what
/// the history database, session files, CSV and JSON hold.
public enum ItemStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case done
    case inProgress = "in_progress"
    case dropped
    case notStarted = "not_started"

    /// In words, e.g. "in progress".
    public var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// Done or dropped: a new plan does not propose it again. Otherwise it is carried forward.
    public var isClosed: Bool { self == .done || self == .dropped }

    /// The status a stored text names; text from an older or damaged database counts as not
    /// started rather than stopping the report.
    init(stored: String) {
        self = ItemStatus(rawValue: stored) ?? .notStarted
    }
}
